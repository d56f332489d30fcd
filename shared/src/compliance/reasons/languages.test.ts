import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../domain/language.ts';
import { RULES } from '../pack-data.ts';
import { PACKS } from '../packs.ts';
import { displaySource } from '../rules/registry.ts';
import type { Reason, ReasonCode, ReasonParamsByCode } from './codes.ts';
import { displayReason, MESSAGE_TABLES, renderReason } from './render.ts';

const JUN_10 = 20614;
const at = { minute: 21 * 60 + 30, day: JUN_10, zone: 'America/New_York' };
const week = { made: 7, days: 7, day: JUN_10, max: 7 };

/** One set of parameters per code; typed so that a new code without a sample fails the typecheck here too. */
const SAMPLES: { [Code in ReasonCode]: ReasonParamsByCode[Code] } = {
  outsideContactHours: { ...at, from: 480, to: 1260, kind: 'sms' },
  inconvenientTime: { ...at, windowFrom: 720, windowTo: 780 },
  inconvenientPlace: { pointKind: 'work_phone' },
  callCapReached: week,
  recentConversation: { conversationDay: JUN_10 - 2, untilDay: JUN_10 + 5 },
  optedOut: { day: JUN_10 - 1, channel: 'sms', pointKind: 'mobile' },
  ceaseRequested: { date: '2026-05-28' },
  representedByAttorney: { attorney: 'Dana Cole, Cole & Price LLP' },
  employerProhibits: { pointKind: 'work_address' },
  thirdPartyLocationOnly: { relationship: 'neighbor' },
  thirdPartyAlreadyContacted: { relationship: 'friend', day: JUN_10 - 3 },
  locationContactDisclosesDebt: {},
  disputeOpen: { date: '2026-06-01' },
  validationOverdue: { dueDay: JUN_10 - 1, firstDay: JUN_10 - 6 },
  limitationsExpired: { date: '2025-12-31' },
  optOutInstructionMissing: { kind: 'email' },
  initialDisclosureMissing: { kind: 'letter' },
  collectorDisclosureMissing: { kind: 'voicemail' },
  debtorDeceased: {},
  bankruptcyStay: { date: '2026-04-15' },
  noConsent: { kind: 'autodial_call' },
  consentRevoked: { day: JUN_10 - 4 },
  quickRedial: { unanswered: 2, minutes: 5 },
  manyCallsToday: { call: 8, max: 7 },
  personalNumbersCapReached: { made: 2, days: 7, day: JUN_10, max: 2 },
  otherNumbersCapReached: { made: 2, days: 30, day: JUN_10, max: 2 },
  visitOutsideHours: { ...at, from: 480, to: 1260 },
  visitCapReached: { made: 1, days: 30, day: JUN_10, max: 1 },
  communicationCapReached: { made: 3, days: 7, day: JUN_10, max: 3 },
  workplaceCapReached: { made: 1, days: 7, day: JUN_10, max: 1 },
  collectionOutsideHours: { minute: 22 * 60 + 15, day: JUN_10, zone: 'Asia/Shanghai', from: 480, to: 1320 },
  dailyDialCapReached: { unanswered: 6, day: JUN_10, max: 6 },
  thirdPartyNotAllowed: {
    relationship: 'colleague',
    unrelated: false,
    notAgreed: true,
    reachable: true,
    disclosesDebt: false,
  },
  visitNotRecorded: {},
  approvalNeeded: { kind: 'field_visit' },
  onHold: { ...at, day: JUN_10 + 7 },
  caseClosed: {},
  belowPlacementMinimum: { amountMinor: 15_050, minimumMinor: 20_000, currency: 'CNY' },
  addressOriginNotAllowed: { kind: 'email', provenance: 'employer' },
  creditorNoticePending: { kind: 'sms', noticeDay: JUN_10 - 10, untilDay: JUN_10 + 25 },
  reassignedCheckStale: { checkedDay: JUN_10 - 61, days: 60 },
  esignConsentMissing: {},
  creditorNotInSubject: {},
  originalCreditorRequested: { date: '2026-06-01' },
  addressUndeliverable: { day: JUN_10 - 2, pointKind: 'email' },
  replyUnclassified: { day: JUN_10 - 1 },
  noPhoneOnFile: {},
  rulesUnavailable: { detail: 'US/ZZ' },
};

const samples = Object.entries(SAMPLES).map(([code, params]) => ({ code, params }) as Reason);

/** Every number a text states ("Jun 4–Jun 10" and "6月4日至6月10日" both state 4 and 10; "05" states 5). */
function numbersIn(text: string): number[] {
  return [...text.matchAll(/\d+/g)].map((m) => Number(m[0]));
}

/** The text with the parameters' own strings (zones, names) taken out. */
function withoutStringParams(text: string, params: object): string {
  const strings = Object.values(params).filter((v): v is string => typeof v === 'string');
  return strings.reduce((rest, value) => rest.replaceAll(value, ''), text);
}

