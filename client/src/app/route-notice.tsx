import type { Role } from '@arrears/shared/domain/enums';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

/**
 * Why a page sent the person elsewhere, carried in the history state of the redirect: the translation keys of the
 * page asked for and of where they landed, and the roles that may open it.
 */
export interface RouteDenied {
  page: string;
  target: string;
  roles: readonly Role[];
}

export const deniedState = (routeDenied: RouteDenied) => ({ routeDenied });

/**
 * A polite live region above every page: after a redirect away from a page the role may not open, it says so
 * (a silent redirect reads like a broken link). It stays until dismissed or the next navigation.
 */
export function RouteNotice() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const [dismissed, setDismissed] = useState<string | null>(null);
  const denied = (location.state as { routeDenied?: RouteDenied } | null)?.routeDenied;
  const shown = denied && dismissed !== location.key ? denied : null;
  const roles = shown
    ? new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
        shown.roles.map((role) => t(`routeNotice.rolePlural.${role}`)),
      )
    : '';
  return (
    <div role="status" className="route-notice">
      {shown && (
        <div className="notice">
          <p>
            {t('routeNotice.denied', {
              page: t(shown.page as 'nav.queue'),
              roles,
              target: t(shown.target as 'nav.queue'),
            })}
          </p>
          <button type="button" className="button button-quiet" onClick={() => setDismissed(location.key)}>
            {t('routeNotice.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
