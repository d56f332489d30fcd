import { fileURLToPath } from 'node:url';
import { expect as baseExpect, type Page, test } from '@playwright/test';
import { actionsPanel, DEMO, openCase, signIn } from './support.ts';

/**
 * Approved agency placements (issue 15, defect 3; decision record 026), on the demo book: sam approves alice's waiting
 * placement request on DEMO-PLACEMENT, alice places the case, and the approval is used up (the row asks again);
 * DEMO-PLACE-LAPSED's approval is three weeks old, past the 14 days a placement approval lasts, so it asks too.
 */

// Several sign-ins and writes per test on an embedded database shared with start-up jobs: generous clocks.
test.describe.configure({ timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 30_000 });

const WITH_ERRORS = fileURLToPath(new URL('../fixtures/placements/with-errors.csv', import.meta.url));

async function switchUser(page: Page, email: string) {
  await page.context().clearCookies();
  await signIn(page, email);
}

const placeButton = (page: Page) =>
  actionsPanel(page).getByRole('button', { name: 'Place the approved case with an agency' });
const requestButton = (page: Page) =>
  actionsPanel(page).getByRole('button', { name: 'Request agency placement' });

test('a supervisor approves a placement, the agent places the case, and the approval is used up', async ({
  page,
}) => {
  await signIn(page, DEMO.agent);
  await openCase(page, 'DEMO-PLACEMENT');
  // Waiting for a decision: the agent can only ask (the request is already there), not place.
  await expect(requestButton(page)).toBeVisible();
  await expect(placeButton(page)).toHaveCount(0);

  await switchUser(page, DEMO.supervisor);
  await page.goto('/compliance/approvals');
  await page.getByLabel('Escalation', { exact: true }).selectOption('agency_placement');
  const queue = page.getByRole('table', { name: 'Escalation requests waiting for a decision' });
  const row = queue.getByRole('row').filter({ hasText: 'DEMO-PLACEMENT' });
  await row.getByRole('button', { name: 'Approve the agency placement on DEMO-PLACEMENT' }).click();
  const dialog = page.getByRole('dialog', { name: 'Approve the agency placement on DEMO-PLACEMENT' });
  await dialog.getByLabel('Reason (kept with the decision)').fill('No contact in months; Meridian covers NY');
  await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Approved the agency placement on DEMO-PLACEMENT.')).toBeVisible();

  await switchUser(page, DEMO.agent);
  await openCase(page, 'DEMO-PLACEMENT');
  await expect(requestButton(page)).toHaveCount(0);
  const place = placeButton(page);
  await expect(place).toBeEnabled();
  await place.click();
  const form = page.getByRole('dialog', { name: 'Place the approved case with an agency' });
  await form.getByRole('button', { name: 'Place with agency' }).click();
  await expect(form.getByText('Choose the agency to place the case with')).toBeVisible();
  await form.getByLabel('Agency').selectOption({ label: 'Meridian Recovery Partners (25.00% commission)' });
  await form.getByRole('button', { name: 'Place with agency' }).click();
  await expect(form).toBeHidden();
  await expect(actionsPanel(page).getByText(/^Placed with Meridian Recovery Partners\./)).toBeVisible();

  // The approval allowed this one placement: the row asks for a new request, and so it does after a reload.
  await expect(placeButton(page)).toHaveCount(0);
  await expect(requestButton(page)).toBeVisible();
  await page.reload();
  await expect(actionsPanel(page).getByText(/^Checked /)).toBeVisible();
  await expect(requestButton(page)).toBeVisible();
  await expect(placeButton(page)).toHaveCount(0);
});

test('an approval left unused past its 14 days leaves Request, not Place', async ({ page }) => {
  await signIn(page, DEMO.agent);
  await openCase(page, 'DEMO-PLACE-LAPSED');
  await expect(requestButton(page)).toBeEnabled();
  await expect(placeButton(page)).toHaveCount(0);
});

/** Elements whose content overflows a scrolling box that neither takes focus nor holds anything that does. */
function unreachableScrollers(page: Page) {
  return page.evaluate(() => {
    const focusable = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';
    return [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => {
        const style = getComputedStyle(el);
        const scrolls = /(auto|scroll)/.test(`${style.overflowX} ${style.overflowY}`);
        const overflows = el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
        return scrolls && overflows && el.tabIndex < 0 && el.querySelector(focusable) === null;
      })
      .map((el) => el.className || el.tagName);
  });
}

test('the placements page’s scrolling tables can be reached and scrolled by keyboard', async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto('/admin/placements');
  await page.locator('summary', { hasText: 'The file format' }).click();
  const format = page.getByRole('region', { name: 'The file format' });
  await expect(format).toBeVisible();
  await expect.poll(() => unreachableScrollers(page)).toEqual([]);
  // Reached with Tab like any control, and named for what it holds.
  await format.focus();
  await expect(format).toBeFocused();
  await expect(format).toHaveAttribute('tabindex', '0');

  // A file's row errors: a long table in its own scrolling box.
  await page.getByLabel('Portfolio').selectOption({ label: 'Northwind Power & Light — TX (USD)' });
  await page.getByLabel('CSV file').setInputFiles(WITH_ERRORS);
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(page.getByRole('region', { name: 'Errors by row and column' })).toBeVisible();
  await expect.poll(() => unreachableScrollers(page)).toEqual([]);
});
