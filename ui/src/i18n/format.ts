// Dates and numbers per language. Dates arrive as "YYYY-MM-DD" and are formatted without
// time zones: a business date is a calendar day, never an instant.
import type { Language } from "./index.svelte";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function formatDate(language: Language, date: string | null | undefined): string {
  if (!date) return "—";
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const [, year, month, day] = match;
  if (language === "zh") return `${year}-${month}-${day}`;
  return `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}`;
}

/** A day without its year, for a chart's axis: 12-06 in Chinese, 6 Dec in English. */
export function formatDayMonth(language: Language, date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const [, , month, day] = match;
  if (language === "zh") return `${month}-${day}`;
  return `${Number(day)} ${MONTHS[Number(month) - 1]}`;
}

export function formatDateLong(language: Language, date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const [, year, month, day] = match;
  if (language === "zh") return `${year}年${Number(month)}月${Number(day)}日`;
  return formatDate(language, date);
}

export function formatCount(language: Language, count: number): string {
  return new Intl.NumberFormat(language === "zh" ? "zh-CN" : "en-US").format(count);
}
