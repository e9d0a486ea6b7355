// Search, filter and sort of the customer list, in the UI so every keystroke is instant on
// 10,000 customers (the list is loaded once per visit).
import type { CustomerSummary } from "../api";
import { compareMoney, isNegative, isZero } from "./money";

export type CustomerFilter = "all" | "owing" | "overdue" | "on_hold";
export type SortKey = "code" | "name" | "balance" | "overdue";
export interface Sort {
  key: SortKey;
  descending: boolean;
}

export function matches(customer: CustomerSummary, needle: string): boolean {
  if (!needle) return true;
  const n = needle.toLowerCase();
  return [customer.code, customer.name, customer.phone, customer.salesperson].some((f) => f.toLowerCase().includes(n));
}

export function passes(customer: CustomerSummary, filter: CustomerFilter): boolean {
  switch (filter) {
    case "all":
      return true;
    case "owing":
      return !isZero(customer.balance) && !isNegative(customer.balance);
    case "overdue":
      return !isZero(customer.overdue);
    case "on_hold":
      return customer.status === "on_hold" || customer.status === "blocked";
  }
}

export function compare(a: CustomerSummary, b: CustomerSummary, sort: Sort): number {
  let order: number;
  switch (sort.key) {
    case "code":
      order = a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
      break;
    case "name":
      order = a.name.localeCompare(b.name, "zh-CN");
      break;
    case "balance":
      order = compareMoney(a.balance, b.balance);
      break;
    case "overdue":
      order = compareMoney(a.overdue, b.overdue);
      break;
  }
  return sort.descending ? -order : order;
}

export function view(all: CustomerSummary[], query: string, filter: CustomerFilter, sort: Sort): CustomerSummary[] {
  const needle = query.trim();
  return all.filter((c) => passes(c, filter) && matches(c, needle)).sort((a, b) => compare(a, b, sort));
}
