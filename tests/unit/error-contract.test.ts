import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER, serverSources } from './support/server-sources.ts';

/**
 * A bad value is answered with its field in `fieldErrors` (server/src/errors.ts `invalidField`), never only as a
 * "field: problem" message the dashboard would have to take apart.
 */
describe('the server names a bad field in the error data', () => {
  it('never phrases INVALID_INPUT as "field: …" without the field map', () => {
    const phrased = /new AppError\(\s*'INVALID_INPUT',\s*['`](\$\{[^}]+\}|[A-Za-z][\w.]*): /;
    const offenders = serverSources()
      .filter((file) => !file.endsWith(`${path.sep}errors.ts`))
      .filter((file) => phrased.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(SERVER, file));
    expect(offenders).toEqual([]);
  });
});
