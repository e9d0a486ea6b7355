import { describe, expect, it } from "vitest";
import { periodLabel, previousMonth } from "../src/lib/period";

describe("statement periods", () => {
  it("defaults the month-end run to the month before today, across a new year", () => {
    expect(previousMonth("2026-12-01")).toBe("2026-11");
    expect(previousMonth("2027-01-15")).toBe("2026-12");
  });
  it("labels whole months as YYYY-MM and other ranges in full, leap years included", () => {
    expect(periodLabel({ from: "2024-02-01", to: "2024-02-29" })).toBe("2024-02");
    expect(periodLabel({ from: "2026-02-01", to: "2026-02-27" })).toBe("2026-02-01..2026-02-27");
    expect(periodLabel({ from: "2026-11-05", to: "2026-12-04" })).toBe("2026-11-05..2026-12-04");
  });
});
