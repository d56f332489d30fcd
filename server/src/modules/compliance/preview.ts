import { DISCLOSURES } from '@arrears/shared/compliance/actions';
import type { HistoryEvent, ProposedAction } from '@arrears/shared/compliance/facts';
import type { ActionKind, ContactPointKind } from '@arrears/shared/domain/enums';
import type { ContactPointRow } from '../case-core/case-core.service.ts';
import { TARGET_KINDS } from './action-targets.ts';
import { type ThirdPartyRow, thirdPartyFacts } from './third-party-facts.ts';

/** One button of the case screen before the agent presses it. */
export interface CandidateAction {
  action: ProposedAction;
  point: ContactPointRow | null;
  thirdPartyId: string | null;
}

const POINT_ACTIONS: readonly ActionKind[] = [
  'call',
  'autodial_call',
  'voicemail',
  'sms',
  'email',
  'letter',
  'app_push',
  'field_visit',
];
const MESSAGES: ReadonlySet<ActionKind> = new Set(['sms', 'email', 'letter', 'app_push']);

/**
 * Every action the agent could take now: each channel to each contact point it can reach, a location contact
 * to each third party on file, and the escalations. Messages are judged as a compliant collection template
 * would be sent (all disclosures present): the template is picked at send time and checked again then; what
 * the preview answers is whether the channel is open at all. A CN visit is judged with its recording promised.
 */
export function candidateActions(
  points: readonly ContactPointRow[],
  thirdParties: readonly ThirdPartyRow[],
  history: readonly HistoryEvent[],
  at: Date,
): CandidateAction[] {
  const candidates: CandidateAction[] = [];
  for (const point of points) {
    for (const kind of POINT_ACTIONS) {
      if (!(TARGET_KINDS[kind] ?? []).includes(point.kind as ContactPointKind)) continue;
      const action: ProposedAction = { kind, contactPointId: point.id };
      if (MESSAGES.has(kind)) action.message = { purpose: 'collection', disclosures: [...DISCLOSURES] };
      if (kind === 'field_visit') action.recordingRef = 'to be recorded';
      candidates.push({ action, point, thirdPartyId: null });
    }
  }
  for (const row of thirdParties) {
    const thirdParty = thirdPartyFacts(row, 'location', history, at);
    candidates.push({
      action: { kind: 'third_party_contact', thirdParty },
      point: null,
      thirdPartyId: row.id,
    });
  }
  for (const kind of ['agency_placement', 'legal_filing'] as const) {
    candidates.push({ action: { kind }, point: null, thirdPartyId: null });
  }
  return candidates;
}
