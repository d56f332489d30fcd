import { errorMessage } from '@arrears/shared/errors/messages';
import {
  type PlacementPreview,
  placementCommitInput,
  placementCommitResult,
  placementErrorsInput,
  placementErrorsPage,
  placementList,
  placementListInput,
  placementOptions,
  placementPreview,
  placementPreviewInput,
} from '@arrears/shared/schemas/placements';
import { asc } from 'drizzle-orm';
import { portfolios, teams } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { router } from '../../trpc/init.ts';
import { permissionProcedure } from '../../trpc/procedures.ts';
import {
  commitImport,
  defaultTeamOf,
  listPlacements,
  type StagedImport,
  stageImport,
} from './import.service.ts';
import { stagingArea } from './staging.ts';

/** Row errors sent with the preview itself; the rest are paged with `errors`. */
const PREVIEW_ERRORS = 200;

const previewOf = (staged: StagedImport): PlacementPreview => ({
  token: staged.token,
  portfolioId: staged.portfolioId,
  teamId: staged.teamId,
  fileName: staged.fileName,
  fileSha256: staged.parsed.fileSha256,
  counts: staged.counts,
  fileErrors: staged.parsed.fileErrors,
  errorCount: staged.parsed.errorCount,
  errors: staged.parsed.errors.slice(0, PREVIEW_ERRORS),
  alreadyImported: staged.alreadyImported,
});

const stagedOrGone = (token: string, userId: string, now: Date): StagedImport => {
  const staged = stagingArea.get(token, userId, now.getTime());
  if (!staged) throw new AppError('NOT_FOUND', errorMessage('import.previewExpired'));
  return staged;
};

/**
 * Placement files (decision record 012), admin only: upload a CSV for a preview (nothing written), page through
 * its row errors, then commit all rows or only the valid ones; list past placements.
 */
export const placementsRouter = router({
  /** Portfolios (with the team that receives their cases by default) and teams, for the import form. */
  options: permissionProcedure('admin:manage')
    .output(placementOptions)
    .query(async ({ ctx }) => {
      const [portfolioRows, teamRows] = await Promise.all([
        ctx.db.select().from(portfolios).orderBy(asc(portfolios.name)),
        ctx.db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name)),
      ]);
      const withTeams = await Promise.all(
        portfolioRows.map(async (p) => ({
          id: p.id,
          name: p.name,
          currency: p.currency,
          jurisdictionCountry: p.jurisdictionCountry,
          jurisdictionRegion: p.jurisdictionRegion,
          defaultTeamId: await defaultTeamOf(ctx.db, p.id),
        })),
      );
      return { portfolios: withTeams, teams: teamRows };
    }),

  /** Reads and validates the file; answers the counts, the errors and a token for `commit`. Writes nothing. */
  preview: permissionProcedure('admin:manage')
    .input(placementPreviewInput)
    .output(placementPreview)
    .mutation(async ({ ctx, input }) => {
      const now = ctx.now();
      const staged = await stageImport(ctx.db, {
        userId: ctx.user.id,
        portfolioId: input.portfolioId,
        teamId: input.teamId,
        fileName: input.fileName,
        source: input.csv,
        now,
      });
      stagingArea.put(staged, now.getTime());
      return previewOf(staged);
    }),

  /** One page of a preview's row errors, in row order. */
  errors: permissionProcedure('admin:manage')
    .input(placementErrorsInput)
    .output(placementErrorsPage)
    .query(({ ctx, input }) => {
      const staged = stagedOrGone(input.token, ctx.user.id, ctx.now());
      const start = (input.page - 1) * input.pageSize;
      return {
        total: staged.parsed.errorCount,
        page: input.page,
        pageSize: input.pageSize,
        errors: staged.parsed.errors.slice(start, start + input.pageSize),
      };
    }),

  /** Imports the previewed file: every row (refused if any has an error) or only the valid rows. */
  commit: permissionProcedure('admin:manage')
    .input(placementCommitInput)
    .output(placementCommitResult)
    .mutation(async ({ ctx, input }) => {
      const now = ctx.now();
      const staged = stagedOrGone(input.token, ctx.user.id, now);
      const result = await commitImport(ctx.db, staged, {
        mode: input.mode,
        actorId: ctx.user.id,
        ip: ctx.ip,
        now,
      });
      stagingArea.delete(staged.token);
      return result;
    }),

  /** Past placements, newest first. */
  list: permissionProcedure('admin:manage')
    .input(placementListInput)
    .output(placementList)
    .query(async ({ ctx, input }) => ({
      placements: await listPlacements(ctx.db, { portfolioId: input.portfolioId, limit: input.limit }),
    })),
});
