import { INSTALL_CHROMIUM, locateChromium } from '../../scripts/test-env/chromium.mjs';

/**
 * The Chromium the end-to-end tests drive: CHROMIUM_PATH, else a system install (`npm test` installs one first
 * where it can). Playwright's own browser download does not work here, so a missing browser is an error naming
 * the one command that installs it.
 */
export function findChromium(): string {
  const found = locateChromium();
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
