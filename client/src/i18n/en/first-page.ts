/**
 * The English messages that ship with the first page: the shell, the queue, the case screen and every feature an
 * agent opens on a normal day. The messages of pages that only supervisors, managers or admins open (the outbox,
 * integrations, placements, reports, letters, the ladder and reminders, complaints, the team, the QA sample) come
 * with those pages' own code (`registerEnglish`), so the first page stays under its budget
 * (tests/e2e/first-page.spec.ts). `./index.ts` is the whole dictionary, for the types and the tests.
 */

import { admin } from './admin.ts';
import { agencies } from './agencies.ts';
import { approvals } from './approvals.ts';
import { audit } from './audit.ts';
import { actions, caseScreen } from './case.ts';
import { cases } from './cases.ts';
import { enums } from './enums.ts';
import { language } from './language.ts';
import { queue } from './queue.ts';
import { replies } from './replies.ts';
import { app, header, nav, pager, routeNotice, sectionTabs, signIn, ui } from './shell.ts';
import { shortcuts } from './shortcuts.ts';

export const enFirstPage = {
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
  audit,
  agencies,
  pager,
  enums,
  language,
  replies,
};
