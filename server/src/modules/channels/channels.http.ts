import { errorMessage } from '@arrears/shared/errors/messages';
import express, { type Request, type Response, Router } from 'express';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { sendError } from '../../http/errors.ts';
import { logger } from '../../logger.ts';
import { applyBounces, bodySignatureMatches, parseDsn } from './bounces.ts';
import { channelsConfig } from './config.ts';
import { OPT_OUT_PATH, optOutConfirmation, readOptOutToken } from './links.ts';
import { recordEmailOptOut } from './opt-out.service.ts';
import { applyTwilioStatus, receiveSms } from './sms.service.ts';
import { TWILIO_INBOUND_PATH, TWILIO_STATUS_PATH, twilioSignatureMatches } from './twilio.ts';

export const BOUNCE_PATH = '/api/channels/bounces';
const MAX_DSN_BYTES = 2 * 1024 * 1024;

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * The channels' doors from outside, none behind a sign-in: the opt-out link of every email (GET opens it, RFC 8058's
 * one-click POST to the same address) — its signed token is the only permission, and it can only opt that address
 * out — and the bounce webhook that takes a delivery status notification, believed only with its signature.
 */
export function channelsHttp(db: Database, now: () => Date): Router {
  const routes = Router();

  const optOut = async (req: Request, res: Response, html: boolean) => {
    const target = readOptOutToken(String(req.params.token ?? ''));
    if (!target) {
      sendError(res, new AppError('INVALID_INPUT', errorMessage('channels.linkInvalid')));
      return;
    }
    try {
      await recordEmailOptOut(db, target, now(), req.ip ?? null);
    } catch (error) {
      if (error instanceof AppError && error.appCode === 'NOT_FOUND') {
        sendError(res, new AppError('INVALID_INPUT', errorMessage('channels.linkInvalid')));
        return;
      }
      throw error;
    }
    const { title, text } = optOutConfirmation(target.language);
    if (!html) {
      res.status(200).type('text/plain').send(text);
      return;
    }
    res
      .status(200)
      .type('html')
      .send(
        `<!doctype html><html lang="${target.language === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">` +
          `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>` +
          `<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></main></body></html>`,
      );
  };
  routes.get(`${OPT_OUT_PATH}/:token`, (req, res, next) => {
    optOut(req, res, true).catch(next);
  });
  routes.post(
    `${OPT_OUT_PATH}/:token`,
    express.urlencoded({ extended: false, limit: '4kb' }),
    (req, res, next) => {
      optOut(req, res, false).catch(next);
    },
  );

  routes.post(BOUNCE_PATH, express.raw({ type: () => true, limit: MAX_DSN_BYTES }), (req, res, next) => {
    (async () => {
      const secret = channelsConfig().bounceSecret;
      if (!secret) {
        sendError(res, new AppError('NOT_FOUND', errorMessage('channels.notConfigured')));
        return;
      }
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (!bodySignatureMatches(secret, body, req.get('x-arrearsdesk-signature'))) {
        sendError(res, new AppError('UNAUTHENTICATED', errorMessage('channels.signatureInvalid')));
        return;
      }
      const reports = await parseDsn(body);
      if (reports === null) {
        sendError(res, new AppError('INVALID_INPUT', errorMessage('channels.bounceUnreadable')));
        return;
      }
      const bounced = await applyBounces(db, reports, now());
      logger.info({ reports: reports.length, bounced }, 'delivery status notification');
      res.status(200).json({ reports: reports.length, bounced });
    })().catch(next);
  });
  /**
   * Twilio's webhooks: believed only when X-Twilio-Signature matches (HMAC-SHA1 by the auth token over the URL Twilio
   * called — PUBLIC_BASE_URL and the path — and the sorted form parameters); anything else is 403 and recorded nowhere.
   */
  const twilioForm = express.urlencoded({ extended: false, limit: '64kb' });
  const verifiedTwilio = (req: Request, res: Response): Record<string, string> | null => {
    const token = channelsConfig().twilioAuthToken;
    if (!token) {
      sendError(res, new AppError('NOT_FOUND', errorMessage('channels.notConfigured')));
      return null;
    }
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries((req.body ?? {}) as Record<string, unknown>)) {
      if (typeof value === 'string') params[name] = value;
    }
    const url = `${channelsConfig().publicBaseUrl}${req.originalUrl}`;
    if (!twilioSignatureMatches(token, url, params, req.get('x-twilio-signature'))) {
      sendError(res, new AppError('FORBIDDEN', errorMessage('channels.signatureInvalid')));
      return null;
    }
    return params;
  };
  routes.post(TWILIO_STATUS_PATH, twilioForm, (req, res, next) => {
    (async () => {
      const params = verifiedTwilio(req, res);
      if (!params) return;
      const recorded = await applyTwilioStatus(db, params, now());
      res.status(200).json({ recorded });
    })().catch(next);
  });
  routes.post(TWILIO_INBOUND_PATH, twilioForm, (req, res, next) => {
    (async () => {
      const params = verifiedTwilio(req, res);
      if (!params) return;
      if (params.From && params.Body !== undefined) {
        const result = await receiveSms(
          db,
          { from: params.From, body: params.Body, providerMessageId: params.MessageSid ?? null },
          now(),
        );
        logger.info(result, 'inbound text');
      }
      // Our answers go out through the outbox (guarded, recorded); the webhook's own reply is empty.
      res.status(200).type('text/xml').send('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    })().catch(next);
  });
  return routes;
}
