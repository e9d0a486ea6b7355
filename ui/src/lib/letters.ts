// The letters screen's selection: the owner's ticks survive a reload of the due list (a
// customer new to the list starts unticked), and the total of what is chosen is added in
// cents as strings, never in floating point.
import type { LetterDue } from "../api";
import { moneyParts } from "./money";

/** The ticks for `codes`: each as the owner left it, unticked when never touched. */
export function keepTicks(ticks: Record<string, boolean>, codes: string[]): Record<string, boolean> {
  return Object.fromEntries(codes.map((code) => [code, ticks[code] === true]));
}

/** Every code ticked (or none): what "select all" / "select none" set. */
export function tickAll(codes: string[], on: boolean): Record<string, boolean> {
  return Object.fromEntries(codes.map((code) => [code, on]));
}

/** The exact sum of decimal amounts ("1234.50"), as a decimal string with two places. */
export function sumMoney(amounts: string[]): string {
  let cents = 0n;
  for (const amount of amounts) {
    const p = moneyParts(amount);
    const value = BigInt(p.integer + p.fraction);
    cents += p.negative ? -value : value;
  }
  const negative = cents < 0n;
  const digits = (negative ? -cents : cents).toString().padStart(3, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** The rows "select all" ticks: only those due now, never one waiting for the gap after the
 * last letter (it needs a written reason) or past the final notice. */
export function dueCodes(rows: LetterDue[]): string[] {
  return rows.filter((d) => d.suggestion.state === "due").map((d) => d.code);
}

/** The level a row suggests: the one due or waited for, else a reminder. */
export function suggestedLevel(d: LetterDue): number {
  return "level" in d.suggestion ? d.suggestion.level : 1;
}

/** The level chosen for each row after a reload: the owner's choice while the row's
 * suggestion is unchanged; the new suggestion when it changed (a customer just written to
 * is never offered the same level again by a stale choice). */
export function keepLevels(chosen: Record<string, number>, before: LetterDue[] | null, after: LetterDue[]): Record<string, number> {
  const was = new Map((before ?? []).map((d) => [d.code, JSON.stringify(d.suggestion)]));
  return Object.fromEntries(
    after.map((d) => {
      const same = was.get(d.code) === JSON.stringify(d.suggestion) && chosen[d.code] !== undefined;
      return [d.code, same ? chosen[d.code]! : suggestedLevel(d)];
    }),
  );
}

/** Whether a refusal is one the owner's written reason overcomes: a skipped level, or a
 * letter sooner after the last than the least gap. */
export function wantsReason(code: string): boolean {
  return code === "letter_level_skipped" || code === "letter_too_soon";
}
