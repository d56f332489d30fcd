import {
  PLACEMENT_COLUMNS,
  PLACEMENT_FILE_MAX_CHARS,
  type PlacementCommitMode,
  type PlacementPreview,
  placementTemplateCsv,
} from '@arrears/shared/schemas/placements';
import { type FormEvent, type ReactNode, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { en } from '../../../i18n/en.ts';
import { readApiError } from '../../../lib/api-error.ts';
import { createViewerFormats } from '../../../lib/format.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import {
  useCommitPlacement,
  usePlacementErrorsQuery,
  usePlacementListQuery,
  usePlacementOptionsQuery,
  usePreviewPlacement,
} from '../api/use-placements.ts';

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
  const headingId = useId();
  const options = usePlacementOptionsQuery();
  const preview = usePreviewPlacement();
  const commit = useCommitPlacement();
  const [staged, setStaged] = useState<PlacementPreview | null>(null);

  return (
    <section aria-labelledby={headingId} className="page placements-admin">
      <title>{`${t('sectionTabs.admin.placements')} · ${t('app.name')}`}</title>
      <div className="page-header">
        <h1 id={headingId}>{t('sectionTabs.admin.placements')}</h1>
      </div>
      <p className="muted">{t('placements.intro')}</p>
      <FormatHelp />

      {options.error && (
        <div role="alert" className="notice notice-error">
          <p>{t('placements.loadFailed', { message: readApiError(options.error).message })}</p>
          <button type="button" className="button" onClick={() => void options.refetch()}>
            {t('placements.retry')}
          </button>
        </div>
      )}
      {options.isPending && (
        <p role="status" className="page-status">
          {t('placements.loading')}
        </p>
      )}
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

      {preview.isPending && (
        <p role="status" className="page-status">
          {t('placements.checking')}
        </p>
      )}
      {preview.error && (
        <div role="alert" className="notice notice-error">
          <p>{t('placements.previewFailed', { message: readApiError(preview.error).message })}</p>
        </div>
      )}

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
    </section>
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
          <thead>
            <tr>
              <th scope="col">{t('placements.format.column')}</th>
              <th scope="col">{t('placements.format.required')}</th>
              <th scope="col">{t('placements.format.example')}</th>
              <th scope="col">{t('placements.format.meaning')}</th>
            </tr>
          </thead>
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

function UploadForm({
  portfolios,
  teams,
  busy,
  onSubmit,
}: {
  portfolios: ReadonlyArray<{ id: string; name: string; currency: string; defaultTeamId: string | null }>;
  teams: ReadonlyArray<{ id: string; name: string }>;
  busy: boolean;
  onSubmit: (input: UploadInput) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [portfolioId, setPortfolioId] = useState('');
  const [teamId, setTeamId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const portfolio = portfolios.find((p) => p.id === portfolioId);
  const defaultTeam = teams.find((team) => team.id === portfolio?.defaultTeamId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!portfolio) return setProblem(t('placements.form.choosePortfolio'));
    if (!file) return setProblem(t('placements.form.chooseFile'));
    const csv = await file.text();
    if (csv.length > PLACEMENT_FILE_MAX_CHARS) return setProblem(t('placements.form.tooBig'));
    if (!teamId && !defaultTeam) return setProblem(t('placements.form.chooseTeam'));
    setProblem(null);
    onSubmit({ portfolioId: portfolio.id, ...(teamId ? { teamId } : {}), fileName: file.name, csv });
  };

  return (
    <form className="admin-section placement-form" onSubmit={(event) => void submit(event)} noValidate>
      <h2 id={`${id}-heading`}>{t('placements.form.heading')}</h2>
      <div className="field">
        <label htmlFor={`${id}-portfolio`}>{t('placements.form.portfolio')}</label>
        <select
          id={`${id}-portfolio`}
          value={portfolioId}
          onChange={(event) => {
            setPortfolioId(event.target.value);
            setTeamId('');
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
      </div>
      <div className="field">
        <label htmlFor={`${id}-team`}>{t('placements.form.team')}</label>
        <select id={`${id}-team`} value={teamId} onChange={(event) => setTeamId(event.target.value)}>
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
      </div>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('placements.form.file')}</label>
        <input
          id={`${id}-file`}
          ref={fileRef}
          type="file"
          accept=".csv,text/csv"
          aria-describedby={`${id}-file-hint`}
        />
        <p id={`${id}-file-hint`} className="field-hint">
          {t('placements.form.fileHint')}
        </p>
      </div>
      {problem && (
        <p role="alert" className="field-error">
          {problem}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t('placements.form.checking') : t('placements.form.check')}
      </button>
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
  const headingId = useId();
  const { counts } = preview;
  const number = useMemo(() => new Intl.NumberFormat(locale), [locale]);
  const blocked = preview.fileErrors.length > 0 || preview.alreadyImported !== null || committed !== null;

  return (
    <section aria-labelledby={headingId} className="admin-section placement-preview">
      <h2 id={headingId}>{t('placements.preview.heading', { fileName: preview.fileName })}</h2>
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
    </section>
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
          <thead>
            <tr>
              <th scope="col" className="numeric">
                {t('placements.errors.row')}
              </th>
              <th scope="col">{t('placements.errors.column')}</th>
              <th scope="col">{t('placements.errors.message')}</th>
            </tr>
          </thead>
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
  const headingId = useId();
  const { locale, timeZone } = useSessionUser();
  const formats = useMemo(() => createViewerFormats(locale, timeZone), [locale, timeZone]);
  const list = usePlacementListQuery();

  return (
    <section aria-labelledby={headingId} className="admin-section">
      <h2 id={headingId}>{t('placements.past.heading')}</h2>
      {list.error && (
        <div role="alert" className="notice notice-error">
          <p>{t('placements.past.loadFailed', { message: readApiError(list.error).message })}</p>
          <button type="button" className="button" onClick={() => void list.refetch()}>
            {t('placements.retry')}
          </button>
        </div>
      )}
      {list.isPending && (
        <p role="status" className="page-status">
          {t('placements.past.loading')}
        </p>
      )}
      {list.data &&
        (list.data.placements.length === 0 ? (
          <p className="notice">{t('placements.past.empty')}</p>
        ) : (
          <TableScroll label={t('placements.past.heading')}>
            <table className="admin-table">
              <caption className="visually-hidden">{t('placements.past.heading')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('placements.past.file')}</th>
                  <th scope="col">{t('placements.past.portfolio')}</th>
                  <th scope="col" className="numeric">
                    {t('placements.past.rows')}
                  </th>
                  <th scope="col">{t('placements.past.placedAt')}</th>
                  <th scope="col">{t('placements.past.by')}</th>
                </tr>
              </thead>
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
    </section>
  );
}
