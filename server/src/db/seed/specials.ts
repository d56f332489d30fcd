import type { BookContext } from './context.ts';
import {
  capSevenInSeven,
  china,
  conversationYesterday,
  escalation,
  massachusettsCap,
  placement,
  placementLapsed,
  promiseBroken,
  promiseToday,
  washington,
} from './special-contacts.ts';
import { ALICE, SpecialScript, type SpecialSpec } from './special-script.ts';
import { attorney, bankrupt, ceased, deceased, disputed } from './special-stops.ts';
import type { CaseStory } from './story.ts';

/**
 * The demo specials of DESIGN.md ("The demo book"): one case per situation a newcomer should find, with a
 * recognisable account reference, all assigned to alice@ (the Chinese one to li.wei@). Each history is written
 * in days before the debtor's today and never touches today itself, so it holds whenever the seed runs.
 */
export const DEMO_ACCOUNT_REFS = {
  cap7in7: 'DEMO-CAP-7IN7',
  maCap: 'DEMO-MA-CAP',
  conversationYesterday: 'DEMO-CONV-YESTERDAY',
  disputed: 'DEMO-DISPUTED',
  ceased: 'DEMO-CEASED',
  attorney: 'DEMO-ATTORNEY',
  bankrupt: 'DEMO-BANKRUPT',
  deceased: 'DEMO-DECEASED',
  promiseToday: 'DEMO-PROMISE-TODAY',
  promiseBroken: 'DEMO-PROMISE-BROKEN',
  washington: 'DEMO-WA',
  china: 'DEMO-CN-1',
  fresh: 'DEMO-FRESH',
  escalation: 'DEMO-ESCALATION',
  placement: 'DEMO-PLACEMENT',
  placementLapsed: 'DEMO-PLACE-LAPSED',
} as const;

const R = DEMO_ACCOUNT_REFS;

const spec = (
  accountRef: string,
  creditor: string,
  region: string | null,
  daysPastDue: number,
  placedDaysAgo: number,
  agent = ALICE,
): SpecialSpec => ({
  accountRef,
  creditor,
  region,
  agent,
  daysPastDue,
  placedDaysAgo,
});

/** Each special's case (portfolio by creditor and state, days past due, days since placement) and history. */
const SPECIALS: [SpecialSpec, (s: SpecialScript) => void][] = [
  [spec(R.cap7in7, 'ShopPay', 'NY', 48, 40), capSevenInSeven],
  [spec(R.maCap, 'Keystone', 'MA', 62, 50), massachusettsCap],
  [spec(R.conversationYesterday, 'ShopPay', 'CA', 35, 30), conversationYesterday],
  [spec(R.disputed, 'Keystone', 'IL', 75, 60), disputed],
  [spec(R.ceased, 'ShopPay', 'FL', 95, 80), ceased],
  [spec(R.attorney, 'Keystone', 'NY', 130, 100), attorney],
  [spec(R.bankrupt, 'Northwind', 'TX', 150, 120), bankrupt],
  [spec(R.deceased, 'Northwind', 'IL', 200, 150), deceased],
  [spec(R.promiseToday, 'Keystone', 'CA', 40, 35), promiseToday],
  [spec(R.promiseBroken, 'Keystone', 'FL', 70, 60), promiseBroken],
  [spec(R.washington, 'ShopPay', 'WA', 55, 45), washington],
  [spec(R.china, '汇融', null, 45, 40, 'li.wei@arrearsdesk.demo'), china],
  // Placed with this week's file and not touched since: the clean case to try every action on.
  [spec(R.fresh, 'ShopPay', 'TX', 35, 0), () => {}],
  [spec(R.escalation, 'ShopPay', 'NY', 150, 120), escalation],
  [spec(R.placement, 'ShopPay', 'NY', 160, 130), placement],
  [spec(R.placementLapsed, 'Keystone', 'NY', 170, 140), placementLapsed],
];

export function demoSpecials(ctx: BookContext): CaseStory[] {
  return SPECIALS.map(([spec, script], n) => {
    const s = new SpecialScript(ctx, n, spec);
    script(s);
    return s.finish();
  });
}
