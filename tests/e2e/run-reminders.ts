// `tsx tests/e2e/run-reminders.ts <iso-instant>`: one run of the reminder scheduler against the end-to-end server's
// database (E2E_DATABASE_URL), as the job `reminders.run` would do at that instant, through the development outbox.
import { openDatabase } from '../../server/src/db/client.ts';
// The queues' projector: every case change re-judges the case's queue standing, as in the server.
import '../../server/src/modules/queues/queues.service.ts';
import { runReminders } from '../../server/src/modules/reminders/scheduler.ts';

const url = process.env.E2E_DATABASE_URL;
const at = new Date(process.argv[2] ?? '');
if (!url || Number.isNaN(at.getTime())) {
  console.error('usage: E2E_DATABASE_URL=… tsx tests/e2e/run-reminders.ts <iso-instant>');
  process.exit(2);
}
const handle = await openDatabase({ url, poolSize: 2 });
try {
  const summary = await runReminders(handle.db, { now: at });
  process.stdout.write(`${JSON.stringify(summary)}\n`);
} finally {
  await handle.close();
}
