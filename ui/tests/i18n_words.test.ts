import { describe, expect, it } from "vitest";
import { a11yEn } from "../src/i18n/a11y.en";
import { a11yZh } from "../src/i18n/a11y.zh";
import { en } from "../src/i18n/en";
import { locale, missing, operatorName, translate, word, type MessageKey } from "../src/i18n/index.svelte";
import { zh } from "../src/i18n/zh";

describe("every word in the user's language", () => {
  it("has the same keys in English and Chinese, the accessibility words included", () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(a11yZh).sort()).toEqual(Object.keys(a11yEn).sort());
    for (const key of Object.keys(a11yEn)) expect(en).toHaveProperty(key);
  });

  it("shows a key with no words bracketed, where a test can see it, instead of failing", () => {
    expect(translate("zh", "no.such.key" as MessageKey)).toBe("⟦no.such.key⟧");
    expect(word("status", "no_such_status")).toBe(missing("status.no_such_status"));
  });

  it("names the app's own operators in words and a person by their name", () => {
    locale.language = "zh";
    expect(operatorName("owner")).toBe("店主");
    expect(operatorName("cli")).toBe("命令行");
    expect(operatorName("王会计")).toBe("王会计");
    locale.language = "en";
    expect(operatorName("owner")).toBe("Owner");
  });
});
