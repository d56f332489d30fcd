import { expect, type Page, test } from '@playwright/test';
import { DEMO, signIn } from './support.ts';

const table = (page: Page) => page.getByRole('table', { name: 'Cases' });
const bodyRows = (page: Page) => table(page).locator('tbody tr');

/** The text of one column, by its header's position, for every row on the page. */
async function columnTexts(page: Page, header: string): Promise<string[]> {
  const headers = await table(page).locator('thead th').allInnerTexts();
  const index = headers.findIndex((h) => h.trim().startsWith(header));
  expect(index, `column ${header} in ${headers.join(', ')}`).toBeGreaterThanOrEqual(0);
  return bodyRows(page)
    .locator(`td:nth-child(${index + 1})`)
    .allInnerTexts();
}

/** "$1,234.50" or "¥1,234.50" → 1234.5, for comparing order within one currency. */
const amount = (text: string) => Number(text.replace(/[^\d.-]/g, ''));

test.beforeEach(async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Cases' }).click();
  await expect(bodyRows(page).first()).toBeVisible();
});

test('pages through the cases from the server', async ({ page }) => {
  await expect(page.getByText(/^Page 1 of \d+$/)).toBeVisible();
  const firstPage = await columnTexts(page, 'Account ref');
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByText(/^Page 2 of \d+$/)).toBeVisible();
  await expect(page).toHaveURL(/page=2/);
  // The table keeps showing the previous page while the next one loads: wait until its rows are the new page's.
  await expect.poll(async () => (await columnTexts(page, 'Account ref'))[0]).not.toBe(firstPage[0]);
  const secondPage = await columnTexts(page, 'Account ref');
  expect(secondPage.length).toBeGreaterThan(0);
  expect(secondPage.filter((ref) => firstPage.includes(ref))).toEqual([]);
  await page.goBack();
  await expect(page.getByText(/^Page 1 of \d+$/)).toBeVisible();
});

test('sorts by balance on the server, both ways', async ({ page }) => {
  await page.getByLabel('Portfolio').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Sort by balance' }).click();
  await expect(page).toHaveURL(/sort=balance/);
  await expect(page.getByRole('columnheader', { name: /balance/i })).toHaveAttribute(
    'aria-sort',
    /ascending|descending/,
  );
  const direction = await page.getByRole('columnheader', { name: /balance/i }).getAttribute('aria-sort');
  const balances = (await columnTexts(page, 'Balance')).map(amount);
  const sorted = [...balances].sort((a, b) => (direction === 'ascending' ? a - b : b - a));
  expect(balances).toEqual(sorted);
  await page.getByRole('button', { name: 'Sort by balance' }).click();
  await expect(page.getByRole('columnheader', { name: /balance/i })).not.toHaveAttribute(
    'aria-sort',
    direction!,
  );
  // The header turns at once; the rows follow when the server answers, so wait for them to be in the new order.
  const inFlippedOrder = async () => {
    const flipped = (await columnTexts(page, 'Balance')).map(amount);
    const expected = [...flipped].sort((a, b) => (direction === 'ascending' ? b - a : a - b));
    return flipped.length > 1 && flipped.join() === expected.join() && flipped.join() !== balances.join();
  };
  await expect.poll(inFlippedOrder).toBe(true);
});

test('filters by status and by search, and shows the empty state', async ({ page }) => {
  await page.getByLabel('Status').selectOption({ label: 'Paid' });
  await expect(page).toHaveURL(/status=paid/);
  await expect.poll(async () => new Set(await columnTexts(page, 'Status'))).toEqual(new Set(['Paid']));

  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await page.getByLabel('Search debtor or account').fill('DEMO-DISPUTED');
  await expect.poll(() => columnTexts(page, 'Account ref')).toEqual(['DEMO-DISPUTED']);

  await page.getByLabel('Search debtor or account').fill('zzzz-no-such-case');
  await expect(page.getByText('No cases match these filters')).toBeVisible();
});

test('an agent sees only their own cases and their team pool', async ({ page }) => {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, DEMO.agent);
  await page.goto('/cases');
  await expect(bodyRows(page).first()).toBeVisible();
  const agents = new Set(await columnTexts(page, 'Agent'));
  for (const name of agents) expect(['Alice Walker', 'Team pool']).toContain(name);
  const options = await page.getByLabel('Agent').locator('option').allInnerTexts();
  expect(options).not.toContain('Bob Martinez');
});
