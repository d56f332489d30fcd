import type { Role } from '@arrears/shared/domain/enums';
import { apiError } from '@arrears/shared/schemas/api-error';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows } from '../../server/src/db/client.ts';
import { seedDemoBook } from '../../server/src/db/seed/demo-book.ts';
import { DEMO_PASSWORD } from '../../server/src/db/seed/demo-users.ts';
import { logger } from '../../server/src/logger.ts';
import { createSession, SESSION_COOKIE } from '../../server/src/modules/auth/session.ts';
import { appRouter } from '../../server/src/trpc/router.ts';
import { createTestDatabase } from './support/db.ts';
import { type HttpAnswer, type HttpApp, startHttpApp } from './support/http-app.ts';
import {
  type Leaf,
  type LeafKind,
  leavesOf,
  type Schema,
  validInput,
  valueAt,
  type World,
  withValueAt,
} from './support/zod-arbitrary.ts';

/**
 * Every procedure of the router, called over HTTP on a seeded book with inputs made from its own contract:
 * valid ones, and each field broken every way a client or an attacker might (decision 019). Whatever comes in,
 * the answer is never a 5xx, and every refusal is the JSON error contract. `FUZZ_SEED` and `FUZZ_RUNS` vary the
 * random part; the field-by-field probes run every time.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_207);
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);

/** Who calls each procedure: a role allowed to. `fresh` is a new session per call (the call ends it). */
type Caller = Role | 'signed_out' | 'fresh';
const FUZZ: Record<string, Caller> = {
  'agencies.choices': 'agent',
  'agencies.create': 'admin',
  'agencies.list': 'supervisor',
  'agencies.placements': 'supervisor',
  'agencies.recall': 'supervisor',
  'agencies.recordPayment': 'supervisor',
  'agencies.update': 'admin',
  'approvals.list': 'supervisor',
  'auth.me': 'agent',
  'auth.setLanguage': 'agent',
  'auth.signIn': 'signed_out',
  'auth.signOut': 'fresh',
  'cases.filterOptions': 'supervisor',
  'channels.classifyReply': 'agent',
  'channels.outbox': 'supervisor',
  'channels.replies': 'agent',
  'channels.repliesToRead': 'agent',
  'channels.retry': 'supervisor',
  'channels.saveSettings': 'admin',
  'channels.settings': 'admin',
  'channels.timeline': 'supervisor',
  'cases.list': 'supervisor',
  'casework.addNote': 'supervisor',
  'casework.get': 'supervisor',
  'casework.recordAttorney': 'supervisor',
  'casework.recordBankruptcy': 'supervisor',
  'casework.recordCease': 'supervisor',
  'casework.recordComplaint': 'supervisor',
  'casework.recordDeath': 'supervisor',
  'casework.recordDispute': 'supervisor',
  'casework.recordOptOut': 'supervisor',
  'casework.recordVerificationSent': 'supervisor',
  'casework.revealContact': 'supervisor',
  'casework.revokeConsent': 'supervisor',
  'casework.markUndeliverable': 'supervisor',
  'casework.scheduleCallback': 'supervisor',
  'casework.sendStatement': 'supervisor',
  'casework.setHold': 'supervisor',
  'casework.statement': 'supervisor',
  'casework.timeline': 'supervisor',
  'complaints.assign': 'supervisor',
  'complaints.assignees': 'supervisor',
  'complaints.investigate': 'supervisor',
  'complaints.list': 'supervisor',
  'complaints.resolve': 'supervisor',
  'compliance.check': 'supervisor',
  'compliance.decisions': 'supervisor',
  'compliance.override': 'supervisor',
  'contacts.contactThirdParty': 'agent',
  'contacts.logCall': 'agent',
  'contacts.sendMessage': 'agent',
  'escalations.decide': 'supervisor',
  'escalations.fileLegalAction': 'supervisor',
  'escalations.placeWithAgency': 'supervisor',
  'escalations.request': 'agent',
  'escalations.scheduleFieldVisit': 'supervisor',
  'integrations.create': 'admin',
  'integrations.list': 'admin',
  'integrations.revoke': 'admin',
  'ladder.policies': 'admin',
  'ladder.runs': 'supervisor',
  'ladder.updatePolicy': 'admin',
  'letters.batchZip': 'supervisor',
  'letters.buildBatch': 'supervisor',
  'letters.markReturned': 'supervisor',
  'letters.overview': 'supervisor',
  'letters.preview': 'supervisor',
  'letters.queue': 'supervisor',
  'oversight.decision': 'supervisor',
  'oversight.figures': 'manager',
  'oversight.heatMap': 'supervisor',
  'oversight.list': 'supervisor',
  'oversight.options': 'admin',
  'oversight.qaSample': 'supervisor',
  'oversight.review': 'supervisor',
  'payments.list': 'agent',
  'payments.recordPayment': 'agent',
  'payments.recordPlan': 'agent',
  'payments.recordPromise': 'agent',
  'placements.commit': 'admin',
  'placements.errors': 'admin',
  'placements.list': 'admin',
  'placements.options': 'admin',
  'placements.preview': 'admin',
  'queues.counts': 'supervisor',
  'queues.list': 'supervisor',
  'queues.next': 'agent',
  'queues.release': 'agent',
  'reminders.list': 'admin',
  'reminders.save': 'admin',
  'reminders.templates': 'admin',
  'reports.agency': 'manager',
  'reports.agentLeague': 'manager',
  'reports.collected': 'manager',
  'reports.contactsPerCollected': 'manager',
  'reports.csv': 'admin',
  'reports.liquidation': 'manager',
  'reports.portfolios': 'manager',
  'reports.promiseKept': 'manager',
  'reports.rightParty': 'manager',
  'reports.rollRates': 'manager',
  'reports.teamLeague': 'manager',
  'reports.vintage': 'manager',
  'rules.catalog': 'supervisor',
  'rules.portfolios': 'admin',
  'rules.updatePortfolioParameters': 'admin',
  'team.alerts': 'supervisor',
  'team.cases': 'supervisor',
  'team.overview': 'supervisor',
  'team.reassign': 'supervisor',
};
const DEMO_SIGN_INS: Record<Role, string> = {
  agent: 'alice@arrearsdesk.demo',
  supervisor: 'sam@arrearsdesk.demo',
  manager: 'morgan@arrearsdesk.demo',
  admin: 'ada@arrearsdesk.demo',
};
/** Signs itself out on every call: its own user, so no other procedure loses its session. */
const FRESH_SESSION_USER = 'bob@arrearsdesk.demo';

