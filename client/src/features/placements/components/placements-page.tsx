import {
  PLACEMENT_COLUMNS,
  PLACEMENT_FILE_MAX_CHARS,
  type PlacementCommitMode,
  type PlacementPreview,
  placementTemplateCsv,
} from '@arrears/shared/schemas/placements';
import { type ReactNode, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { SchemaField } from '../../../components/form/schema-field.tsx';
import { SubmitRow } from '../../../components/form/submit-row.tsx';
import { AdminSection } from '../../../components/ui/admin-table.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { QueryStatus } from '../../../components/ui/query-status.tsx';
import { TableHead } from '../../../components/ui/table-head.tsx';
import type { en } from '../../../i18n/en/index.ts';
import { placements } from '../../../i18n/en/placements.ts';
import { registerEnglish } from '../../../i18n/i18n.ts';
import { readApiError } from '../../../lib/api-error.ts';
import { createViewerFormats } from '../../../lib/format.ts';
import { useSchemaForm } from '../../../lib/schema-form.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import {
  useCommitPlacement,
  usePlacementErrorsQuery,
  usePlacementListQuery,
  usePlacementOptionsQuery,
  usePreviewPlacement,
} from '../api/use-placements.ts';

registerEnglish({ placements });

const ERRORS_PAGE_SIZE = 50;

/**
 * A table that may scroll inside its box: the box takes keyboard focus (Tab, then arrow keys scroll it) and is a
 * named region, so keyboard users reach rows mouse users scroll to (axe: scrollable-region-focusable).
 */
function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable box must take focus to be scrolled by keyboard
    <section className="admin-table-scroll" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}

/** Admin → Placement files: check a creditor's CSV, see every row error, import all or the valid rows. */
export function PlacementsPage() {
  const { t } = useTranslation();
  const options = usePlacementOptionsQuery();
  const preview = usePreviewPlacement();
  const commit = useCommitPlacement();
  const [staged, setStaged] = useState<PlacementPreview | null>(null);

  return (
    <Page title={t('sectionTabs.admin.placements')} className="placements-admin">
      <p className="muted">{t('placements.intro')}</p>
      <FormatHelp />

      <QueryStatus
        query={options}
        loadingKey="placements.loading"
        failedKey="placements.loadFailed"
        retryKey="placements.retry"
      />
      {options.data &&
        (options.data.portfolios.length === 0 ? (
          <p className="notice">{t('placements.noPortfolios')}</p>
        ) : (
          <UploadForm
            portfolios={options.data.portfolios}
            teams={options.data.teams}
            busy={preview.isPending}
            onSubmit={(input) => {
              setStaged(null);
              commit.reset();
              preview.mutate(input, { onSuccess: setStaged });
            }}
          />
        ))}

      <QueryStatus query={preview} loadingKey="placements.checking" failedKey="placements.previewFailed" />

      {staged && (
        <PreviewPanel
          key={staged.token}
          preview={staged}
          committing={commit.isPending}
          committed={commit.data ?? null}
          commitError={commit.error ? readApiError(commit.error).message : null}
          onCommit={(mode) => commit.mutate({ token: staged.token, mode })}
        />
      )}

      <PastPlacements />
    </Page>
  );
}

