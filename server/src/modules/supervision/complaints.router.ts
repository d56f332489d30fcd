import {
  complaintAssigneesOutput,
  complaintAssignInput,
  complaintInvestigateInput,
  complaintResolveInput,
  complaintsListInput,
  complaintsListOutput,
  complaintView,
} from '@arrears/shared/schemas/supervision';
import { router } from '../../trpc/init.ts';
import { keyedMutation, requestQuery, userQuery } from '../../trpc/procedures.ts';
import {
  assignComplaint,
  complaintAssignees,
  investigateComplaint,
  listComplaints,
  resolveComplaint,
} from './complaints.service.ts';

/** Complaints: supervisors, managers and admins read them in scope; the team's supervisor works them. */
export const complaintsRouter = router({
  list: requestQuery('compliance:audit', complaintsListInput, complaintsListOutput, listComplaints),

  assignees: userQuery('team:supervise', complaintAssigneesOutput, complaintAssignees),

  assign: keyedMutation('team:supervise', complaintAssignInput, complaintView, assignComplaint),

  investigate: keyedMutation(
    'team:supervise',
    complaintInvestigateInput,
    complaintView,
    investigateComplaint,
  ),

  resolve: keyedMutation('team:supervise', complaintResolveInput, complaintView, resolveComplaint),
});
