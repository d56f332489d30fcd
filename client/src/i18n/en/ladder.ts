export const ladder = {
  heading: 'Ladder rules of the nightly roll',
  intro:
    'Days past due from which the nightly roll moves a portfolio’s cases to agents, makes them ready for agency placement and ready for legal review. Placing and filing still need a supervisor’s approval.',
  loading: 'Loading ladder rules…',
  loadFailed: 'The ladder rules could not be loaded: {message}',
  defaults: 'defaults',
  inputLabel: '{rung} for {portfolio}',
  save: 'Save',
  saved: 'Saved',
  saveFor: 'Save the ladder rules of {portfolio}',
  column: {
    portfolio: 'Portfolio',
    agentFromDays: 'Agents from (days)',
    agencyFromDays: 'Agency from (days)',
    legalFromDays: 'Legal review from (days)',
    actions: 'Actions',
  },
  runs: {
    heading: 'Latest nightly rolls',
    empty: 'No nightly roll has run yet.',
    status: { running: 'running', done: 'done', failed: 'failed' },
    summary:
      '{scanned, plural, one {# case} other {# cases}}; moved {agent, plural, one {# case} other {# cases}} to agents, {agency, plural, one {# case} other {# cases}} to an agency, {legal, plural, one {# case} other {# cases}} to legal review; {broken, plural, one {# promise} other {# promises}} broken',
  },
};
