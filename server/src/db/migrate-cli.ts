import { openDatabase } from './client.ts';
import { migrateForApp, ownerUrlOf } from './roles.ts';

/**
 * `pnpm db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database. With
 * DATABASE_OWNER_URL it migrates as that owner and grants DATABASE_URL's role what the app needs (decision 021).
 */
const urls = { url: process.env.DATABASE_URL, ownerUrl: process.env.DATABASE_OWNER_URL };
const handle = await openDatabase({ url: ownerUrlOf(urls), poolSize: 1 });
const started = performance.now();
const granted = await migrateForApp(handle, urls);
console.log(`migrated ${handle.kind} database in ${Math.round(performance.now() - started)} ms`);
if (granted) console.log(`granted the app role ${granted} what the app needs`);
await handle.close();
