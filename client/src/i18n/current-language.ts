import i18next from 'i18next';
import { isLanguage, type Language } from './messages.ts';

/**
 * The language the dashboard speaks now (i18next's one instance, which i18n.ts sets up). Apart from i18n.ts, which
 * touches the document when loaded, so that code also run outside a browser (tests of api-error, schema-form) can
 * ask it.
 */
export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'en';
}
