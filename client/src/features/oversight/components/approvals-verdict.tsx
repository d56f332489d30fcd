import type { ApprovalVerdict } from '@arrears/shared/schemas/supervision';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/badge.tsx';
import { createViewerFormats } from '../../../lib/format.ts';
import { useRuleReason } from '../../../lib/rule-reason.ts';
import { useSessionUser } from '../../../lib/session.tsx';

/**
 * What the compliance engine says about the action once approved: nothing else blocks, only the hour or a
 * frequency cap does (with when it opens), or another rule does (with its id and reason).
 */
export function ApprovalsVerdict({ verdict }: { verdict: ApprovalVerdict | null }) {
  const { t } = useTranslation();
  const { locale, timeZone } = useSessionUser();
  const reasonOf = useRuleReason();
  if (verdict === null) return <span className="muted">{t('approvals.verdict.unknown')}</span>;
  if (verdict.noTarget) return <Badge tone="danger">{t('approvals.verdict.noAddress')}</Badge>;
  const target = verdict.targetLabel ? (
    <span className="muted"> {t('approvals.verdict.at', { target: verdict.targetLabel })}</span>
  ) : null;
  if (verdict.allowed) {
    return (
      <>
        <Badge tone={verdict.warnings.length > 0 ? 'warning' : 'good'}>{t('approvals.verdict.clear')}</Badge>
        {target}
        {verdict.warnings.length > 0 && (
          <ul className="approvals-rules">
            {verdict.warnings.map((hit) => (
              <li key={hit.ruleId}>
                <code>{hit.ruleId}</code> {reasonOf(hit)}
              </li>
            ))}
          </ul>
        )}
      </>
    );
  }
  const formats = createViewerFormats(locale, timeZone);
  return (
    <>
      {verdict.nextAllowedAt ? (
        <Badge tone="warning">
          {t('approvals.verdict.opensAt', { time: formats.instant(verdict.nextAllowedAt) })}
        </Badge>
      ) : (
        <Badge tone="danger">{t('approvals.verdict.blocked')}</Badge>
      )}
      {target}
      <ul className="approvals-rules">
        {verdict.violations.map((hit) => (
          <li key={hit.ruleId}>
            <code>{hit.ruleId}</code> {reasonOf(hit)}
          </li>
        ))}
      </ul>
    </>
  );
}
