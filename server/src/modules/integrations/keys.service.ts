import { createHash, randomBytes } from 'node:crypto';
import { errorMessage } from '@arrears/shared/errors/messages';
import type { SessionUser } from '@arrears/shared/schemas/auth';
import type {
  CreatedIntegrationKey,
  createIntegrationKeyInput,
  IntegrationKeyList,
  IntegrationKeyView,
} from '@arrears/shared/schemas/integrations';
import { and, asc, desc, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database, Executor } from '../../db/client.ts';
import { integrationKeys, portfolios, teams } from '../../db/schema/index.ts';
import { AppError, invalidField } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { IntegrationActor } from '../case-core/case-core.service.ts';

type Admin = SessionUser & { role: 'admin' };
type KeyRow = typeof integrationKeys.$inferSelect;

const KEY_PREFIX = 'adk_';
/** What lists show of a key: `adk_` and the first 8 characters of its random part. */
const SHOWN_CHARACTERS = KEY_PREFIX.length + 8;

/**
 * A key is 32 random bytes (256 bits): guessing one is hopeless, so a single fast sha-256 stored at rest is enough
 * (a slow password hash guards low-entropy secrets, and would cost every request of the dialer its time).
 */
export function newApiKey(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export type KeyCheck =
  | { ok: true; key: KeyRow; actor: IntegrationActor }
  /** `keyId` names a revoked key, so its refused use is audited against it; null for a missing or unknown key. */
  | { ok: false; keyId: string | null };

/** The key of the `Authorization: Bearer …` header and the actor it acts as, or why it is refused. */
export async function authenticateKey(
  db: Executor,
  authorization: string | undefined,
  now: Date,
): Promise<KeyCheck> {
  const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(authorization ?? '');
  if (!match) return { ok: false, keyId: null };
  const [key] = await db
    .select()
    .from(integrationKeys)
    .where(eq(integrationKeys.keyHash, hashApiKey(match[1]!)));
  if (!key) return { ok: false, keyId: null };
  if (key.revokedAt !== null) return { ok: false, keyId: key.id };
  // At most once a minute (so mostly no statement at all), and never waiting on a row another request moves.
  const stale = key.lastUsedAt === null || key.lastUsedAt.getTime() < now.getTime() - LAST_USED_STEP_MS;
  if (stale) await markUsed(db, key.id, now);
  return {
    ok: true,
    key,
    actor: {
      kind: 'integration',
      id: null,
      name: key.name,
      teamIds: key.teamIds,
      portfolioIds: key.portfolioIds,
    },
  };
}

const LAST_USED_STEP_MS = 60_000;

function markUsed(db: Executor, keyId: string, now: Date) {
  return db
    .update(integrationKeys)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(integrationKeys.id, keyId),
        or(
          isNull(integrationKeys.lastUsedAt),
          lt(integrationKeys.lastUsedAt, new Date(now.getTime() - LAST_USED_STEP_MS)),
        ),
      ),
    );
}

/** Every key, newest first, with the teams and portfolios a key may be scoped to. */
export async function listKeys(db: Executor): Promise<IntegrationKeyList> {
  const [rows, teamRows, portfolioRows] = await Promise.all([
    db.select().from(integrationKeys).orderBy(desc(integrationKeys.createdAt), asc(integrationKeys.id)),
    db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name)),
    db.select({ id: portfolios.id, name: portfolios.name }).from(portfolios).orderBy(asc(portfolios.name)),
  ]);
  const teamById = new Map(teamRows.map((t) => [t.id, t]));
  const portfolioById = new Map(portfolioRows.map((p) => [p.id, p]));
  return {
    keys: rows.map((row) => viewOf(row, teamById, portfolioById)),
    teams: teamRows,
    portfolios: portfolioRows,
  };
}

function viewOf(
  row: KeyRow,
  teamById: Map<string, { id: string; name: string }>,
  portfolioById: Map<string, { id: string; name: string }>,
): IntegrationKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    teams: row.teamIds.flatMap((id) => teamById.get(id) ?? []),
    portfolios: row.portfolioIds.flatMap((id) => portfolioById.get(id) ?? []),
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** Creates a key for the named teams (and portfolios); the key in full is in the answer and nowhere else. */
export async function createKey(
  db: Database,
  options: { user: Admin; input: z.output<typeof createIntegrationKeyInput>; now: Date; ip: string | null },
): Promise<CreatedIntegrationKey> {
  const { user, input, now, ip } = options;
  const teamIds = [...new Set(input.teamIds)];
  const portfolioIds = [...new Set(input.portfolioIds)];
  return db.transaction(async (tx) => {
    const [teamRows, portfolioRows] = await Promise.all([
      tx.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, teamIds)),
      portfolioIds.length === 0
        ? Promise.resolve([])
        : tx
            .select({ id: portfolios.id, name: portfolios.name })
            .from(portfolios)
            .where(inArray(portfolios.id, portfolioIds)),
    ]);
    if (teamRows.length !== teamIds.length) throw invalidField('teamIds', errorMessage('team.notFound'));
    if (portfolioRows.length !== portfolioIds.length) {
      throw invalidField('portfolioIds', errorMessage('portfolio.notFound'));
    }
    const key = newApiKey();
    const [row] = await tx
      .insert(integrationKeys)
      .values({
        name: input.name,
        prefix: key.slice(0, SHOWN_CHARACTERS),
        keyHash: hashApiKey(key),
        teamIds,
        portfolioIds,
        createdBy: user.id,
        createdAt: now,
      })
      .returning();
    const view = viewOf(
      row!,
      new Map(teamRows.map((t) => [t.id, t])),
      new Map(portfolioRows.map((p) => [p.id, p])),
    );
    const { lastUsedAt: _, ...after } = view;
    await recordAudit(tx, {
      actorId: user.id,
      action: 'integration.keyCreated',
      entityType: 'integration_key',
      entityId: row!.id,
      after,
      ip,
      at: now,
    });
    return { key, view };
  });
}

/** Revokes a key at once; revoking a revoked key changes nothing and answers as before. */
export async function revokeKey(
  db: Database,
  options: { user: Admin; input: { keyId: string }; now: Date; ip: string | null },
): Promise<{ revokedAt: string }> {
  const { user, input, now, ip } = options;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(integrationKeys)
      .where(eq(integrationKeys.id, input.keyId))
      .for('update');
    if (!row) throw new AppError('NOT_FOUND', errorMessage('integration.notFound'));
    if (row.revokedAt !== null) return { revokedAt: row.revokedAt.toISOString() };
    await tx
      .update(integrationKeys)
      .set({ revokedAt: now, revokedBy: user.id })
      .where(eq(integrationKeys.id, row.id));
    await recordAudit(tx, {
      actorId: user.id,
      action: 'integration.keyRevoked',
      entityType: 'integration_key',
      entityId: row.id,
      before: { revokedAt: null },
      after: { revokedAt: now.toISOString() },
      ip,
      at: now,
    });
    return { revokedAt: now.toISOString() };
  });
}

/** One use of a key (or a refused one) in the audit: which route, which case, what came of it. */
export function auditKeyUse(
  db: Executor,
  use: { keyId: string; route: string; caseId: string | null; outcome: string; ip: string | null; now: Date },
): Promise<void> {
  return recordAudit(db, {
    actorId: null,
    action: `integration.${use.route}`,
    entityType: 'integration_key',
    entityId: use.keyId,
    caseId: use.caseId,
    after: { outcome: use.outcome },
    ip: use.ip,
    at: use.now,
  });
}
