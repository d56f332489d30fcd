import type { RuleId } from './rule-ids.ts';

/**
 * Jurisdiction packs as data: which rules apply and the numbers they use. A parameter's `direction` says
 * which way is stricter: 'max' values (caps, window ends) may only be lowered, 'min' values (window starts,
 * window lengths in days) only raised. Parameters of US-* and CN-* rules are legal floors; POL-* ones are
 * agency policy and a portfolio may move them either way.
 */
export type PackId = 'US' | 'US-MA' | 'US-WA' | 'CN' | 'POLICY';
export type ParameterDirection = 'max' | 'min';
export type ParameterUnit = 'minute_of_day' | 'count' | 'days' | 'minutes' | 'minor_units';

export interface ParameterDefinition<Name extends string = string> {
  readonly name: Name;
  readonly ruleId: RuleId;
  readonly defaultValue: number;
  readonly direction: ParameterDirection;
  readonly unit: ParameterUnit;
  readonly legal: boolean;
  readonly description: string;
}

export interface JurisdictionPack {
  readonly id: PackId;
  readonly label: string;
  readonly ruleIds: readonly RuleId[];
  readonly parameters: readonly ParameterDefinition[];
}

function param<Name extends string>(
  name: Name,
  ruleId: RuleId,
  defaultValue: number,
  direction: ParameterDirection,
  unit: ParameterUnit,
  description: string,
): ParameterDefinition<Name> {
  return { name, ruleId, defaultValue, direction, unit, legal: /^(US|CN)-/.test(ruleId), description };
}

const US_PARAMETERS = [
  param(
    'US-REGF-TIME.start',
    'US-REGF-TIME',
    8 * 60,
    'min',
    'minute_of_day',
    'earliest local time to contact',
  ),
  param(
    'US-REGF-TIME.end',
    'US-REGF-TIME',
    21 * 60,
    'max',
    'minute_of_day',
    'local time contact must end by',
  ),
  param('US-REGF-7IN7.maxCalls', 'US-REGF-7IN7', 7, 'max', 'count', 'calls per debt in the window'),
  param('US-REGF-7IN7.days', 'US-REGF-7IN7', 7, 'min', 'days', 'length of the call-count window'),
  param(
    'US-REGF-POSTCONV.days',
    'US-REGF-POSTCONV',
    7,
    'min',
    'days',
    'days without calls after a conversation',
  ),
  param('US-REGF-VN.days', 'US-REGF-VN', 5, 'max', 'days', 'days to send validation information'),
  param(
    'US-REGF-PATTERN.quickCalls',
    'US-REGF-PATTERN',
    2,
    'max',
    'count',
    'calls to one number in quick succession',
  ),
  param(
    'US-REGF-PATTERN.quickMinutes',
    'US-REGF-PATTERN',
    5,
    'min',
    'minutes',
    'what "quick succession" means',
  ),
  param('US-REGF-PATTERN.dailyCalls', 'US-REGF-PATTERN', 7, 'max', 'count', 'calls to one number in one day'),
] as const;

const MA_PARAMETERS = [
  param('US-MA-FREQ.personalMax', 'US-MA-FREQ', 2, 'max', 'count', 'communications to personal numbers'),
  param('US-MA-FREQ.personalDays', 'US-MA-FREQ', 7, 'min', 'days', 'window for personal numbers'),
  param('US-MA-FREQ.otherMax', 'US-MA-FREQ', 2, 'max', 'count', 'communications to other numbers'),
  param('US-MA-FREQ.otherDays', 'US-MA-FREQ', 30, 'min', 'days', 'window for other numbers'),
  param('US-MA-VISIT.max', 'US-MA-VISIT', 1, 'max', 'count', 'home visits per debt in the window'),
  param('US-MA-VISIT.days', 'US-MA-VISIT', 30, 'min', 'days', 'window for home visits'),
  param(
    'US-MA-VISIT.start',
    'US-MA-VISIT',
    8 * 60,
    'min',
    'minute_of_day',
    'earliest local time for a visit',
  ),
  param('US-MA-VISIT.end', 'US-MA-VISIT', 21 * 60, 'max', 'minute_of_day', 'local time a visit must end by'),
] as const;

