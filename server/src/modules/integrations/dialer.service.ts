import { createHash } from 'node:crypto';
import type { RuleHit, Verdict } from '@arrears/shared/compliance/engine';
import { displayReason } from '@arrears/shared/compliance/reasons/render';
import { errorMessage } from '@arrears/shared/errors/messages';
import {
  type DialCheckOutput,
  type DialResultInput,
  type DialResultOutput,
  type dialCheckInput,
  type dialReason,
  RESERVATION_SECONDS,
} from '@arrears/shared/schemas/dialer';
import { and, asc, eq, gte, isNull, lte } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database, Transaction } from '../../db/client.ts';
import { dialReservations, dialResults } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { type IntegrationActor, withCase } from '../case-core/case-core.service.ts';
import { guardAction, judgeReported, recordContact, targetPoint } from '../compliance/compliance.service.ts';
import { isUniqueViolation } from '../payments/payment.service.ts';
import { raiseAlert } from '../supervision/alerts.service.ts';

interface DialerRequest<Input> {
  actor: IntegrationActor;
  keyId: string;
  input: Input;
  now: Date;
}

/** A dialer's clock may run a little ahead of ours: a dial started this long before its reservation still used it. */
const CLOCK_SKEW_MS = 2 * 60_000;

const kindOf = (mode: 'manual' | 'autodial') => (mode === 'autodial' ? 'autodial_call' : 'call');

/** A rule's hit as the API answers it: the code and parameters, and the text in both languages. */
function reasonOf(hit: RuleHit): z.infer<typeof dialReason> {
  return {
    ruleId: hit.ruleId,
    source: hit.source,
    code: hit.reasonCode ?? 'unknown',
    params: { ...(hit.reasonParams ?? {}) },
    text: { en: displayReason(hit, 'en'), zh: displayReason(hit, 'zh') },
  };
}

/**
 * "May I dial this number for this case now?" judged by the guard under the debtor's lock. Allowed: the dial is
 * reserved for RESERVATION_SECONDS and counts as a call for every judgement while it is live (the facts loader
 * reads it), so a second dialer asking for the last call of the week is refused. Refused: the guard has kept the
 * blocked decision; the answer carries its rules, reasons and the next allowed instant.
 */
export async function checkDial(
  db: Database,
  { actor, keyId, input, now }: DialerRequest<z.output<typeof dialCheckInput>>,
): Promise<DialCheckOutput> {
  const kind = kindOf(input.mode);
  try {
    const { value, warnings } = await guardAction(db, {
      actor,
      caseId: input.caseId,
      now,
      action: () => ({ kind, contactPointId: input.contactPointId }),
      record: async (tx, passed) => {
        const expiresAt = new Date(now.getTime() + RESERVATION_SECONDS * 1000);
        const [row] = await tx
          .insert(dialReservations)
          .values({
            integrationKeyId: keyId,
            caseId: input.caseId,
            debtorId: passed.caseFacts.debtor.id,
            contactPointId: input.contactPointId,
            kind,
            reservedAt: now,
            expiresAt,
            decisionId: passed.decisionId,
          })
          .returning({ id: dialReservations.id });
        return { value: { reservationId: row!.id, expiresAt: expiresAt.toISOString() }, unchanged: true };
      },
    });
    return { allowed: true, ...value, warnings: warnings.map(reasonOf) };
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal === null) throw error;
    return {
      allowed: false,
      violations: refusal.verdict.violations.map(reasonOf),
      warnings: refusal.verdict.warnings.map(reasonOf),
      nextAllowedAt: refusal.verdict.nextAllowedAt,
      decisionId: refusal.decisionId,
    };
  }
}

function refusalOf(error: unknown): { verdict: Verdict; decisionId: number } | null {
  if (!(error instanceof AppError) || error.appCode !== 'BLOCKED_BY_RULE') return null;
  const { verdict, decisionId } = error.details ?? {};
  if (!verdict || typeof decisionId !== 'number') return null;
  return { verdict: verdict as Verdict, decisionId };
}