interface Procedure {
  _def: { type: 'query' | 'mutation' | 'subscription'; inputs: Schema[] };
}
const procedures = appRouter._def.procedures as unknown as Record<string, Procedure>;

/** A stand-in a number field is sent as, written out as the bare token JSON has no word for. */
const RAW = { nan: '__fuzz_NaN__', infinity: '__fuzz_Infinity__' } as const;
const deeplyNested = (depth: number): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

/** Each way a field of a kind is broken; `huge` is what a size-unbounded field would have to store. */
function brokenValues(kind: LeafKind, current: unknown, huge: number): unknown[] {
  const wrongTypes = [42, true, null, {}, ['x']];
  switch (kind) {
    case 'text':
      return [
        '\u0000',
        'a\u0000b',
        '\uD800',
        'x\uDFFFy',
        '\u001B[2J',
        '\uFEFF\u200B',
        'x'.repeat(huge),
        ...wrongTypes,
      ];
    case 'id': {
      const id = typeof current === 'string' ? current : '6f9619ff-8b86-4d11-b42d-00c04fc964ff';
      return [
        id.toUpperCase(),
        `${id}\u0000`,
        ` ${id}`,
        'not-a-uuid',
        '00000000-0000-0000-0000-000000000000',
        42,
      ];
    }
    case 'date':
      return [
        '0000-01-01',
        '9999-12-31',
        '-000001-01-01',
        '+275760-09-13',
        '2026-02-30',
        '1899-12-31',
        '',
        20_261_207,
      ];
    case 'instant':
      return [
        '0000-01-01T00:00:00Z',
        '9999-12-31T23:59:59Z',
        '-000001-01-01T00:00:00Z',
        '+275760-09-13T00:00:00Z',
        '2026-02-30T00:00:00Z',
        '2200-12-31T23:59:59-14:00',
        '1900-01-01T00:00:00+14:00',
        0,
      ];
    case 'number':
      return [RAW.nan, RAW.infinity, null, 1e308, -1e308, 2 ** 53 + 1, -(2 ** 63), 1.5, -0, '12'];
    case 'boolean':
      return ['true', 1, null];
    case 'choice':
      return ['no-such-choice', '', 0, null];
    case 'array':
      return [Array.from({ length: 10_000 }, () => current ?? 'x'), [], 'x', deeplyNested(500)];
  }
}

