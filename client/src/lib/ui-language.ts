import { type UiLanguage, uiLanguageOfLocale } from '@arrears/shared/domain/enums';
import i18next from 'i18next';

/**
 * The language the dashboard speaks now, as the server's catalogue names it ('en' | 'zh'): i18next's, the one
 * instance client/src/i18n/i18n.ts sets up ('zh-CN' reads as 'zh').
 */
export function uiLanguage(): UiLanguage {
  return uiLanguageOfLocale(i18next.language ?? 'en');
}
