import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet } from 'react-router';
import { useSessionUserQuery } from '../features/auth/api/use-session-user-query.ts';
import { formattingLocale, setLanguage } from '../i18n/i18n.ts';
import { isLanguage } from '../i18n/messages.ts';
import { readApiError } from '../lib/api-error.ts';
import { SessionProvider } from '../lib/session.tsx';

/** The auth gate: everything below it may assume a signed-in person (see `useSessionUser`). */
export function RequireSession() {
  const { t, i18n } = useTranslation();
  const session = useSessionUserQuery();
  const language = isLanguage(i18n.language) ? i18n.language : 'en';
  // Below the gate, `locale` is the one to write numbers and dates in: it follows the interface language.
  // The person's own language, kept on their user, takes over from the one the sign-in page was in. Should it fail
  // to load (the network dropped), the page goes on in the current language rather than waiting for ever.
  const wanted = session.data?.language;
  const [unavailable, setUnavailable] = useState<string | null>(null);
  useEffect(() => {
    if (wanted && wanted !== i18n.language && wanted !== unavailable)
      setLanguage(wanted).catch(() => setUnavailable(wanted));
  }, [wanted, i18n.language, unavailable]);
  const switching = wanted !== undefined && wanted !== language && wanted !== unavailable;
  const user = useMemo(
    () => session.data && { ...session.data, locale: formattingLocale(session.data.locale, language) },
    [session.data, language],
  );

  if (session.isPending || switching) {
    return (
      <p role="status" className="page-status">
        {t('app.loadingSession')}
      </p>
    );
  }
  // Known answer first: a failed background refetch keeps the last answer, and the page should stay up.
  if (user === null) return <Navigate to="/sign-in" replace />;
  if (user === undefined) {
    return (
      <div role="alert" className="page-status">
        <p>{t('app.sessionFailed', { message: readApiError(session.error).message })}</p>
        <button type="button" className="button" onClick={() => void session.refetch()}>
          {t('app.retry')}
        </button>
      </div>
    );
  }
  return (
    <SessionProvider user={user}>
      <Outlet />
    </SessionProvider>
  );
}
