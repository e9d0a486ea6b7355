// English for the words only a screen reader or the window title says, and the worklist's
// call line (issue 18: accessibility and every word in the user's language).
export const a11yEn = {
  "a11y.skip": "Skip to content",
  "a11y.table_scroll": "{name}: table, scrolls sideways",
  "a11y.chart_figures": "{name}: the figures",
  "a11y.remove_line": "Remove line {n}",
  "a11y.line_field": "{field}, line {n}",
  "a11y.choose_file": "Choose a file…",
  "a11y.no_file": "No file chosen",
  "reports.view": "View",
  "work.chosen": "Row {n} of {total}: {name}, overdue {amount}",
  "work.call": "Call {name} ({role}): {phone}",
  "work.call_customer": "Call the customer: {phone}",
  "work.no_phone": "No phone number on file: add one on the customer's profile.",
  "dashboard.total_note": "Before customers' credit; the aging report's balance is after it.",
  "dashboard.credit_note": "Taken off the balance in the aging report.",
  "reports.balance_note": "Balance = the aging columns − customers' credit ({credit}). The dashboard's total receivables is the figure before the credit.",
  "month_end.no_statements_yet": "No statements for {period} yet.",
  "month_end.go_generate": "Generate them",
  "month_end.nothing_to_generate": "No customer needs one for this month.",
  "who.cli": "Command line",
  "who.owner": "Owner",
} as const;
