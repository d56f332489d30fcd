import type { Role } from '../domain/enums.ts';

/**
 * What a role may do: the one table the server's procedures are built from (`permissionProcedure`) and the
 * dashboard hides its sections and pages by. The server checks these; the dashboard only hides what would be
 * refused. Scope (which cases, which team) is the services' own check on top.
 */
export const PERMISSIONS = {
  /** See cases, their timeline and verdicts (within the role's scope). */
  'case:read': ['agent', 'supervisor', 'manager', 'admin'],
  /** Act on a case: contacts, payments, debtor events, escalation requests; see the work queues. */
  'case:work': ['agent', 'supervisor'],
  /** Claim the next case from the queue and release a claim. */
  'queue:take': ['agent'],
  'case:reassign': ['supervisor', 'admin'],
  /** Run the team's cases: complaints, holds, cases placed with an agency. */
  'team:supervise': ['supervisor'],
  'compliance:audit': ['supervisor', 'manager', 'admin'],
  'compliance:override': ['supervisor'],
  'escalation:approve': ['supervisor'],
  'reports:read': ['manager', 'admin'],
  /** See every outbound message with its delivery states, and retry a failed one (judged again). */
  'outbox:read': ['supervisor', 'admin'],
  /** The print room: build the day's letter batch for the mail vendor. */
  'letters:print': ['supervisor', 'admin'],
  /** Record a letter that came back as returned mail. */
  'letters:return': ['agent', 'supervisor', 'admin'],
  'admin:manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;
/** The roles that hold `P`, as a type: what a procedure requiring `P` knows of its caller's role. */
export type RoleWith<P extends Permission> = (typeof PERMISSIONS)[P][number];

export function rolesWith<P extends Permission>(permission: P): readonly RoleWith<P>[] & readonly Role[] {
  return PERMISSIONS[permission];
}

export function can(user: { role: Role }, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(user.role);
}

/** The sections of the dashboard's navigation, each shown to the roles with its permission. */
export const NAV_SECTIONS = {
  queue: 'case:work',
  cases: 'case:read',
  compliance: 'compliance:audit',
  reports: 'reports:read',
  outbox: 'outbox:read',
  admin: 'admin:manage',
} as const satisfies Record<string, Permission>;

export type NavSection = keyof typeof NAV_SECTIONS;

export function navFor(role: Role): NavSection[] {
  return (Object.keys(NAV_SECTIONS) as NavSection[]).filter((s) => can({ role }, NAV_SECTIONS[s]));
}
