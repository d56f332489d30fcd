import { useTranslation } from 'react-i18next';
import { Navigate, Outlet } from 'react-router';
import { useSessionUserQuery } from '../features/auth/api/use-session-user-query.ts';
import { readApiError } from '../lib/api-error.ts';
import { SessionProvider } from '../lib/session.tsx';

/** The auth gate: everything below it may assume a signed-in person (see `useSessionUser`). */
export function RequireSession() {
  const { t } = useTranslation();
  const session = useSessionUserQuery();

  if (session.isPending) {
    return (
      <p role="status" className="page-status">
        {t('app.loadingSession')}
      </p>
    );
  }
  // Known answer first: a failed background refetch keeps the last answer, and the page should stay up.
  if (session.data === null) return <Navigate to="/sign-in" replace />;
  if (session.data === undefined) {
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
    <SessionProvider user={session.data}>
      <Outlet />
    </SessionProvider>
  );
}
