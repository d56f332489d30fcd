import { authRouter } from '../modules/auth/auth.router.ts';
import { casesRouter } from '../modules/cases/cases.router.ts';
import { caseworkRouter } from '../modules/casework/casework.router.ts';
import { channelsRouter } from '../modules/channels/channels.router.ts';
import { complianceRouter } from '../modules/compliance/compliance.router.ts';
import { contactsRouter } from '../modules/contacts/contacts.router.ts';
import { escalationsRouter } from '../modules/escalations/escalations.router.ts';
import { integrationsRouter } from '../modules/integrations/integrations.router.ts';
import { agenciesRouter } from '../modules/ladder/agencies.router.ts';
import { ladderRouter } from '../modules/ladder/ladder.router.ts';
import { lettersRouter } from '../modules/letters/letters.router.ts';
import { oversightRouter } from '../modules/oversight/oversight.router.ts';
import { paymentsRouter } from '../modules/payments/payments.router.ts';
import { placementsRouter } from '../modules/placements/placements.router.ts';
import { queuesRouter } from '../modules/queues/queues.router.ts';
import { remindersRouter } from '../modules/reminders/reminders.router.ts';
import { reportsRouter } from '../modules/reports/reports.router.ts';
import { rulesRouter } from '../modules/rules/rules.router.ts';
import { approvalsRouter } from '../modules/supervision/approvals.router.ts';
import { complaintsRouter } from '../modules/supervision/complaints.router.ts';
import { teamRouter } from '../modules/supervision/team.router.ts';
import { createCallerFactory, router } from './init.ts';

/** The root router: one sub-router per domain module. */
export const appRouter = router({
  agencies: agenciesRouter,
  auth: authRouter,
  cases: casesRouter,
  channels: channelsRouter,
  casework: caseworkRouter,
  compliance: complianceRouter,
  contacts: contactsRouter,
  escalations: escalationsRouter,
  integrations: integrationsRouter,
  ladder: ladderRouter,
  letters: lettersRouter,
  oversight: oversightRouter,
  payments: paymentsRouter,
  placements: placementsRouter,
  queues: queuesRouter,
  reminders: remindersRouter,
  reports: reportsRouter,
  rules: rulesRouter,
  approvals: approvalsRouter,
  complaints: complaintsRouter,
  team: teamRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
