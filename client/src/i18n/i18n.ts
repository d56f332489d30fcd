import i18n from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import { enFirstPage } from './en/first-page.ts';
import type { en } from './en/index.ts';
import { isLanguage, type Language } from './messages.ts';

export const defaultNS = 'translation';
/** The type of the whole dictionary: every key type-checks, whether it ships with the first page or with its page. */
export type Resources = { en: { translation: typeof en } };
export const resources = { en: { translation: enFirstPage } } as const;

/**
 * English ships with the first page; another language is fetched when a person chooses it, so nobody downloads
 * a dictionary they do not read (tests/e2e/first-page.spec.ts keeps the first page under its budget).
 */
const loaders: Record<Exclude<Language, 'en'>, () => Promise<unknown>> = {
  zh: () => import('./zh/index.ts').then((module) => module.zh),
};

/** Where the choice is remembered on this browser, for the sign-in page before anyone is known. */
const STORAGE_KEY = 'arrears.language';

void i18n
  .use(ICU)
  .use(initReactI18next)
  .init({
    resources,
    lng: 'en',
    // No fallback: a key missing in a language is a defect the typecheck and client/src/i18n/messages.test.ts catch,
    // never English text slipped silently into a Chinese page.
    fallbackLng: false,
    defaultNS,
    initAsync: false,
    interpolation: { escapeValue: false },
  });

/** Switches the interface to `language`, fetching its messages first; remembers it on this browser. */
export async function setLanguage(language: Language): Promise<void> {
  if (language !== 'en' && !i18n.hasResourceBundle(language, defaultNS)) {
    i18n.addResourceBundle(language, defaultNS, await loaders[language]());
  }
  await i18n.changeLanguage(language);
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage may be refused (private windows, policies): the choice then lasts for this page only.
  }
}

/** The language this browser last used, else the browser's own preference where the dashboard speaks it. */
export function rememberedLanguage(): Language {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    stored = null;
  }
  if (isLanguage(stored)) return stored;
  return navigator.languages.some((tag) => tag.toLowerCase().startsWith('zh')) ? 'zh' : 'en';
}

const LANGUAGE_LOCALE: Record<Language, string> = { en: 'en-US', zh: 'zh-CN' };

/**
 * The locale numbers, money and dates are written in: the person's own (`users.locale`) while it is of the
 * interface language, else that language's usual one. An agent of the China team who reads the English page sees
 * English dates, never Chinese ones mixed into English sentences.
 */
export function formattingLocale(userLocale: string, language: Language): string {
  return userLocale.toLowerCase().split('-')[0] === language ? userLocale : LANGUAGE_LOCALE[language];
}

// Screen readers pick their voice from <html lang>, so it follows the interface language.
document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : language;
});

export default i18n;

/**
 * Adds the English messages of a page that does not ship with the first page (see `./en/first-page.ts`); the page's
 * module calls it as it loads, before anything renders. Other languages load whole (`setLanguage`).
 */
export function registerEnglish(messages: Partial<typeof en>): void {
  i18n.addResourceBundle('en', defaultNS, messages, true, false);
}
