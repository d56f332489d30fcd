import type { ReportName } from '@arrears/shared/schemas/reports';
import type { ReportRows } from '../api/use-reports.ts';

/** What a report's chart draws: one or more panels (one per currency where money is drawn), each with series. */
export interface ChartSeries {
  name: string;
  points: Array<{ x: string; y: number }>;
}
export interface ChartPanel {
  /** The currency of the panel's money, or null when the panel draws rates or counts. */
  currency: string | null;
  series: ChartSeries[];
}
export interface ChartSpec {
  kind: 'line' | 'bar';
  y: 'money' | 'rate' | 'number';
  /** i18n key of the x axis (a column name). */
  x: string;
  panels: ChartPanel[];
  /** Series left out of the chart to keep it readable (the table has them all). */
  hidden: number;
  /** A series with no row at an x its panel has means zero there (no payment that period), not unknown. */
  missingIsZero?: boolean;
}

/** Lines in one chart: each keeps a colour of its own and the legend stays one or two rows. */
const MAX_SERIES = 8;
const MAX_BARS = 15;
const NEXT_BUCKET: Record<string, string> = {
  current: 'dpd_1_30',
  dpd_1_30: 'dpd_31_60',
  dpd_31_60: 'dpd_61_90',
  dpd_61_90: 'dpd_91_120',
  dpd_91_120: 'dpd_121_180',
  dpd_121_180: 'dpd_181_plus',
};

type Row = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** Groups rows into named series of (x, y) points, skipping null y; x values keep their order of appearance. */
function seriesOf(
  rows: readonly Row[],
  name: (r: Row) => string,
  x: (r: Row) => string,
  y: (r: Row) => unknown,
) {
  const out = new Map<string, ChartSeries>();
  for (const r of rows) {
    const value = y(r);
    if (typeof value !== 'number') continue;
    const key = name(r);
    let s = out.get(key);
    if (!s) {
      s = { name: key, points: [] };
      out.set(key, s);
    }
    s.points.push({ x: x(r), y: value });
  }
  return [...out.values()];
}

function byCurrency(rows: readonly Row[]): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const r of rows) out.set(str(r.currency), [...(out.get(str(r.currency)) ?? []), r]);
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

function capped(series: ChartSeries[], max: number) {
  return { series: series.slice(0, max), hidden: Math.max(0, series.length - max) };
}

/** Largest total first, so a capped chart keeps the series that matter most. */
function byTotal(series: ChartSeries[]) {
  const total = (s: ChartSeries) => s.points.reduce((sum, p) => sum + p.y, 0);
  return [...series].sort((a, b) => total(b) - total(a));
}

/**
 * A panel as the rows a chart library draws: one row per x value (sorted when the x axis is time or months
 * since), with each series' y under its own key (`s0`, `s1`, … — a name could hold a dot, which a data key
 * would read as a path).
 */
export function chartRows(
  panel: ChartPanel,
  { sort, missingIsZero }: { sort: boolean; missingIsZero: boolean },
): { rows: Array<Record<string, string | number>>; keys: string[] } {
  const keys = panel.series.map((_, k) => `s${k}`);
  const byX = new Map<string, Record<string, string | number>>();
  panel.series.forEach((s, k) => {
    for (const p of s.points) {
      const row = byX.get(p.x) ?? { x: p.x };
      row[`s${k}`] = p.y;
      byX.set(p.x, row);
    }
  });
  const xs = [...byX.keys()];
  if (sort) {
    const numeric = xs.every((x) => /^\d+$/.test(x));
    xs.sort(numeric ? (a, b) => Number(a) - Number(b) : undefined);
  }
  const rows = xs.map((x) => byX.get(x)!);
  if (missingIsZero) for (const row of rows) for (const key of keys) row[key] ??= 0;
  return { rows, keys };
}

