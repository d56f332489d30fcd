import { expect as baseExpect, type Page, test } from '@playwright/test';
import { actionsPanel, DEMO, openCase, signIn } from './support.ts';

/**
 * Approved agency placements (issue 15, defect 3; decision 023), on the demo book: sam approves alice's waiting
 * placement request on DEMO-PLACEMENT, alice places the case, and the approval is used up (the row asks again);
 * DEMO-PLACE-LAPSED's approval is three weeks old, past the 14 days a placement approval lasts, so it asks too.
 */

// Several sign-ins and writes per test on an embedded database shared with start-up jobs: generous clocks.
test.describe.configure({ timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 30_000 });

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
