import type { ActionKind } from '@arrears/shared/domain/enums';
import type { Database } from '../../../server/src/db/client.ts';
import * as s from '../../../server/src/db/schema/index.ts';

/** Builders of the reminder tests: a template and a strategy whose steps use it. */

export async function buildTemplate(
  db: Database,
  options: Partial<typeof s.messageTemplates.$inferInsert> & { channel: ActionKind },
) {
  const [row] = await db
    .insert(s.messageTemplates)
    .values({
      name: `Reminder ${options.channel}`,
      body: 'Hello {{name}}, {{amount}} is due on {{dueDate}} (account {{accountRef}}). Reply STOP to opt out.',
      disclosures: ['mini_miranda_initial', 'opt_out'],
      ...options,
    })
    .returning();
  return row!;
}

export async function buildStrategy(
  db: Database,
  portfolioId: string,
  steps: Array<{ offsetDays: number; channel: ActionKind; templateId: string }>,
) {
  const [strategy] = await db
    .insert(s.reminderStrategies)
    .values({ portfolioId, name: 'Standard reminders' })
    .returning();
  if (steps.length > 0) {
    await db
      .insert(s.reminderSteps)
      .values(steps.map((step, position) => ({ ...step, position, strategyId: strategy!.id })));
  }
  return strategy!;
}
