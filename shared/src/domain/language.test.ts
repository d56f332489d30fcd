import { describe, expect, it } from 'vitest';
import { debtorLanguages, languageOfTag } from './language.ts';

describe('languageOfTag', () => {
  it('reads the primary language of a BCP 47 tag and falls back to English', () => {
    expect(languageOfTag('zh-CN')).toBe('zh');
    expect(languageOfTag('zh_Hans')).toBe('zh');
    expect(languageOfTag('en-US')).toBe('en');
    expect(languageOfTag('es')).toBe('en');
    expect(languageOfTag(undefined)).toBe('en');
  });
});

describe('debtorLanguages', () => {
  it('writes to a CN debtor in Chinese alone', () => {
    expect(debtorLanguages({ language: 'zh', jurisdictionCountry: 'CN' })).toEqual(['zh']);
  });

  it('never sends a US debtor a translation instead of the English text', () => {
    expect(debtorLanguages({ language: 'zh', jurisdictionCountry: 'US' })).toEqual(['en', 'zh']);
    expect(debtorLanguages({ language: 'en', jurisdictionCountry: 'US' })).toEqual(['en']);
    // No Spanish text is written yet: English alone, never nothing.
    expect(debtorLanguages({ language: 'es', jurisdictionCountry: 'US' })).toEqual(['en']);
  });
});
