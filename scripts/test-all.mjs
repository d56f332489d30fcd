#!/usr/bin/env node
// `npm test`: every layer, each on every database it must pass on. It first provides what the layers need
// (Chromium, a PostgreSQL server) or stops naming what is missing: a layer never passes by being skipped.
//
//   node scripts/test-all.mjs                       the whole suite (what `npm test` and CI run)
//   node scripts/test-all.mjs --only <layer,…> [-- <test files or runner flags>]   a few layers, while working
//
// Standard library only: it decides what to install before anything else runs.
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ensureChineseFont, ensureChromium } from './test-env/chromium.mjs';
import { providePostgres } from './test-env/postgres.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const e2eConfig = 'tests/e2e/playwright.config.ts';
const e2eDatabase = `arrears_e2e_${process.pid}`;

/** What each layer runs; `server` layers get the PostgreSQL server, `browser` layers get Chromium. */
const LAYERS = [
  { id: 'typecheck', run: ['run', 'typecheck'] },
  { id: 'lint', run: ['run', 'lint'] },
  { id: 'unit', run: ['exec', 'vitest', 'run', '--project', 'unit'], takesArgs: true },
  { id: 'integration:pglite', run: ['exec', 'vitest', 'run', '--project', 'integration'], takesArgs: true },
  {
    id: 'integration:server',
    server: true,
    run: ['exec', 'vitest', 'run', '--project', 'integration'],
    takesArgs: true,
    env: (pg) => ({ TEST_DATABASE_URL: pg.url }),
  },
  {
    id: 'e2e:pglite',
    browser: true,
    run: ['exec', 'playwright', 'test', '-c', e2eConfig],
    takesArgs: true,
    // The scan of every page of every role (accessibility.spec.ts) judges what the browser draws, the same on either
    // database; it runs once, in the layer shaped as an agency deploys (e2e:server), unless files are named here.
    // So do the tests that reach the server's database from outside it (@server-database: PGlite has one owner).
    argsWhenNoneGiven: ['--grep-invert', '@every-page|@server-database'],
    // The two browser layers wait on Chromium and on their own server far more than they compute: run together,
    // each on its own port and results folder, they take the time of the longer one instead of the sum.
    together: 'e2e',
  },
  {
    id: 'e2e:server',
    browser: true,
    server: true,
    run: ['exec', 'playwright', 'test', '-c', e2eConfig],
    takesArgs: true,
    // A fresh, empty database: the server migrates and seeds it at start-up, as on a first deployment.
    before: (pg) => helper(['create', pg.url, e2eDatabase]),
    after: (pg) => helper(['drop', pg.url, e2eDatabase]),
    // The server works as a role that owns nothing; the owner migrates and seeds (tests/e2e/server-database.ts).
    together: 'e2e',
    env: (pg) => ({
      E2E_DATABASE_URL: withRole(withDatabase(pg.url, e2eDatabase), `${e2eDatabase}_app`),
      E2E_DATABASE_OWNER_URL: withRole(withDatabase(pg.url, e2eDatabase), `${e2eDatabase}_owner`),
    }),
  },
];

function parseArgs(argv) {
  const separator = argv.indexOf('--');
  const own = separator === -1 ? argv : argv.slice(0, separator);
  const passThrough = separator === -1 ? [] : argv.slice(separator + 1);
  const onlyAt = own.indexOf('--only');
  if (own.length > 0 && (onlyAt !== 0 || own.length !== 2)) {
    throw new Error(
      'usage: node scripts/test-all.mjs [--only <layer>[,<layer>…]] [-- <args for the test runner>]',
    );
  }
  if (onlyAt === -1) {
    if (passThrough.length > 0)
      throw new Error('runner arguments need --only: the whole suite runs every test');
    return { layers: LAYERS, passThrough };
  }
  const wanted = own[1].split(',');
  const unknown = wanted.filter((id) => !LAYERS.some((layer) => layer.id === id));
  if (unknown.length > 0) {
    throw new Error(
      `unknown layer ${unknown.join(', ')}; the layers are ${LAYERS.map((l) => l.id).join(', ')}`,
    );
  }
  return { layers: LAYERS.filter((layer) => wanted.includes(layer.id)), passThrough };
}

/** pnpm as it started us (through npx it is on no PATH), so each layer runs its package script the same way. */
function pnpm() {
  const execPath = process.env.npm_execpath;
  if (!execPath || !/pnpm/.test(execPath)) return ['pnpm'];
  return /\.[cm]?js$/.test(execPath) ? [process.execPath, execPath] : [execPath];
}

const running = new Set();

/**
 * Runs one package script. With `label`, its output is read line by line and each line is printed behind the label,
 * so two layers running at once stay readable.
 */
