import { createHmac, timingSafeEqual } from 'node:crypto';

/** Where Twilio posts delivery states of our messages (the StatusCallback of each send). */
export const TWILIO_STATUS_PATH = '/api/channels/twilio/status';
/** Where Twilio posts the texts debtors send to our number (the number's messaging webhook). */
export const TWILIO_INBOUND_PATH = '/api/channels/twilio/inbound';
export const TWILIO_SIGNATURE_HEADER = 'X-Twilio-Signature';

/**
 * Twilio's request signature (its documented algorithm, implemented here without the `twilio` package): base64 of
 * HMAC-SHA1 keyed by the auth token over the full URL followed by every POST parameter's name and value, sorted by
 * name, concatenated without separators.
 */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  let data = url;
  for (const name of Object.keys(params).sort()) data += name + params[name];
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/** A webhook is believed only when its signature matches, compared in constant time. */
export function twilioSignatureMatches(
  authToken: string,
  url: string,
  params: Record<string, string>,
  given: string | undefined,
): boolean {
  if (!given) return false;
  const expected = Buffer.from(twilioSignature(authToken, url, params));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Twilio error codes that no retry changes: the number is invalid, not a mobile, or opted out at the carrier. */
export const PERMANENT_TWILIO_ERRORS: ReadonlySet<number> = new Set([
  21211, 21214, 21408, 21610, 21612, 21614,
]);
/** Delivery error codes that say the number itself cannot receive texts (unknown destination, landline). */
export const UNREACHABLE_TWILIO_ERRORS: ReadonlySet<string> = new Set(['30005', '30006']);
