import type { NavSection } from '@arrears/shared/auth/roles';
import type { Role } from '@arrears/shared/domain/enums';

export const app = {
  name: 'ArrearsDesk',
  skipToContent: 'Skip to content',
  loadingSession: 'Loading your session…',
  sessionFailed: 'ArrearsDesk could not load your session: {message}',
  retry: 'Try again',
  notFoundTitle: 'Page not found',
  notFoundBody: 'There is nothing at this address.',
  goHome: 'Go to your home page',
  loadingPage: 'Loading the page…',
  pageLoadFailed:
    'This page could not be loaded. The network may have dropped, or ArrearsDesk was updated since this tab opened.',
  reload: 'Reload',
};

export const nav = {
  label: 'Sections',
  queue: 'Queue',
  cases: 'Cases',
  compliance: 'Compliance',
  reports: 'Reports',
  outbox: 'Outbox',
  admin: 'Admin',
} satisfies Record<NavSection | 'label', string>;

export const header = {
  signedInAs: 'Signed in as',
  userRole: '{name} ({role})',
  signOut: 'Sign out',
  signOutFailed: 'Could not sign out: {message}',
};

/** Said when a page the role may not open sends the person elsewhere. */
export const routeNotice = {
  denied: '{page} is for {roles}; you were taken to {target}.',
  rolePlural: {
    agent: 'agents',
    supervisor: 'supervisors',
    manager: 'managers',
    admin: 'admins',
  } satisfies Record<Role, string>,
  dismiss: 'Dismiss',
};

export const sectionTabs = {
  compliance: {
    label: 'Compliance pages',
    audit: 'Audit',
    qa: 'QA sample',
    approvals: 'Approvals',
    complaints: 'Complaints',
    team: 'Team',
    letters: 'Letters',
  },
  admin: {
    label: 'Admin pages',
    rules: 'Rules',
    placements: 'Placement files',
    reminders: 'Reminder strategies',
    agencies: 'Agencies',
    integrations: 'Integrations',
  },
};

export const signIn = {
  pageTitle: 'Sign in',
  heading: 'Sign in to ArrearsDesk',
  email: 'Email',
  password: 'Password',
  submit: 'Sign in',
  submitting: 'Signing in…',
  fixFields: 'Check the fields marked below.',
  failed: 'Could not sign in: {message}',
};

export const ui = {
  close: 'Close',
  /**
   * The joiners and brackets components put between translated pieces: each language writes its own (Chinese has
   * full-width brackets, the enumeration comma 、 and no spaces around them).
   */
  punctuation: {
    /** Between the facts of one line: "Sam · Dec 7, 10:00 AM". */
    separator: ' · ',
    /** Between the items of a list: "US-REGF-7IN7, US-FDCPA-MIRANDA". */
    items: ', ',
    /** Between clauses of a sentence: "3 attempts, 1 outside the window". */
    clauses: ', ',
    /** Around a remark on what comes before it: "Call (inbound)". */
    open: ' (',
    close: ')',
    /** Before what explains the text: "US-REGF-7IN7 — 7 calls already made". */
    dash: ' — ',
  },
  verdict: { allowed: 'Allowed', warning: 'Warning', blocked: 'Blocked' },
  nextCase: {
    button: 'Next case',
    taking: 'Finding the next case…',
    nothing: 'Nothing can be worked now.',
    opensAt: 'The next case opens {time}.',
    noneOpens:
      'No case of yours or of your team’s pool opens with time alone: each needs something to change first.',
    stillChecking:
      'Many cases changed since they were last checked; they are being checked again: press again in a moment.',
    passedOver: 'Rows that look workable were passed over:',
    passedYours: '{count} you opened a moment ago and still hold',
    passedOthers: '{count, plural, one {# held by another agent} other {# held by other agents}}',
    passedClosed:
      '{count} no longer workable when checked again (a calling window closed since the queue was shown)',
    failed: 'Could not take the next case: {message}',
  },
};

export const pager = {
  label: 'Pagination',
  pageOf: 'Page {page} of {pageCount}',
  total: '{count, plural, one {{formattedCount} case} other {{formattedCount} cases}}',
  previous: 'Previous page',
  next: 'Next page',
  pageSize: 'Rows per page',
};
