import type { NavSection } from '@arrears/shared/auth/roles';
import { useTranslation } from 'react-i18next';

/** A section the role may see but that is not built yet: it says so, and does nothing else. */
/** Sections whose pages are not built yet (issues 5 and 6 build them). */
export type PendingNavSection = Extract<NavSection, 'compliance' | 'reports'>;

export function PendingSection({ section }: { section: PendingNavSection }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="page-heading" className="page">
      <title>{`${t(`nav.${section}`)} · ${t('app.name')}`}</title>
      <h1 id="page-heading">{t(`nav.${section}`)}</h1>
      <p>{t(`pending.${section}`)}</p>
    </section>
  );
}