/** Whole inputs that are not the input at all. */
function brokenInputs(base: unknown): unknown[] {
  const object = base !== null && typeof base === 'object' && !Array.isArray(base) ? base : {};
  return [
    undefined,
    null,
    {},
    [],
    'input',
    42,
    { ...object, notAField: 'x', constructor: { prototype: 'x' } },
    deeplyNested(1000),
    Array.from({ length: 10_000 }, () => base ?? 0),
  ];
}

interface Call {
  input: unknown;
  /** The body as sent when it is not plain JSON of `input`. */
  raw?: string;
}

function encode(input: unknown): Call {
  const text = JSON.stringify(input);
  if (text === undefined || (!text.includes(RAW.nan) && !text.includes(RAW.infinity))) return { input };
  return { input, raw: text.replaceAll(`"${RAW.nan}"`, 'NaN').replaceAll(`"${RAW.infinity}"`, 'Infinity') };
}

/** A few of `list`, the same ones for the same seed. */
function someOf<T>(list: T[], count: number, seed: number): T[] {
  const size = Math.min(count, list.length);
  return fc.sample(fc.shuffledSubarray(list, { minLength: size, maxLength: size }), { numRuns: 1, seed })[0]!;
}

/**
 * What one procedure is sent: every field-by-field probe its contract accepts (those reach the handler, where a
 * 500 would come from), a few it refuses and a few whole inputs that are no input at all (one code path for
 * every procedure: the procedure base), and `RUNS` random inputs, valid or broken in one field.
 */
function callsFor(path: string, procedure: Procedure, world: World): { made: number; calls: Call[] } {
  const schema = procedure._def.inputs[0];
  const seed = SEED + ([...path].reduce((sum, char) => sum * 31 + char.charCodeAt(0), 0) % 1_000_000);
  const huge = procedure._def.type === 'query' ? 12_000 : 200_000;
  if (!schema) {
    const calls = [
      ...someOf(brokenInputs({}), 3, seed),
      ...fc.sample(fc.jsonValue(), { numRuns: RUNS, seed }),
    ];
    return { made: calls.length, calls: calls.map(encode) };
  }
  const valid = validInput(schema, world);
  const leaves = leavesOf(schema);
  const [base] = fc.sample(valid, { numRuns: 1, seed });
  const probes = leaves.flatMap((leaf) =>
    brokenValues(leaf.kind, valueAt(base, leaf.path), huge).map((value) =>
      withValueAt(base, leaf.path, value),
    ),
  );
  const accepted = probes.filter((input) => schema.safeParse(input).success);
  const refused = probes.filter((input) => !schema.safeParse(input).success);
  const broken = (leaf: Leaf) =>
    fc
      .tuple(valid, fc.constantFrom(...brokenValues(leaf.kind, undefined, huge)))
      .map(([input, value]) => withValueAt(input, leaf.path, value));
  const random = fc.sample(leaves.length === 0 ? valid : fc.oneof(valid, valid, ...leaves.map(broken)), {
    numRuns: RUNS,
    seed,
  });
  const wholes = brokenInputs(base);
  const calls = [
    ...someOf(wholes, 3, seed),
    ...accepted,
    ...someOf(refused, Math.ceil(RUNS / 2), seed),
    ...random,
  ];
  return { made: wholes.length + probes.length + random.length, calls: calls.map(encode) };
}

