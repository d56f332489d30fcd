import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, readiness, waitFor } from './support/server-process.ts';

/**
 * `npm start` as a person runs it in a terminal, and Ctrl-C: the terminal sends SIGINT to the whole foreground
 * process group, every layer at once. The run must end by the server's own clean shutdown, say so, and exit 0 —
 * not with a package manager's `[ELIFECYCLE] Command failed` for each layer. On the embedded database only: that is
 * what `npm start` uses on a fresh machine.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), 'arrears-start-'));

describe.runIf(!process.env.TEST_DATABASE_URL)('npm start, then Ctrl-C', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('stops cleanly, says so and exits 0', async () => {
    const port = await freePort();
    // The embedded database, whatever the test run was given.
    const { DATABASE_URL: _url, DATABASE_OWNER_URL: _owner, ...inherited } = process.env;
    const child = spawn('npm', ['start'], {
      cwd: ROOT,
      // Its own process group, as a terminal's foreground job, so the SIGINT below reaches every layer.
      detached: true,
      env: {
        ...inherited,
        PORT: String(port),
        HOST: '127.0.0.1',
        PGLITE_DIR: dataDir,
        SEED_CASES: '20',
        JOBS_WORKER: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    try {
      await waitFor(
        async () => (await readiness(`http://127.0.0.1:${port}`)) === 200,
        240_000,
        () => `npm start did not answer\n${output.slice(-4_000)}`,
      );
      expect(output).toContain(`ArrearsDesk is running at http://127.0.0.1:${port}`);

      process.kill(-child.pid!, 'SIGINT');
      const { code, signal } = await exited;
      expect({ code, signal }, output.slice(-4_000)).toEqual({ code: 0, signal: null });
      expect(output).toContain('ArrearsDesk stopped cleanly (SIGINT).');
      expect(output).not.toMatch(/ELIFECYCLE|Command failed|ERR_PNPM/);
    } finally {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
    }
  }, 300_000);
});
