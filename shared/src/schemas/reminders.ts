import { z } from 'zod';
import { MESSAGE_PURPOSES } from '../domain/enums.ts';
import { errorMessage } from '../errors/messages.ts';
import { refineMessage } from '../errors/zod-issues.ts';
import { id, shortText } from './primitives.ts';

/** Contracts of reminder strategies: per portfolio, automated reminders by days relative to the due date. */

export const REMINDER_CHANNELS = ['app_push', 'sms', 'email'] as const;
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];
export const MAX_REMINDER_STEPS = 12;

export const reminderStepInput = z.object({
  /** Days relative to the due date: −3 is three days before it, 0 the day itself, 7 a week after. */
  offsetDays: z
    .number({ error: 'Day must be a number' })
    .int('Day must be a whole number')
    .min(-60, 'Day must be at least −60 (60 days before the due date)')
    .max(180, 'Day must be at most 180 (180 days after the due date)'),
  channel: z.enum(REMINDER_CHANNELS, { error: 'Choose a channel: app push, SMS or email' }),
  templateId: id('Template'),
});
export type ReminderStepInput = z.infer<typeof reminderStepInput>;

export const saveStrategyInput = z
  .object({
    portfolioId: id('portfolioId'),
    name: shortText(120, 'Name must be at most 120 characters').min(1, 'Name is required'),
    active: z.boolean(),
    /** The version the editor loaded; absent when creating the portfolio's first strategy. */
    expectedVersion: z.number().int().positive().optional(),
    steps: z.array(reminderStepInput).max(MAX_REMINDER_STEPS, `At most ${MAX_REMINDER_STEPS} steps`),
  })
  .superRefine((input, ctx) => {
    input.steps.forEach((step, i) => {
      const previous = input.steps[i - 1];
      if (previous && step.offsetDays < previous.offsetDays) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'offsetDays'],
          ...refineMessage(
            errorMessage('reminders.stepsOutOfOrder', {
              day: step.offsetDays,
              previous: previous.offsetDays,
            }),
          ),
        });
      }
      if (previous && step.offsetDays === previous.offsetDays && step.channel === previous.channel) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'channel'],
          ...refineMessage(errorMessage('reminders.duplicateStep')),
        });
      }
    });
  });
export type SaveStrategyInput = z.infer<typeof saveStrategyInput>;

export const reminderStepOutput = reminderStepInput.extend({
  id: z.string(),
  position: z.number().int(),
  templateName: z.string(),
});

export const reminderStrategyOutput = z.object({
  id: z.string(),
  name: z.string(),
  active: z.boolean(),
  version: z.number().int(),
  steps: z.array(reminderStepOutput),
});
export type ReminderStrategyOutput = z.infer<typeof reminderStrategyOutput>;

export const portfolioStrategyOutput = z.object({
  portfolioId: z.string(),
  portfolioName: z.string(),
  strategy: reminderStrategyOutput.nullable(),
});
export type PortfolioStrategyOutput = z.infer<typeof portfolioStrategyOutput>;

export const listStrategiesOutput = z.array(portfolioStrategyOutput);

export const templatesInput = z.object({ portfolioId: id('portfolioId') });

export const reminderTemplateOutput = z.object({
  id: z.string(),
  name: z.string(),
  channel: z.enum(REMINDER_CHANNELS),
  language: z.string(),
  purpose: z.enum(MESSAGE_PURPOSES),
  disclosures: z.array(z.string()),
});
export type ReminderTemplateOutput = z.infer<typeof reminderTemplateOutput>;
