import { type NavSection, navFor } from '@arrears/shared/auth/roles';
import { Navigate, Outlet } from 'react-router';
import { homePathFor } from '../lib/navigation.ts';
import { useSessionUser } from '../lib/session.tsx';

/** A section the role cannot see is not an error page: the person is sent to their home. */
export function RequireSection({ section }: { section: NavSection }) {
  const user = useSessionUser();
  if (!navFor(user.role).includes(section)) return <Navigate to={homePathFor(user.role)} replace />;
  return <Outlet />;
}
