import { errorMessage } from '@arrears/shared/errors/messages';
import type {
  PortfolioStrategyOutput,
  ReminderTemplateOutput,
  SaveStrategyInput,
} from '@arrears/shared/schemas/reminders';
import { REMINDER_CHANNELS } from '@arrears/shared/schemas/reminders';
import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.ts';
import { messageTemplates, portfolios, reminderSteps, reminderStrategies } from '../../db/schema/index.ts';
import { AppError, type FieldMessages, invalidFields } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';

/** Every portfolio with its reminder strategy (null when it has none), steps in order with template names. */
export async function listStrategies(db: Executor): Promise<PortfolioStrategyOutput[]> {
  const rows = await db
    .select({ portfolio: { id: portfolios.id, name: portfolios.name }, strategy: reminderStrategies })
    .from(portfolios)
    .leftJoin(reminderStrategies, eq(reminderStrategies.portfolioId, portfolios.id))
    .orderBy(asc(portfolios.name));
  const strategyIds = rows.flatMap((r) => (r.strategy ? [r.strategy.id] : []));
  const steps =
    strategyIds.length === 0
      ? []
      : await db
          .select({ step: reminderSteps, templateName: messageTemplates.name })
          .from(reminderSteps)
          .innerJoin(messageTemplates, eq(messageTemplates.id, reminderSteps.templateId))
          .where(inArray(reminderSteps.strategyId, strategyIds))
          .orderBy(asc(reminderSteps.position));
  return rows.map(({ portfolio, strategy }) => ({
    portfolioId: portfolio.id,
    portfolioName: portfolio.name,
    strategy: strategy && {
      id: strategy.id,
      name: strategy.name,
      active: strategy.active,
      version: strategy.version,
      steps: steps
        .filter((s) => s.step.strategyId === strategy.id)
        .map(({ step, templateName }) => ({
          id: step.id,
          position: step.position,
          offsetDays: step.offsetDays,
          channel: step.channel as (typeof REMINDER_CHANNELS)[number],
          templateId: step.templateId,
          templateName,
        })),
    },
  }));
}

/** Active app push, SMS and email templates a portfolio's reminders may use (its own and the shared ones). */
export async function listReminderTemplates(
  db: Executor,
  portfolioId: string,
): Promise<ReminderTemplateOutput[]> {
  const rows = await db
    .select()
    .from(messageTemplates)
    .where(
      and(
        eq(messageTemplates.active, true),
        inArray(messageTemplates.channel, [...REMINDER_CHANNELS]),
        or(isNull(messageTemplates.portfolioId), eq(messageTemplates.portfolioId, portfolioId)),
      ),
    )
    .orderBy(asc(messageTemplates.channel), asc(messageTemplates.name));
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    channel: t.channel as (typeof REMINDER_CHANNELS)[number],
    language: t.language,
    purpose: t.purpose,
    disclosures: t.disclosures,
  }));
}

/**
 * Creates or replaces a portfolio's strategy (steps in the order given). Every step's template must be an
 * active template of the portfolio (or shared) for the step's channel; a stale `expectedVersion` is CONFLICT.
 * Steps are replaced, not edited: outbox rows keep the step they were about, so history is not rewritten.
 */
export async function saveStrategy(
  db: Database,
  args: { user: { id: string }; ip: string | null; input: SaveStrategyInput; now: Date },
): Promise<PortfolioStrategyOutput> {
  const { input, now } = args;
  await db.transaction(async (tx) => {
    const [portfolio] = await tx
      .select({ id: portfolios.id })
      .from(portfolios)
      .where(eq(portfolios.id, input.portfolioId));
    if (!portfolio) throw new AppError('NOT_FOUND', errorMessage('portfolio.notFound'));
    const usable = new Map(
      (await listReminderTemplates(tx, input.portfolioId)).map((t) => [t.id, t] as const),
    );
    const problems: FieldMessages = {};
    input.steps.forEach((step, i) => {
      const template = usable.get(step.templateId);
      if (!template) {
        problems[`steps.${i}.templateId`] = [errorMessage('reminders.templateNotFound')];
      } else if (template.channel !== step.channel) {
        problems[`steps.${i}.templateId`] = [
          errorMessage('reminders.templateWrongChannel', {
            templateChannel: template.channel,
            channel: step.channel,
          }),
        ];
      }
    });
    if (Object.keys(problems).length > 0) throw invalidFields(problems);
    const [existing] = await tx
      .select()
      .from(reminderStrategies)
      .where(eq(reminderStrategies.portfolioId, input.portfolioId))
      .for('update');
    if (existing && input.expectedVersion !== undefined && existing.version !== input.expectedVersion) {
      throw new AppError(
        'STALE_VERSION',
        errorMessage('reminders.staleVersion', {
          expected: input.expectedVersion,
          current: existing.version,
        }),
        { currentVersion: existing.version },
      );
    }
    const previous = existing
      ? (await listStrategies(tx)).find((p) => p.portfolioId === input.portfolioId)?.strategy
      : null;
    let strategyId: string;
    if (existing) {
      strategyId = existing.id;
      await tx
        .update(reminderStrategies)
        .set({ name: input.name, active: input.active, version: existing.version + 1, updatedAt: now })
        .where(eq(reminderStrategies.id, existing.id));
      await tx.delete(reminderSteps).where(eq(reminderSteps.strategyId, existing.id));
    } else {
      const [created] = await tx
        .insert(reminderStrategies)
        .values({
          portfolioId: input.portfolioId,
          name: input.name,
          active: input.active,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: reminderStrategies.id });
      strategyId = created!.id;
    }
    if (input.steps.length > 0) {
      await tx
        .insert(reminderSteps)
        .values(input.steps.map((step, position) => ({ strategyId, position, ...step, createdAt: now })));
    }
    await recordAudit(tx, {
      actorId: args.user.id,
      action: existing ? 'reminders.strategy.update' : 'reminders.strategy.create',
      entityType: 'reminder_strategy',
      entityId: strategyId,
      before: previous ?? null,
      after: { name: input.name, active: input.active, steps: input.steps },
      ip: args.ip,
    });
  });
  const saved = (await listStrategies(db)).find((p) => p.portfolioId === input.portfolioId);
  return saved!;
}
