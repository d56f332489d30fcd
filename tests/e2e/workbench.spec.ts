import { expect, type Page, test } from '@playwright/test';
import { actionsPanel, DEMO, minorUnits, openCase, signIn } from './support.ts';

/**
 * The agent's workbench end to end on the demo book. The server runs on the real clock, so no test assumes
 * the hour: where a call may or may not be allowed right now, the test asks the screen (which shows the
 * engine's verdict) and takes the path that holds at this hour.
 */

const queueTable = (page: Page) => page.getByRole('table', { name: /^Cases in / });
const owed = (page: Page) => page.getByTestId('balance-owed');
/** Every contact action button of the actions panel ("Log call · Mobile …", "Send email · …"). */
const contactButtons = (page: Page) =>
  actionsPanel(page).getByRole('button', {
    name: /^(Log call|Log voicemail|Send text|Send email|Send letter|Send notification) · /,
  });

test.beforeEach(async ({ page }) => {
  await signIn(page, DEMO.agent);
});

test('an agent takes the next case from the queue, or is told when the next one opens', async ({ page }) => {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Queue' }).click();
  await expect(
    page.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: /My cases/ }),
  ).toHaveAttribute('aria-current', 'page');
  await expect(queueTable(page).locator('tbody tr').first()).toBeVisible();

  await page.keyboard.press('n');
  const opened = page.getByRole('region', { name: 'Actions', exact: true });
  const nothing = page.getByRole('status').filter({ hasText: 'Nothing can be worked now' });
  await expect(opened.or(nothing)).toBeVisible();
  if (await nothing.isVisible()) {
    // Every case of the agent and the pool is outside its hours or capped: the answer says why and when.
    test.info().annotations.push({ type: 'clock', description: 'no case was workable at this hour' });
    await expect(nothing).toContainText(/opens/i);
    return;
  }
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  // The case it took can be called now: at least one call action is allowed.
  await expect(
    actionsPanel(page)
      .getByRole('button', { name: /^Log call · / })
      .and(page.locator(':enabled'))
      .first(),
  ).toBeVisible();
});

test('a call over the weekly cap is disabled with its rule, reason and when it opens', async ({ page }) => {
  await openCase(page, 'DEMO-CAP-7IN7');
  const calls = actionsPanel(page).getByRole('button', { name: /^Log call · / });
  await expect(calls.first()).toBeVisible();
  for (const call of await calls.all()) {
    await expect(call).toBeDisabled();
    await expect(call).toHaveAccessibleDescription(/US-REGF-7IN7/);
    await expect(call).toHaveAccessibleDescription(/7 calls already made about this debt/);
    await expect(call).toHaveAccessibleDescription(/Opens /);
  }
  const row = actionsPanel(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: /^Log call · / }) })
    .first();
  await expect(row.getByText('Blocked', { exact: true })).toBeVisible();
  await expect(row).toContainText('1006.14(b)(2)(i)(A)');
});