const CJK = /\p{Script=Han}/u;

describe('reason messages in every language', () => {
  it('has a message for every code in every language, and no other', () => {
    const codes = Object.keys(SAMPLES).sort();
    for (const language of LANGUAGES) expect(Object.keys(MESSAGE_TABLES[language]).sort()).toEqual(codes);
  });

  it.each(samples)('states in Chinese every number the English $code states', (reason) => {
    const zhNumbers = numbersIn(renderReason(reason, 'zh'));
    for (const number of numbersIn(renderReason(reason, 'en'))) {
      expect(zhNumbers, `${reason.code}: ${number}`).toContain(number);
      zhNumbers.splice(zhNumbers.indexOf(number), 1);
    }
  });

  it.each(samples)('words $code in Chinese, with no English left but the names passed in', (reason) => {
    const zh = renderReason(reason, 'zh');
    expect(zh).not.toBe(renderReason(reason, 'en'));
    expect(zh).toMatch(CJK);
    expect(withoutStringParams(zh, reason.params)).not.toMatch(/[A-Za-z]{2,}/);
    for (const value of Object.values(reason.params)) {
      if (typeof value === 'string' && /\//.test(value)) expect(zh).toContain(value);
    }
  });
});

describe('rule texts in every language', () => {
  /** A legal citation reads the same in both languages: US code and regulation sections. */
  const CITATION = /^(?:(?:\d+ (?:USC|CFR|CMR)|RCW) [\d.]+[\w()-]*(?:; |$))+$/;

  const texts = RULES.flatMap((rule) => [
    { where: `${rule.id} source`, text: rule.source },
    { where: `${rule.id} description`, text: rule.description },
    ...rule.parameters.map((p) => ({ where: p.name, text: p.description })),
  ]).concat(Object.values(PACKS).map((pack) => ({ where: `pack ${pack.id}`, text: pack.label })));

  it.each(texts)('gives $where in Chinese unless it is a citation', ({ text }) => {
    expect(text.en).not.toBe('');
    if (CITATION.test(text.en)) {
      expect(text.zh).toBe(text.en);
    } else {
      expect(text.zh).not.toBe(text.en);
      expect(text.zh).toMatch(CJK);
    }
  });

  it('cites the Chinese self-regulatory texts by their Chinese titles', () => {
    const cn = PACKS.CN.rules.map((rule) => rule.source.zh).join('\n');
    expect(cn).toContain('《互联网金融逾期债务催收自律公约（试行）》');
    expect(cn).toContain('中国银行业协会');
  });
});

describe('reasons in Chinese', () => {
  it('words a weekly call cap with the dates in Chinese order', () => {
    expect(renderReason({ code: 'callCapReached', params: week }, 'zh')).toBe(
      '截至今日的7天内（6月4日至6月10日，债务人当地时间）已就该笔债务拨打电话7次；上限为7次。',
    );
  });

  it('words collection outside the CN hours with the local time and zone', () => {
    expect(
      renderReason({ code: 'collectionOutsideHours', params: SAMPLES.collectionOutsideHours }, 'zh'),
    ).toBe(
      '债务人当地时间现为6月10日22:15（Asia/Shanghai）；除债务人同意的其他时间外，仅可在08:00至22:00之间进行催收。',
    );
  });

  it('writes amounts in running text as figures and 元', () => {
    expect(renderReason({ code: 'belowPlacementMinimum', params: SAMPLES.belowPlacementMinimum }, 'zh')).toBe(
      '余额150.50元低于委外催收所需的最低金额200.00元。',
    );
  });

  it('names each problem of a third-party contact', () => {
    expect(renderReason({ code: 'thirdPartyNotAllowed', params: SAMPLES.thirdPartyNotAllowed }, 'zh')).toBe(
      '不得联系债务人的同事：债务人未同意此项联系；仍可联系到债务人本人。',
    );
  });

  it('shows a stored decision in Chinese from its code, and an old one by its English text', () => {
    expect(displayReason({ reason: 'stored words', reasonCode: 'caseClosed', reasonParams: {} }, 'zh')).toBe(
      '案件已结案；不得采取任何催收行动。',
    );
    expect(displayReason({ reason: 'The case is closed; no collection action may be taken.' }, 'zh')).toBe(
      'The case is closed; no collection action may be taken.',
    );
  });
});

describe('displaySource', () => {
  it("gives a CN rule's source in Chinese and keeps the stored English text for English", () => {
    const hit = {
      ruleId: 'CN-CBA-HOURS',
      source: 'CBA guideline on collection of personal consumer loans (2026)',
    };
    expect(displaySource(hit, 'zh')).toBe('中国银行业协会《个人消费贷款催收工作指引》（2026年）');
    expect(displaySource(hit, 'en')).toBe(hit.source);
    expect(displaySource({ ruleId: 'RETIRED-RULE', source: 'old text' }, 'zh')).toBe('old text');
  });
});
