import type { SessionUser } from '@arrears/shared/schemas/auth';
import { type SQL, sql } from 'drizzle-orm';
import { cases } from '../../db/schema/index.ts';
import { caseScope } from '../cases/cases.service.ts';

/**
 * Who changes a case. Staff is the signed-in user as the session gives it (its `kind` may be left out, so every
 * procedure passes its `user` as is); the other kinds carry no user id, so what they write names no user.
 */
export type StaffActor = SessionUser & { kind?: 'staff' };

/** The scheduler acting on its own (automated reminders): no scope to check, no user id on what it writes. */
export interface SystemActor {
  kind: 'system';
  id: null;
  name: string;
}

/** The debtor in the portal: only the cases of that debtor. */
export interface DebtorActor {
  kind: 'debtor';
  id: null;
  debtorId: string;
}

/**
 * A connected system (the dialer) acting for teams: only those teams' cases, and of them only the cases of
 * `portfolioIds` when that list is given and not empty.
 */
export interface IntegrationActor {
  kind: 'integration';
  id: null;
  name: string;
  teamIds: readonly string[];
  portfolioIds?: readonly string[];
}

/** A provider's webhook (delivery receipts, inbound replies): reaches no case until its channel scopes it. */
export interface WebhookActor {
  kind: 'webhook';
  id: null;
  provider: string;
}

export type Actor = StaffActor | SystemActor | DebtorActor | IntegrationActor | WebhookActor;

/** The condition on `cases` an actor may change: what withCase checks under the debtor lock. */
export function actorScope(actor: Actor): SQL {
  switch (actor.kind) {
    case undefined:
    case 'staff':
      return caseScope(actor);
    case 'system':
      return sql`true`;
    case 'debtor':
      return sql`${cases.debtorId} = ${actor.debtorId}::uuid`;
    case 'integration': {
      if (actor.teamIds.length === 0) return sql`false`;
      const teams = sql`${cases.teamId} in (${uuidList(actor.teamIds)})`;
      const portfolioIds = actor.portfolioIds ?? [];
      return portfolioIds.length === 0
        ? teams
        : sql`${teams} and ${cases.portfolioId} in (${uuidList(portfolioIds)})`;
    }
    case 'webhook':
      return sql`false`;
  }
}

function uuidList(ids: readonly string[]): SQL {
  return sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
}

/** The user id stored on what the actor writes (audit events, decisions, contacts): null unless staff. */
export function actorUserId(actor: Actor): string | null {
  return actor.kind === undefined || actor.kind === 'staff' ? actor.id : null;
}
