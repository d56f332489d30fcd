import { expect, test } from '@playwright/test';
import { actionsPanel, DEMO, openCase, signIn } from './support.ts';

/**
 * The compliance audit end to end: an agent's attempt the server refuses is kept, the supervisor finds it in the
 * audit, opens it and marks it reviewed; an agent can neither open the audit nor call its procedures.
 */

test("an agent's blocked attempt shows up in the supervisor's audit and is marked reviewed", async ({
  browser,
}) => {
  // Two people in two browser contexts and a dozen page loads: more than the default 30 s on a busy machine.
  test.setTimeout(120_000);
  // The agent: a letter without the debt-collector disclosure is refused by the guard (US-FDCPA-MIRANDA),
  // whatever the hour, and the refusal is kept as a blocked decision.
  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signIn(agent, DEMO.agent);
  await openCase(agent, 'DEMO-CONV-YESTERDAY');
  await actionsPanel(agent)
    .getByRole('button', { name: /^Send letter · / })
    .first()
    .click();
  const dialog = agent.getByRole('dialog', { name: 'Send a letter' });
  await dialog.getByLabel('Message').fill('Please call us about your account (audit test).');
  await dialog.getByRole('button', { name: 'Send letter' }).click();
  await expect(dialog.getByRole('alert')).toContainText('US-FDCPA-MIRANDA');
  await agentContext.close();

  // The supervisor of the agent's team finds it, filtered by the rule.
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, DEMO.supervisor);
  await page.goto('/compliance/audit');
  await expect(page.getByRole('heading', { name: 'Compliance audit', level: 1 })).toBeVisible();
  // Two filters chosen at once: the second must keep the first even while the page still waits for its rows.
  await page.getByLabel('Rule').selectOption('US-FDCPA-MIRANDA');
  await page.getByLabel('Review', { exact: true }).selectOption('unreviewed');
  await expect(page).toHaveURL(/ruleId=US-FDCPA-MIRANDA.*review=unreviewed/);
  const table = page.getByRole('table', { name: 'Audit rows' });
  const row = table.getByRole('row').filter({ hasText: 'DEMO-CONV-YESTERDAY' }).first();
  await expect(row).toContainText('Blocked');
  await expect(row).toContainText('US-FDCPA-MIRANDA');
  await expect(row).toContainText('Not reviewed');
  await row.getByRole('link', { name: /^Open decision / }).click();

  // The decision: its rule with the legal source, the facts it saw, a link to the case and its timeline.
  await expect(page.getByRole('heading', { name: /^Decision \d+$/, level: 1 })).toBeVisible();
  await expect(page.getByText('1692e(11)').first()).toBeVisible();
  await expect(page.getByRole('link', { name: /DEMO-CONV-YESTERDAY .* case and timeline/ })).toBeVisible();
  await page.getByText('Show the facts').click();
  await expect(page.locator('pre.facts')).toContainText('"action"');

  // Marked reviewed with a note, from the keyboard.
  const note = page.getByLabel('Review note');
  await note.focus();
  await page.keyboard.type('Letter template lacked the disclosure; agent coached.');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Mark reviewed' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Review saved.' })).toBeVisible();
  const reviews = page.getByRole('region', { name: 'Reviews' });
  await expect(reviews).toContainText('Letter template lacked the disclosure; agent coached.');
  await expect(reviews).toContainText('Sam Okafor');

  // Back in the audit the decision now reads as reviewed.
  await page.getByRole('link', { name: 'Back to the audit' }).click();
  // Exact: the decision page, still showing while the audit's page arrives, has a region named "Rules".
  await page.getByLabel('Rule', { exact: true }).selectOption('US-FDCPA-MIRANDA');
  await expect(page).toHaveURL(/ruleId=US-FDCPA-MIRANDA/);
  await page.getByLabel('Review', { exact: true }).selectOption('reviewed');
  await expect(table.getByRole('row').filter({ hasText: 'DEMO-CONV-YESTERDAY' }).first()).toContainText(
    'Reviewed by Sam Okafor',
  );
  // The per-agent figures and the heat map are there for the same range.
  await expect(page.getByRole('heading', { name: 'Per-agent figures' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Contact attempts by the debtor/ })).toBeVisible();
  await context.close();
});

test('an agent asking for the audit is sent away, and the server refuses its procedures', async ({
  page,
}) => {
  await signIn(page, DEMO.agent);
  await page.goto('/compliance/audit');
  await expect(page).not.toHaveURL(/\/compliance/);
  await page.goto('/compliance/qa');
  await expect(page).not.toHaveURL(/\/compliance/);
  const statuses = await page.evaluate(async () => {
    const input = encodeURIComponent(
      JSON.stringify({ kind: 'decisions', from: '2026-11-01', to: '2026-11-07' }),
    );
    const list = await fetch(`/trpc/oversight.list?input=${input}`);
    const qa = await fetch(`/trpc/oversight.qaSample?input=${encodeURIComponent('{}')}`);
    const review = await fetch('/trpc/oversight.review', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        target: 'decision',
        id: 1,
        note: 'agent self-review',
        idempotencyKey: crypto.randomUUID(),
      }),
    });
    const body = (await list.json()) as { error?: { data?: { code?: string } } };
    return [list.status, qa.status, review.status, body.error?.data?.code];
  });
  expect(statuses).toEqual([403, 403, 403, 'FORBIDDEN']);
});
