import type { Server } from 'node:http';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { migrateForApp, openOwner, warnIfAppOwnsHistory } from './db/roles.ts';
import { DEMO_PASSWORD, demoSignInLines } from './db/seed/demo-users.ts';
import { jobDefinitions } from './jobs/registry.ts';
import { JobRunner } from './jobs/runner.ts';
import { logger } from './logger.ts';
import { pruneSessions } from './modules/auth/session.ts';

const config = loadConfig();
const handle = await openDatabase({ url: config.DATABASE_URL, dataDir: config.PGLITE_DIR });
logger.info({ database: handle.kind }, 'database opened');
// Migrations and the first-run seed run as the schema's owner; the app itself as a role that owns nothing (021).
const owner = await openOwner(handle, config.DATABASE_OWNER_URL);
await migrateForApp(owner, { url: config.DATABASE_URL, ownerUrl: config.DATABASE_OWNER_URL });
await warnIfAppOwnsHistory(handle);
await pruneSessions(handle.db, new Date());

const { seedIfEmpty } = await import('./db/seed/first-run.ts');
const { progressPrinter } = await import('./db/seed/seed-progress.ts');
const started = performance.now();
// The first start seeds the demo book; it says how far it has got and what is left (decision record 028).
const onProgress = progressPrinter({
  write: (text) => process.stdout.write(`  ${text}`),
  tty: process.stdout.isTTY === true,
});
if (await seedIfEmpty(owner.db, { cases: config.SEED_CASES, onProgress })) {
  logger.info(
    { cases: config.SEED_CASES, ms: Math.round(performance.now() - started) },
    'seeded the demo book',
  );
}
if (owner !== handle) await owner.close();

const app = createApp({
  db: handle.db,
  sessionTtlHours: config.SESSION_TTL_HOURS,
  cookieSecure: config.COOKIE_SECURE ?? false,
  trustProxy: config.TRUST_PROXY,
});
const jobRunner =
  config.JOBS_WORKER === false ? null : new JobRunner({ db: handle.db, definitions: jobDefinitions });
jobRunner?.start();
if (!jobRunner) logger.info('job worker disabled (JOBS_WORKER=false)');

const server: Server = app.listen(config.PORT, config.HOST, () => {
  const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
  printBanner(url, handle.kind);
});

function printBanner(url: string, kind: string) {
  const lines = [
    '',
    `  ArrearsDesk is running at ${url}  (database: ${kind === 'pglite' ? 'embedded PGlite' : 'PostgreSQL server'})`,
    '',
    `  Demo sign-ins (password for all: ${DEMO_PASSWORD})`,
    ...demoSignInLines(),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * Stops taking connections, lets requests in flight finish, stops the job worker and closes the database, then
 * says so and exits 0: an asked-for stop is a success. Ctrl-C before the server listens keeps Node's default (the
 * process ends at once; the first-run seed is one transaction, so nothing half-seeded is kept).
 */
let shuttingDown = false;
async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info({ signal }, 'shutting down');
  const force = setTimeout(() => {
    logger.error({ signal }, 'requests still open after 10 s; exiting without waiting for them');
    process.exit(1);
  }, 10_000);
  force.unref();
  const jobsStopped = jobRunner?.stop();
  server.close(async () => {
    await jobsStopped;
    await handle.close();
    process.stdout.write(`\n  ArrearsDesk stopped cleanly (${signal}).\n\n`);
    process.exit(0);
  });
  server.closeIdleConnections();
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => void shutdown(signal));
}
