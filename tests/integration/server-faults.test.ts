import { execFile, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  freePort,
  readiness,
  type ServerProcess,
  signIn,
  sleep,
  startServer,
  waitFor,
} from './support/server-process.ts';

/**
 * The server as an agency runs it, through database faults: a PostgreSQL cluster of the test's own (never the shared
 * one on 5432), the real server process on it, five agents writing notes, and the database restarted under them;
 * then the server process itself killed and started again. Runs with TEST_DATABASE_URL (the server pass of the
 * suite); it needs PostgreSQL's binaries (initdb, pg_ctl) on this machine, and fails saying so when they are missing.
 */

const execFileAsync = promisify(execFile);
const AGENT = 'alice@arrearsdesk.demo';
const CLIENTS = 5;
const RESTARTS = 3;
const RECOVERY_LIMIT_MS = 5_000;

let cluster: Cluster | null = null;
let server: ServerProcess | null = null;

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))('the server through database faults', () => {
  let cookie = '';
  let caseIds: string[] = [];

  beforeAll(async () => {
    cluster = await startCluster();
    progress('cluster started');
    await cluster.query((sql) => sql`create database arrears`);
    server = await startServer(cluster.url('arrears'));
    progress('server ready');
    cookie = await signIn(server.base);
    caseIds = await cluster
      .query(
        (sql) => sql<{ id: string }[]>`
        select c.id from cases c join users u on u.email = ${AGENT}
        where c.assigned_agent_id = u.id or (c.assigned_agent_id is null and c.team_id = u.team_id)
        order by c.id limit ${CLIENTS}`,
        'arrears',
      )
      .then((rows) => rows.map((row) => row.id));
    expect(caseIds.length, 'the seeded book gives the agent cases to write on').toBeGreaterThan(0);
  }, 240_000);

  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await cluster?.destroy();
  }, 60_000);

  it('answers 503 while PostgreSQL restarts, serves again within 5 s, and keeps every acknowledged write once', async () => {
    const live = server!;
    const load = startWriteLoad(live.base, cookie, caseIds, 'restart');
    const recoveries: number[] = [];
    for (let round = 0; round < RESTARTS; round++) {
      await sleep(1_500);
      const stopping = performance.now();
      await cluster!.restart();
      const back = performance.now();
      progress(`restart ${round + 1}: pg_ctl restart -m fast took ${Math.round(back - stopping)} ms`);
      await waitFor(
        async () => {
          if (live.exit) throw new Error(`the server process died (${live.exit})\n${live.tail()}`);
          return (await readiness(live.base)) === 200 && (await load.probeWrite());
        },
        RECOVERY_LIMIT_MS * 3,
        () => `the server did not serve again after restart ${round + 1}\n${live.tail()}`,
      );
      recoveries.push(Math.round(performance.now() - back));
      progress(`restart ${round + 1}: serving again ${recoveries.at(-1)} ms after the database was back`);
    }
    await sleep(500);
    const tally = await load.stop();
    progress('load stopped');
    const stored = await storedMarkers(cluster!, 'restart');
    const figures = figuresOf(tally, stored);
    console.log(
      `database restarts x${RESTARTS} under ${CLIENTS} writers: ${tally.sent} writes sent, ${figures.acknowledged} acknowledged, ` +
        `${tally.unavailable} answered 503 UNAVAILABLE, ${figures.lost} acknowledged but lost, ` +
        `${figures.duplicated} duplicated, recovery after each restart ${recoveries.join(', ')} ms`,
    );

    expect(live.exit, `the server process died:\n${live.tail()}`).toBeNull();
    expect(tally.dropped, 'no request lost its connection to the server').toEqual([]);
    expect(tally.otherFailures, 'a request the database could not serve answers 503, not 500').toEqual([]);
    expect(tally.unavailableWithoutRetryAfter).toBe(0);
    expect(Math.max(...recoveries)).toBeLessThan(RECOVERY_LIMIT_MS);
    expect(figures.lostMarkers).toEqual([]);
    expect(figures.duplicatedMarkers).toEqual([]);
    expect(figures.acknowledged).toBeGreaterThan(0);

    // The job worker lived through the restarts too: a job enqueued now is run.
    const [job] = await cluster!.query(
      (sql) => sql<{ id: string }[]>`
        insert into jobs (name, payload, run_at) values ('reminders.run', '{}', now()) returning id`,
      'arrears',
    );
    await waitFor(
      async () => {
        const [row] = await cluster!.query(
          (sql) => sql<{ state: string }[]>`select state from jobs where id = ${job!.id}`,
          'arrears',
        );
        return row?.state === 'done';
      },
      20_000,
      () => `the job worker did not run a job after the restarts\n${live.tail()}`,
    );
  }, 180_000);

  it('keeps every acknowledged write once when the server process is killed, and serves again once restarted', async () => {
    const first = server!;
    const load = startWriteLoad(first.base, cookie, caseIds, 'kill');
    await sleep(2_000);
    first.child.kill('SIGKILL');
    await first.exited;
    const tally = await load.stop();

    const started = performance.now();
    server = await startServer(cluster!.url('arrears'), first.port);
    const restartMs = Math.round(performance.now() - started);
    const after = startWriteLoad(server.base, cookie, [], 'kill-after');
    expect(await after.probeWrite(caseIds[0]!), `the restarted server takes a write\n${server.tail()}`).toBe(
      true,
    );

    const stored = await storedMarkers(cluster!, 'kill');
    const figures = figuresOf(tally, stored);
    console.log(
      `server killed (SIGKILL) under ${CLIENTS} writers: ${tally.sent} writes sent, ${figures.acknowledged} acknowledged, ` +
        `${figures.lost} acknowledged but lost, ${figures.duplicated} duplicated, ` +
        `${tally.dropped.length} cut off by the kill; restarted and ready in ${restartMs} ms`,
    );
    expect(figures.lostMarkers).toEqual([]);
    expect(figures.duplicatedMarkers).toEqual([]);
    expect(figures.acknowledged).toBeGreaterThan(0);
  }, 180_000);
});

