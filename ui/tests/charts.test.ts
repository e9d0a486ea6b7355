import { describe, expect, it } from "vitest";
import { AGING_SHADES, agingBars, dsoTrend } from "../src/lib/charts";
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
