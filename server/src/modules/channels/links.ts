import { createHmac, timingSafeEqual } from 'node:crypto';
import { channelsConfig } from './config.ts';

export type MessageLanguage = 'en' | 'zh';

/** What an opt-out link names: the case the email was about, the address it went to, the reader's language. */
export interface OptOutTarget {
  caseId: string;
  contactPointId: string;
  language: MessageLanguage;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function mac(payload: string): string {
  return createHmac('sha256', channelsConfig().linkSecret).update(`opt-out:${payload}`).digest('base64url');
}

/** `<case>.<point>.<lang>.<mac>`: no sign-in, the signature is the permission (it can only opt that address out). */
export function optOutToken(target: OptOutTarget): string {
  const payload = `${target.caseId}.${target.contactPointId}.${target.language}`;
  return `${payload}.${mac(payload)}`;
}

export function readOptOutToken(token: string): OptOutTarget | null {
  const parts = token.split('.');
  if (parts.length !== 4) return null;
  const [caseId = '', contactPointId = '', language = '', signature = ''] = parts;
  if (!UUID.test(caseId) || !UUID.test(contactPointId) || (language !== 'en' && language !== 'zh'))
    return null;
  const expected = Buffer.from(mac(`${caseId}.${contactPointId}.${language}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { caseId, contactPointId, language };
}

export const OPT_OUT_PATH = '/api/public/unsubscribe';

export function optOutUrl(target: OptOutTarget): string {
  return `${channelsConfig().publicBaseUrl}${OPT_OUT_PATH}/${optOutToken(target)}`;
}

/** The footer every email carries: a clear and simple way to stop emails, in the reader's language. */
export function optOutFooter(url: string, language: MessageLanguage): string {
  return language === 'zh'
    ? `\n\n——\n如不想再收到我们的电子邮件，请打开此链接，即时生效：${url}`
    : `\n\n--\nTo stop receiving emails from us, open this link; it takes effect at once: ${url}`;
}

/** What the debtor reads after opting out (GET of the link). */
export function optOutConfirmation(language: MessageLanguage): { title: string; text: string } {
  return language === 'zh'
    ? { title: '已退订', text: '我们已记录您的要求，今后不会再向此邮箱发送电子邮件。' }
    : {
        title: 'You are unsubscribed',
        text: 'We have recorded your request and will send no more emails to this address.',
      };
}
