/**
 * The dashboard's languages and the shape each must fill. English (`en/`) is the reference tree; every other
 * language is typed as `Messages` of it, so a key missing or extra in either fails the typecheck. Messages are ICU
 * message format (`{count, plural, one {# case} other {# cases}}`, `{name}`), rendered by i18next-icu.
 */
export { isLanguage, LANGUAGES, type Language } from '@arrears/shared/domain/language';

/** The English tree with each message widened to a string: what a translation must provide, key for key. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
