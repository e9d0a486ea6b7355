import { describe, expect, it } from "vitest";
import { en, type MessageKey } from "../src/i18n/en";
import { translate } from "../src/i18n/index.svelte";

describe("counted messages", () => {
  it("say one thing in the singular and many in the plural in English", () => {
    expect(translate("en", "letters.done_toast", { count: 1 })).toBe("1 letter issued.");
    expect(translate("en", "letters.done_toast", { count: 20 })).toBe("20 letters issued.");
    expect(translate("en", "letters.done_toast", { count: 0 })).toBe("0 letters issued.");
    expect(translate("en", "terms.net", { days: "1" })).toBe("Net 1 day");
    expect(translate("en", "customers.count", { shown: "1", total: "1,000" })).toBe("1 of 1,000 customers");
    expect(translate("en", "import.ready", { rows: 1, created: 1 })).toBe("1 row is good: 1 record will be written.");
  });

  it("leave Chinese, which has no plural, as it is", () => {
    expect(translate("zh", "letters.done_toast", { count: 1 })).toBe("已开具 1 封催款函。");
  });

  it("never show a bare plural word after a count of one in English", () => {
    // A message with a count param must choose its noun: "{count} letters" alone reads wrongly for 1.
    for (const [key, text] of Object.entries(en)) {
      for (const match of text.matchAll(/\{(count|days|rows|total|due|years|bad|created)\} ([a-z]+s)\b/g)) {
        const said = translate("en", key as MessageKey, { [match[1]!]: 1 });
        expect(said, key).not.toMatch(new RegExp(`\\b1 ${match[2]}\\b`));
      }
    }
  });
});
