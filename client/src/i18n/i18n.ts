import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en/index.ts';

export const defaultNS = 'translation';
export const resources = { en: { translation: en } } as const;

// The interface language is English until a translation is complete; a person's locale still drives how
// numbers, money and dates are formatted (see lib/format.ts).
void i18n.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  defaultNS,
  initAsync: false,
  interpolation: { escapeValue: false },
});

// Screen readers pick their voice from <html lang>, so it follows the interface language.
document.documentElement.lang = i18n.resolvedLanguage ?? i18n.language;
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

export default i18n;
