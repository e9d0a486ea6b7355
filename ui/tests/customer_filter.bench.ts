// The customers screen filters its list in the page on every keystroke (the list is loaded
// once per visit): what one keystroke costs on 10,000 customers. Figures, not a test:
//   cd ui && npx vitest bench --run
import { bench, describe } from "vitest";
import type { CustomerSummary } from "../src/api";
import { view } from "../src/lib/customer_filter";

const towns = ["杭州", "宁波", "温州", "绍兴", "嘉兴", "湖州"];
const trades = ["建材", "五金", "超市", "药房", "餐饮", "装饰"];
const customers: CustomerSummary[] = Array.from({ length: 10_000 }, (_, i) => ({
  code: `G${String(i).padStart(5, "0")}`,
  name: `${towns[i % towns.length]}${trades[(i * 7) % trades.length]}${i}号`,
  kind: "shop",
  status: i % 50 === 0 ? "on_hold" : "active",
  phone: `13${String(i * 7919).padStart(9, "0")}`,
  salesperson: ["王芳", "李强", "Chen"][i % 3] ?? "",
  credit_limit: "50000.00",
  balance: `${(i * 37) % 90000}.${String(i % 100).padStart(2, "0")}`,
  overdue: i % 3 === 0 ? `${(i * 13) % 5000}.00` : "0.00",
}));

describe("customer list, one keystroke on 10,000 customers", () => {
  for (const query of ["G", "G0", "G004", "G0042", "建", "建材", "13", "nobody"]) {
    bench(`search ${JSON.stringify(query)}, sorted by code`, () => {
      view(customers, query, "all", { key: "code", descending: false });
    });
  }
  bench(`"建材" among the overdue, sorted by balance`, () => {
    view(customers, "建材", "overdue", { key: "balance", descending: true });
  });
});
