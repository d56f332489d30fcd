import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../../server/src/db/client.ts';
import { createAppRole, grantAppRole } from '../../../server/src/db/roles.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    templateDatabase: string;
    /** The role test handles connect as on the server ('' = the owner, TEST_DATABASE_URL's role). */
    appRole: string;
  }
}

/** One template per run, so two runs on the same server (a developer's and CI's) never drop each other's. */
export const TEMPLATE_DB = `arrears_test_template_${process.pid}`;
/** The run's app role (decision 021): a login role that owns nothing, granted as `pnpm db:roles` grants. */
export const APP_ROLE = `arrears_test_app_${process.pid}`;

/** On the server, tests run as the app role unless TEST_DATABASE_APP_ROLE=0 (then as TEST_DATABASE_URL's owner). */
export const testsRunAsAppRole = (): boolean =>
  Boolean(process.env.TEST_DATABASE_URL) && process.env.TEST_DATABASE_APP_ROLE !== '0';

/**
 * Migrates once per run. On PGlite the migrated data folder is dumped to a file each test database is restored
 * from (~0.4 s instead of ~2 s of migrations); on the server a migrated template database is cloned, its tables owned
 * by TEST_DATABASE_URL's role and the run's app role granted on them (clones keep the grants).
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const admin = postgres(serverUrl, { onnotice: () => {}, max: 1 });
    await admin.unsafe(`drop database if exists ${TEMPLATE_DB} with (force)`);
    await admin.unsafe(`create database ${TEMPLATE_DB}`);
    await admin.end();
    const handle = await openDatabase({ url: withDatabase(serverUrl, TEMPLATE_DB), poolSize: 1 });
    await handle.migrate();
    if (testsRunAsAppRole()) {
      await createAppRole(handle.db, APP_ROLE);
      await grantAppRole(handle.db, APP_ROLE);
    }
    await handle.close();
    project.provide('templateDatabase', TEMPLATE_DB);
    project.provide('pgliteSnapshot', '');
    project.provide('appRole', testsRunAsAppRole() ? APP_ROLE : '');
    return async () => {
      const cleanup = postgres(serverUrl, { onnotice: () => {}, max: 1 });
      await cleanup.unsafe(`drop database if exists ${TEMPLATE_DB} with (force)`);
      // Fails only if a test left its database behind (the role's grants live there); the role is then left too.
      await cleanup.unsafe(`drop role if exists ${APP_ROLE}`).catch((error: Error) => {
        console.warn(`could not drop the test app role ${APP_ROLE}: ${error.message}`);
      });
      await cleanup.end();
    };
  }
  const handle = await openDatabase({ dataDir: 'memory://' });
  await handle.migrate();
  const client = (handle.db as unknown as { $client: { dumpDataDir(c: 'gzip'): Promise<Blob> } }).$client;
  const blob = await client.dumpDataDir('gzip');
  await handle.close();
  const dir = path.resolve('node_modules/.cache/arrears');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pglite-migrated-${process.pid}.tar.gz`);
  writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  project.provide('pgliteSnapshot', file);
  project.provide('templateDatabase', '');
  project.provide('appRole', '');
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The same server and database, signed in as `role` (the test server trusts local connections). */
export function withRole(url: string, role: string): string {
  const u = new URL(url);
  u.username = role;
  u.password = '';
  return u.toString();
}
