import { Navigate, Route, Routes } from 'react-router';
import { homePathFor } from '../lib/navigation.ts';
import { useSessionUser } from '../lib/session.tsx';
import { AppLayout } from './layout.tsx';
import { lazyPage, PageSuspense } from './lazy-page.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { RequireSection } from './require-section.tsx';
import { RequireSession } from './require-session.tsx';
import { TabbedSectionLayout } from './section-tabs.tsx';

// Every page is its own chunk: the first page a visitor opens downloads only the shell and that page.
const RulesAdminPage = lazyPage(
  () => import('../features/admin/components/rules-admin-page.tsx'),
  'RulesAdminPage',
);
const SignInPage = lazyPage(() => import('../features/auth/components/sign-in-page.tsx'), 'SignInPage');
const CasePage = lazyPage(() => import('../features/case/components/case-page.tsx'), 'CasePage');
const CasesPage = lazyPage(() => import('../features/cases/components/cases-page.tsx'), 'CasesPage');
const AgenciesPage = lazyPage(
  () => import('../features/ladder/components/agencies-page.tsx'),
  'AgenciesPage',
);
const IntegrationsPage = lazyPage(
  () => import('../features/integrations/components/integrations-page.tsx'),
  'IntegrationsPage',
);
const RemindersPage = lazyPage(
  () => import('../features/ladder/components/reminders-page.tsx'),
  'RemindersPage',
);
const ApprovalsPage = lazyPage(
  () => import('../features/oversight/components/approvals-page.tsx'),
  'ApprovalsPage',
);
const AuditPage = lazyPage(() => import('../features/oversight/components/audit-page.tsx'), 'AuditPage');
const ComplaintsPage = lazyPage(
  () => import('../features/oversight/components/complaints-page.tsx'),
  'ComplaintsPage',
);
const DecisionPage = lazyPage(
  () => import('../features/oversight/components/decision-page.tsx'),
  'DecisionPage',
);
const QaSamplePage = lazyPage(() => import('../features/oversight/components/qa-page.tsx'), 'QaSamplePage');
const TeamPage = lazyPage(() => import('../features/oversight/components/team-page.tsx'), 'TeamPage');
const LettersPage = lazyPage(() => import('../features/letters/components/letters-page.tsx'), 'LettersPage');
const PlacementsPage = lazyPage(
  () => import('../features/placements/components/placements-page.tsx'),
  'PlacementsPage',
);
const OutboxPage = lazyPage(() => import('../features/outbox/components/outbox-page.tsx'), 'OutboxPage');
const QueuePage = lazyPage(() => import('../features/queue/components/queue-page.tsx'), 'QueuePage');
const ReportsPage = lazyPage(() => import('../features/reports/components/reports-page.tsx'), 'ReportsPage');

function HomeRedirect() {
  const user = useSessionUser();
  return <Navigate to={homePathFor(user.role)} replace />;
}

export function AppRoutes() {
  return (
    <PageSuspense>
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
                <Route path="letters" element={<LettersPage />} />
              </Route>
            </Route>
            <Route element={<RequireSection section="outbox" />}>
              <Route path="outbox" element={<OutboxPage />} />
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
                <Route path="integrations" element={<IntegrationsPage />} />
              </Route>
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </PageSuspense>
  );
}
