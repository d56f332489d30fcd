import type { en } from '../en/index.ts';
import type { Messages } from '../messages.ts';

export const qa: Messages<(typeof en)['qa']> = {
  pageTitle: 'QA sample',
  intro:
    'A daily sample of contacts to review, weighted to risk and drawn across every reason present, so one common risk does not crowd out the rare ones. The same day always shows the same sample, to every reviewer.',
  filtersLabel: 'QA sample filters',
  date: 'Day',
  team: 'Team',
  allTeams: 'All teams',
  loading: 'Drawing the sample…',
  loadFailed: 'Could not load the sample: {message}',
  retry: 'Try again',
  empty: 'No contacts on this day in your scope.',
  summary:
    '{count, plural, one {# contact drawn from {population} that day.} other {# contacts drawn from {population} that day.}}',
  tableLabel: 'Contacts to review',
  column: {
    at: 'When',
    case: 'Case',
    agent: 'Agent',
    contact: 'Contact',
    why: 'Why picked',
    weight: 'Weight',
    review: 'Review',
    actions: 'Actions',
  },
  baseline: 'Random check',
  reason: {
    near_cap: 'Near the frequency cap',
    window_edge: 'Near a calling-window edge',
    after_dispute: 'After a dispute',
    after_cease: 'After a cease request',
    overridden: 'Went through on an override',
    agent_complaints: 'Agent has complaints',
    warned: 'Allowed with warnings',
  },
};
