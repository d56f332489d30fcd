import type { NavSection } from '@arrears/shared/auth/roles';
import type { Role } from '@arrears/shared/domain/enums';

export function sectionPath(section: NavSection): string {
  return `/${section}`;
}

/** Where a person lands after signing in: agents start their day in the queue, everyone else in Cases. */
export function homeSectionFor(role: Role): NavSection {
  return role === 'agent' ? 'queue' : 'cases';
}

export function homePathFor(role: Role): string {
  return sectionPath(homeSectionFor(role));
}
