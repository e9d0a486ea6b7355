import { describe, expect, it } from "vitest";
import { AGING_SHADES, agingBars, dsoTrend, forecastBars, forecastCheckBars } from "../src/lib/charts";
import type { MonthPerformance } from "../src/api";

type Series = { data: ({ value: number; itemStyle: { color: string } } | number | null)[] }[];

describe("chart options", () => {
  it("draw one aging bar per bucket, older darker, amounts as numbers", () => {
    const option = agingBars(
      [
        { label: "not_due", amount: "1200.50" },
        { label: "1-30", amount: "0.00" },
        { label: "over_365", amount: "99.99" },
      ],
      (b) => `[${b}]`,
      (a) => `¥${a}`,
    ) as { yAxis: { data: string[] }; series: Series };
    expect(option.yAxis.data).toEqual(["[not_due]", "[1-30]", "[over_365]"]);
    expect(option.series[0]!.data).toEqual([
      { value: 1200.5, itemStyle: { color: AGING_SHADES[0] } },
      { value: 0, itemStyle: { color: AGING_SHADES[1] } },
      { value: 99.99, itemStyle: { color: AGING_SHADES[2] } },
    ]);
  });

  it("leave a gap in the DSO trend for a month without sales", () => {
    const month = (m: string, dso: string | null, cei: string | null) => ({ month: m, dso, cei }) as MonthPerformance;
    const option = dsoTrend([month("2026-10", "45.5", "80.0"), month("2026-11", null, null)], { dso: "DSO", cei: "CEI" }) as {
      series: Series;
    };
    expect(option.series[0]!.data).toEqual([45.5, null]);
    expect(option.series[1]!.data).toEqual([80, null]);
  });
});

describe("forecast charts", () => {
  const week = (week_start: string, expected: string, falling_due: string) => ({
    week_start,
    promised: "100.00",
    planned: "0.00",
    falling_due,
    receivables_expected: "0.00",
    from_new_sales: "0.00",
    expected,
  });

  it("draw the expected and the gross figures side by side, neither hidden behind the other", () => {
    const option = forecastBars(
      [week("2026-12-06", "500.00", "2000.00"), week("2026-12-13", "80.50", "0.00")],
      { expected: "E", gross: "G" },
      (d) => d.slice(5),
    ) as { xAxis: { data: string[] }; series: { name: string; data: number[]; barGap?: string; itemStyle: { color: string } }[] };
    expect(option.xAxis.data).toEqual(["12-06", "12-13"]);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ["E", [500, 80.5]],
      ["G", [2100, 100]],
    ]);
    expect(option.series.every((s) => s.barGap === undefined), "no bar laid over another").toBe(true);
    expect(option.series[0]!.itemStyle.color).not.toEqual(option.series[1]!.itemStyle.color);
  });

  it("draw the forecast made twelve weeks ago as bars and what came in as a line", () => {
    const option = forecastCheckBars(
      [
        { week_start: "2026-09-13", expected: "1000.00", collected: "900.00" },
        { week_start: "2026-09-20", expected: "0.00", collected: "0.00" },
      ],
      { made: "M", collected: "C" },
      (d) => d,
    ) as { series: { name: string; type: string; data: number[] }[] };
    expect(option.series.map((s) => [s.name, s.type, s.data])).toEqual([
      ["M", "bar", [1000, 0]],
      ["C", "line", [900, 0]],
    ]);
  });
});
