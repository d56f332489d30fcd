import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { auditEvents, complaints, complianceDecisions } from '../../server/src/db/schema/index.ts';
import {
  buildCase,
  buildContact,
  buildContactPoint,
  buildDebtor,
  buildPortfolio,
  buildUser,
  buildWorkedCase,
  key,
  refusedAttempt,
} from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

/** Wednesday 2026-11-11, 12:00 in New York (EST); viewers are in New York (the users' default zone). */
const NOW = new Date('2026-11-11T17:00:00Z');
const WEEK = { from: '2026-11-09', to: '2026-11-15' };

let handle: DatabaseHandle;
let a: Awaited<ReturnType<typeof buildWorkedCase>>;
let b: Awaited<ReturnType<typeof buildWorkedCase>>;
let blockedId: number;
let manager: Awaited<ReturnType<typeof buildUser>>;

const as = (user: Parameters<typeof callerFor>[1], now = NOW) => callerFor(handle.db, user, { now }).caller;
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: { code?: string }) => error.code ?? 'THREW',
  );

beforeAll(async () => {
  handle = await createTestDatabase();
  a = await buildWorkedCase(handle.db);
  b = await buildWorkedCase(handle.db);
  manager = await buildUser(handle.db, 'manager');
  // 22:00 in New York: US-REGF-TIME blocks the call and keeps the decision.
  const night = new Date('2026-11-12T03:00:00Z');
  const refused = await refusedAttempt(
    handle.db,
    as(a.agent, night).contacts.logCall({
      idempotencyKey: key(),
      caseId: a.caseRow.id,
      contactPointId: a.mobile.id,
      kind: 'call',
      outcome: 'no_answer',
    }),
  );
  blockedId = refused.decision!.id;
  // Team B's agent is blocked too, so scope has something to hide.
  await refusedAttempt(
    handle.db,
    as(b.agent, night).contacts.logCall({
      idempotencyKey: key(),
      caseId: b.caseRow.id,
      contactPointId: b.mobile.id,
      kind: 'call',
      outcome: 'no_answer',
    }),
  );
});
afterAll(() => handle.close());

describe('the decision list', () => {
  it("shows the supervisor their team's blocked attempt, with its rule and agent", async () => {
    const page = await as(a.supervisor).oversight.list({ kind: 'decisions', ...WEEK });
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]).toMatchObject({
      id: blockedId,
      caseId: a.caseRow.id,
      agentId: a.agent.id,
      agentName: a.agent.name,
      actionKind: 'call',
      outcome: 'blocked',
      ruleIds: ['US-REGF-TIME'],
      review: null,
    });
    expect(page.nextCursor).toBeNull();
  });

  it("hides another team's decisions from a supervisor and shows both to a manager", async () => {
    const other = await as(b.supervisor).oversight.list({ kind: 'decisions', ...WEEK });
    expect(other.rows.map((r) => r.id)).not.toContain(blockedId);
    expect(other.rows.every((r) => r.caseId === b.caseRow.id)).toBe(true);
    const all = await as(manager).oversight.list({ kind: 'decisions', ...WEEK });
    expect(new Set(all.rows.map((r) => r.caseId))).toEqual(new Set([a.caseRow.id, b.caseRow.id]));
  });

  it('filters by rule, outcome, agent, team, portfolio, channel and date', async () => {
    const list = (filters: Record<string, unknown>) =>
      as(manager)
        .oversight.list({ kind: 'decisions', ...WEEK, ...filters })
        .then((page) => page.rows.map((r) => r.id));
    expect(await list({ ruleId: 'US-REGF-TIME', agentId: a.agent.id })).toEqual([blockedId]);
    expect(await list({ ruleId: 'US-REGF-7IN7' })).toEqual([]);
    expect(await list({ outcome: 'overridden' })).toEqual([]);
    expect(await list({ teamId: a.team.id })).toEqual([blockedId]);
    expect(await list({ portfolioId: a.portfolio.id })).toEqual([blockedId]);
    expect(await list({ actionKind: 'sms' })).toEqual([]);
    // 22:00 on the 11th in New York is the 11th locally, though the 12th in UTC.
    expect(await list({ from: '2026-11-11', to: '2026-11-11', agentId: a.agent.id })).toEqual([blockedId]);
    expect(await list({ from: '2026-11-12', to: '2026-11-12', agentId: a.agent.id })).toEqual([]);
  });
});

