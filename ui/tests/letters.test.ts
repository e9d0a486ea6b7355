import { describe, expect, it } from "vitest";
import type { LetterDue, Suggestion } from "../src/api";
import { dueCodes, keepLevels, keepTicks, sumMoney, tickAll, wantsReason } from "../src/lib/letters";

function row(code: string, suggestion: Suggestion): LetterDue {
  return { code, name: code, overdue: "100.00", days_overdue: 50, last_letter: null, suggestion } as LetterDue;
}

describe("the letters screen's selection", () => {
  it("keeps the owner's ticks and leaves a customer new to the list unticked", () => {
    const before = { C001: true, C002: false, C003: true };
    expect(keepTicks(before, ["C002", "C003", "C004"])).toEqual({ C002: false, C003: true, C004: false });
  });

  it("selects all or none of the rows given", () => {
    expect(tickAll(["A", "B"], true)).toEqual({ A: true, B: true });
    expect(tickAll(["A", "B"], false)).toEqual({ A: false, B: false });
  });

  it("adds amounts exactly in cents", () => {
    expect(sumMoney(["0.10", "0.20"])).toBe("0.30");
    expect(sumMoney(["12345678901234.56", "0.44"])).toBe("12345678901235.00");
    expect(sumMoney([])).toBe("0.00");
    expect(sumMoney(["5", "-7.5"])).toBe("-2.50");
  });

  it("selects all only the rows due now, not those waiting for the gap or past the final notice", () => {
    const rows = [
      row("A", { state: "due", level: 1 }),
      row("B", { state: "wait", level: 2, until: "2026-12-09" }),
      row("C", { state: "exhausted" }),
      row("D", { state: "due", level: 2 }),
    ];
    expect(dueCodes(rows)).toEqual(["A", "D"]);
  });

  it("keeps a chosen level while the suggestion stands and takes the new one when it changed", () => {
    const before = [row("A", { state: "due", level: 1 }), row("B", { state: "due", level: 1 })];
    const after = [
      row("A", { state: "wait", level: 2, until: "2026-12-20" }),
      row("B", { state: "due", level: 1 }),
      row("C", { state: "due", level: 2 }),
    ];
    expect(keepLevels({ A: 1, B: 3 }, before, after)).toEqual({ A: 2, B: 3, C: 2 });
    expect(keepLevels({}, null, [row("E", { state: "exhausted" })])).toEqual({ E: 1 });
  });

  it("asks for a written reason for a skipped level or a letter too soon, and for nothing else", () => {
    expect(wantsReason("letter_level_skipped")).toBe(true);
    expect(wantsReason("letter_too_soon")).toBe(true);
    expect(wantsReason("malformed_date")).toBe(false);
  });
});