const WA_PARAMETERS = [
  param('US-WA-FREQ.max', 'US-WA-FREQ', 3, 'max', 'count', 'communications per debt in the window'),
  param('US-WA-FREQ.workplaceMax', 'US-WA-FREQ', 1, 'max', 'count', 'communications to the workplace'),
  param('US-WA-FREQ.days', 'US-WA-FREQ', 7, 'min', 'days', 'length of the window'),
] as const;

const CN_PARAMETERS = [
  param(
    'CN-CBA-HOURS.start',
    'CN-CBA-HOURS',
    8 * 60,
    'min',
    'minute_of_day',
    'earliest local time to collect',
  ),
  param(
    'CN-CBA-HOURS.end',
    'CN-CBA-HOURS',
    22 * 60,
    'max',
    'minute_of_day',
    'local time collection must end by',
  ),
  param(
    'CN-CBA-DIALS.max',
    'CN-CBA-DIALS',
    6,
    'max',
    'count',
    'unanswered dials (calls and voicemails) per contact point per day',
  ),
] as const;

/**
 * The smallest balance an agency is sent, per currency (POL-PLACE-MIN): one parameter per currency the book
 * holds, in its minor units. A currency without one has no minimum.
 */
const POLICY_PARAMETERS = [
  param(
    'POL-PLACE-MIN.USD',
    'POL-PLACE-MIN',
    2_500,
    'min',
    'minor_units',
    'smallest balance placed with an agency, in cents (USD)',
  ),
  param(
    'POL-PLACE-MIN.CNY',
    'POL-PLACE-MIN',
    20_000,
    'min',
    'minor_units',
    'smallest balance placed with an agency, in fen (CNY)',
  ),
] as const;

export const PACKS = {
  US: {
    id: 'US',
    label: 'United States — federal (FDCPA, Regulation F, TCPA, Bankruptcy Code)',
    ruleIds: [
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
    ],
    parameters: US_PARAMETERS,
  },
  'US-MA': {
    id: 'US-MA',
    label: 'Massachusetts',
    ruleIds: ['US-MA-FREQ', 'US-MA-VISIT'],
    parameters: MA_PARAMETERS,
  },
  'US-WA': { id: 'US-WA', label: 'Washington', ruleIds: ['US-WA-FREQ'], parameters: WA_PARAMETERS },
  CN: {
    id: 'CN',
    label: 'China (CBA guideline, NIFA convention)',
    ruleIds: ['CN-CBA-HOURS', 'CN-CBA-DIALS', 'CN-NIFA-3P', 'CN-CBA-VISIT'],
    parameters: CN_PARAMETERS,
  },
  POLICY: {
    id: 'POLICY',
    label: 'Agency policy',
    ruleIds: ['POL-APPROVAL', 'POL-HOLD', 'POL-CLOSED', 'POL-PLACE-MIN'],
    parameters: POLICY_PARAMETERS,
  },
} as const satisfies Record<PackId, JurisdictionPack>;

export type ParameterName = (typeof PACKS)[PackId]['parameters'][number]['name'];
/** Every parameter of every pack, so that a rule can always read its numbers. */
export type EffectiveParameters = Readonly<Record<ParameterName, number>>;

export const ALL_PARAMETERS: readonly ParameterDefinition<ParameterName>[] = Object.values(PACKS).flatMap(
  (pack): readonly ParameterDefinition<ParameterName>[] => pack.parameters,
);

export const DEFAULT_PARAMETERS: EffectiveParameters = Object.fromEntries(
  ALL_PARAMETERS.map((p) => [p.name, p.defaultValue]),
) as Record<ParameterName, number>;
