import { eq } from 'drizzle-orm';
import { cases } from '../../../server/src/db/schema/index.ts';
import { type MatrixRow, type MatrixWorld, only } from './types.ts';

async function worldPortfolioId(world: MatrixWorld): Promise<string> {
  const [row] = await world.db
    .select({ id: cases.portfolioId })
    .from(cases)
    .where(eq(cases.id, world.caseId));
  return row!.id;
}

/** Reminder strategies decide what every debtor of a portfolio is sent: only an admin reads and edits them. */
export const remindersMatrix: Record<string, MatrixRow> = {
  'reminders.list': { access: only('admin'), call: (c) => c.reminders.list() },
  'reminders.templates': {
    access: only('admin'),
    call: async (c, world) => c.reminders.templates({ portfolioId: await worldPortfolioId(world) }),
  },
  'reminders.save': {
    access: only('admin'),
    call: async (c, world) =>
      c.reminders.save({
        portfolioId: await worldPortfolioId(world),
        name: 'Matrix reminders',
        active: true,
        steps: [],
      }),
  },
};
