import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { bucketFor, daysPastDue } from '@arrears/shared/domain/buckets';
import { errorMessage } from '@arrears/shared/errors/messages';
import type {
  PlacementCommitMode,
  PlacementCommitResult,
  PlacementCounts,
  PlacementSummary,
} from '@arrears/shared/schemas/placements';
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { type Database, type Executor, queryRows } from '../../db/client.ts';
import { caseQueueState, cases, placements, portfolios, teams, users } from '../../db/schema/index.ts';
import { AppError, invalidField } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { CaseRow, ContactPointRow, DebtorRow } from '../case-core/case-core.service.ts';
import { type FreshCase, judgeFresh } from './judge-fresh.ts';
import { type ParsedFile, parsePlacementFile } from './parse-file.ts';
import type { ValidRow } from './validate-row.ts';
import { PhoneZones } from './zones.ts';

/** A file read and checked against a portfolio, waiting for the admin's commit. Nothing of it is in the database. */
export interface StagedImport {
  token: string;
  userId: string | null;
  portfolioId: string;
  portfolioName: string;
  teamId: string | null;
  fileName: string;
  parsed: ParsedFile;
  /** Account references of valid rows the portfolio already holds when the preview was made. */
  existingRefs: Set<string>;
  counts: PlacementCounts;
  alreadyImported: PlacementSummary | null;
  stagedAt: number;
}

const ROW_CHUNK = 5_000;

interface Phases {
  judgeMs: number;
  writeMs: number;
}

type Portfolio = typeof portfolios.$inferSelect;

async function portfolioById(db: Executor, portfolioId: string): Promise<Portfolio> {
  const [portfolio] = await db.select().from(portfolios).where(eq(portfolios.id, portfolioId));
  if (!portfolio) throw new AppError('NOT_FOUND', errorMessage('portfolio.notFound'));
  return portfolio;
}

/** The team that received the portfolio's latest placement: the default home of new cases. */
export async function defaultTeamOf(db: Executor, portfolioId: string): Promise<string | null> {
  const [row] = await db
    .select({ teamId: cases.teamId })
    .from(cases)
    .where(and(eq(cases.portfolioId, portfolioId), isNotNull(cases.teamId)))
    .orderBy(desc(cases.placedAt))
    .limit(1);
  return row?.teamId ?? null;
}

async function resolveTeam(
  db: Executor,
  portfolioId: string,
  teamId: string | undefined,
): Promise<string | null> {
  if (teamId === undefined) return defaultTeamOf(db, portfolioId);
  const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
  if (!team) throw invalidField('teamId', errorMessage('team.noSuchTeam'));
  return team.id;
}

export async function findPlacementByHash(
  db: Executor,
  portfolioId: string,
  fileSha256: string,
): Promise<PlacementSummary | null> {
  const rows = await listPlacements(db, { portfolioId, fileSha256, limit: 1 });
  return rows[0] ?? null;
}

export async function listPlacements(
  db: Executor,
  filter: { portfolioId?: string | undefined; fileSha256?: string; limit: number },
): Promise<PlacementSummary[]> {
  const conditions = [
    filter.portfolioId ? eq(placements.portfolioId, filter.portfolioId) : undefined,
    filter.fileSha256 ? eq(placements.fileSha256, filter.fileSha256) : undefined,
  ].filter((c) => c !== undefined);
  const rows = await db
    .select({
      id: placements.id,
      portfolioId: placements.portfolioId,
      portfolioName: portfolios.name,
      fileName: placements.fileName,
      fileSha256: placements.fileSha256,
      rowCount: placements.rowCount,
      placedAt: placements.placedAt,
      importedBy: users.name,
    })
    .from(placements)
    .innerJoin(portfolios, eq(portfolios.id, placements.portfolioId))
    .leftJoin(users, eq(users.id, placements.importedBy))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(placements.placedAt), desc(placements.id))
    .limit(filter.limit);
  return rows.map((r) => ({ ...r, placedAt: r.placedAt.toISOString(), importedBy: r.importedBy ?? null }));
}

