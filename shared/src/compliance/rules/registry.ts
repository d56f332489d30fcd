import type { ActionKind } from '../actions.ts';
import type { JurisdictionPack } from '../pack-data.ts';
import { cnCbaDials } from './cn-cba-dials.ts';
import { cnCbaHours } from './cn-cba-hours.ts';
import { cnCbaVisit } from './cn-cba-visit.ts';
import { cnNifa3p } from './cn-nifa-3p.ts';
import { polApproval } from './pol-approval.ts';
import { polClosed } from './pol-closed.ts';
import { polHold } from './pol-hold.ts';
import { polPlaceMin } from './pol-place-min.ts';
import type { Rule } from './rule.ts';
import { usBkStay } from './us-bk-stay.ts';
import { usFdcpa3p } from './us-fdcpa-3p.ts';
import { usFdcpaAtty } from './us-fdcpa-atty.ts';
import { usFdcpaCease } from './us-fdcpa-cease.ts';
import { usFdcpaDispute } from './us-fdcpa-dispute.ts';
import { usFdcpaMiranda } from './us-fdcpa-miranda.ts';
import { usFdcpaWork } from './us-fdcpa-work.ts';
import { usMaFreq } from './us-ma-freq.ts';
import { usMaVisit } from './us-ma-visit.ts';
import { usRegf7in7 } from './us-regf-7in7.ts';
import { usRegfDeceased } from './us-regf-deceased.ts';
import { usRegfLoc } from './us-regf-loc.ts';
import { usRegfMedium } from './us-regf-medium.ts';
import { usRegfOptout } from './us-regf-optout.ts';
import { usRegfPattern } from './us-regf-pattern.ts';
import { usRegfPlace } from './us-regf-place.ts';
import { usRegfPostconv } from './us-regf-postconv.ts';
import { usRegfTbd } from './us-regf-tbd.ts';
import { usRegfTime } from './us-regf-time.ts';
import { usRegfVn } from './us-regf-vn.ts';
import { usTcpaConsent } from './us-tcpa-consent.ts';
import { usTcpaRevoke } from './us-tcpa-revoke.ts';
import { usWaFreq } from './us-wa-freq.ts';

/** Every rule of the catalog, in catalog order (verdicts list hits in this order). */
export const RULES: readonly Rule[] = [
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
  usMaFreq,
  usMaVisit,
  usWaFreq,
  cnCbaHours,
  cnCbaDials,
  cnNifa3p,
  cnCbaVisit,
  polApproval,
  polHold,
  polClosed,
  polPlaceMin,
];

const byId = new Map<string, Rule>(RULES.map((rule) => [rule.id, rule]));

export function ruleById(ruleId: string): Rule | undefined {
  return byId.get(ruleId);
}

// The same few pack combinations recur on every evaluation; packsFor returns shared arrays, so key on them.
const selections = new WeakMap<readonly JurisdictionPack[], Map<ActionKind, readonly Rule[]>>();

/** The rules of `packs` that apply to an action kind, in catalog order. */
export function rulesFor(packs: readonly JurisdictionPack[], kind: ActionKind): readonly Rule[] {
  let byKind = selections.get(packs);
  if (byKind === undefined) {
    byKind = new Map();
    selections.set(packs, byKind);
  }
  let rules = byKind.get(kind);
  if (rules === undefined) {
    const ids = new Set<string>(packs.flatMap((pack) => pack.ruleIds));
    rules = RULES.filter((rule) => ids.has(rule.id) && rule.appliesTo.includes(kind));
    byKind.set(kind, rules);
  }
  return rules;
}
