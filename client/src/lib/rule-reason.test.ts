import { MESSAGE_TABLES } from '@arrears/shared/compliance/reasons/render';
import { describe, expect, it } from 'vitest';
import { reasonLanguage } from './rule-reason.ts';

describe('reasonLanguage', () => {
  it('renders in the interface language when the engine has its message table', () => {
    for (const language of Object.keys(MESSAGE_TABLES)) expect(reasonLanguage(language)).toBe(language);
  });

  it('falls back to English for a language without a message table', () => {
    expect(reasonLanguage('fr')).toBe('en');
    expect(reasonLanguage('zh')).toBe(Object.hasOwn(MESSAGE_TABLES, 'zh') ? 'zh' : 'en');
  });
});
