import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { withDatabase } from './support/global-setup.ts';
import { type ServerProcess, signIn, startServer, waitFor } from './support/server-process.ts';

/**
 * The real server process on an empty database of the PostgreSQL server, as `npm start` runs it with DATABASE_URL:
 * it migrates, prunes sessions, seeds a small demo book, serves, and its job worker runs jobs. Start-up used to
 * exit 1 there (a Date bound in raw sql) while every PGlite test passed.
 */
const serverUrl = process.env.TEST_DATABASE_URL;
const name = `arrears_start_${process.pid}_${Date.now().toString(36)}`;
let server: ServerProcess | null = null;

describe.runIf(Boolean(serverUrl))('the server process on PostgreSQL', () => {
  const admin = postgres(serverUrl ?? 'postgres://unused', { max: 1, onnotice: () => {} });
  const url = withDatabase(serverUrl ?? 'postgres://unused/x', name);

  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await server?.exited;
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }, 30_000);

  it('starts on an empty database, seeds it, answers health and readiness, and runs its jobs', async () => {
    await admin.unsafe(`create database ${name}`);
    server = await startServer(url);
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.base}/readyz`)).status).toBe(200);
    expect(await signIn(server.base)).toMatch(/^ad_session=/);

    const db = postgres(url, { max: 1, onnotice: () => {} });
    try {
      const [seeded] = await db<{ n: number }[]>`select count(*)::int as n from cases`;
      expect(seeded?.n).toBe(40);
      // Both registered jobs, due now: the worker (polling every 5 s) claims and finishes them.
      const jobs = await db<{ id: string }[]>`
        insert into jobs (name, payload, run_at)
        values ('reminders.run', '{}', now()), ('ladder.nightlyRoll', '{}', now()) returning id`;
      const ids = jobs.map((job) => job.id);
      let states: { name: string; state: string; last_error: string | null }[] = [];
      await waitFor(
        async () => {
          states = await db`select name, state, last_error from jobs where id = any(${ids}::bigint[])`;
          return states.every((job) => job.state === 'done' || job.state === 'failed');
        },
        60_000,
        () => `the job worker did not finish its jobs: ${JSON.stringify(states)}\n${server!.tail()}`,
      );
      expect(states.map((job) => [job.name, job.state, job.last_error]).sort()).toEqual([
        ['ladder.nightlyRoll', 'done', null],
        ['reminders.run', 'done', null],
      ]);
    } finally {
      await db.end();
    }
    expect(server.exit, server.tail()).toBeNull();
  }, 240_000);
});
