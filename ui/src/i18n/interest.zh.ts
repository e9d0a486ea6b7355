// 逾期利息（客户的约定与主张金额）及证据包中按级别命名的函件、往来明细账（与 interest.en.ts 的键一一对应）。
import type { interestEn } from "./interest.en";

export const interestZh: Record<keyof typeof interestEn, string> = {
  "interest.title": "逾期付款利息",
  "interest.explain": "合同对逾期付款的约定。未约定利率的，以违约行为发生时的一年期 LPR 为基础，加计 30%–50%（即 1.3 至 1.5 倍）计算逾期付款损失（《最高人民法院关于审理买卖合同纠纷案件适用法律问题的解释》第十八条第四款）：每笔款项按其逾期首日有效的 LPR 计算。最后催告函、还款计划确认书和证据包均按此约定。",
  "interest.basis": "计息依据",
  "interest.basis.none": "不主张利息",
  "interest.basis.daily_rate": "合同约定日利率",
  "interest.basis.annual_rate": "合同约定年利率",
  "interest.basis.lpr": "一年期 LPR × 上浮倍数",
  "interest.rate.daily_rate": "日利率（万分之五填 0.0005）",
  "interest.rate.annual_rate": "年利率（12% 填 0.12）",
  "interest.rate.lpr": "上浮倍数（1.3 至 1.5）",
  "interest.save": "保存约定",
  "interest.saved": "已保存。",
  "interest.claim": "截至 {date} 主张金额：逾期本金 {principal} + 利息 {interest} = {total}",
  "interest.item": "{number}：逾期 {days} 天，利息 {interest}",
  "interest.lpr_table": "一年期 LPR 表（已公布的利率；每次调整后补充）",
  "interest.lpr_effective": "执行日期",
  "interest.lpr_percent": "一年期 LPR（%）",
  "interest.lpr_add": "添加利率",
  "evidence.kind.ledger": "客户往来明细账",
  "evidence.letter.1": "提醒函",
  "evidence.letter.2": "催款函",
  "evidence.letter.3": "最后催告函",
  "evidence.answer": "回复 / 寄送",
  "evidence.claim": "主张金额：逾期本金 {principal} + 利息 {interest} = {total}",
};
