// The letters screen's selection: the owner's ticks survive a reload of the due list (a
// customer new to the list starts unticked), and the total of what is chosen is added in
// cents as strings, never in floating point.
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
