import { inboundReplies, outboundMessages } from '../../../server/src/db/schema/index.ts';
import { buildPortfolio, key } from '../support/builders.ts';
import { freshPoolCase } from './compliance.ts';
import { type MatrixRow, type MatrixWorld, only, signedIn } from './types.ts';

/** A failed email about the world's pool case, as the outbox holds one after a refused hand-off. */
async function failedMessage(world: MatrixWorld): Promise<number> {
  const [message] = await world.db
    .insert(outboundMessages)
    .values({
      idempotencyKey: key(),
      channel: 'email',
      recipient: 'debtor@example.test',
      body: 'A reminder',
      caseId: world.caseId,
      state: 'failed',
      attempts: 1,
      lastError: 'the mail server refused it for now',
    })
    .returning({ id: outboundMessages.id });
  return message!.id;
}

/** A text from the debtor of a fresh pool case that nobody has read yet. */
async function unreadReply(world: MatrixWorld) {
  const { caseRow, mobile } = await freshPoolCase(world);
  const [reply] = await world.db
    .insert(inboundReplies)
    .values({
      debtorId: caseRow.debtorId,
      contactPointId: mobile.id,
      body: 'who is this?',
      receivedAt: new Date(Date.now() - 60_000),
      classification: 'unclassified',
    })
    .returning({ id: inboundReplies.id });
  return { caseId: caseRow.id, replyId: reply!.id };
}

/** The outbox is supervisors' and admins' (within their scope); a portfolio's senders and push endpoint are the admin's. */
export const channelsMatrix: Record<string, MatrixRow> = {
  'channels.outbox': { access: only('supervisor', 'admin'), call: (c) => c.channels.outbox({}) },
  'channels.timeline': {
    access: only('supervisor', 'admin'),
    call: async (c, world) => c.channels.timeline({ messageId: await failedMessage(world) }),
  },
  'channels.retry': {
    access: only('supervisor', 'admin'),
    call: async (c, world) => c.channels.retry({ messageId: await failedMessage(world) }),
  },
  'channels.settings': {
    access: only('admin'),
    call: async (c, world) => c.channels.settings({ portfolioId: (await buildPortfolio(world.db)).id }),
  },
  'channels.saveSettings': {
    access: only('admin'),
    call: async (c, world) =>
      c.channels.saveSettings({
        portfolioId: (await buildPortfolio(world.db)).id,
        emailFromName: 'Example Recovery Services',
        emailFromAddress: 'notices@example.test',
        pushUrl: null,
      }),
  },
  'channels.replies': { access: signedIn, call: (c, world) => c.channels.replies({ caseId: world.caseId }) },
  'channels.repliesToRead': { access: only('agent', 'supervisor'), call: (c) => c.channels.repliesToRead() },
  'channels.classifyReply': {
    access: only('agent', 'supervisor'),
    call: async (c, world) => c.channels.classifyReply({ ...(await unreadReply(world)), stop: false }),
  },
};
