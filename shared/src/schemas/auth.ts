import { z } from 'zod';
import { ROLES } from '../domain/enums.ts';

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid email address').max(254),
  password: z.string().min(1, 'Enter your password').max(200),
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
});
export type SessionUser = z.infer<typeof sessionUser>;
