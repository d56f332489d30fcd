import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Database, type DatabaseHandle, openDatabase, queryRows } from '../../server/src/db/client.ts';
import { contactLog } from '../../server/src/db/schema/index.ts';
import { claimJob, enqueueJob, type JobDefinition } from '../../server/src/jobs/queue.ts';
import { jobDefinitions } from '../../server/src/jobs/registry.ts';
import { JobRunner } from '../../server/src/jobs/runner.ts';
import { buildCase, buildContactPoint, buildDebtor, buildPortfolio } from './support/builders.ts';
import { createTestDatabase, type TestDatabase, usingServer } from './support/db.ts';
import { buildStrategy, buildTemplate } from './support/reminders.ts';

/**
 * The job queue in PostgreSQL (decision 013). On the server, two runners on two connection pools stand for two
 * server instances; on PGlite they share the one in-process database and the same assertions hold.
 */
const NOW = new Date('2026-11-29T10:00:00Z');

let handle: TestDatabase;
let second: DatabaseHandle | null = null;
let otherDb: Database;

beforeAll(async () => {
  handle = await createTestDatabase();
  otherDb = handle.db;
  if (handle.url) {
    second = await openDatabase({ url: handle.url, poolSize: 5 });
    otherDb = second.db;
  }
});
afterAll(async () => {
  await second?.close();
  await handle.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function jobStates(name: string) {
  return queryRows<{ state: string; attempts: number; run_at: Date | string; last_error: string | null }>(
    handle.db,
    sql`select state, attempts, run_at, last_error from jobs where name = ${name} order by id`,
  );
}

it('two workers share 200 jobs and run each exactly once', async () => {
  const runs = new Map<number, string[]>();
  const def = (worker: string): JobDefinition => ({
    name: 'test.count',
    handler: async ({ job }) => {
      runs.set(job.id, [...(runs.get(job.id) ?? []), worker]);
      await sleep(1); // let the other worker interleave
    },
  });
  for (let i = 0; i < 200; i++) await enqueueJob(handle.db, 'test.count', { i }, { runAt: NOW });
  const a = new JobRunner({ db: handle.db, definitions: [def('a')], workerId: 'a' });
  const b = new JobRunner({ db: otherDb, definitions: [def('b')], workerId: 'b' });
  const [sa, sb] = await Promise.all([a.runDue(NOW), b.runDue(NOW)]);
  expect(sa.ran + sb.ran).toBe(200);
  expect(runs.size).toBe(200);
  expect([...runs.values()].every((workers) => workers.length === 1)).toBe(true);
  if (usingServer()) expect(Math.min(sa.ran, sb.ran)).toBeGreaterThan(0);
  const states = await jobStates('test.count');
  expect(states.every((s) => s.state === 'done' && s.attempts === 1)).toBe(true);
});

it('a scheduled slot fires once across workers, in its IANA zone, and not before its time', async () => {
  let fired = 0;
  const def: JobDefinition = {
    name: 'test.nightly',
    // 02:00 in New York: 07:00 UTC in winter.
    schedule: { cron: '0 2 * * *', timezone: 'America/New_York' },
    handler: async () => {
      fired++;
    },
  };
  const a = new JobRunner({ db: handle.db, definitions: [def], workerId: 'a' });
  const b = new JobRunner({ db: otherDb, definitions: [def], workerId: 'b' });
  await Promise.all([a.runDue(NOW), b.runDue(NOW)]); // registers the schedule: next slot 2026-11-30 07:00Z
  expect(fired).toBe(0);
  await Promise.all([a.runDue(new Date('2026-11-30T06:59:00Z')), b.runDue(new Date('2026-11-30T06:59:00Z'))]);
  expect(fired).toBe(0);
  const at = new Date('2026-11-30T07:00:30Z');
  await Promise.all([a.runDue(at), b.runDue(at), a.runDue(at), b.runDue(at)]);
  expect(fired).toBe(1);
  // The next night fires again, once.
  const next = new Date('2026-12-01T07:01:00Z');
  await Promise.all([a.runDue(next), b.runDue(next)]);
  expect(fired).toBe(2);
  const [schedule] = await queryRows<{ next_run_at: Date | string }>(
    handle.db,
    sql`select next_run_at from job_schedules where name = 'test.nightly'`,
  );
  expect(new Date(schedule?.next_run_at as string).toISOString()).toBe('2026-12-02T07:00:00.000Z');
});

it('a failing job is retried with growing backoff and failed once its attempts are spent', async () => {
  let calls = 0;
  const def: JobDefinition = {
    name: 'test.flaky',
    maxAttempts: 3,
    backoffMs: 60_000,
    handler: async () => {
      calls++;
      throw new Error(`boom ${calls}`);
    },
  };
  await enqueueJob(handle.db, 'test.flaky', {}, { runAt: NOW, maxAttempts: 3 });
  const runner = new JobRunner({ db: handle.db, definitions: [def] });
  await runner.runDue(NOW);
  let [job] = await jobStates('test.flaky');
  expect(job).toMatchObject({ state: 'queued', attempts: 1, last_error: 'boom 1' });
  expect(new Date(job?.run_at as string).getTime()).toBe(NOW.getTime() + 60_000);
  await runner.runDue(new Date(NOW.getTime() + 59_000)); // not yet
  expect(calls).toBe(1);
  await runner.runDue(new Date(NOW.getTime() + 60_000));
  [job] = await jobStates('test.flaky');
  expect(job).toMatchObject({ state: 'queued', attempts: 2 });
  expect(new Date(job?.run_at as string).getTime()).toBe(NOW.getTime() + 60_000 + 120_000);
  await runner.runDue(new Date(NOW.getTime() + 180_000));
  [job] = await jobStates('test.flaky');
  expect(job).toMatchObject({ state: 'failed', attempts: 3, last_error: 'boom 3' });
  await runner.runDue(new Date(NOW.getTime() + 86_400_000));
  expect(calls).toBe(3);
});

it("a crashed worker's job is taken over after its lease, and the late worker cannot complete it", async () => {
  let ran = 0;
  const def: JobDefinition = {
    name: 'test.lease',
    leaseMs: 60_000,
    handler: async () => {
      ran++;
    },
  };
  await enqueueJob(handle.db, 'test.lease', {}, { runAt: NOW });
  // Worker "dead" claims the job and never finishes it.
  const claimed = await claimJob(handle.db, new Map([['test.lease', 60_000]]), 'dead', NOW);
  expect(claimed).not.toBeNull();
  const survivor = new JobRunner({ db: otherDb, definitions: [def], workerId: 'survivor' });
  expect((await survivor.runDue(new Date(NOW.getTime() + 30_000))).ran).toBe(0); // lease still live
  expect((await survivor.runDue(new Date(NOW.getTime() + 61_000))).ran).toBe(1);
  expect(ran).toBe(1);
  const [job] = await jobStates('test.lease');
  expect(job).toMatchObject({ state: 'done', attempts: 2 });
});

it('an enqueue with a singleton key is idempotent', async () => {
  const first = await enqueueJob(handle.db, 'test.once', {}, { singletonKey: 'import:abc' });
  const again = await enqueueJob(handle.db, 'test.once', {}, { singletonKey: 'import:abc' });
  expect(first).not.toBeNull();
  expect(again).toBeNull();
});

it('stop() lets the job in hand finish and takes no other', async () => {
  let release: () => void = () => {};
  const started: number[] = [];
  const def: JobDefinition = {
    name: 'test.slow',
    handler: async ({ job }) => {
      started.push(job.id);
      await new Promise<void>((resolve) => {
        release = resolve;
      });
    },
  };
  await enqueueJob(handle.db, 'test.slow', {}, { runAt: NOW });
  await enqueueJob(handle.db, 'test.slow', {}, { runAt: NOW });
  const runner = new JobRunner({ db: handle.db, definitions: [def], clock: () => NOW, pollMs: 10 });
  runner.start();
  while (started.length === 0) await sleep(5);
  const stopped = runner.stop();
  release();
  await stopped;
  expect(started).toHaveLength(1);
  const states = (await jobStates('test.slow')).map((s) => s.state);
  expect(states).toEqual(['done', 'queued']);
});

it("the registry's reminders.run fires on its 15-minute slot and sends the due reminder through the queue", async () => {
  const db = handle.db;
  const portfolio = await buildPortfolio(db);
  const sms = await buildTemplate(db, { channel: 'sms', portfolioId: portfolio.id });
  await buildStrategy(db, portfolio.id, [{ offsetDays: -1, channel: 'sms', templateId: sms.id }]);
  const debtor = await buildDebtor(db, { explicitTimeZone: 'America/New_York' });
  await buildContactPoint(db, debtor.id, { kind: 'mobile', verified: true });
  const caseRow = await buildCase(db, {
    portfolioId: portfolio.id,
    debtorId: debtor.id,
    dueDate: '2026-12-01',
  });
  const reminders = jobDefinitions.filter((d) => d.name === 'reminders.run');
  expect(reminders).toHaveLength(1);
  const runner = new JobRunner({ db, definitions: reminders });
  // 10:01 New York on the day before the due date: the schedule is registered, its next slot is 10:15.
  expect(await runner.runDue(new Date('2026-11-30T15:01:00Z'))).toMatchObject({ enqueued: 0, ran: 0 });
  expect(await runner.runDue(new Date('2026-11-30T15:15:00Z'))).toMatchObject({
    enqueued: 1,
    ran: 1,
    failed: 0,
  });
  const sent = await db.select().from(contactLog).where(eq(contactLog.caseId, caseRow.id));
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ kind: 'sms', agentId: null });
  const [job] = await jobStates('reminders.run');
  expect(job).toMatchObject({ state: 'done', attempts: 1 });
});