describe('automated reminders', () => {
  it("hides the scheduler's decisions and contacts for 'people', and shows only them for 'automated'", async () => {
    const c = await buildWorkedCase(handle.db);
    // A day of its own, so the other tests' lists do not change.
    const at = new Date('2026-10-07T15:00:00Z');
    const day = { from: '2026-10-07', to: '2026-10-07', teamId: c.team.id };
    const decision = (actorId: string | null) => ({
      caseId: c.caseRow.id,
      debtorId: c.caseRow.debtorId,
      actorId,
      actionKind: 'sms' as const,
      outcome: 'blocked' as const,
      allowed: false,
      violations: [],
      warnings: [],
      ruleIds: ['US-REGF-TIME'],
      facts: {},
      rulesetVersion: 'test',
      evaluatedAt: at,
    });
    const [automated, byAgent] = await handle.db
      .insert(complianceDecisions)
      .values([decision(null), decision(c.agent.id)])
      .returning();
    const reminder = await buildContact(handle.db, c.caseRow, { occurredAt: at, kind: 'sms', agentId: null });
    const call = await buildContact(handle.db, c.caseRow, { occurredAt: at, agentId: c.agent.id });
    const ids = (kind: 'decisions' | 'contacts', by?: 'people' | 'automated') =>
      as(manager)
        .oversight.list({ kind, ...day, ...(by ? { by } : {}) })
        .then((page) => page.rows.map((r) => r.id).sort((x, y) => x - y));
    expect(await ids('decisions')).toEqual([automated!.id, byAgent!.id].sort((x, y) => x - y));
    expect(await ids('decisions', 'people')).toEqual([byAgent!.id]);
    expect(await ids('decisions', 'automated')).toEqual([automated!.id]);
    expect(await ids('contacts')).toEqual([reminder.id, call.id].sort((x, y) => x - y));
    expect(await ids('contacts', 'people')).toEqual([call.id]);
    expect(await ids('contacts', 'automated')).toEqual([reminder.id]);
  });
});

describe('the contact list', () => {
  it('pages by keyset without gaps or repeats and filters by channel and outcome', async () => {
    const w = await buildWorkedCase(handle.db);
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      const row = await buildContact(handle.db, w.caseRow, {
        occurredAt: new Date(Date.UTC(2026, 10, 10, 15, i)),
        agentId: w.agent.id,
        kind: i === 2 ? 'sms' : 'call',
        outcome: i === 4 ? 'conversation' : 'no_answer',
      });
      ids.push(row.id);
    }
    // Two rows at the same instant: the id breaks the tie.
    const twin = await buildContact(handle.db, w.caseRow, {
      occurredAt: new Date(Date.UTC(2026, 10, 10, 15, 4)),
      agentId: w.agent.id,
    });
    ids.push(twin.id);
    const caller = as(w.supervisor);
    const seen: number[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const page = await caller.oversight.list({ kind: 'contacts', ...WEEK, limit: 2, cursor });
      seen.push(...page.rows.map((r) => r.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([twin.id, ids[4], ids[3], ids[2], ids[1], ids[0]]);
    const sms = await caller.oversight.list({ kind: 'contacts', ...WEEK, actionKind: 'sms' });
    expect(sms.rows.map((r) => r.id)).toEqual([ids[2]]);
    const talked = await caller.oversight.list({ kind: 'contacts', ...WEEK, outcome: 'conversation' });
    expect(talked.rows.map((r) => r.id)).toEqual([ids[4]]);
  });
});

describe('reviews', () => {
  it('appends a review, a newer one supersedes in the list, both stay in the detail, each audited', async () => {
    const w = await buildWorkedCase(handle.db);
    const contact = await buildContact(handle.db, w.caseRow, {
      occurredAt: new Date('2026-11-10T15:00:00Z'),
      agentId: w.agent.id,
    });
    const caller = as(w.supervisor);
    const unreviewed = () =>
      caller.oversight
        .list({ kind: 'contacts', ...WEEK, review: 'unreviewed' })
        .then((p) => p.rows.map((r) => r.id));
    expect(await unreviewed()).toEqual([contact.id]);
    await caller.oversight.review({
      idempotencyKey: key(),
      target: 'contact',
      id: contact.id,
      note: 'Listened: fine',
    });
    await caller.oversight.review({
      idempotencyKey: key(),
      target: 'contact',
      id: contact.id,
      note: 'Second look: mini-Miranda late',
    });
    expect(await unreviewed()).toEqual([]);
    const reviewed = await caller.oversight.list({ kind: 'contacts', ...WEEK, review: 'reviewed' });
    expect(reviewed.rows).toHaveLength(1);
    expect(reviewed.rows[0]!.review).toMatchObject({
      note: 'Second look: mini-Miranda late',
      reviewerId: w.supervisor.id,
    });
    const events = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'oversight.review'), eq(auditEvents.entityId, String(contact.id))));
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      actorId: w.supervisor.id,
      entityType: 'contact',
      caseId: w.caseRow.id,
    });
  });

  it('reviews a decision; the detail lists reviews newest first', async () => {
    const caller = as(a.supervisor);
    await caller.oversight.review({
      idempotencyKey: key(),
      target: 'decision',
      id: blockedId,
      note: 'Agent dialled late; coached',
    });
    await caller.oversight.review({
      idempotencyKey: key(),
      target: 'decision',
      id: blockedId,
      note: 'Coaching confirmed',
    });
    const detail = await caller.oversight.decision({ id: blockedId });
    expect(detail.reviews.map((r) => r.note)).toEqual(['Coaching confirmed', 'Agent dialled late; coached']);
    const page = await caller.oversight.list({ kind: 'decisions', ...WEEK, review: 'reviewed' });
    expect(page.rows.map((r) => [r.id, r.review?.note])).toEqual([[blockedId, 'Coaching confirmed']]);
  });

  it("refuses to review another team's decision as not found, and writes nothing", async () => {
    const outcome = await codeOf(
      as(b.supervisor).oversight.review({
        idempotencyKey: key(),
        target: 'decision',
        id: blockedId,
        note: 'not mine',
      }),
    );
    expect(outcome).toBe('NOT_FOUND');
    const detail = await as(manager).oversight.decision({ id: blockedId });
    expect(detail.reviews.map((r) => r.note)).not.toContain('not mine');
  });
});