/** The account references among `refs` that the portfolio already holds. */
async function existingAccountRefs(db: Executor, portfolioId: string, refs: string[]): Promise<Set<string>> {
  if (refs.length === 0) return new Set();
  const rows = await queryRows<{ ref: string }>(
    db,
    sql`select ${cases.accountRef} as ref from ${cases}
        where ${cases.portfolioId} = ${portfolioId}
          and ${cases.accountRef} in (select jsonb_array_elements_text(${JSON.stringify(refs)}::jsonb))`,
  );
  return new Set(rows.map((r) => r.ref));
}

export interface StageOptions {
  userId: string | null;
  portfolioId: string;
  teamId?: string | undefined;
  fileName: string;
  source: Readable | string;
  now: Date;
}

/** Reads and validates a file against a portfolio without writing anything: the preview. */
export async function stageImport(db: Executor, options: StageOptions): Promise<StagedImport> {
  const portfolio = await portfolioById(db, options.portfolioId);
  const teamId = await resolveTeam(db, portfolio.id, options.teamId);
  const source =
    typeof options.source === 'string'
      ? Readable.from([Buffer.from(options.source, 'utf8')])
      : options.source;
  const parsed = await parsePlacementFile(source, {
    country: portfolio.jurisdictionCountry,
    region: portfolio.jurisdictionRegion,
    currency: portfolio.currency,
    today: options.now.toISOString().slice(0, 10),
    phoneZones: new PhoneZones(),
  });
  const existingRefs = await existingAccountRefs(
    db,
    portfolio.id,
    parsed.valid.map((r) => r.accountRef),
  );
  const alreadyImported = await findPlacementByHash(db, portfolio.id, parsed.fileSha256);
  return {
    token: randomUUID(),
    userId: options.userId,
    portfolioId: portfolio.id,
    portfolioName: portfolio.name,
    teamId,
    fileName: options.fileName,
    parsed,
    existingRefs,
    counts: {
      rows: parsed.rows,
      valid: parsed.valid.length,
      invalid: parsed.invalidRows,
      alreadyPlaced: existingRefs.size,
      toCreate: parsed.valid.length - existingRefs.size,
      ambiguousZone: parsed.valid.filter((r) => r.ambiguousZone).length,
    },
    alreadyImported,
    stagedAt: options.now.getTime(),
  };
}

export interface CommitOptions {
  mode: PlacementCommitMode;
  actorId: string | null;
  ip: string | null;
  now: Date;
  /** Told how long each step of the write took (the bench prints it). */
  onPhase?: (phase: 'write' | 'judge', ms: number) => void;
}

/**
 * Writes a staged file in one transaction: all of it, or nothing. `all` refuses a file with any error;
 * `valid_only` leaves the bad rows out. The same file (by SHA-256) in the same portfolio is imported once: a
 * second commit answers `already_imported` and writes nothing. Rows whose account reference the portfolio
 * already holds are skipped, so an overlapping later file does not duplicate accounts. Imports into one
 * portfolio are serialised by an advisory lock, so two admins committing at once cannot both pass the checks.
 * The new cases are judged by the compliance engine in the same transaction, so they arrive in the queues
 * with their priority and workable instant.
 */
