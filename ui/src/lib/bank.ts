// The bank screen's allocation of a statement line: amounts typed as people type them
// (1,234.50, ¥1234.5, 1234.50元), added in cents as integers, never in floating point; a
// changed customer's open receivables filled oldest first up to the line's amount.
import type { AllocationForm, BankLineView, OpenItem } from "../api";
import { moneyParts } from "./money";

/** A decimal amount from the backend ("1234.5") in cents. */
export function cents(amount: string): bigint {
  const p = moneyParts(amount);
  const value = BigInt(p.integer + p.fraction);
  return p.negative ? -value : value;
}

/** Cents as the decimal string the backend reads ("1234.50"). */
export function fromCents(value: bigint): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(3, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** What the user typed in an allocation cell, in cents: 0 when blank, null when unreadable. */
export function typedCents(text: string): bigint | null {
  const plain = text
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s,，¥￥元]/g, "");
  if (plain === "") return 0n;
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(plain);
  if (!match) return null;
  return BigInt(match[1]! + (match[2] ?? "").padEnd(2, "0"));
}

/** The line's amount over the open receivables in the order given (the app's oldest
 * first): each receivable's part, as the amount cells start. */
export function oldestFirst(items: OpenItem[], amount: string): Record<string, string> {
  let left = cents(amount);
  const parts: Record<string, string> = {};
  for (const item of items) {
    if (left <= 0n) break;
    const open = cents(item.open);
    const part = open < left ? open : left;
    if (part > 0n) parts[item.number] = fromCents(part);
    left -= part;
  }
  return parts;
}

/** The suggestion's allocation as the amount cells start. */
export function suggested(line: BankLineView): Record<string, string> {
  return Object.fromEntries((line.suggestion?.allocations ?? []).map((a) => [a.number, fromCents(cents(a.amount))]));
}

export type AllocationCheck = {
  /** What is wrong with a cell, by receivable number: "bad" (unreadable) or "over" (more than is open). */
  cells: Record<string, "bad" | "over">;
  /** The cells' sum in cents. */
  total: bigint;
  /** The line's amount less the sum: negative when the cells add up to more than the line. */
  rest: bigint;
  /** What the backend is sent: the receivables given an amount. */
  allocations: AllocationForm[];
  ok: boolean;
};

/** The typed amounts checked against what is open and against the line's amount. */
export function checkAllocation(items: OpenItem[], typed: Record<string, string>, amount: string): AllocationCheck {
  const cells: AllocationCheck["cells"] = {};
  const allocations: AllocationForm[] = [];
  let total = 0n;
  for (const item of items) {
    const value = typedCents(typed[item.number] ?? "");
    if (value === null) {
      cells[item.number] = "bad";
      continue;
    }
    if (value > cents(item.open)) cells[item.number] = "over";
    if (value > 0n) allocations.push({ receivable: item.number, amount: fromCents(value) });
    total += value;
  }
  const rest = cents(amount) - total;
  return { cells, total, rest, allocations, ok: Object.keys(cells).length === 0 && rest >= 0n };
}
