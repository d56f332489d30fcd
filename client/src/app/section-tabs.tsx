import { subSectionsFor, type TabbedSection } from '@arrears/shared/auth/sub-sections';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { homePathFor } from '../lib/navigation.ts';
import { useSessionUser } from '../lib/session.tsx';

/** A section with several pages: a row of tabs for the pages the role may use, and the page below it. */
export function TabbedSectionLayout({ section }: { section: TabbedSection }) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const { pathname } = useLocation();
  const pages = subSectionsFor(section, user.role);
  const first = pages[0];
  if (!first) return <Navigate to={homePathFor(user.role)} replace />;
  const current = pathname.split('/')[2];
  if (!current) return <Navigate to={`/${section}/${first}`} replace />;
  if (!(pages as string[]).includes(current)) return <Navigate to={`/${section}/${first}`} replace />;
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
