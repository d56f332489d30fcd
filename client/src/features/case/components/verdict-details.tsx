import type { RuleHitView } from '@arrears/shared/schemas/compliance';
import { useTranslation } from 'react-i18next';
import { useRuleReason } from '../../../lib/rule-reason.ts';
import { useRuleSource } from '../../../lib/rule-texts.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import { formatInZone } from '../hooks/zone-time.ts';

interface VerdictDetailsProps {
  id?: string;
  violations: readonly RuleHitView[];
  warnings: readonly RuleHitView[];
  /** When time alone lifts the block (actionPreview.opensAt, or a refusal's next allowed time); null when not. */
  opensAt: string | null;
  /** A supervisor's override that lets the blocked action through, with its reason. */
  overrideReason?: string | null;
  /** The zone the debtor's calendar runs in (the first of compliance.check's debtor zones). */
  debtorZone: string | undefined;
}

/**
 * Why an action is blocked or warned: each rule with its reason, id and legal source, and when it opens again
 * in the debtor's time and the agent's. Used before the action (from compliance.check) and after a refusal
 * (from the server's BLOCKED_BY_RULE verdict), so both read the same.
 */
export function VerdictDetails(props: VerdictDetailsProps) {
  const { t } = useTranslation();
  const { violations, warnings, opensAt, overrideReason } = props;
  const blocked = violations.length > 0 && !overrideReason;
  return (
    <div id={props.id} className="verdict-details">
      {violations.length > 0 && <RuleHitList hits={violations} />}
      {overrideReason && <p>{t('actions.overridden', { reason: overrideReason })}</p>}
      {blocked &&
        (opensAt ? (
          <OpensAt at={opensAt} debtorZone={props.debtorZone} />
        ) : (
          <p className="muted">{t('actions.noOpening')}</p>
        ))}
      {warnings.length > 0 && <RuleHitList hits={warnings} />}
    </div>
  );
}

function RuleHitList({ hits }: { hits: readonly RuleHitView[] }) {
  const { t } = useTranslation();
  const reasonOf = useRuleReason();
  const sourceOf = useRuleSource();
  return (
    <ul className="rule-hits">
      {hits.map((hit) => (
        <li key={`${hit.ruleId}:${hit.reason}`}>
          <span className="rule-reason">{reasonOf(hit)}</span>{' '}
          <span className="rule-meta">
            {t('actions.ruleMeta', { ruleId: hit.ruleId, source: sourceOf(hit) })}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** "Opens Tue, Mar 10, 8:00 AM EDT (debtor) · 1:00 PM BST (you)": both clocks when they differ. */
function OpensAt({ at, debtorZone }: { at: string; debtorZone: string | undefined }) {
  const { t } = useTranslation();
  const { locale, timeZone } = useSessionUser();
  const agentTime = formatInZone(at, timeZone, locale);
  const debtorTime = debtorZone ? formatInZone(at, debtorZone, locale) : null;
  return (
    <p className="opens-at">
      <time dateTime={at}>
        {debtorTime && debtorTime !== agentTime
          ? t('actions.opensAtBoth', { debtorTime, agentTime })
          : t('actions.opensAt', { time: agentTime })}
      </time>
    </p>
  );
}
