import type { ComplianceFacts } from '@arrears/shared/compliance/facts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createViewerFormats } from '../../../lib/format.ts';
import { usePunctuation } from '../../../lib/punctuation.ts';
import { useSessionUser } from '../../../lib/session.tsx';

type Row = [label: string, value: ReactNode];

/** The facts of an evaluation (an override grant's facts hold the override instead, and show only as JSON). */
function isEvaluation(facts: Record<string, unknown>): facts is Record<string, unknown> & ComplianceFacts {
  return (
    typeof facts.action === 'object' && typeof facts.debtor === 'object' && typeof facts.debt === 'object'
  );
}

function FactGroup({ heading, rows }: { heading: string; rows: Row[] }) {
  if (rows.length === 0) return null;
  return (
    <>
      <h3>{heading}</h3>
      <dl className="decision-summary">
        {rows.map(([label, value]) => (
          <div key={label} className="fact-row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/**
 * What the engine saw, as labelled fields a reviewer can read: ids are shown by name (the account reference, a
 * contact point's label or masked value), instants in the viewer's zone. The raw JSON stays one click away.
 */
export function DecisionFacts({
  facts,
  names,
}: {
  facts: Record<string, unknown>;
  names: Record<string, string>;
}) {
  const { t } = useTranslation();
  const punctuation = usePunctuation();
  const { locale, timeZone } = useSessionUser();
  const formats = createViewerFormats(locale, timeZone);
  const when = (iso: string | null | undefined) =>
    iso ? <time dateTime={iso}>{formats.instant(iso)}</time> : null;
  const nameOf = (id: string | null | undefined) => (id ? (names[id] ?? t('audit.facts.unknownId')) : null);
  const yes = (flag: boolean | undefined) => (flag ? t('audit.facts.yes') : null);
  const present = (rows: Array<[string, ReactNode]>): Row[] =>
    rows.filter(([, value]) => value !== null && value !== undefined && value !== '');

  const raw = (
    <details>
      <summary>{t('audit.decision.factsSummary')}</summary>
      <pre className="facts">{JSON.stringify(facts, null, 2)}</pre>
    </details>
  );
  if (!isEvaluation(facts)) return raw;
  const { action, debtor, debt } = facts;
  const points = facts.contactPoints ?? [];
  const history = facts.history ?? [];

  return (
    <>
      <FactGroup
        heading={t('audit.facts.action')}
        rows={present([
          [t('audit.facts.evaluatedAt'), when(facts.now)],
          [t('audit.facts.kind'), t(`audit.channel.${action.kind}`)],
          [t('audit.facts.contactPoint'), nameOf(action.contactPointId)],
          [
            t('audit.facts.disclosures'),
            action.message?.disclosures?.length ? action.message.disclosures.join(punctuation.items) : null,
          ],
          [t('audit.facts.thirdParty'), action.thirdParty?.relationship ?? null],
        ])}
      />
      <FactGroup
        heading={t('audit.facts.debtor')}
        rows={present([
          [
            t('audit.facts.jurisdiction'),
            [debtor.jurisdiction.country, debtor.jurisdiction.region].filter(Boolean).join('-'),
          ],
          [t('audit.facts.timeZones'), debtor.timeZones?.join(punctuation.items) ?? null],
          [t('audit.facts.deceased'), yes(debtor.deceased)],
          [t('audit.facts.bankruptcy'), when(debtor.bankruptcyFiledAt)],
          [t('audit.facts.attorney'), debtor.attorney?.name ?? null],
          [t('audit.facts.cease'), when(debtor.ceaseRequestedAt)],
          [
            t('audit.facts.optOuts'),
            debtor.optOuts?.length
              ? debtor.optOuts
                  .map((o) => {
                    const point = nameOf(o.contactPointId);
                    return o.channel && point ? punctuation.aside(o.channel, point) : (o.channel ?? point);
                  })
                  .join(punctuation.items)
              : null,
          ],
        ])}
      />
      <FactGroup
        heading={t('audit.facts.debt')}
        rows={present([
          [t('audit.facts.account'), nameOf(debt.id)],
          [t('audit.facts.status'), debt.status],
          [t('audit.facts.holdUntil'), when(debt.holdUntil)],
          [t('audit.facts.validationNotice'), when(debt.validationNoticeSentAt)],
          [t('audit.facts.disputeReceived'), when(debt.dispute?.receivedAt)],
          [t('audit.facts.verificationSent'), when(debt.dispute?.verificationSentAt)],
          [t('audit.facts.limitations'), when(debt.limitationsExpiresAt)],
        ])}
      />
      <FactGroup
        heading={t('audit.facts.contactPoints')}
        rows={points.map((point) => [
          nameOf(point.id) ?? point.id,
          [
            point.kind,
            point.timeZone,
            point.consent?.autodial ? t('audit.facts.consentAutodial') : null,
            point.consent?.sms ? t('audit.facts.consentSms') : null,
            point.consentRevokedAt ? t('audit.facts.consentRevoked') : null,
            point.employerProhibits ? t('audit.facts.employerProhibits') : null,
            point.inconvenient ? t('audit.facts.inconvenient') : null,
          ]
            .filter(Boolean)
            .join(punctuation.separator),
        ])}
      />
      <FactGroup
        heading={t('audit.facts.historyHeading')}
        rows={[[t('audit.facts.history'), t('audit.facts.historyCount', { count: history.length })]]}
      />
      {raw}
    </>
  );
}
