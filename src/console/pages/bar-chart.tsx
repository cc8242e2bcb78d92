/**
 * A horizontal bar chart as server-rendered SVG: no script, no chart library. Each bar is a row
 * with its label on the left, a bar scaled to the largest value, and the value written after it
 * (so the figures are readable without the bars, and by a screen reader through the title).
 */
import type { Child } from "hono/jsx";

export type Bar = { label: string; value: number; text?: string; warn?: boolean };

const rowHeight = 22;
const labelWidth = 170;
const barWidth = 260;
const valueWidth = 110;

/** A label cut to fit its column (the full label stays in the bar's tooltip). */
const fit = (label: string) => (label.length > 26 ? `${label.slice(0, 25)}…` : label);

export function BarChart({ id, title, bars }: { id: string; title: string; bars: readonly Bar[] }): Child {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = Math.max(1, bars.length) * rowHeight + 4;
  const width = labelWidth + barWidth + valueWidth;
  return (
    <svg
      class="chart"
      id={id}
      role="img"
      aria-labelledby={`${id}-title`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{title}</title>
      {bars.map((bar, i) => {
        const y = i * rowHeight + 2;
        const length = bar.value <= 0 ? 0 : Math.max(2, Math.round((bar.value / max) * barWidth));
        return (
          <g>
            <title>{`${bar.label}: ${bar.text ?? bar.value}`}</title>
            <text x={labelWidth - 6} y={y + 15} text-anchor="end">
              {fit(bar.label)}
            </text>
            <rect
              class={bar.warn ? "bar warn" : "bar"}
              x={labelWidth}
              y={y + 3}
              width={length}
              height={rowHeight - 6}
              rx={2}
              data-value={bar.value}
            />
            <text x={labelWidth + length + 6} y={y + 15}>
              {bar.text ?? String(bar.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
