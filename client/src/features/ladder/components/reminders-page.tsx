import { useTranslation } from 'react-i18next';

/** Placeholder until this page is built. */
export function RemindersPage() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="page-heading" className="page">
      <title>{`${t('sectionTabs.admin.reminders')} · ${t('app.name')}`}</title>
      <h1 id="page-heading">{t('sectionTabs.admin.reminders')}</h1>
    </section>
  );
}
