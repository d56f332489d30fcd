import { openDatabase } from './client.ts';

/** `pnpm db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database. */
const handle = await openDatabase({ url: process.env.DATABASE_URL, poolSize: 1 });
const started = performance.now();
await handle.migrate();
console.log(`migrated ${handle.kind} database in ${Math.round(performance.now() - started)} ms`);
await handle.close();
