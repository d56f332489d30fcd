import { NAV_SECTIONS, type NavSection, navFor, rolesWith } from '@arrears/shared/auth/roles';
import { Navigate, Outlet } from 'react-router';
import { homePathFor, homeSectionFor } from '../lib/navigation.ts';
import { useSessionUser } from '../lib/session.tsx';
import { deniedState } from './route-notice.tsx';

/**
 * A section the role cannot see is not an error page: the person is sent to their home, and told why there.
 */
export function RequireSection({ section }: { section: NavSection }) {
  const user = useSessionUser();
  if (!navFor(user.role).includes(section)) {
    const state = deniedState({
      page: `nav.${section}`,
      target: `nav.${homeSectionFor(user.role)}`,
      roles: rolesWith(NAV_SECTIONS[section]),
    });
    return <Navigate to={homePathFor(user.role)} state={state} replace />;
  }
  return <Outlet />;
}
