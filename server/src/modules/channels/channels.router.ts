import {
  messageTimelineInput,
  messageTimelineOutput,
  outboxListInput,
  outboxListOutput,
  portfolioChannelsInput,
  portfolioChannelsView,
  retryMessageInput,
  retryMessageOutput,
  savePortfolioChannelsInput,
} from '@arrears/shared/schemas/channels';
import { router } from '../../trpc/init.ts';
import { permissionProcedure, plainMutation, scopedQuery } from '../../trpc/procedures.ts';
import {
  listOutbox,
  messageTimeline,
  portfolioChannelSettingsOf,
  requestRetry,
  savePortfolioChannelSettings,
} from './outbox.service.ts';

/** The Outbox page (supervisors and admins, within their scope) and a portfolio's channel settings (admin). */
export const channelsRouter = router({
  outbox: scopedQuery('outbox:read', outboxListInput, outboxListOutput, listOutbox),

  timeline: permissionProcedure('outbox:read')
    .input(messageTimelineInput)
    .output(messageTimelineOutput)
    .query(({ ctx, input }) => messageTimeline(ctx.db, ctx.user, input.messageId)),

  /** Queues a failed message again; the guard judges it when the job hands it off. */
  retry: permissionProcedure('outbox:read')
    .input(retryMessageInput)
    .output(retryMessageOutput)
    .mutation(({ ctx, input }) =>
      requestRetry(ctx.db, { user: ctx.user, messageId: input.messageId, now: ctx.now(), ip: ctx.ip }),
    ),

  settings: permissionProcedure('admin:manage')
    .input(portfolioChannelsInput)
    .output(portfolioChannelsView)
    .query(({ ctx, input }) => portfolioChannelSettingsOf(ctx.db, input.portfolioId)),

  saveSettings: plainMutation(
    'admin:manage',
    savePortfolioChannelsInput,
    portfolioChannelsView,
    savePortfolioChannelSettings,
  ),
});
