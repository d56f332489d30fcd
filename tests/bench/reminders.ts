import { count, sql } from 'drizzle-orm';
import type { Database } from '../../server/src/db/client.ts';
import * as s from '../../server/src/db/schema/index.ts';
import { seedRemindersDemo } from '../../server/src/db/seed/reminders-demo.ts';
import { logger } from '../../server/src/logger.ts';
import { dueSteps, runReminders } from '../../server/src/modules/reminders/scheduler.ts';
import { openBenchDatabase } from './support.ts';

/**
 * `pnpm bench` (reminders): one reminder run over the one-million-case book, inside a transaction that is rolled
 * back (the book is shared; nothing it writes stays). Without strategies in the book it adds the demo ones first.
 * Prints how long finding the due cases takes over the whole book and how many cases per second a run judges
 * and sends (each case is one guarded transaction: debtor lock, facts, engine, decision/contact/outbox rows).
 * BENCH_REMINDER_CASES caps the cases sent (default 1,000).
 */
const LIMIT = Number(process.env.BENCH_REMINDER_CASES ?? 1_000);
/** 10:00 in New York, 23:00 in Beijing: US reminders go out, Chinese ones are held by the time-of-day rules. */
const NOW = new Date(process.env.BENCH_NOW ?? '2026-11-30T15:00:00Z');

class Rollback extends Error {}
const quiet = logger.child({}, { level: 'silent' });

const handle = await openBenchDatabase(4, { seedHint: false });
const [{ n: caseCount } = { n: 0 }] = await handle.db.select({ n: count() }).from(s.cases);
const [{ n: reminderStage } = { n: 0 }] = await handle.db
  .select({ n: count() })
  .from(s.cases)
  .where(sql`stage = 'reminder' and status = 'active'`);

try {
  await handle.db.transaction(async (tx) => {
    const db = tx as unknown as Database;
    const [{ n: strategies } = { n: 0 }] = await tx.select({ n: count() }).from(s.reminderStrategies);
    if (strategies === 0) await seedRemindersDemo(tx, NOW);

    // Finding the due cases: the scheduler's selection walked over the whole book, nothing sent.
    let started = performance.now();
    let due = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    const today = NOW.toISOString().slice(0, 10);
    for (;;) {
      const page = await dueSteps(db, today, NOW, after, 500);
      if (page.lastCaseId === null) break;
      after = page.lastCaseId;
      due += page.rows.length;
    }
    const scanMs = performance.now() - started;

    started = performance.now();
    const summary = await runReminders(db, { now: NOW, limit: LIMIT, logger: quiet });
    const runMs = performance.now() - started;
    const perSecond = summary.considered / (runMs / 1000);
    process.stdout.write(
      [
        `book: ${caseCount.toLocaleString('en-US')} cases, ${reminderStage.toLocaleString('en-US')} active in the reminder stage`,
        `selection over the whole book: ${due.toLocaleString('en-US')} cases with a reminder due, found in ${(scanMs / 1000).toFixed(2)} s`,
        `reminder run: ${summary.considered} cases in ${(runMs / 1000).toFixed(2)} s → ${perSecond.toFixed(1)} cases/s ` +
          `(sent ${summary.sent}, blocked ${summary.blocked}, skipped ${summary.skipped})`,
        '',
      ].join('\n'),
    );
    throw new Rollback();
  });
} catch (error) {
  if (!(error instanceof Rollback)) throw error;
} finally {
  await handle.close();
}
