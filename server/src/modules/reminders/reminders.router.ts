import {
  listStrategiesOutput,
  portfolioStrategyOutput,
  reminderTemplateOutput,
  saveStrategyInput,
  templatesInput,
} from '@arrears/shared/schemas/reminders';
import { z } from 'zod';
import { router } from '../../trpc/init.ts';
import { permissionProcedure, plainMutation } from '../../trpc/procedures.ts';
import { listReminderTemplates, listStrategies, saveStrategy } from './reminders.service.ts';

/**
 * Reminder strategies (Admin → Reminders). Admin only: a strategy decides what the scheduler sends to every
 * debtor of a portfolio. What was sent is in each case's contact log, visible to the people who work it.
 */
export const remindersRouter = router({
  /** Every portfolio with its strategy (null when it has none). */
  list: permissionProcedure('admin:manage')
    .output(listStrategiesOutput)
    .query(({ ctx }) => listStrategies(ctx.db)),

  /** The active app push, SMS and email templates a portfolio's steps may use. */
  templates: permissionProcedure('admin:manage')
    .input(templatesInput)
    .output(z.array(reminderTemplateOutput))
    .query(({ ctx, input }) => listReminderTemplates(ctx.db, input.portfolioId)),

  /** Creates or replaces a portfolio's strategy; audited. */
  save: plainMutation('admin:manage', saveStrategyInput, portfolioStrategyOutput, saveStrategy),
});
