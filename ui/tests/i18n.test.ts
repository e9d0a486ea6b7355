import { describe, expect, it } from "vitest";
import { en } from "../src/i18n/en";
import { zh } from "../src/i18n/zh";
import { formatDate, formatDateLong } from "../src/i18n/format";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("translations", () => {
  it("say every string in both languages", () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      expect(text.trim(), `en ${key}`).not.toBe("");
      expect(zh[key as keyof typeof en].trim(), `zh ${key}`).not.toBe("");
    }
  });

  it("use the same placeholders in both languages", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it("use the glossary's words", () => {
    expect(zh["nav.delivery"]).toContain("送货单");
    expect(en["nav.delivery"]).toContain("delivery note");
    expect(zh["customer.exposure"]).toBe("占用额度");
    expect(en["customer.exposure"]).toBe("Exposure");
    expect(zh["entry.credit_note"]).toBe("红字冲销");
  });
});

describe("dates", () => {
  it("are formatted per language without time zones", () => {
    expect(formatDate("zh", "2026-03-05")).toBe("2026-03-05");
    expect(formatDate("en", "2026-03-05")).toBe("5 Mar 2026");
    expect(formatDateLong("zh", "2026-03-05")).toBe("2026年3月5日");
    expect(formatDate("en", null)).toBe("—");
  });
});
