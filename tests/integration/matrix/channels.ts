import { outboundMessages } from '../../../server/src/db/schema/index.ts';
import { buildPortfolio, key } from '../support/builders.ts';
import { type MatrixRow, type MatrixWorld, only } from './types.ts';

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
};
