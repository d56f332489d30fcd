/**
 * The languages the product speaks, and texts declared in code in each of them. A `Localized` text with a
 * language left out fails the typecheck, so adding a language is a compile error at every text still missing it.
 */
export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

export type Localized = { readonly [L in Language]: string };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language a BCP 47 tag falls to (`zh-CN` → `zh`, `es` → `en`): English when we do not speak it. */
export function languageOfTag(tag: string | null | undefined): Language {
  const primary = tag?.split(/[-_]/)[0]?.toLowerCase();
  return isLanguage(primary) ? primary : 'en';
}

/**
 * The languages a letter, statement or message to a debtor is written in, in order. A debtor outside the US
 * reads it in their own language alone. A US debtor always gets the English text, the notice of record, and a
 * translation after it when they prefer a language we write (12 CFR 1006.34(f): a translated notice goes
 * with the English one, never instead of it).
 */
export function debtorLanguages(debtor: {
  readonly language: string;
  readonly jurisdictionCountry: string;
}): readonly Language[] {
  const preferred = languageOfTag(debtor.language);
  if (debtor.jurisdictionCountry !== 'US') return [preferred];
  return preferred === 'en' ? ['en'] : ['en', preferred];
}
