import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { reports } from '../../../i18n/en/reports.ts';
import { registerEnglish } from '../../../i18n/i18n.ts';
import { type ChartPanel, type ChartSpec, chartRows } from './chart-spec.ts';

registerEnglish({ reports });

/**
 * One panel of a report drawn with Recharts (decision record 025): lines over time, or horizontal bars per
 * name. A tooltip and the keyboard (Tab onto the chart, then the arrow keys) read each point; the legend's
 * buttons hide and show series. The table below the chart carries every figure for everyone.
 */
const COLORS = ['#1f5fbf', '#c2410c', '#15803d', '#7e22ce', '#b91c1c', '#0e7490', '#a16207', '#be185d'];
/** Dots on a line only while they stay apart; a long daily series reads better as a plain line. */
const MAX_DOTTED_POINTS = 60;
/** The names' axis of a bar chart, and the room a name has in it (less the tick and the chart's margin). */
const CATEGORY_AXIS_WIDTH = 230;
const CATEGORY_ROOM = CATEGORY_AXIS_WIDTH - 16;

export interface ChartFormat {
  /** An axis tick: short (compact money, whole percents). */
  tick: (value: number) => string;
  /** A tooltip value: exact. */
  value: (value: number) => string;
  x: (value: string) => string;
  series: (name: string) => string;
}

export function ReportChart({
  spec,
  panel,
  label,
  format,
}: {
  spec: ChartSpec;
  panel: ChartPanel;
  label: string;
  format: ChartFormat;
}) {
  const { t } = useTranslation();
  const legendId = useId();
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const { rows, keys } = useMemo(
    () => chartRows(panel, { sort: spec.kind === 'line', missingIsZero: spec.missingIsZero ?? false }),
    [panel, spec.kind, spec.missingIsZero],
  );
  const toggle = (key: string) =>
    setHidden((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const seriesName = (k: number) => format.series(panel.series[k]?.name ?? '');
  const tooltip = (
    <Tooltip
      formatter={(value) => (typeof value === 'number' ? format.value(value) : String(value ?? ''))}
      labelFormatter={(x) => format.x(String(x))}
      isAnimationActive={false}
    />
  );

  return (
    <figure className="report-chart" aria-label={label}>
      {spec.kind === 'line' ? (
        <LineChart
          responsive
          data={rows}
          title={label}
          style={{ width: '100%', height: 300 }}
          margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="x" tickFormatter={(x) => format.x(String(x))} minTickGap={16} />
          <YAxis width={88} tickFormatter={format.tick} allowDecimals domain={[0, 'auto']} />
          {tooltip}
          {keys.map((key, k) => (
            <Line
              key={key}
              dataKey={key}
              name={seriesName(k)}
              type="linear"
              stroke={COLORS[k % COLORS.length]}
              strokeWidth={2}
              dot={rows.length <= MAX_DOTTED_POINTS ? { r: 3 } : false}
              hide={hidden.has(key)}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      ) : (
        <BarChart
          responsive
          layout="vertical"
          data={rows}
          title={label}
          style={{ width: '100%', height: 48 + rows.length * (10 + 14 * keys.length) }}
          margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={format.tick} allowDecimals />
          <YAxis type="category" dataKey="x" width={CATEGORY_AXIS_WIDTH} interval={0} tick={CategoryTick} />
          {tooltip}
          {keys.map((key, k) => (
            <Bar
              key={key}
              dataKey={key}
              name={seriesName(k)}
              fill={COLORS[k % COLORS.length]}
              hide={hidden.has(key)}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      )}
      <figcaption>
        <span id={legendId} className="visually-hidden">
          {t('reports.legend')}
        </span>
        <ul className="report-legend" aria-labelledby={legendId}>
          {keys.map((key, k) => (
            <li key={key}>
              <button
                type="button"
                className="report-legend-button"
                aria-pressed={!hidden.has(key)}
                onClick={() => toggle(key)}
              >
                <span
                  className="report-legend-swatch"
                  style={{ background: COLORS[k % COLORS.length] }}
                  aria-hidden="true"
                />
                {seriesName(k)}
              </button>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

/**
 * A name beside its bar on one line (Recharts wraps long ticks onto several), cut with an ellipsis where it
 * would run past the axis; the tooltip has it in full. Cut by its drawn width, not its length: a Chinese
 * character is twice as wide as a Latin letter.
 */
function CategoryTick({
  x,
  y,
  payload,
}: {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
}) {
  const name = String(payload?.value ?? '');
  const ref = useRef<SVGTextElement>(null);
  // The cut made for this name once it was drawn in full; a new name is drawn in full and measured again.
  const [cut, setCut] = useState<{ name: string; shown: string } | null>(null);
  const shown = cut?.name === name ? cut.shown : name;
  useLayoutEffect(() => {
    const text = ref.current;
    if (!text || cut?.name === name) return;
    if (text.getComputedTextLength() <= CATEGORY_ROOM) {
      setCut({ name, shown: name });
      return;
    }
    // The ellipsis is about one character wide: keep the longest start that leaves room for it.
    const room = CATEGORY_ROOM - Number.parseFloat(getComputedStyle(text).fontSize);
    let end = name.length - 1;
    while (end > 1 && text.getSubStringLength(0, end) > room) end--;
    setCut({ name, shown: `${name.slice(0, end)}…` });
  }, [name, cut]);
  return (
    <text ref={ref} x={x} y={y} dy={4} textAnchor="end" className="report-chart-category">
      {shown}
    </text>
  );
}
