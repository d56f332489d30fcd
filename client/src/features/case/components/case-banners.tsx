import type { CaseDetail } from '@arrears/shared/schemas/casework';
import { useTranslation } from 'react-i18next';
import { StatusIcon } from '../../../components/ui/status-icon.tsx';
import { usePunctuation } from '../../../lib/punctuation.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import { formatInZone } from '../hooks/zone-time.ts';

/**
 * What must not be missed before touching the case: deceased, bankrupt, represented, ceased, disputed, on
 * hold, closed. Each is a heading with an icon and words (a landmark a screen reader can jump to), not colour.
 */
export function CaseBanners({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const punctuation = usePunctuation();
  const { locale, timeZone } = useSessionUser();
  const closed = detail.case.status !== 'active';
  if (detail.banners.length === 0 && !closed) return null;
  const when = (iso: string | null) => (iso ? formatInZone(iso, timeZone, locale) : null);

  return (
    <section className="case-banners" aria-label={t('case.banner.label')}>
      {closed && (
        <div className="case-banner case-banner-closed">
          <StatusIcon kind="info" />
          <div>
            <h2>{t('case.banner.closed', { status: t(`enums.status.${detail.case.status}`) })}</h2>
            <p>{t('case.banner.closedDetail')}</p>
          </div>
        </div>
      )}
      {detail.banners.map((banner) => {
        const since = when(banner.since);
        const until = when(banner.until);
        return (
          <div key={banner.kind} className={`case-banner case-banner-${banner.kind}`}>
            <StatusIcon kind={banner.kind === 'military' ? 'warning' : 'blocked'} />
            <div>
              <h2>{t(`case.banner.kind.${banner.kind}`)}</h2>
              <p>{t(`case.banner.meaning.${banner.kind}`)}</p>
              {(since || until || banner.detail) && (
                <p className="case-banner-detail">
                  {[
                    since && t('case.banner.since', { time: since }),
                    until && t('case.banner.until', { time: until }),
                    banner.detail,
                  ]
                    .filter(Boolean)
                    .join(punctuation.separator)}
                </p>
              )}
            </div>
          </div>
        );
      })}
    </section>
  );
}
