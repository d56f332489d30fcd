import { expect, type Page, test } from '@playwright/test';
import { actionsPanel, DEMO, openCase, signIn, useLanguage } from './support.ts';

/**
 * COMPLIANCE.md decision 14 in the browser: an email that bounced or a letter that came back marks its address
 * undeliverable, and from then on the case screen refuses messages to it with POL-UNDELIVERABLE's reason, in
 * English and in Chinese. Letters and the undeliverable rule do not depend on the hour; an email may also be
 * outside its hours, so only POL-UNDELIVERABLE's presence among its reasons is asserted.
 */

const ACCOUNT = 'DEMO-MA-CAP';

interface PointView {
  id: string;
  kind: string;
}

/** Marks the case's email addresses and home address undeliverable, as the agent does after a bounce (the procedure). */
async function markUndeliverable(page: Page, caseId: string): Promise<PointView[]> {
  return page.evaluate(async (caseId) => {
    const input = encodeURIComponent(JSON.stringify({ caseId }));
    const read = await fetch(`/trpc/casework.get?input=${input}`);
    const detail = (await read.json()) as {
      result: { data: { case: { version: number }; contactPoints: PointView[] } };
    };
    const marked = detail.result.data.contactPoints.filter(
      (point) => point.kind === 'email' || point.kind === 'home_address',
    );
    for (const point of marked) {
      const again = await fetch(`/trpc/casework.get?input=${input}`);
      const { version } = ((await again.json()) as typeof detail).result.data.case;
      const response = await fetch('/trpc/casework.markUndeliverable', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          caseId,
          contactPointId: point.id,
          expectedVersion: version,
          idempotencyKey: crypto.randomUUID(),
        }),
      });
      if (!response.ok) throw new Error(`markUndeliverable answered ${response.status}`);
    }
    return marked;
  }, caseId);
}

test('a returned letter or bounced email makes the address undeliverable: messages to it are refused with the reason', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await signIn(page, DEMO.agent, undefined, 'en');
  await openCase(page, ACCOUNT);
  const caseId = page.url().split('/').pop()!;
  const letters = actionsPanel(page).getByRole('button', { name: /^Send letter · / });
  await expect(letters.first()).toBeEnabled();

  const marked = await markUndeliverable(page, caseId);
  expect(marked.map((point) => point.kind).sort()).toEqual(['email', 'home_address']);
  await page.reload();
  await expect(actionsPanel(page).getByText(/^Checked /)).toBeVisible();

  for (const letter of await letters.all()) {
    await expect(letter).toBeDisabled();
    await expect(letter).toHaveAccessibleDescription(/POL-UNDELIVERABLE/);
    await expect(letter).toHaveAccessibleDescription(
      /has been undeliverable since .* \(a bounce or returned mail\)/,
    );
  }
  for (const email of await actionsPanel(page)
    .getByRole('button', { name: /^Send email · / })
    .all()) {
    await expect(email).toBeDisabled();
    await expect(email).toHaveAccessibleDescription(/POL-UNDELIVERABLE/);
  }
  const points = page.getByRole('region', { name: 'Contact points' });
  await expect(points.getByText(/^Undeliverable since \d{4}-\d\d-\d\d$/).first()).toBeVisible();
  await expect(points.getByText('Given by the debtor').first()).toBeVisible();
  await expect(points.getByText(/^Reassigned-number check \d{4}-\d\d-\d\d$/).first()).toBeVisible();

  await useLanguage(page, 'zh');
  await expect(page.getByText(/^检查于 /)).toBeVisible();
  await expect(page.getByText(/^自 \d{4}-\d\d-\d\d 起无法送达$/).first()).toBeVisible();
  const chineseLetter = page.getByRole('button', { name: /^发送信函：/ }).first();
  await expect(chineseLetter).toBeDisabled();
  await expect(chineseLetter).toHaveAccessibleDescription(/POL-UNDELIVERABLE/);
  await expect(chineseLetter).toHaveAccessibleDescription(/起无法送达（退信或邮件被退回）/);
  await useLanguage(page, 'en');
});
