import { z } from 'zod';
import { ROLES } from '../domain/enums.ts';
import { LANGUAGES } from '../domain/language.ts';
import { secretText, shortText } from './primitives.ts';

export const signInInput = z.object({
  email: shortText(254).toLowerCase().email('Enter a valid email address'),
  password: secretText(200).min(1, 'Enter your password'),
});
export type SignInInput = z.infer<typeof signInInput>;

/** What the dashboard knows about the signed-in person. Never the password hash. */
export const sessionUser = z.object({
  id: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  teamIds: z.array(z.string().uuid()),
  locale: z.string(),
  timeZone: z.string(),
  /** The language the dashboard speaks to this person (`auth.setLanguage` changes it). */
  language: z.enum(LANGUAGES),
});
export type SessionUser = z.infer<typeof sessionUser>;

/**
 * A signed-in person chooses the dashboard's language for themselves. Strict: a request naming a user (`userId`)
 * is refused rather than quietly applied to the caller.
 */
export const setLanguageInput = z.strictObject({
  language: z.enum(LANGUAGES, { error: `language must be one of ${LANGUAGES.join(', ')}` }),
});
export type SetLanguageInput = z.infer<typeof setLanguageInput>;
