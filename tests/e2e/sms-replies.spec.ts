import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { DEMO, openCase, signIn, useLanguage } from './support.ts';

test.describe.configure({ timeout: 90_000 });

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ACCOUNT = 'DEMO-PROMISE-TODAY';

// The text arrives in the server's database from outside the server (as the verified webhook would hand it on):
// only the PostgreSQL server layer (e2e:server) can, so the test is tagged for the PGlite layer to leave out.
test('a text the debtor sent shows on the case screen, holds texts until read, and is classified in the browser @server-database', async ({
  page,
}) => {
  expect(process.env.E2E_DATABASE_URL, 'the e2e:server layer sets E2E_DATABASE_URL').toBeTruthy();
  const output = execFileSync(
    'pnpm',
    ['exec', 'tsx', 'tests/e2e/receive-text.ts', ACCOUNT, 'who is this? I paid already'],
    { cwd: root, env: process.env, encoding: 'utf8' },
  );
  expect(JSON.parse(output.trim().split('\n').pop() ?? '{}')).toMatchObject({
    classification: 'unclassified',
  });

  await signIn(page, DEMO.agent, undefined, 'en');
  await page.goto('/queue');
  const toRead = page.getByRole('region', { name: /^Replies to read/ });
  await expect(toRead.getByRole('listitem').filter({ hasText: 'who is this? I paid already' })).toContainText(
    ACCOUNT,
  );
  await openCase(page, ACCOUNT);
  const replies = page.getByRole('region', { name: 'Texts from the debtor' });
  const reply = replies.getByRole('listitem').filter({ hasText: 'who is this? I paid already' });
  await expect(reply).toContainText('Not read yet: texts to this number are held');

  await useLanguage(page, 'zh');
  await expect(page.getByRole('region', { name: '债务人发来的短信' })).toContainText('尚未阅读');
  await useLanguage(page, 'en');

  await reply.getByRole('button', { name: 'Not a stop request' }).click();
  await expect(reply).toContainText('Classified as not a stop request');
  await expect(reply.getByRole('button', { name: 'Means stop' })).toHaveCount(0);
  // Read: it leaves the replies to read (the queue page's list, refetched after the classification).
  await page.goto('/queue');
  await expect(page.locator('main h1').first()).toBeVisible();
  await expect(page.getByText('who is this? I paid already')).toHaveCount(0);
});
