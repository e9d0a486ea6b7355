import { describe, expect, it } from "vitest";
import { keepTicks, sumMoney, tickAll } from "../src/lib/letters";

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
});

