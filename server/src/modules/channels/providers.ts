import { createHmac } from 'node:crypto';
import type { ActionKind } from '@arrears/shared/domain/enums';
import nodemailer, { type Transporter } from 'nodemailer';
import { channelsConfig } from './config.ts';
import { PERMANENT_TWILIO_ERRORS, TWILIO_STATUS_PATH } from './twilio.ts';

/** One message as a provider is handed it; the same `idempotencyKey` on every attempt at it. */
export interface ChannelMessage {
  id: number;
  idempotencyKey: string;
  channel: ActionKind;
  recipient: string;
  subject: string | null;
  body: string;
  /** Email: the one-click opt-out address for `List-Unsubscribe` (RFC 8058). */
  optOutUrl: string | null;
}

/** A portfolio's sender and push endpoint (portfolio_channel_settings), with the defaults filled in. */
export interface PortfolioChannels {
  fromName: string;
  fromAddress: string;
  pushUrl: string | null;
  pushSecret: string | null;
}

export interface SendResult {
  providerMessageId: string;
  /** `sent` when the provider took it; `delivered` when it says the recipient has it. */
  state: 'sent' | 'delivered';
}

/** A refusal no retry can change (the address does not exist): the message becomes undeliverable. */
export class PermanentFailure extends Error {}

/** A channel's gateway. `send` throws on a failure worth retrying, PermanentFailure on one that is not. */
export interface ChannelProvider {
  name: 'dev' | 'smtp' | 'push' | 'twilio';
  send(message: ChannelMessage, settings: PortfolioChannels): Promise<SendResult>;
}

/**
 * The development outbox: the message row already is the outbox entry (the Outbox page shows it); nothing leaves
 * the server. Used for every channel with no real provider configured, so a new user sees messages at once.
 */
export const devProvider: ChannelProvider = {
  name: 'dev',
  async send(message) {
    return { providerMessageId: `dev-${message.id}`, state: 'sent' };
  },
};

const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    // Pooled connections unless the URL says otherwise (`?pool=false`): one connection per message is slow.
    const pooled = new URL(url);
    if (!pooled.searchParams.has('pool')) pooled.searchParams.set('pool', 'true');
    transport = nodemailer.createTransport(pooled.toString());
    transports.set(url, transport);
  }
  return transport;
}

/** Closes the pooled SMTP connections (tests and benches, at the end). */
export function closeTransports(): void {
  for (const transport of transports.values()) transport.close();
  transports.clear();
}

/** The message key as a Message-ID: the DSN of a bounce quotes it back, so the bounce finds its message. */
export function messageIdOf(key: string, fromAddress: string): string {
  const domain = fromAddress.split('@')[1] ?? 'localhost';
  return `<${key.replace(/[^A-Za-z0-9.-]/g, '.')}@${domain}>`;
}

export const MESSAGE_KEY_HEADER = 'X-ArrearsDesk-Message';

