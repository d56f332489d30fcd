import { useTranslation } from 'react-i18next';

/** Placeholder until this page is built. */
export function AgenciesPage() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="page-heading" className="page">
      <title>{`${t('sectionTabs.admin.agencies')} · ${t('app.name')}`}</title>
      <h1 id="page-heading">{t('sectionTabs.admin.agencies')}</h1>
    </section>
  );
}
