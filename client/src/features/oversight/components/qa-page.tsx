import { useTranslation } from 'react-i18next';

/** Placeholder until this page is built. */
export function QaSamplePage() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="page-heading" className="page">
      <title>{`${t('sectionTabs.compliance.qa')} · ${t('app.name')}`}</title>
      <h1 id="page-heading">{t('sectionTabs.compliance.qa')}</h1>
    </section>
  );
}
