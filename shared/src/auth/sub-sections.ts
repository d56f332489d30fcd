import type { Role } from '../domain/enums.ts';
import type { NavSection } from './roles.ts';

/**
 * The pages inside a navigation section, and who sees each. The server checks every procedure itself; the
 * dashboard uses this only to show the tabs a role can use.
 */
export const SUB_SECTIONS = {
  compliance: {
    audit: ['supervisor', 'manager', 'admin'],
    qa: ['supervisor', 'manager', 'admin'],
    approvals: ['supervisor'],
    complaints: ['supervisor', 'manager', 'admin'],
    team: ['supervisor'],
  },
  admin: {
    rules: ['admin'],
    placements: ['admin'],
    reminders: ['admin'],
    agencies: ['admin'],
  },
} as const satisfies Partial<Record<NavSection, Record<string, readonly Role[]>>>;

export type TabbedSection = keyof typeof SUB_SECTIONS;
export type SubSection<S extends TabbedSection> = keyof (typeof SUB_SECTIONS)[S] & string;

export function subSectionsFor<S extends TabbedSection>(section: S, role: Role): SubSection<S>[] {
  const pages = SUB_SECTIONS[section] as Record<string, readonly Role[]>;
  return Object.keys(pages).filter((page) => pages[page]!.includes(role)) as SubSection<S>[];
}
