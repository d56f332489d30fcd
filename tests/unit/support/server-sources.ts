import { readdirSync } from 'node:fs';
import path from 'node:path';

/** server/src, for tests that read the source text (serverSources also walks shared/src when given it). */
export const SERVER = path.resolve(import.meta.dirname, '../../../server/src');

/** The server's TypeScript sources under `dir` (tests left out), as absolute paths. */
export function serverSources(dir = SERVER): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return serverSources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}
