import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'arrears-demo';

export const DEMO = {
  agent: 'alice@arrearsdesk.demo',
  chinaAgent: 'li.wei@arrearsdesk.demo',
  supervisor: 'sam@arrearsdesk.demo',
  manager: 'morgan@arrearsdesk.demo',
  admin: 'ada@arrearsdesk.demo',
} as const;

/** The navigation's name in each language: which one shows says which language the dashboard opened in. */
const SECTIONS = { en: 'Sections', zh: '栏目' } as const;
/** The header's language picker, by its label in each language. */
const LANGUAGE_LABEL = { en: 'Language', zh: '语言' } as const;

/**
 * Signs in from the sign-in page (English, as the browser is) and makes sure the dashboard reads `language`. A
 * person's language is kept on their user (China Collections users start in Chinese), so a test that reads
 * English text says so by calling this, and one in Chinese asks for 'zh': neither depends on what a test before
 * it left stored.
 */
export async function signIn(
  page: Page,
  email: string,
  password = DEMO_PASSWORD,
  language: 'en' | 'zh' = 'en',
) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await useLanguage(page, language);
}

/** Switches the signed-in dashboard to `language` from the header when it is in the other, waiting until kept. */
export async function useLanguage(page: Page, language: 'en' | 'zh') {
  const other = language === 'en' ? 'zh' : 'en';
  const wanted = page.getByRole('navigation', { name: SECTIONS[language] });
  const shown = page.getByRole('navigation', { name: SECTIONS[other] });
  await expect(wanted.or(shown)).toBeVisible();
  if (await shown.isVisible()) {
    await Promise.all([
      page.waitForResponse((response) => response.url().includes('auth.setLanguage') && response.ok()),
      page.getByLabel(LANGUAGE_LABEL[other]).selectOption(language),
    ]);
  }
  await expect(wanted).toBeVisible();
}

/** The visible names of the navigation links, in order. */
export async function navLinks(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'Sections' }).getByRole('link').allInnerTexts();
}

/** Opens a case's screen through the Cases search, as a person would, and waits for its actions' verdicts. */
export async function openCase(page: Page, accountRef: string) {
  await page.goto(`/cases?q=${encodeURIComponent(accountRef)}`);
  await page
    .getByRole('table', { name: 'Cases' })
    .getByRole('link', { name: accountRef, exact: true })
    .click();
  await expect(page.getByText(`Account ${accountRef}`)).toBeVisible();
  await expect(actionsPanel(page).getByText(/^Checked /)).toBeVisible();
}

/** The case screen's actions pane. */
export function actionsPanel(page: Page) {
  return page.getByRole('region', { name: 'Actions', exact: true });
}

/** "$1,234.50" → 123450 minor units (two-decimal currencies). */
export function minorUnits(text: string): number {
  return Math.round(Number(text.replace(/[^\d.-]/g, '')) * 100);
}

/** Waits until the page shows its data, not its loading state, in either language. */
export async function settled(page: Page) {
  await expect(page.locator('main h1').first()).toBeVisible();
  await page.waitForFunction(
    () =>
      !/Loading[^\n]*…|加载/.test(document.querySelector('main')?.textContent ?? '') &&
      !document.querySelector('[aria-busy="true"]'),
    undefined,
    { timeout: 20_000 },
  );
}

/** A page a test walks to, by name. */
export type Visit = { name: string; open: (page: Page) => Promise<void> };

export const goTo =
  (path: string): Visit['open'] =>
  async (page) => {
    await page.goto(path);
  };
