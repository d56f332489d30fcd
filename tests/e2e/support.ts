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
