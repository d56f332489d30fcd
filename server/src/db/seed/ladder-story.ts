import { dateOfDay } from '@arrears/shared/domain/calendar';
import type { EscalationKind } from '@arrears/shared/domain/enums';
import { daytime } from './case-events.ts';
import type { CaseFrame, CasePlanner } from './case-story.ts';
import { agentsOf, supervisorOf } from './demo-users.ts';
import { CN_PROVINCES, usState } from './geography.ts';
import { type LocalStamp, stampOf } from './local-time.ts';
import type { Random } from './random.ts';
import type { CaseStory, EscalationStory } from './story.ts';
import { textsFor } from './texts.ts';

/**
 * The upper rungs of the ladder. A case at the agency, field or legal stage got there through an escalation a
 * supervisor approved (POL-APPROVAL); the visit, placement or filing follows the approval. Other long-overdue
 * cases have a request still waiting for a supervisor, or one that was turned down.
 */
export const planLadder: CasePlanner = (story, frame, rng, ctx, daysPastDue) => {
  const { today } = ctx.clock(story.debtor.zone);
  const team = story.portfolio.team;
  const requester = story.agent ?? rng.pick(agentsOf(team));
  const supervisor = supervisorOf(team);
  const climb: Climb = { rng, today, requester, supervisor };
  // A case that stopped (or paused for a dispute) stays on the agent rung: nothing climbs while collection waits.
  const stopped = (frame.stopAt !== null && story.status === 'active') || frame.pauses.length > 0;
  const approve = (kind: EscalationKind, from: number, to: number) => {
    if (stopped || from > to) return null;
    const day = rng.int(from, to);
    addEscalation(
      story,
      { kind, requestedBy: requester, createdAt: daytime(rng, day) },
      { status: 'approved', decidedBy: supervisor, decisionReason: null, decidedAt: daytime(rng, day + 1) },
    );
    return day + 1;
  };
  if (story.stage === 'agency') {
    const approved = approve(
      'agency_placement',
      Math.max(frame.firstDay + 20, story.dueDay + 110),
      frame.lastDay - 3,
    );
    if (approved === null) story.stage = 'agent';
    else placeWithAgency(story, frame, climb, approved + 1);
  } else if (story.stage === 'field') {
    const approved = approve(
      'field_visit',
      Math.max(frame.firstDay + 20, story.dueDay + 85),
      frame.lastDay - 1,
    );
    if (approved === null) story.stage = 'agent';
    else planVisit(story, frame, climb, approved);
  } else if (story.stage === 'legal') {
    const limitDay = Math.floor(story.limitationsExpiresAt / 1440);
    const approved = approve(
      'legal_filing',
      Math.max(frame.firstDay + 30, story.dueDay + 180),
      Math.min(frame.lastDay, limitDay) - 7,
    );
    if (approved === null) story.stage = 'agent';
    else fileSuit(story, climb, approved);
  } else if (!stopped && story.status === 'active' && daysPastDue >= 91 && rng.chance(0.06)) {
    requestEscalation(story, climb, daysPastDue);
  }
};

/** Who climbs the ladder and when: the case's random stream, the debtor's today, who asks and who approves. */
interface Climb {
  rng: Random;
  today: number;
  requester: string;
  supervisor: string;
}

/** The decision on a request to climb; `PENDING` until a supervisor makes one. */
type EscalationDecision = Pick<EscalationStory, 'status' | 'decidedBy' | 'decisionReason' | 'decidedAt'>;

export const PENDING: EscalationDecision = {
  status: 'pending',
  decidedBy: null,
  decisionReason: null,
  decidedAt: null,
};

/** A request to climb the ladder, with the reason its kind is given in the debtor's language, and its decision. */
export function addEscalation(
  story: CaseStory,
  request: { kind: EscalationKind; requestedBy: string; createdAt: LocalStamp },
  decision: EscalationDecision,
): void {
  const requestReason = textsFor(story.debtor.country).escalationReasons[request.kind];
  story.escalations.push({ ...request, requestReason, ...decision });
}

