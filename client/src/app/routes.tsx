import { Navigate, Route, Routes } from 'react-router';
import { RulesAdminPage } from '../features/admin/components/rules-admin-page.tsx';
import { SignInPage } from '../features/auth/components/sign-in-page.tsx';
import { CasePage } from '../features/case/components/case-page.tsx';
import { CasesPage } from '../features/cases/components/cases-page.tsx';
import { QueuePage } from '../features/queue/components/queue-page.tsx';
import { homePathFor } from '../lib/navigation.ts';
import { useSessionUser } from '../lib/session.tsx';
import { AppLayout } from './layout.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { PendingSection } from './pending-section.tsx';
import { RequireSection } from './require-section.tsx';
import { RequireSession } from './require-session.tsx';

function HomeRedirect() {
  const user = useSessionUser();
  return <Navigate to={homePathFor(user.role)} replace />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route element={<RequireSession />}>
        <Route element={<AppLayout />}>
          <Route index element={<HomeRedirect />} />
          <Route element={<RequireSection section="queue" />}>
            <Route path="queue" element={<QueuePage />} />
          </Route>
          <Route element={<RequireSection section="cases" />}>
            <Route path="cases" element={<CasesPage />} />
            <Route path="cases/:caseId" element={<CasePage />} />
          </Route>
          <Route element={<RequireSection section="compliance" />}>
            <Route path="compliance" element={<PendingSection section="compliance" />} />
          </Route>
          <Route element={<RequireSection section="reports" />}>
            <Route path="reports" element={<PendingSection section="reports" />} />
          </Route>
          <Route element={<RequireSection section="admin" />}>
            <Route path="admin" element={<RulesAdminPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
