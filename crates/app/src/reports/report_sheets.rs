//! Every report and list as a [`Sheet`] in the user's language, to export as XLSX, CSV or
//! PDF: what a report shows on screen, the same figures, the same order.

use chrono::NaiveDate;
use huikuan_docs::bucket_words;
use huikuan_domain::aging::AgingBasis;
use huikuan_domain::{DocLanguage, Money};
use huikuan_store::tables::customers;
use serde::Deserialize;
use ts_rs::TS;

use crate::error::AppError;
use crate::owed::balance_of;
use crate::sheets::{Cell, Sheet};
use crate::Books;

/// Which report (or list) to write out, with its parameters.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(tag = "report", rename_all = "snake_case")]
pub enum ReportRequest {
    Aging {
        as_of: NaiveDate,
        by_document_date: bool,
        /// Leave out the rows whose every figure is zero (absent: keep them).
        #[serde(default)]
        #[ts(optional)]
        hide_zero: Option<bool>,
    },
    AgingDetail {
        as_of: NaiveDate,
        by_document_date: bool,
        /// Leave out the rows whose every figure is zero (absent: keep them).
        #[serde(default)]
        #[ts(optional)]
        hide_zero: Option<bool>,
    },
    AgingBySalesperson {
        as_of: NaiveDate,
        by_document_date: bool,
        /// Leave out the rows whose every figure is zero (absent: keep them).
        #[serde(default)]
        #[ts(optional)]
        hide_zero: Option<bool>,
    },
    Collection {
        as_of: NaiveDate,
        months: u32,
    },
    Provision {
        as_of: NaiveDate,
    },
    WriteOffs {
        from: NaiveDate,
        to: NaiveDate,
    },
    Customers,
    Worklist {
        as_of: NaiveDate,
    },
    /// A customer's whole ledger with its running balance.
    Ledger {
        code: String,
    },
    /// Delivered not invoiced, invoiced not paid, awaiting invoice, per customer.
    Invoicing {
        as_of: NaiveDate,
    },
}

fn basis(by_document_date: bool) -> AgingBasis {
    if by_document_date {
        AgingBasis::DocumentDate
    } else {
        AgingBasis::DueDate
    }
}

struct Words(DocLanguage);

impl Words {
    fn say(&self, zh: &str, en: &str) -> String {
        if self.0 == DocLanguage::Zh {
            zh.into()
        } else {
            en.into()
        }
    }

    fn as_of(&self, as_of: NaiveDate, by_document_date: bool) -> String {
        let day = as_of.format("%Y-%m-%d");
        match (self.0 == DocLanguage::Zh, by_document_date) {
            (true, false) => format!("截至 {day} · 按到期日计算账龄"),
            (true, true) => format!("截至 {day} · 按单据日期计算账龄"),
            (false, false) => format!("As of {day} · aged by due date"),
            (false, true) => format!("As of {day} · aged by document date"),
        }
    }

    fn bucket(&self, label: &str) -> String {
        bucket_words(label, self.0)
    }
}

/// A row left out when zero rows are hidden: every figure it shows is zero.
fn hidden(hide_zero: Option<bool>, figures: &[Money]) -> bool {
    hide_zero.unwrap_or(false) && figures.iter().all(|m| m.is_zero())
}

fn money_cells(amounts: impl IntoIterator<Item = Money>) -> Vec<Cell> {
    amounts.into_iter().map(Cell::Money).collect()
}

fn decimal(d: Option<rust_decimal::Decimal>) -> Cell {
    d.map_or(Cell::Empty, Cell::Decimal)
}

