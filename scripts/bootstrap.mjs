#!/usr/bin/env node
// The README's two commands (`npm start`, `npm test`) run through here so that a machine with only Node.js
// and npm needs nothing else: it fetches the pinned pnpm when missing, installs dependencies when the lockfile
// changed, then runs the named package script with pnpm. `start` is run here rather than through `pnpm run`: see
// startServer below.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pinned = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];
const script = process.argv[2];
if (!script) {
  console.error('usage: node scripts/bootstrap.mjs <package-script> [args…]');
  process.exit(2);
}

function run(command, args) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function pnpm() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0 && probe.stdout.trim() === pinned) return ['pnpm'];
  console.log(`> using pnpm ${pinned} through npx (install it once with: npm i -g pnpm@${pinned})`);
  return ['npx', '-y', `pnpm@${pinned}`];
}

function needsInstall() {
  const marker = path.join(root, 'node_modules/.pnpm/lock.yaml');
  if (!existsSync(marker)) return true;
  return statSync(path.join(root, 'pnpm-lock.yaml')).mtimeMs > statSync(marker).mtimeMs;
}

const [command, ...prefix] = pnpm();
if (needsInstall()) {
  const status = run(command, [...prefix, 'install', '--frozen-lockfile']);
  if (status !== 0) process.exit(status);
}
if (script === 'start') {
  const built = run(command, [...prefix, 'run', 'build']);
  if (built !== 0) process.exit(built);
  startServer();
} else {
  process.exit(run(command, [...prefix, 'run', script, ...process.argv.slice(3)]));
}

/**
 * Runs the server as this process's only child, with no package manager and no shell between them, so Ctrl-C
 * reaches the server once and its own clean shutdown decides the exit code (0). Every layer of `pnpm run` or
 * `sh -c` that also receives the terminal's SIGINT reports the interrupted child as a failure
 * (`[ELIFECYCLE] Command failed`); that is why `npm start` execs this script and this spawns node directly.
 */
function startServer() {
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: path.join(root, 'server'),
    stdio: 'inherit',
  });
  // The terminal sends SIGINT to the server as well; a SIGTERM from a supervisor reaches only this process.
  // Either way the server is the one to stop, and this waits for it.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => server.kill(signal));
  }
  server.on('exit', (code, signal) => {
    if (signal) {
      console.error(`ArrearsDesk was stopped by ${signal} before it finished starting.`);
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15));
    }
    process.exit(code ?? 1);
  });
}
