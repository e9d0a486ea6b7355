import { describe, expect, it } from "vitest";
import { href, parseRoute, type Route } from "../src/router.svelte";

describe("routes", () => {
  it("round-trip through the hash, codes with any characters included", () => {
    const routes: Route[] = [
      { name: "dashboard" },
      { name: "customers" },
      { name: "customer_new" },
      { name: "customer", code: "C-001.南" },
      { name: "customer", code: "C1", tab: "credit" },
      { name: "customer_edit", code: "C_9" },
      { name: "customer_assess", code: "甲-1" },
      { name: "delivery_new", customer: "C1" },
      { name: "delivery_new", customer: "" },
      { name: "payment_new", customer: "A&B" },
      { name: "settings" },
      { name: "reports", tab: "aging" },
      { name: "reports", tab: "write_offs" },
      { name: "import" },
      { name: "bank" },
      { name: "write_off", customer: "C-7" },
      { name: "write_off", customer: "" },
    ];
    for (const route of routes) expect(parseRoute(href(route))).toEqual(route);
  });

  it("falls back to the dashboard for anything unknown", () => {
    expect(parseRoute("#/nowhere")).toEqual({ name: "dashboard" });
    expect(parseRoute("")).toEqual({ name: "dashboard" });
  });
});
