import { existsSync } from 'node:fs';

export const INSTALL_CHROMIUM = 'apt-get install -y chromium';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/**
 * The Chromium the end-to-end tests drive: CHROMIUM_PATH, else a system install. Playwright's own browser
 * download does not work here, so a missing browser is an error naming the one command that installs it.
 */
export function findChromium(): string {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (existsSync(configured)) return configured;
    throw new Error(`CHROMIUM_PATH points at ${configured}, which does not exist.`);
  }
  const found = CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      `The end-to-end tests need Chromium and none was found. Install it with:\n\n    ${INSTALL_CHROMIUM}\n\n(or set CHROMIUM_PATH to a Chromium or Chrome binary).`,
    );
  }
  return found;
}

/** Flags this sandbox needs: no sandboxing as root, and no background calls to a network that is closed. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
