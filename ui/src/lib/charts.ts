// The chart options the app draws, from report data: kept apart from the components so
// they can be tested without a DOM.
import type { EChartsCoreOption } from "echarts/core";

import type { BucketFigure, CheckedWeek, ForecastWeek, MonthPerformance } from "../api";

/** Older is darker: the eye goes to what is hardest to collect. */
export const AGING_SHADES = ["#7aa88f", "#f0b35a", "#e8944a", "#e0703c", "#cf4b34", "#b0302a", "#7d1f1c"];

const yuan = (amount: string) => Number(amount);

/** An axis's round figure in the reader's way of counting: 5万 in Chinese, 50k in English. */
export function axisAmount(language: "zh" | "en"): (v: number) => string {
  if (language === "zh") return (v) => (v >= 10000 ? `${v / 10000}万` : String(v));
  return (v) => (v >= 1000 ? `${v / 1000}k` : String(v));
}

export function agingBars(
  buckets: BucketFigure[],
  label: (bucket: string) => string,
  money: (a: string) => string,
  language: "zh" | "en" = "zh",
): EChartsCoreOption {
  return {
    grid: { left: 10, right: 24, top: 10, bottom: 10, containLabel: true },
    tooltip: { trigger: "item", valueFormatter: (v: unknown) => money(String(v)) },
    xAxis: { type: "value", axisLabel: { formatter: axisAmount(language) } },
    yAxis: { type: "category", inverse: true, data: buckets.map((b) => label(b.label)) },
    series: [
      {
        type: "bar",
        data: buckets.map((b, i) => ({ value: yuan(b.amount), itemStyle: { color: AGING_SHADES[i] ?? AGING_SHADES[6] } })),
        barMaxWidth: 22,
      },
    ],
  };
}

export function dsoTrend(months: MonthPerformance[], names: { dso: string; cei: string }): EChartsCoreOption {
  return {
    grid: { left: 10, right: 10, top: 40, bottom: 10, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: "axis" },
    xAxis: { type: "category", data: months.map((m) => m.month) },
    yAxis: [
      { type: "value", name: names.dso, min: 0 },
      { type: "value", name: names.cei, min: 0, max: 100 },
    ],
    series: [
      { name: names.dso, type: "line", data: months.map((m) => (m.dso === null ? null : Number(m.dso))), symbolSize: 6, itemStyle: { color: "#1f6f5c" } },
      { name: names.cei, type: "bar", yAxisIndex: 1, data: months.map((m) => (m.cei === null ? null : Number(m.cei))), barMaxWidth: 18, itemStyle: { color: "#9fc7b1" } },
    ],
  };
}

/** Twelve weeks along the axis, amounts up the side, a legend above: the frame of both
 * forecast charts. */
function weekly(
  starts: string[],
  series: EChartsCoreOption["series"],
  day: (d: string) => string,
  language: "zh" | "en",
): EChartsCoreOption {
  return {
    grid: { left: 10, right: 10, top: 30, bottom: 6, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: "axis" },
    xAxis: { type: "category", data: starts.map(day) },
    yAxis: { type: "value", axisLabel: { formatter: axisAmount(language) } },
    series,
  };
}

/** The next twelve weeks: what is expected beside what is promised, planned or due, side by
 * side (laid over each other, the smaller dark bar was hidden behind the larger light one). */
export function forecastBars(
  weeks: ForecastWeek[],
  names: { expected: string; gross: string },
  day: (d: string) => string,
  language: "zh" | "en" = "zh",
): EChartsCoreOption {
  const gross = weeks.map((w) => yuan(w.promised) + yuan(w.planned) + yuan(w.falling_due));
  return weekly(
    weeks.map((w) => w.week_start),
    [
      { name: names.expected, type: "bar", data: weeks.map((w) => yuan(w.expected)), itemStyle: { color: "#2f7d5b" }, barMaxWidth: 14 },
      { name: names.gross, type: "bar", data: gross, itemStyle: { color: "#9fc7b1" }, barMaxWidth: 14 },
    ],
    day,
    language,
  );
}

/** The forecast made twelve weeks ago, week by week, against what came in. */
export function forecastCheckBars(
  weeks: CheckedWeek[],
  names: { made: string; collected: string },
  day: (d: string) => string,
  language: "zh" | "en" = "zh",
): EChartsCoreOption {
  return weekly(
    weeks.map((w) => w.week_start),
    [
      { name: names.made, type: "bar", data: weeks.map((w) => yuan(w.expected)), itemStyle: { color: "#9fc7b1" }, barMaxWidth: 14 },
      { name: names.collected, type: "line", data: weeks.map((w) => yuan(w.collected)), itemStyle: { color: "#1f4e3d" }, symbolSize: 6 },
    ],
    day,
    language,
  );
}