// ——— the cluster ———

interface Cluster {
  url(database: string): string;
  query<T>(body: (sql: postgres.Sql) => Promise<T>, database?: string): Promise<T>;
  restart(): Promise<void>;
  destroy(): Promise<void>;
}

/** initdb and pg_ctl refuse to run as root: run them as the `postgres` OS user then, in a folder it owns. */
async function asPostgres(dir: string, command: string, args: string[], timeoutMs: number) {
  const root = process.getuid?.() === 0;
  const [file, argv] = root ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  try {
    return await execFileAsync(file, argv, { cwd: dir, timeout: timeoutMs });
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(`${command} ${args.join(' ')} failed: ${stderr || stdout || (error as Error).message}`);
  }
}

function postgresBinaries(): string {
  const candidates: string[] = [];
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim());
  } catch {
    // pg_config is not installed everywhere; Debian keeps the binaries under /usr/lib/postgresql/<version>/bin.
  }
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => path.join(debian, version, 'bin')));
  }
  const bin = candidates.find(
    (dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl')),
  );
  if (!bin) {
    throw new Error(
      'server-faults needs PostgreSQL binaries (initdb, pg_ctl) to start a cluster of its own: none found through ' +
        '`pg_config --bindir` or under /usr/lib/postgresql/*/bin. Install PostgreSQL (apt-get install postgresql).',
    );
  }
  return bin;
}

