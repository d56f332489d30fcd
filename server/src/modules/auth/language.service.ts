import type { Language } from '@arrears/shared/domain/language';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';
import { recordAudit } from '../audit/audit.service.ts';

/**
 * A person sets the dashboard's language for themselves, and only for themselves: the user is the caller, never
 * an id from the request. Audited with the language before and after; choosing the current one writes nothing.
 */
export async function setOwnLanguage(
  db: Database,
  options: { user: SessionUser; language: Language; ip: string | null },
): Promise<SessionUser> {
  const { user, language, ip } = options;
  if (user.language === language) return user;
  await db.transaction(async (tx) => {
    await tx.update(users).set({ language }).where(eq(users.id, user.id));
    await recordAudit(tx, {
      actorId: user.id,
      action: 'auth.set_language',
      entityType: 'user',
      entityId: user.id,
      before: { language: user.language },
      after: { language },
      ip,
    });
  });
  return { ...user, language };
}
