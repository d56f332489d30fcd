import { expect, type Page, test } from '@playwright/test';
import { DEMO, signIn } from './support.ts';

// Shared two-core machine: a full edit, save and reload can take longer than the default 30 s.
test.describe.configure({ timeout: 90_000 });

const editor = (page: Page) => page.getByRole('region', { name: /^Reminders of / });
const steps = (page: Page) => editor(page).getByRole('listitem');

async function openFirstPortfolio(page: Page): Promise<string> {
  const table = page.getByRole('table', { name: 'Strategies by portfolio' });
  const row = table.getByRole('row').nth(1);
  const name = (await row.getByRole('rowheader').textContent()) ?? '';
  await row.getByRole('link', { name: /^Edit the reminder strategy of / }).click();
  await expect(editor(page).getByRole('heading', { name: `Reminders of ${name}` })).toBeFocused();
  return name;
}

test.beforeEach(async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto('/admin/reminders');
  await expect(page.getByRole('heading', { name: 'Reminder strategies', level: 1 })).toBeVisible();
});

test('an admin adds a step to a strategy, sees an out-of-order day refused beside the field, and the saved step stays', async ({
  page,
}) => {
  const name = await openFirstPortfolio(page);
  const before = await steps(page).count();
  expect(before).toBeGreaterThan(0);

  await editor(page).getByRole('button', { name: 'Add step' }).click();
  await expect(steps(page)).toHaveCount(before + 1);
  const added = steps(page).nth(before);
  await added.getByRole('textbox', { name: 'Day' }).fill('-10');
  await added.getByRole('combobox', { name: 'Channel' }).selectOption({ label: 'Email' });
  await added.getByRole('combobox', { name: 'Template' }).selectOption({ index: 1 });
  await editor(page).getByRole('button', { name: 'Save strategy' }).click();
  await expect(added.getByText(/^Steps go in day order/)).toBeVisible();
  await expect(added.getByRole('textbox', { name: 'Day' })).toHaveAttribute('aria-invalid', 'true');

  await added.getByRole('textbox', { name: 'Day' }).fill('14');
  await expect(added.getByText('14 days after')).toBeVisible();
  await editor(page).getByRole('button', { name: 'Save strategy' }).click();
  await expect(editor(page).getByRole('status')).toHaveText(/^Saved: version \d+\.$/);

  // Read back from the server: the table row and the editor after a reload show the new step.
  await page.reload();
  const row = page
    .getByRole('table', { name: 'Strategies by portfolio' })
    .getByRole('row')
    .filter({ hasText: name });
  await expect(row).toContainText('Email 14 days after');
  await row.getByRole('link', { name: /^Edit the reminder strategy of / }).click();
  await expect(steps(page)).toHaveCount(before + 1);
  await expect(steps(page).nth(before).getByRole('textbox', { name: 'Day' })).toHaveValue('14');
});

test('an agent cannot reach the reminder strategies', async ({ page }) => {
  await page.context().clearCookies();
  await signIn(page, DEMO.agent);
  await page.goto('/admin/reminders');
  await expect(
    page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Admin' }),
  ).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Strategies by portfolio' })).toBeHidden();
});
