import { describe, expect, it } from "vitest";
import { compareMoney, formatMoney, isZero, share } from "../src/lib/money";

describe("formatMoney", () => {
  it("groups thousands and keeps two decimals, as Chinese invoices print", () => {
    expect(formatMoney("12345.67")).toBe("¥12,345.67");
    expect(formatMoney("1234567890.5")).toBe("¥1,234,567,890.50");
    expect(formatMoney("0")).toBe("¥0.00");
    expect(formatMoney("999")).toBe("¥999.00");
  });

  it("marks credits with a minus sign before the currency", () => {
    expect(formatMoney("-1000.05")).toBe("-¥1,000.05");
    expect(formatMoney("-0.00")).toBe("¥0.00");
  });

  it("never goes through floating point", () => {
    // 0.1 + 0.2 style errors cannot appear: digits are moved, not computed.
    expect(formatMoney("90071992547409.93")).toBe("¥90,071,992,547,409.93");
  });
});

describe("compareMoney", () => {
  it("orders exactly, negatives first", () => {
    const amounts = ["10.00", "-5.00", "9.99", "100.00", "-50.00", "0"];
    expect([...amounts].sort(compareMoney)).toEqual(["-50.00", "-5.00", "0", "9.99", "10.00", "100.00"]);
  });
});

describe("helpers", () => {
  it("knows zero in any spelling", () => {
    expect(isZero("0")).toBe(true);
    expect(isZero("0.00")).toBe(true);
    expect(isZero("-0.00")).toBe(true);
    expect(isZero("0.01")).toBe(false);
  });

  it("gives a bar's share between 0 and 1", () => {
    expect(share("25.00", "100.00")).toBe(0.25);
    expect(share("5", "0")).toBe(0);
    expect(share("-5", "10")).toBe(0);
  });
});
