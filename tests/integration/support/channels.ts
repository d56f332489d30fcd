import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { asc, eq } from 'drizzle-orm';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Database } from '../../../server/src/db/client.ts';
import { contactLog, outboundMessageEvents, outboundMessages } from '../../../server/src/db/schema/index.ts';

/** The outbound message of a case (the tests send one per case). */
export async function messageOfCase(db: Database, caseId: string) {
  const [row] = await db.select().from(outboundMessages).where(eq(outboundMessages.caseId, caseId));
  return row!;
}

/** A case's contact-log rows in order. */
export function contactsOfCase(db: Database, caseId: string) {
  return db.select().from(contactLog).where(eq(contactLog.caseId, caseId)).orderBy(asc(contactLog.id));
}

/** A message's delivery states in order. */
export async function statesOfMessage(db: Database, messageId: number) {
  const events = await db
    .select()
    .from(outboundMessageEvents)
    .where(eq(outboundMessageEvents.messageId, messageId))
    .orderBy(asc(outboundMessageEvents.id));
  return events.map((e) => e.state);
}

/** A real SMTP server on localhost that keeps every message it accepts, parsed (mailparser). */
export async function startSmtpServer(options: { refuse?: (address: string) => boolean } = {}) {
  const received: ParsedMail[] = [];
  const envelopes: Array<{ from: string; to: string[] }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.refuse?.(address.address)) {
        const error = new Error('5.1.1 no such user') as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          envelopes.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    envelopes,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The creditor's push endpoint: checks our signature, answers from `answers` in turn, remembers what it got. */
export async function startPushEndpoint(secret: string, answers: Array<{ status: number; body?: unknown }>) {
  const requests: Array<{ key: string; verified: boolean; body: Record<string, unknown> }> = [];
  const delivered = new Set<string>();
  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let text = '';
      req.on('data', (chunk) => {
        text += chunk;
      });
      req.on('end', () => resolve(text));
    });
  const server: Server = createServer((req, res) => {
    read(req).then((text) => {
      const timestamp = String(req.headers['x-arrearsdesk-timestamp'] ?? '');
      const given = Buffer.from(String(req.headers['x-arrearsdesk-signature'] ?? ''));
      const expected = Buffer.from(
        `sha256=${createHmac('sha256', secret).update(`${timestamp}.${text}`).digest('hex')}`,
      );
      const verified = given.length === expected.length && timingSafeEqual(given, expected);
      const key = String(req.headers['idempotency-key'] ?? '');
      requests.push({ key, verified, body: JSON.parse(text) as Record<string, unknown> });
      if (!verified) {
        res.writeHead(401).end();
        return;
      }
      const answer = answers.shift() ?? { status: 200, body: { status: 'delivered', id: `push-${key}` } };
      // The creditor dedupes by key: a key it already delivered is answered, not delivered again.
      if (answer.status < 300) delivered.add(key);
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/push`,
    requests,
    delivered,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A delivery status notification (RFC 3464) as a mail server sends it back for a hard bounce. */
export function hardBounceDsn(options: { recipient: string; messageKey: string; messageId: string }): string {
  return [
    'From: Mail Delivery System <MAILER-DAEMON@mx.example.test>',
    'To: bounces@agency.example.test',
    'Subject: Undelivered Mail Returned to Sender',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="BOUNDARY"',
    '',
    '--BOUNDARY',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'Your message could not be delivered to one or more recipients.',
    '',
    '--BOUNDARY',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.test',
    'Arrival-Date: Mon, 30 Nov 2026 15:00:01 +0000',
    '',
    `Final-Recipient: rfc822; ${options.recipient}`,
    'Action: failed',
    'Status: 5.1.1',
    'Diagnostic-Code: smtp; 550 5.1.1 user unknown',
    '',
    '--BOUNDARY',
    'Content-Type: text/rfc822-headers',
    '',
    `Message-ID: ${options.messageId}`,
    `X-ArrearsDesk-Message: ${options.messageKey}`,
    'Subject: Your payment is due',
    '',
    '--BOUNDARY--',
    '',
  ].join('\r\n');
}

/**
 * A local server that speaks Twilio's Programmable Messaging API: POST /2010-04-01/Accounts/{sid}/Messages.json,
 * form-encoded, basic auth. It records each send and answers as Twilio does (201, a JSON message with sid and
 * status `queued`); a wrong account or password is 401 with Twilio's error shape.
 */
export async function startTwilioApi(accountSid: string, authToken: string) {
  const sends: Array<Record<string, string>> = [];
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => {
      text += chunk;
    });
    req.on('end', () => {
      const auth = String(req.headers.authorization ?? '');
      const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
      res.setHeader('content-type', 'application/json');
      if (req.method !== 'POST' || req.url !== `/2010-04-01/Accounts/${accountSid}/Messages.json`) {
        res.writeHead(404).end(JSON.stringify({ code: 20404, message: 'not found', status: 404 }));
        return;
      }
      if (auth !== expectedAuth) {
        res.writeHead(401).end(JSON.stringify({ code: 20003, message: 'Authenticate', status: 401 }));
        return;
      }
      const form = Object.fromEntries(new URLSearchParams(text));
      sends.push(form);
      const sid = `SM${String(sends.length).padStart(32, '0')}`;
      res.writeHead(201).end(
        JSON.stringify({
          sid,
          account_sid: accountSid,
          to: form.To,
          from: form.From ?? null,
          messaging_service_sid: form.MessagingServiceSid ?? null,
          body: form.Body,
          status: 'queued',
          num_segments: '1',
          direction: 'outbound-api',
          error_code: null,
          error_message: null,
          uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    sends,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
