import { getTableName } from 'drizzle-orm';
import postgres from 'postgres';
import { setAsideForLoad } from './bulk-load.ts';
import { buildNamePools } from './name-pools.ts';
import { helperFunctions, replicationStatements } from './replicate.ts';
import { LOAD_ORDER } from './row-batch.ts';

const sql = postgres('postgres://postgres@127.0.0.1:5432/arrears_try', { max: 1, onnotice: () => {} });
const c = await sql.reserve();
for (const h of helperFunctions(buildNamePools(2026))) await c.unsafe(h);
const only = process.argv[2];
for (const { name, statement } of replicationStatements({ first: 0, templates: 50000, total: 100000 })) {
  if (only && name !== only) continue;
  await c.unsafe('begin');
  await setAsideForLoad(
    c as never,
    LOAD_ORDER.map(([, t]) => getTableName(t)),
  );
  const t = performance.now();
  if (only)
    console.log(
      (await c.unsafe(`explain (analyze, verbose) ${statement}`)).map((r) => r['QUERY PLAN']).join('\n'),
    );
  else {
    const r = await c.unsafe(statement);
    console.log(name, r.count, Math.round(performance.now() - t), 'ms');
  }
  await c.unsafe('rollback');
}
c.release();
await sql.end();
