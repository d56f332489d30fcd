import type { Role } from '../domain/enums.ts';

/** What a role may do. The server checks these; the dashboard only uses them to hide what would be refused. */
export const PERMISSIONS = {
  'case:read': ['agent', 'supervisor', 'manager', 'admin'],
  'case:work': ['agent', 'supervisor'],
  'case:reassign': ['supervisor', 'admin'],
  'compliance:audit': ['supervisor', 'manager', 'admin'],
  'compliance:override': ['supervisor'],
  'escalation:approve': ['supervisor'],
  'reports:read': ['manager', 'admin'],
  'admin:manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(user: { role: Role }, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(user.role);
}

/** The sections of the dashboard's navigation, and who sees each. */
export const NAV_SECTIONS = {
  queue: ['agent', 'supervisor'],
  cases: ['agent', 'supervisor', 'manager', 'admin'],
  compliance: ['supervisor', 'manager', 'admin'],
  reports: ['manager', 'admin'],
  admin: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type NavSection = keyof typeof NAV_SECTIONS;

export function navFor(role: Role): NavSection[] {
  return (Object.keys(NAV_SECTIONS) as NavSection[]).filter((s) =>
    (NAV_SECTIONS[s] as readonly Role[]).includes(role),
  );
}
