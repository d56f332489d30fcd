import { childId } from './ids.ts';
import type { CaseKeys } from './materialize-activity.ts';
import type { RowBatch } from './row-batch.ts';
import type { CaseStory } from './story.ts';

/** Disputes, complaints, escalation requests, field visits, legal actions and notes as rows. */
export function materializeCaseWork(story: CaseStory, n: number, batch: RowBatch, keys: CaseKeys): void {
  const { caseId, at, maybe, user } = keys;
  story.disputes.forEach((d, i) => {
    batch.disputes.push({
      id: childId('dispute', n, i),
      caseId,
      receivedAt: at(d.receivedAt),
      reason: d.reason,
      verificationSentAt: maybe(d.verificationSentAt),
      recordedBy: user(d.recordedBy),
      createdAt: at(d.receivedAt),
    });
  });
  story.complaints.forEach((c, i) => {
    batch.complaints.push({
      id: childId('complaint', n, i),
      caseId,
      agentId: user(c.agent),
      receivedAt: at(c.receivedAt),
      channel: c.channel,
      description: c.description,
      status: c.status,
      assignedTo: user(c.assignedTo),
      resolveBy: at(c.resolveBy),
      resolution: c.resolution,
      resolvedAt: maybe(c.resolvedAt),
      resolvedBy: c.resolvedAt === null ? null : user(c.assignedTo),
      recordedBy: user(c.assignedTo),
      createdAt: at(c.receivedAt),
    });
  });
  story.escalations.forEach((e, i) => {
    batch.escalationRequests.push({
      id: childId('escalation', n, i),
      caseId,
      kind: e.kind,
      status: e.status,
      requestedBy: user(e.requestedBy)!,
      requestReason: e.requestReason,
      decidedBy: user(e.decidedBy),
      decisionReason: e.decisionReason,
      decidedAt: maybe(e.decidedAt),
      createdAt: at(e.createdAt),
    });
  });
  const home = story.debtor.points.findIndex((p) => p.kind === 'home_address');
  story.fieldVisits.forEach((v, i) => {
    batch.fieldVisits.push({
      id: childId('fieldVisit', n, i),
      caseId,
      addressId: home < 0 ? null : childId('contactPoint', n, home),
      scheduledFor: at(v.scheduledFor),
      fieldAgentId: user(v.createdBy),
      approvedBy: user(v.approvedBy),
      recordingRef: v.recordingRef,
      status: v.status,
      outcome: v.outcome,
      createdBy: user(v.createdBy),
      createdAt: at(v.createdAt),
    });
  });
  story.legalActions.forEach((l, i) => {
    batch.legalActions.push({
      id: childId('legalAction', n, i),
      caseId,
      court: l.court,
      reference: l.reference,
      status: l.status,
      claimMinor: l.claimMinor,
      currency: story.portfolio.currency,
      approvedBy: user(l.approvedBy),
      filedAt: maybe(l.filedAt),
      createdBy: user(l.createdBy),
      createdAt: at(l.createdAt),
    });
  });
  story.notes.forEach((note, i) => {
    batch.caseNotes.push({
      id: childId('caseNote', n, i),
      caseId,
      authorId: user(note.author)!,
      body: note.body,
      createdAt: at(note.at),
    });
  });
}
