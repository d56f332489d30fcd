import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { errorMessage } from '@arrears/shared/errors/messages';
import type { PlacementRowError } from '@arrears/shared/schemas/placements';
import { eq } from 'drizzle-orm';
import { openMigrated } from '../../db/roles.ts';
import { portfolios, teams } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { commitImport, stageImport } from './import.service.ts';

/**
 * `pnpm placements:import <file> --portfolio <name> [--team <name>] [--valid-only] [--dry-run]`: the same
 * preview and commit as the dashboard, on DATABASE_URL or the embedded database. Prints the counts and every row
 * error (row, column, message), then the result. Exit 0 when imported (or already imported, or a clean dry run),
 * 1 when errors kept the file out, 2 for a wrong command line.
 */
const USAGE =
  'usage: pnpm placements:import <file.csv> --portfolio <name> [--team <name>] [--valid-only] [--dry-run] [--max-errors N]';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    portfolio: { type: 'string' },
    team: { type: 'string' },
    'valid-only': { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    'max-errors': { type: 'string', default: '100' },
  },
});

const file = positionals[0];
if (!file || !values.portfolio || positionals.length > 1) {
  console.error(USAGE);
  process.exit(2);
}
if (!existsSync(file)) {
  console.error(`no such file: ${file}`);
  process.exit(2);
}
const maxErrors = Number(values['max-errors']);

const handle = await openMigrated(
  { url: process.env.DATABASE_URL, ownerUrl: process.env.DATABASE_OWNER_URL },
  2,
);
let exitCode = 0;
try {
  const db = handle.db;
  const [portfolio] = await db.select().from(portfolios).where(eq(portfolios.name, values.portfolio));
  if (!portfolio)
    throw new AppError('NOT_FOUND', errorMessage('portfolio.notFoundNamed', { name: values.portfolio }));
  let teamId: string | undefined;
  if (values.team) {
    const [team] = await db.select().from(teams).where(eq(teams.name, values.team));
    if (!team) throw new AppError('NOT_FOUND', errorMessage('team.notFoundNamed', { name: values.team }));
    teamId = team.id;
  }
  const now = new Date();
  const started = performance.now();
  const staged = await stageImport(db, {
    userId: null,
    portfolioId: portfolio.id,
    teamId,
    fileName: path.basename(file),
    source: createReadStream(file),
    now,
  });
  const { counts, parsed } = staged;
  console.log(`${path.basename(file)} → ${portfolio.name} (sha256 ${parsed.fileSha256})`);
  console.log(
    `rows ${counts.rows}: valid ${counts.valid}, with errors ${counts.invalid}, already placed ${counts.alreadyPlaced}, ` +
      `to create ${counts.toCreate}; address zone not pinned ${counts.ambiguousZone} (read in ${seconds(started)})`,
  );
  printErrors('file error', parsed.fileErrors, Number.POSITIVE_INFINITY);
  printErrors('row error', parsed.errors, maxErrors, parsed.errorCount);
  if (staged.alreadyImported) {
    console.log(
      `already imported ${staged.alreadyImported.placedAt} as placement ${staged.alreadyImported.id}: nothing to do`,
    );
  } else if (values['dry-run']) {
    console.log('dry run: nothing written');
    exitCode = parsed.fileErrors.length > 0 || (counts.invalid > 0 && !values['valid-only']) ? 1 : 0;
  } else if (parsed.fileErrors.length > 0 || (counts.invalid > 0 && !values['valid-only'])) {
    console.log('nothing imported: fix the errors, or pass --valid-only to import the valid rows');
    exitCode = 1;
  } else {
    const writing = performance.now();
    const result = await commitImport(db, staged, {
      mode: values['valid-only'] ? 'valid_only' : 'all',
      actorId: null,
      ip: null,
      now,
    });
    console.log(
      `${result.outcome}: placement ${result.placement.id}, ${result.created} cases created, ` +
        `${result.skippedExisting} already placed, ${result.skippedInvalid} invalid rows left out (written in ${seconds(writing)})`,
    );
  }
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  console.error(error.message);
  exitCode = 1;
} finally {
  await handle.close();
}
process.exit(exitCode);

function printErrors(label: string, errors: PlacementRowError[], max: number, total = errors.length): void {
  for (const error of errors.slice(0, max)) {
    console.log(`  ${label}: row ${error.row}${error.column ? `, ${error.column}` : ''}: ${error.message}`);
  }
  if (total > Math.min(max, errors.length))
    console.log(`  … and ${total - Math.min(max, errors.length)} more`);
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}
