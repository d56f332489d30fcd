/**
 * Every rule id, in catalog order, as plain data. The rules themselves (shared/src/compliance/rules/, assembled in
 * pack-data.ts) are what declare an id; this list exists so that request schemas and the dashboard can name rule
 * ids without loading every rule's implementation into the browser's first page (tests/e2e/first-page.spec.ts).
 * `RuleId` is checked against the rules' own ids at compile time below, and their order by engine.test.ts.
 */
export const RULE_IDS = [
  'US-REGF-TIME',
  'US-REGF-PLACE',
  'US-REGF-7IN7',
  'US-REGF-POSTCONV',
  'US-REGF-MEDIUM',
  'US-FDCPA-CEASE',
  'US-FDCPA-ATTY',
  'US-FDCPA-WORK',
  'US-FDCPA-3P',
  'US-REGF-LOC',
  'US-FDCPA-DISPUTE',
  'US-REGF-VN',
  'US-REGF-TBD',
  'US-REGF-OPTOUT',
  'US-FDCPA-MIRANDA',
  'US-REGF-DECEASED',
  'US-BK-STAY',
  'US-TCPA-CONSENT',
  'US-TCPA-REVOKE',
  'US-REGF-PATTERN',
  'US-REGF-EADDR',
  'US-REGF-REASSIGNED',
  'US-REGF-ESIGN',
  'US-FDCPA-ORIGCRED',
  'US-MA-FREQ',
  'US-MA-VISIT',
  'US-WA-FREQ',
  'CN-CBA-HOURS',
  'CN-CBA-DIALS',
  'CN-NIFA-3P',
  'CN-CBA-VISIT',
  'POL-APPROVAL',
  'POL-HOLD',
  'POL-CLOSED',
  'POL-PLACE-MIN',
  'POL-UNDELIVERABLE',
  'POL-REPLY-HOLD',
] as const;
export type RuleId = (typeof RULE_IDS)[number];
