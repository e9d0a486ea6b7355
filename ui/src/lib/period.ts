// Statement periods as the backend writes them: "2026-11" for a month, or
// "2026-11-05..2026-12-04" for any range.
import type { Period } from "../api";

/** The month before the one `today` (YYYY-MM-DD) falls in: the month-end run's default. */
export function previousMonth(today: string): string {
  const [year, month] = today.split("-").map(Number) as [number, number];
  const y = month === 1 ? year - 1 : year;
  const m = month === 1 ? 12 : month - 1;
  return `${y}-${String(m).padStart(2, "0")}`;
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function periodLabel(period: Period): string {
  const [y, m, d] = period.from.split("-").map(Number) as [number, number, number];
  const monthEnd = `${period.from.slice(0, 8)}${String(lastDay(y, m)).padStart(2, "0")}`;
  return d === 1 && period.to === monthEnd ? period.from.slice(0, 7) : `${period.from}..${period.to}`;
}
