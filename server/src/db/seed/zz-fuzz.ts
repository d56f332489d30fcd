import { createBookContext } from './context.ts';
import { makeGenericCase } from './generic-case.ts';
import { materializeCase } from './materialize.ts';
import { emptyBatch } from './row-batch.ts';
import { demoSpecials } from './specials.ts';

let contacts = 0,
  cases = 0,
  points = 0;
for (let seed = 1; seed <= 12; seed++) {
  const now = new Date(Date.UTC(2026, 0, 1) + seed * 29.3 * 86400000 + seed * 3600000 * 1.7);
  const ctx = createBookContext(seed, now);
  const specials = demoSpecials(ctx);
  const batch = emptyBatch();
  const seen = new Set<string>();
  for (let n = 0; n < 3000; n++) materializeCase(specials[n] ?? makeGenericCase(n, ctx), n, batch, ctx, seen);
  contacts += batch.contactLog.length;
  cases += batch.cases.length;
  points += batch.contactPoints.length;
  for (const r of batch.contactLog) if (r.occurredAt > now) throw new Error(`future contact seed ${seed}`);
  for (const r of batch.payments) if (r.receivedAt > now) throw new Error(`future payment seed ${seed}`);
  for (const r of batch.promises)
    if (r.resolvedAt && r.resolvedAt > now) throw new Error(`future resolution seed ${seed}`);
  for (const r of batch.caseNotes)
    if (r.createdAt! > now)
      throw new Error(`future note seed ${seed} ${r.createdAt!.toISOString()} ${now.toISOString()}`);
  for (const r of batch.escalationRequests)
    if (r.createdAt! > now || (r.decidedAt && r.decidedAt > now))
      throw new Error(`future escalation seed ${seed}`);
  for (const r of batch.disputes)
    if (r.receivedAt > now || (r.verificationSentAt && r.verificationSentAt > now))
      throw new Error(`future dispute seed ${seed}`);
  for (const r of batch.complaints)
    if (r.receivedAt > now || (r.resolvedAt && r.resolvedAt > now))
      throw new Error(`future complaint ${seed}`);
  for (const r of batch.agencyPlacements)
    if (r.placedAt > now || (r.recalledAt && r.recalledAt > now)) throw new Error(`future placement ${seed}`);
  for (const r of batch.cases)
    if (r.placedAt > now || (r.closedAt && r.closedAt > now) || (r.lastContactAt && r.lastContactAt > now))
      throw new Error(`future case ${seed}`);
  for (const r of batch.legalActions)
    if (r.filedAt && r.filedAt > now) throw new Error(`future filing ${seed}`);
  for (const r of batch.fieldVisits)
    if (r.status === 'completed' && r.scheduledFor > now) throw new Error(`future visit ${seed}`);
}
console.log('contacts/case', (contacts / cases).toFixed(2), 'points/case', (points / cases).toFixed(2));
