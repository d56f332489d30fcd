import type { Localized } from '../domain/language.ts';
import type { PACK_IDS } from '../schemas/rules.ts';
import type { ParameterDefinition, Rule } from './define-rule.ts';
import type { RuleId } from './rule-ids.ts';
import { cnCbaDials } from './rules/cn-cba-dials.ts';
import { cnCbaHours } from './rules/cn-cba-hours.ts';
import { cnCbaVisit } from './rules/cn-cba-visit.ts';
import { cnNifa3p } from './rules/cn-nifa-3p.ts';
import { polApproval } from './rules/pol-approval.ts';
import { polClosed } from './rules/pol-closed.ts';
import { polHold } from './rules/pol-hold.ts';
import { polPlaceMin } from './rules/pol-place-min.ts';
import { polReplyHold } from './rules/pol-reply-hold.ts';
import { polUndeliverable } from './rules/pol-undeliverable.ts';
import { usBkStay } from './rules/us-bk-stay.ts';
import { usFdcpa3p } from './rules/us-fdcpa-3p.ts';
import { usFdcpaAtty } from './rules/us-fdcpa-atty.ts';
import { usFdcpaCease } from './rules/us-fdcpa-cease.ts';
import { usFdcpaDispute } from './rules/us-fdcpa-dispute.ts';
import { usFdcpaMiranda } from './rules/us-fdcpa-miranda.ts';
import { usFdcpaOrigcred } from './rules/us-fdcpa-origcred.ts';
import { usFdcpaWork } from './rules/us-fdcpa-work.ts';
import { usMaFreq } from './rules/us-ma-freq.ts';
import { usMaVisit } from './rules/us-ma-visit.ts';
import { usRegf7in7 } from './rules/us-regf-7in7.ts';
import { usRegfDeceased } from './rules/us-regf-deceased.ts';
import { usRegfEaddr } from './rules/us-regf-eaddr.ts';
import { usRegfEsign } from './rules/us-regf-esign.ts';
import { usRegfLoc } from './rules/us-regf-loc.ts';
import { usRegfMedium } from './rules/us-regf-medium.ts';
import { usRegfOptout } from './rules/us-regf-optout.ts';
import { usRegfPattern } from './rules/us-regf-pattern.ts';
import { usRegfPlace } from './rules/us-regf-place.ts';
import { usRegfPostconv } from './rules/us-regf-postconv.ts';
import { usRegfReassigned } from './rules/us-regf-reassigned.ts';
import { usRegfTbd } from './rules/us-regf-tbd.ts';
import { usRegfTime } from './rules/us-regf-time.ts';
import { usRegfVn } from './rules/us-regf-vn.ts';
import { usTcpaConsent } from './rules/us-tcpa-consent.ts';
import { usTcpaRevoke } from './rules/us-tcpa-revoke.ts';
import { usWaFreq } from './rules/us-wa-freq.ts';

export type {
  ParameterDefinition,
  ParameterDirection,
  ParameterUnit,
} from './define-rule.ts';

/**
 * Jurisdiction packs: which rules apply where. A pack lists rule objects; its rule ids and parameters are read
 * from them. The catalog is the packs in this order (docs/compliance/CATALOG.md).
 */
export type PackId = (typeof PACK_IDS)[number];

// biome-ignore lint/suspicious/noExplicitAny: a pack holds rules of every parameter shape
type AnyRule = Rule<string, any>;

export interface JurisdictionPack<Rules extends readonly AnyRule[] = readonly AnyRule[]> {
  readonly id: PackId;
  readonly label: Localized;
  readonly rules: Rules;
  readonly ruleIds: readonly Rules[number]['id'][];
  readonly parameters: readonly ParameterDefinition[];
}

function pack<const Rules extends readonly AnyRule[]>(
  id: PackId,
  label: Localized,
  rules: Rules,
): JurisdictionPack<Rules> {
  return {
    id,
    label,
    rules,
    ruleIds: rules.map((rule) => rule.id),
    parameters: rules.flatMap((rule) => rule.parameters),
  };
}

export const PACKS = {
  US: pack(
    'US',
    {
      en: 'United States — federal (FDCPA, Regulation F, TCPA, Bankruptcy Code)',
      zh: '美国联邦法规（FDCPA、Regulation F、TCPA、《美国破产法》）',
    },
    [
      usRegfTime,
      usRegfPlace,
      usRegf7in7,
      usRegfPostconv,
      usRegfMedium,
      usFdcpaCease,
      usFdcpaAtty,
      usFdcpaWork,
      usFdcpa3p,
      usRegfLoc,
      usFdcpaDispute,
      usRegfVn,
      usRegfTbd,
      usRegfOptout,
      usFdcpaMiranda,
      usRegfDeceased,
      usBkStay,
      usTcpaConsent,
      usTcpaRevoke,
      usRegfPattern,
      usRegfEaddr,
      usRegfReassigned,
      usRegfEsign,
      usFdcpaOrigcred,
    ],
  ),
  'US-MA': pack('US-MA', { en: 'Massachusetts', zh: '马萨诸塞州' }, [usMaFreq, usMaVisit]),
  'US-WA': pack('US-WA', { en: 'Washington', zh: '华盛顿州' }, [usWaFreq]),
  CN: pack(
    'CN',
    {
      en: 'China (CBA guideline, NIFA convention)',
      zh: '中国（中国银行业协会催收工作指引、中国互联网金融协会催收自律公约）',
    },
    [cnCbaHours, cnCbaDials, cnNifa3p, cnCbaVisit],
  ),
  POLICY: pack('POLICY', { en: 'Agency policy', zh: '本机构政策' }, [
    polApproval,
    polHold,
    polClosed,
    polPlaceMin,
    polUndeliverable,
    polReplyHold,
  ]),
} as const satisfies Record<PackId, JurisdictionPack>;

type CatalogRule = (typeof PACKS)[PackId]['rules'][number];

/** Every rule, in catalog order (verdicts list hits in this order). */
export const RULES: readonly CatalogRule[] = Object.values(PACKS).flatMap(
  (p): readonly CatalogRule[] => p.rules,
);

/**
 * Every rule id. Ids are stable: verdicts, scenario files and the audit log refer to them. The list is plain data in
 * rule-ids.ts (for schemas and the browser); the two lines below fail the typecheck when a rule's id is missing
 * from it or it names an id no rule has, and engine.test.ts checks the order.
 */
export { RULE_IDS, type RuleId } from './rule-ids.ts';

type EveryRuleListed = CatalogRule['id'] extends RuleId ? true : never;
type NoIdWithoutRule = RuleId extends CatalogRule['id'] ? true : never;
export const RULE_IDS_MATCH: [EveryRuleListed, NoIdWithoutRule] = [true, true];

export type ParameterName = CatalogRule['parameters'][number]['name'];
/** Every parameter of every pack, so that a rule can always read its numbers. */
export type EffectiveParameters = Readonly<Record<ParameterName, number>>;

export const ALL_PARAMETERS: readonly ParameterDefinition<ParameterName>[] = RULES.flatMap(
  (rule): readonly ParameterDefinition<ParameterName>[] => rule.parameters,
);

export const DEFAULT_PARAMETERS: EffectiveParameters = Object.fromEntries(
  ALL_PARAMETERS.map((p) => [p.name, p.defaultValue]),
) as Record<ParameterName, number>;
