import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { openDatabase } from '../../server/src/db/client.ts';
import { migrateForApp } from '../../server/src/db/roles.ts';
import * as s from '../../server/src/db/schema/index.ts';
import { logger } from '../../server/src/logger.ts';
import { configureChannels } from '../../server/src/modules/channels/config.ts';
// The queues' projector: every case change re-judges the case's queue standing, as in the server.
import '../../server/src/modules/queues/queues.service.ts';
import { closeTransports } from '../../server/src/modules/channels/providers.ts';
import { runReminders } from '../../server/src/modules/reminders/scheduler.ts';

/**
 * `pnpm bench channels`: guarded email sends per second through the SMTP sender (nodemailer, pooled) to an SMTP
 * server on localhost (smtp-server, which only counts what it receives). Each send is the whole path of a reminder:
 * the debtor lock, the facts, the engine, the decision/contact/outbox rows, the hand-off to SMTP and its `sent`
 * state. Its own book in an embedded database (BENCH_CHANNEL_EMAILS cases, default 1,000), so it needs no seed.
 * Goal: 200 sends/s on an idle machine.
 */
const N = Number(process.env.BENCH_CHANNEL_EMAILS ?? 1_000);
const GOAL = 200;
const NOW = new Date('2026-11-30T15:00:00Z'); // 10:00 in New York

let received = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', () => {});
    stream.on('end', () => {
      received++;
      callback();
    });
  },
});
const port = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as { port: number };
    probe.close(() => resolve(port));
  });
});
await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
configureChannels({ smtpUrl: `smtp://127.0.0.1:${port}`, publicBaseUrl: 'https://agency.example.test' });

const handle = await openDatabase({ dataDir: 'memory://' });
await migrateForApp(handle, { url: undefined, ownerUrl: undefined });
const db = handle.db;

const [creditor] = await db.insert(s.creditors).values({ name: 'Bench Creditor', country: 'US' }).returning();
const [portfolio] = await db
  .insert(s.portfolios)
  .values({
    creditorId: creditor!.id,
    name: 'Bench Portfolio',
    currency: 'USD',
    jurisdictionCountry: 'US',
    jurisdictionRegion: 'NY',
  })
  .returning();
await db.insert(s.portfolioChannelSettings).values({
  portfolioId: portfolio!.id,
  emailFromName: 'Bench Recovery LLC',
  emailFromAddress: 'collections@bench.example.test',
});
const [template] = await db
  .insert(s.messageTemplates)
  .values({
    name: 'Bench email',
    channel: 'email',
    subject: 'Your payment is due',
    body: 'Hello {{name}}, {{amount}} is due on {{dueDate}} (account {{accountRef}}).',
    disclosures: ['mini_miranda_initial', 'opt_out'],
  })
  .returning();
const [strategy] = await db
  .insert(s.reminderStrategies)
  .values({ portfolioId: portfolio!.id, name: 'Bench' })
  .returning();
await db.insert(s.reminderSteps).values({
  strategyId: strategy!.id,
  position: 0,
  offsetDays: -1,
  channel: 'email',
  templateId: template!.id,
});

for (let start = 0; start < N; start += 500) {
  const size = Math.min(500, N - start);
  const debtors = await db
    .insert(s.debtors)
    .values(
      Array.from({ length: size }, (_, i) => ({
        fullName: `Bench Debtor ${start + i}`,
        jurisdictionCountry: 'US',
        jurisdictionRegion: 'NY',
        explicitTimeZone: 'America/New_York',
      })),
    )
    .returning({ id: s.debtors.id });
  await db.insert(s.contactPoints).values(
    debtors.map((d, i) => ({
      debtorId: d.id,
      kind: 'email' as const,
      value: `bench${start + i}@example.test`,
      verified: true,
    })),
  );
  await db.insert(s.cases).values(
    debtors.map((d, i) => ({
      debtorId: d.id,
      portfolioId: portfolio!.id,
      accountRef: `BENCH-${start + i}`,
      originalPrincipalMinor: 50_000,
      principalMinor: 50_000,
      balanceMinor: 50_000,
      currency: 'USD',
      dueDate: '2026-12-01',
      placedAt: new Date('2026-10-01T00:00:00Z'),
      stage: 'reminder' as const,
    })),
  );
}

const started = performance.now();
const summary = await runReminders(db, { now: NOW, logger: logger.child({}, { level: 'silent' }) });
const seconds = (performance.now() - started) / 1000;
const perSecond = summary.sent / seconds;
process.stdout.write(
  [
    `guarded email sends through SMTP: ${summary.sent} of ${N} in ${seconds.toFixed(2)} s → ${perSecond.toFixed(1)} sends/s ` +
      `(goal ${GOAL}/s; blocked ${summary.blocked}, skipped ${summary.skipped}; the SMTP server received ${received})`,
    '',
  ].join('\n'),
);
closeTransports();
await handle.close();
await new Promise<void>((resolve) => smtp.close(() => resolve()));
if (summary.sent !== N || received !== N) {
  process.stderr.write(`expected ${N} sends and ${N} received messages\n`);
  process.exit(1);
}
