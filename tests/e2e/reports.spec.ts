import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './support.ts';

/** Issue 5, item 6: a manager views the vintage chart and downloads its CSV; an agent is refused the page and the API. */
const today = new Date().toISOString().slice(0, 10);
const twoYearsAgo = new Date(Date.now() - 730 * 86_400_000).toISOString().slice(0, 10);
const range = `from=${twoYearsAgo}&to=${today}`;

// Sign-in, a fresh book and a long table are slow on a loaded two-core machine; the steps keep their own timeouts.
test.describe.configure({ timeout: 90_000 });

test('a manager views the vintage curves and downloads them as CSV', async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  await page.goto(`/reports?report=vintage&${range}`);
  await expect(page.getByRole('combobox', { name: 'Report', exact: true })).toHaveValue('vintage');
  await expect(page.getByRole('heading', { name: 'Recovery rate by vintage', level: 2 })).toBeVisible();
  const chart = page.getByRole('figure', {
    name: 'Recovery rate by vintage chart; the table below has every figure.',
  });
  await expect(chart).toBeVisible();
  // A curve of at least two months is drawn as a line (a cohort placed this month is a single point).
  await expect(chart.locator('.recharts-line-curve[d*="L"]').first()).toBeVisible();

  const table = page.getByRole('table', { name: 'Recovery rate by vintage: every figure' });
  await expect(table.getByRole('columnheader', { name: 'Recovery rate' })).toBeVisible();
  const shown = await table.locator('tbody tr').count();
  expect(shown).toBeGreaterThan(10);
  // Long tables come a hundred rows at a time; the pager says how many there are in all.
  const pager = page.getByRole('navigation', { name: 'Table pages' });
  const total = (await pager.count())
    ? Number(/of (\d+)/.exec((await pager.textContent()) ?? '')![1])
    : shown;
  const firstCohort = (
    (await table.locator('tbody tr').first().locator('td').first().textContent()) ?? ''
  ).trim();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`vintage-${twoYearsAgo}-to-${today}.csv`);
  const bytes = await readFile((await download.path())!);
  // A UTF-8 byte-order mark first, so Excel reads the Chinese portfolio names as UTF-8.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
  expect(lines[0]).toBe(
    'portfolioName,placementMonth,currency,caseCount,placedAmount,monthsSince,collectedAmount,cumulativeAmount,recoveryRate',
  );
  // The file holds the rows the table shows, in the same order: amounts in major units with two decimals
  // (USD and CNY) beside their currency, rates to at most four decimals.
  expect(lines).toHaveLength(total + 1);
  expect(lines[1]!.startsWith(firstCohort.includes(',') ? `"${firstCohort}"` : firstCohort)).toBe(true);
  expect(lines.join('\n')).toContain('汇融消费金融');
  for (const line of lines.slice(1)) {
    expect(line).toMatch(/,(USD|CNY),\d+,\d+\.\d\d,\d+,-?\d+\.\d\d,-?\d+\.\d\d,(-?\d+(\.\d{1,4})?)?$/);
  }
});

test('an agent is refused the reports page and every report on the server', async ({ page }) => {
  await signIn(page, DEMO.agent);
  await expect(page.getByRole('link', { name: 'Reports' })).toHaveCount(0);
  await page.goto(`/reports?report=vintage&${range}`);
  await expect(page).not.toHaveURL(/\/reports/);

  const input = encodeURIComponent(JSON.stringify({ filters: { from: twoYearsAgo, to: today } }));
  const vintage = await page.request.get(`/trpc/reports.vintage?input=${input}`);
  expect(vintage.status()).toBe(403);
  const csvInput = encodeURIComponent(
    JSON.stringify({ report: 'collected', filters: { from: twoYearsAgo, to: today }, grain: 'month' }),
  );
  const csv = await page.request.get(`/trpc/reports.csv?input=${csvInput}`);
  expect(csv.status()).toBe(403);
  expect(await csv.text()).not.toContain('portfolioName');
});

test('a range with From after To is named at the field, with no retry, and the server refuses it', async ({
  page,
}) => {
  await signIn(page, DEMO.manager);
  await page.goto(`/reports?report=agentLeague&from=${today}&to=${twoYearsAgo}`);
  const to = page.getByLabel('To', { exact: true });
  await expect(to).toHaveAttribute('aria-invalid', 'true');
  await expect(to).toHaveAccessibleDescription('To must be on or after From.');
  await expect(page.getByText('Correct the date range to see the report.')).toBeVisible();
  await expect(page.getByText(/filters\.to/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Download CSV' })).toBeDisabled();

  // The server keeps its own check: a 400 with a message naming the field.
  const input = encodeURIComponent(JSON.stringify({ filters: { from: today, to: twoYearsAgo } }));
  const refused = await page.request.get(`/trpc/reports.agentLeague?input=${input}`);
  expect(refused.status()).toBe(400);
  expect(await refused.text()).toContain('to must be on or after from');

  await to.fill(today);
  await expect(to).not.toHaveAttribute('aria-invalid');
  await expect(page.getByRole('table', { name: 'Agent league table: every figure' })).toBeVisible();
  // Unassigned figures are named, not left blank.
  await expect(page.getByRole('cell', { name: 'Unassigned (team pool or automated)' }).first()).toBeVisible();
});

test("the keyboard reaches the report table's scrolling region", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.goto(`/reports?report=vintage&${range}`);
  const region = page.getByRole('region', { name: 'Recovery rate by vintage: every figure' });
  await expect(region).toBeVisible();
  // Tab from the last legend button onward until the table's region has focus (axe: scrollable-region-focusable).
  await page.getByRole('figure').last().getByRole('button').last().focus();
  for (let i = 0; i < 5 && !(await region.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(region).toBeFocused();
  const before = await region.evaluate((el) => el.scrollTop);
  await page.keyboard.press('PageDown');
  await expect.poll(() => region.evaluate((el) => el.scrollTop)).toBeGreaterThan(before);
});
