import { describe, expect, it } from "vitest";
import type { BankLineView, OpenItem } from "../src/api";
import { checkAllocation, fromCents, oldestFirst, suggested, typedCents } from "../src/lib/bank";

function item(number: string, open: string): OpenItem {
  return { number, open, amount: open } as OpenItem;
}

describe("the bank screen's allocation of a line", () => {
  it("reads amounts as people type them, in cents", () => {
    expect(typedCents("")).toBe(0n);
    expect(typedCents(" 1,234.5 ")).toBe(123450n);
    expect(typedCents("¥1234.56")).toBe(123456n);
    expect(typedCents("300元")).toBe(30000n);
    expect(typedCents("１２．５")).toBe(1250n);
    expect(typedCents("12.345")).toBeNull();
    expect(typedCents("-5")).toBeNull();
    expect(typedCents("abc")).toBeNull();
    expect(fromCents(5n)).toBe("0.05");
  });

  it("fills a changed customer's receivables oldest first up to the line's amount", () => {
    const items = [item("A", "100.00"), item("B", "250.00"), item("C", "80.00")];
    expect(oldestFirst(items, "300.00")).toEqual({ A: "100.00", B: "200.00" });
    expect(oldestFirst(items, "1000")).toEqual({ A: "100.00", B: "250.00", C: "80.00" });
    expect(oldestFirst([], "10")).toEqual({});
  });

  it("starts from the suggestion's allocation when the customer is the suggested one", () => {
    const line = { suggestion: { allocations: [{ number: "SD-1", amount: "12.5" }] } } as BankLineView;
    expect(suggested(line)).toEqual({ "SD-1": "12.50" });
  });

  it("refuses cells over what is open, unreadable ones, and a sum over the line's amount", () => {
    const items = [item("A", "100.00"), item("B", "250.00")];
    const fine = checkAllocation(items, { A: "100", B: "" }, "150.00");
    expect(fine.ok).toBe(true);
    expect(fine.rest).toBe(5000n);
    expect(fine.allocations).toEqual([{ receivable: "A", amount: "100.00" }]);

    const over = checkAllocation(items, { A: "100.01" }, "500");
    expect(over.cells).toEqual({ A: "over" });
    expect(over.ok).toBe(false);

    const bad = checkAllocation(items, { A: "1..0" }, "500");
    expect(bad.cells).toEqual({ A: "bad" });

    const tooMuch = checkAllocation(items, { A: "100", B: "60" }, "150.00");
    expect(tooMuch.rest).toBe(-1000n);
    expect(tooMuch.ok).toBe(false);
  });
});
