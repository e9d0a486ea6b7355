import { describe, expect, it } from "vitest";
import { formatDayMonth } from "../src/i18n/format";

describe("a day on a chart's axis", () => {
  it("drops the year in either language", () => {
    expect(formatDayMonth("zh", "2026-12-06")).toBe("12-06");
    expect(formatDayMonth("en", "2026-12-06")).toBe("6 Dec");
    expect(formatDayMonth("en", "2027-01-31")).toBe("31 Jan");
  });
});
