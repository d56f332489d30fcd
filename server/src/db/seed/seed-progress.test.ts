import { describe, expect, it } from 'vitest';
import { progressPrinter, type SeedProgress } from './seed-progress.ts';

/** Feeds a printer a seed's reports at given instants (ms) and returns what it wrote. */
function print(tty: boolean, reports: Array<[number, SeedProgress]>): string {
  let now = 0;
  let out = '';
  const report = progressPrinter({ write: (text) => (out += text), tty, clock: () => now });
  for (const [at, progress] of reports) {
    now = at;
    report(progress);
  }
  return out;
}

const at = (ms: number, step: SeedProgress['step'], cases = 0, contacts = 0): [number, SeedProgress] => [
  ms,
  { step, cases, totalCases: 3000, contacts },
];
const SEED = [
  at(0, 'sign-ins'),
  at(200, 'cases'),
  ...Array.from({ length: 12 }, (_, i) => at(200 + (i + 1) * 250, 'cases', (i + 1) * 250, (i + 1) * 1450)),
  at(3300, 'indexes', 3000, 17400),
  at(3500, 'demos', 3000, 17400),
  at(3700, 'reports', 3000, 17400),
  at(4500, 'done', 3000, 17400),
];

describe('the seed progress printer', () => {
  it('says what it seeds, how far it has got and what is left, a line per step and at most one a second', () => {
    const lines = print(false, SEED).trimEnd().split('\n');
    expect(lines[0]).toBe('seeding a demo book of 3,000 cases');
    expect(lines[1]).toBe('[0.0 s] reference data and sign-ins; then cases, indexes, demos, reports');
    expect(lines).toContain(
      '[1.2 s] 1,000 / 3,000 cases, 5,800 contacts; 2,000 cases left (about 2 s), then indexes, demos, reports',
    );
    expect(lines).toContain(
      '[3.2 s] 3,000 / 3,000 cases, 17,400 contacts; 0 cases left, then indexes, demos, reports',
    );
    expect(lines.at(-1)).toBe('[4.5 s] seeded 3,000 cases and 17,400 contacts');
    // 12 batches in 3 s: the first, about one a second, and the last; not one per batch.
    const caseLines = lines.filter((line) => / cases, /.test(line));
    expect(caseLines.length).toBeGreaterThanOrEqual(3);
    expect(caseLines.length).toBeLessThanOrEqual(5);
    expect(lines.filter((line) => line.includes('\r'))).toEqual([]);
  });

  it('redraws the case count in place on a terminal, and ends each step on a line of its own', () => {
    const out = print(true, SEED);
    expect(out).toContain('\r\x1b[K[1.2 s] 1,000 / 3,000 cases');
    // What follows a redrawn line starts on a new line.
    expect(out).toMatch(
      /cases left \(about \d s\), then indexes, demos, reports\n\[3\.2 s\] 3,000 \/ 3,000 cases/,
    );
    expect(out.endsWith('[4.5 s] seeded 3,000 cases and 17,400 contacts\n')).toBe(true);
  });
});
