import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../../server/src/db/client.ts';
import { withDatabase } from './global-setup.ts';

let counter = 0;

/**
 * A fresh, migrated database of its own: PGlite restored from the run's snapshot, or (with TEST_DATABASE_URL)
 * a new database on the PostgreSQL server cloned from the migrated template. `close()` drops it.
 */
export async function createTestDatabase(
  options: { poolSize?: number } = {},
): Promise<DatabaseHandle & { url?: string }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `arrears_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
    const admin = postgres(serverUrl, { onnotice: () => {}, max: 1 });
    await admin.unsafe(`create database ${name} template ${inject('templateDatabase')}`);
    const url = withDatabase(serverUrl, name);
    const handle = await openDatabase({ url, poolSize: options.poolSize ?? 10 });
    return {
      ...handle,
      url,
      close: async () => {
        await handle.close();
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const snapshot = readFileSync(inject('pgliteSnapshot'));
  return openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([snapshot]) });
}

export const usingServer = (): boolean => Boolean(process.env.TEST_DATABASE_URL);
