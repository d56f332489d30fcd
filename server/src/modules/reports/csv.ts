/**
 * CSV text (RFC 4180, CRLF) from report rows. Text cells that a spreadsheet would read as a formula (starting
 * with =, +, -, @, tab or carriage return) get a leading apostrophe, so a name like `=HYPERLINK(…)` stays
 * text (OWASP "CSV injection"). Numbers are written as numbers; null is an empty cell.
 */
export function toCsv(rows: ReadonlyArray<Record<string, unknown>>, columns?: readonly string[]): string {
  const header = columns ?? Object.keys(rows[0] ?? {});
  const lines = [header.map((h) => cell(h)).join(',')];
  for (const row of rows) lines.push(header.map((h) => cell(row[h])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** A number already written out (an amount with its currency's decimals): a number cell, never neutralised. */
export class NumberText {
  constructor(readonly text: string) {}
}

/** Tells Excel the file is UTF-8, so Chinese names open readable; other readers skip it. */
export const UTF8_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

export function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof NumberText) return value.text;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
