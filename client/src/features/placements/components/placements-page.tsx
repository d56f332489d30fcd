import { useTranslation } from 'react-i18next';

/** Placeholder until this page is built. */
export function PlacementsPage() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="page-heading" className="page">
      <title>{`${t('sectionTabs.admin.placements')} · ${t('app.name')}`}</title>
      <h1 id="page-heading">{t('sectionTabs.admin.placements')}</h1>
    </section>
  );
}
