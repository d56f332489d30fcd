import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const port = Number(process.env.E2E_PORT ?? 3100);
// E2E_DATABASE_URL: an empty database on a PostgreSQL server (`npm test` makes a fresh one), migrated and seeded
// by the server at start-up. Without it, a fresh embedded database per run, set once so workers reuse it.
const serverDatabase = process.env.E2E_DATABASE_URL;
if (!serverDatabase) process.env.E2E_PGLITE_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'arrears-e2e-'));
// The web server inherits this environment: a DATABASE_URL of the shell must not turn the embedded run into another.
delete process.env.DATABASE_URL;
delete process.env.DATABASE_OWNER_URL;
const database: Record<string, string> = serverDatabase
  ? {
      DATABASE_URL: serverDatabase,
      ...(process.env.E2E_DATABASE_OWNER_URL
        ? { DATABASE_OWNER_URL: process.env.E2E_DATABASE_OWNER_URL }
        : {}),
    }
  : { PGLITE_DIR: process.env.E2E_PGLITE_DIR! };

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  // Two runs at once (`npm test` runs both databases' layers together) each keep their own traces.
  outputDir: path.join(root, process.env.E2E_OUTPUT_DIR ?? 'test-results'),
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'pnpm --filter @arrears/server start',
    cwd: root,
    url: `http://127.0.0.1:${port}/healthz`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      ...database,
      SEED_CASES: '400',
      LOG_LEVEL: 'warn',
    },
  },
});
