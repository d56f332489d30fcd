import type { Role } from '@arrears/shared/domain/enums';

/** One password for every demo sign-in; printed by `pnpm db:seed` and the server's start-up banner. */
export const DEMO_PASSWORD = 'arrears-demo';

export const DEMO_TEAMS = ['US Collections', 'China Collections'] as const;
export type DemoTeam = (typeof DEMO_TEAMS)[number];

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  /** An agent's team: the pool their cases come from. */
  team: DemoTeam | null;
  /** The teams a supervisor runs (rows in `supervisor_teams`). */
  supervises: readonly DemoTeam[];
  locale: string;
  timeZone: string;
}

const US = { locale: 'en-US', timeZone: 'America/New_York' } as const;
const CN = { locale: 'zh-CN', timeZone: 'Asia/Shanghai' } as const;

export const DEMO_USERS: readonly DemoUser[] = [
  {
    email: 'alice@arrearsdesk.demo',
    name: 'Alice Walker',
    role: 'agent',
    team: 'US Collections',
    supervises: [],
    ...US,
  },
  {
    email: 'bob@arrearsdesk.demo',
    name: 'Bob Martinez',
    role: 'agent',
    team: 'US Collections',
    supervises: [],
    ...US,
  },
  {
    email: 'carmen@arrearsdesk.demo',
    name: 'Carmen Diaz',
    role: 'agent',
    team: 'US Collections',
    supervises: [],
    ...US,
  },
  {
    email: 'li.wei@arrearsdesk.demo',
    name: 'Li Wei',
    role: 'agent',
    team: 'China Collections',
    supervises: [],
    ...CN,
  },
  {
    email: 'zhang.min@arrearsdesk.demo',
    name: 'Zhang Min',
    role: 'agent',
    team: 'China Collections',
    supervises: [],
    ...CN,
  },
  {
    email: 'sam@arrearsdesk.demo',
    name: 'Sam Okafor',
    role: 'supervisor',
    team: null,
    supervises: ['US Collections'],
    ...US,
  },
  {
    email: 'mei@arrearsdesk.demo',
    name: 'Mei Lin',
    role: 'supervisor',
    team: null,
    supervises: ['China Collections'],
    ...CN,
  },
  {
    email: 'morgan@arrearsdesk.demo',
    name: 'Morgan Reyes',
    role: 'manager',
    team: null,
    supervises: [],
    ...US,
  },
  { email: 'ada@arrearsdesk.demo', name: 'Ada Byrne', role: 'admin', team: null, supervises: [], ...US },
];

const AGENTS = new Map(
  DEMO_TEAMS.map((team) => [
    team,
    DEMO_USERS.filter((u) => u.role === 'agent' && u.team === team).map((u) => u.email),
  ]),
);

export const agentsOf = (team: DemoTeam): readonly string[] => AGENTS.get(team) ?? [];

export const supervisorOf = (team: DemoTeam): string => {
  const supervisor = DEMO_USERS.find((u) => u.supervises.includes(team));
  if (!supervisor) throw new Error(`no demo supervisor runs ${team}`);
  return supervisor.email;
};

/**
 * The start-up banner's sign-ins: every demo user, one line per role and team, so the banner can never list fewer
 * people than the seed makes (the README's table lists the same; a unit test holds the two together).
 */
export function demoSignInLines(): string[] {
  const lines: string[] = [];
  for (const role of ['agent', 'supervisor', 'manager', 'admin'] as const) {
    const groups = new Map<string, string[]>();
    for (const user of DEMO_USERS.filter((u) => u.role === role)) {
      const team = user.team ?? user.supervises.join(', ');
      groups.set(team, [...(groups.get(team) ?? []), user.email]);
    }
    for (const [team, emails] of groups) {
      lines.push(`    ${role.padEnd(11)} ${emails.join(', ')}${team ? `  (${team})` : ''}`);
    }
  }
  return lines;
}
