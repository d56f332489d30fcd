import { Navigate, Route, Routes } from 'react-router';
import { RulesAdminPage } from '../features/admin/components/rules-admin-page.tsx';
import { SignInPage } from '../features/auth/components/sign-in-page.tsx';
import { CasePage } from '../features/case/components/case-page.tsx';
import { CasesPage } from '../features/cases/components/cases-page.tsx';
import { AgenciesPage } from '../features/ladder/components/agencies-page.tsx';
import { RemindersPage } from '../features/ladder/components/reminders-page.tsx';
import { ApprovalsPage } from '../features/oversight/components/approvals-page.tsx';
import { AuditPage } from '../features/oversight/components/audit-page.tsx';
import { ComplaintsPage } from '../features/oversight/components/complaints-page.tsx';
import { DecisionPage } from '../features/oversight/components/decision-page.tsx';
import { QaSamplePage } from '../features/oversight/components/qa-page.tsx';
import { TeamPage } from '../features/oversight/components/team-page.tsx';
import { PlacementsPage } from '../features/placements/components/placements-page.tsx';
import { QueuePage } from '../features/queue/components/queue-page.tsx';
import { ReportsPage } from '../features/reports/components/reports-page.tsx';
import { homePathFor } from '../lib/navigation.ts';
import { useSessionUser } from '../lib/session.tsx';
import { AppLayout } from './layout.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { RequireSection } from './require-section.tsx';
import { RequireSession } from './require-session.tsx';
import { TabbedSectionLayout } from './section-tabs.tsx';

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
            <Route path="compliance" element={<TabbedSectionLayout section="compliance" />}>
              <Route path="audit" element={<AuditPage />} />
              <Route path="audit/decisions/:decisionId" element={<DecisionPage />} />
              <Route path="qa" element={<QaSamplePage />} />
              <Route path="approvals" element={<ApprovalsPage />} />
              <Route path="complaints" element={<ComplaintsPage />} />
              <Route path="team" element={<TeamPage />} />
            </Route>
          </Route>
          <Route element={<RequireSection section="reports" />}>
            <Route path="reports" element={<ReportsPage />} />
          </Route>
          <Route element={<RequireSection section="admin" />}>
            <Route path="admin" element={<TabbedSectionLayout section="admin" />}>
              <Route path="rules" element={<RulesAdminPage />} />
              <Route path="placements" element={<PlacementsPage />} />
              <Route path="reminders" element={<RemindersPage />} />
              <Route path="agencies" element={<AgenciesPage />} />
            </Route>
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
