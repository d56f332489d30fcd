import type { Role } from '@arrears/shared/domain/enums';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import type { Database } from '../../../server/src/db/client.ts';
import * as s from '../../../server/src/db/schema/index.ts';
import { hashPassword } from '../../../server/src/modules/auth/password.ts';

/** Data builders: each makes one row with sensible defaults, overridable field by field. */

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | null = null;
const hashed = () => {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
};

let sequence = 0;
const next = () => ++sequence;

export async function buildTeam(db: Database, name = `Team ${next()}`) {
  const [team] = await db.insert(s.teams).values({ name }).returning();
  return team!;
}

export async function buildUser(
  db: Database,
  role: Role,
  options: { teamId?: string | null; supervises?: string[]; email?: string; name?: string } = {},
): Promise<SessionUser> {
  const n = next();
  const [user] = await db
    .insert(s.users)
    .values({
      email: options.email ?? `${role}${n}@example.test`,
      name: options.name ?? `${role} ${n}`,
      role,
      teamId: options.teamId ?? null,
      passwordHash: await hashed(),
    })
    .returning();
  for (const teamId of options.supervises ?? []) {
    await db.insert(s.supervisorTeams).values({ supervisorId: user!.id, teamId });
  }
  const teamIds = role === 'supervisor' ? (options.supervises ?? []) : options.teamId ? [options.teamId] : [];
  return {
    id: user!.id,
    email: user!.email,
    name: user!.name,
    role,
    teamIds,
    locale: user!.locale,
    timeZone: user!.timeZone,
  };
}

export async function buildPortfolio(
  db: Database,
  options: { currency?: string; country?: string; region?: string | null; name?: string } = {},
) {
  const n = next();
  const [creditor] = await db
    .insert(s.creditors)
    .values({ name: `Creditor ${n}`, country: options.country ?? 'US' })
    .returning();
  const [portfolio] = await db
    .insert(s.portfolios)
    .values({
      creditorId: creditor!.id,
      name: options.name ?? `Portfolio ${n}`,
      currency: options.currency ?? 'USD',
      jurisdictionCountry: options.country ?? 'US',
      jurisdictionRegion: options.region === undefined ? 'NY' : options.region,
    })
    .returning();
  return portfolio!;
}

export async function buildDebtor(db: Database, options: Partial<typeof s.debtors.$inferInsert> = {}) {
  const [debtor] = await db
    .insert(s.debtors)
    .values({ fullName: `Debtor ${next()}`, jurisdictionCountry: 'US', jurisdictionRegion: 'NY', ...options })
    .returning();
  return debtor!;
}

export async function buildCase(
  db: Database,
  options: Partial<typeof s.cases.$inferInsert> & { portfolioId: string; debtorId?: string },
) {
  const debtorId = options.debtorId ?? (await buildDebtor(db)).id;
  const principal = options.principalMinor ?? 100_000;
  const [row] = await db
    .insert(s.cases)
    .values({
      accountRef: `ACC-${String(next()).padStart(6, '0')}`,
      currency: 'USD',
      originalPrincipalMinor: principal,
      principalMinor: principal,
      balanceMinor: principal,
      dueDate: '2026-09-01',
      placedAt: new Date('2026-10-01T00:00:00Z'),
      ...options,
      debtorId,
    })
    .returning();
  return row!;
}
