import { bucketFor, daysPastDue } from '@arrears/shared/domain/buckets';
import { DAY_MS, dateOfDay } from '@arrears/shared/domain/calendar';
import type { ContactPointKind } from '@arrears/shared/domain/enums';
import type { BookContext } from './context.ts';
import { childId, seedId } from './ids.ts';
import { type LocalStamp, toInstant } from './local-time.ts';
import { materializeActivity } from './materialize-activity.ts';
import { placementId, placementInstant, placementRow } from './placements.ts';
import { teamId, userId } from './reference-data.ts';
import type { RowBatch } from './row-batch.ts';
import type { CaseStory } from './story.ts';

const PHONE_KINDS: ReadonlySet<ContactPointKind> = new Set(['mobile', 'landline', 'work_phone']);

/**
 * Turns the n-th case's story into rows: local stamps become UTC instants in the debtor's zone, people become
 * user ids, list positions become deterministic child ids. Derived columns (balance, days past due, bucket,
 * priority, last contact) are computed here, from the same rows that are inserted, so they always agree.
 */
export function materializeCase(
  story: CaseStory,
  n: number,
  batch: RowBatch,
  ctx: BookContext,
  seenPlacements: Set<string>,
): void {
  const { debtor, portfolio } = story;
  const zone = debtor.zone;
  const at = (stamp: LocalStamp) => toInstant(zone, stamp);
  const maybe = (stamp: LocalStamp | null) => (stamp === null ? null : toInstant(zone, stamp));
  const user = (email: string | null) => (email === null ? null : userId(email));
  const debtorId = seedId('debtor', n);
  const caseId = seedId('case', n);
  const placedAt = placementInstant(story.placementWeek);
  const reassignedCheckedAt = new Date(ctx.now.getTime() - 7 * DAY_MS);

  const placement = placementId(portfolio, story.placementWeek);
  if (!seenPlacements.has(placement)) {
    seenPlacements.add(placement);
    batch.placements.push(placementRow(portfolio, story.placementWeek, ctx.seed));
  }
  batch.debtors.push({
    id: debtorId,
    fullName: debtor.fullName,
    language: debtor.language,
    dateOfBirth: debtor.dateOfBirth,
    nationalIdMasked: debtor.nationalIdMasked,
    jurisdictionCountry: debtor.country,
    jurisdictionRegion: debtor.region,
    explicitTimeZone: null,
    deceasedAt: maybe(debtor.deceasedAt),
    bankruptcyFiledAt: maybe(debtor.bankruptcyFiledAt),
    attorneyName: debtor.attorney?.name ?? null,
    attorneyContact: debtor.attorney?.contact ?? null,
    attorneySince: maybe(debtor.attorney?.since ?? null),
    ceaseRequestedAt: maybe(debtor.ceaseRequestedAt),
    military: debtor.military,
    inconvenientTimes: debtor.inconvenientTimes,
    consentedTimes: [],
    createdAt: placedAt,
    // The last time a flag changed, or the placement.
    updatedAt: maybe(flagsChangedAt(story)) ?? placedAt,
  });
  debtor.points.forEach((p, i) => {
    batch.contactPoints.push({
      id: childId('contactPoint', n, i),
      debtorId,
      kind: p.kind,
      value: p.value,
      label: p.label,
      timeZone: zone,
      verified: p.verified,
      consentAutodial: p.consentAutodial,
      consentSms: p.consentSms,
      consentGivenAt: maybe(p.consentGivenAt),
      consentRevokedAt: maybe(p.consentRevokedAt),
      employerProhibits: p.employerProhibits,
      inconvenient: p.inconvenient,
      // The demo's numbers were checked against the reassigned-numbers database a week before it was made, so
      // texts stay allowed for the seven weeks after (US-REGF-REASSIGNED); every point was given by the debtor.
      reassignedCheckedAt: PHONE_KINDS.has(p.kind) ? reassignedCheckedAt : null,
      createdAt: placedAt,
    });
  });
  debtor.thirdParties.forEach((t, i) => {
    batch.thirdParties.push({
      id: childId('thirdParty', n, i),
      debtorId,
      name: t.name,
      relationship: t.relationship,
      phone: t.phone,
      debtorAgreed: t.debtorAgreed,
      createdAt: placedAt,
    });
  });
  debtor.optOuts.forEach((o, i) => {
    const contactPointId = o.point === null ? null : childId('contactPoint', n, o.point);
    batch.optOuts.push({
      id: childId('optOut', n, i),
      debtorId,
      channel: o.channel,
      contactPointId,
      at: at(o.at),
      recordedBy: user(story.agent),
      createdAt: at(o.at),
    });
  });

  const today = ctx.clock(zone).today;
  const paidMinor = story.payments.reduce((sum, p) => sum + p.amountMinor, 0);
  const balanceMinor = story.principalMinor + story.interestMinor + story.feesMinor - paidMinor;
  const dpd = daysPastDue(dateOfDay(story.dueDay), dateOfDay(today));
  const lastContact = story.contacts[story.contacts.length - 1]?.at ?? null;
  const lastActivity = Math.max(
    lastContact ?? 0,
    story.closedAt ?? 0,
    story.payments[story.payments.length - 1]?.at ?? 0,
  );
  batch.cases.push({
    id: caseId,
    accountRef: story.accountRef,
    debtorId,
    portfolioId: portfolio.id,
    placementId: placement,
    currency: portfolio.currency,
    originalPrincipalMinor: story.originalPrincipalMinor,
    principalMinor: story.principalMinor,
    interestMinor: story.interestMinor,
    feesMinor: story.feesMinor,
    paidMinor,
    balanceMinor,
    dueDate: dateOfDay(story.dueDay),
    daysPastDue: dpd,
    bucket: bucketFor(dpd),
    stage: story.stage,
    status: story.status,
    assignedAgentId: user(story.agent),
    teamId: teamId(portfolio.team),
    holdUntil: maybe(story.holdUntil),
    holdReason: story.holdReason,
    initialCommunicationAt: maybe(story.initialCommunicationAt),
    validationNoticeSentAt: maybe(story.validationNoticeSentAt),
    limitationsExpiresAt: at(story.limitationsExpiresAt),
    placedAt,
    closedAt: maybe(story.closedAt),
    lastContactAt: maybe(lastContact),
    claimedBy: null,
    claimExpiresAt: null,
    version: 1,
    createdAt: placedAt,
    updatedAt: lastActivity > 0 ? at(lastActivity) : placedAt,
  });
  // The case's queue row (case_queue_state) with the seed's estimate of its priority and workable instant; the
  // trigger that would create it is off for the load, and the keys it keeps are set once afterwards.
  const row = batch.cases[batch.cases.length - 1]!;
  batch.caseQueueState.push({
    caseId,
    debtorId,
    status: story.status,
    assignedAgentId: row.assignedAgentId,
    teamId: row.teamId,
    priority: story.status === 'active' ? priorityOf(balanceMinor, portfolio.currency, dpd) : 0,
    nextWorkableAt: maybe(story.nextWorkableAt),
  });
  materializeActivity(story, n, batch, { caseId, debtorId, at, maybe, user });
}

function flagsChangedAt({ debtor }: CaseStory): LocalStamp | null {
  const stamps = [
    debtor.deceasedAt,
    debtor.bankruptcyFiledAt,
    debtor.ceaseRequestedAt,
    debtor.attorney?.since ?? null,
  ];
  const latest = Math.max(...stamps.map((s) => s ?? 0));
  return latest > 0 ? latest : null;
}

/**
 * Work the money first, then the age: about 100 points per tenfold balance (in US dollars; yuan at 7 to the
 * dollar) plus one point per day past due up to a year.
 */
export function priorityOf(balanceMinor: number, currency: string, daysPastDue: number): number {
  const dollars = (currency === 'CNY' ? balanceMinor / 7 : balanceMinor) / 100;
  return Math.round(100 * Math.log10(1 + Math.max(0, dollars))) + Math.min(daysPastDue, 365);
}
