import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './support.ts';

/**
 * Admin › Integrations end to end: an admin creates a dialer key in the browser, the key works against the dialer's
 * API, the admin revokes it in the browser, and the API refuses it from then on.
 */
test('an admin creates a dialer key, the API takes it, and refuses it once revoked', async ({ page }) => {
  test.setTimeout(90_000); // sign-in, a create, a revoke and API calls on a shared, busy machine
  await signIn(page, DEMO.admin, undefined, 'en');
  await page.goto('/admin/integrations');
  await expect(page.getByRole('heading', { name: 'Integrations', level: 1 })).toBeVisible();

  const name = `E2E dialer ${Date.now()}`;
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('group', { name: 'Teams' }).getByRole('checkbox').first().check();
  await page.getByRole('button', { name: 'Create key' }).click();
  const shown = page.getByRole('dialog', { name: `The key for ${name}` });
  await expect(shown).toBeVisible();
  const key = await shown.getByTestId('created-key').inputValue();
  expect(key).toMatch(/^adk_[A-Za-z0-9_-]{43}$/);
  await shown.getByRole('button', { name: 'I have copied it' }).click();
  const row = page.getByTestId('integration-keys').getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Active');
  await expect(row).toContainText(key.slice(0, 12));

  // A case no team holds: the key is accepted (the answer is about the case, not the key).
  const check = () =>
    page.request.post('/api/dialer/v1/checks', {
      headers: { authorization: `Bearer ${key}` },
      data: { caseId: crypto.randomUUID(), contactPointId: crypto.randomUUID(), mode: 'manual' },
    });
  const accepted = await check();
  expect(accepted.status()).toBe(404);
  expect((await accepted.json()).error.data.messageCode).toBe('case.notFound');

  await row.getByRole('button', { name: `Revoke ${name}` }).click();
  const confirm = page.getByRole('dialog', { name: `Revoke ${name}?` });
  await confirm.getByRole('button', { name: 'Revoke key' }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText('Revoked');
  await expect(row.getByRole('button', { name: `Revoke ${name}` })).toHaveCount(0);

  const refused = await check();
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.data.messageCode).toBe('integration.keyRefused');
});
