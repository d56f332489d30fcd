import { type ErrorMessage, errorMessage } from '@arrears/shared/errors/messages';
import type { SessionUser, SignInInput } from '@arrears/shared/schemas/auth';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { logger } from '../../logger.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { verifyPassword } from './password.ts';
import { createSession, teamIdsOf } from './session.ts';
import { admitAttempt, recordAttempt, settleSuccess } from './throttle.ts';

/** A hash of a random password: unknown emails cost the same time as wrong passwords, so emails can't be probed. */
const DECOY_HASH = 'scrypt$32768$8$1$Olm7s4y0GTASktXnclHtug==$9+9bgdQJzgTSuexcDo5FQTYH120I7mqcGmuG5Xw2PMQ=';

export interface SignInResult {
  user: SessionUser;
  token: string;
  expiresAt: Date;
}

export async function signIn(
  db: Database,
  input: SignInInput,
  options: { ip: string | null; userAgent: string | null; now: Date; ttlHours: number },
): Promise<SignInResult> {
  const attempt = { email: input.email, ip: options.ip, now: options.now };
  const admission = await admitAttempt(db, attempt);
  if (!admission.admitted) {
    logger.warn(
      { email: input.email, ip: options.ip, waitingOn: admission.waitingOn },
      'sign-in refused by the throttle',
    );
    throw new AppError('TOO_MANY_ATTEMPTS', waitMessage(admission.retryAfterSeconds), {
      retryAfterSeconds: admission.retryAfterSeconds,
    });
  }

  const [user] = await db.select().from(users).where(eq(users.email, input.email)).limit(1);
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? DECOY_HASH);
  if (!user || !passwordOk || !user.active) {
    await recordAttempt(db, input.email, options.ip, false, options.now);
    throw new AppError('UNAUTHENTICATED', errorMessage('auth.wrongCredentials'));
  }
  await settleSuccess(db, attempt);
  await recordAttempt(db, input.email, options.ip, true, options.now);
  const session = await createSession(db, { userId: user.id, ...options });
  await recordAudit(db, {
    actorId: user.id,
    action: 'auth.sign_in',
    entityType: 'user',
    entityId: user.id,
    ip: options.ip,
  });
  return {
    token: session.token,
    expiresAt: session.expiresAt,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      teamIds: await teamIdsOf(db, user.id, user.role, user.teamId),
      locale: user.locale,
      timeZone: user.timeZone,
      language: user.language,
    },
  };
}

function waitMessage(seconds: number): ErrorMessage {
  if (seconds < 90) return errorMessage('auth.tooManySignInsSeconds', { seconds });
  return errorMessage('auth.tooManySignInsMinutes', { minutes: Math.ceil(seconds / 60) });
}
