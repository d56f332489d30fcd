import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A bad value is answered with its field in `fieldErrors` (server/src/errors.ts `invalidField`), never only as a
 * "field: problem" message the dashboard would have to take apart.
 */
const SERVER = path.resolve(import.meta.dirname, '../../server/src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('the server names a bad field in the error data', () => {
  it('never phrases INVALID_INPUT as "field: …" without the field map', () => {
    const phrased = /new AppError\(\s*'INVALID_INPUT',\s*['`](\$\{[^}]+\}|[A-Za-z][\w.]*): /;
    const offenders = sources(SERVER)
      .filter((file) => !file.endsWith(`${path.sep}errors.ts`))
      .filter((file) => phrased.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(SERVER, file));
    expect(offenders).toEqual([]);
  });
});
