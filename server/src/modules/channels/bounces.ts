import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import type { Database } from '../../db/client.ts';
import { outboundMessages } from '../../db/schema/index.ts';
import { recordDeliveryState } from './outbox.ts';
import { MESSAGE_KEY_HEADER } from './providers.ts';

/** What a delivery status notification (RFC 3464) says about one recipient. */
export interface DeliveryReport {
  recipient: string;
  action: string;
  status: string;
  /** Our message key, when the DSN quotes the original headers (it usually does). */
  messageKey: string | null;
  diagnostic: string | null;
}

function field(block: string, name: string): string | null {
  const match = new RegExp(`^${name}:\\s*(.+(?:\\r?\\n[ \\t].+)*)`, 'im').exec(block);
  return match ? match[1]!.replace(/\r?\n[ \t]+/g, ' ').trim() : null;
}

/**
 * Reads a DSN (multipart/report; report-type=delivery-status) with mailparser: the per-recipient fields of its
 * delivery-status part (mailparser gives that part as text, or as an attachment), and our message key from the
 * returned headers. Null when it is no DSN.
 */
export async function parseDsn(raw: Buffer | string): Promise<DeliveryReport[] | null> {
  const mail = await simpleParser(raw, { skipHtmlToText: true, skipTextLinks: true });
  const type = mail.headers.get('content-type') as
    | { value?: string; params?: Record<string, string> }
    | undefined;
  if (type?.value !== 'multipart/report' || type.params?.['report-type'] !== 'delivery-status') return null;
  const parts = mail.attachments ?? [];
  const status = parts.find((a) => a.contentType === 'message/delivery-status');
  const returned = parts.find(
    (a) => a.contentType === 'text/rfc822-headers' || a.contentType === 'message/rfc822',
  );
  const statusText = status ? status.content.toString('utf8') : (mail.text ?? '');
  const returnedText = returned ? returned.content.toString('utf8') : statusText;
  const messageKey = field(returnedText, MESSAGE_KEY_HEADER);
  // Each recipient's fields are a block of their own, apart from the per-message block before them.
  const reports: DeliveryReport[] = [];
  for (const block of statusText.split(/\r?\n\s*\r?\n/)) {
    const recipient = field(block, 'Final-Recipient') ?? field(block, 'Original-Recipient');
    const action = field(block, 'Action');
    if (!recipient || !action) continue;
    reports.push({
      recipient: recipient
        .replace(/^rfc822;\s*/i, '')
        .trim()
        .toLowerCase(),
      action: action.toLowerCase(),
      status: field(block, 'Status') ?? '',
      messageKey,
      diagnostic: field(block, 'Diagnostic-Code'),
    });
  }
  return reports;
}

/** A hard bounce: the recipient failed for good (status 5.x.x). A 4.x.x delay is not one. */
export const isHardBounce = (report: DeliveryReport) =>
  report.action === 'failed' && report.status.startsWith('5');

/** `sha256=<hex>` of HMAC-SHA256(secret, body), compared in constant time. */
export function bodySignatureMatches(secret: string, body: Buffer, given: string | undefined): boolean {
  if (!given) return false;
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * Each hard bounce in a DSN: the message it answers (by key, else the latest email to that address) becomes
 * `bounced` — its contact row corrected so it counts toward no cap — and the address undeliverable. A bounce for
 * a message already bounced changes nothing. Answers how many messages it bounced.
 */
export async function applyBounces(
  db: Database,
  reports: readonly DeliveryReport[],
  now: Date,
): Promise<number> {
  let bounced = 0;
  for (const report of reports.filter(isHardBounce)) {
    const [message] = report.messageKey
      ? await db
          .select()
          .from(outboundMessages)
          .where(
            and(
              eq(outboundMessages.idempotencyKey, report.messageKey),
              eq(outboundMessages.channel, 'email'),
            ),
          )
      : await db
          .select()
          .from(outboundMessages)
          .where(and(eq(outboundMessages.recipient, report.recipient), eq(outboundMessages.channel, 'email')))
          .orderBy(desc(outboundMessages.id))
          .limit(1);
    if (!message || message.state === 'bounced' || message.recipient.toLowerCase() !== report.recipient)
      continue;
    await recordDeliveryState(
      db,
      message,
      {
        state: 'bounced',
        at: now,
        attempt: message.attempts,
        detail: [report.status, report.diagnostic].filter(Boolean).join(' '),
      },
      { undeliverable: true },
    );
    bounced++;
  }
  return bounced;
}