async function startCluster(): Promise<Cluster> {
  const bin = postgresBinaries();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arrears-faults-'));
  const data = path.join(dir, 'data');
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    if (process.getuid?.() === 0) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
      chownSync(dir, uid, gid);
    }
    const pgCtl = (args: string[], timeoutMs = 60_000) =>
      asPostgres(dir, path.join(bin, 'pg_ctl'), ['-D', data, ...args], timeoutMs);
    await asPostgres(
      dir,
      path.join(bin, 'initdb'),
      ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'],
      120_000,
    );
    const port = await freePort();
    // Its own port and socket folder; fsync off because the test restarts the server cleanly, never crashes it.
    const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    await pgCtl(['-l', path.join(dir, 'server.log'), '-o', settings, '-w', '-t', '60', 'start']);
    const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
    return {
      url,
      async query(body, database = 'postgres') {
        const sql = postgres(url(database), { max: 1, onnotice: () => {} });
        try {
          return await body(sql);
        } finally {
          await sql.end({ timeout: 5 });
        }
      },
      restart: async () => {
        // -l again: without it the new postmaster writes to our pipe and execFile waits for it to close.
        await pgCtl(['-l', path.join(dir, 'server.log'), '-m', 'fast', '-w', '-t', '60', 'restart']);
      },
      destroy: async () => {
        try {
          await pgCtl(['-m', 'immediate', '-w', '-t', '30', 'stop']);
        } finally {
          cleanup();
        }
      },
    };
  } catch (error) {
    cleanup();
    throw new Error(`server-faults could not start its PostgreSQL cluster: ${(error as Error).message}`);
  }
}

// ——— the load ———

interface Tally {
  sent: number;
  acknowledged: string[];
  unavailable: number;
  unavailableWithoutRetryAfter: number;
  otherFailures: string[];
  dropped: string[];
}

/** Five agents adding notes, each with a marker of its own, until stopped; nothing is retried, so nothing doubles. */
function startWriteLoad(base: string, cookie: string, caseIds: string[], phase: string) {
  const tally: Tally = {
    sent: 0,
    acknowledged: [],
    unavailable: 0,
    unavailableWithoutRetryAfter: 0,
    otherFailures: [],
    dropped: [],
  };
  let stopping = false;
  let probes = 0;
  const deadline = Date.now() + 150_000;

  const write = async (caseId: string, marker: string): Promise<boolean> => {
    tally.sent++;
    try {
      const res = await fetch(`${base}/trpc/casework.addNote`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        // A key of its own per write (decision 022): the marker count, not the key, proves once-only here.
        body: JSON.stringify({ caseId, body: marker, idempotencyKey: randomUUID() }),
        signal: AbortSignal.timeout(15_000),
      });
      const text = await res.text();
      if (res.status === 200) {
        tally.acknowledged.push(marker);
        return true;
      }
      const appCode = (JSON.parse(text) as { error?: { data?: { appCode?: string } } }).error?.data?.appCode;
      if (res.status === 503 && appCode === 'UNAVAILABLE') {
        tally.unavailable++;
        if (!res.headers.get('retry-after')) tally.unavailableWithoutRetryAfter++;
      } else {
        tally.otherFailures.push(`${marker}: ${res.status} ${text.slice(0, 300)}`);
      }
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      tally.dropped.push(`${marker}: ${cause?.code ?? (error as Error).message}`);
    }
    return false;
  };

  const clients = caseIds.slice(0, CLIENTS).map(async (caseId, client) => {
    for (let n = 0; !stopping && Date.now() < deadline; n++) {
      await write(caseId, `fault:${phase}:${client}:${n}`);
      await sleep(20);
    }
  });

  return {
    probeWrite: (caseId = caseIds[0]!) => write(caseId, `fault:${phase}:probe:${probes++}`),
    stop: async () => {
      stopping = true;
      await Promise.all(clients);
      return tally;
    },
  };
}

async function storedMarkers(cluster: Cluster, phase: string): Promise<Map<string, number>> {
  const rows = await cluster.query(
    (sql) => sql<{ body: string; n: number }[]>`
      select body, count(*)::int as n from case_notes where body like ${`fault:${phase}:%`} group by body`,
    'arrears',
  );
  return new Map(rows.map((row) => [row.body, row.n]));
}

function figuresOf(tally: Tally, stored: Map<string, number>) {
  const lostMarkers = tally.acknowledged.filter((marker) => !stored.has(marker));
  const duplicatedMarkers = [...stored].filter(([, n]) => n > 1).map(([marker]) => marker);
  return {
    acknowledged: tally.acknowledged.length,
    lost: lostMarkers.length,
    duplicated: duplicatedMarkers.length,
    lostMarkers,
    duplicatedMarkers,
  };
}

const began = performance.now();
const progress = (message: string) =>
  console.log(`[server-faults +${Math.round(performance.now() - began)} ms] ${message}`);
