import { displayReason, type StoredReason } from '@arrears/shared/compliance/reasons/render';
import type { ContactPointKind } from '@arrears/shared/domain/enums';
import type { Language } from '@arrears/shared/domain/language';
import { maskContactValue } from '@arrears/shared/domain/masking';
import { errorMessage } from '@arrears/shared/errors/messages';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import type { TimelineItem, timelineInput } from '@arrears/shared/schemas/casework';
import { instant as instantInput } from '@arrears/shared/schemas/primitives';
import type { z } from 'zod';
import type { Executor } from '../../db/client.ts';
import { caseNotFound, invalidField } from '../../errors.ts';
import { FLAG_ACTIONS, type TimelineCursor, type TimelineRow, timelinePage } from './timeline.queries.ts';

/**
 * The case's history, newest first, one page at a time, its rule reasons in the reader's language. Anyone who
 * can see the case reads it.
 */
export async function caseTimeline(
  db: Executor,
  options: { user: SessionUser; input: z.output<typeof timelineInput> },
): Promise<{ items: TimelineItem[]; nextCursor: string | null }> {
  const { input } = options;
  const cursor = input.cursor === undefined ? null : decodeCursor(input.cursor);
  const { found, rows } = await timelinePage(db, {
    caseId: input.caseId,
    user: options.user,
    cursor,
    limit: input.limit + 1,
  });
  if (!found) throw caseNotFound();
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const more = rows.length > input.limit && last !== undefined;
  return {
    items: page.map((row) => toItem(row, options.user.language)),
    nextCursor: more ? encodeCursor({ at: last.at, type: last.type, sortId: last.sort_id }) : null,
  };
}

export function encodeCursor(cursor: TimelineCursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.type, cursor.sortId])).toString('base64url');
}

/** An instant the database takes (years 1900–2200), as every input instant. */
const cursorInstant = instantInput('cursor');

/** A cursor is opaque to the client; anything this list did not hand out is refused as bad input. */
export function decodeCursor(text: string): TimelineCursor {
  try {
    const [at, type, sortId] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof at === 'string' &&
      cursorInstant.safeParse(at).success &&
      typeof type === 'string' &&
      /^[a-z_]{1,40}$/.test(type) &&
      typeof sortId === 'string' &&
      /^[0-9a-f-]{1,40}$/.test(sortId)
    ) {
      return { at, type, sortId };
    }
  } catch {
    // fall through to the refusal below
  }
  throw invalidField('cursor', errorMessage('timeline.badCursor'));
}

type Detail = Record<string, unknown>;
const str = (value: unknown) => (typeof value === 'string' ? value : null);
const num = (value: unknown) => (typeof value === 'number' ? value : null);
const instant = (value: unknown) => (typeof value === 'string' ? new Date(value).toISOString() : null);
const reasons = (hits: unknown, language: Language) =>
  Array.isArray(hits) ? hits.map((h) => displayReason(h as StoredReason, language)) : [];

/** A row of the union as the screen sees it; contact points leave this function masked. */
function toItem(row: TimelineRow, language: Language): TimelineItem {
  const base = { id: row.id, at: new Date(row.at).toISOString(), actorName: row.actor_name };
  const d = row.detail;
  switch (row.type) {
    case 'contact': {
      const kind = str(d.pointKind) as ContactPointKind | null;
      const value = str(d.pointValue);
      const masked = kind !== null && value !== null ? maskContactValue(kind, value) : null;
      return {
        ...base,
        type: 'contact',
        detail: {
          kind: d.kind,
          direction: d.direction,
          outcome: d.outcome,
          purpose: d.purpose ?? null,
          durationSeconds: num(d.durationSeconds),
          contactPoint: str(d.pointLabel) ?? masked,
          thirdPartyName: str(d.thirdPartyName),
          notes: str(d.notes),
          body: str(d.body),
        },
      } as TimelineItem;
    }
    case 'decision':
      return {
        ...base,
        type: 'decision',
        detail: {
          outcome: d.outcome,
          actionKind: d.actionKind,
          ruleIds: d.ruleIds,
          reasons: [...reasons(d.violations, language), ...reasons(d.warnings, language)],
          overrideReason: str(d.overrideReason),
        },
      } as TimelineItem;
    case 'dispute':
      return {
        ...base,
        type: 'dispute',
        detail: { reason: d.reason, verificationSentAt: instant(d.verificationSentAt) },
      } as TimelineItem;
    case 'complaint':
      return {
        ...base,
        type: 'complaint',
        detail: { ...d, resolveBy: instant(d.resolveBy) },
      } as TimelineItem;
    case 'callback':
      return {
        ...base,
        type: 'callback',
        detail: { dueAt: instant(d.dueAt), note: str(d.note), doneAt: instant(d.doneAt) },
      } as TimelineItem;
    case 'flag':
      return { ...base, type: 'flag', detail: flagDetail(d) };
    default:
      // promise, payment_plan, payment, note, escalation_*: the SQL built the detail in its final shape.
      return { ...base, type: row.type, detail: d } as TimelineItem;
  }
}

function flagDetail(d: Detail): Extract<TimelineItem, { type: 'flag' }>['detail'] {
  return {
    event: FLAG_ACTIONS[d.action as keyof typeof FLAG_ACTIONS],
    effectiveAt: instant(d.effectiveAt),
    name: str(d.name),
    channel: (str(d.channel) as Extract<TimelineItem, { type: 'flag' }>['detail']['channel']) ?? null,
    contactPoint: str(d.contactPoint),
    until: instant(d.until),
    reason: str(d.reason),
  };
}