/** The format in brief, with the template to download. */
function FormatHelp() {
  const { t } = useTranslation();
  const template = useMemo(
    () => `data:text/csv;charset=utf-8,${encodeURIComponent(placementTemplateCsv())}`,
    [],
  );
  return (
    <details className="admin-section placement-format">
      <summary>{t('placements.format.summary')}</summary>
      <p>
        {t('placements.format.intro')}{' '}
        <a href={template} download="placement-template.csv">
          {t('placements.format.template')}
        </a>
      </p>
      <TableScroll label={t('placements.format.summary')}>
        <table className="admin-table">
          <caption className="visually-hidden">{t('placements.format.summary')}</caption>
          <TableHead
            columns={[
              t('placements.format.column'),
              t('placements.format.required'),
              t('placements.format.example'),
              t('placements.format.meaning'),
            ]}
          />
          <tbody>
            {PLACEMENT_COLUMNS.map((column) => (
              <tr key={column.name}>
                <th scope="row">
                  <code>{column.name}</code>
                </th>
                <td>{column.required ? t('placements.format.yes') : t('placements.format.no')}</td>
                <td>
                  <code>{column.example}</code>
                </td>
                <td>{t(`placements.columns.${column.name as PlacementColumnName}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </details>
  );
}

type PlacementColumnName = keyof typeof en.placements.columns;

interface UploadInput {
  portfolioId: string;
  teamId?: string;
  fileName: string;
  csv: string;
}

type UploadProblem = 'choosePortfolio' | 'chooseFile' | 'chooseTeam' | 'tooBig';
type PortfolioChoice = { id: string; name: string; currency: string; defaultTeamId: string | null };

/**
 * The upload's fields, checked before anything is sent: a portfolio, a team unless the portfolio has a default
 * one, and a CSV file small enough for the dashboard, read to its text. A problem's message is its code.
 */
function uploadSchema(portfolios: readonly PortfolioChoice[]) {
  const problem = (context: z.RefinementCtx, message: UploadProblem, path: string[] = []) =>
    context.addIssue({ code: 'custom', path, message });
  return z
    .object({
      portfolioId: z.string(),
      teamId: z.string(),
      file: z.custom<FileList | undefined>().transform(async (files, context) => {
        const file = files?.[0];
        if (!file) {
          problem(context, 'chooseFile');
          return z.NEVER;
        }
        const csv = await file.text();
        if (csv.length > PLACEMENT_FILE_MAX_CHARS) {
          problem(context, 'tooBig');
          return z.NEVER;
        }
        return { fileName: file.name, csv };
      }),
    })
    .superRefine(
      ({ portfolioId, teamId }, context) => {
        const portfolio = portfolios.find((p) => p.id === portfolioId);
        if (!portfolio) problem(context, 'choosePortfolio', ['portfolioId']);
        else if (!teamId && !portfolio.defaultTeamId) problem(context, 'chooseTeam', ['teamId']);
      },
      // Checked even when the file is wrong: every problem shows at once.
      { when: () => true },
    );
}

function UploadForm({
  portfolios,
  teams,
  busy,
  onSubmit,
}: {
  portfolios: ReadonlyArray<PortfolioChoice>;
  teams: ReadonlyArray<{ id: string; name: string }>;
  busy: boolean;
  onSubmit: (input: UploadInput) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const byCode = (error: { message?: string }) => t(`placements.form.${error.message as UploadProblem}`);
  const form = useSchemaForm(uploadSchema(portfolios), {
    defaultValues: { portfolioId: '', teamId: '' },
    messages: { portfolioId: byCode, teamId: byCode, file: byCode },
  });
  const portfolio = portfolios.find((p) => p.id === form.watch('portfolioId'));
  const defaultTeam = teams.find((team) => team.id === portfolio?.defaultTeamId);

  const submit = form.handleSubmit(({ portfolioId, teamId, file }) =>
    onSubmit({ portfolioId, ...(teamId ? { teamId } : {}), ...file }),
  );

  return (
    <form className="admin-section placement-form" onSubmit={(event) => void submit(event)} noValidate>
      <h2 id={`${id}-heading`}>{t('placements.form.heading')}</h2>
      <SchemaField form={form} name="portfolioId" label={t('placements.form.portfolio')}>
        {(control) => (
          <select
            {...control}
            onChange={(event) => {
              void control.onChange(event);
              // The team chosen belongs to the portfolio's choice: a new portfolio starts from its default.
              form.setValue('teamId', '');
            }}
            required
          >
            <option value="">{t('placements.form.portfolioPlaceholder')}</option>
            {portfolios.map((p) => (
              <option key={p.id} value={p.id}>
                {t('placements.form.portfolioOption', { name: p.name, currency: p.currency })}
              </option>
            ))}
          </select>
        )}
      </SchemaField>
      <SchemaField form={form} name="teamId" label={t('placements.form.team')}>
        {(control) => (
          <select {...control}>
            <option value="">
              {defaultTeam
                ? t('placements.form.teamDefault', { name: defaultTeam.name })
                : t('placements.form.teamPlaceholder')}
            </option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        )}
      </SchemaField>
      <SchemaField
        form={form}
        name="file"
        label={t('placements.form.file')}
        hint={t('placements.form.fileHint')}
      >
        {(control) => <input {...control} type="file" accept=".csv,text/csv" />}
      </SchemaField>
      <SubmitRow
        label={t('placements.form.check')}
        pending={busy}
        pendingLabel={t('placements.form.checking')}
      />
    </form>
  );
}

function PreviewPanel({
  preview,
  committing,
  committed,
  commitError,
  onCommit,
}: {
  preview: PlacementPreview;
  committing: boolean;
  committed: { outcome: string; created: number; skippedExisting: number; skippedInvalid: number } | null;
  commitError: string | null;
  onCommit: (mode: PlacementCommitMode) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useSessionUser();
  const { counts } = preview;
  const number = useMemo(() => new Intl.NumberFormat(locale), [locale]);
  const blocked = preview.fileErrors.length > 0 || preview.alreadyImported !== null || committed !== null;

  return (
    <AdminSection
      heading={t('placements.preview.heading', { fileName: preview.fileName })}
      className="placement-preview"
    >
      <dl className="placement-counts">
        {(['rows', 'valid', 'invalid', 'alreadyPlaced', 'toCreate', 'ambiguousZone'] as const).map((key) => (
          <div key={key}>
            <dt>{t(`placements.counts.${key}`)}</dt>
            <dd>{number.format(counts[key])}</dd>
          </div>
        ))}
      </dl>

      {preview.alreadyImported && (
        <p role="status" className="notice">
          {t('placements.preview.alreadyImported', {
            fileName: preview.alreadyImported.fileName,
            rows: preview.alreadyImported.rowCount,
          })}
        </p>
      )}
      {preview.fileErrors.length > 0 && (
        <div role="alert" className="notice notice-error">
          <p>{t('placements.preview.fileErrors')}</p>
          <ul>
            {preview.fileErrors.map((error) => (
              <li key={`${error.row}-${error.column}-${error.message}`}>
                {error.column
                  ? t('placements.preview.fileErrorColumn', { column: error.column, message: error.message })
                  : error.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview.fileErrors.length === 0 && preview.errorCount === 0 && (
        <p className="notice">{t('placements.preview.noErrors')}</p>
      )}
      {preview.errorCount > 0 && <RowErrors preview={preview} />}

      {!blocked && (
        <div className="placement-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={committing || counts.invalid > 0 || counts.toCreate === 0}
            onClick={() => onCommit('all')}
          >
            {t('placements.preview.importAll', { count: counts.rows })}
          </button>
          {counts.invalid > 0 && (
            <button
              type="button"
              className="button"
              disabled={committing || counts.toCreate === 0}
              onClick={() => onCommit('valid_only')}
            >
              {t('placements.preview.importValid', { count: counts.toCreate })}
            </button>
          )}
          {counts.invalid > 0 && <p className="muted">{t('placements.preview.allBlocked')}</p>}
        </div>
      )}
      {committing && (
        <p role="status" className="page-status">
          {t('placements.preview.importing')}
        </p>
      )}
      {commitError && (
        <div role="alert" className="notice notice-error">
          <p>{t('placements.preview.importFailed', { message: commitError })}</p>
        </div>
      )}
      {committed && (
        <p role="status" className="notice notice-success">
          {committed.outcome === 'already_imported'
            ? t('placements.preview.alreadyDone')
            : t('placements.preview.imported', {
                created: committed.created,
                existing: committed.skippedExisting,
                invalid: committed.skippedInvalid,
              })}
        </p>
      )}
    </AdminSection>
  );
}

function RowErrors({ preview }: { preview: PlacementPreview }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(Math.min(preview.errorCount, 10_000) / ERRORS_PAGE_SIZE));
  const paged = usePlacementErrorsQuery(page === 1 ? null : preview.token, page, ERRORS_PAGE_SIZE);
  const errors = page === 1 ? preview.errors.slice(0, ERRORS_PAGE_SIZE) : (paged.data?.errors ?? []);

  return (
    <div className="placement-errors">
      <h3>{t('placements.errors.heading', { count: preview.errorCount })}</h3>
      {paged.error && (
        <p role="alert" className="notice notice-error">
          {t('placements.errors.loadFailed', { message: readApiError(paged.error).message })}
        </p>
      )}
      <TableScroll label={t('placements.errors.caption')}>
        <table className="admin-table">
          <caption className="visually-hidden">{t('placements.errors.caption')}</caption>
          <TableHead
            columns={[
              { label: t('placements.errors.row'), numeric: true },
              t('placements.errors.column'),
              t('placements.errors.message'),
            ]}
          />
          <tbody>
            {errors.map((error) => (
              <tr key={`${error.row}-${error.column}-${error.message}`}>
                <td className="numeric">{error.row}</td>
                <td>{error.column ? <code>{error.column}</code> : t('placements.errors.wholeRow')}</td>
                <td>{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {pages > 1 && (
        <nav aria-label={t('placements.errors.pagination')} className="placement-pager">
          <button type="button" className="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('placements.errors.previous')}
          </button>
          <span>{t('placements.errors.pageOf', { page, pages })}</span>
          <button type="button" className="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t('placements.errors.next')}
          </button>
        </nav>
      )}
    </div>
  );
}

function PastPlacements() {
  const { t } = useTranslation();
  const { locale, timeZone } = useSessionUser();
  const formats = useMemo(() => createViewerFormats(locale, timeZone), [locale, timeZone]);
  const list = usePlacementListQuery();

  return (
    <AdminSection heading={t('placements.past.heading')}>
      <QueryStatus
        query={list}
        loadingKey="placements.past.loading"
        failedKey="placements.past.loadFailed"
        retryKey="placements.retry"
      />
      {list.data &&
        (list.data.placements.length === 0 ? (
          <p className="notice">{t('placements.past.empty')}</p>
        ) : (
          <TableScroll label={t('placements.past.heading')}>
            <table className="admin-table">
              <caption className="visually-hidden">{t('placements.past.heading')}</caption>
              <TableHead
                columns={[
                  t('placements.past.file'),
                  t('placements.past.portfolio'),
                  { label: t('placements.past.rows'), numeric: true },
                  t('placements.past.placedAt'),
                  t('placements.past.by'),
                ]}
              />
              <tbody>
                {list.data.placements.map((p) => (
                  <tr key={p.id}>
                    <td>{p.fileName}</td>
                    <td>{p.portfolioName}</td>
                    <td className="numeric">{formats.integer(p.rowCount)}</td>
                    <td>{formats.instant(p.placedAt)}</td>
                    <td>{p.importedBy ?? t('placements.past.commandLine')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ))}
    </AdminSection>
  );
}
