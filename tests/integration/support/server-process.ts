import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The real server process (`server/src/index.ts`) started from a test, on a database of the test's choosing. */

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  base: string;
  /** Null while the process runs; its exit code or signal once it ended. */
  exit: string | null;
  exited: Promise<void>;
  tail(): string;
}

export async function startServer(databaseUrl: string, port?: number): Promise<ServerProcess> {
  const listenPort = port ?? (await freePort());
  // tsx's loader in this node process, not the tsx CLI: the CLI runs the server as a child of its own, and a SIGKILL
  // to the CLI would leave the server running.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(listenPort),
      HOST: '127.0.0.1',
      SEED_CASES: '40',
      JOBS_WORKER: 'true',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 60));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const handle: ServerProcess = {
    child,
    port: listenPort,
    base: `http://127.0.0.1:${listenPort}`,
    exit: null,
    exited: new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        handle.exit = signal ?? `exit code ${code}`;
        resolve();
      });
    }),
    tail: () => `— last lines of the server process —\n${lines.join('\n')}`,
  };
  await waitFor(
    async () => {
      if (handle.exit)
        throw new Error(`the server process ended (${handle.exit}) before it was ready\n${handle.tail()}`);
      return (await readiness(handle.base)) === 200;
    },
    180_000,
    () => `the server did not become ready\n${handle.tail()}`,
  );
  return handle;
}

export async function readiness(base: string): Promise<number> {
  try {
    const res = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(3_000) });
    return res.status;
  } catch {
    return 0;
  }
}

/** Signs in over HTTP (a demo user of the seed by default) and returns the session cookie. */
export async function signIn(
  base: string,
  email = 'alice@arrearsdesk.demo',
  password = 'arrears-demo',
): Promise<string> {
  const res = await fetch(`${base}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`${email} could not sign in: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor(
  check: () => Promise<boolean>,
  timeoutMs: number,
  failure: () => string,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(failure());
}
