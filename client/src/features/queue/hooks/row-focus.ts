/**
 * `j` / `k` move through the queue's rows by focusing each row's case link, so Enter opens the case and a
 * screen reader reads the row. From outside the table, `j` starts at the first row and `k` at the last.
 */
export function moveRowFocus(container: HTMLElement | null, step: 1 | -1): void {
  if (!container) return;
  const links = [...container.querySelectorAll<HTMLAnchorElement>('tbody a.row-link')];
  if (links.length === 0) return;
  const current =
    document.activeElement instanceof HTMLAnchorElement ? links.indexOf(document.activeElement) : -1;
  const next =
    current === -1
      ? step === 1
        ? 0
        : links.length - 1
      : Math.min(Math.max(current + step, 0), links.length - 1);
  const target = links[next];
  target?.focus();
  target?.closest('tr')?.scrollIntoView({ block: 'nearest' });
}
