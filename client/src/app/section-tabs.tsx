import { rolesWith } from '@arrears/shared/auth/roles';
import { subSectionPermission, subSectionsFor, type TabbedSection } from '@arrears/shared/auth/sub-sections';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { homePathFor, homeSectionFor } from '../lib/navigation.ts';
import { useSessionUser } from '../lib/session.tsx';
import { deniedState } from './route-notice.tsx';

/** A section with several pages: a row of tabs for the pages the role may use, and the page below it. */
export function TabbedSectionLayout({ section }: { section: TabbedSection }) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const { pathname } = useLocation();
  const pages = subSectionsFor(section, user.role);
  const first = pages[0];
  const current = pathname.split('/')[2];
  // A page of the section another role may open: say so where the person lands (no notice for a mistyped URL).
  const allowed = subSectionPermission(section, current ?? '');
  const denied = allowed
    ? deniedState({
        page: `sectionTabs.${section}.${current}`,
        target: first ? `sectionTabs.${section}.${first}` : `nav.${homeSectionFor(user.role)}`,
        roles: rolesWith(allowed),
      })
    : undefined;
  if (!first) return <Navigate to={homePathFor(user.role)} state={denied} replace />;
  if (!current) return <Navigate to={`/${section}/${first}`} replace />;
  if (!(pages as string[]).includes(current)) {
    return <Navigate to={`/${section}/${first}`} state={denied} replace />;
  }
  return (
    <div className="tabbed-section">
      <nav className="section-tabs" aria-label={t(`sectionTabs.${section}.label`)}>
        <ul>
          {pages.map((page) => (
            <li key={page}>
              <NavLink to={`/${section}/${page}`}>
                {t(`sectionTabs.${section}.${page}` as 'sectionTabs.admin.rules')}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
