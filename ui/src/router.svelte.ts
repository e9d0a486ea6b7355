import type { PaperKind } from "./api/bindings";

// Hash routes: the app is one page served from the bundle, and the hash survives a reload.
export type Route =
  | { name: "dashboard" }
  | { name: "customers" }
  | { name: "customer_new" }
  | { name: "customer"; code: string; tab?: string }
  | { name: "customer_edit"; code: string }
  | { name: "customer_assess"; code: string }
  | { name: "delivery_new"; customer: string }
  | { name: "payment_new"; customer: string }
  | { name: "paper"; number: string; kind?: PaperKind }
  | { name: "month_end"; period: string }
  | { name: "letters" }
  | { name: "collections" }
  | { name: "settings" }
  | { name: "reports"; tab: string }
  | { name: "import" }
  | { name: "bank" }
  | { name: "write_off"; customer: string }
  | { name: "setup"; step: string };

const PAPER_KINDS: readonly PaperKind[] = ["delivery_note", "statement", "letter", "plan"];

function paperKind(text: string | null): PaperKind | undefined {
  return PAPER_KINDS.find((k) => k === text);
}

export function parseRoute(hash: string): Route {
  const [path = "", queryText = ""] = hash.replace(/^#/, "").split("?");
  const query = new URLSearchParams(queryText);
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const customer = query.get("customer") ?? "";
  switch (parts[0]) {
    case "customers":
      if (parts.length === 1) return { name: "customers" };
      if (parts[1] === "new" && parts.length === 2) return { name: "customer_new" };
      if (parts.length === 2) {
        const tab = query.get("tab");
        return tab ? { name: "customer", code: parts[1]!, tab } : { name: "customer", code: parts[1]! };
      }
      if (parts[2] === "edit") return { name: "customer_edit", code: parts[1]! };
      if (parts[2] === "assess") return { name: "customer_assess", code: parts[1]! };
      return { name: "customers" };
    case "delivery":
      return { name: "delivery_new", customer };
    case "payment":
      return { name: "payment_new", customer };
    case "settings":
      return { name: "settings" };
    case "letters":
      return { name: "letters" };
    case "collections":
      return { name: "collections" };
    case "reports":
      return { name: "reports", tab: query.get("tab") ?? "aging" };
    case "import":
      return { name: "import" };
    case "bank":
      return { name: "bank" };
    case "setup":
      return { name: "setup", step: parts[1] ?? "company" };
    case "write-off":
      return { name: "write_off", customer };
    case "month-end":
      return { name: "month_end", period: query.get("period") ?? "" };
    case "papers": {
      if (!parts[1]) return { name: "dashboard" };
      // The kind is part of the address when a number could be two papers' (an imported note's).
      const kind = paperKind(query.get("kind"));
      return kind ? { name: "paper", number: parts[1], kind } : { name: "paper", number: parts[1] };
    }
    default:
      return { name: "dashboard" };
  }
}

export function href(route: Route): string {
  const code = (c: string) => encodeURIComponent(c);
  switch (route.name) {
    case "dashboard":
      return "#/";
    case "customers":
      return "#/customers";
    case "customer_new":
      return "#/customers/new";
    case "customer":
      return `#/customers/${code(route.code)}` + (route.tab ? `?tab=${encodeURIComponent(route.tab)}` : "");
    case "customer_edit":
      return `#/customers/${code(route.code)}/edit`;
    case "customer_assess":
      return `#/customers/${code(route.code)}/assess`;
    case "delivery_new":
      return route.customer ? `#/delivery/new?customer=${code(route.customer)}` : "#/delivery/new";
    case "payment_new":
      return route.customer ? `#/payment/new?customer=${code(route.customer)}` : "#/payment/new";
    case "settings":
      return "#/settings";
    case "paper":
      return `#/papers/${code(route.number)}` + (route.kind ? `?kind=${route.kind}` : "");
    case "letters":
      return "#/letters";
    case "collections":
      return "#/collections";
    case "reports":
      return route.tab && route.tab !== "aging" ? `#/reports?tab=${encodeURIComponent(route.tab)}` : "#/reports";
    case "import":
      return "#/import";
    case "bank":
      return "#/bank";
    case "write_off":
      return route.customer ? `#/write-off?customer=${code(route.customer)}` : "#/write-off";
    case "month_end":
      return route.period ? `#/month-end?period=${encodeURIComponent(route.period)}` : "#/month-end";
    case "setup":
      return route.step === "customer" ? "#/setup/customer" : "#/setup";
  }
}

export const router = $state<{ route: Route }>({ route: { name: "dashboard" } });

export function startRouter(): void {
  const update = () => (router.route = parseRoute(window.location.hash));
  window.addEventListener("hashchange", update);
  update();
}

export function go(route: Route): void {
  window.location.hash = href(route);
}