export function chartSpecFor(
  name: ReportName,
  rows: ReportRows,
  labels: {
    bucket: (b: string) => string;
    nobody: string;
    noTeam: string;
    /** A name with its currency after it, in the interface language's brackets. */
    withCurrency: (name: string, currency: string) => string;
  },
): ChartSpec {
  const portfolioCurrency = (r: Row) => labels.withCurrency(str(r.portfolioName), str(r.currency));
  switch (name) {
    case 'collected': {
      let hidden = 0;
      const panels = [...byCurrency(rows)].map(([currency, rs]) => {
        const all = seriesOf(
          rs,
          (r) => str(r.portfolioName),
          (r) => str(r.period),
          (r) => r.amountMinor,
        );
        const top = capped(byTotal(all), MAX_SERIES);
        hidden += top.hidden;
        return { currency, series: top.series };
      });
      return { kind: 'line', y: 'money', x: 'period', panels, hidden, missingIsZero: true };
    }
    case 'vintage': {
      // One curve per placement month and currency: the chosen portfolios' cohorts of that month added up
      // (same currency only), so the chart compares vintages; the table keeps each portfolio's own rows.
      const sums = new Map<string, { placed: number; cumulative: number }>();
      for (const r of rows) {
        const key = `${labels.withCurrency(str(r.placementMonth).slice(0, 7), str(r.currency))}|${str(r.monthsSince)}`;
        const sum = sums.get(key) ?? { placed: 0, cumulative: 0 };
        sum.placed += Number(r.placedMinor);
        sum.cumulative += Number(r.cumulativeMinor);
        sums.set(key, sum);
      }
      const points = [...sums].map(([key, sum]) => {
        const [name = '', monthsSince = ''] = key.split('|');
        return { name, monthsSince, rate: sum.placed === 0 ? null : sum.cumulative / sum.placed };
      });
      const all = seriesOf(
        points,
        (p) => str(p.name),
        (p) => str(p.monthsSince),
        (p) => p.rate,
      ).sort((a, b) => b.name.localeCompare(a.name));
      const { series, hidden } = capped(all, MAX_SERIES);
      return { kind: 'line', y: 'rate', x: 'monthsSince', panels: [{ currency: null, series }], hidden };
    }
    case 'liquidation':
    case 'promiseKept': {
      const rate = name === 'liquidation' ? 'liquidationRate' : 'keptRate';
      const { series, hidden } = capped(
        seriesOf(
          rows,
          portfolioCurrency,
          (r) => str(r.month),
          (r) => r[rate],
        ),
        MAX_SERIES,
      );
      return { kind: 'line', y: 'rate', x: 'month', panels: [{ currency: null, series }], hidden };
    }
    case 'rightParty': {
      const { series, hidden } = capped(
        seriesOf(
          rows,
          (r) => str(r.portfolioName),
          (r) => str(r.month),
          (r) => r.rightPartyRate,
        ),
        MAX_SERIES,
      );
      return { kind: 'line', y: 'rate', x: 'month', panels: [{ currency: null, series }], hidden };
    }
    case 'rollRates': {
      const forward = rows.filter((r) => NEXT_BUCKET[str(r.fromBucket)] === str(r.toBucket));
      const series = seriesOf(
        forward,
        (r) => `${labels.bucket(str(r.fromBucket))} → ${labels.bucket(str(r.toBucket))}`,
        (r) => str(r.month),
        (r) => r.rollRate,
      );
      return { kind: 'line', y: 'rate', x: 'month', panels: [{ currency: null, series }], hidden: 0 };
    }
    case 'contactsPerCollected': {
      const series = [
        {
          name: 'contactsPerThousand',
          points: rows
            .filter((r) => typeof r.contactsPerThousand === 'number')
            .map((r) => ({ x: portfolioCurrency(r), y: r.contactsPerThousand as number })),
        },
      ];
      return {
        kind: 'bar',
        y: 'number',
        x: 'portfolioName',
        panels: [{ currency: null, series }],
        hidden: 0,
      };
    }
    case 'agentLeague':
    case 'teamLeague': {
      const who = name === 'agentLeague' ? 'agentName' : 'teamName';
      let hidden = 0;
      const panels = [...byCurrency(rows)].map(([currency, rs]) => {
        const top = [...rs].sort((a, b) => Number(b.collectedMinor) - Number(a.collectedMinor));
        hidden += Math.max(0, top.length - MAX_BARS);
        return {
          currency,
          series: [
            {
              name: 'collectedMinor',
              points: top.slice(0, MAX_BARS).map((r) => ({
                x: str(r[who]) || (name === 'agentLeague' ? labels.nobody : labels.noTeam),
                y: Number(r.collectedMinor),
              })),
            },
          ],
        };
      });
      return { kind: 'bar', y: 'money', x: who, panels, hidden };
    }
    case 'agency': {
      const panels = [...byCurrency(rows)].map(([currency, rs]) => ({
        currency,
        series: (['placedMinor', 'recalledMinor', 'openMinor'] as const).map((field) => ({
          name: field,
          points: rs.map((r) => ({ x: str(r.agencyName), y: Number(r[field]) })),
        })),
      }));
      return { kind: 'bar', y: 'money', x: 'agencyName', panels, hidden: 0 };
    }
  }
}
