import type { PortfolioChannelsView } from '@arrears/shared/schemas/channels';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { SchemaField } from '../../../components/form/schema-field.tsx';
import { AdminSection } from '../../../components/ui/admin-table.tsx';
import { MutationNotice } from '../../../components/ui/mutation-notice.tsx';
import { QueryStatus } from '../../../components/ui/query-status.tsx';
import { useReminderStrategiesQuery } from '../../../hooks/use-reminder-strategies.ts';
import { outbox } from '../../../i18n/en/outbox.ts';
import { registerEnglish } from '../../../i18n/i18n.ts';
import { readApiError } from '../../../lib/api-error.ts';
import { useSchemaForm } from '../../../lib/schema-form.ts';
import { usePortfolioChannels, useSavePortfolioChannels } from '../api/use-outbox.ts';

registerEnglish({ outbox });

/** The form's text, an empty field meaning "none" (the default sender; no push endpoint; the secret kept). */
const settingsSchema = z.object({
  emailFromName: z
    .string()
    .trim()
    .max(120)
    .transform((v) => v || null),
  emailFromAddress: z.union([z.literal(''), z.email()]).transform((v) => v || null),
  pushUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).transform((v) => v || null),
  pushSecret: z.union([z.literal(''), z.string().min(16).max(200)]).transform((v) => v || undefined),
});

/**
 * Admin: each portfolio's sender in the agency's true name (the From of its emails) and the creditor's app-push
 * endpoint with its signing secret, which is never shown back.
 */
export function SenderSettings() {
  const { t } = useTranslation();
  const portfolios = useReminderStrategiesQuery();
  const [portfolioId, setPortfolioId] = useState<string | null>(null);
  const settings = usePortfolioChannels(portfolioId);
  const selectId = useId();
  return (
    <AdminSection heading={t('outbox.settings.heading')} testId="sender-settings">
      <p className="muted">{t('outbox.settings.intro')}</p>
      <QueryStatus query={portfolios} failedKey="outbox.loadFailed" />
      <label htmlFor={selectId}>{t('outbox.settings.portfolio')}</label>
      <select
        id={selectId}
        value={portfolioId ?? ''}
        onChange={(e) => setPortfolioId(e.target.value || null)}
      >
        <option value="">{t('outbox.settings.choose')}</option>
        {portfolios.data?.map((p) => (
          <option key={p.portfolioId} value={p.portfolioId}>
            {p.portfolioName}
          </option>
        ))}
      </select>
      {portfolioId && <QueryStatus query={settings} failedKey="outbox.loadFailed" />}
      {settings.data && portfolioId && <SettingsForm key={portfolioId} settings={settings.data} />}
    </AdminSection>
  );
}

function SettingsForm({ settings }: { settings: PortfolioChannelsView }) {
  const { t } = useTranslation();
  const save = useSavePortfolioChannels();
  const form = useSchemaForm(settingsSchema, {
    defaultValues: {
      emailFromName: settings.emailFromName ?? '',
      emailFromAddress: settings.emailFromAddress ?? '',
      pushUrl: settings.pushUrl ?? '',
      pushSecret: '',
    },
    serverErrors: save.error ? readApiError(save.error).fieldErrors : undefined,
  });
  const submit = form.handleSubmit((value) => save.mutate({ portfolioId: settings.portfolioId, ...value }));
  return (
    <form onSubmit={submit} noValidate>
      <SchemaField form={form} name="emailFromName" label={t('outbox.settings.fromName')}>
        {(control) => <input {...control} autoComplete="off" />}
      </SchemaField>
      <SchemaField form={form} name="emailFromAddress" label={t('outbox.settings.fromAddress')}>
        {(control) => <input {...control} type="email" autoComplete="off" />}
      </SchemaField>
      <SchemaField form={form} name="pushUrl" label={t('outbox.settings.pushUrl')}>
        {(control) => <input {...control} type="url" autoComplete="off" />}
      </SchemaField>
      <SchemaField
        form={form}
        name="pushSecret"
        label={t('outbox.settings.pushSecret')}
        hint={t(settings.hasPushSecret ? 'outbox.settings.secretKept' : 'outbox.settings.secretNone')}
      >
        {(control) => <input {...control} type="password" autoComplete="new-password" />}
      </SchemaField>
      <MutationNotice mutation={save} saved={() => t('outbox.settings.saved')} />
      <button type="submit" className="button button-primary" disabled={save.isPending}>
        {t('outbox.settings.save')}
      </button>
    </form>
  );
}