impl Books {
    /// The report as a sheet, its headings in `language`.
    pub fn report_sheet(&mut self, request: &ReportRequest, language: DocLanguage) -> Result<Sheet, AppError> {
        let w = Words(language);
        match request.clone() {
            ReportRequest::Invoicing { as_of } => self.invoicing_sheet(as_of, language),
            ReportRequest::Aging { as_of, by_document_date, hide_zero } => {
                let r = self.aging_report(as_of, basis(by_document_date))?;
                let mut columns = vec![("code", w.say("客户编号", "Code")), ("name", w.say("客户名称", "Customer"))];
                columns.extend(r.buckets.iter().map(|b| (b.as_str(), w.bucket(b))));
                columns.push(("credit", w.say("预收/贷方余额", "Credit")));
                columns.push(("balance", w.say("余额", "Balance")));
                let mut sheet = Sheet::new(
                    format!("aging-{as_of}"),
                    w.say("应收账款账龄分析表", "Accounts receivable aging"),
                    &columns,
                );
                sheet.subtitle.push(w.as_of(as_of, by_document_date));
                for c in r.customers.iter().filter(|c| !hidden(hide_zero, &[c.balance, c.credit])) {
                    let mut row = vec![Cell::text(&c.code), Cell::text(&c.name)];
                    row.extend(money_cells(c.buckets.0.iter().map(|(_, m)| *m)));
                    row.extend([Cell::Money(c.credit), Cell::Money(c.balance)]);
                    sheet.rows.push(row);
                }
                let mut total = vec![Cell::text(w.say("合计", "Total")), Cell::Empty];
                total.extend(money_cells(r.totals.buckets.0.iter().map(|(_, m)| *m)));
                total.extend([Cell::Money(r.totals.credit), Cell::Money(r.totals.balance)]);
                sheet.totals.push(total);
                Ok(sheet)
            }
            ReportRequest::AgingDetail { as_of, by_document_date, hide_zero } => {
                let r = self.aging_detail(as_of, basis(by_document_date))?;
                let days_title = if by_document_date {
                    w.say("账龄天数", "Days since")
                } else {
                    w.say("逾期天数", "Days past due")
                };
                let columns = [
                    ("code", w.say("客户编号", "Code")),
                    ("name", w.say("客户名称", "Customer")),
                    ("salesperson", w.say("业务员", "Salesperson")),
                    ("number", w.say("单据编号", "Document")),
                    ("doc_date", w.say("单据日期", "Date")),
                    ("due_date", w.say("到期日", "Due")),
                    ("amount", w.say("原金额", "Amount")),
                    ("open", w.say("未收金额", "Open")),
                    ("days", days_title),
                    ("bucket", w.say("账龄段", "Bucket")),
                ];
                let mut sheet =
                    Sheet::new(format!("aging-detail-{as_of}"), w.say("应收账款账龄明细表", "Aging detail"), &columns);
                sheet.subtitle.push(w.as_of(as_of, by_document_date));
                for i in r.items.iter().filter(|i| !hidden(hide_zero, &[i.open])) {
                    // A receivable not yet due is not "−12 days overdue": it is not due.
                    let days = if i.days < 0 { Cell::text(w.say("未到期", "not due")) } else { Cell::Int(i.days) };
                    sheet.rows.push(vec![
                        Cell::text(&i.code),
                        Cell::text(&i.name),
                        Cell::text(&i.salesperson),
                        Cell::text(&i.number),
                        Cell::Date(i.doc_date),
                        if huikuan_domain::terms::is_awaiting_invoice(i.due_date) {
                            Cell::text(w.say("待开票", "awaiting invoice"))
                        } else {
                            Cell::Date(i.due_date)
                        },
                        Cell::Money(i.amount),
                        Cell::Money(i.open),
                        days,
                        Cell::text(w.bucket(&i.bucket)),
                    ]);
                }
                let mut total = vec![Cell::text(w.say("合计", "Total"))];
                total.extend(std::iter::repeat_n(Cell::Empty, 6));
                total.push(Cell::Money(r.open_total));
                sheet.totals.push(total);
                Ok(sheet)
            }
            ReportRequest::AgingBySalesperson { as_of, by_document_date, hide_zero } => {
                let r = self.aging_by_salesperson(as_of, basis(by_document_date))?;
                let mut columns =
                    vec![("salesperson", w.say("业务员", "Salesperson")), ("customers", w.say("客户数", "Customers"))];
                columns.extend(r.buckets.iter().map(|b| (b.as_str(), w.bucket(b))));
                columns.push(("overdue", w.say("逾期合计", "Overdue")));
                columns.push(("balance", w.say("余额", "Balance")));
                let mut sheet = Sheet::new(
                    format!("aging-salesperson-{as_of}"),
                    w.say("按业务员账龄汇总", "Aging by salesperson"),
                    &columns,
                );
                sheet.subtitle.push(w.as_of(as_of, by_document_date));
                for g in r.rows.iter().filter(|g| !hidden(hide_zero, &[g.balance, g.credit])) {
                    let who = if g.salesperson.is_empty() {
                        w.say("（未指定）", "(none)")
                    } else {
                        g.salesperson.clone()
                    };
                    let mut row = vec![Cell::text(who), Cell::Int(i64::from(g.customers))];
                    row.extend(money_cells(g.buckets.0.iter().map(|(_, m)| *m)));
                    row.extend([Cell::Money(g.overdue), Cell::Money(g.balance)]);
                    sheet.rows.push(row);
                }
                // The total of every salesperson, hidden rows included: it is the book's.
                let customers: u32 = r.rows.iter().map(|g| g.customers).sum();
                let mut total = vec![Cell::text(w.say("合计", "Total")), Cell::Int(i64::from(customers))];
                total.extend(money_cells(
                    r.buckets.iter().map(|b| r.rows.iter().filter_map(|g| g.buckets.get(b)).sum::<Money>()),
                ));
                total.extend([
                    Cell::Money(r.rows.iter().map(|g| g.overdue).sum()),
                    Cell::Money(r.rows.iter().map(|g| g.balance).sum()),
                ]);
                sheet.totals.push(total);
                Ok(sheet)
            }
            ReportRequest::Collection { as_of, months } => {
                let r = self.collection_performance(as_of, months)?;
                let columns = [
                    ("month", w.say("月份", "Month")),
                    ("sales", w.say("销售", "Sales")),
                    ("collected", w.say("回款", "Collected")),
                    ("credited", w.say("退货折让", "Credited")),
                    ("written_off", w.say("核销", "Written off")),
                    ("closing", w.say("月末应收", "Owed at end")),
                    ("cei", w.say("回款有效率 CEI %", "CEI %")),
                    ("dso", w.say("DSO（天）", "DSO (days)")),
                    ("promises_kept_rate", w.say("承诺兑现率 %", "Promises kept %")),
                ];
                let mut sheet =
                    Sheet::new(format!("collection-{as_of}"), w.say("回款绩效", "Collection performance"), &columns);
                sheet.subtitle.push(w.say(
                    &format!("截至 {as_of} 的 {} 个月", r.months.len()),
                    &format!("{} months to {as_of}", r.months.len()),
                ));
                for m in &r.months {
                    sheet.rows.push(vec![
                        Cell::text(&m.month),
                        Cell::Money(m.sales),
                        Cell::Money(m.collected),
                        Cell::Money(m.credited),
                        Cell::Money(m.written_off),
                        Cell::Money(m.closing),
                        decimal(m.cei),
                        decimal(m.dso),
                        decimal(m.promises_kept_rate),
                    ]);
                }
                sheet.totals.push(vec![
                    Cell::text(w.say("合计", "Total")),
                    Cell::Money(r.sales),
                    Cell::Money(r.collected),
                    Cell::Money(r.months.iter().map(|m| m.credited).sum()),
                    Cell::Money(r.written_off),
                ]);
                sheet.notes.push(w.say(
                    "CEI =（月初应收 + 本月销售 − 月末应收）÷（月初应收 + 本月销售 − 月末未到期应收）× 100，当月录入的期初余额计入月初应收；DSO = 月末余额 ÷ 近 90 天销售 × 90。",
                    "CEI = (opening + sales - closing) / (opening + sales - closing not yet due) x 100, opening balances entered in the month counted as opening; DSO = balance at the end / the last 90 days' sales x 90.",
                ));
                Ok(sheet)
            }
            ReportRequest::Provision { as_of } => {
                let r = self.provision_report(as_of)?;
                let columns = [
                    ("bucket", w.say("账龄段", "Bucket")),
                    ("open", w.say("应收余额", "Open")),
                    ("percent", w.say("计提比例 %", "Rate %")),
                    ("provision", w.say("坏账准备", "Provision")),
                ];
                let mut sheet = Sheet::new(
                    format!("provision-{as_of}"),
                    w.say("坏账准备计提表", "Provision for doubtful debts"),
                    &columns,
                );
                sheet.subtitle.push(w.as_of(as_of, false));
                for l in &r.lines {
                    sheet.rows.push(vec![
                        Cell::text(w.bucket(&l.bucket)),
                        Cell::Money(l.open),
                        Cell::Decimal(l.percent),
                        Cell::Money(l.provision),
                    ]);
                }
                sheet.totals.push(vec![
                    Cell::text(w.say("合计", "Total")),
                    Cell::Money(r.open),
                    Cell::Empty,
                    Cell::Money(r.provision),
                ]);
                Ok(sheet)
            }
            ReportRequest::WriteOffs { from, to } => {
                let r = self.write_offs(from, to)?;
                let columns = [
                    ("number", w.say("核销单号", "Number")),
                    ("date", w.say("日期", "Date")),
                    ("code", w.say("客户编号", "Code")),
                    ("name", w.say("客户名称", "Customer")),
                    ("receivable", w.say("核销单据", "Receivable")),
                    ("amount", w.say("金额", "Amount")),
                    ("reason", w.say("原因", "Reason")),
                    ("operator", w.say("经办人", "By")),
                ];
                let mut sheet =
                    Sheet::new(format!("write-offs-{from}-{to}"), w.say("坏账核销明细", "Write-offs"), &columns);
                sheet.subtitle.push(format!("{from} – {to}"));
                for l in &r.lines {
                    sheet.rows.push(vec![
                        Cell::text(&l.number),
                        Cell::Date(l.date),
                        Cell::text(&l.code),
                        Cell::text(&l.name),
                        Cell::text(&l.receivable),
                        Cell::Money(l.amount),
                        Cell::text(&l.reason),
                        Cell::text(&l.operator),
                    ]);
                }
                let mut total = vec![Cell::text(w.say("合计", "Total"))];
                total.extend(std::iter::repeat_n(Cell::Empty, 4));
                total.push(Cell::Money(r.total));
                sheet.totals.push(total);
                Ok(sheet)
            }
            ReportRequest::Customers => self.customers_sheet(&w),
            ReportRequest::Ledger { code } => self.ledger_sheet(&code, &w),
            ReportRequest::Worklist { as_of } => {
                let list = self.worklist(as_of)?;
                let columns = [
                    ("code", w.say("客户编号", "Code")),
                    ("name", w.say("客户名称", "Customer")),
                    ("priority", w.say("优先级", "Priority")),
                    ("overdue", w.say("逾期金额", "Overdue")),
                    ("days_overdue", w.say("最长逾期天数", "Days overdue")),
                    ("last_contact", w.say("上次联系", "Last contact")),
                ];
                let mut sheet =
                    Sheet::new(format!("worklist-{as_of}"), w.say("今日催收", "Today's worklist"), &columns);
                sheet.subtitle.push(as_of.format("%Y-%m-%d").to_string());
                for item in &list {
                    let priority = rust_decimal::Decimal::from_f64_retain(item.priority).map(|d| d.round_dp(1));
                    sheet.rows.push(vec![
                        Cell::text(&item.code),
                        Cell::text(&item.name),
                        decimal(priority),
                        Cell::Money(item.overdue),
                        Cell::Int(item.days_overdue),
                        item.last_contact.as_ref().map_or(Cell::Empty, |l| Cell::text(l.at.get(..10).unwrap_or(&l.at))),
                    ]);
                }
                Ok(sheet)
            }
        }
    }

