import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { DEMO, signIn } from './support.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/placements/with-errors.csv', import.meta.url));
const PORTFOLIO = 'Northwind Power & Light — TX (USD)';

async function checkFile(page: Page) {
  await page.getByLabel('Portfolio').selectOption({ label: PORTFOLIO });
  await page.getByLabel('CSV file').setInputFiles(FIXTURE);
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(page.getByRole('heading', { name: 'Check of with-errors.csv' })).toBeVisible();
}

test('an admin sees every row error, imports only the valid rows, and a second upload is recognised', async ({
  page,
}) => {
  await signIn(page, DEMO.admin);
  await page.goto('/admin/placements');
  await expect(page.getByRole('heading', { name: 'Placement files', level: 1 })).toBeVisible();

  await checkFile(page);
  const errors = page.getByRole('table', { name: 'Errors by row and column' });
  await expect(page.getByRole('heading', { name: '9 errors' })).toBeVisible();
  await expect(errors.getByRole('row')).toHaveCount(10);
  await expect(errors.getByRole('row').nth(1)).toContainText('4');
  await expect(errors.getByRole('row').nth(1)).toContainText('principal_minor');
  await expect(errors.getByRole('row').nth(1)).toContainText('write 125000, not 1250.00');
  await expect(errors.getByRole('row').filter({ hasText: 'repeats row 2' })).toContainText('account_ref');
  // Nothing was written by the check: the whole file cannot go in, the valid rows can.
  await expect(page.getByRole('button', { name: 'Import all 7 rows' })).toBeDisabled();
  await page.getByRole('button', { name: 'Import only the 3 valid new rows' }).click();
  await expect(
    page.getByText('Imported: 3 new accounts; 0 already placed and 4 rows with errors left out.'),
  ).toBeVisible();

  const past = page.getByRole('table', { name: 'Past placements' });
  await expect(past.getByRole('row').filter({ hasText: 'with-errors.csv' })).toContainText(
    'Northwind Power & Light — TX',
  );
  await expect(past.getByRole('row').filter({ hasText: 'with-errors.csv' })).toContainText('3');

  await checkFile(page);
  await expect(
    page.getByText(/This file was already imported \(with-errors\.csv, 3 accounts\)/),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /^Import only/ })).toHaveCount(0);
});

test('the format and its template are on the page', async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto('/admin/placements');
  await page.locator('summary', { hasText: 'The file format' }).click();
  await expect(page.getByRole('row', { name: /principal_minor/ })).toContainText('125000');
  await expect(page.getByRole('link', { name: 'Download the template' })).toHaveAttribute(
    'download',
    'placement-template.csv',
  );
});
