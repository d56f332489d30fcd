import { z } from 'zod';
import { errorMessage, renderErrorMessage } from '../errors/messages.ts';
import { refineMessage } from '../errors/zod-issues.ts';

/**
 * The input primitives every procedure contract is built from (decision 019): text, ids, instants and dates are
 * normalized and bounded here, once, so nothing the database or the drivers cannot hold gets past the contract.
 */

const CHARACTER_NOT_ALLOWED = errorMessage('input.characterNotAllowed');
export const NOT_ALLOWED_CHARACTER = renderErrorMessage(CHARACTER_NOT_ALLOWED, 'en');

/** A UTF-16 half without its other half: the drivers cannot encode it as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** C0 controls and DEL; PostgreSQL refuses NUL in text outright. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters refused
const CONTROL = /[\u0000-\u001F\u007F]/;
/** The same, less tab, newline and carriage return, which a note or a letter may hold. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters refused
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export interface TextOptions {
  max: number;
  /** Tabs and line breaks allowed (notes, letters, files); single-line text refuses every control character. */
  multiline?: boolean;
  /** Kept exactly as sent, neither normalized nor trimmed: a file whose hash counts, a password. */
  verbatim?: boolean;
  /** What a too-long value is told; Zod's default names the limit. */
  tooLong?: string;
}

/** Text a person typed: NFC-normalized, trimmed, at most `max` characters, no control characters or lone surrogates. */
export function text({ max, multiline = false, verbatim = false, tooLong }: TextOptions) {
  const forbidden = multiline ? CONTROL_BUT_LINES : CONTROL;
  return (verbatim ? z.string() : z.string().normalize('NFC').trim())
    .refine(
      (value) => !forbidden.test(value) && !LONE_SURROGATE.test(value),
      refineMessage(CHARACTER_NOT_ALLOWED),
    )
    .max(max, tooLong);
}

/** A name, a label, a reference: one line. */
export const shortText = (max: number, tooLong?: string) => text({ max, tooLong });
/** A note, a reason, a message body: line breaks allowed. */
export const longText = (max: number, tooLong?: string) => text({ max, multiline: true, tooLong });
/** A password, compared byte for byte. */
export const secretText = (max: number) => text({ max, verbatim: true });

/** A row's id: a uuid in any case, lower-cased so the services compare it with the stored one. */
export const id = (field: string) => z.string().toLowerCase().uuid(`${field} must be an id (uuid)`);

/** An amount of money in minor units of its currency (1050 for 10.50): a whole number above zero. */
export const minorAmount = (field: string) =>
  z
    .number({ error: `${field} must be a number of minor units` })
    .int(`${field} is in minor units (a whole number, e.g. 1050 for 10.50)`)
    .positive(`${field} must be more than zero`)
    .max(Number.MAX_SAFE_INTEGER, `${field} is too large`);

/** An ISO 4217 currency code; where it must be the case's currency, the service says so when it is not. */
export const currencyCode = shortText(3).regex(
  /^[A-Z]{3}$/,
  'currency must be an ISO 4217 code such as USD or CNY',
);

/** The years an instant or a date may fall in: wide enough for any debt, narrow enough for every driver. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2200;
const EARLIEST_MS = Date.UTC(FIRST_YEAR, 0, 1);
const LATEST_MS = Date.UTC(LAST_YEAR + 1, 0, 1);

/** Within FIRST_YEAR..LAST_YEAR (UTC); text that is no instant at all is left to the format check. */
export function isInstantInBounds(value: string): boolean {
  const ms = Date.parse(value);
  return Number.isNaN(ms) || (ms >= EARLIEST_MS && ms < LATEST_MS);
}

const yearsOutOfRange = (field: string) =>
  errorMessage('input.yearOutOfRange', { field, first: FIRST_YEAR, last: LAST_YEAR });

/** An ISO-8601 instant with its offset (2026-03-10T15:00:00Z), between the years 1900 and 2200. */
export const instant = (field: string) =>
  z.iso
    .datetime({ offset: true, error: `${field} must be an ISO-8601 instant such as 2026-03-10T15:00:00Z` })
    .refine(isInstantInBounds, refineMessage(yearsOutOfRange(field)));

const DATE_SHAPE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A calendar day YYYY-MM-DD that exists (no 2026-02-30), between the years 1900 and 2200. */
export const date = (field: string) =>
  z
    .string()
    .regex(DATE_SHAPE, `${field} must be a date like 2026-11-30`)
    .superRefine((value, ctx) => {
      if (dateExists(value)) return;
      ctx.addIssue({
        code: 'custom',
        ...refineMessage(errorMessage('input.dateDoesNotExist', { field, value })),
      });
    })
    .refine(
      (value) => {
        const year = Number(value.slice(0, 4));
        return !DATE_SHAPE.test(value) || (year >= FIRST_YEAR && year <= LAST_YEAR);
      },
      refineMessage(yearsOutOfRange(field)),
    );

function dateExists(value: string): boolean {
  const match = DATE_SHAPE.exec(value);
  if (!match) return true;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  return utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day;
}

/** An opaque paging cursor a list handed out (base64url); its content is checked where it is decoded. */
export const cursorToken = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*$/, 'cursor must be a nextCursor of this list');
