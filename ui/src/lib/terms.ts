import { t } from "../i18n/index.svelte";

/** The due date of a delivery on invoice terms that no invoice covers yet. */
export const AWAITING_INVOICE = "9999-12-31";

/** "net:30" → "Net 30 days" / "账期 30 天". */
export function formatTerms(terms: string | null | undefined): string {
  if (!terms) return "—";
  if (terms === "cod") return t("terms.cod");
  const [kind, days = "0"] = terms.split(":");
  if (kind === "net") return t("terms.net", { days });
  if (kind === "eom") return t("terms.eom", { days });
  if (kind === "inv") return t("terms.inv", { days });
  return terms;
}
