import type { NavSection } from '@arrears/shared/auth/roles';
import type { Role } from '@arrears/shared/domain/enums';

export function sectionPath(section: NavSection): string {
  return `/${section}`;
}

/**
 * Where a person lands after signing in. Cases is the one section every role has; the agent's home moves to
 * the queue once the workbench exists.
 */
export function homePathFor(_role: Role): string {
  return sectionPath('cases');
}
