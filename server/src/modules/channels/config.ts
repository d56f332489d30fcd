import { createHash } from 'node:crypto';

/**
 * What switches the real channels on (README, "Channels"). Nothing set keeps the development outbox: every message
 * is recorded in `outbound_messages` and shown on the Outbox page, and nothing leaves the server.
 */
export interface ChannelsConfig {
  /** `smtp://user:pass@host:587` or `smtps://…`: email goes out over SMTP. */
  smtpUrl: string | null;
  /** The from-address of a portfolio without its own (`"Agency name" <mail@agency.example>` is built from both). */
  defaultFromName: string;
  defaultFromAddress: string;
  /** The envelope sender (Return-Path) that delivery status notifications come back to. */
  bounceAddress: string | null;
  /** The shared secret that signs the bounce webhook's body (HMAC-SHA256); unset = the webhook is off. */
  bounceSecret: string | null;
  /** Where debtors reach this server from outside: the opt-out links in emails start with it. */
  publicBaseUrl: string;
  /** Signs opt-out links; derived from the others when unset (set it: links must survive a restart). */
  linkSecret: string;
  /** How long a push endpoint may take to answer. */
  pushTimeoutMs: number;
  /** Twilio Programmable Messaging: all of SID, token and from set = SMS goes out through Twilio. */
  twilioAccountSid: string | null;
  /** Authenticates our calls (basic auth) and signs Twilio's webhooks to us (X-Twilio-Signature). */
  twilioAuthToken: string | null;
  /** The sending number (E.164) or a Messaging Service SID (`MG…`). */
  twilioFrom: string | null;
  /** Twilio's API origin; tests point it at a local server. */
  twilioApiBase: string;
}

function fromEnv(env: NodeJS.ProcessEnv): ChannelsConfig {
  const publicBaseUrl = (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, '');
  return {
    smtpUrl: env.SMTP_URL || null,
    defaultFromName: env.MAIL_FROM_NAME || 'ArrearsDesk',
    defaultFromAddress: env.MAIL_FROM_ADDRESS || 'no-reply@localhost',
    bounceAddress: env.MAIL_BOUNCE_ADDRESS || null,
    bounceSecret: env.BOUNCE_WEBHOOK_SECRET || null,
    publicBaseUrl,
    linkSecret:
      env.CHANNELS_LINK_SECRET ||
      createHash('sha256')
        .update(`arrearsdesk-links:${env.DATABASE_URL ?? 'pglite'}:${publicBaseUrl}`)
        .digest('hex'),
    pushTimeoutMs: Number(env.PUSH_TIMEOUT_MS ?? 10_000),
    twilioAccountSid: env.TWILIO_ACCOUNT_SID || null,
    twilioAuthToken: env.TWILIO_AUTH_TOKEN || null,
    twilioFrom: env.TWILIO_FROM || null,
    twilioApiBase: (env.TWILIO_API_BASE || 'https://api.twilio.com').replace(/\/+$/, ''),
  };
}

let current: ChannelsConfig | null = null;

export function channelsConfig(): ChannelsConfig {
  current ??= fromEnv(process.env);
  return current;
}

/** Tests and benches point the channels at their own servers; `null` goes back to the environment. */
export function configureChannels(change: Partial<ChannelsConfig> | null): ChannelsConfig {
  current = change === null ? null : { ...channelsConfig(), ...change };
  return channelsConfig();
}
