import type { RuleHitView } from '@arrears/shared/schemas/compliance';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryStatus } from '../../../components/ui/query-status.tsx';
import { createViewerFormats } from '../../../lib/format.ts';
import { usePunctuation } from '../../../lib/punctuation.ts';
import { useRuleReason } from '../../../lib/rule-reason.ts';
import { useRuleSource } from '../../../lib/rule-texts.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import { useDecisionQuery } from '../api/audit-api.ts';
import { OutcomeBadge } from './audit-table.tsx';
import { DecisionFacts } from './decision-facts.tsx';
import { ReviewForm } from './review-form.tsx';

function RuleList({ hits, label }: { hits: RuleHitView[]; label: string }) {
  const reasonOf = useRuleReason();
  const sourceOf = useRuleSource();
  const punctuation = usePunctuation();
  if (hits.length === 0) return null;
  return (
    <>
      <h3>{label}</h3>
      <ul className="rule-hits">
        {hits.map((hit) => (
          <li key={`${hit.ruleId}-${hit.reason}`}>
            <code>{hit.ruleId}</code>
            {punctuation.dash}
            {reasonOf(hit)}
            <span className="muted">{punctuation.open + sourceOf(hit) + punctuation.close}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** One compliance decision: what the engine saw and said, the override chain, the case timeline, reviews. */
export function DecisionPage() {
  const { t } = useTranslation();
  const punctuation = usePunctuation();
  const headingId = useId();
  const { locale, timeZone } = useSessionUser();
  const formats = createViewerFormats(locale, timeZone);
  const id = Number(useParams().decisionId);
  const decision = useDecisionQuery(id);
  const d = decision.data;

  return (
    <section aria-labelledby={headingId} className="page">
      <title>{[t('audit.decision.title', { id }), t('app.name')].join(punctuation.separator)}</title>
      <p>
        <Link to="/compliance/audit">{t('audit.decision.back')}</Link>
      </p>
      <h1 id={headingId}>{t('audit.decision.title', { id })}</h1>
      {decision.isPending && <p className="muted">{t('audit.loading')}</p>}
      <QueryStatus query={decision} failedKey="audit.loadFailed" />
      {d && (
        <>
          <dl className="decision-summary">
            <dt>{t('audit.column.outcome')}</dt>
            <dd>
              <OutcomeBadge outcome={d.outcome} />
            </dd>
            <dt>{t('audit.column.channel')}</dt>
            <dd>{t(`audit.channel.${d.actionKind}`)}</dd>
            <dt>{t('audit.column.agent')}</dt>
            <dd>{d.actorName ?? t('audit.system')}</dd>
            <dt>{t('audit.column.at')}</dt>
            <dd>
              <time dateTime={d.evaluatedAt}>{formats.instant(d.evaluatedAt)}</time>
            </dd>
            <dt>{t('audit.column.case')}</dt>
            <dd>
              <Link to={`/cases/${d.caseId}`}>
                {t('audit.decision.caseLink', { ref: d.accountRef, name: d.debtorName })}
              </Link>
            </dd>
            <dt>{t('audit.decision.ruleset')}</dt>
            <dd>
              <code>{d.rulesetVersion}</code>
            </dd>
            {d.nextAllowedAt && (
              <>
                <dt>{t('audit.decision.nextAllowed')}</dt>
                <dd>
                  <time dateTime={d.nextAllowedAt}>{formats.instant(d.nextAllowedAt)}</time>
                </dd>
              </>
            )}
            {d.overrideReason && (
              <>
                <dt>{t('audit.decision.overrideReason')}</dt>
                <dd>{d.overrideReason}</dd>
              </>
            )}
          </dl>

          <section className="audit-section" aria-label={t('audit.decision.rulesHeading')}>
            <h2>{t('audit.decision.rulesHeading')}</h2>
            {d.violations.length === 0 && d.warnings.length === 0 && (
              <p className="muted">{t('audit.decision.noRules')}</p>
            )}
            <RuleList hits={d.violations} label={t('audit.decision.violations')} />
            <RuleList hits={d.warnings} label={t('audit.decision.warnings')} />
          </section>

          {d.overrideChain.length > 0 && (
            <section className="audit-section" aria-label={t('audit.decision.chainHeading')}>
              <h2>{t('audit.decision.chainHeading')}</h2>
              <ol className="override-chain">
                {d.overrideChain.map((link) => (
                  <li key={link.id} aria-current={link.id === d.id ? 'true' : undefined}>
                    <Link to={`/compliance/audit/decisions/${link.id}`}>#{link.id}</Link>{' '}
                    <OutcomeBadge outcome={link.outcome} />{' '}
                    {link.grant ? t('audit.decision.grant') : t('audit.decision.attempt')}
                    {punctuation.separator}
                    {link.actorName ?? t('audit.system')}
                    {punctuation.separator}
                    <time dateTime={link.at}>{formats.instant(link.at)}</time>
                    {link.ruleIds.length > 0 && (
                      <>
                        {punctuation.separator}
                        <code>{link.ruleIds.join(punctuation.items)}</code>
                      </>
                    )}
                    {link.overrideReason && <span>{punctuation.dash + link.overrideReason}</span>}
                  </li>
                ))}
              </ol>
            </section>
          )}

          <section className="audit-section" aria-label={t('audit.decision.factsHeading')}>
            <h2>{t('audit.decision.factsHeading')}</h2>
            <DecisionFacts facts={d.facts} names={d.factNames} />
          </section>

          <section className="audit-section" aria-label={t('audit.decision.reviewsHeading')}>
            <h2>{t('audit.decision.reviewsHeading')}</h2>
            {d.reviews.length === 0 ? (
              <p className="muted">{t('audit.review.none')}</p>
            ) : (
              <ol className="reviews">
                {d.reviews.map((review, index) => (
                  <li key={review.id}>
                    <strong>{review.reviewerName}</strong>
                    {punctuation.separator}
                    <time dateTime={review.at}>{formats.instant(review.at)}</time>
                    {index > 0 && (
                      <span className="muted">
                        {punctuation.open + t('audit.review.superseded') + punctuation.close}
                      </span>
                    )}
                    <p>{review.note}</p>
                  </li>
                ))}
              </ol>
            )}
            <ReviewForm target="decision" id={d.id} />
          </section>
        </>
      )}
    </section>
  );
}
