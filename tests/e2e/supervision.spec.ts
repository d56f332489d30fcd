import { expect as baseExpect, type Page, test } from '@playwright/test';
import { actionsPanel, DEMO, openCase, signIn } from './support.ts';

/**
 * Supervision in Chromium (issue 5, items 3–5), on the demo book: the seeded field-visit request on
 * DEMO-ESCALATION (alice's, New York) is approved by sam and then booked by alice; the overdue seeded complaint
 * is assigned and resolved; two of bob's cases move to carmen in one go. Run with E2E_PORT=5103.
 */

// Several sign-ins and writes per test on an embedded database shared with start-up jobs: generous clocks.
test.describe.configure({ timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 30_000 });

/** A Wednesday at least two days ahead, as the debtor's calendar date (New York): a plain weekday for a visit. */
function nextWednesday(): string {
  const day = new Date(Date.now() + 2 * 86_400_000);
  while (day.getUTCDay() !== 3) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

async function switchUser(page: Page, email: string) {
  await page.context().clearCookies();
  await signIn(page, email);
}

test('a supervisor approves a field visit and the agent’s action opens and books it', async ({ page }) => {
  await signIn(page, DEMO.supervisor);
  await page.goto('/compliance/approvals');
  const queue = page.getByRole('table', { name: 'Escalation requests waiting for a decision' });
  const row = queue.getByRole('row').filter({ hasText: 'DEMO-ESCALATION' });
  await expect(row).toContainText('Field visit');
  await expect(row).toContainText('Alice Walker');
  // What the engine says once approved: nothing else blocks, or only the hour does (the test may run at night).
  await expect(row).toContainText(/Nothing else blocks|Not now; opens/);
  await expect(row).not.toContainText('POL-APPROVAL');

  await row.getByRole('button', { name: 'Approve the field visit on DEMO-ESCALATION' }).click();
  const dialog = page.getByRole('dialog', { name: 'Approve the field visit on DEMO-ESCALATION' });
  await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(dialog.getByText('Write a reason')).toBeVisible();
  await dialog.getByLabel('Reason (kept with the decision)').fill('Field team is in the area this week');
  await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Approved the field visit on DEMO-ESCALATION.')).toBeVisible();
  await expect(queue.getByText('DEMO-ESCALATION')).toHaveCount(0);

  await page.getByLabel('Show').selectOption('approved');
  const history = page.getByRole('table', { name: 'Decided escalation requests' });
  await expect(history.getByRole('row').filter({ hasText: 'DEMO-ESCALATION' })).toContainText(
    'Field team is in the area this week',
  );

  await switchUser(page, DEMO.agent);
  await openCase(page, 'DEMO-ESCALATION');
  const book = actionsPanel(page).getByRole('button', { name: 'Schedule the approved field visit' });
  await expect(book).toBeEnabled();
  await book.click();
  const form = page.getByRole('dialog', { name: 'Schedule the approved field visit' });
  await form.getByLabel('Date').fill(nextWednesday());
  await form.getByLabel('Time').fill('11:00');
  await form.getByRole('button', { name: 'Schedule visit' }).click();
  await expect(form).toBeHidden();
  await expect(actionsPanel(page).getByText(/^Visit scheduled for /)).toBeVisible();
});

test('a complaint past its target is assigned and resolved', async ({ page }) => {
  await signIn(page, DEMO.supervisor);
  await page.goto('/compliance/complaints');
  const table = page.getByRole('table', { name: 'Complaints' });
  const description = 'Says the agent kept calling after being asked to write instead.';
  const row = table.getByRole('row').filter({ hasText: description });
  await expect(row).toContainText('Overdue');
  await expect(row).toContainText('Bob Martinez');
  const accountRef = ((await row.getByRole('link').first().textContent()) ?? '').trim();

  await row.getByRole('button', { name: `Assign the complaint on ${accountRef}` }).click();
  const assign = page.getByRole('dialog', { name: `Assign the complaint on ${accountRef}` });
  await assign.getByLabel('Assign to').selectOption({ label: 'Bob Martinez (Agent)' });
  await assign.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(assign).toBeHidden();
  await expect(row.getByRole('cell').nth(5)).toHaveText('Bob Martinez');

  await row.getByRole('button', { name: `Resolve the complaint on ${accountRef}` }).click();
  const resolve = page.getByRole('dialog', { name: `Resolve the complaint on ${accountRef}` });
  await resolve.getByLabel('Resolution (what was found and done)').fill('Too short');
  await resolve.getByRole('button', { name: 'Resolve', exact: true }).click();
  await expect(resolve.getByText('Write at least 10 characters')).toBeVisible();
  await resolve
    .getByLabel('Resolution (what was found and done)')
    .fill('Calls reviewed; the agent now writes to this debtor only. Apology sent.');
  await resolve.getByRole('button', { name: 'Resolve', exact: true }).click();
  await expect(resolve).toBeHidden();
  await expect(table.getByText(description)).toHaveCount(0);

  await page.getByLabel('Show').selectOption('resolved');
  const resolved = table.getByRole('row').filter({ hasText: description });
  await expect(resolved).toContainText('Resolved');
  await expect(resolved).toContainText('Apology sent.');
  await expect(resolved).toContainText('Overdue');
});

test('a supervisor moves cases from one agent to another in bulk', async ({ page }) => {
  await signIn(page, DEMO.supervisor);
  await page.goto('/compliance/team');
  await expect(page.getByRole('table', { name: /^Agents of / })).toContainText('Carmen Diaz');
  const filters = page.getByRole('search', { name: 'Filter cases' });
  await filters.getByLabel('Agent').selectOption({ label: 'Bob Martinez' });
  const cases = page.getByRole('table', { name: 'Active cases of the team' });
  await expect(cases.getByRole('row').nth(2)).toContainText('Bob Martinez');
  const rows = cases.getByRole('row');
  const refs: string[] = [];
  for (const n of [1, 2]) {
    const ref = ((await rows.nth(n).getByRole('link').textContent()) ?? '').trim();
    refs.push(ref);
    await rows
      .nth(n)
      .getByRole('checkbox', { name: `Select ${ref}` })
      .check();
  }
  await expect(page.getByText('2 cases selected')).toBeVisible();
  await page.getByLabel('Move to').selectOption({ label: 'Carmen Diaz' });
  // The move asks first, and says what it will move: how many cases, from whom, to whom.
  await page.getByRole('button', { name: 'Move 2 cases' }).click();
  const confirm = page.getByRole('dialog', { name: 'Move 2 cases?' });
  await expect(confirm).toContainText('This moves 2 cases from Bob Martinez (2 cases) to Carmen Diaz.');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(cases.getByRole('link', { name: refs[0]! })).toBeVisible();
  await expect(page.getByText('2 cases selected')).toBeVisible();

  await page.getByRole('button', { name: 'Move 2 cases' }).click();
  await expect(confirm.getByRole('button', { name: 'Move 2 cases' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Move 2 cases' }).click();
  await expect(page.getByText('Moved 2 cases to Carmen Diaz.')).toBeVisible();
  for (const ref of refs) await expect(cases.getByRole('link', { name: ref })).toHaveCount(0);

  await filters.getByLabel('Agent').selectOption({ label: 'Carmen Diaz' });
  for (const ref of refs) {
    await expect(cases.getByRole('row').filter({ hasText: ref })).toContainText('Carmen Diaz');
  }
});

test('an agent asking for the supervision procedures is refused by the server', async ({ page }) => {
  await signIn(page, DEMO.agent);
  for (const path of ['approvals.list', 'complaints.list', 'team.overview']) {
    const response = await page.request.get(`/trpc/${path}`);
    expect(response.status(), path).toBe(403);
  }
});
