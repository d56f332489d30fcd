import { useTranslation } from 'react-i18next';

/** Placeholder until this page is built. */
export function ReportsPage() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="page-heading" className="page">
      <title>{`${t('nav.reports')} · ${t('app.name')}`}</title>
      <h1 id="page-heading">{t('nav.reports')}</h1>
    </section>
  );
}
