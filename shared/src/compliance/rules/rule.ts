import type { ActionKind } from '../actions.ts';
import type { EvaluationContext, Moment } from '../context.ts';
import type { RuleId } from '../rule-ids.ts';

/** block: the action is refused; warn: allowed but shown and recorded; require: refused unless the content is there. */
export type RuleEffect = 'block' | 'warn' | 'require';

export interface Rule {
  readonly id: RuleId;
  readonly effect: RuleEffect;
  /** The legal citation (or "agency policy") shown beside the reason. */
  readonly source: string;
  /** Time-of-day and frequency rules: their blocks lapse by themselves, so a next allowed time exists. */
  readonly timing: boolean;
  readonly appliesTo: readonly ActionKind[];
  /** Why the proposed action breaks the rule at `moment`, in words an agent understands; null when it does not. */
  check(context: EvaluationContext, moment: Moment): string | null;
  /**
   * For a block that is not about time but ends at a known instant (a hold until a date): that instant. Absent or
   * null when the block lasts until something changes.
   */
  lapsesAt?(context: EvaluationContext): number | null;
}
