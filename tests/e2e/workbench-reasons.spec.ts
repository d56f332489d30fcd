import { type Browser, expect, type Page, test } from '@playwright/test';
import { actionsPanel, DEMO, openCase, signIn } from './support.ts';

/**
 * What the workbench says about when a blocked case or action opens, and how it dates things. The server runs on
 * the real clock: where the hour decides what can be seen, the test takes the path that holds now and says so.
 */

const queueTable = (page: Page) => page.getByRole('table', { name: /^Cases in / });
const timeline = (page: Page) => page.getByRole('list', { name: 'Case history, newest first' });
/** The demo US agents' clock: an instant as the screen writes opening times ("Thu, Dec 10, 12:00 PM EST"). */
const newYork = (at: Date, withYear = false) =>
  new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/New_York',
    weekday: 'short',
    ...(withYear ? { year: 'numeric' as const } : {}),
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at);
const ISO_INSTANT = /\d{4}-\d\d-\d\dT\d\d:\d\d/;
const NO_OPENING = 'It does not open with time';

/** Puts a case on hold as the agent's supervisor would (there is no hold form yet: the procedure is the door). */
async function holdAsSupervisor(browser: Browser, caseId: string, until: Date) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await signIn(page, DEMO.supervisor);
  const status = await page.evaluate(
    async ({ caseId, until }) => {
      const response = await fetch('/trpc/casework.setHold', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          caseId,
          until,
          reason: 'Settlement offer pending with the creditor',
          idempotencyKey: crypto.randomUUID(),
        }),
      });
      return response.status;
    },
    { caseId, until: until.toISOString() },
  );
  expect(status).toBe(200);
  await context.close();
}

test('a case on hold until a known instant says when it opens: its queue row and its actions', async ({
  page,
  browser,
}) => {
  test.setTimeout(60_000);
  await signIn(page, DEMO.agent);
  // The agent's richest case that opens with time (workable now or later today): a hold is all that will stop it.
  // Sorted by balance, it stays in its place once held.
  const byBalance = '/queue?sort=balance&dir=desc';
  await page.goto(byBalance);
  const candidate = queueTable(page)
    .locator('tbody tr')
    .filter({ hasText: /Workable now|Opens / })
    .first();
  const link = candidate.getByRole('link').first();
  const accountRef = ((await link.textContent()) ?? '').trim();
  const caseId = ((await link.getAttribute('href')) ?? '').split('/').pop()!;
  // Three days ahead at noon in New York: inside every US calling window, so the hold's end is the opening.
  const until = new Date(Date.now() + 3 * 86_400_000);
  until.setUTCHours(17, 0, 0, 0);
  await holdAsSupervisor(browser, caseId, until);

  await page.goto(byBalance);
  const row = queueTable(page).getByRole('row').filter({ hasText: accountRef });
  await expect(row).toContainText('POL-HOLD');
  await expect(row).toContainText(`Opens ${newYork(until)}`);
  await expect(row).not.toContainText('Not workable');

  await row.getByRole('link', { name: accountRef }).click();
  await expect(actionsPanel(page).getByText(/^Checked /)).toBeVisible();
  const calls = actionsPanel(page).getByRole('button', { name: /^Log call · / });
  await expect(calls.first()).toBeVisible();
  for (const call of await calls.all()) {
    await expect(call).toBeDisabled();
    await expect(call).toHaveAccessibleDescription(/POL-HOLD/);
    await expect(call).toHaveAccessibleDescription(new RegExp(`Opens ${literal(newYork(until))}`));
  }
  // The escalations wait for the hold too, and say until when rather than "the reason must change".
  const placement = actionsPanel(page)
    .getByRole('listitem')
    .filter({ has: page.getByText('Agency placement', { exact: true }) });
  await expect(placement).toContainText('POL-HOLD');
  await expect(placement).toContainText(`Opens ${newYork(until)}`);
  await expect(placement).not.toContainText(NO_OPENING);
});

test('a field visit blocked only by the hour says when it opens once approved', async ({ page }) => {
  await signIn(page, DEMO.agent);
  await openCase(page, 'DEMO-WA');
  const visit = actionsPanel(page)
    .getByRole('listitem')
    .filter({ has: page.getByText('Field visit', { exact: true }) });
  await expect(visit).toBeVisible();
  const byTheHour = await visit.getByText(/US-REGF-TIME/).count();
  if (byTheHour === 0) {
    test
      .info()
      .annotations.push({ type: 'clock', description: 'inside the calling window: only the approval' });
    await expect(visit).toContainText('Needs a supervisor’s approval');
    return;
  }
  await expect(visit).toContainText(/Opens /);
  await expect(visit).not.toContainText(NO_OPENING);
});

