import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { complaints, complianceDecisions, contactLog } from '../../server/src/db/schema/index.ts';
import { stampContactInsight } from '../../server/src/modules/oversight/insights.ts';
import {
  buildCase,
  buildContact,
  buildDebtor,
  buildDispute,
  buildUser,
  buildWorkedCase,
} from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

/** Viewers are in New York; the sampled day is Tuesday 2026-11-10 there (EST, UTC−5). */
const DAY = '2026-11-10';
const NOW = new Date('2026-11-11T17:00:00Z');
const at = (iso: string) => new Date(iso);

let handle: DatabaseHandle;
let w: Awaited<ReturnType<typeof buildWorkedCase>>;
const ids: Record<string, number> = {};

const as = (user: Parameters<typeof callerFor>[1], now = NOW) => callerFor(handle.db, user, { now }).caller;

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await buildWorkedCase(handle.db);
  const agent = w.agent.id;
  const newCase = async (debtor: Parameters<typeof buildDebtor>[1] = {}) =>
    buildCase(handle.db, {
      portfolioId: w.portfolio.id,
      teamId: w.team.id,
      assignedAgentId: agent,
      debtorId: (await buildDebtor(handle.db, { explicitTimeZone: 'America/New_York', ...debtor })).id,
    });
  // Plain: e-mails at 10:xx local, nothing risky about them.
  const plain = await newCase();
  for (let i = 0; i < 12; i++) {
    const row = await buildContact(handle.db, plain, {
      occurredAt: at(`2026-11-10T15:${String(i).padStart(2, '0')}:00Z`),
      agentId: agent,
      kind: 'email',
      outcome: 'sent',
    });
    ids[`plain${i}`] = row.id;
  }
  // Near the weekly cap: the 6th counted call in 7 days.
  const capped = await newCase();
  for (let d = 4; d <= 8; d++) {
    await buildContact(handle.db, capped, { occurredAt: at(`2026-11-0${d}T16:00:00Z`), agentId: agent });
  }
  ids.nearCap = (
    await buildContact(handle.db, capped, { occurredAt: at('2026-11-10T16:00:00Z'), agentId: agent })
  ).id;
  // 08:10 local: near the window's start.
  ids.edge = (
    await buildContact(handle.db, await newCase(), {
      occurredAt: at('2026-11-10T13:10:00Z'),
      agentId: agent,
      kind: 'sms',
      outcome: 'sent',
    })
  ).id;
  // After a dispute that still waits for verification.
  const disputed = await newCase();
  await buildDispute(handle.db, disputed.id, { receivedAt: at('2026-11-01T12:00:00Z') });
  ids.dispute = (
    await buildContact(handle.db, disputed, {
      occurredAt: at('2026-11-10T17:00:00Z'),
      agentId: agent,
      kind: 'letter',
      outcome: 'sent',
    })
  ).id;
  // After a cease request.
  const ceased = await newCase({ ceaseRequestedAt: at('2026-11-02T12:00:00Z') });
  ids.cease = (
    await buildContact(handle.db, ceased, {
      occurredAt: at('2026-11-10T18:00:00Z'),
      agentId: agent,
      kind: 'letter',
      outcome: 'sent',
      purpose: 'cease_ack',
    })
  ).id;
  // Went through on an override.
  const overriddenCase = await newCase();
  const [decision] = await handle.db
    .insert(complianceDecisions)
    .values({
      caseId: overriddenCase.id,
      debtorId: overriddenCase.debtorId,
      actorId: agent,
      actionKind: 'call',
      outcome: 'overridden',
      allowed: true,
      violations: [],
      warnings: [],
      ruleIds: ['POL-HOLD'],
      facts: { debtor: { timeZones: ['America/New_York'] } },
      rulesetVersion: 'test',
      overrideReason: 'Debtor asked for a call',
      evaluatedAt: at('2026-11-10T19:00:00Z'),
    })
    .returning();
  ids.overridden = (
    await buildContact(handle.db, overriddenCase, {
      occurredAt: at('2026-11-10T19:00:00Z'),
      agentId: agent,
      outcome: 'conversation',
      decisionId: decision!.id,
    })
  ).id;
  // A second agent with a complaint: every contact of theirs carries that risk.
  const complained = await buildUser(handle.db, 'agent', { teamId: w.team.id });
  const theirCase = await newCase();
  await handle.db.insert(complaints).values({
    caseId: theirCase.id,
    agentId: complained.id,
    receivedAt: at('2026-10-20T12:00:00Z'),
    channel: 'letter',
    description: 'Rude on the phone',
    resolveBy: at('2026-11-20T12:00:00Z'),
  });
  ids.complaint = (
    await buildContact(handle.db, theirCase, {
      occurredAt: at('2026-11-10T20:00:00Z'),
      agentId: complained.id,
      kind: 'email',
      outcome: 'sent',
    })
  ).id;
  // The day before and the day after (local) are not in the sample: 23:30 on the 9th, 00:30 on the 11th.
  await buildContact(handle.db, plain, {
    occurredAt: at('2026-11-10T04:30:00Z'),
    agentId: agent,
    kind: 'email',
  });
  await buildContact(handle.db, plain, {
    occurredAt: at('2026-11-11T05:30:00Z'),
    agentId: agent,
    kind: 'email',
  });
});
afterAll(() => handle.close());

