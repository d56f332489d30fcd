import {
  auditListInput,
  auditListOutput,
  auditOptionsOutput,
  decisionDetail,
  decisionDetailInput,
  figuresInput,
  figuresOutput,
  heatMapInput,
  heatMapOutput,
  qaSampleInput,
  qaSampleOutput,
  reviewInput,
  reviewView,
} from '@arrears/shared/schemas/oversight';
import { router } from '../../trpc/init.ts';
import { keyedMutation, permissionProcedure, scopedQuery } from '../../trpc/procedures.ts';
import { auditList } from './audit.queries.ts';
import { withoutJit } from './debtor-zone.ts';
import { decisionDetail as loadDecisionDetail } from './decision-detail.ts';
import { agentFigures, auditOptions, heatMap } from './figures.queries.ts';
import { qaSample } from './qa-sample.ts';
import { recordReview } from './review.service.ts';

/**
 * The compliance audit and the QA sample: supervisors (their teams' cases and agents), managers and admins
 * (everything). Agents are refused by the base procedure; scope is applied in every query.
 */
export const oversightRouter = router({
  /** Agents, teams and portfolios the viewer may filter by. */
  options: permissionProcedure('compliance:audit')
    .output(auditOptionsOutput)
    .query(({ ctx }) => auditOptions(ctx.db, ctx.user)),

  /** A keyset page of decisions or contacts, newest first, filtered; dates are the viewer's local dates. */
  list: scopedQuery('compliance:audit', auditListInput, auditListOutput, auditList),

  /** One decision: the facts it saw, its rules with sources, the override chain, the reviews. */
  decision: permissionProcedure('compliance:audit')
    .input(decisionDetailInput)
    .output(decisionDetail)
    .query(({ ctx, input }) => loadDecisionDetail(ctx.db, ctx.user, input.id)),

  /** Attempts, contacts, blocked rate, overrides and complaints per agent for a date range. */
  figures: permissionProcedure('compliance:audit')
    .input(figuresInput)
    .output(figuresOutput)
    .query(({ ctx, input }) => withoutJit(ctx.db, (tx) => agentFigures(tx, ctx.user, input))),

  /** Attempts by hour × weekday of the debtor's local day, with those near a window edge counted apart. */
  heatMap: permissionProcedure('compliance:audit')
    .input(heatMapInput)
    .output(heatMapOutput)
    .query(({ ctx, input }) => withoutJit(ctx.db, (tx) => heatMap(tx, ctx.user, input))),

  /** Appends a review with a note to a decision or a contact (a newer review supersedes); audited. */
  review: keyedMutation('compliance:audit', reviewInput, reviewView, recordReview),

  /** The day's risk-weighted sample of contacts to review, the same on every reload. */
  qaSample: permissionProcedure('compliance:audit')
    .input(qaSampleInput)
    .output(qaSampleOutput)
    .query(({ ctx, input }) => withoutJit(ctx.db, (tx) => qaSample(tx, ctx.user, input, ctx.now()))),
});
