import { parseArgs } from 'node:util';
import { openMigrated } from '../../db/roles.ts';
import { runNightlyRoll } from './roll.service.ts';

/**
 * `pnpm roll:nightly [--at ISO] [--portfolio ID] [--force] [--no-queues]`: runs the nightly roll on DATABASE_URL
 * (or the embedded database) as of `--at` (default: now) and prints what it did as JSON.
 */
const { values } = parseArgs({
  options: {
    at: { type: 'string' },
    portfolio: { type: 'string' },
    force: { type: 'boolean', default: false },
    'no-queues': { type: 'boolean', default: false },
  },
});
const now = values.at ? new Date(values.at) : new Date();
if (Number.isNaN(now.getTime())) {
  console.error(`--at must be an ISO-8601 instant, got ${values.at}`);
  process.exit(2);
}
const handle = await openMigrated(
  { url: process.env.DATABASE_URL, ownerUrl: process.env.DATABASE_OWNER_URL },
  4,
);
try {
  const result = await runNightlyRoll(handle.db, {
    now,
    ...(values.portfolio ? { portfolioId: values.portfolio } : {}),
    force: values.force,
    refreshQueues: !values['no-queues'],
    log: (message) => console.error(message),
  });
  console.log(JSON.stringify(result, null, 2));
} finally {
  await handle.close();
}
