import { daysAfter, daysBetween, utcDate } from '@arrears/shared/domain/calendar';
import { formatMoney, minorDigits } from '@arrears/shared/domain/money';
import {
  MAX_REPORT_DAYS,
  REPORT_GRAINS,
  REPORT_NAMES,
  type ReportFilters,
  type ReportGrain,
  type ReportName,
} from '@arrears/shared/schemas/reports';
import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Options } from '../../../components/ui/options.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { reports } from '../../../i18n/en/reports.ts';
import { registerEnglish } from '../../../i18n/i18n.ts';
import { isClientError, readApiError } from '../../../lib/api-error.ts';
import { usePunctuation } from '../../../lib/punctuation.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import { useDownloadReportCsv, useReportPortfoliosQuery, useReportQuery } from '../api/use-reports.ts';
import { chartSpecFor } from './chart-spec.ts';
import { PortfolioPicker } from './portfolio-picker.tsx';
import { bucketLabel, type ColumnKey, ReportTable } from './report-table.tsx';

registerEnglish({ reports });

// The chart library is the bulk of this page: it loads with the first chart, never with the rest of the app.
const ReportChart = lazy(() => import('./report-chart.tsx').then((m) => ({ default: m.ReportChart })));

/**
 * Reports (managers and admins): ten recovery reports, each a chart and the table of its figures, with a date
 * range (UTC days), a portfolio filter and a CSV export. Money is drawn and listed per currency, never added
 * across currencies. The choice lives in the URL, so a report can be bookmarked or shared.
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const punctuation = usePunctuation();
  const headingId = useId();
  const { locale } = useSessionUser();
  const [params, setParams] = useSearchParams();
  const state = readParams(params);
  const set = (
    patch: Partial<Record<'report' | 'from' | 'to' | 'grain', string>> & { portfolio?: string[] },
  ) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(patch)) {
          next.delete(key);
          for (const v of Array.isArray(value) ? value : [value]) if (v) next.append(key, v);
        }
        return next;
      },
      { replace: true },
    );

  const portfolios = useReportPortfoliosQuery();
  const rangeError = rangeProblem(state.filters);
  const report = useReportQuery(state.report, state.filters, state.grain, rangeError === null);
  const download = useDownloadReportCsv();
  const [csvState, setCsvState] = useState<{ busy: boolean; error: string | null }>({
    busy: false,
    error: null,
  });
  const rows = rangeError ? [] : (report.data ?? []);
  const name = t(`reports.names.${state.report}`);
  const spec = chartSpecFor(state.report, rows, {
    bucket: (b) => bucketLabel(t, b),
    nobody: t('reports.unassigned'),
    noTeam: t('reports.noTeam'),
    withCurrency: punctuation.aside,
  });
  // Months read as 2026-11 on the x axis; days and weeks (from Monday) keep their first day.
  const byMonth = spec.x === 'month' || (state.report === 'collected' && state.grain === 'month');
  const percentTick = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  // Axis ticks in short form (¥1.2M); the tooltip gives the exact amount. Minor units to major for display only.
  const moneyTick = (currency: string) => {
    const compact = new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact' });
    return (minor: number) => compact.format(minor / 10 ** minorDigits(currency));
  };

  const toErrorId = `${headingId}-to-error`;

  const onDownload = async () => {
    setCsvState({ busy: true, error: null });
    try {
      await download(state.report, state.filters, state.grain);
      setCsvState({ busy: false, error: null });
    } catch (error) {
      setCsvState({ busy: false, error: readApiError(error).message });
    }
  };

  return (
    <Page title={t('reports.pageTitle')} className="reports-page">
      <p className="muted">{t('reports.intro')}</p>

      <form className="filter-bar" aria-label={t('reports.filters')} onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          <span>{t('reports.report')}</span>
          <select value={state.report} onChange={(e) => set({ report: e.target.value })}>
            <Options values={REPORT_NAMES} label={(r) => t(`reports.names.${r}`)} />
          </select>
        </label>
        <label className="field">
          <span>{t('reports.from')}</span>
          <input type="date" value={state.filters.from} onChange={(e) => set({ from: e.target.value })} />
        </label>
        <div>
          <label className="field">
            <span>{t('reports.to')}</span>
            <input
              type="date"
              value={state.filters.to}
              onChange={(e) => set({ to: e.target.value })}
              aria-invalid={rangeError ? true : undefined}
              aria-describedby={rangeError ? toErrorId : undefined}
            />
          </label>
          {rangeError && (
            <p id={toErrorId} className="field-error">
              {rangeError === 'reversed'
                ? t('reports.rangeReversed')
                : t('reports.rangeTooLong', { days: MAX_REPORT_DAYS })}
            </p>
          )}
        </div>
        <PortfolioPicker
          options={portfolios.data ?? []}
          selected={state.filters.portfolioIds}
          onChange={(ids) => set({ portfolio: ids })}
        />
        {state.report === 'collected' && (
          <label className="field">
            <span>{t('reports.grain')}</span>
            <select value={state.grain} onChange={(e) => set({ grain: e.target.value })}>
              <Options values={REPORT_GRAINS} label={(g) => t(`reports.grains.${g}`)} />
            </select>
          </label>
        )}
        <button
          type="button"
          className="button"
          onClick={() => void onDownload()}
          disabled={csvState.busy || rangeError !== null}
        >
          {csvState.busy ? t('reports.downloading') : t('reports.downloadCsv')}
        </button>
      </form>

      {csvState.error && (
        <div role="alert" className="notice notice-error">
          <p>{t('reports.downloadFailed', { message: csvState.error })}</p>
        </div>
      )}

      <h2 className="report-heading">{name}</h2>
      <p className="muted">{t(`reports.descriptions.${state.report}`)}</p>
      <p role="status" className="list-status">
        {report.isFetching ? t('reports.loading') : ''}
      </p>

      {rangeError && (
        <p className="page-status" role="alert">
          {t('reports.fixRange')}
        </p>
      )}

      {report.isError && !rangeError && (
        <div role="alert" className="notice notice-error">
          <p>{t('reports.loadFailed', { message: readApiError(report.error).message })}</p>
          {/* Asking again cannot change a refusal (bad input, not allowed); it can help after a fault. */}
          {!isClientError(report.error) && (
            <button type="button" className="button" onClick={() => void report.refetch()}>
              {t('reports.retry')}
            </button>
          )}
        </div>
      )}

      {report.isSuccess && !rangeError && rows.length === 0 && (
        <p className="page-status">{t('reports.empty')}</p>
      )}

      {rows.length > 0 && (
        <>
          <div className="report-charts">
            {spec.panels.map((panel) => (
              <section key={`${state.report}-${panel.currency ?? 'all'}`} aria-label={panel.currency ?? name}>
                {panel.currency && <h3 className="report-panel-title">{panel.currency}</h3>}
                <Suspense fallback={<p className="report-chart page-status">{t('reports.loadingChart')}</p>}>
                  <ReportChart
                    spec={spec}
                    panel={panel}
                    label={
                      panel.currency
                        ? t('reports.chartLabelCurrency', { report: name, currency: panel.currency })
                        : t('reports.chartLabel', { report: name })
                    }
                    format={{
                      tick:
                        spec.y === 'money'
                          ? moneyTick(panel.currency ?? 'USD')
                          : spec.y === 'rate'
                            ? percentTick.format
                            : number.format,
                      value: (v) =>
                        spec.y === 'money'
                          ? formatMoney(Math.round(v), panel.currency ?? 'USD', locale)
                          : spec.y === 'rate'
                            ? percent.format(v)
                            : number.format(v),
                      x: (x) => (/^\d{4}-\d{2}-01$/.test(x) && byMonth ? x.slice(0, 7) : x),
                      series: (s) =>
                        s.endsWith('Minor') || s === 'contactsPerThousand'
                          ? t(`reports.columns.${s as ColumnKey}`)
                          : s,
                    }}
                  />
                </Suspense>
              </section>
            ))}
          </div>
          {spec.hidden > 0 && <p className="muted">{t('reports.chartCapped', { count: spec.hidden })}</p>}
          <ReportTable
            rows={rows}
            caption={t('reports.tableCaption', { report: name })}
            locale={locale}
            stale={report.isPlaceholderData}
          />
        </>
      )}
    </Page>
  );
}

