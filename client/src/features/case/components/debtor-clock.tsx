import type { ComplianceCheckOutput } from '@arrears/shared/schemas/compliance';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusIcon } from '../../../components/ui/status-icon.tsx';
import { useNow } from '../../../hooks/use-now.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import {
  formatMinuteOfDay,
  isInsideWindow,
  legalContactWindow,
  localMinuteOfDay,
} from '../hooks/contact-window.ts';
import { clockInZone, sameClock, zoneCity } from '../hooks/zone-time.ts';

type DebtorClockProps = Pick<ComplianceCheckOutput, 'debtorZones' | 'jurisdiction'>;

/**
 * The debtor's wall clock in every zone a time rule must hold in, today's legal contact hours and whether
 * they are open now, and the agent's own clock when it differs. Ticks while the case is open.
 */
export function DebtorClock({ debtorZones, jurisdiction }: DebtorClockProps) {
  const { t } = useTranslation();
  const { locale, timeZone } = useSessionUser();
  const now = useNow(15_000);
  const headingId = useId();
  const zones = debtorZones.map((zone) => zone.zone);
  const window = legalContactWindow(jurisdiction);
  const open = window !== null && zones.every((zone) => isInsideWindow(window, localMinuteOfDay(now, zone)));
  const agentDiffers = zones.length > 0 && !zones.some((zone) => sameClock(now, zone, timeZone));

  return (
    <section className="debtor-clock" aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        {t('case.clock.heading')}
      </h2>
      <dl>
        {zones.map((zone, index) => (
          <div key={zone}>
            <dt>{index === 0 ? t('case.clock.debtorTime') : t('case.clock.alsoZone')}</dt>
            <dd>
              <strong className="clock-time">{clockInZone(now, zone, locale)}</strong>{' '}
              <span className="muted">{zoneCity(zone)}</span>
            </dd>
          </div>
        ))}
        {window && (
          <div>
            <dt>{t('case.clock.contactHours')}</dt>
            <dd>
              {t('case.clock.window', {
                from: formatMinuteOfDay(window.from, locale),
                to: formatMinuteOfDay(window.to, locale),
              })}{' '}
              <span className={`window-state window-${open ? 'open' : 'closed'}`}>
                <StatusIcon kind={open ? 'allowed' : 'blocked'} />
                {open ? t('case.clock.openNow') : t('case.clock.closedNow')}
              </span>
            </dd>
          </div>
        )}
        {agentDiffers && (
          <div>
            <dt>{t('case.clock.yourTime')}</dt>
            <dd>
              {clockInZone(now, timeZone, locale)} <span className="muted">{zoneCity(timeZone)}</span>
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}
