// English for late-payment interest (the customer's terms and the claim) and the evidence
// pack's letters by level and ledger.
export const interestEn = {
  "interest.title": "Late-payment interest",
  "interest.explain": "What the contract says about paying late. With no agreed rate, the loss is measured on the one-year LPR with an uplift (courts use LPR + 30% to 50%: × 1.3 to × 1.5). The final notice and the evidence pack print the interest with this basis.",
  "interest.basis": "Basis",
  "interest.basis.none": "No interest claimed",
  "interest.basis.daily_rate": "Contract daily rate",
  "interest.basis.annual_rate": "Contract annual rate",
  "interest.basis.lpr": "One-year LPR × uplift",
  "interest.rate.daily_rate": "Daily rate (万分之五 = 0.0005)",
  "interest.rate.annual_rate": "Annual rate (12% = 0.12)",
  "interest.rate.lpr": "Uplift (1.3 to 1.5)",
  "interest.save": "Save the terms",
  "interest.saved": "Saved.",
  "interest.claim": "Claim as of {date}: overdue principal {principal} + interest {interest} = {total}",
  "interest.item": "{number}: {days} {days:day|days}, interest {interest}",
  "evidence.kind.ledger": "Customer ledger",
  "evidence.letter.1": "Reminder",
  "evidence.letter.2": "Demand for payment",
  "evidence.letter.3": "Final notice",
  "evidence.answer": "Answer / sent",
  "evidence.claim": "Claim: overdue principal {principal} + interest {interest} = {total}",
} as const;