describe('decision detail', () => {
  it('shows the facts the engine saw, the rules with sources, and is out of reach of another team', async () => {
    const detail = await as(a.supervisor).oversight.decision({ id: blockedId });
    expect(detail).toMatchObject({
      id: blockedId,
      caseId: a.caseRow.id,
      outcome: 'blocked',
      actionKind: 'call',
    });
    expect(detail.violations[0]).toMatchObject({
      ruleId: 'US-REGF-TIME',
      source: expect.stringMatching(/1006/),
    });
    expect(detail.facts).toMatchObject({ debtor: { timeZones: ['America/New_York'] } });
    // The ids in the facts have names a reviewer can read, and a contact point's value stays masked.
    expect(detail.factNames[a.caseRow.id]).toBe(a.caseRow.accountRef);
    const pointName = detail.factNames[a.mobile.id];
    expect(pointName).toBe(a.mobile.label ?? `•••${a.mobile.value.replace(/\s/g, '').slice(-4)}`);
    expect(pointName).not.toContain(a.mobile.value);
    expect(detail.overrideChain).toEqual([]);
    expect(await codeOf(as(b.supervisor).oversight.decision({ id: blockedId }))).toBe('NOT_FOUND');
    expect(await codeOf(as(a.supervisor).oversight.decision({ id: 999_999 }))).toBe('NOT_FOUND');
  });

  it('follows the override chain: the blocked attempt, the grant, the call that used it', async () => {
    const w = await buildWorkedCase(handle.db, {
      case: { holdUntil: new Date('2026-11-30T00:00:00Z'), holdReason: 'settlement pending' },
    });
    const refused = await refusedAttempt(
      handle.db,
      as(w.agent).contacts.logCall({
        idempotencyKey: key(),
        caseId: w.caseRow.id,
        contactPointId: w.mobile.id,
        kind: 'call',
        outcome: 'no_answer',
      }),
    );
    const grant = await as(w.supervisor).compliance.override({
      idempotencyKey: key(),
      caseId: w.caseRow.id,
      actionKind: 'call',
      ruleIds: ['POL-HOLD'],
      reason: 'Debtor asked to be called back about paying today',
    });
    const later = new Date(NOW.getTime() + 60_000);
    const used = await as(w.agent, later).contacts.logCall({
      idempotencyKey: key(),
      caseId: w.caseRow.id,
      contactPointId: w.mobile.id,
      kind: 'call',
      outcome: 'conversation',
    });
    expect(used.outcome).toBe('overridden');
    const detail = await as(w.supervisor).oversight.decision({ id: refused.decision!.id });
    expect(detail.overrideChain.map((l) => [l.id, l.outcome, l.grant])).toEqual([
      [refused.decision!.id, 'blocked', false],
      [grant.decisionId, 'overridden', true],
      [used.decisionId, 'overridden', false],
    ]);
    const usedDetail = await as(w.supervisor).oversight.decision({ id: used.decisionId! });
    expect(usedDetail.contactId).toBe(used.contactId);
    const figures = await as(w.supervisor).oversight.figures(WEEK);
    expect(figures).toEqual([
      {
        agentId: w.agent.id,
        agentName: w.agent.name,
        teamName: w.team.name,
        attempts: 1,
        contacts: 1,
        blocked: 1,
        blockedRate: 0.5,
        overrides: 1,
        complaints: 0,
      },
    ]);
  });
});