describe('the QA sample', () => {
  it('names why each risky contact was picked and weighs it', async () => {
    const sample = await as(w.supervisor).oversight.qaSample({ date: DAY, size: 100 });
    expect(sample.date).toBe(DAY);
    expect(sample.population).toBe(18);
    const byId = new Map(sample.items.map((item) => [item.contactId, item]));
    expect(byId.size).toBe(18);
    expect(byId.get(ids.nearCap!)).toMatchObject({ reasons: ['near_cap'], weight: 4 });
    expect(byId.get(ids.edge!)).toMatchObject({ reasons: ['window_edge'], weight: 4 });
    expect(byId.get(ids.dispute!)).toMatchObject({ reasons: ['after_dispute'], weight: 5 });
    expect(byId.get(ids.cease!)).toMatchObject({ reasons: ['after_cease'], weight: 6 });
    expect(byId.get(ids.overridden!)).toMatchObject({ reasons: ['overridden'], weight: 6 });
    expect(byId.get(ids.complaint!)).toMatchObject({ reasons: ['agent_complaints'], weight: 3 });
    expect(byId.get(ids.plain0!)).toMatchObject({ reasons: [], weight: 1 });
    // Riskier first.
    const weights = sample.items.map((item) => item.weight);
    expect(weights).toEqual([...weights].sort((x, y) => y - x));
  });

  it('is the same on every reload, for every reviewer of the team, and defaults to yesterday', async () => {
    const first = await as(w.supervisor).oversight.qaSample({ date: DAY, size: 5 });
    const again = await as(w.supervisor, new Date('2026-11-12T09:00:00Z')).oversight.qaSample({
      date: DAY,
      size: 5,
    });
    const other = await buildUser(handle.db, 'supervisor', { supervises: [w.team.id] });
    const theirs = await as(other).oversight.qaSample({ date: DAY, size: 5 });
    const defaulted = await as(w.supervisor).oversight.qaSample({ size: 5 });
    expect(first.items).toHaveLength(5);
    expect(again).toEqual(first);
    expect(theirs).toEqual(first);
    expect(defaulted).toEqual(first);
    // A larger sample contains the smaller one: each contact's key is fixed by the day and its id.
    const larger = await as(w.supervisor).oversight.qaSample({ date: DAY, size: 10 });
    expect(larger.items.map((i) => i.contactId)).toEqual(
      expect.arrayContaining(first.items.map((i) => i.contactId)),
    );
  });

  it('picks a risky contact far more often than a plain one', async () => {
    // 30 days, each with one contact after a cease request (weight 6) and nine plain ones (weight 1):
    // drawn by weight the risky one wins a one-item sample with p = 6/15; uniformly it would be 1/10.
    const team = await buildWorkedCase(handle.db);
    const ceased = await buildCase(handle.db, {
      portfolioId: team.portfolio.id,
      teamId: team.team.id,
      assignedAgentId: team.agent.id,
      debtorId: (
        await buildDebtor(handle.db, {
          explicitTimeZone: 'America/New_York',
          ceaseRequestedAt: at('2026-01-01T00:00:00Z'),
        })
      ).id,
    });
    const risky = new Set<number>();
    const days: string[] = [];
    for (let d = 0; d < 30; d++) {
      const date = new Date(Date.UTC(2026, 5, 1 + d)).toISOString().slice(0, 10);
      days.push(date);
      const rows = await handle.db
        .insert(contactLog)
        .values(
          Array.from({ length: 10 }, (_, i) => ({
            caseId: i === 0 ? ceased.id : team.caseRow.id,
            debtorId: i === 0 ? ceased.debtorId : team.caseRow.debtorId,
            caseIds: [i === 0 ? ceased.id : team.caseRow.id],
            kind: 'letter' as const,
            direction: 'outbound' as const,
            outcome: 'sent' as const,
            agentId: team.agent.id,
            occurredAt: at(`${date}T16:${String(i).padStart(2, '0')}:00Z`),
          })),
        )
        .returning({ id: contactLog.id });
      // What recordContact does in the transaction that writes a contact.
      for (const row of rows) await stampContactInsight(handle.db, row.id);
      risky.add(rows[0]!.id);
    }
    let riskyPicks = 0;
    for (const date of days) {
      const sample = await as(team.supervisor).oversight.qaSample({ date, size: 1 });
      expect(sample.population).toBe(10);
      if (risky.has(sample.items[0]!.contactId)) riskyPicks++;
    }
    // Expected 12 of 30 by weight, 3 uniformly; 7 or more is beyond a uniform draw (p < 0.03).
    expect(riskyPicks).toBeGreaterThanOrEqual(7);
  });

  it('deals across every reason present: a sample as large as the strata holds each of them', async () => {
    const all = await as(w.supervisor).oversight.qaSample({ date: DAY, size: 100 });
    const present = new Set(all.items.flatMap((item) => item.reasons));
    expect(present.size).toBeGreaterThanOrEqual(6);
    // One per reason present, and one for the plain contacts.
    const sample = await as(w.supervisor).oversight.qaSample({ date: DAY, size: present.size + 1 });
    expect(new Set(sample.items.flatMap((item) => item.reasons))).toEqual(present);
    expect(sample.items.some((item) => item.reasons.length === 0)).toBe(true);
  });

  it('does not fill the sample with one dominant reason, and deals the same way on every reload', async () => {
    // Thirty letters after a cease request (weight 6), one after a dispute (5), one plain e-mail (1): drawn by
    // weight alone, three picks would almost surely all be after the cease.
    const team = await buildWorkedCase(handle.db);
    const date = '2026-07-15';
    const newCase = async (debtor: Parameters<typeof buildDebtor>[1] = {}) =>
      buildCase(handle.db, {
        portfolioId: team.portfolio.id,
        teamId: team.team.id,
        assignedAgentId: team.agent.id,
        debtorId: (await buildDebtor(handle.db, { explicitTimeZone: 'America/New_York', ...debtor })).id,
      });
    const ceased = await newCase({ ceaseRequestedAt: at('2026-07-01T12:00:00Z') });
    for (let i = 0; i < 30; i++) {
      await buildContact(handle.db, ceased, {
        occurredAt: at(`${date}T16:${String(i).padStart(2, '0')}:00Z`),
        agentId: team.agent.id,
        kind: 'letter',
        outcome: 'sent',
      });
    }
    const disputed = await newCase();
    await buildDispute(handle.db, disputed.id, { receivedAt: at('2026-07-10T12:00:00Z') });
    const dispute = await buildContact(handle.db, disputed, {
      occurredAt: at(`${date}T17:00:00Z`),
      agentId: team.agent.id,
      kind: 'letter',
      outcome: 'sent',
    });
    const plain = await buildContact(handle.db, await newCase(), {
      occurredAt: at(`${date}T17:30:00Z`),
      agentId: team.agent.id,
      kind: 'email',
      outcome: 'sent',
    });

    const sample = await as(team.supervisor).oversight.qaSample({ date, size: 3 });
    expect(sample.population).toBe(32);
    expect(sample.items.map((item) => item.reasons)).toEqual([['after_cease'], ['after_dispute'], []]);
    expect(sample.items.map((item) => item.contactId).slice(1)).toEqual([dispute.id, plain.id]);
    expect(await as(team.supervisor).oversight.qaSample({ date, size: 3 })).toEqual(sample);
    // The rest of a larger sample goes to the one stratum left.
    const larger = await as(team.supervisor).oversight.qaSample({ date, size: 10 });
    expect(larger.items.filter((item) => item.reasons.includes('after_cease'))).toHaveLength(8);
  });

  it("shows another team's supervisor nothing of this team", async () => {
    const stranger = await buildWorkedCase(handle.db);
    const sample = await as(stranger.supervisor).oversight.qaSample({ date: DAY, size: 100 });
    expect(sample).toEqual({ date: DAY, population: 0, items: [] });
    const filtered = await as(stranger.supervisor).oversight.qaSample({ date: DAY, teamId: w.team.id });
    expect(filtered.items).toEqual([]);
  });

  it('refuses an agent and answers bad input with BAD_REQUEST', async () => {
    const code = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: { code?: string }) => e.code,
      );
    expect(await code(as(w.agent).oversight.qaSample({ date: DAY }))).toBe('FORBIDDEN');
    expect(await code(as(w.supervisor).oversight.qaSample({ date: '10/11/2026' }))).toBe('BAD_REQUEST');
    expect(await code(as(w.supervisor).oversight.qaSample({ date: DAY, size: 0 }))).toBe('BAD_REQUEST');
  });
});
