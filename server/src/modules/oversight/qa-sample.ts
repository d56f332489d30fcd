import { addDays, localDate } from '@arrears/shared/domain/calendar';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import type { QaReason, QaSampleOutput } from '@arrears/shared/schemas/oversight';
import { type Executor, queryRows } from '../../db/client.ts';
import { reviewOf } from './audit.queries.ts';
import { localMidnight } from './debtor-zone.ts';
import { PLAIN, qaCandidates, REASON_ORDER } from './qa-sample.statements.ts';

interface CandidateRow {
  id: string | number;
  occurred_at: string;
  case_id: string;
  account_ref: string;
  agent_id: string | null;
  agent_name: string | null;
  kind: QaSampleOutput['items'][number]['kind'];
  outcome: QaSampleOutput['items'][number]['outcome'];
  decision_id: string | number | null;
  population: string | number;
  review_id: string | number | null;
  reviewer_id: string | null;
  reviewer_name: string | null;
  review_note: string | null;
  review_at: string | null;
  near_cap: boolean;
  window_edge: boolean;
  after_dispute: boolean;
  after_cease: boolean;
  overridden: boolean;
  agent_complaints: boolean;
  warned: boolean;
  weight: number | string;
  /** Efraimidis–Spirakis key, ln(u) / weight: the larger, the earlier drawn. */
  key: number | string;
}

/**
 * The day's risk-weighted QA sample, stratified by reason: outbound contacts by agents on a local day of the
 * viewer's zone, inside the viewer's scope. Each contact gets an Efraimidis–Spirakis key ln(u)/weight (larger
 * first; drawn by key alone, the sample is weighted without replacement). `u` is a hash of the day and the
 * contact id, so the same day shows the same sample on every reload, to every reviewer, with nothing stored; the
 * risks are read from append-only rows at or before the contact (complaints up to the end of the day), so they do
 * not drift either. Each reason is a stratum (a contact with two reasons is in both; one with none is in the
 * plain stratum), and the sample is dealt from them in rounds: each round every stratum gives its best undrawn
 * contact, strata in the order of those contacts' keys, so a day where one risk dominates still shows every
 * other risk present instead of twenty rows of one. See decision records 009 and 029.
 */
export async function qaSample(
  db: Executor,
  user: SessionUser,
  input: { date?: string | undefined; teamId?: string | undefined; size: number },
  now: Date,
): Promise<QaSampleOutput> {
  const date = input.date ?? addDays(localDate(user.timeZone, now), -1);
  const from = localMidnight(date, user.timeZone);
  const to = localMidnight(date, user.timeZone, 1);
  const rows = await queryRows<CandidateRow>(
    db,
    qaCandidates(user, { date, teamId: input.teamId, size: input.size }, from, to),
  );
  // size is at least 1, so an empty answer means the day had no contacts in scope.
  const population = Number(rows[0]?.population ?? 0);
  const drawn = dealFromStrata(rows, input.size).sort(
    (a, b) =>
      Number(b.weight) - Number(a.weight) || Number(b.key) - Number(a.key) || Number(a.id) - Number(b.id),
  );
  return {
    date,
    population,
    items: drawn.map((row) => ({
      contactId: Number(row.id),
      occurredAt: row.occurred_at,
      caseId: row.case_id,
      accountRef: row.account_ref,
      agentId: row.agent_id,
      agentName: row.agent_name,
      kind: row.kind,
      outcome: row.outcome,
      decisionId: row.decision_id === null ? null : Number(row.decision_id),
      weight: Number(row.weight),
      reasons: REASON_ORDER.filter((reason) => row[reason]),
      review: reviewOf(row),
    })),
  };
}

/**
 * Deals `size` contacts from the strata in rounds. `rows` come in key order, largest first, and hold at least each
 * stratum's first `size`, so every stratum's list below starts with its true best. A larger size deals the same
 * first rounds, so a larger sample contains the smaller one; a size of 1 is the contact with the largest key.
 */
export function dealFromStrata<
  Row extends { id: string | number; key: number | string } & Record<QaReason, boolean>,
>(rows: readonly Row[], size: number): Row[] {
  const strata = new Map<string, Row[]>();
  for (const row of rows) {
    const reasons = REASON_ORDER.filter((reason) => row[reason]);
    for (const stratum of reasons.length > 0 ? reasons : [PLAIN]) {
      const list = strata.get(stratum) ?? [];
      list.push(row);
      strata.set(stratum, list);
    }
  }
  const drawn = new Set<Row>();
  const next = new Map<string, number>();
  while (drawn.size < size) {
    const heads: Row[] = [];
    for (const [stratum, list] of strata) {
      let at = next.get(stratum) ?? 0;
      while (at < list.length && drawn.has(list[at]!)) at++;
      next.set(stratum, at + 1);
      if (at < list.length) heads.push(list[at]!);
    }
    if (heads.length === 0) break;
    heads.sort((a, b) => Number(b.key) - Number(a.key) || Number(a.id) - Number(b.id));
    for (const head of heads) {
      if (drawn.size === size) break;
      drawn.add(head);
    }
  }
  return [...drawn];
}
