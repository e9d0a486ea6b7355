import { describe, expect, it } from "vitest";
import { chartFigures } from "../src/lib/chart_figures";
import { agingBars, dsoTrend } from "../src/lib/charts";

const plain = (n: number) => n.toFixed(2);

describe("a chart's figures as text", () => {
  it("list each aging bucket with its amount", () => {
    const option = agingBars(
      [
        { label: "not_due", amount: "1200.50" },
        { label: "1-30", amount: "300.00" },
      ],
      (b) => `[${b}]`,
      (a) => a,
    );
    expect(chartFigures(option, plain)).toEqual({ head: ["", ""], rows: [["[not_due]", "1200.50"], ["[1-30]", "300.00"]] });
  });

  it("give each series a column and a dash where a month has no figure", () => {
    const option = dsoTrend(
      [
        { month: "2026-10", dso: "41.5", cei: null },
        { month: "2026-11", dso: null, cei: "88" },
      ] as never,
      { dso: "DSO", cei: "CEI" },
    );
    expect(chartFigures(option, plain)).toEqual({
      head: ["", "DSO", "CEI"],
      rows: [
        ["2026-10", "41.50", "—"],
        ["2026-11", "—", "88.00"],
      ],
    });
  });
});
