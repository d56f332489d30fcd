import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { auditEvents } from '../../server/src/db/schema/index.ts';
import { AppError } from '../../server/src/errors.ts';
import { buildPortfolio, buildTeam, buildUser } from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';
import { buildTemplate } from './support/reminders.ts';

const NOW = new Date('2026-11-29T10:00:00Z');
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

async function world() {
  const db = handle.db;
  const admin = await buildUser(db, 'admin');
  const portfolio = await buildPortfolio(db);
  const other = await buildPortfolio(db);
  const sms = await buildTemplate(db, { channel: 'sms', name: 'Friendly SMS', portfolioId: portfolio.id });
  const email = await buildTemplate(db, { channel: 'email', name: 'Shared email' });
  const foreign = await buildTemplate(db, { channel: 'sms', name: 'Other SMS', portfolioId: other.id });
  const letter = await buildTemplate(db, { channel: 'letter', name: 'A letter' });
  const caller = callerFor(db, admin, { now: NOW }).caller;
  return { admin, portfolio, other, sms, email, foreign, letter, caller };
}

it('an admin creates a strategy, reads it back in order and edits it with the version it loaded; both audited', async () => {
  const { caller, portfolio, sms, email, admin } = await world();
  const created = await caller.reminders.save({
    portfolioId: portfolio.id,
    name: 'Gentle',
    active: true,
    steps: [
      { offsetDays: -3, channel: 'sms', templateId: sms.id },
      { offsetDays: 0, channel: 'email', templateId: email.id },
    ],
  });
  expect(created.strategy).toMatchObject({ name: 'Gentle', version: 1 });
  expect(created.strategy?.steps.map((s) => [s.offsetDays, s.channel, s.templateName])).toEqual([
    [-3, 'sms', 'Friendly SMS'],
    [0, 'email', 'Shared email'],
  ]);
  const edited = await caller.reminders.save({
    portfolioId: portfolio.id,
    name: 'Gentle',
    active: true,
    expectedVersion: 1,
    steps: [
      { offsetDays: -3, channel: 'sms', templateId: sms.id },
      { offsetDays: 0, channel: 'email', templateId: email.id },
      { offsetDays: 7, channel: 'sms', templateId: sms.id },
    ],
  });
  expect(edited.strategy?.version).toBe(2);
  expect(edited.strategy?.steps.map((s) => s.offsetDays)).toEqual([-3, 0, 7]);
  const listed = await caller.reminders.list();
  expect(listed.find((p) => p.portfolioId === portfolio.id)?.strategy?.steps).toHaveLength(3);
  const audits = await handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'reminder_strategy'), eq(auditEvents.actorId, admin.id)));
  expect(audits.map((a) => a.action)).toEqual(['reminders.strategy.create', 'reminders.strategy.update']);

  const stale = await refusal(
    caller.reminders.save({
      portfolioId: portfolio.id,
      name: 'Old',
      active: true,
      expectedVersion: 1,
      steps: [],
    }),
  );
  expect(stale.code).toBe('CONFLICT');
});

it('lists the portfolio’s own and shared app push, SMS and email templates, not another portfolio’s or letters', async () => {
  const { caller, portfolio } = await world();
  const names = (await caller.reminders.templates({ portfolioId: portfolio.id })).map((t) => t.name);
  expect(names).toContain('Friendly SMS');
  expect(names).toContain('Shared email');
  expect(names).not.toContain('Other SMS');
  expect(names).not.toContain('A letter');
});

it('refuses steps out of day order, a template of another channel or portfolio, naming the step', async () => {
  const { caller, portfolio, sms, email, foreign } = await world();
  const order = await refusal(
    caller.reminders.save({
      portfolioId: portfolio.id,
      name: 'Bad',
      active: true,
      steps: [
        { offsetDays: 3, channel: 'sms', templateId: sms.id },
        { offsetDays: -1, channel: 'sms', templateId: sms.id },
      ],
    }),
  );
  expect(order.code).toBe('BAD_REQUEST');
  expect(order.message).toMatch(/^steps\.1\.offsetDays: Steps go in day order/);
  const channel = await refusal(
    caller.reminders.save({
      portfolioId: portfolio.id,
      name: 'Bad',
      active: true,
      steps: [{ offsetDays: 0, channel: 'sms', templateId: email.id }],
    }),
  );
  expect(channel.message).toBe('steps.0.templateId: This template is for email, not sms');
  expect(channel.details?.fieldErrors).toBeDefined();
  const foreignTemplate = await refusal(
    caller.reminders.save({
      portfolioId: portfolio.id,
      name: 'Bad',
      active: true,
      steps: [{ offsetDays: 0, channel: 'sms', templateId: foreign.id }],
    }),
  );
  expect(foreignTemplate.message).toMatch(/^steps\.0\.templateId: Template not found/);
  const listed = await caller.reminders.list();
  expect(listed.find((p) => p.portfolioId === portfolio.id)?.strategy).toBeNull();
});

it('refuses a non-admin: supervisors, managers and agents cannot edit a strategy', async () => {
  const { portfolio, sms } = await world();
  const team = await buildTeam(handle.db);
  for (const role of ['agent', 'supervisor', 'manager'] as const) {
    const user = await buildUser(
      handle.db,
      role,
      role === 'supervisor' ? { supervises: [team.id] } : { teamId: team.id },
    );
    const error = await refusal(
      callerFor(handle.db, user, { now: NOW }).caller.reminders.save({
        portfolioId: portfolio.id,
        name: 'Sneaky',
        active: true,
        steps: [{ offsetDays: 0, channel: 'sms', templateId: sms.id }],
      }),
    );
    expect(error.code).toBe('FORBIDDEN');
  }
});
