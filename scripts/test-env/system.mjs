// Small helpers the test bootstrap shares: finding commands, running them loudly, and whether apt may be used.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** The full path of `name` on PATH, or undefined. */
export function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {}
  }
  return undefined;
}

export const isRoot = () => process.getuid?.() === 0;

/** Debian's packages are installed only where that cannot need a password: as root with apt-get. */
export const canInstallWithApt = () => isRoot() && onPath('apt-get') !== undefined;

let aptUpdated = false;

/** `apt-get install -y <packages>`, printed before it runs; false when it fails. */
export function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    console.log('> apt-get update');
    if (spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env }).status !== 0) return false;
    aptUpdated = true;
  }
  console.log(`> apt-get install -y ${packages.join(' ')}`);
  return spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env }).status === 0;
}

/** Runs a command quietly; its output is returned to be shown when it fails. */
export function quiet(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`;
  return { ok: result.status === 0, output: output.trim() };
}
