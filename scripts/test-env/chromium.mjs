// The Chromium the end-to-end layer drives. One list for the bootstrap and for tests/e2e/chromium.ts.
import { existsSync } from 'node:fs';
import { aptInstall, canInstallWithApt, onPath, quiet } from './system.mjs';

export const INSTALL_CHROMIUM = 'apt-get install -y chromium';
export const INSTALL_CJK_FONTS = 'apt-get install -y fonts-noto-cjk';

export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** CHROMIUM_PATH when set (it must exist), else the first system install found, else undefined. */
export function locateChromium(env = process.env) {
  const configured = env.CHROMIUM_PATH;
  if (configured) {
    if (existsSync(configured)) return configured;
    throw new Error(`CHROMIUM_PATH points at ${configured}, which does not exist.`);
  }
  return CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate));
}

/**
 * Finds Chromium or installs Debian's package where that needs no password (root with apt-get); otherwise
 * fails with the one line that says how to get it. Playwright's own browser download is not used.
 */
export function ensureChromium() {
  const found = locateChromium();
  if (found) return found;
  if (canInstallWithApt()) {
    console.log('> the end-to-end layer needs Chromium and none is installed: installing Debian’s package');
    if (aptInstall(['chromium'])) {
      const installed = locateChromium();
      if (installed) return installed;
    }
    throw new Error(`installing Chromium failed (${INSTALL_CHROMIUM}); install it, or set CHROMIUM_PATH.`);
  }
  throw new Error(
    `the end-to-end layer needs Chromium: install it with \`sudo ${INSTALL_CHROMIUM}\` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary.`,
  );
}

/** Whether a font that draws Chinese is installed: fontconfig's answer, else Debian's Noto CJK files. */
function hasChineseFont() {
  if (onPath('fc-list')) return quiet('fc-list', [':lang=zh', 'family']).output !== '';
  return existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');
}

/**
 * The app ships no font, so the Chinese pages' screenshots the end-to-end layer keeps (tests/e2e/chinese.spec.ts)
 * need one on the system: Debian's fonts-noto-cjk, installed where that needs no password. Assertions read text,
 * not pixels, so a missing font is said in one line and does not stop the run.
 */
export function ensureChineseFont() {
  if (hasChineseFont()) return;
  if (canInstallWithApt()) {
    console.log(
      '> the kept screenshots of Chinese pages need a CJK font: installing Debian’s fonts-noto-cjk',
    );
    if (aptInstall(['fonts-noto-cjk'])) return;
  }
  console.log(
    `> no font draws Chinese here: screenshots of Chinese pages will show boxes; install one with \`sudo ${INSTALL_CJK_FONTS}\` (Debian/Ubuntu).`,
  );
}
