/**
 * Deterministic ids for seeded rows: `<kind>-5eed-4000-8000-<number>`. The same seed and case count give the
 * same ids on every run (tests compare runs), rows can name their parents without a round trip, and ids grow
 * with the case number, so primary-key inserts append to the right edge of each B-tree during a bulk load.
 * The version and variant nibbles make them valid v4-shaped UUIDs.
 */
const KINDS = {
  team: 1,
  user: 2,
  creditor: 3,
  portfolio: 4,
  agency: 5,
  placement: 6,
  debtor: 7,
  contactPoint: 8,
  thirdParty: 9,
  optOut: 10,
  case: 11,
  paymentPlan: 12,
  promise: 13,
  dispute: 14,
  complaint: 15,
  escalation: 16,
  agencyPlacement: 17,
  fieldVisit: 18,
  legalAction: 19,
  caseNote: 20,
} as const;

export type SeedKind = keyof typeof KINDS;

const prefix = (kind: SeedKind) => KINDS[kind].toString(16).padStart(8, '0');

/** How many child rows of one kind a single case may own; child ids are `case number × stride + index`. */
export const STRIDE = 64;

const prefixes = Object.fromEntries(
  (Object.keys(KINDS) as SeedKind[]).map((kind) => [kind, `${prefix(kind)}-5eed-4000-8000-`]),
) as Record<SeedKind, string>;

export function seedId(kind: SeedKind, n: number): string {
  return prefixes[kind] + n.toString(16).padStart(12, '0');
}

/** The id of a case's `index`-th child row of a kind (its contact points, promises, notes…). */
export function childId(kind: SeedKind, caseNumber: number, index: number): string {
  if (index >= STRIDE) throw new Error(`case ${caseNumber} has more than ${STRIDE} ${kind} rows`);
  return seedId(kind, caseNumber * STRIDE + index);
}