test('next case, when nothing is workable, says when the next case opens once, as the queue rows do', async ({
  page,
}) => {
  // US calls are allowed 08:00 to 21:00 in the debtor's zone, Chinese ones 08:00 to 22:00 (CN-CBA-HOURS): sign in as an agent
  // whose debtors are asleep, so that nothing is workable.
  const hour = (zone: string) =>
    Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format());
  // 03:00 to 08:00 in New York is night from Hawaii to Maine.
  const usAsleep = hour('America/New_York') >= 3 && hour('America/New_York') < 8;
  const cnAsleep = hour('Asia/Shanghai') < 8 || hour('Asia/Shanghai') >= 22;
  if (!usAsleep && !cnAsleep) {
    test.info().annotations.push({ type: 'clock', description: 'some debtors of every agent are awake' });
  }
  await signIn(page, usAsleep || !cnAsleep ? DEMO.agent : DEMO.chinaAgent);
  await page.goto('/queue?sort=nextWorkableAt&dir=asc');
  await expect(queueTable(page).locator('tbody tr').first()).toBeVisible();
  const status = page.getByRole('status').filter({ hasText: 'Nothing can be worked now' });
  const actions = page.getByRole('region', { name: 'Actions', exact: true });
  await page.keyboard.press('n');
  await expect(actions.or(status)).toBeVisible();
  if (await status.getByText(/press again/).isVisible()) await page.keyboard.press('n');
  if (await actions.isVisible()) {
    expect(usAsleep || cnAsleep, 'a case was handed out while every debtor was asleep').toBe(false);
    return;
  }
  await expect(status).toContainText(/The next case opens /);
  const message = (await status.textContent()) ?? '';
  expect(message).not.toMatch(ISO_INSTANT);
  expect(message.split('Nothing can be worked now')).toHaveLength(2);
  const opens = /The next case opens (.+?)\./.exec(message)?.[1] ?? '';

  // The same instant, in the same words, opens the earliest row of the agent's cases or of the team pool.
  const earliest: string[] = [];
  for (const queue of ['mine', 'team_pool']) {
    await page.goto(`/queue?queue=${queue}&sort=nextWorkableAt&dir=asc`);
    const empty = page.locator('.queue-main > .notice');
    await expect(queueTable(page).or(empty)).toBeVisible();
    if (await empty.isVisible()) continue;
    // Rows workable by their stored instant but held by a claim come first; the earliest opening follows them.
    const opening = queueTable(page)
      .locator('tbody tr')
      .filter({ hasText: /Opens / })
      .first();
    if ((await opening.count()) > 0) earliest.push((await opening.textContent()) ?? '');
  }
  expect(
    earliest.some((row) => row.includes(`Opens ${opens}`)),
    `"${opens}" opens none of: ${earliest.join(' | ')}`,
  ).toBe(true);
});

test('timeline dates carry their year', async ({ page }) => {
  await signIn(page, DEMO.agent);
  await openCase(page, 'DEMO-CONV-YESTERDAY');
  const times = timeline(page).locator('time');
  await expect(times.first()).toBeVisible();
  for (const time of (await times.all()).slice(0, 5)) {
    const at = new Date((await time.getAttribute('datetime')) ?? '');
    await expect(time).toContainText(newYork(at, true));
  }
});

test('an inbound call to a number that outbound calls may not reach is not labelled blocked', async ({
  page,
}) => {
  await signIn(page, DEMO.agent);
  await openCase(page, 'DEMO-CAP-7IN7');
  await page.keyboard.press('c');
  const dialog = page.getByRole('dialog', { name: 'Log a call' });
  const point = dialog.getByLabel('Number', { exact: true });
  // Outbound, the weekly cap blocks every number, and the form says so.
  await expect(point.locator('option').first()).toHaveText(/\(Blocked\)$/);
  await dialog.getByLabel('Inbound (they called)').check();
  for (const option of await point.locator('option').all()) {
    await expect(option).not.toHaveText(/Blocked/);
  }
  await expect(dialog.getByRole('button', { name: 'Log call' })).toBeEnabled();
});

test('the actions panel stays where it was after an action is saved', async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, DEMO.agent);
  await openCase(page, 'DEMO-WA');
  // Where the panel's column sits below the case's heading, with the heading in view (focus moving on may scroll
  // the page, and reaching a button scrolls the panel within its column).
  const heading = page.getByRole('heading', { level: 1 });
  const column = page.locator('[data-step="actions"]');
  const top = async () => {
    await heading.evaluate((h1) => h1.scrollIntoView({ block: 'start' }));
    const [h1, panel] = [await heading.boundingBox(), await column.boundingBox()];
    return Math.round(panel!.y - h1!.y);
  };
  const before = await top();
  await actionsPanel(page).getByRole('button', { name: 'Add note' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a note' });
  await dialog.getByLabel('Note').fill('Debtor asked for the statement by post.');
  await dialog.getByRole('button', { name: 'Add note' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Note added.' })).toBeVisible();
  expect(await top()).toBe(before);
});

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
