import { navFor } from '@arrears/shared/auth/roles';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { LanguagePicker } from '../components/ui/language-picker.tsx';
import { useKeepLanguage } from '../features/auth/api/use-keep-language.ts';
import { useSignOut } from '../features/auth/api/use-sign-out.ts';
import { KeyboardHelp } from '../features/queue/components/keyboard-help.tsx';
import { readApiError } from '../lib/api-error.ts';
import { sectionPath } from '../lib/navigation.ts';
import { useSessionUser } from '../lib/session.tsx';
import { PageSuspense } from './lazy-page.tsx';
import { RouteNotice } from './route-notice.tsx';

export function AppLayout() {
  const { t } = useTranslation();
  const user = useSessionUser();
  const signOut = useSignOut();
  const keepLanguage = useKeepLanguage();

  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <p className="product-name">{t('app.name')}</p>
        <nav aria-label={t('nav.label')} className="app-nav">
          <ul>
            {navFor(user.role).map((section) => (
              <li key={section}>
                {/* NavLink sets aria-current="page" on the active section. */}
                <NavLink to={sectionPath(section)}>{t(`nav.${section}`)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <KeyboardHelp />
        <div className="app-user">
          <p>
            <span className="visually-hidden">{t('header.signedInAs')} </span>
            {t('header.userRole', { name: user.name, role: t(`enums.role.${user.role}`) })}
          </p>
          <LanguagePicker keep={keepLanguage} />
          <button
            type="button"
            className="button"
            disabled={signOut.isPending}
            onClick={() => signOut.mutate()}
          >
            {t('header.signOut')}
          </button>
        </div>
        {signOut.isError && (
          <p role="alert" className="app-header-alert">
            {t('header.signOutFailed', { message: readApiError(signOut.error).message })}
          </p>
        )}
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <RouteNotice />
        {/* Pages load as their own chunks; the header stays while one arrives. */}
        <PageSuspense>
          <Outlet />
        </PageSuspense>
      </main>
    </div>
  );
}