export async function commitImport(
  db: Database,
  staged: StagedImport,
  options: CommitOptions,
): Promise<PlacementCommitResult> {
  const { parsed } = staged;
  if (parsed.fileErrors.length > 0) {
    throw new AppError('PRECONDITION_FAILED', errorMessage('import.fileHasErrors'));
  }
  if (options.mode === 'all' && parsed.invalidRows > 0) {
    throw new AppError(
      'PRECONDITION_FAILED',
      errorMessage('import.rowsHaveErrors', { count: parsed.invalidRows }),
    );
  }
  if (staged.teamId === null) {
    throw new AppError('PRECONDITION_FAILED', errorMessage('import.chooseTeam'));
  }
  const teamId = staged.teamId;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`placement:${staged.portfolioId}`}))`);
    const before = await findPlacementByHash(tx, staged.portfolioId, parsed.fileSha256);
    if (before) {
      return {
        outcome: 'already_imported',
        placement: before,
        created: 0,
        skippedExisting: 0,
        skippedInvalid: 0,
      };
    }
    const portfolio = await portfolioById(tx, staged.portfolioId);
    const existing = await existingAccountRefs(
      tx,
      portfolio.id,
      parsed.valid.map((r) => r.accountRef),
    );
    const fresh = parsed.valid.filter((r) => !existing.has(r.accountRef));
    const placementId = randomUUID();
    await tx.insert(placements).values({
      id: placementId,
      portfolioId: portfolio.id,
      fileName: staged.fileName,
      fileSha256: parsed.fileSha256,
      rowCount: fresh.length,
      placedAt: options.now,
      importedBy: options.actorId,
    });
    const phases = await insertRows(tx, fresh, { portfolio, placementId, teamId, now: options.now });
    options.onPhase?.('judge', phases.judgeMs);
    options.onPhase?.('write', phases.writeMs);
    const result = {
      created: fresh.length,
      skippedExisting: existing.size,
      skippedInvalid: parsed.invalidRows,
    };
    await recordAudit(tx, {
      actorId: options.actorId,
      action: 'placement.imported',
      entityType: 'placement',
      entityId: placementId,
      after: {
        portfolioId: portfolio.id,
        fileName: staged.fileName,
        fileSha256: parsed.fileSha256,
        mode: options.mode,
        rows: parsed.rows,
        teamId,
        ...result,
      },
      ip: options.ip,
    });
    const placement = await findPlacementByHash(tx, portfolio.id, parsed.fileSha256);
    return { outcome: 'imported', placement: placement!, ...result };
  });
}

interface InsertContext {
  portfolio: Portfolio;
  placementId: string;
  teamId: string;
  now: Date;
}

/** The rows of one placed account, as the database will hold them. */
function freshCase(row: ValidRow, ctx: InsertContext, today: string): FreshCase {
  const { now, portfolio } = ctx;
  const debtor: DebtorRow = {
    id: randomUUID(),
    fullName: row.fullName,
    language: row.language,
    dateOfBirth: row.dateOfBirth,
    nationalIdMasked: row.nationalIdMasked,
    jurisdictionCountry: portfolio.jurisdictionCountry,
    jurisdictionRegion: row.region,
    explicitTimeZone: row.explicitTimeZone,
    deceasedAt: null,
    bankruptcyFiledAt: null,
    attorneyName: null,
    attorneyContact: null,
    attorneySince: null,
    ceaseRequestedAt: null,
    military: false,
    inconvenientTimes: [],
    consentedTimes: [],
    esignConsentAt: null,
    createdAt: now,
    updatedAt: now,
  };
  const points = row.contactPoints.map(
    (point, i): ContactPointRow => ({
      id: randomUUID(),
      debtorId: debtor.id,
      kind: point.kind,
      value: point.value,
      label: point.label,
      timeZone: point.timeZone,
      verified: false,
      consentAutodial: point.consentAutodial,
      consentSms: point.consentSms,
      consentGivenAt: point.consentSms || point.consentAutodial ? now : null,
      consentRevokedAt: null,
      employerProhibits: false,
      inconvenient: false,
      // The column's default, as before placement files said where a point came from; never checked, never bounced.
      provenance: 'debtor_given',
      creditorNoticeAt: null,
      reassignedCheckedAt: null,
      undeliverableSince: null,
      // A millisecond apart, the address first: the first candidate zone decides the calendar (docs/compliance/CATALOG.md, principle 3).
      createdAt: new Date(now.getTime() + i),
    }),
  );
  const dpd = daysPastDue(row.dueDate, today);
  const caseRow: CaseRow = {
    id: randomUUID(),
    accountRef: row.accountRef,
    debtorId: debtor.id,
    portfolioId: portfolio.id,
    placementId: ctx.placementId,
    currency: portfolio.currency,
    originalPrincipalMinor: row.principalMinor,
    principalMinor: row.principalMinor,
    interestMinor: row.interestMinor,
    feesMinor: row.feesMinor,
    paidMinor: 0,
    balanceMinor: row.principalMinor + row.interestMinor + row.feesMinor,
    dueDate: row.dueDate,
    daysPastDue: dpd,
    bucket: bucketFor(dpd),
    stage: 'reminder',
    status: 'active',
    assignedAgentId: null,
    teamId: ctx.teamId,
    holdFrom: null,
    holdUntil: null,
    holdReason: null,
    initialCommunicationAt: null,
    validationNoticeSentAt: null,
    validationPeriodEndsOn: null,
    limitationsExpiresAt: null,
    placedAt: now,
    closedAt: null,
    lastContactAt: null,
    claimedBy: null,
    claimExpiresAt: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  return { caseRow, debtor, points };
}

/**
 * Debtors, their contact points and cases, `ROW_CHUNK` rows per statement: each chunk travels as one JSON
 * parameter expanded by `jsonb_to_recordset`, which both drivers (PGlite and postgres.js) take and which keeps
 * a 100,000-row file to a few dozen round trips. Each case is judged in memory first (judge-fresh.ts) and written
 * once, with its workable instant and priority. A chunk is built and judged while the previous one is written.
 */
async function insertRows(tx: Executor, rows: ValidRow[], ctx: InsertContext): Promise<Phases> {
  const today = ctx.now.toISOString().slice(0, 10);
  const phases: Phases = { judgeMs: 0, writeMs: 0 };
  const at = ctx.now.toISOString();
  let inflight: Promise<unknown> = Promise.resolve();
  for (let start = 0; start < rows.length; start += ROW_CHUNK) {
    let started = performance.now();
    const fresh = rows.slice(start, start + ROW_CHUNK).map((row) => freshCase(row, ctx, today));
    const judged = judgeFresh(fresh, ctx.portfolio, ctx.now);
    const debtorRows = fresh.map(({ debtor: d }) => ({
      id: d.id,
      full_name: d.fullName,
      language: d.language,
      date_of_birth: d.dateOfBirth,
      national_id_masked: d.nationalIdMasked,
      jurisdiction_country: d.jurisdictionCountry,
      jurisdiction_region: d.jurisdictionRegion,
      explicit_time_zone: d.explicitTimeZone,
    }));
    const pointRows = fresh.flatMap(({ points }) =>
      points.map((p) => ({
        id: p.id,
        debtor_id: p.debtorId,
        kind: p.kind,
        value: p.value,
        label: p.label,
        time_zone: p.timeZone,
        consent_sms: p.consentSms,
        consent_autodial: p.consentAutodial,
        consent_given_at: p.consentGivenAt?.toISOString() ?? null,
        created_at: p.createdAt.toISOString(),
      })),
    );
    const caseRows = fresh.map(({ caseRow: c }, i) => ({
      id: c.id,
      account_ref: c.accountRef,
      debtor_id: c.debtorId,
      original_principal_minor: c.originalPrincipalMinor,
      principal_minor: c.principalMinor,
      interest_minor: c.interestMinor,
      fees_minor: c.feesMinor,
      balance_minor: c.balanceMinor,
      due_date: c.dueDate,
      days_past_due: c.daysPastDue,
      bucket: c.bucket,
      priority: judged[i]!.priority,
      next_workable_at: judged[i]!.nextWorkableAt?.toISOString() ?? null,
      blocked_rule_id: judged[i]!.blockedRuleId,
      blocked_reason_code: judged[i]!.blockedReasonCode,
      blocked_reason_params: judged[i]!.blockedReasonParams,
    }));
    const statements = [
      sql`
      insert into debtors (id, full_name, language, date_of_birth, national_id_masked, jurisdiction_country,
                           jurisdiction_region, explicit_time_zone, created_at, updated_at)
      select x.id, x.full_name, x.language, x.date_of_birth, x.national_id_masked, x.jurisdiction_country,
             x.jurisdiction_region, x.explicit_time_zone, ${at}::timestamptz, ${at}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(debtorRows)}::jsonb) as x(
        id uuid, full_name text, language text, date_of_birth date, national_id_masked text,
        jurisdiction_country text, jurisdiction_region text, explicit_time_zone text)`,
    ];
    if (pointRows.length > 0) {
      statements.push(sql`
        insert into contact_points (id, debtor_id, kind, value, label, time_zone, consent_sms, consent_autodial,
                                    consent_given_at, created_at)
        select x.id, x.debtor_id, x.kind::contact_point_kind, x.value, x.label, x.time_zone, x.consent_sms,
               x.consent_autodial, x.consent_given_at, x.created_at
        from jsonb_to_recordset(${JSON.stringify(pointRows)}::jsonb) as x(
          id uuid, debtor_id uuid, kind text, value text, label text, time_zone text, consent_sms boolean,
          consent_autodial boolean, consent_given_at timestamptz, created_at timestamptz)`);
    }
    // The cases and their queue rows (case_queue_state) in one statement: the rows carry the judgements, so the
    // trigger that gives a new case its queue row finds them there; a new debtor's zone hint as that trigger sets it.
    statements.push(sql`
      with x as (
        select * from jsonb_to_recordset(${JSON.stringify(caseRows)}::jsonb) as x(
          id uuid, account_ref text, debtor_id uuid, original_principal_minor bigint, principal_minor bigint,
          interest_minor bigint, fees_minor bigint, balance_minor bigint, due_date date, days_past_due integer,
          bucket text, priority integer, next_workable_at timestamptz, blocked_rule_id text,
          blocked_reason_code text, blocked_reason_params jsonb)),
      inserted as (
        insert into cases (id, account_ref, debtor_id, portfolio_id, placement_id, currency, original_principal_minor,
                           principal_minor, interest_minor, fees_minor, balance_minor, due_date, days_past_due, bucket,
                           stage, status, team_id, placed_at, created_at, updated_at)
        select x.id, x.account_ref, x.debtor_id, ${ctx.portfolio.id}::uuid, ${ctx.placementId}::uuid,
               ${ctx.portfolio.currency}, x.original_principal_minor, x.principal_minor, x.interest_minor,
               x.fees_minor, x.balance_minor, x.due_date, x.days_past_due, x.bucket::bucket, 'reminder', 'active',
               ${ctx.teamId}::uuid, ${at}::timestamptz, ${at}::timestamptz, ${at}::timestamptz
        from x)
      insert into ${caseQueueState} (case_id, debtor_id, status, team_id, priority, next_workable_at, blocked_rule_id,
                                     blocked_reason_code, blocked_reason_params, calendar_zone_hint)
      select x.id, x.debtor_id, 'active', ${ctx.teamId}::uuid, x.priority, x.next_workable_at, x.blocked_rule_id,
             x.blocked_reason_code, x.blocked_reason_params, debtor_zone_hint(x.debtor_id)
      from x`);
    phases.judgeMs += performance.now() - started;
    // The previous chunk's statements ran in the database while this chunk was built and judged here.
    started = performance.now();
    await inflight;
    phases.writeMs += performance.now() - started;
    // Sent in order without waiting in between (postgres.js pipelines them on the transaction's connection).
    inflight = Promise.all(statements.map((statement) => tx.execute(statement)));
    // Awaited before the next chunk is sent, or at the end; until then a failure must not count as unhandled.
    inflight.catch(() => {});
  }
  const started = performance.now();
  await inflight;
  phases.writeMs += performance.now() - started;
  return phases;
}
