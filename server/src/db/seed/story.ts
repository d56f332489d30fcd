import type {
  ActionKind,
  CaseStatus,
  ContactOutcome,
  ContactPointKind,
  Direction,
  EscalationKind,
  LadderStage,
  MessagePurpose,
  OptOutChannel,
  ThirdPartyRelationship,
} from '@arrears/shared/domain/enums';
import type { LocalTimeRange } from '../schema/index.ts';
import type { LocalStamp } from './local-time.ts';
import type { PortfolioDef } from './reference-data.ts';

/**
 * A case as a story on the debtor's local clock, before it becomes rows. Generic cases and the demo specials
 * both produce stories; one materializer turns them into rows, so both obey the same shapes and rules.
 * People are named by demo e-mail, contact points and third parties by their index in the debtor's lists.
 */
export interface ContactPointStory {
  kind: ContactPointKind;
  value: string;
  label: string;
  verified: boolean;
  consentSms: boolean;
  consentAutodial: boolean;
  consentGivenAt: LocalStamp | null;
  consentRevokedAt: LocalStamp | null;
  employerProhibits: boolean;
  inconvenient: boolean;
}

export interface ThirdPartyStory {
  name: string;
  relationship: ThirdPartyRelationship;
  phone: string | null;
  debtorAgreed: boolean;
}

export interface OptOutStory {
  channel: OptOutChannel | null;
  point: number | null;
  at: LocalStamp;
}

export interface DebtorStory {
  fullName: string;
  language: string;
  dateOfBirth: string;
  nationalIdMasked: string;
  country: 'US' | 'CN';
  region: string | null;
  zone: string;
  deceasedAt: LocalStamp | null;
  bankruptcyFiledAt: LocalStamp | null;
  ceaseRequestedAt: LocalStamp | null;
  attorney: { name: string; contact: string; since: LocalStamp } | null;
  military: boolean;
  inconvenientTimes: LocalTimeRange[];
  points: ContactPointStory[];
  thirdParties: ThirdPartyStory[];
  optOuts: OptOutStory[];
}

/** A debtor's facts before anything has happened to the case: the events that change them come later. */
export type DebtorFlags = Pick<
  DebtorStory,
  | 'dateOfBirth'
  | 'deceasedAt'
  | 'bankruptcyFiledAt'
  | 'ceaseRequestedAt'
  | 'attorney'
  | 'inconvenientTimes'
  | 'optOuts'
>;

export interface ContactEvent {
  at: LocalStamp;
  kind: ActionKind;
  direction: Direction;
  point: number | null;
  thirdParty: number | null;
  agent: string | null;
  outcome: ContactOutcome;
  durationSeconds: number | null;
  purpose: MessagePurpose | null;
  disclosures: string[] | null;
  notes: string | null;
  details: Record<string, unknown> | null;
}

export type PromiseStatus = 'pending' | 'kept' | 'broken' | 'cancelled';

export interface PromiseStory {
  createdAt: LocalStamp;
  createdBy: string | null;
  dueDay: number;
  amountMinor: number;
  status: PromiseStatus;
  resolvedAt: LocalStamp | null;
  plan: number | null;
}

export interface PlanStory {
  createdAt: LocalStamp;
  createdBy: string | null;
  totalMinor: number;
  installmentCount: number;
  frequency: 'weekly' | 'biweekly' | 'monthly';
  startDay: number;
  status: 'active' | 'completed' | 'broken' | 'cancelled';
}

export interface PaymentStory {
  at: LocalStamp;
  amountMinor: number;
  method: 'card' | 'bank_transfer' | 'cash' | 'check' | 'wallet' | 'agency';
  fees: number;
  interest: number;
  principal: number;
  recordedBy: string | null;
  viaAgency: boolean;
}

export interface EscalationStory {
  kind: EscalationKind;
  status: 'pending' | 'approved' | 'rejected';
  requestedBy: string;
  requestReason: string;
  createdAt: LocalStamp;
  decidedBy: string | null;
  decisionReason: string | null;
  decidedAt: LocalStamp | null;
}

export interface ComplaintStory {
  receivedAt: LocalStamp;
  agent: string | null;
  channel: string;
  description: string;
  status: 'open' | 'investigating' | 'resolved';
  assignedTo: string;
  resolveBy: LocalStamp;
  resolution: string | null;
  resolvedAt: LocalStamp | null;
}

export interface CaseStory {
  accountRef: string;
  portfolio: PortfolioDef;
  debtor: DebtorStory;
  originalPrincipalMinor: number;
  principalMinor: number;
  interestMinor: number;
  feesMinor: number;
  dueDay: number;
  /** The weekly placement file the case arrived in (its `placedAt` is that file's import time). */
  placementWeek: number;
  stage: LadderStage;
  status: CaseStatus;
  closedAt: LocalStamp | null;
  agent: string | null;
  holdUntil: LocalStamp | null;
  holdReason: string | null;
  limitationsExpiresAt: LocalStamp;
  initialCommunicationAt: LocalStamp | null;
  validationNoticeSentAt: LocalStamp | null;
  /** When the queue may offer the case again; null when nothing may be done (ceased, represented…). */
  nextWorkableAt: LocalStamp | null;
  contacts: ContactEvent[];
  promises: PromiseStory[];
  plans: PlanStory[];
  payments: PaymentStory[];
  disputes: {
    receivedAt: LocalStamp;
    reason: string;
    verificationSentAt: LocalStamp | null;
    recordedBy: string;
  }[];
  complaints: ComplaintStory[];
  escalations: EscalationStory[];
  agencyPlacements: {
    agency: number;
    status: 'placed' | 'recalled';
    placedAt: LocalStamp;
    recalledAt: LocalStamp | null;
    recallReason: string | null;
    balanceAtPlacementMinor: number;
    approvedBy: string;
    placedBy: string;
  }[];
  fieldVisits: {
    scheduledFor: LocalStamp;
    status: 'scheduled' | 'completed' | 'cancelled';
    /** Whether the visitor spoke with the debtor (the contact log's outcome). */
    metDebtor: boolean;
    outcome: string | null;
    recordingRef: string | null;
    approvedBy: string;
    createdBy: string;
    createdAt: LocalStamp;
  }[];
  legalActions: {
    court: string;
    reference: string | null;
    status: 'prepared' | 'filed';
    claimMinor: number;
    approvedBy: string;
    filedAt: LocalStamp | null;
    createdBy: string;
    createdAt: LocalStamp;
  }[];
  notes: { at: LocalStamp; author: string; body: string }[];
}
