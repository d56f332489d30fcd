import type { Language } from '../messages.ts';

export const language = {
  label: 'Language',
  /** Each language is named in itself, so a reader finds their own whatever the page is in. */
  name: { en: 'English', zh: '中文' } satisfies Record<Language, string>,
  changing: 'Changing the language…',
  failed: 'The language could not be changed: {message}',
};
