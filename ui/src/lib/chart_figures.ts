// A chart's figures as a table, for screen readers: a drawn chart says nothing to someone
// who cannot see it. Read from the chart's own option, so every chart carries its figures.
import type { EChartsCoreOption } from "echarts/core";

export type ChartFigures = { head: string[]; rows: string[][] };

type Axis = { type?: string; data?: unknown[] };
type Series = { name?: string; data?: unknown[] };

const asArray = <T,>(x: unknown): T[] => (Array.isArray(x) ? (x as T[]) : x ? [x as T] : []);

function valueOf(point: unknown): number | null {
  if (typeof point === "number") return point;
  if (point && typeof point === "object" && "value" in point) return valueOf((point as { value: unknown }).value);
  return null;
}

/** The category axis's labels down the side, one column per series. */
export function chartFigures(option: EChartsCoreOption, number: (n: number) => string): ChartFigures {
  const axes = [...asArray<Axis>(option.xAxis), ...asArray<Axis>(option.yAxis)];
  const categories = axes.find((a) => a.type === "category" && Array.isArray(a.data))?.data ?? [];
  const series = asArray<Series>(option.series);
  return {
    head: ["", ...series.map((s, i) => s.name ?? (series.length === 1 ? "" : `#${i + 1}`))],
    rows: categories.map((category, row) => [
      String(category),
      ...series.map((s) => {
        const value = valueOf(s.data?.[row]);
        return value === null ? "—" : number(value);
      }),
    ]),
  };
}
