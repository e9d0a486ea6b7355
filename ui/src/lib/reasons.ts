// A worklist row's reasons, said in a few words in the user's language.
import type { WorkReason } from "../api";
import { t, word } from "../i18n/index.svelte";
import { formatDate } from "../i18n/format";
import { formatMoney } from "./money";
import { locale } from "../i18n/index.svelte";

export function reasonText(r: WorkReason): string {
  const date = (d: string) => formatDate(locale.language, d);
  switch (r.kind) {
    case "overdue":
      return t("work.overdue", { amount: formatMoney(r.amount), days: r.days });
    case "promise_due":
      return t("work.promise_due", { amount: formatMoney(r.amount) });
    case "promise_broken":
      return t("work.promise_broken", { amount: formatMoney(r.amount), date: date(r.date) });
    case "instalment_due":
      return t("work.instalment_due", { amount: formatMoney(r.amount) });
    case "instalment_broken":
      return t("work.instalment_broken", { amount: formatMoney(r.amount), date: date(r.date) });
    case "key_customer":
      return t("work.key_customer");
    case "collection_day":
      return t("work.collection_day");
    case "silent":
      return t("work.silent", { days: r.days });
    case "never_contacted":
      return t("work.never_contacted");
    case "follow_up":
      return t("work.follow_up", { action: r.action || "—", date: date(r.date) });
    case "stage":
      return t("work.stage", { stage: word("stage", r.stage), person: r.person || "—" });
  }
}

/** Reasons that call for action today are shown in red. */
export function urgent(r: WorkReason): boolean {
  return r.kind === "promise_broken" || r.kind === "instalment_broken" || r.kind === "promise_due" || r.kind === "instalment_due";
}
