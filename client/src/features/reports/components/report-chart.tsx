import { useId } from 'react';
import type { ChartPanel, ChartSpec } from './chart-spec.ts';

/**
 * A plain SVG line or bar chart of one panel. It is a picture for sighted readers: it is labelled as an image
 * and the table beside it carries every figure for everyone else.
 */
const WIDTH = 760;
const HEIGHT = 280;
const M = { top: 16, right: 16, bottom: 48, left: 88 };
const COLORS = ['#1f5fbf', '#c2410c', '#15803d', '#7e22ce', '#b91c1c', '#0e7490', '#a16207', '#be185d'];

export interface ChartFormat {
  y: (value: number) => string;
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
  const titleId = useId();
  const xs = categories(panel, spec.kind === 'line');
  const values = panel.series.flatMap((s) => s.points.map((p) => p.y));
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const span = max - min || 1;
  const plotW = WIDTH - M.left - M.right;
  const plotH = HEIGHT - M.top - M.bottom;
  const y = (v: number) => M.top + plotH - ((v - min) / span) * plotH;
  const step = xs.length > 0 ? plotW / xs.length : plotW;
  const xCenter = (i: number) => M.left + step * i + step / 2;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => min + span * f);
  const labelEvery = Math.max(1, Math.ceil(xs.length / 12));
  const barW = Math.max(2, (step * 0.8) / Math.max(1, panel.series.length));

  return (
    <figure className="report-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={titleId}
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={titleId}>{label}</title>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={M.left} x2={WIDTH - M.right} y1={y(v)} y2={y(v)} className="report-chart-grid" />
            <text x={M.left - 6} y={y(v) + 4} textAnchor="end" className="report-chart-tick">
              {format.y(v)}
            </text>
          </g>
        ))}
        {xs.map((x, i) =>
          i % labelEvery === 0 ? (
            <text
              key={x}
              x={xCenter(i)}
              y={HEIGHT - M.bottom + 16}
              textAnchor="middle"
              className="report-chart-tick"
            >
              {shorten(format.x(x))}
            </text>
          ) : null,
        )}
        {panel.series.map((s, k) => {
          const color = COLORS[k % COLORS.length];
          if (spec.kind === 'bar') {
            return s.points.map((p) => {
              const i = xs.indexOf(p.x);
              const left = xCenter(i) - (barW * panel.series.length) / 2 + barW * k;
              const top = Math.min(y(p.y), y(0));
              return (
                <rect
                  key={`${s.name}-${p.x}`}
                  x={left}
                  y={top}
                  width={barW}
                  height={Math.max(1, Math.abs(y(p.y) - y(0)))}
                  fill={color}
                />
              );
            });
          }
          const path = s.points
            .map((p) => `${xCenter(xs.indexOf(p.x)).toFixed(1)},${y(p.y).toFixed(1)}`)
            .join(' ');
          if (s.points.length === 1) {
            const [only] = s.points;
            return (
              <circle key={s.name} cx={xCenter(xs.indexOf(only!.x))} cy={y(only!.y)} r={3} fill={color} />
            );
          }
          return (
            <polyline
              key={s.name}
              points={path}
              fill="none"
              stroke={color}
              strokeWidth={2}
              strokeDasharray={k >= COLORS.length ? '5 3' : undefined}
            />
          );
        })}
      </svg>
      <figcaption>
        <ul className="report-legend">
          {panel.series.map((s, k) => (
            <li key={s.name}>
              <span
                className="report-legend-swatch"
                style={{ background: COLORS[k % COLORS.length] }}
                aria-hidden="true"
              />
              {format.series(s.name)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

function categories(panel: ChartPanel, sort: boolean): string[] {
  const seen = new Set<string>();
  for (const s of panel.series) for (const p of s.points) seen.add(p.x);
  const list = [...seen];
  if (!sort) return list;
  const numeric = list.every((x) => /^\d+$/.test(x));
  return numeric ? list.sort((a, b) => Number(a) - Number(b)) : list.sort();
}

const shorten = (text: string) => (text.length > 14 ? `${text.slice(0, 13)}…` : text);