/** The table a field's ids come from: caseId → cases, thirdPartyId → third_parties, agentId → users. */
const ID_TABLE_ALIASES: Record<string, string> = {
  agent: 'users',
  assignee: 'users',
  toAgent: 'users',
  address: 'contact_points',
  request: 'escalation_requests',
  placement: 'agency_placements',
  template: 'message_templates',
  key: 'integration_keys',
  batch: 'letter_batches',
};
function tableOf(field: string | undefined): string {
  const stem = (field ?? '').replace(/Ids?$/, '');
  const alias = ID_TABLE_ALIASES[stem];
  if (alias) return alias;
  const snake = stem.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
  return snake.endsWith('y') ? `${snake.slice(0, -1)}ies` : `${snake}s`;
}

interface Figures {
  /** Inputs made, and those of them sent. */
  made: number;
  calls: number;
  ok: number;
  refused: number;
  /** 431: Node refused a query string longer than its header limit before the app saw it. */
  tooLongForNode: number;
  serverErrors: number;
}
const figures: Figures = { made: 0, calls: 0, ok: 0, refused: 0, tooLongForNode: 0, serverErrors: 0 };
const started = performance.now();

let handle: DatabaseHandle;
let http: HttpApp;
let world: World;
const cookies = new Map<Caller, string>();
let freshUserId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  // Thousands of requests: the request log would drown the run; errors are still logged.
  logger.level = 'warn';
  await seedDemoBook(handle.db, { cases: 30, seed: 7, now: new Date() });
  http = await startHttpApp(handle.db);
  for (const [role, email] of Object.entries(DEMO_SIGN_INS)) {
    cookies.set(role as Role, await http.signIn(email, DEMO_PASSWORD));
  }
  // Rows of the agent's own cases where a table belongs to a case or a debtor: every caller here can see those.
  const [alice] = await queryRows<{ id: string }>(
    handle.db,
    sql`select id from users where email = ${DEMO_SIGN_INS.agent}`,
  );
  const ownCases = sql`(select id from cases where assigned_agent_id = ${alice!.id})`;
  const ownDebtors = sql`(select debtor_id from cases where assigned_agent_id = ${alice!.id})`;
  const tables = await queryRows<{ table_name: string; scope: string | null }>(
    handle.db,
    sql`select c.table_name,
          (select s.column_name from information_schema.columns s where s.table_schema = 'public'
            and s.table_name = c.table_name and s.column_name in ('case_id', 'debtor_id') order by 1 limit 1) as scope
        from information_schema.columns c
        where c.table_schema = 'public' and c.column_name = 'id' and c.data_type = 'uuid' order by 1`,
  );
  const idsByTable = new Map<string, string[]>();
  for (const { table_name, scope } of tables) {
    const own =
      table_name === 'cases'
        ? sql`where id in ${ownCases}`
        : scope === 'case_id'
          ? sql`where case_id in ${ownCases}`
          : scope === 'debtor_id'
            ? sql`where debtor_id in ${ownDebtors}`
            : sql``;
    const rows = await queryRows<{ id: string }>(
      handle.db,
      sql`select id from ${sql.identifier(table_name)} ${own} order by id limit 12`,
    );
    idsByTable.set(
      table_name,
      rows.map((row) => row.id),
    );
  }
  const everyId = [...idsByTable.values()].flat();
  const [fresh] = await queryRows<{ id: string }>(
    handle.db,
    sql`select id from users where email = ${FRESH_SESSION_USER}`,
  );
  freshUserId = fresh!.id;
  world = {
    idsFor: (field) => {
      const ids = idsByTable.get(tableOf(field)) ?? [];
      return ids.length > 0 ? ids : everyId;
    },
    emails: Object.values(DEMO_SIGN_INS),
    now: new Date(),
  };
}, 120_000);

