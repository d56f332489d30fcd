/**
 * Every rule id of COMPLIANCE.md. Ids are stable: verdicts, scenario files and the audit log refer to them.
 * Kept apart from the rule registry so that schemas can name ids without loading the rules.
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
] as const;
export type RuleId = (typeof RULE_IDS)[number];