    /// The customer's ledger, oldest first, as the ledger tab shows it.
    fn ledger_sheet(&mut self, code: &str, w: &Words) -> Result<Sheet, AppError> {
        let ledger = self.customer_ledger(code, None)?;
        let columns = [
            ("date", w.say("日期", "Date")),
            ("number", w.say("单据编号", "Number")),
            ("kind", w.say("类型", "Kind")),
            ("due_date", w.say("到期日", "Due")),
            ("description", w.say("摘要", "Description")),
            ("debit", w.say("借方（应收）", "Debit")),
            ("credit", w.say("贷方（收回）", "Credit")),
            ("balance", w.say("余额", "Balance")),
            ("open", w.say("未收", "Open")),
        ];
        let mut sheet =
            Sheet::new(format!("ledger-{}", ledger.code), w.say("客户往来明细", "Customer ledger"), &columns);
        sheet.subtitle.push(format!("{} ({})", ledger.name, ledger.code));
        for e in &ledger.entries {
            sheet.rows.push(vec![
                Cell::Date(e.date),
                Cell::text(&e.number),
                Cell::text(e.kind.words(w.0)),
                e.due_date.map_or(Cell::Empty, Cell::Date),
                Cell::text(&e.description),
                Cell::Money(e.debit),
                Cell::Money(e.credit),
                Cell::Money(e.balance),
                e.open.map_or(Cell::Empty, Cell::Money),
            ]);
        }
        let mut total = vec![Cell::text(w.say("余额", "Balance"))];
        total.extend(std::iter::repeat_n(Cell::Empty, 6));
        total.push(Cell::Money(ledger.balance));
        sheet.totals.push(total);
        Ok(sheet)
    }

