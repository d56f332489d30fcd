import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { DEMO, signIn, useLanguage } from './support.ts';

test.describe.configure({ timeout: 90_000 });

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// The scheduler runs against the server's database from outside the server: only the PostgreSQL server layer
// (e2e:server) can, so the test is tagged for scripts/test-all.mjs to leave out of the PGlite layer.
test('the outbox lists a reminder the scheduler sent through the development outbox, with its delivery timeline @server-database', async ({
  page,
}) => {
  expect(process.env.E2E_DATABASE_URL, 'the e2e:server layer sets E2E_DATABASE_URL').toBeTruthy();
  // The seed moves a few reminder-stage cases' due date to tomorrow: at 16:00 UTC today (11:00 in New York) their
  // first step is due and the rules allow it. Nothing is configured, so the messages stay in the development outbox.
  const today = new Date().toISOString().slice(0, 10);
  const output = execFileSync('pnpm', ['exec', 'tsx', 'tests/e2e/run-reminders.ts', `${today}T16:00:00Z`], {
    cwd: root,
    env: process.env,
    encoding: 'utf8',
  });
  // The server's own job (`reminders.run`) may have sent them first, on the real clock, in a long run: then this run
  // finds them sent and sends nothing more. Either way the outbox below must show a message the scheduler sent.
  expect(JSON.parse(output.trim().split('\n').pop() ?? '{}').sent).toBeGreaterThanOrEqual(0);

  await signIn(page, DEMO.admin, undefined, 'en');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Outbox' }).click();
  await expect(page.getByRole('heading', { name: 'Outbox', level: 1 })).toBeVisible();
  const table = page.getByRole('table', { name: 'Outbound messages' });
  const sent = table.getByRole('row').filter({ hasText: 'Sent' }).first();
  await expect(sent).toBeVisible();
  await expect(sent).toContainText('Development outbox · dev-');

  await page.getByRole('combobox', { name: 'State' }).selectOption({ label: 'Sent' });
  await expect(page).toHaveURL(/state=sent/);
  await table.getByRole('row').nth(1).getByRole('button', { name: 'Timeline' }).click();
  const timeline = page.getByRole('region', { name: /^Delivery timeline: / });
  await expect(timeline.getByRole('listitem')).toHaveCount(2);
  await expect(timeline.getByRole('listitem').nth(0)).toContainText('Queued');
  await expect(timeline.getByRole('listitem').nth(1)).toContainText('Sent');

  // An admin sets a portfolio's sender in the agency's true name; it is kept.
  const settings = page.getByRole('region', { name: 'Sender and app push by portfolio' });
  await settings.getByRole('combobox', { name: 'Portfolio' }).selectOption({ index: 1 });
  await settings
    .getByRole('textbox', { name: 'From name (the agency’s true name)' })
    .fill('Acme Recovery LLC');
  await settings.getByRole('textbox', { name: 'From address' }).fill('collections@acme.example');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByRole('status')).toHaveText('Saved.');

  await useLanguage(page, 'zh');
  await expect(page.getByRole('heading', { name: '发件箱', level: 1 })).toBeVisible();
  await useLanguage(page, 'en');
});
