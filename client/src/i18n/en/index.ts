/**
 * English, the reference language: every string the dashboard shows is here, one file per feature. Enum labels are
 * keyed by the enum values of `@arrears/shared/domain/enums`, so `satisfies` fails the build when a value is added.
 * What ships with the first page is `./first-page.ts`; the rest comes with its pages.
 */

import { complaints } from './complaints.ts';
import { enFirstPage } from './first-page.ts';
import { integrations } from './integrations.ts';
import { ladder } from './ladder.ts';
import { letters } from './letters.ts';
import { outbox } from './outbox.ts';
import { placements } from './placements.ts';
import { qa } from './qa.ts';
import { reminders } from './reminders.ts';
import { reports } from './reports.ts';
import { team } from './team.ts';

export const en = {
  ...enFirstPage,
  complaints,
  integrations,
  ladder,
  letters,
  outbox,
  placements,
  qa,
  reminders,
  reports,
  team,
};
