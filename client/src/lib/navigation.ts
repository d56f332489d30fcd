import { can, type NavSection } from '@arrears/shared/auth/roles';
import type { Role } from '@arrears/shared/domain/enums';

export function sectionPath(section: NavSection): string {
  return `/${section}`;
}

/** Where a person lands on signing in: agents, who take from the queue, start there; others in Cases. */
export function homeSectionFor(role: Role): NavSection {
  return can({ role }, 'queue:take') ? 'queue' : 'cases';
}

export function homePathFor(role: Role): string {
  return sectionPath(homeSectionFor(role));
}
