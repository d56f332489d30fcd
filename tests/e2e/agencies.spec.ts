import { expect, type Page, test } from '@playwright/test';
import { DEMO, signIn } from './support.ts';

/** The demo book's fresh placement for this test (server/src/db/seed/agency-demo.ts, DEMO_RECALL_PLACEMENT_ID). */
const DEMO_PLACEMENT = '00000011-5eed-4000-8000-0e2e00000001';
const MERIDIAN = 'Meridian Recovery Partners';

async function openAgencies(page: Page) {
  await signIn(page, DEMO.admin);
  await page.goto('/admin/agencies');
  await expect(page.getByRole('heading', { name: 'Agencies', level: 1 })).toBeVisible();
  await expect(page.getByTestId('agencies-table')).toBeVisible();
}

test('an admin adds an agency and sees each agency’s placements with totals per currency', async ({
  page,
}) => {
  test.setTimeout(90_000); // sign-in, a create and a placements list on a shared, busy machine
  await openAgencies(page);
  const table = page.getByTestId('agencies-table');
  await expect(table.getByRole('row').filter({ hasText: MERIDIAN }).first()).toContainText('USD');

  await page.getByLabel('Name', { exact: true }).fill('Harborview Collections');
  await page.getByLabel('Commission (%)').fill('18.5');
  await page.getByRole('button', { name: 'Add agency' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Harborview Collections was added.' }),
  ).toBeVisible();
  const added = table.getByRole('row').filter({ hasText: 'Harborview Collections' });
  await expect(added).toContainText('18.50%');
  await expect(added).toContainText('No placements in your scope');

  await page.getByRole('button', { name: `Placements of ${MERIDIAN}` }).click();
  const placements = page.getByRole('region', { name: `Placements with ${MERIDIAN}` });
  const row = placements.locator(`tr[data-placement-id="${DEMO_PLACEMENT}"]`);
  await expect(row).toContainText('Placed');
  await expect(row.getByRole('link')).toHaveAttribute('href', /^\/cases\/[0-9a-f-]{36}$/);
});

test('a supervisor recalls a placement from the case screen', async ({ page: adminPage, browser }) => {
  test.setTimeout(90_000);
  await openAgencies(adminPage);
  const page = adminPage;
  await page.getByRole('button', { name: `Placements of ${MERIDIAN}` }).click();
  const link = page
    .getByRole('region', { name: `Placements with ${MERIDIAN}` })
    .locator(`tr[data-placement-id="${DEMO_PLACEMENT}"]`)
    .getByRole('link');
  const href = await link.getAttribute('href');
  expect(href).toBeTruthy();

  // The supervisor in a browser context of their own.
  const context = await browser.newContext();
  const supervisor = await context.newPage();
  await signIn(supervisor, DEMO.supervisor);
  await supervisor.goto(href!);
  const panel = supervisor.getByRole('region', { name: 'Agency placement' });
  const card = panel.locator(`[data-placement-id="${DEMO_PLACEMENT}"]`);
  await expect(card).toContainText(MERIDIAN);
  await expect(card).toContainText('Placed');
  await card.getByRole('button', { name: 'Recall placement' }).click();
  await expect(card.getByText('Write a reason of at least 10 characters')).toBeVisible();
  await card.getByLabel('Reason for the recall').fill('No collections reported in three weeks');
  await card.getByRole('button', { name: 'Recall placement' }).click();
  await expect(card).toContainText('Recalled');
  await expect(card).toContainText('No collections reported in three weeks');
  await expect(card.getByRole('button', { name: 'Recall placement' })).toHaveCount(0);
  await context.close();
});