/** Email over SMTP (SMTP_URL): from the portfolio's agency, with the opt-out headers mailbox providers ask for. */
export const smtpProvider: ChannelProvider = {
  name: 'smtp',
  async send(message, settings) {
    const config = channelsConfig();
    if (!config.smtpUrl) throw new Error('SMTP_URL is not set');
    const headers: Record<string, string> = { [MESSAGE_KEY_HEADER]: message.idempotencyKey };
    if (message.optOutUrl) {
      headers['List-Unsubscribe'] = `<${message.optOutUrl}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    try {
      const info = await transportFor(config.smtpUrl).sendMail({
        from: { name: settings.fromName, address: settings.fromAddress },
        to: message.recipient,
        subject: message.subject ?? '',
        text: message.body,
        messageId: messageIdOf(message.idempotencyKey, settings.fromAddress),
        headers,
        ...(config.bounceAddress ? { envelope: { from: config.bounceAddress, to: message.recipient } } : {}),
      });
      return { providerMessageId: info.messageId, state: 'sent' };
    } catch (error) {
      // The server refused the recipient for good (5xx at RCPT TO): the address is undeliverable.
      const code = (error as { responseCode?: number; code?: string }).responseCode ?? 0;
      if ((error as { code?: string }).code === 'EENVELOPE' && code >= 500) {
        throw new PermanentFailure(`SMTP ${code}: ${(error as Error).message}`);
      }
      throw error;
    }
  },
};

export const SIGNATURE_HEADER = 'X-ArrearsDesk-Signature';
export const TIMESTAMP_HEADER = 'X-ArrearsDesk-Timestamp';
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** `sha256=<hex>` of HMAC-SHA256(secret, `${timestamp}.${body}`): what the creditor checks before believing us. */
export function pushSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * The creditor's app push: a signed webhook to the portfolio's endpoint, keyed by the message key so a retry is
 * delivered once. The creditor's answer (`{"status":"delivered"|"accepted","id":…}`) is the delivery state; a
 * 4xx other than 408/429 is permanent, anything else is retried.
 */
export const pushProvider: ChannelProvider = {
  name: 'push',
  async send(message, settings) {
    if (!settings.pushUrl || !settings.pushSecret) throw new Error('no push endpoint for this portfolio');
    const body = JSON.stringify({
      messageKey: message.idempotencyKey,
      recipient: message.recipient,
      title: message.subject,
      body: message.body,
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const response = await fetch(settings.pushUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [IDEMPOTENCY_HEADER]: message.idempotencyKey,
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: pushSignature(settings.pushSecret, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(channelsConfig().pushTimeoutMs),
    });
    const text = await response.text();
    if (!response.ok) {
      const permanent =
        response.status >= 400 && response.status < 500 && ![408, 429].includes(response.status);
      const reason = `push endpoint answered ${response.status}`;
      throw permanent ? new PermanentFailure(reason) : new Error(reason);
    }
    let answer: { status?: unknown; id?: unknown } = {};
    try {
      answer = JSON.parse(text) as typeof answer;
    } catch {
      // An empty or non-JSON 2xx is an acceptance without a delivery report.
    }
    return {
      providerMessageId: typeof answer.id === 'string' ? answer.id : `push-${message.id}`,
      state: answer.status === 'delivered' ? 'delivered' : 'sent',
    };
  },
};

/** Twilio is configured when its account, token and sender are all set. */
export function twilioConfigured(): boolean {
  const config = channelsConfig();
  return Boolean(config.twilioAccountSid && config.twilioAuthToken && config.twilioFrom);
}

/**
 * SMS through Twilio's Programmable Messaging API: one form-encoded POST per message, with the status callback that
 * reports its delivery. Twilio has no idempotency header: the outbox hands a key to it once (decision record). A
 * 400 with an error code naming the number as wrong is permanent; 429, 5xx and network errors are retried.
 */
export const twilioProvider: ChannelProvider = {
  name: 'twilio',
  async send(message) {
    const config = channelsConfig();
    if (!config.twilioAccountSid || !config.twilioAuthToken || !config.twilioFrom) {
      throw new Error('TWILIO_* is not set');
    }
    const form = new URLSearchParams({ To: message.recipient, Body: message.body });
    if (config.twilioFrom.startsWith('MG')) form.set('MessagingServiceSid', config.twilioFrom);
    else form.set('From', config.twilioFrom);
    form.set('StatusCallback', `${config.publicBaseUrl}${TWILIO_STATUS_PATH}`);
    const url = `${config.twilioApiBase}/2010-04-01/Accounts/${encodeURIComponent(config.twilioAccountSid)}/Messages.json`;
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${config.twilioAccountSid}:${config.twilioAuthToken}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: form.toString(),
      signal: AbortSignal.timeout(config.pushTimeoutMs),
    });
    let answer: { sid?: unknown; status?: unknown; code?: unknown; message?: unknown } = {};
    try {
      answer = (await response.json()) as typeof answer;
    } catch {
      // A body that is no JSON: the status code decides.
    }
    if (!response.ok) {
      const code = typeof answer.code === 'number' ? answer.code : 0;
      const reason = `Twilio answered ${response.status}${code ? ` (${code})` : ''}: ${String(answer.message ?? '')}`;
      throw response.status === 400 && PERMANENT_TWILIO_ERRORS.has(code)
        ? new PermanentFailure(reason)
        : new Error(reason);
    }
    if (typeof answer.sid !== 'string') throw new Error('Twilio answered without a message sid');
    return { providerMessageId: answer.sid, state: answer.status === 'delivered' ? 'delivered' : 'sent' };
  },
};

/** The provider of a channel as configured: SMTP for email once SMTP_URL is set, Twilio for SMS once TWILIO_* are, push where the portfolio has an endpoint, else the development outbox. */
export function providerFor(channel: ActionKind, settings: PortfolioChannels): ChannelProvider {
  if (channel === 'email' && channelsConfig().smtpUrl) return smtpProvider;
  if (channel === 'sms' && twilioConfigured()) return twilioProvider;
  if (channel === 'app_push' && settings.pushUrl && settings.pushSecret) return pushProvider;
  return devProvider;
}