describe('per-agent figures', () => {
  it('counts attempts, conversations, blocked, overrides and complaints in the range, per agent in scope', async () => {
    const w = await buildWorkedCase(handle.db);
    const second = await buildUser(handle.db, 'agent', { teamId: w.team.id });
    const at = (d: number, h = 15) => new Date(Date.UTC(2026, 10, d, h));
    for (const [d, outcome] of [
      [9, 'no_answer'],
      [10, 'conversation'],
      [11, 'voicemail'],
      [20, 'conversation'], // outside the week
    ] as const) {
      await buildContact(handle.db, w.caseRow, { occurredAt: at(d), agentId: w.agent.id, outcome });
    }
    // An inbound conversation is a contact but not an attempt.
    await buildContact(handle.db, w.caseRow, {
      occurredAt: at(12),
      agentId: w.agent.id,
      direction: 'inbound',
      outcome: 'conversation',
    });
    await refusedAttempt(
      handle.db,
      as(w.agent, new Date('2026-11-12T03:30:00Z')).contacts.logCall({
        idempotencyKey: key(),
        caseId: w.caseRow.id,
        contactPointId: w.mobile.id,
        kind: 'call',
        outcome: 'no_answer',
      }),
    );
    for (const receivedAt of [at(10), at(1)]) {
      await handle.db.insert(complaints).values({
        caseId: w.caseRow.id,
        agentId: w.agent.id,
        receivedAt,
        channel: 'phone',
        description: 'Called too often',
        resolveBy: new Date(receivedAt.getTime() + 15 * 86_400_000),
      });
    }
    const rows = await as(w.supervisor).oversight.figures(WEEK);
    expect(rows.map((r) => r.agentId).sort()).toEqual([w.agent.id, second.id].sort());
    expect(rows.find((r) => r.agentId === w.agent.id)).toMatchObject({
      attempts: 3,
      contacts: 2,
      blocked: 1,
      blockedRate: 0.25,
      overrides: 0,
      complaints: 1,
    });
    expect(rows.find((r) => r.agentId === second.id)).toMatchObject({ attempts: 0, blockedRate: null });
    // Another team's supervisor sees none of these agents.
    const other = await as(b.supervisor).oversight.figures(WEEK);
    expect(other.map((r) => r.agentId)).toEqual([b.agent.id]);
    // A team filter outside one's teams shows nothing.
    expect(await as(b.supervisor).oversight.figures({ ...WEEK, teamId: w.team.id })).toEqual([]);
  });
});

