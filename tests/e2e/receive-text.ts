// `tsx tests/e2e/receive-text.ts <account ref> <text>`: a text from the case's debtor's mobile number arrives, as
// Twilio's verified inbound webhook hands it to the channels (receiveSms), against the end-to-end server's database.
import { and, eq } from 'drizzle-orm';
import { openDatabase } from '../../server/src/db/client.ts';
import { cases, contactPoints } from '../../server/src/db/schema/index.ts';
// The queues' projector: every case change re-judges the case's queue standing, as in the server.
import '../../server/src/modules/queues/queues.service.ts';
import { receiveSms } from '../../server/src/modules/channels/sms.service.ts';

const url = process.env.E2E_DATABASE_URL;
const [accountRef, body] = process.argv.slice(2);
if (!url || !accountRef || !body) {
  console.error('usage: E2E_DATABASE_URL=… tsx tests/e2e/receive-text.ts <account ref> <text>');
  process.exit(2);
}
const handle = await openDatabase({ url, poolSize: 2 });
try {
  const [row] = await handle.db
    .select({ value: contactPoints.value })
    .from(cases)
    .innerJoin(contactPoints, eq(contactPoints.debtorId, cases.debtorId))
    .where(and(eq(cases.accountRef, accountRef), eq(contactPoints.kind, 'mobile')));
  if (!row) throw new Error(`no mobile number for ${accountRef}`);
  const result = await receiveSms(handle.db, { from: row.value, body }, new Date());
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await handle.close();
}
