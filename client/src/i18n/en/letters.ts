import type { LetterPurpose } from '@arrears/shared/schemas/letters';

export const letters = {
  title: 'Letters',
  intro:
    'Letters wait here for the print run. Building a batch judges each one again at the cut-off: allowed letters are rendered from the ledger and recorded as mailed on the mailing date, refused ones are left out with their rule. Record returned mail against the letter that came back.',
  loading: 'Loading letters…',
  loadFailed: 'Could not load the letters: {message}',
  retry: 'Try again',
  purpose: {
    validation_notice: 'Validation notice',
    debt_statement: 'Statement of the debt',
  } satisfies Record<LetterPurpose, string>,
  case: {
    heading: 'Letters',
    preview: 'Preview {letter} (PDF)',
    queue: 'Queue {letter} for mailing',
    building: 'Building the PDF…',
    downloaded: 'Downloaded {fileName}.',
    queued: '{letter} queued for the next print run.',
    failed: 'Could not do that: {message}',
  },
  queue: {
    heading: 'Waiting for the print run',
    empty: 'No letters are waiting.',
  },
  batch: {
    mailingDate: 'Mailing date',
    build: 'Build batch and download zip',
    building: 'Building the batch…',
    built: '{mailed, plural, one {# letter} other {# letters}} in the batch, {withheld} withheld.',
    failed: 'Could not build or fetch the batch: {message}',
  },
  batches: {
    heading: 'Recent batches',
    empty: 'No batch has been built yet.',
    title: 'Mailing {mailingDate} (cut-off {cutoff})',
    counts: '{mailed} mailed, {withheld} withheld.',
    download: 'Download zip',
    lettersOf: 'Letters of the batch mailed {mailingDate}',
  },
  column: {
    account: 'Account',
    debtor: 'Debtor',
    letter: 'Letter',
    requestedAt: 'Requested',
    state: 'State',
    pages: 'Pages',
    actions: 'Actions',
  },
  state: {
    queued: 'Queued',
    mailed: 'Mailed',
    withheld: 'Withheld',
    withheldBy: 'Withheld by {ruleId}',
    returned: 'Returned mail',
  },
  markReturned: 'Mark returned',
  returned: 'Returned mail recorded for {accountRef}.',
  returnFailed: 'Could not record the returned mail: {message}',
};
