import { DAY_MS } from '@arrears/shared/domain/calendar';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../client.ts';
import * as s from '../schema/index.ts';
import { PORTFOLIOS } from './reference-data.ts';

/** Shared reminder templates, in English for US portfolios and Chinese for Chinese ones. */
const TEMPLATES = {
  en: {
    app_push: [
      'Payment reminder (app)',
      null,
      'Hi {{name}}, {{amount}} on account {{accountRef}} is due on {{dueDate}}. Tap to pay.',
    ],
    sms: [
      'Payment reminder (SMS)',
      null,
      'ArrearsDesk: {{name}}, {{amount}} on account {{accountRef}} is due {{dueDate}}. This is a debt collector. Reply STOP to opt out.',
    ],
    email: [
      'Payment reminder (email)',
      'Your payment is due',
      'Dear {{name}},\n\n{{amount}} on account {{accountRef}} is due on {{dueDate}}. This communication is from a debt collector. To stop emails, reply UNSUBSCRIBE.',
    ],
  },
  zh: {
    app_push: [
      '还款提醒（应用）',
      null,
      '{{name}}您好，账户 {{accountRef}} 的 {{amount}} 将于 {{dueDate}} 到期。',
    ],
    sms: [
      '还款提醒（短信）',
      null,
      '{{name}}您好，账户 {{accountRef}} 的 {{amount}} 将于 {{dueDate}} 到期。回复 TD 退订。',
    ],
    email: [
      '还款提醒（邮件）',
      '还款提醒',
      '{{name}}您好：\n\n账户 {{accountRef}} 的 {{amount}} 将于 {{dueDate}} 到期。退订请回复 TD。',
    ],
  },
} as const;

/** Every portfolio's strategy: an app push three days before, an SMS on the day, an email and an SMS after. */
const STEPS = [
  { offsetDays: -3, channel: 'app_push' },
  { offsetDays: 0, channel: 'sms' },
  { offsetDays: 3, channel: 'email' },
  { offsetDays: 7, channel: 'sms' },
] as const;

/**
 * Reminder strategies for the demo book (issue 6): shared templates, one strategy per portfolio, and a few
 * reminder-stage cases whose due date is moved to tomorrow so the scheduler has work the next morning — the
 * lowest account references among cases whose debtor has a mobile consenting to texts, three per country.
 */
export async function seedRemindersDemo(db: Executor, now: Date): Promise<Record<string, number>> {
  const templateIds: Record<string, Record<string, string>> = {};
  let templates = 0;
  for (const [language, byChannel] of Object.entries(TEMPLATES)) {
    templateIds[language] = {};
    for (const [channel, [name, subject, body]] of Object.entries(byChannel)) {
      const [row] = await db
        .insert(s.messageTemplates)
        .values({
          name,
          channel: channel as 'app_push' | 'sms' | 'email',
          language,
          purpose: 'collection',
          subject,
          body,
          disclosures: ['mini_miranda_initial', 'opt_out'],
        })
        .returning({ id: s.messageTemplates.id });
      templateIds[language]![channel] = row!.id;
      templates++;
    }
  }
  let steps = 0;
  for (const portfolio of PORTFOLIOS) {
    const language = portfolio.country === 'CN' ? 'zh' : 'en';
    const [strategy] = await db
      .insert(s.reminderStrategies)
      .values({ portfolioId: portfolio.id, name: 'Standard reminders', createdAt: now, updatedAt: now })
      .returning({ id: s.reminderStrategies.id });
    await db.insert(s.reminderSteps).values(
      STEPS.map((step, position) => ({
        strategyId: strategy!.id,
        position,
        offsetDays: step.offsetDays,
        channel: step.channel,
        templateId: templateIds[language]![step.channel]!,
        createdAt: now,
      })),
    );
    steps += STEPS.length;
  }
  const tomorrow = new Date(now.getTime() + DAY_MS).toISOString().slice(0, 10);
  const moved = await queryRows<{ id: string }>(
    db,
    sql`
    with pick as (
      select c.id, row_number() over (partition by d.jurisdiction_country order by c.account_ref) as nth
      from cases c
      join debtors d on d.id = c.debtor_id
      where c.stage = 'reminder' and c.status = 'active' and c.account_ref not like 'DEMO-%'
        and d.deceased_at is null and d.cease_requested_at is null and d.attorney_name is null
        and exists (select 1 from contact_points p where p.debtor_id = d.id and p.kind = 'mobile'
                    and p.consent_sms and p.consent_revoked_at is null)
        and not exists (select 1 from disputes x where x.case_id = c.id)
    )
    update cases c set due_date = ${tomorrow}::date, days_past_due = 0, bucket = 'current'
    from pick where pick.id = c.id and pick.nth <= 3
    returning c.id`,
  );
  return {
    message_templates: templates,
    reminder_strategies: PORTFOLIOS.length,
    reminder_steps: steps,
    reminder_cases_due_tomorrow: moved.length,
  };
}