    /// Every customer with the columns the customer import reads, so the file can be
    /// imported again (into another book), then today's balance.
    fn customers_sheet(&mut self, w: &Words) -> Result<Sheet, AppError> {
        let columns = [
            ("code", w.say("客户编号", "Code")),
            ("name", w.say("客户名称", "Name")),
            ("kind", w.say("类型", "Kind")),
            ("phone", w.say("电话", "Phone")),
            ("address", w.say("地址", "Address")),
            ("payment_terms", w.say("付款条件", "Payment terms")),
            ("credit_limit", w.say("信用额度", "Credit limit")),
            ("salesperson", w.say("业务员", "Salesperson")),
            ("balance", w.say("余额", "Balance")),
        ];
        let mut sheet = Sheet::new("customers", w.say("客户列表", "Customers"), &columns);
        let today = self.clock.today();
        sheet.subtitle.push(today.format("%Y-%m-%d").to_string());
        self.store.read(|tx| {
            for c in customers::list(tx)? {
                let (balance, _) = balance_of(tx, c.id)?;
                let f = c.fields;
                sheet.rows.push(vec![
                    Cell::Text(f.code),
                    Cell::Text(f.name),
                    Cell::text(f.kind.as_str()),
                    Cell::Text(f.phone),
                    Cell::Text(f.address),
                    Cell::text(f.payment_terms.to_string()),
                    Cell::Money(f.credit_limit),
                    Cell::Text(f.salesperson),
                    Cell::Money(balance),
                ]);
            }
            Ok::<_, AppError>(())
        })?;
        Ok(sheet)
    }
}

impl Books {
    /// The report written as XLSX, CSV or PDF (under the letterhead).
    pub fn export_report(
        &mut self,
        request: &ReportRequest,
        format: crate::sheets::SheetFormat,
        language: DocLanguage,
    ) -> Result<(Sheet, Vec<u8>), AppError> {
        use crate::sheets::{sheet_csv, sheet_pdf, sheet_xlsx, SheetFormat};
        let sheet = self.report_sheet(request, language)?;
        let bytes = match format {
            SheetFormat::Xlsx => sheet_xlsx(&sheet)?,
            SheetFormat::Csv => sheet_csv(&sheet),
            SheetFormat::Pdf => {
                let head = self.store.read(crate::documents::letterhead::letterhead)?;
                sheet_pdf(&sheet, head, self.clock.today(), language)?
            }
        };
        Ok((sheet, bytes))
    }
}