const isReport = (v: string | null): v is ReportName => REPORT_NAMES.includes(v as ReportName);
const isGrain = (v: string | null): v is ReportGrain => REPORT_GRAINS.includes(v as ReportGrain);
const isDay = (v: string | null): v is string => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** The server's own range rules (reportFilters), checked before asking so the field can say what is wrong. */
function rangeProblem({ from, to }: ReportFilters): 'reversed' | 'tooLong' | null {
  if (from > to) return 'reversed';
  if (daysBetween(from, to) > MAX_REPORT_DAYS) return 'tooLong';
  return null;
}

/** The report, range (default: the last twelve months to today, UTC), portfolios and grain from the URL. */
function readParams(params: URLSearchParams): {
  report: ReportName;
  grain: ReportGrain;
  filters: ReportFilters;
} {
  const today = utcDate(Date.now());
  const yearAgo = utcDate(daysAfter(Date.now(), -365));
  const report = params.get('report');
  const grain = params.get('grain');
  const from = params.get('from');
  const to = params.get('to');
  return {
    report: isReport(report) ? report : 'collected',
    grain: isGrain(grain) ? grain : 'month',
    filters: {
      from: isDay(from) ? from : yearAgo,
      to: isDay(to) ? to : today,
      portfolioIds: params.getAll('portfolio'),
    },
  };
}
