// Amounts arrive from the backend as decimal strings ("-12345.6" or "12345.67") and are
// formatted by string arithmetic: no floating point ever touches a figure.

const GROUP = /\B(?=(\d{3})+(?!\d))/g;

export interface MoneyParts {
  negative: boolean;
  integer: string;
  fraction: string;
}

export function moneyParts(amount: string): MoneyParts {
  const text = amount.trim();
  const negative = text.startsWith("-");
  const unsigned = negative || text.startsWith("+") ? text.slice(1) : text;
  const [integerRaw = "0", fractionRaw = ""] = unsigned.split(".");
  const integer = integerRaw.replace(/^0+(?=\d)/, "") || "0";
  const fraction = (fractionRaw + "00").slice(0, 2);
  const zero = /^0*$/.test(integer + fraction);
  return { negative: negative && !zero, integer, fraction };
}

/** ¥12,345.67, or -¥12,345.67; the same in both languages, as Chinese invoices print it. */
export function formatMoney(amount: string, symbol = "¥"): string {
  const { negative, integer, fraction } = moneyParts(amount);
  return `${negative ? "-" : ""}${symbol}${integer.replace(GROUP, ",")}.${fraction}`;
}

export function isNegative(amount: string): boolean {
  return moneyParts(amount).negative;
}

export function isZero(amount: string): boolean {
  const { integer, fraction } = moneyParts(amount);
  return /^0*$/.test(integer + fraction);
}

/** Compares two decimal strings exactly (for sorting). */
export function compareMoney(a: string, b: string): number {
  const pa = moneyParts(a);
  const pb = moneyParts(b);
  if (pa.negative !== pb.negative) return pa.negative ? -1 : 1;
  const sign = pa.negative ? -1 : 1;
  if (pa.integer.length !== pb.integer.length) return sign * (pa.integer.length - pb.integer.length);
  const left = pa.integer + pa.fraction;
  const right = pb.integer + pb.fraction;
  return left === right ? 0 : sign * (left < right ? -1 : 1);
}

/** The share of `part` in `whole` as a fraction 0..1, for drawing bars only. */
export function share(part: string, whole: string): number {
  const cents = (s: string) => {
    const p = moneyParts(s);
    return (p.negative ? -1 : 1) * Number(p.integer + p.fraction);
  };
  const w = cents(whole);
  return w > 0 ? Math.max(0, Math.min(1, cents(part) / w)) : 0;
}
