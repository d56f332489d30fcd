import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './support.ts';

/** Issue 15: a page the role may not open sends the person elsewhere and says why, in a live region. */

test('an agent asking for the reports is taken to the queue and told why', async ({ page }) => {
  await signIn(page, DEMO.agent);
  await page.goto('/reports');
  await expect(page).toHaveURL(/\/queue$/);
  const notice = page.getByRole('status').filter({ hasText: 'Reports is for managers and admins' });
  await expect(notice).toHaveText(/Reports is for managers and admins; you were taken to Queue\./);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByText('Reports is for managers and admins')).toHaveCount(0);
});

test('a manager asking for the approvals lands on the audit and is told they are for supervisors', async ({
  page,
}) => {
  await signIn(page, DEMO.manager);
  await page.goto('/compliance/approvals');
  await expect(page).toHaveURL(/\/compliance\/audit$/);
  await expect(page.getByRole('status').filter({ hasText: 'Approvals is for supervisors' })).toHaveText(
    /Approvals is for supervisors; you were taken to Audit\./,
  );
});

test('a page the role may open shows no notice', async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.goto('/reports');
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  await expect(page.getByText(/ is for .*; you were taken to /)).toHaveCount(0);
});
