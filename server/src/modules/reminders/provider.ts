import type { ActionKind } from '@arrears/shared/domain/enums';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { outboundMessages } from '../../db/schema/index.ts';

export interface OutboundMessage {
  /** The same key for every attempt at one reminder: the provider delivers it once. */
  idempotencyKey: string;
  channel: ActionKind;
  recipient: string;
  subject: string | null;
  body: string;
}

/**
 * The outside gateway for SMS, email and app push. ArrearsDesk has no real gateway: `devMessageProvider` stands
 * in for one. A real adapter must pass `idempotencyKey` as the provider's idempotency header (or dedupe on it)
 * so that a retry after a crash between sending and recording does not reach the debtor twice.
 */
export interface MessageProvider {
  send(message: OutboundMessage): Promise<{ providerMessageId: string }>;
}

/** Records each message once per idempotency key in `outbound_messages`, as a deduplicating provider would. */
export function devMessageProvider(db: Executor): MessageProvider {
  return {
    async send(message) {
      await db.insert(outboundMessages).values(message).onConflictDoNothing({
        target: outboundMessages.idempotencyKey,
      });
      const [row] = await db
        .select({ id: outboundMessages.id })
        .from(outboundMessages)
        .where(eq(outboundMessages.idempotencyKey, message.idempotencyKey));
      return { providerMessageId: `dev-${row!.id}` };
    },
  };
}
