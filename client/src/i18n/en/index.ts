/**
 * English, the reference language: every string the dashboard shows is here, one file per feature. Enum labels are
 * keyed by the enum values of `@arrears/shared/domain/enums`, so `satisfies` fails the build when a value is added.
 */

import { admin } from './admin.ts';
import { agencies } from './agencies.ts';
import { approvals } from './approvals.ts';
import { audit } from './audit.ts';
import { actions, caseScreen } from './case.ts';
import { cases } from './cases.ts';
import { complaints } from './complaints.ts';
import { enums } from './enums.ts';
import { integrations } from './integrations.ts';
import { ladder } from './ladder.ts';
import { language } from './language.ts';
import { letters } from './letters.ts';
import { outbox } from './outbox.ts';
import { placements } from './placements.ts';
import { qa } from './qa.ts';
import { queue } from './queue.ts';
import { reminders } from './reminders.ts';
import { replies } from './replies.ts';
import { reports } from './reports.ts';
import { app, header, nav, pager, routeNotice, sectionTabs, signIn, ui } from './shell.ts';
import { shortcuts } from './shortcuts.ts';
import { team } from './team.ts';

export const en = {
  app,
  nav,
  header,
  routeNotice,
  sectionTabs,
  signIn,
  cases,
  ui,
  queue,
  case: caseScreen,
  actions,
  shortcuts,
  admin,
  approvals,
  complaints,
  team,
  reminders,
  outbox,
  placements,
  reports,
  audit,
  qa,
  agencies,
  integrations,
  ladder,
  pager,
  enums,
  language,
  letters,
  replies,
};