test('an agent logs a call, records a promise and a payment; the case moves to promises due today', async ({
  page,
}) => {
  // The agent's own cases, soonest workable first: the first row is workable now if any is.
  await page.goto('/queue?sort=nextWorkableAt&dir=asc');
  const firstRow = queueTable(page).locator('tbody tr').first();
  await expect(firstRow).toBeVisible();
  const accountRef = ((await firstRow.getByRole('link').textContent()) ?? '').trim();
  const workableNow = await firstRow.getByText('Workable now').isVisible();
  await firstRow.getByRole('link').click();
  await expect(page.getByText(`Account ${accountRef}`)).toBeVisible();
  await expect(actionsPanel(page).getByText(/^Checked /)).toBeVisible();

  // Log a call with the keyboard: an outbound one when the engine allows it now, else the debtor's inbound call
  // (inbound calls are not attempts and are logged whatever the hour).
  await page.keyboard.press('c');
  const dialog = page.getByRole('dialog', { name: 'Log a call' });
  await expect(dialog).toBeVisible();
  if (!workableNow) {
    test.info().annotations.push({
      type: 'clock',
      description: `${accountRef} was not callable now; logged an inbound call`,
    });
    await dialog.getByLabel('Inbound (they called)').check();
  }
  await dialog.getByLabel('Outcome').selectOption('conversation');
  await dialog.getByLabel('Duration').fill('4:30');
  await dialog.getByRole('button', { name: 'Log call' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Call logged.' })).toBeVisible();
  // After a conversation, the promise is the next step.
  await expect(page.getByRole('button', { name: 'Record promise' })).toBeFocused();
  const timeline = page.getByRole('list', { name: 'Case history, newest first' });
  await expect(timeline.getByText(/^Call, (outbound|inbound): conversation$/).first()).toBeVisible();
  // A conversation today starts the post-conversation quiet period: calls are blocked at once.
  await expect(
    actionsPanel(page)
      .getByRole('button', { name: /^Log call · / })
      .first(),
  ).toBeDisabled();

  // A promise, due today on the debtor's calendar (the form's default).
  await page.keyboard.press('p');
  const promise = page.getByRole('dialog', { name: 'Record a promise to pay' });
  await promise.getByLabel(/^Amount/).fill('20.00');
  await promise.getByRole('button', { name: 'Record promise' }).click();
  await expect(promise).toBeHidden();
  await expect(timeline.getByText(/^Promise of \$20\.00 \(pending\)$/).first()).toBeVisible();

  // It is now in the agent's "Promises due today" queue.
  await page.goto('/queue?queue=promises_due_today');
  await expect(queueTable(page).getByRole('link', { name: accountRef, exact: true })).toBeVisible();
  await queueTable(page).getByRole('link', { name: accountRef, exact: true }).click();
  await expect(page.getByText(`Account ${accountRef}`)).toBeVisible();

  // A payment: the balance drops by it and it shows in the timeline.
  const before = minorUnits((await owed(page).textContent()) ?? '');
  await page.keyboard.press('$');
  const payment = page.getByRole('dialog', { name: 'Record a payment' });
  await payment.getByLabel(/^Amount/).fill('5.25');
  await payment.getByLabel('Method').selectOption('card');
  // A double submit is one payment: the idempotency key belongs to this opening of the form.
  await payment.getByRole('button', { name: 'Record payment' }).dblclick();
  await expect(payment).toBeHidden();
  await expect.poll(async () => minorUnits((await owed(page).textContent()) ?? '')).toBe(before - 525);
  await expect(timeline.getByText('Payment of $5.25 by Card')).toHaveCount(1);
});

test('recording a dispute blocks every contact action at once', async ({ page }) => {
  await openCase(page, 'DEMO-FRESH');
  const buttons = contactButtons(page);
  await expect(buttons.first()).toBeVisible();
  const count = await buttons.count();
  await expect(page.getByRole('heading', { name: 'Disputed' })).toHaveCount(0);

  await actionsPanel(page).getByRole('button', { name: 'Record dispute' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record dispute' });
  await dialog.getByLabel('The debtor’s reason').fill('Says the debt was paid to the original creditor');
  await dialog.getByRole('button', { name: 'Record dispute' }).click();
  await expect(dialog).toBeHidden();

  await expect(
    page.getByRole('region', { name: 'Warnings on this case' }).getByRole('heading', { name: 'Disputed' }),
  ).toBeVisible();
  await expect(buttons).toHaveCount(count);
  for (const button of await buttons.all()) {
    await expect(button).toBeDisabled();
    await expect(button).toHaveAccessibleDescription(/US-FDCPA-DISPUTE/);
  }
});

test('a refusal by the server shows its verdict: rule, reason and legal source', async ({ page }) => {
  // Letters are not bound to the hour, and the preview judges a message as if it carried every disclosure;
  // this one leaves out the debt-collector disclosure, so the guard refuses it (US-FDCPA-MIRANDA).
  await openCase(page, 'DEMO-CONV-YESTERDAY');
  const letter = actionsPanel(page)
    .getByRole('button', { name: /^Send letter · / })
    .first();
  await expect(letter).toBeEnabled();
  await letter.click();
  const dialog = page.getByRole('dialog', { name: 'Send a letter' });
  await dialog.getByLabel('Message').fill('Please call us about your account.');
  await dialog.getByRole('button', { name: 'Send letter' }).click();

  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('The server refused this action:');
  await expect(alert).toContainText('must say that it is from a debt collector');
  await expect(alert).toContainText('US-FDCPA-MIRANDA · 15 USC 1692e(11); 12 CFR 1006.18(e)');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // The refused attempt is kept, and the timeline shows it.
  const timeline = page.getByRole('list', { name: 'Case history, newest first' });
  await expect(timeline.getByText('Blocked attempt: Letter').first()).toBeVisible();
});

test('the ? key lists every shortcut in a dialog and Esc closes it', async ({ page }) => {
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const action of [
    'Take the next case',
    'Log a call',
    'Record a promise',
    'Record a payment',
    'Jump to search',
  ]) {
    await expect(help.getByRole('row', { name: new RegExp(action) })).toBeVisible();
  }
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

/** "HH:MM" on the New York clock (the demo US agents' zone), `offsetHours` from now. */
function newYorkClock(offsetHours: number): { time: string; sameDay: boolean } {
  const at = (instant: Date) =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'America/New_York',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(instant);
  const now = new Date();
  const then = at(new Date(now.getTime() + offsetHours * 3_600_000));
  return { time: then.slice(-5), sameDay: then.slice(0, 10) === at(now).slice(0, 10) };
}

test('a call dated outside today’s recording window is refused by the form, and logs once corrected', async ({
  page,
}) => {
  await page.goto('/queue');
  const firstRow = queueTable(page).locator('tbody tr').first();
  await firstRow.getByRole('link').click();
  await expect(actionsPanel(page).getByText(/^Checked /)).toBeVisible();
  await page.keyboard.press('c');
  const dialog = page.getByRole('dialog', { name: 'Log a call' });
  // Inbound: not an attempt, so the hour of the engine never refuses it; only the recording window can.
  await dialog.getByLabel('Inbound (they called)').check();
  await dialog.getByLabel('Outcome').selectOption('conversation');
  // Two hours ahead is in the future; late in the evening that wraps past midnight, so take 13 hours back
  // instead, beyond the 12 hours a call may be logged after the fact (decision record 020). Both are outside.
  const ahead = newYorkClock(2);
  const outside = ahead.sameDay ? ahead.time : newYorkClock(-13).time;
  await dialog.getByLabel(/^When \(/).fill(outside);
  await dialog.getByRole('button', { name: 'Log call' }).click();
  await expect(dialog.getByText(/^Pick a time from .* to now\.$/)).toBeVisible();
  await expect(dialog.getByLabel(/^When \(/)).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toBeVisible();

  await dialog.getByLabel(/^When \(/).fill('');
  await dialog.getByRole('button', { name: 'Log call' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Call logged.' })).toBeVisible();
});

test('a payment of the promised amount made right after the promise keeps it', async ({ page }) => {
  // The second row: the first one carries the promise of the test above.
  await page.goto('/queue');
  const row = queueTable(page).locator('tbody tr').nth(1);
  await row.getByRole('link').click();
  await expect(actionsPanel(page).getByText(/^Checked /)).toBeVisible();
  const timeline = page.getByRole('list', { name: 'Case history, newest first' });

  await page.keyboard.press('p');
  const promise = page.getByRole('dialog', { name: 'Record a promise to pay' });
  await promise.getByLabel(/^Amount/).fill('12.00');
  await promise.getByRole('button', { name: 'Record promise' }).click();
  await expect(promise).toBeHidden();
  await expect(timeline.getByText(/^Promise of \$12\.00 \(pending\)$/).first()).toBeVisible();

  // At once, in the same minute: the form's time is left as it opened.
  await page.keyboard.press('$');
  const payment = page.getByRole('dialog', { name: 'Record a payment' });
  await payment.getByLabel(/^Amount/).fill('12.00');
  await payment.getByLabel('Method').selectOption('card');
  await payment.getByRole('button', { name: 'Record payment' }).click();
  await expect(payment).toBeHidden();
  await expect(timeline.getByText(/^Promise of \$12\.00 \(kept\)$/).first()).toBeVisible();
});
