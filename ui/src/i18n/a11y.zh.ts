// 读屏软件朗读的文字、窗口标题和催收清单的致电信息（与 a11y.en.ts 的键一一对应）。
import type { a11yEn } from "./a11y.en";

export const a11yZh: Record<keyof typeof a11yEn, string> = {
  "a11y.skip": "跳到正文",
  "a11y.table_scroll": "{name}：表格，可左右滚动",
  "a11y.chart_figures": "{name}：数据",
  "a11y.remove_line": "删除第 {n} 行",
  "a11y.line_field": "第 {n} 行{field}",
  "a11y.choose_file": "选择文件…",
  "a11y.no_file": "未选择文件",
  "reports.view": "视图",
  "work.chosen": "第 {n}/{total} 行：{name}，逾期 {amount}",
  "work.call": "致电 {name}（{role}）：{phone}",
  "work.call_customer": "致电客户：{phone}",
  "work.no_phone": "未登记电话：请在客户档案中添加。",
  "dashboard.total_note": "未扣除客户预收；账龄表的余额已扣除预收。",
  "dashboard.credit_note": "账龄表的余额已扣除此项。",
  "reports.balance_note": "余额 = 各账龄段合计 − 客户预收（{credit}）；仪表盘的“应收账款合计”为扣除预收前的金额。",
  "month_end.no_statements_yet": "{period} 还没有对账单。",
  "month_end.go_generate": "去生成",
  "month_end.nothing_to_generate": "本月没有需要对账单的客户。",
  "a11y.send_channel": "寄送方式",
  "a11y.pdf_pages": "单据页面",
  "terms.example": "月结30天",
  "who.cli": "命令行",
  "who.owner": "店主",
};
