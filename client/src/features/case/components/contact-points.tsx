import type { CaseDetail } from '@arrears/shared/schemas/casework';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/badge.tsx';
import type { ActionIntent } from '../hooks/action-intent.ts';
import { contactPointBadges } from '../hooks/contact-point-badges.ts';
import { RevealValue } from './reveal-value.tsx';

type ContactPoint = CaseDetail['contactPoints'][number];

interface ContactPointsProps {
  caseId: string;
  points: readonly ContactPoint[];
  canWork: boolean;
  onIntent: (intent: ActionIntent) => void;
}

/** The debtor's phones, emails, addresses and app, masked, with what the rules need to know about each. */
export function ContactPoints({ caseId, points, canWork, onIntent }: ContactPointsProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="case-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('case.points.heading')}</h2>
      {canWork && <p className="field-hint">{t('case.points.revealLogged')}</p>}
      {points.length === 0 ? (
        <p className="muted">{t('case.points.none')}</p>
      ) : (
        <ul className="contact-points">
          {points.map((point) => {
            const kindLabel = t(`case.pointKind.${point.kind}`);
            const hasConsent = (point.consentSms || point.consentAutodial) && point.consentRevokedAt === null;
            return (
              <li key={point.id} className="contact-point">
                <div className="contact-point-main">
                  <span className="contact-point-kind">{kindLabel}</span>
                  {point.label && point.label.toLowerCase() !== kindLabel.toLowerCase() && (
                    <span className="muted">{point.label}</span>
                  )}
                  {canWork ? (
                    <RevealValue
                      caseId={caseId}
                      target={{ contactPointId: point.id }}
                      masked={point.masked}
                      name={`${kindLabel} ${point.masked}`}
                    />
                  ) : (
                    // Revealing is for those who work the case; others see the masked value only.
                    <span className="masked-value">{point.masked}</span>
                  )}
                </div>
                <ul className="badge-list" aria-label={t('case.points.badgesLabel', { point: kindLabel })}>
                  {contactPointBadges(point).map((badge) => (
                    <li key={badge.key}>
                      <Badge tone={badge.tone}>
                        {t(`case.points.badge.${badge.key}`, {
                          channel: badge.channel ? t(`case.optOutChannel.${badge.channel}`) : '',
                          date: badge.date ?? '',
                        })}
                      </Badge>
                    </li>
                  ))}
                </ul>
                {canWork && (
                  <div className="contact-point-actions">
                    {!point.optedOut && (
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => onIntent({ form: 'flag', flag: 'opt_out', contactPointId: point.id })}
                      >
                        {t('case.points.recordOptOut')}
                      </button>
                    )}
                    {hasConsent && (
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() =>
                          onIntent({ form: 'flag', flag: 'consent_revoked', contactPointId: point.id })
                        }
                      >
                        {t('case.points.revokeConsent')}
                      </button>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
