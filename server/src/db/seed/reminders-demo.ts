import { DAY_MS } from '@arrears/shared/domain/calendar';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../client.ts';
import * as s from '../schema/index.ts';
import { PORTFOLIOS } from './reference-data.ts';

type TemplateChannel = 'app_push' | 'sms' | 'email' | 'letter';
type TemplateSet = Partial<
  Record<TemplateChannel, readonly [name: string, subject: string | null, body: string]>
>;

/** Shared reminder templates for US portfolios. */
const ENGLISH: TemplateSet = {
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
};

/**
 * A Chinese lender's own templates, in the CN practice the CN rules describe: the SMS opens with the lender's
 * registered signature 【…】 and ends with the 退订 reply; every text says who writes and on whose behalf, in
 * plain courteous words with no threat; the email and the letter say how to raise a question or a hardship.
 * `lender` is the short name it signs with, `lenderName` its registered name.
 */
function chineseTemplates(lender: string, lenderName: string): TemplateSet {
  return {
    app_push: [
      '还款提醒（应用）',
      null,
      `{{name}}您好，您在${lender}的账户{{accountRef}}待还金额{{amount}}，还款日为{{dueDate}}。请按时还款，如已还款请忽略本提醒。`,
    ],
    sms: [
      '还款提醒（短信）',
      null,
      `【${lender}】{{name}}您好，您的账户{{accountRef}}待还金额{{amount}}，还款日为{{dueDate}}，请按时还款；如已还款请忽略。回TD退订`,
    ],
    email: [
      '还款提醒（邮件）',
      `${lender}还款提醒`,
      `{{name}}您好：\n\n　　您在${lender}的账户{{accountRef}}待还金额{{amount}}，还款日为{{dueDate}}，请按时还款；如已还款请忽略本邮件。如对金额有疑问，请联系${lender}客服。\n\n${lenderName}\n\n如不希望继续收到此类邮件，请回复“TD”退订。`,
    ],
    letter: [
      '逾期还款提醒函',
      null,
      `逾期还款提醒函\n\n{{name}}：\n\n　　您在${lenderName}的借款（账户{{accountRef}}）已逾期，截至本函出具之日尚欠{{amount}}。本函由受${lenderName}委托的催收服务机构出具，就该笔欠款的还款事宜与您沟通。\n\n　　请您通过${lender}官方渠道尽快还款。如您目前还款确有困难，或对欠款金额有异议，请与我们联系，我们将依法与您协商解决。\n\n　　特此函告。`,
    ],
  };
}

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
  let templates = 0;
  const insertSet = async (set: TemplateSet, language: string, portfolioId: string | null) => {
    const ids: Partial<Record<TemplateChannel, string>> = {};
    for (const [channel, [name, subject, body]] of Object.entries(set) as [
      TemplateChannel,
      NonNullable<TemplateSet[TemplateChannel]>,
    ][]) {
      const [row] = await db
        .insert(s.messageTemplates)
        .values({
          portfolioId,
          name,
          channel,
          language,
          purpose: 'collection',
          subject,
          body,
          // A letter is not an electronic message: it has no opt-out to carry.
          disclosures: channel === 'letter' ? ['mini_miranda_initial'] : ['mini_miranda_initial', 'opt_out'],
        })
        .returning({ id: s.messageTemplates.id });
      ids[channel] = row!.id;
      templates++;
    }
    return ids;
  };
  const english = await insertSet(ENGLISH, 'en', null);
  let steps = 0;
  for (const portfolio of PORTFOLIOS) {
    const { creditor } = portfolio;
    const templateIds =
      portfolio.country === 'CN'
        ? await insertSet(
            chineseTemplates(creditor.brand ?? creditor.name, creditor.name),
            'zh',
            portfolio.id,
          )
        : english;
    const [strategy] = await db
      .insert(s.reminderStrategies)
      .values({
        portfolioId: portfolio.id,
        name: portfolio.country === 'CN' ? '标准还款提醒' : 'Standard reminders',
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: s.reminderStrategies.id });
    await db.insert(s.reminderSteps).values(
      STEPS.map((step, position) => ({
        strategyId: strategy!.id,
        position,
        offsetDays: step.offsetDays,
        channel: step.channel,
        templateId: templateIds[step.channel]!,
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