/** The same result reported again: what identifies it, so a replay with other facts is told apart. */
function requestHashOf(input: DialResultInput): string {
  const fields = Object.keys(input)
    .sort()
    .map((key) => [key, input[key as keyof DialResultInput]]);
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/**
 * "Here is the result of a dial", once per dialer call id: a replay answers the first answer and writes nothing. The
 * dial consumes its live reservation (judged when it was reserved); without one it is judged at its start on the
 * facts as they stood then, and a broken rule is kept as a `violated` decision and raised to the team's
 * supervisors. Either way the contact is on the log: evidence is never refused.
 */
export async function recordDialResult(
  db: Database,
  request: DialerRequest<DialResultInput>,
): Promise<{ output: DialResultOutput; replayed: boolean }> {
  try {
    return await recordOnce(db, request);
  } catch (error) {
    // Two replays of one call id for different cases lock different debtors: the second meets the first's row.
    if (!isUniqueViolation(error, 'dial_results_call_key')) throw error;
    return recordOnce(db, request);
  }
}

async function recordOnce(
  db: Database,
  { actor, keyId, input, now }: DialerRequest<DialResultInput>,
): Promise<{ output: DialResultOutput; replayed: boolean }> {
  const startedAt = new Date(input.startedAt);
  const kind = kindOf(input.mode);
  const requestHash = requestHashOf(input);
  const { value } = await withCase(
    { db, actor, caseId: input.caseId, now, read: { facts: { at: startedAt } } },
    async ({ tx, caseRow, facts: caseFacts }) => {
      const earlier = await resultOf(tx, keyId, input.callId);
      if (earlier !== null) {
        if (earlier.requestHash !== requestHash) {
          throw new AppError('CONFLICT', errorMessage('dialer.callIdReused'));
        }
        return { value: { output: earlier.output, replayed: true }, unchanged: true };
      }
      targetPoint(kind, input.contactPointId, caseFacts.contactPoints);
      if (input.endedAt !== undefined && Date.parse(input.endedAt) < startedAt.getTime()) {
        throw new AppError('INVALID_INPUT', errorMessage('dialer.endsBeforeStart'));
      }
      const reservation = await liveReservation(tx, { keyId, input, kind, startedAt });
      const judged =
        reservation === null
          ? await judgeReported(tx, {
              actor,
              caseFacts,
              action: { kind, contactPointId: input.contactPointId },
              at: startedAt,
              now,
            })
          : null;
      const decisionId = judged?.decisionId ?? reservation?.decisionId ?? null;
      const { contactId, caseChanges } = await recordContact(
        tx,
        { caseFacts, agentId: null, decisionId },
        {
          kind,
          direction: 'outbound',
          outcome: input.outcome,
          occurredAt: startedAt,
          contactPointId: input.contactPointId,
          durationSeconds: input.durationSeconds ?? durationOf(input),
          details: {
            dialer: actor.name,
            callId: input.callId,
            endedAt: input.endedAt ?? null,
            reservationId: reservation?.id ?? null,
          },
        },
      );
      const violations = judged?.verdict.violations ?? [];
      const alertId =
        violations.length === 0
          ? null
          : await raiseAlert(tx, {
              kind: 'dial_without_reservation',
              caseId: caseRow.id,
              teamId: caseRow.teamId,
              contactId,
              decisionId,
              details: {
                dialer: actor.name,
                callId: input.callId,
                ruleIds: violations.map((hit) => hit.ruleId),
              },
              now,
            });
      const answer = {
        contactId,
        reservation: reservation === null ? ('none' as const) : ('consumed' as const),
        violations: violations.map(reasonOf),
        decisionId,
        alertId,
      };
      const [row] = await tx
        .insert(dialResults)
        .values({
          integrationKeyId: keyId,
          callId: input.callId,
          requestHash,
          caseId: caseRow.id,
          reservationId: reservation?.id ?? null,
          contactId,
          decisionId,
          response: answer,
          recordedAt: now,
        })
        .returning({ id: dialResults.id });
      return { value: { output: { resultId: row!.id, ...answer }, replayed: false }, changes: caseChanges };
    },
  );
  return value;
}

async function resultOf(tx: Transaction, keyId: string, callId: string) {
  const [row] = await tx
    .select({ id: dialResults.id, requestHash: dialResults.requestHash, response: dialResults.response })
    .from(dialResults)
    .where(and(eq(dialResults.integrationKeyId, keyId), eq(dialResults.callId, callId)));
  if (!row) return null;
  return { requestHash: row.requestHash, output: { resultId: row.id, ...row.response } as DialResultOutput };
}

/**
 * The reservation this dial used: the one named, or else this key's oldest for the same case, number and kind;
 * live when no result consumed it and the dial started while it held (allowing for the dialer's clock).
 */
async function liveReservation(
  tx: Transaction,
  request: { keyId: string; input: DialResultInput; kind: 'call' | 'autodial_call'; startedAt: Date },
) {
  const { keyId, input, kind, startedAt } = request;
  const [row] = await tx
    .select({ id: dialReservations.id, decisionId: dialReservations.decisionId })
    .from(dialReservations)
    .leftJoin(dialResults, eq(dialResults.reservationId, dialReservations.id))
    .where(
      and(
        input.reservationId === undefined ? undefined : eq(dialReservations.id, input.reservationId),
        eq(dialReservations.integrationKeyId, keyId),
        eq(dialReservations.caseId, input.caseId),
        eq(dialReservations.contactPointId, input.contactPointId),
        eq(dialReservations.kind, kind),
        isNull(dialResults.id),
        lte(dialReservations.reservedAt, new Date(startedAt.getTime() + CLOCK_SKEW_MS)),
        gte(dialReservations.expiresAt, startedAt),
      ),
    )
    .orderBy(asc(dialReservations.reservedAt))
    .limit(1);
  return row ?? null;
}

function durationOf(input: DialResultInput): number | null {
  if (input.endedAt === undefined) return null;
  return Math.round((Date.parse(input.endedAt) - Date.parse(input.startedAt)) / 1000);
}
