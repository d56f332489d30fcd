import { and, eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { cases, contactLog, debtors, letters } from '../../server/src/db/schema/index.ts';
import {
  buildContactPoint,
  buildPayment,
  buildUser,
  buildWorkedCase,
  key,
  refusedAttempt,
} from './support/builders.ts';
import { callerFor } from './support/caller.ts';
import { createTestDatabase } from './support/db.ts';

/** Letters as PDF through the print queue: queued by an agent, judged again at the print cut-off, mailed or withheld. */
const QUEUED_AT = new Date('2026-12-07T14:00:00Z');
const CUTOFF = new Date('2026-12-07T16:00:00Z'); // Monday
const RETURNED_AT = new Date('2026-12-15T10:00:00Z');

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

/** 1,000.00 principal, 50.00 interest, 25.00 fees, 100.00 paid: 975.00 owed. */
async function usCase() {
  const db = handle.db;
  const w = await buildWorkedCase(db, {
    case: {
      interestMinor: 5_000,
      feesMinor: 2_500,
      paidMinor: 10_000,
      balanceMinor: 97_500,
      dueDate: '2026-09-01',
    },
  });
  await buildPayment(db, w.caseRow.id, { amountMinor: 10_000, receivedAt: new Date('2026-10-05T12:00:00Z') });
  await buildContactPoint(db, w.debtor.id, {
    kind: 'home_address',
    value: '12 Elm St, Springfield, MA 01101',
  });
  return { ...w, caller: callerFor(db, w.agent, { now: QUEUED_AT }).caller };
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

function parseCsv(text: string): Record<string, string>[] {
  const [header, ...rows] = text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  const columns = header!.split(',');
  // The test's addresses carry commas: the parser honours quotes.
  const cells = (line: string) =>
    [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)]
      .map((m) => m[1]!.replace(/^"|"$/g, '').replaceAll('""', '"'))
      .slice(0, columns.length);
  return rows.map((line) => Object.fromEntries(cells(line).map((cell, i) => [columns[i]!, cell])));
}

describe('the print batch', () => {
  it('mails the queued letters as PDFs with an index, leaves out one whose case was ceased, and records the mailing', async () => {
    const db = handle.db;
    const notice = await usCase();
    const { letter: noticeLetter } = await notice.caller.letters.queue({
      idempotencyKey: key(),
      caseId: notice.caseRow.id,
      purpose: 'validation_notice',
    });
    expect(noticeLetter.state).toBe('queued');

    const ceased = await usCase();
    const { letter: ceasedLetter } = await ceased.caller.letters.queue({
      idempotencyKey: key(),
      caseId: ceased.caseRow.id,
      purpose: 'debt_statement',
    });
    // The debtor asks in writing that contact cease after the letter was queued, before the cut-off.
    await db
      .update(debtors)
      .set({ ceaseRequestedAt: new Date('2026-12-07T15:00:00Z') })
      .where(eq(debtors.id, ceased.debtor.id));

    const cn = await buildWorkedCase(db, {
      portfolio: { country: 'CN', currency: 'CNY', region: null },
      debtor: {
        fullName: '王秀英',
        language: 'zh',
        jurisdictionCountry: 'CN',
        jurisdictionRegion: null,
        explicitTimeZone: 'Asia/Shanghai',
      },
      case: { currency: 'CNY', interestMinor: 1_234, balanceMinor: 101_234 },
    });
    await buildContactPoint(db, cn.debtor.id, { kind: 'home_address', value: '上海市浦东新区世纪大道100号' });
    const { letter: cnLetter } = await callerFor(db, cn.agent, { now: QUEUED_AT }).caller.letters.queue({
      idempotencyKey: key(),
      caseId: cn.caseRow.id,
      purpose: 'validation_notice',
    });

    const admin = await buildUser(db, 'admin');
    const printRoom = callerFor(db, admin, { now: CUTOFF }).caller;
    const built = await printRoom.letters.buildBatch({ idempotencyKey: key(), mailingDate: '2026-12-07' });
    expect(built.batch).toMatchObject({ mailingDate: '2026-12-07', mailedCount: 2, withheldCount: 1 });

    const zip = unzipSync(Buffer.from(built.zipBase64, 'base64'));
    const index = parseCsv(strFromU8(zip['index.csv']!));
    expect(index.map((row) => row.letter_id).sort()).toEqual([noticeLetter.id, cnLetter.id].sort());
    const noticeRow = index.find((row) => row.letter_id === noticeLetter.id)!;
    expect(noticeRow).toMatchObject({
      case_id: notice.caseRow.id,
      account_ref: notice.caseRow.accountRef,
      purpose: 'validation_notice',
      address_line_1: notice.debtor.fullName,
      address_line_2: '12 Elm St',
      address_line_3: 'Springfield, MA 01101',
    });
    expect(Number(noticeRow.pages)).toBeGreaterThanOrEqual(1);
    expect(Object.keys(zip).sort()).toEqual(['index.csv', ...index.map((row) => row.file!)].sort());

    // The validation notice: Model Form B-1 from the ledger, its period ending 30 days after receipt (14 December).
    const text = await pdfText(zip[noticeRow.file!]!);
    for (const item of [
      'As of September 1, 2026, you owed: $1,000.00',
      'You were charged this amount in interest: + $50.00',
      'You were charged this amount in fees: + $25.00',
      'You paid or were credited this amount toward the debt: - $100.00',
      'Total amount of the debt now: $975.00',
      'Call or write to us by January 13, 2027',
      'www.cfpb.gov/debt-collection',
      'How do you want to respond?',
      '12 Elm St',
    ]) {
      expect(text).toContain(item);
    }
    const cnText = await pdfText(zip[index.find((row) => row.letter_id === cnLetter.id)!.file!]!);
    expect(cnText).toContain('债务告知函');
    expect(cnText).toContain('王秀英');
    expect(cnText).toContain('1,012.34元');

    // The mailing is the contact; the engine learns the end of the validation period.
    const mailed = await db.select().from(contactLog).where(eq(contactLog.caseId, notice.caseRow.id));
    expect(mailed).toHaveLength(1);
    expect(mailed[0]).toMatchObject({
      kind: 'letter',
      outcome: 'sent',
      purpose: 'validation_notice',
      occurredAt: CUTOFF,
    });
    const [noticeCase] = await db.select().from(cases).where(eq(cases.id, notice.caseRow.id));
    expect(noticeCase).toMatchObject({
      validationPeriodEndsOn: '2027-01-13',
      validationNoticeSentAt: CUTOFF,
    });
    const [cnCase] = await db.select().from(cases).where(eq(cases.id, cn.caseRow.id));
    expect(cnCase!.validationPeriodEndsOn).toBeNull();

    // The ceased one is withheld with its rule, and nothing reached the debtor.
    const [withheld] = await db.select().from(letters).where(eq(letters.id, ceasedLetter.id));
    expect(withheld).toMatchObject({
      state: 'withheld',
      withheldRuleId: 'US-FDCPA-CEASE',
      batchId: built.batch.id,
    });
    expect(withheld!.withheldDecisionId).not.toBeNull();
    expect(await db.select().from(contactLog).where(eq(contactLog.caseId, ceased.caseRow.id))).toHaveLength(
      0,
    );

    // The overview lists the batch with each letter's fate; the zip can be fetched again.
    const overview = await printRoom.letters.overview();
    expect(overview.queued).toHaveLength(0);
    const states = Object.fromEntries(
      overview.batches[0]!.letters.map((l) => [l.id, [l.state, l.withheldRuleId]]),
    );
    expect(states[ceasedLetter.id]).toEqual(['withheld', 'US-FDCPA-CEASE']);
    expect((await printRoom.letters.batchZip({ batchId: built.batch.id })).zipBase64).toBe(built.zipBase64);

    // A second run at the same cut-off finds nothing to print.
    const empty = await refusedAttempt(db, printRoom.letters.buildBatch({ idempotencyKey: key() }));
    expect(empty.error.message).toContain('no letters are waiting');

    // Returned mail: a new `bounced` row; the mailing's row stays; a second report is refused.
    const agent = callerFor(db, notice.agent, { now: RETURNED_AT }).caller;
    const returned = await agent.letters.markReturned({ idempotencyKey: key(), letterId: noticeLetter.id });
    expect(returned.letter.returned).toBe(true);
    const log = await db
      .select()
      .from(contactLog)
      .where(and(eq(contactLog.caseId, notice.caseRow.id), eq(contactLog.outcome, 'bounced')));
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ kind: 'letter', occurredAt: RETURNED_AT, id: returned.contactId });
    expect(log[0]!.details).toMatchObject({ letterId: noticeLetter.id, mailedContactId: mailed[0]!.id });
    const [afterReturn] = await db.select().from(cases).where(eq(cases.id, notice.caseRow.id));
    expect(afterReturn!.lastContactAt).toEqual(CUTOFF);
    const again = await refusedAttempt(
      db,
      agent.letters.markReturned({ idempotencyKey: key(), letterId: noticeLetter.id }),
    );
    expect(again.error.message).toContain('already recorded as returned');
  });

  it('previews a letter of the case without queueing or recording anything', async () => {
    const w = await usCase();
    const preview = await w.caller.letters.preview({ caseId: w.caseRow.id, purpose: 'debt_statement' });
    expect(preview.fileName).toBe(`debt-statement-${w.caseRow.accountRef}.pdf`);
    const text = await pdfText(Buffer.from(preview.pdfBase64, 'base64'));
    expect(text).toContain('Balance owed: $975.00');
    expect(await handle.db.select().from(contactLog).where(eq(contactLog.caseId, w.caseRow.id))).toHaveLength(
      0,
    );
    expect(await handle.db.select().from(letters).where(eq(letters.caseId, w.caseRow.id))).toHaveLength(0);
  });
});