/** Procedures that answered 200 at least once: the others were only ever refused. */
const reached = new Set<string>();
afterAll(async () => {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `fuzz (seed ${SEED}, ${RUNS} random runs a procedure): ${figures.made} inputs made, ` +
      `${figures.calls} calls, ${seconds} s with the seeding — ` +
      `${figures.ok} ok, ${figures.refused} refused with the error contract, ` +
      `${figures.tooLongForNode} too long for Node's header limit (431), ${figures.serverErrors} 5xx`,
  );
  console.log(`never answered 200: ${order.filter((path) => !reached.has(path)).join(', ') || 'none'}`);
  await http?.close();
  await handle?.close();
});

it('covers every procedure of the router', () => {
  expect(Object.keys(procedures).sort()).toEqual(Object.keys(FUZZ).sort());
});

/**
 * What is wrong with an answer, or null: a 5xx, a refusal that is not the JSON error contract, or one without a
 * message code the dashboard can say in its user's language.
 */
function faultOf(answer: HttpAnswer, kind: 'query' | 'mutation'): string | null {
  if (answer.status >= 500) return `answered ${answer.status}: ${answer.text.slice(0, 200)}`;
  if (answer.status === 431 && kind === 'query') return null;
  const body = answer.json as
    | { result?: unknown; error?: { message?: unknown; data?: Record<string, unknown> } }
    | undefined;
  if (answer.status === 200) return body?.result === undefined ? 'a 200 without a result' : null;
  const error = body?.error;
  const parsed = apiError.safeParse(error);
  const contract = parsed.success && parsed.data.data.httpStatus === answer.status;
  if (!contract) return `answered ${answer.status} outside the error contract: ${answer.text.slice(0, 200)}`;
  return parsed.data.data.messageCode === null
    ? `answered ${answer.status} without a message code: ${answer.text.slice(0, 200)}`
    : null;
}

async function cookieFor(caller: Caller): Promise<string | undefined> {
  if (caller === 'signed_out') return undefined;
  if (caller !== 'fresh') return cookies.get(caller);
  const { token } = await createSession(handle.db, {
    userId: freshUserId,
    ttlHours: 1,
    now: new Date(),
    ip: null,
    userAgent: 'fuzz',
  });
  return `${SESSION_COOKIE}=${token}`;
}

// Sign-in last: its refusals count failed attempts, and nothing after it signs in.
const only = process.env.FUZZ_ONLY?.split(',');
const order = Object.keys(FUZZ)
  .filter((path) => !only || only.includes(path))
  .sort((a, b) => Number(a === 'auth.signIn') - Number(b === 'auth.signIn'));

describe.each(order)('%s', (path) => {
  it('never answers 5xx, and refuses with the error contract', { timeout: 120_000 }, async () => {
    const procedure = procedures[path];
    expect(procedure, `${path} is not in the router`).toBeDefined();
    const kind = procedure!._def.type === 'query' ? 'query' : 'mutation';
    const faults: string[] = [];
    const { made, calls } = callsFor(path, procedure!, world);
    figures.made += made;
    for (const call of calls) {
      const answer = await http.call(path, kind, call.input, {
        cookie: await cookieFor(FUZZ[path]!),
        raw: call.raw,
      });
      figures.calls++;
      if (answer.status >= 500) figures.serverErrors++;
      else if (answer.status === 431) figures.tooLongForNode++;
      else if (answer.status === 200) {
        figures.ok++;
        reached.add(path);
      } else figures.refused++;
      const fault = faultOf(answer, kind);
      if (fault)
        faults.push(
          `${fault}\n    input: ${(call.raw ?? JSON.stringify(call.input) ?? 'none').slice(0, 300)}`,
        );
    }
    expect(faults).toEqual([]);
  });
});
