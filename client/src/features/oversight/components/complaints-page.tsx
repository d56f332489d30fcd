import { useTranslation } from 'react-i18next';

/** Placeholder until this page is built. */
export function ComplaintsPage() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="page-heading" className="page">
      <title>{`${t('sectionTabs.compliance.complaints')} · ${t('app.name')}`}</title>
      <h1 id="page-heading">{t('sectionTabs.compliance.complaints')}</h1>
    </section>
  );
}
