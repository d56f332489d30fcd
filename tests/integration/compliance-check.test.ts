import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { complianceDecisions } from '../../server/src/db/schema/index.ts';
import {
  buildContactPoint,
  buildTeam,
  buildThirdParty,
  buildUser,
  buildWorkedCase,
  key,
  refusedAttempt,
} from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

/** The case screen's preview: every action's verdict now, from the guard's own facts, recording nothing. */
const NOW = new Date('2026-11-11T17:00:00Z'); // Wednesday, 12:00 in New York, 11:00 in Chicago
const NIGHT = new Date('2026-11-12T03:30:00Z'); // 22:30 in New York

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

async function world(options: Parameters<typeof buildWorkedCase>[1] = {}) {
  const w = await buildWorkedCase(handle.db, options);
  const db = handle.db;
  const noSms = await buildContactPoint(db, w.debtor.id, {
    kind: 'mobile',
    consentSms: false,
    consentAutodial: false,
    label: 'Second mobile',
  });
  const email = await buildContactPoint(db, w.debtor.id, { kind: 'email', value: 'grace@example.test' });
  const home = await buildContactPoint(db, w.debtor.id, { kind: 'home_address' });
  const neighbor = await buildThirdParty(db, w.debtor.id);
  return { ...w, noSms, email, home, neighbor };
}

const decisionCount = async (caseId: string) =>
  (
    await handle.db
      .select({ n: count() })
      .from(complianceDecisions)
      .where(eq(complianceDecisions.caseId, caseId))
  )[0]!.n;

