import { describe, expect, it } from "vitest";
import type { CustomerSummary } from "../src/api";
import { view } from "../src/lib/customer_filter";

const customer = (code: string, name: string, balance: string, overdue: string, status = "active"): CustomerSummary => ({
  code,
  name,
  kind: "shop",
  status: status as CustomerSummary["status"],
  phone: "",
  salesperson: "李四",
  credit_limit: "0.00",
  balance,
  overdue,
});

const all = [
  customer("C3", "苏州远东五金", "100.00", "0.00"),
  customer("C1", "杭州新华超市", "2500.00", "500.00"),
  customer("C2", "Ningbo Trading", "-20.00", "0.00", "on_hold"),
];

describe("customer list view", () => {
  it("searches code, name and salesperson, ignoring case", () => {
    expect(view(all, "ningbo", "all", { key: "code", descending: false }).map((c) => c.code)).toEqual(["C2"]);
    expect(view(all, "新华", "all", { key: "code", descending: false }).map((c) => c.code)).toEqual(["C1"]);
    expect(view(all, "李四", "all", { key: "code", descending: false })).toHaveLength(3);
  });

  it("filters owing, overdue and on-hold customers", () => {
    const codes = (f: Parameters<typeof view>[2]) => view(all, "", f, { key: "code", descending: false }).map((c) => c.code);
    expect(codes("owing")).toEqual(["C1", "C3"]);
    expect(codes("overdue")).toEqual(["C1"]);
    expect(codes("on_hold")).toEqual(["C2"]);
  });

  it("sorts by balance exactly, largest first", () => {
    expect(view(all, "", "all", { key: "balance", descending: true }).map((c) => c.code)).toEqual(["C1", "C3", "C2"]);
  });

  it("finds every match among 10,000 customers, largest balance first", () => {
    const many = Array.from({ length: 10000 }, (_, i) => customer(`K${i}`, `客户${i}`, `${i}.00`, "0.00"));
    const shown = view(many, "客户99", "all", { key: "balance", descending: true });
    expect(shown).toHaveLength(111);
    expect(shown[0]?.code).toBe("K9999");
  });
});
