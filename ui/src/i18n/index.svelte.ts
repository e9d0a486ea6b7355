// The UI language: switchable at any time; every visible string goes through t().
import type { DocLanguage } from "../api";
import { en, type MessageKey } from "./en";
import { zh } from "./zh";

export type { MessageKey };
export type Language = DocLanguage;

const dictionaries: Record<Language, Record<MessageKey, string>> = { en, zh };

export const locale = $state<{ language: Language }>({ language: "zh" });

export function translate(language: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = dictionaries[language][key];
  // A key with no words shows as ⟦key⟧: never a crash, and the end-to-end test looks for it.
  if (template === undefined) return missing(key);
  return plurals(template, params).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * A counted word: `{count:letter|letters}` says "letter" when count is 1 and "letters" otherwise
 * (English: "1 letter issued.", "3 letters issued."). Chinese needs none and uses plain `{count}`.
 */
function plurals(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+):([^{}|]*)\|([^{}]*)\}/g, (whole, name: string, one: string, other: string) => {
    if (!(name in params)) return whole;
    return Number(String(params[name]).replace(/,/g, "")) === 1 ? one : other;
  });
}

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(locale.language, key, params);
}

/** The translation of a closed vocabulary word ("status" + "on_hold" → "暂停"). */
export function word(group: string, value: string): string {
  const key = `${group}.${value}` as MessageKey;
  return key in en ? t(key) : missing(key);
}

/** How a word with no translation shows: bracketed, so it is seen and caught by the tests. */
export function missing(key: string): string {
  return `⟦${key}⟧`;
}

/** Who made a change: the app's own operator names in words, a person's name as it is. */
export function operatorName(operator: string): string {
  if (operator === "owner") return t("who.owner");
  if (operator === "cli") return t("who.cli");
  return operator;
}

/** An aging bucket's label ("not_due", "31-60", "over_365") in words. */
export function bucketLabel(label: string): string {
  if (label === "not_due") return t("bucket.not_due");
  const range = /^(\d+)-(\d+)$/.exec(label);
  if (range) return t("bucket.range", { low: range[1]!, high: range[2]! });
  const over = /^over_(\d+)$/.exec(label);
  if (over) return t("bucket.over", { days: over[1]! });
  return label;
}
