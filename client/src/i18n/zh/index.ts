/**
 * Simplified Chinese (简体中文), one file per feature like `en/`. Each file is typed from its English twin, so a key
 * missing or extra fails the typecheck; client/src/i18n/messages.test.ts checks placeholders and untranslated text.
 */

import type { en } from '../en/index.ts';
import type { Messages } from '../messages.ts';
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

export const zh: Messages<typeof en> = {
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
