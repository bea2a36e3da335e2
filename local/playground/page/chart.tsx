/**
 * An embedded chart drawn from what its builder recorded: type, title, legend at the bottom, the
 * categories of its first range and a series per column of the others, in Sheets' default size
 * and colours. Column and line charts are drawn as such; another type is drawn as columns and
 * says so under its title.
 */
import type { ChartView } from './contract';

const CHART_WIDTH = 600;
const CHART_HEIGHT = 371;
const COLORS = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6'];
const PLOT = { left: 72, right: 24, top: 56, bottom: 92 };

/** 0, and round steps above the largest value: 1, 2 or 5 times a power of ten. */
function ticks(max: number): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? rough;
  const count = Math.ceil(max / step);
  return Array.from({ length: count + 1 }, (_, i) => i * step);
}

function short(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${+(value / 1e6).toFixed(1)}M`;
  if (abs >= 1e3) return `${+(value / 1e3).toFixed(1)}K`;
  return String(+value.toFixed(2));
}

export function Chart({ chart }: { chart: ChartView }) {
  const width = CHART_WIDTH - PLOT.left - PLOT.right;
  const height = CHART_HEIGHT - PLOT.top - PLOT.bottom;
  const values = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const scale = ticks(Math.max(0, ...values));
  const top = scale[scale.length - 1] ?? 1;
  const y = (value: number) => PLOT.top + height - (Math.max(value, 0) / top) * height;
  const band = width / Math.max(chart.categories.length, 1);
  const barWidth = (band * 0.7) / Math.max(chart.series.length, 1);
  const line = chart.type === 'LINE';
  const drawn =
    line || chart.type === 'COLUMN' ? '' : ` (a ${chart.type.toLowerCase()} chart, drawn as columns)`;
  return (
    <svg
      class="chart"
      role="img"
      aria-label={`Chart: ${chart.title}`}
      width={CHART_WIDTH}
      height={CHART_HEIGHT}
      viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`}
    >
      <rect width={CHART_WIDTH} height={CHART_HEIGHT} fill="#fff" />
      <text x={16} y={28} class="chart-title">
        {chart.title}
        {drawn}
      </text>
      {scale.map((tick) => (
        <g key={tick}>
          <line x1={PLOT.left} x2={PLOT.left + width} y1={y(tick)} y2={y(tick)} stroke="#e0e0e0" />
          <text x={PLOT.left - 8} y={y(tick) + 4} text-anchor="end" class="chart-axis">
            {short(tick)}
          </text>
        </g>
      ))}
      {chart.categories.map((category, c) => (
        <text
          key={category}
          x={PLOT.left + band * (c + 0.5)}
          y={PLOT.top + height + 18}
          text-anchor="middle"
          class="chart-axis"
        >
          {category}
        </text>
      ))}
      {chart.series.map((series, s) =>
        line ? (
          <polyline
            key={series.name}
            fill="none"
            stroke={COLORS[s % COLORS.length]}
            stroke-width={2}
            points={series.values.map((v, c) => `${PLOT.left + band * (c + 0.5)},${y(v ?? 0)}`).join(' ')}
          />
        ) : (
          series.values.map((value, c) => (
            <rect
              key={`${series.name}-${c}`}
              x={PLOT.left + band * c + band * 0.15 + barWidth * s}
              y={y(value ?? 0)}
              width={barWidth}
              height={PLOT.top + height - y(value ?? 0)}
              fill={COLORS[s % COLORS.length]}
            >
              <title>{`${chart.categories[c] ?? ''} · ${series.name}: ${value ?? ''}`}</title>
            </rect>
          ))
        ),
      )}
      <g transform={`translate(${PLOT.left}, ${CHART_HEIGHT - 28})`}>
        {chart.series.map((series, s) => (
          <g key={series.name} transform={`translate(${s * 160}, 0)`}>
            <rect width={10} height={10} y={-9} fill={COLORS[s % COLORS.length]} />
            <text x={16} class="chart-legend">
              {series.name}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
