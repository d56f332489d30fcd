import { expect, type Page, test } from '@playwright/test';
import { DEMO, signIn } from './support.ts';

const editor = (page: Page) => page.getByRole('region', { name: /^Parameters of / });
/** A parameter's input, by the key in its label (its "Use default" button names the key too). */
const field = (page: Page, key: string) => editor(page).getByRole('textbox', { name: key });
const maxCalls = (page: Page) => field(page, 'US-REGF-7IN7.maxCalls');

/** Opens the first Massachusetts portfolio's parameters and answers its parameter version. */
async function openMassachusettsPortfolio(page: Page): Promise<number> {
  const table = page.getByRole('table', { name: 'Portfolios and their rule packs' });
  const row = table.getByRole('row').filter({ hasText: 'US-MA' }).first();
  await row.getByRole('link', { name: /^Edit parameters of / }).click();
  await expect(editor(page).getByRole('heading', { name: /^Parameters of / })).toBeFocused();
  return versionOf(page);
}

async function versionOf(page: Page): Promise<number> {
  const text = await editor(page)
    .getByText(/^Parameter version \d+$/)
    .textContent();
  return Number(/\d+/.exec(text ?? '')![0]);
}

test.beforeEach(async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Admin' }).click();
  await expect(page.getByRole('heading', { name: 'Rule administration', level: 1 })).toBeVisible();
});

test('lists the packs with their rules and parameters', async ({ page }) => {
  await page.locator('summary', { hasText: 'United States — federal' }).click();
  const rules = page.getByRole('table', { name: 'Rules of US', exact: true });
  await expect(rules.getByRole('row', { name: /US-REGF-7IN7/ })).toContainText('1006.14(b)(2)(i)(A)');
  const parameters = page.getByRole('table', { name: 'Parameters of US', exact: true });
  await expect(parameters.getByRole('row', { name: /US-REGF-TIME\.start/ })).toContainText('08:00');
});

test('the parameter editor opens and closes from the keyboard', async ({ page }) => {
  const table = page.getByRole('table', { name: 'Portfolios and their rule packs' });
  const link = table.getByRole('row').filter({ hasText: 'US-MA' }).first().getByRole('link');
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(editor(page).getByRole('heading', { name: /^Parameters of / })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(editor(page).getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(editor(page)).toBeHidden();
  await expect(link).toBeFocused();
});

test('an admin tightens a parameter and the version moves', async ({ page }) => {
  const version = await openMassachusettsPortfolio(page);
  const current = Number(await maxCalls(page).inputValue());
  expect(current).toBeGreaterThan(1);

  await maxCalls(page).fill(String(current - 1));
  await editor(page).getByRole('button', { name: 'Save parameters' }).click();

  await expect(editor(page).getByRole('status')).toHaveText(
    `Saved. The parameter version is now ${version + 1}.`,
  );
  await expect(editor(page).getByText(`Parameter version ${version + 1}`)).toBeVisible();
  await expect(maxCalls(page)).toHaveValue(String(current - 1));
  await expect(maxCalls(page)).toHaveAccessibleDescription(/changed from the default/);

  // The portfolio is in the URL: a reload opens it again, with the saved value.
  await page.reload();
  await expect(editor(page).getByText(`Parameter version ${version + 1}`)).toBeVisible();
  await expect(maxCalls(page)).toHaveValue(String(current - 1));
  await expect(
    editor(page)
      .getByText(/changed from the default/)
      .first(),
  ).toBeVisible();
});

test('a loosening value shows the error beside the field and nothing is saved', async ({ page }) => {
  const version = await openMassachusettsPortfolio(page);

  await maxCalls(page).fill('8');
  await maxCalls(page).press('Tab');
  await expect(maxCalls(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(maxCalls(page)).toHaveAccessibleDescription(
    /May only go lower: the legal limit is 7, 8 was asked\./,
  );

  const start = field(page, 'US-REGF-TIME.start');
  await start.fill('07:30');
  await editor(page).getByRole('button', { name: 'Save parameters' }).click();
  await expect(editor(page).getByRole('alert')).toHaveText('Check the fields marked below.');
  // The first refused field in the form's order takes the focus: the call window comes before the caps.
  await expect(start).toBeFocused();
  await expect(
    editor(page).getByText('May only go later: the legal limit is 08:00, 07:30 was asked.'),
  ).toBeVisible();
  expect(await versionOf(page)).toBe(version);
});

test('a save from a page that went stale shows the server’s refusal, and the latest values load', async ({
  page,
  context,
}) => {
  const version = await openMassachusettsPortfolio(page);
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(editor(other).getByText(`Parameter version ${version}`)).toBeVisible();
  await field(other, 'US-MA-VISIT.days').fill('45');
  await editor(other).getByRole('button', { name: 'Save parameters' }).click();
  await expect(editor(other).getByRole('status')).toHaveText(
    `Saved. The parameter version is now ${version + 1}.`,
  );
  await other.close();

  await field(page, 'US-MA-FREQ.otherDays').fill('60');
  await editor(page).getByRole('button', { name: 'Save parameters' }).click();
  const alert = editor(page).getByRole('alert');
  await expect(alert).toContainText(`were changed meanwhile (version ${version + 1}, not ${version})`);

  await alert.getByRole('button', { name: 'Load the latest values' }).click();
  await expect(editor(page).getByText(`Parameter version ${version + 1}`)).toBeVisible();
  await expect(field(page, 'US-MA-VISIT.days')).toHaveValue('45');
  await expect(alert).toBeHidden();
});
