export const INSTALL_CHROMIUM: string;
export const INSTALL_CJK_FONTS: string;
export const CHROMIUM_CANDIDATES: readonly string[];
export function locateChromium(env?: NodeJS.ProcessEnv): string | undefined;
export function ensureChromium(): string;
export function ensureChineseFont(): void;
