import { describe, expect, it } from 'vitest';
import { twilioSignature, twilioSignatureMatches } from './twilio.ts';

/** The worked example of Twilio's webhook-security documentation (auth token 12345): not produced by this code. */
const TOKEN = '12345';
const URL = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const PARAMS = {
  CallSid: 'CA1234567890ABCDE',
  Caller: '+14158675309',
  Digits: '1234',
  From: '+14158675309',
  To: '+18005551212',
};
const DOCUMENTED = 'RSOYDt4T1cUTdK1PDd93/VVr8B8=';

describe('X-Twilio-Signature', () => {
  it('matches the documented signature', () => {
    expect(twilioSignature(TOKEN, URL, PARAMS)).toBe(DOCUMENTED);
    expect(twilioSignatureMatches(TOKEN, URL, PARAMS, DOCUMENTED)).toBe(true);
  });

  it('refuses a changed parameter, URL or token, and a missing signature', () => {
    expect(twilioSignatureMatches(TOKEN, URL, { ...PARAMS, Digits: '9999' }, DOCUMENTED)).toBe(false);
    expect(twilioSignatureMatches(TOKEN, `${URL}&baz=3`, PARAMS, DOCUMENTED)).toBe(false);
    expect(twilioSignatureMatches('54321', URL, PARAMS, DOCUMENTED)).toBe(false);
    expect(twilioSignatureMatches(TOKEN, URL, PARAMS, undefined)).toBe(false);
    expect(twilioSignatureMatches(TOKEN, URL, PARAMS, 'short')).toBe(false);
  });
});
