/**
 * A call's length as an agent types it: whole minutes ("5"), minutes and seconds ("5:30") or empty (not
 * known). Answers seconds, `null` for empty, or `'invalid'`. The server's limit is one day.
 */
export function parseCallDuration(text: string): number | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const match = /^(\d{1,4})(?::([0-5]\d))?$/.exec(trimmed);
  if (!match) return 'invalid';
  const seconds = Number(match[1]) * 60 + Number(match[2] ?? 0);
  return seconds <= 86_400 ? seconds : 'invalid';
}
