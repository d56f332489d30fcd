import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { extractText, getDocumentProxy } from 'unpdf';
import { DEMO, openCase, signIn } from './support.ts';

const ACCOUNT = 'DEMO-CONV-YESTERDAY';

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

test('a supervisor downloads a validation notice from the case screen, queues a statement and downloads the print batch', async ({
  page,
}) => {
  test.setTimeout(120_000); // sign-in, PDFs and a batch on a shared, busy machine
  await signIn(page, DEMO.supervisor, undefined, 'en');
  await openCase(page, ACCOUNT);
  const letters = page.getByRole('region', { name: 'Letters', exact: true });

  const [preview] = await Promise.all([
    page.waitForEvent('download'),
    letters.getByRole('button', { name: 'Preview Validation notice (PDF)' }).click(),
  ]);
  expect(preview.suggestedFilename()).toBe(`validation-notice-${ACCOUNT}.pdf`);
  const notice = await readFile((await preview.path())!);
  expect(notice.subarray(0, 5).toString()).toBe('%PDF-');
  const text = await pdfText(notice);
  expect(text).toContain('is a debt collector');
  expect(text).toContain('www.cfpb.gov/debt-collection');
  expect(text).toContain('How do you want to respond?');
  await expect(letters.getByRole('status')).toHaveText(`Downloaded validation-notice-${ACCOUNT}.pdf.`);

  await letters.getByRole('button', { name: 'Queue Statement of the debt for mailing' }).click();
  await expect(letters.getByRole('status')).toHaveText(
    'Statement of the debt queued for the next print run.',
  );

  await page.goto('/compliance/letters');
  await expect(page.getByRole('heading', { name: 'Letters', level: 1 })).toBeVisible();
  const queue = page.getByRole('region', { name: 'Waiting for the print run' });
  await expect(queue.getByRole('row').filter({ hasText: ACCOUNT })).toContainText('Statement of the debt');

  const [batch] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Build batch and download zip' }).click(),
  ]);
  expect(batch.suggestedFilename()).toMatch(/^letters-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.zip$/);
  const zip = unzipSync(new Uint8Array(await readFile((await batch.path())!)));
  const index = strFromU8(zip['index.csv']!);
  const line = index.split('\r\n').find((row) => row.includes(ACCOUNT));
  expect(line).toContain('debt_statement');
  const file = Object.keys(zip).find((name) => name.endsWith(`debt-statement-${ACCOUNT}.pdf`));
  expect(file).toBeDefined();
  expect(await pdfText(zip[file!]!)).toContain('Balance owed');

  await expect(page.getByRole('status').filter({ hasText: /in the batch/ })).toBeVisible();
  await expect(queue.getByText('No letters are waiting.')).toBeVisible();
  const mailed = page
    .getByRole('region', { name: 'Recent batches' })
    .getByRole('row')
    .filter({ hasText: ACCOUNT })
    .first();
  await expect(mailed).toContainText('Mailed');
  await mailed.getByRole('button', { name: 'Mark returned' }).click();
  await expect(mailed).toContainText('Returned mail');
});