describe('compliance.check', () => {
  it('answers a verdict for each action and contact point, with reasons and sources, and records nothing', async () => {
    const { agent, caseRow, mobile, noSms, email, home, neighbor } = await world();
    const preview = await callerFor(handle.db, agent, { now: NOW }).caller.compliance.check({
      caseId: caseRow.id,
    });
    const keys = preview.actions.map((a) => `${a.kind}:${a.contactPointId ?? a.thirdPartyId ?? '-'}`).sort();
    expect(keys).toEqual(
      [
        ...['call', 'autodial_call', 'voicemail', 'sms'].flatMap((kind) => [
          `${kind}:${mobile.id}`,
          `${kind}:${noSms.id}`,
        ]),
        `email:${email.id}`,
        `letter:${home.id}`,
        `field_visit:${home.id}`,
        `third_party_contact:${neighbor.id}`,
        'agency_placement:-',
        'legal_filing:-',
      ].sort(),
    );
    const find = (kind: string, pointId: string | null) =>
      preview.actions.find((a) => a.kind === kind && a.contactPointId === pointId)!;
    expect(find('call', mobile.id).verdict).toMatchObject({ allowed: true, violations: [], override: null });
    expect(find('sms', noSms.id)).toMatchObject({
      contactPointKind: 'mobile',
      contactPointLabel: 'Second mobile',
      verdict: {
        allowed: false,
        violations: [{ ruleId: 'US-TCPA-CONSENT', source: '47 USC 227(b)(1)(A)(iii)' }],
      },
    });
    expect(find('email', email.id).contactPointLabel).toBe('g•••@example.test');
    expect(find('agency_placement', null).verdict.violations.map((v) => v.ruleId)).toEqual(['POL-APPROVAL']);
    expect(preview).toMatchObject({
      evaluatedAt: NOW.toISOString(),
      rulesetVersion: expect.stringMatching(/\+p1$/),
      jurisdiction: { country: 'US', region: 'NY' },
      debtorZones: [{ zone: 'America/New_York', localTime: '2026-11-11T12:00', utcOffsetMinutes: -300 }],
      agentTimeZone: agent.timeZone,
    });
    expect(await decisionCount(caseRow.id)).toBe(0);
  });

  it('at night names when calls open again, in every candidate zone', async () => {
    const { agent, caseRow, debtor } = await world();
    const chicago = await buildContactPoint(handle.db, debtor.id, {
      kind: 'landline',
      timeZone: 'America/Chicago',
    });
    const preview = await callerFor(handle.db, agent, { now: NIGHT }).caller.compliance.check({
      caseId: caseRow.id,
    });
    const call = preview.actions.find((a) => a.kind === 'call' && a.contactPointId === chicago.id)!;
    expect(call.verdict.violations.map((v) => v.ruleId)).toEqual(['US-REGF-TIME']);
    // 08:00 in Chicago is the first instant that is daytime in both zones.
    expect(new Date(call.verdict.nextAllowedAt!).toISOString()).toBe('2026-11-12T14:00:00.000Z');
    expect(preview.debtorZones.map((z) => [z.zone, z.localTime])).toEqual([
      ['America/New_York', '2026-11-11T22:30'],
      ['America/Chicago', '2026-11-11T21:30'],
    ]);
  });

  it('names when each action opens with time: the calling window, a hold’s end, and a visit’s hour beside its approval', async () => {
    const night = await world();
    const atNight = await callerFor(handle.db, night.agent, { now: NIGHT }).caller.compliance.check({
      caseId: night.caseRow.id,
    });
    const nightCall = atNight.actions.find((a) => a.kind === 'call' && a.contactPointId === night.mobile.id)!;
    expect(nightCall.opensAt).toBe(nightCall.verdict.nextAllowedAt);
    // The visit also needs a supervisor's approval, so its verdict names no time; the approval is asked apart,
    // and the hour alone decides when it could go.
    const visit = atNight.actions.find((a) => a.kind === 'field_visit')!;
    expect(visit.verdict.violations.map((v) => v.ruleId)).toEqual(
      expect.arrayContaining(['US-REGF-TIME', 'POL-APPROVAL']),
    );
    expect(visit.verdict.nextAllowedAt).toBeNull();
    expect(visit.opensAt).toBe('2026-11-12T13:00:00Z');
    // By day only the approval is missing: nothing to wait for.
    const byDay = await callerFor(handle.db, night.agent, { now: NOW }).caller.compliance.check({
      caseId: night.caseRow.id,
    });
    expect(byDay.actions.find((a) => a.kind === 'field_visit')!.opensAt).toBeNull();

    const held = await world({ case: { holdUntil: new Date('2026-11-13T17:00:00Z') } });
    const preview = await callerFor(handle.db, held.agent, { now: NOW }).caller.compliance.check({
      caseId: held.caseRow.id,
    });
    const call = preview.actions.find((a) => a.kind === 'call' && a.contactPointId === held.mobile.id)!;
    expect(call.verdict).toMatchObject({ allowed: false, nextAllowedAt: null });
    expect(call.opensAt).toBe('2026-11-13T17:00:00Z');
    const placement = preview.actions.find((a) => a.kind === 'agency_placement')!;
    expect(placement.opensAt).toBe('2026-11-13T17:00:00Z');
  });

  it('shows an override in force on the action it covers', async () => {
    const { supervisor, caseRow, mobile } = await world({
      case: { holdUntil: new Date('2026-12-01T00:00:00Z') },
    });
    const caller = callerFor(handle.db, supervisor, { now: NOW }).caller;
    const grant = await caller.compliance.override({
      idempotencyKey: key(),
      caseId: caseRow.id,
      actionKind: 'call',
      ruleIds: ['POL-HOLD'],
      reason: 'Debtor asked us to call back today',
    });
    const preview = await caller.compliance.check({ caseId: caseRow.id });
    const call = preview.actions.find((a) => a.kind === 'call' && a.contactPointId === mobile.id)!;
    const sms = preview.actions.find((a) => a.kind === 'sms' && a.contactPointId === mobile.id)!;
    expect(call.verdict).toMatchObject({ allowed: false, override: { decisionId: grant.decisionId } });
    expect(sms.verdict.override).toBeNull();
  });

  it('lets a manager read any case and answers NOT_FOUND to an agent of another team', async () => {
    const { caseRow } = await world();
    const manager = await buildUser(handle.db, 'manager');
    await expect(
      callerFor(handle.db, manager, { now: NOW }).caller.compliance.check({ caseId: caseRow.id }),
    ).resolves.toBeTruthy();
    const outsider = await buildUser(handle.db, 'agent', { teamId: (await buildTeam(handle.db)).id });
    await expect(
      callerFor(handle.db, outsider, { now: NOW }).caller.compliance.check({ caseId: caseRow.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('compliance.decisions', () => {
  it("lists the case's decisions newest first with who made them", async () => {
    const { agent, supervisor, caseRow, mobile } = await world({
      case: { holdUntil: new Date('2026-12-01T00:00:00Z') },
    });
    const at = (iso: string, user = agent) => callerFor(handle.db, user, { now: new Date(iso) }).caller;
    const call = (iso: string) =>
      at(iso).contacts.logCall({
        idempotencyKey: key(),
        caseId: caseRow.id,
        contactPointId: mobile.id,
        kind: 'call',
        outcome: 'no_answer',
      });
    await refusedAttempt(handle.db, call('2026-11-11T15:00:00Z'));
    await refusedAttempt(handle.db, call('2026-11-11T16:00:00Z'));
    await at('2026-11-11T16:30:00Z', supervisor).compliance.override({
      idempotencyKey: key(),
      caseId: caseRow.id,
      actionKind: 'call',
      ruleIds: ['POL-HOLD'],
      reason: 'Debtor asked us to call back today',
    });
    const list = await at('2026-11-11T17:00:00Z').compliance.decisions({ caseId: caseRow.id });
    expect(list.map((d) => [d.outcome, d.actorName])).toEqual([
      ['overridden', supervisor.name],
      ['blocked', agent.name],
      ['blocked', agent.name],
    ]);
    expect(list[1]).toMatchObject({
      actionKind: 'call',
      ruleIds: ['POL-HOLD'],
      violations: [{ ruleId: 'POL-HOLD' }],
      evaluatedAt: '2026-11-11T16:00:00.000Z',
    });
    expect(
      await at('2026-11-11T17:00:00Z').compliance.decisions({ caseId: caseRow.id, limit: 1 }),
    ).toHaveLength(1);
  });
});
