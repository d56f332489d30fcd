import { APPROVAL_VALID_DAYS } from '@arrears/shared/domain/approvals';
import { ESCALATION_KINDS } from '@arrears/shared/domain/enums';
import { type SQL, sql } from 'drizzle-orm';
import { escalationRequests } from '../../db/schema/index.ts';

/** Each kind's validity as SQL, from the one table in shared/ (constants, so the statement text never varies). */
const validDays = sql`case ${escalationRequests.kind} ${sql.raw(
  ESCALATION_KINDS.map((kind) => `when '${kind}' then ${APPROVAL_VALID_DAYS[kind]}`).join(' '),
)} end`;

/**
 * An escalation request that still allows its action at `at` (decision record 026): approved, not yet used by an action,
 * and decided less than its kind's validity ago. What POL-APPROVAL reads and what an action consumes.
 */
export function liveApproval(at: Date): SQL {
  const t = escalationRequests;
  return sql`(${t.status} = 'approved' and ${t.consumedAt} is null
    and ${t.decidedAt} + ${validDays} * interval '1 day' > ${at.toISOString()}::timestamptz)`;
}
