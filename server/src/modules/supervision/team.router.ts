import {
  teamAlertsOutput,
  teamCasesInput,
  teamCasesOutput,
  teamOverviewOutput,
  teamReassignInput,
  teamReassignOutput,
} from '@arrears/shared/schemas/supervision';
import { router } from '../../trpc/init.ts';
import { keyedMutation, scopedQuery, userQuery } from '../../trpc/procedures.ts';
import { teamAlerts } from './alerts.service.ts';
import { reassignCases, teamCases, teamOverview } from './team.service.ts';

/** 'case:reassign': a supervisor within their teams, an admin in any team (the service keeps the scope). */
export const teamRouter = router({
  overview: userQuery('case:reassign', teamOverviewOutput, teamOverview),

  cases: scopedQuery('case:reassign', teamCasesInput, teamCasesOutput, teamCases),

  /** What machines raised for the team (a dial made without a live reservation), newest first. */
  alerts: userQuery('case:reassign', teamAlertsOutput, teamAlerts),

  reassign: keyedMutation('case:reassign', teamReassignInput, teamReassignOutput, reassignCases),
});
