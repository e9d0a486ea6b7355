import type { lettersEn } from "./letters.en";

// 催款函页面的勾选、预览和越级理由（issue 18）。
export const lettersZh: Record<keyof typeof lettersEn, string> = {
  "letters.select_all": "全选",
  "letters.select_none": "全不选",
  "letters.nothing_chosen": "请勾选要发函的客户。",
  "letters.preview_button": "预览 {count} 封催款函 · 合计 {total}",
  "letters.skip_reason": "越级理由",
  "letters.skip_hint": "高于应发级别（{level}）：须写明理由，理由随函存档。",
  "letters.review_title": "开具前预览",
  "letters.review_of": "第 {n} / {count} 封：{code} {name} · {level} · {total}",
  "letters.previous": "上一封",
  "letters.next": "下一封",
  "letters.include": "本批开具此函",
  "letters.confirm": "确认开具 {count} 封 · 合计 {total}",
  "letters.back": "返回列表",
  "letters.draft_note": "草稿：未编号、未保存。确认开具后才编号并存档。",
  "letters.skipped": "越级发出（应发{level}）：{reason}",
  "letters.early_reason": "提前发函理由",
  "letters.early_hint": "距上一封未满规定间隔（{date} 起可发）：须写明理由，理由存档。",
  "letters.reason": "书面理由",
  "letters.preview_one": "预览",
  "letters.confirm_one": "确认开具此函",
  "letters.back_date_reason": "倒签理由",
  "letters.back_date_hint": "催款函以发出当日为日期；日期早于今天须写明理由，记入操作日志。",
  "restart.letter_acknowledged": "催款函回执签收（无异议）",
};
