import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'arrears-demo';

export const DEMO = {
  agent: 'alice@arrearsdesk.demo',
  chinaAgent: 'li.wei@arrearsdesk.demo',
  supervisor: 'sam@arrearsdesk.demo',
  manager: 'morgan@arrearsdesk.demo',
  admin: 'ada@arrearsdesk.demo',
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
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
