import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { inject } from 'vitest';
import { type Database, type DatabaseHandle, openDatabase } from '../../../server/src/db/client.ts';
// Loaded as the server loads it (through the app router): the queue projection registers itself with withCase.
import '../../../server/src/modules/queues/queues.service.ts';
import { withDatabase, withRole } from './global-setup.ts';

let counter = 0;

export interface TestDatabase extends DatabaseHandle {
  /** What `db` connects as (server only). */
  url?: string;
  /** The database's owner (server only): migrations, the seed's bulk load, the report backfill (decision 021). */
  ownerUrl?: string;
}

/**
 * A fresh, migrated database of its own: PGlite restored from the run's snapshot, or (with TEST_DATABASE_URL)
 * a new database on the PostgreSQL server cloned from the migrated template. On the server `db` connects as the
 * run's app role, a role that owns nothing, as the app does in production; `as: 'owner'` connects as the owner
 * (TEST_DATABASE_URL's role) for work only the owner may do. `close()` drops it.
 */
export async function createTestDatabase(
  options: { poolSize?: number; as?: 'app' | 'owner' } = {},
): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `arrears_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
    const admin = postgres(serverUrl, { onnotice: () => {}, max: 1 });
    await admin.unsafe(`create database ${name} template ${inject('templateDatabase')}`);
    const ownerUrl = withDatabase(serverUrl, name);
    const appRole = inject('appRole');
    const url = appRole && options.as !== 'owner' ? withRole(ownerUrl, appRole) : ownerUrl;
    const handle = await openDatabase({ url, poolSize: options.poolSize ?? 10 });
    return {
      ...handle,
      url,
      ownerUrl,
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

/** Runs `work` as the test database's owner: over a connection of its own on the server, on `db` on PGlite. */
export async function asOwner<T>(handle: TestDatabase, work: (owner: Database) => Promise<T>): Promise<T> {
  if (!handle.ownerUrl || handle.ownerUrl === handle.url) return work(handle.db);
  const owner = await openDatabase({ url: handle.ownerUrl, poolSize: 1 });
  try {
    return await work(owner.db);
  } finally {
    await owner.close();
  }
}

export const usingServer = (): boolean => Boolean(process.env.TEST_DATABASE_URL);
