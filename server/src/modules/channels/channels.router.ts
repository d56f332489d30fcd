import {
  caseRepliesInput,
  caseRepliesOutput,
  classifyReplyInput,
  classifyReplyOutput,
  messageTimelineInput,
  messageTimelineOutput,
  outboxListInput,
  outboxListOutput,
  portfolioChannelsInput,
  portfolioChannelsView,
  repliesToReadOutput,
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
import { classifyReplyByPerson, repliesOfVisibleCase, repliesToRead } from './sms.service.ts';

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

  /** The debtor's texts on the case screen (unclassified ones hold texts until classified). */
  replies: permissionProcedure('case:read')
    .input(caseRepliesInput)
    .output(caseRepliesOutput)
    .query(({ ctx, input }) => repliesOfVisibleCase(ctx.db, ctx.user, input.caseId)),

  /** Replies nobody has read yet, in the user's scope ("Replies to read" on the queue page). */
  repliesToRead: permissionProcedure('case:work')
    .output(repliesToReadOutput)
    .query(({ ctx }) => repliesToRead(ctx.db, ctx.user)),

  /** A person reads an unclassified reply: stop or not stop, recorded as a new row naming it. */
  classifyReply: permissionProcedure('case:work')
    .input(classifyReplyInput)
    .output(classifyReplyOutput)
    .mutation(({ ctx, input }) =>
      classifyReplyByPerson(ctx.db, {
        user: ctx.user,
        caseId: input.caseId,
        replyId: input.replyId,
        stop: input.stop,
        now: ctx.now(),
      }),
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
