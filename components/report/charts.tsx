// Charts of our own, in SVG (a chart library would cost 56 KB gzip for Chart.js 4.6's bar chart, drawn on a canvas
// that screen readers cannot read, or 135 KB for Recharts 3.11; see TRAINERS.md). Each chart is an image with a
// text alternative that states its figures, colours come from the page's CSS variables (dark mode follows), every
// bar carries its value as text (colour is never the only cue), and the same figures are in a table beside it.
import { useId } from 'react';

export interface Series {
  key: string;
  label: string;
  /** A CSS class giving the bar's fill (report.css): colours stay in the stylesheet. */
  className: string;
}

export interface BarRow {
  key: string;
  label: string;
  values: Record<string, number>;
}

const ROW_GAP = 10;
const BAR = 12;
const LABEL_WIDTH = 240;
const WIDTH = 720;

/** Horizontal grouped bars: one group per row, one bar per series, values written at the bar ends. */
export function BarChart({ title, series, rows, max }: { title: string; series: readonly Series[]; rows: readonly BarRow[]; max?: number }) {
  const titleId = useId();
  const top = Math.max(1, max ?? Math.max(0, ...rows.flatMap((r) => series.map((s) => r.values[s.key] ?? 0))));
  const groupHeight = series.length * BAR + ROW_GAP;
  const height = rows.length * groupHeight + 4;
  const plot = WIDTH - LABEL_WIDTH - 48;
  const summary = rows.map((r) => `${r.label}: ${series.map((s) => `${s.label} ${r.values[s.key] ?? 0}`).join(', ')}`).join('; ');
  return (
    <figure className="chart">
      <figcaption id={titleId}>{title}</figcaption>
      <Legend series={series} />
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby={titleId} aria-describedby={`${titleId}-desc`} preserveAspectRatio="xMinYMin meet">
        <desc id={`${titleId}-desc`}>{summary}</desc>
        {rows.map((row, i) => {
          const y = i * groupHeight;
          return (
            <g key={row.key} transform={`translate(0 ${y})`}>
              <text className="chart-label" x={LABEL_WIDTH - 8} y={(series.length * BAR) / 2 + 4} textAnchor="end">
                {row.label.length > 32 ? `${row.label.slice(0, 31)}…` : row.label}
              </text>
              {series.map((s, j) => {
                const value = row.values[s.key] ?? 0;
                const w = (value / top) * plot;
                return (
                  <g key={s.key}>
                    <rect className={s.className} x={LABEL_WIDTH} y={j * BAR} width={Math.max(value > 0 ? 1 : 0, w)} height={BAR - 2} rx={2} />
                    <text className="chart-value" x={LABEL_WIDTH + w + 4} y={j * BAR + BAR - 3}>
                      {value}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** One bar of 100 %, split into parts (e.g. the class by path), with the counts in the legend. */
export function ShareBar({ title, series, values }: { title: string; series: readonly Series[]; values: Record<string, number> }) {
  const titleId = useId();
  const total = series.reduce((n, s) => n + (values[s.key] ?? 0), 0);
  let x = 0;
  return (
    <figure className="chart">
      <figcaption id={titleId}>{title}</figcaption>
      <Legend series={series} values={values} />
      <svg viewBox="0 0 720 22" width="100%" role="img" aria-labelledby={titleId} aria-describedby={`${titleId}-desc`} preserveAspectRatio="none">
        <desc id={`${titleId}-desc`}>{series.map((s) => `${s.label} ${values[s.key] ?? 0}`).join(', ')}</desc>
        {total === 0 ? <rect className="chart-empty" x={0} y={0} width={720} height={22} rx={4} /> : null}
        {series.map((s) => {
          const w = total ? ((values[s.key] ?? 0) / total) * 720 : 0;
          const rect = <rect key={s.key} className={s.className} x={x} y={0} width={w} height={22} />;
          x += w;
          return rect;
        })}
      </svg>
    </figure>
  );
}

function Legend({ series, values }: { series: readonly Series[]; values?: Record<string, number> }) {
  return (
    <ul className="chart-legend" aria-hidden={values ? undefined : 'true'}>
      {series.map((s) => (
        <li key={s.key}>
          <svg width="12" height="12" aria-hidden="true" focusable="false">
            <rect className={s.className} width="12" height="12" rx="2" />
          </svg>
          {s.label}
          {values ? `: ${values[s.key] ?? 0}` : ''}
        </li>
      ))}
    </ul>
  );
}