function run(args, env = process.env, label) {
  const [command, ...prefix] = pnpm();
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...prefix, ...args], {
      cwd: root,
      env,
      stdio: label ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    running.add(child);
    if (label) {
      for (const [stream, out] of [
        [child.stdout, process.stdout],
        [child.stderr, process.stderr],
      ]) {
        readline.createInterface({ input: stream }).on('line', (line) => out.write(`[${label}] ${line}\n`));
      }
    }
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

async function helper(args) {
  const status = await run(['exec', 'tsx', 'tests/e2e/server-database.ts', ...args]);
  if (status !== 0) throw new Error(`tests/e2e/server-database.ts ${args[0]} exited with ${status}`);
}

function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The same server and database, signed in as `role` (the test server trusts local connections). */
function withRole(url, role) {
  const u = new URL(url);
  u.username = role;
  u.password = '';
  return u.toString();
}

/** The environment of one layer: the databases it must not see are removed, not left to chance. */
function layerEnv(layer, pg, chromium) {
  const env = { ...process.env, ...(chromium ? { CHROMIUM_PATH: chromium } : {}) };
  delete env.TEST_DATABASE_URL;
  delete env.E2E_DATABASE_URL;
  delete env.E2E_DATABASE_OWNER_URL;
  delete env.DATABASE_URL;
  return { ...env, ...(layer.env ? layer.env(pg) : {}) };
}

const cleanups = [];

async function cleanUp() {
  while (cleanups.length > 0) {
    try {
      await cleanups.pop()();
    } catch (error) {
      console.error(`! cleaning up: ${error.message}`);
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of running) child.kill(signal);
    cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}

/** The chosen layers in order, those marked to run `together` in one batch. */
function batches(layers) {
  const out = [];
  for (const layer of layers) {
    const last = out.at(-1);
    if (layer.together && last?.[0].together === layer.together) last.push(layer);
    else out.push([layer]);
  }
  return out;
}

async function main() {
  const { layers, passThrough } = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const chromium = layers.some((layer) => layer.browser) ? ensureChromium() : undefined;
  if (chromium) console.log(`> Chromium: ${chromium}`);
  if (chromium) ensureChineseFont();
  let pg;
  if (layers.some((layer) => layer.server)) {
    pg = await providePostgres();
    cleanups.push(pg.stop);
    console.log(`> PostgreSQL server: ${pg.description}`);
  }
  if (layers.some((layer) => layer.browser)) {
    console.log('\n== build (the client the end-to-end layers serve) ==');
    if ((await run(['run', 'build'])) !== 0) throw new Error('layer build failed');
  }

  const timings = [];
  const failed = [];
  for (const batch of batches(layers)) {
    const together = batch.length > 1;
    console.log(`\n== ${batch.map((layer) => layer.id).join(' and ')}${together ? ', together' : ''} ==`);
    const statuses = await Promise.all(
      batch.map(async (layer, index) => {
        const layerStarted = Date.now();
        const after = layer.after ? () => layer.after(pg) : undefined;
        if (layer.before) await layer.before(pg);
        if (after) cleanups.push(after);
        // Layers run together get a port and a results folder each.
        const apart = together
          ? {
              E2E_PORT: String(Number(process.env.E2E_PORT ?? 3100) + index),
              E2E_OUTPUT_DIR: `test-results/${layer.id.replace(':', '-')}`,
            }
          : {};
        const status = await run(
          [
            ...layer.run,
            ...(layer.takesArgs
              ? passThrough.length > 0
                ? passThrough
                : (layer.argsWhenNoneGiven ?? [])
              : []),
          ],
          { ...layerEnv(layer, pg, chromium), ...apart },
          together ? layer.id : undefined,
        );
        if (after) {
          cleanups.splice(cleanups.indexOf(after), 1);
          await after();
        }
        timings.push(`${layer.id} ${Math.round((Date.now() - layerStarted) / 1000)} s`);
        console.log(`== ${layer.id}: ${status === 0 ? 'passed' : `failed (exit ${status})`} ==`);
        return status;
      }),
    );
    batch.forEach((layer, index) => {
      if (statuses[index] !== 0) failed.push(`${layer.id} (exit ${statuses[index]})`);
    });
    if (failed.length > 0)
      throw new Error(`layer ${failed.join(' and ')} failed; timings: ${timings.join(', ')}`);
  }
  const whole =
    layers === LAYERS ? 'every layer passed' : `only ${layers.map((l) => l.id).join(', ')} ran, and passed`;
  console.log(`\n== ${whole} in ${Math.round((Date.now() - started) / 1000)} s: ${timings.join(', ')} ==`);
}

try {
  await main();
  await cleanUp();
} catch (error) {
  await cleanUp();
  console.error(`\n✗ npm test: ${error.message}`);
  process.exit(1);
}
