import type { Role } from '../domain/enums.ts';
import { can, type NavSection, type Permission } from './roles.ts';

/**
 * The pages inside a navigation section, each shown to the roles with its permission. The server checks every
 * procedure itself; the dashboard uses this only to show the tabs a role can use.
 */
export const SUB_SECTIONS = {
  compliance: {
    audit: 'compliance:audit',
    qa: 'compliance:audit',
    approvals: 'escalation:approve',
    complaints: 'compliance:audit',
    team: 'team:supervise',
    letters: 'letters:print',
  },
  admin: {
    rules: 'admin:manage',
    placements: 'admin:manage',
    reminders: 'admin:manage',
    agencies: 'admin:manage',
    integrations: 'admin:manage',
  },
} as const satisfies Partial<Record<NavSection, Record<string, Permission>>>;

export type TabbedSection = keyof typeof SUB_SECTIONS;
export type SubSection<S extends TabbedSection> = keyof (typeof SUB_SECTIONS)[S] & string;

/** The permission a page of `section` needs, or undefined for a page the section does not have. */
export function subSectionPermission(section: TabbedSection, page: string): Permission | undefined {
  return (SUB_SECTIONS[section] as Record<string, Permission>)[page];
}

export function subSectionsFor<S extends TabbedSection>(section: S, role: Role): SubSection<S>[] {
  const pages = SUB_SECTIONS[section] as Record<string, Permission>;
  return Object.keys(pages).filter((page) => can({ role }, pages[page]!)) as SubSection<S>[];
}
