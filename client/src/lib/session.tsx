import type { SessionUser } from '@arrears/shared/schemas/auth';
import { createContext, type ReactNode, use } from 'react';

const SessionContext = createContext<SessionUser | null>(null);

/** Makes the signed-in person available below the auth gate, so pages never handle "not signed in". */
export function SessionProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  return <SessionContext value={user}>{children}</SessionContext>;
}

export function useSessionUser(): SessionUser {
  const user = use(SessionContext);
  if (!user) throw new Error('useSessionUser is only available below the auth gate');
  return user;
}
