import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ERROR_MESSAGES } from '@arrears/shared/errors/messages';
import { describe, expect, it } from 'vitest';
import { SERVER, serverSources } from './support/server-sources.ts';

/**
 * A refusal speaks by code (shared/src/errors/messages.ts): the dashboard renders the code in its user's language,
 * so a message written out in a service would reach a Chinese user in English. And a bad value is answered with its
 * field in `fieldErrors`/`fieldMessages` (server/src/errors.ts `invalidField`), never only inside the message.
 */
const ROOT = path.resolve(SERVER, '../..');
const SHARED = path.join(ROOT, 'shared/src');

describe('the server refuses by message code', () => {
  it('never gives an AppError words of its own instead of a message of the catalogue', () => {
    const worded = /new AppError\(\s*'[A-Z_]+',\s*['`"]/;
    const offenders = serverSources(SERVER)
      .filter((file) => worded.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(ROOT, file));
    expect(offenders).toEqual([]);
  });

  it('uses every message of the catalogue somewhere (no dead translations)', () => {
    const catalogue = path.join(SHARED, 'errors/messages.ts');
    const code = [...serverSources(SERVER), ...serverSources(SHARED)]
      .filter((file) => file !== catalogue)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const unused = Object.keys(ERROR_MESSAGES).filter((name) => !code.includes(`'${name}'`));
    expect(unused).toEqual([]);
  });
});