function placeWithAgency(story: CaseStory, frame: CaseFrame, climb: Climb, day: number): void {
  const { rng, today } = climb;
  const recallDay = day + rng.int(20, 60);
  const recalled = rng.chance(0.2) && recallDay < today;
  story.agencyPlacements.push({
    agency: story.debtor.country === 'CN' ? 2 : rng.int(0, 1),
    status: recalled ? 'recalled' : 'placed',
    placedAt: daytime(rng, day),
    recalledAt: recalled ? daytime(rng, recallDay) : null,
    recallReason: recalled ? textsFor(story.debtor.country).recallReason : null,
    balanceAtPlacementMinor: 0, // the ledger fills it in once payments are known
    placedBy: climb.requester,
    approvedBy: climb.supervisor,
  });
  // While the outside agency holds the case our agents leave it alone; after a recall it is ours again.
  if (recalled) {
    story.stage = 'agent';
    frame.pauses.push([day, recallDay]);
  } else {
    frame.lastDay = Math.min(frame.lastDay, day - 1);
  }
}

function planVisit(story: CaseStory, frame: CaseFrame, climb: Climb, approved: number): void {
  const { rng, today } = climb;
  const visitDay = approved + rng.int(3, 10);
  const completed = visitDay <= frame.lastDay && rng.chance(0.6);
  // A case closed before its visit had the visit cancelled; an open one has it on the calendar.
  const cancelled = !completed && story.status !== 'active';
  const day = completed || cancelled ? visitDay : today + rng.int(1, 10);
  const scheduledFor = stampOf(day, rng.int(10, 16), rng.pick([0, 30]));
  if (completed) frame.visitAt = scheduledFor;
  const [met, nobodyHome] = textsFor(story.debtor.country).visitOutcomes;
  const metDebtor = completed && rng.chance(0.5);
  story.fieldVisits.push({
    scheduledFor,
    status: completed ? 'completed' : cancelled ? 'cancelled' : 'scheduled',
    metDebtor,
    outcome: completed ? ((metDebtor ? met : nobodyHome) ?? null) : null,
    // CN-CBA-VISIT: every visit in China is recorded on audio/video.
    recordingRef: completed ? `REC-${story.accountRef}-${dateOfDay(day)}` : null,
    approvedBy: climb.supervisor,
    createdBy: climb.requester,
    createdAt: daytime(rng, approved),
  });
}

function fileSuit(story: CaseStory, climb: Climb, approved: number): void {
  const { rng, today } = climb;
  const filedDay = approved + rng.int(7, 20);
  const filed = filedDay < today && rng.chance(0.6);
  const { debtor } = story;
  const court =
    debtor.country === 'US'
      ? usState(debtor.region ?? '').courts
      : `${CN_PROVINCES.find((p) => p.code === debtor.region)?.name ?? ''}人民法院`;
  story.legalActions.push({
    court,
    reference: filed ? `${dateOfDay(filedDay).slice(0, 4)}-CV-${rng.int(10_000, 99_999)}` : null,
    status: filed ? 'filed' : 'prepared',
    claimMinor: 0, // the ledger fills it in: the balance when the suit was prepared
    approvedBy: climb.supervisor,
    filedAt: filed ? daytime(rng, filedDay) : null,
    createdBy: climb.requester,
    createdAt: daytime(rng, approved),
  });
}

function requestEscalation(story: CaseStory, climb: Climb, daysPastDue: number): void {
  const { rng, today } = climb;
  const kinds: EscalationKind[] =
    daysPastDue >= 181
      ? ['agency_placement', 'field_visit', 'legal_filing']
      : daysPastDue >= 121
        ? ['agency_placement', 'field_visit']
        : ['field_visit'];
  const kind = rng.pick(kinds);
  const rejected = rng.chance(0.25);
  const day = today - rng.int(rejected ? 8 : 1, rejected ? 40 : 4);
  addEscalation(
    story,
    { kind, requestedBy: climb.requester, createdAt: daytime(rng, day) },
    rejected
      ? {
          status: 'rejected',
          decidedBy: climb.supervisor,
          decisionReason: textsFor(story.debtor.country).escalationRejected,
          decidedAt: daytime(rng, day + 2),
        }
      : PENDING,
  );
}