describe('heat map', () => {
  it("buckets by the debtor's local hour and weekday across the DST change, marking window edges", async () => {
    const w = await buildWorkedCase(handle.db);
    const contact = (iso: string) =>
      buildContact(handle.db, w.caseRow, { occurredAt: new Date(iso), agentId: w.agent.id });
    // Friday 2026-10-30 12:15Z is 08:15 EDT: near the 08:00 start.
    await contact('2026-10-30T12:15:00Z');
    // Friday 2026-11-06 12:15Z is 07:15 EST after the change: outside the window.
    await contact('2026-11-06T12:15:00Z');
    // Friday 2026-11-06 18:00Z is 13:00 EST: plain.
    await contact('2026-11-06T18:00:00Z');
    // Saturday 2026-10-31 00:40Z is Friday 20:40 EDT: near the 21:00 end.
    await contact('2026-10-31T00:40:00Z');
    // A debtor in China with no named zone: the contact point's zone decides; 21:45 Tuesday in Shanghai is
    // inside CN-CBA-HOURS (08:00–22:00) and near its end.
    const cnPortfolio = await buildPortfolio(handle.db, { country: 'CN', region: null, currency: 'CNY' });
    const cnDebtor = await buildDebtor(handle.db, { jurisdictionCountry: 'CN', jurisdictionRegion: null });
    await buildContactPoint(handle.db, cnDebtor.id, { timeZone: 'Asia/Shanghai' });
    const cnCase = await buildCase(handle.db, {
      portfolioId: cnPortfolio.id,
      debtorId: cnDebtor.id,
      teamId: w.team.id,
      assignedAgentId: w.agent.id,
      currency: 'CNY',
    });
    await buildContact(handle.db, cnCase, {
      occurredAt: new Date('2026-11-03T13:45:00Z'),
      agentId: w.agent.id,
    });
    // Not an attempt: inbound.
    await buildContact(handle.db, w.caseRow, {
      occurredAt: new Date('2026-11-06T19:00:00Z'),
      agentId: w.agent.id,
      direction: 'inbound',
    });
    const map = await as(w.supervisor).oversight.heatMap({
      from: '2026-10-26',
      to: '2026-11-08',
      agentId: w.agent.id,
    });
    expect(map.total).toBe(5);
    expect(map.cells).toEqual([
      { weekday: 2, hour: 21, attempts: 1, nearEdge: 1, outside: 0 },
      { weekday: 5, hour: 7, attempts: 1, nearEdge: 0, outside: 1 },
      { weekday: 5, hour: 8, attempts: 1, nearEdge: 1, outside: 0 },
      { weekday: 5, hour: 13, attempts: 1, nearEdge: 0, outside: 0 },
      { weekday: 5, hour: 20, attempts: 1, nearEdge: 1, outside: 0 },
    ]);
    const team = await as(w.supervisor).oversight.heatMap({
      from: '2026-10-26',
      to: '2026-11-08',
      teamId: w.team.id,
    });
    expect(team.total).toBe(5);
    const outsider = await as(b.supervisor).oversight.heatMap({
      from: '2026-10-26',
      to: '2026-11-08',
      agentId: w.agent.id,
    });
    expect(outsider).toMatchObject({ total: 0, cells: [] });
  });
});

describe('refusals', () => {
  it('refuses an agent every oversight procedure', async () => {
    const caller = as(a.agent);
    expect(await codeOf(caller.oversight.list({ kind: 'decisions', ...WEEK }))).toBe('FORBIDDEN');
    expect(await codeOf(caller.oversight.decision({ id: blockedId }))).toBe('FORBIDDEN');
    expect(
      await codeOf(
        caller.oversight.review({
          idempotencyKey: key(),
          target: 'decision',
          id: blockedId,
          note: 'self-review',
        }),
      ),
    ).toBe('FORBIDDEN');
  });

  it.each([
    ['to before from', { kind: 'decisions', from: '2026-11-15', to: '2026-11-09' }],
    ['a range over 92 days', { kind: 'decisions', from: '2026-01-01', to: '2026-11-09' }],
    ['a date that is not a date', { kind: 'decisions', from: '2026-13-45', to: '2026-11-09' }],
    ['a contact outcome on decisions', { kind: 'decisions', ...WEEK, outcome: 'no_answer' }],
    ['an unknown rule', { kind: 'decisions', ...WEEK, ruleId: 'US-NOPE' }],
    ['a forged cursor', { kind: 'contacts', ...WEEK, cursor: "1'; drop table x" }],
    ['a limit of 1000', { kind: 'contacts', ...WEEK, limit: 1000 }],
    ['an agent id that is not a uuid', { kind: 'contacts', ...WEEK, agentId: 'alice' }],
  ])('answers BAD_REQUEST to %s', async (_name, input) => {
    expect(await codeOf(as(manager).oversight.list(input as never))).toBe('BAD_REQUEST');
  });

  it('answers BAD_REQUEST to an empty review note and a bad heat-map range', async () => {
    expect(
      await codeOf(
        as(manager).oversight.review({ idempotencyKey: key(), target: 'decision', id: blockedId, note: ' ' }),
      ),
    ).toBe('BAD_REQUEST');
    expect(await codeOf(as(manager).oversight.heatMap({ from: '2026-11-09', to: '2025-11-09' }))).toBe(
      'BAD_REQUEST',
    );
  });
});
