//! One row under the heading: an incoming line, a row left out with its reason, or the
//! problems that keep it from being read.

use chrono::NaiveDate;

use super::layout::{Columns, Role};
use super::text::{self, Direction, Why};
use super::{Layout, Problem, Skipped, StatementLine};
use crate::money::Money;

pub(super) enum Outcome {
    Line(StatementLine),
    Skip(Skipped),
    Bad(Vec<Problem>),
}

/// What a row's amount cells say.
enum Flow {
    In(Money),
    Out,
    /// Zero or nothing written.
    Zero,
    /// Neither income nor expense, as the cell of this column says.
    Neutral(usize),
}

pub(super) fn read_row(columns: &Columns, row: u64, cells: &[String]) -> Outcome {
    Row { columns, row, cells }.read()
}

struct Row<'a> {
    columns: &'a Columns,
    row: u64,
    cells: &'a [String],
}

impl Row<'_> {
    fn read(&self) -> Outcome {
        let date_column = self.columns.one(Role::Date).unwrap_or(0);
        let date = text::date(&self.text(date_column));
        if date.is_err() && self.is_footer(date_column) {
            return Outcome::Skip(self.footer());
        }
        let flow = self.flow();
        match (date, flow) {
            (Ok(date), Ok(Flow::In(amount))) => self.incoming(date, amount),
            (Ok(_), Ok(flow)) => Outcome::Skip(self.skipped(flow)),
            (date, flow) => {
                let date = date.err().map(|why| self.problem(date_column, why));
                Outcome::Bad(date.into_iter().chain(flow.err()).collect())
            }
        }
    }

    /// The cell's value ("" past the row's end: CSV rows may stop at their last value).
    fn text(&self, column: usize) -> String {
        self.cells.get(column).map_or_else(String::new, |c| text::value(c))
    }

    fn role_text(&self, role: Role) -> String {
        self.columns.one(role).map_or_else(String::new, |c| self.text(c))
    }

    fn problem(&self, column: usize, (en, zh): Why) -> Problem {
        let (row, heading, value) = (self.row, self.columns.heading(column), self.text(column));
        if value.is_empty() {
            let en = format!("row {row}, {heading}: empty, but the row has an amount");
            return Problem { row, en, zh: format!("第{row}行，{heading}：为空，但该行有金额") };
        }
        Problem {
            row,
            en: format!("row {row}, {heading}: \"{value}\" {en}"),
            zh: format!("第{row}行，{heading}：“{value}”{zh}"),
        }
    }

    fn skip(&self, en: String, zh: String) -> Skipped {
        Skipped { row: self.row, en, zh }
    }

    /// A total, a note or a rule under the data: it opens with such words, or it has neither
    /// a date nor an amount; or the heading again (exports of many pages repeat it).
    fn is_footer(&self, date_column: usize) -> bool {
        let date = self.text(date_column);
        let amounts = [Role::Credit, Role::Debit, Role::Signed].map(|r| self.role_text(r));
        let first = self.cells.iter().map(|c| text::value(c)).find(|c| !c.is_empty());
        first.is_some_and(|c| text::is_footer_text(&c))
            || (date.is_empty() && amounts.iter().all(String::is_empty))
            || text::heading_key(&date) == text::heading_key(self.columns.heading(date_column))
    }

    fn footer(&self) -> Skipped {
        let first = self.cells.iter().map(|c| text::value(c)).find(|c| !c.is_empty()).unwrap_or_default();
        let first: String = first.chars().take(30).collect();
        self.skip(format!("not a statement line (\"{first}\")"), format!("非交易明细行（“{first}”）"))
    }

    fn flow(&self) -> Result<Flow, Problem> {
        if let Some(credit) = self.columns.one(Role::Credit) {
            return self.split(credit);
        }
        // A layout is only found with a credit or a signed amount column.
        let amount = self.columns.one(Role::Signed).unwrap_or(0);
        match self.columns.one(Role::Direction) {
            Some(direction) => self.directed(direction, amount),
            None => self.signed(amount),
        }
    }

    /// The amount in a column, None when the cell is empty.
    fn amount(&self, column: usize) -> Result<Option<Money>, Problem> {
        let value = self.text(column);
        if value.is_empty() {
            return Ok(None);
        }
        text::amount(&value).map(Some).map_err(|why| self.problem(column, why))
    }

    /// Income and expense in columns of their own (收入/支出, 贷方/借方).
    fn split(&self, credit: usize) -> Result<Flow, Problem> {
        match self.amount(credit)? {
            Some(m) if m.is_positive() => return Ok(Flow::In(m)),
            // A negative credit is a reversal of money in: not money received.
            Some(m) if m.is_negative() => return Ok(Flow::Out),
            _ => {}
        }
        // Only the money in must be read: an expense is left out whatever its cell says.
        let debit = self.role_text(Role::Debit);
        let out = !debit.is_empty() && text::amount(&debit).map_or(true, |m| !m.is_zero());
        Ok(if out { Flow::Out } else { Flow::Zero })
    }

    /// One signed amount: + in, − out.
    fn signed(&self, column: usize) -> Result<Flow, Problem> {
        Ok(match self.amount(column)? {
            Some(m) if m.is_positive() => Flow::In(m),
            Some(m) if m.is_negative() => Flow::Out,
            _ => Flow::Zero,
        })
    }

    /// An unsigned amount beside a 收/支 or 借贷标志 cell saying which way it went.
    fn directed(&self, direction: usize, amount: usize) -> Result<Flow, Problem> {
        match text::direction(&self.text(direction)) {
            Some(Direction::In) => self.signed(amount),
            Some(Direction::Out) => Ok(Flow::Out),
            Some(Direction::Neutral) => Ok(Flow::Neutral(direction)),
            None => Err(self.problem(direction, ("is neither income nor expense", "无法判断是收入还是支出"))),
        }
    }

    fn skipped(&self, flow: Flow) -> Skipped {
        match flow {
            Flow::Out => self.skip("outgoing".into(), "支出".into()),
            Flow::Neutral(column) => {
                // As written: the "/" that `text` reads as nothing is what WeChat says here.
                let said = self.cells.get(column).map_or("", |c| c.trim());
                let heading = self.columns.heading(column);
                self.skip(
                    format!("neither income nor expense ({heading}: \"{said}\")"),
                    format!("不计收支（{heading}：“{said}”）"),
                )
            }
            Flow::Zero | Flow::In(_) => self.skip("no amount (zero or empty)".into(), "金额为零或为空".into()),
        }
    }

    fn incoming(&self, date: NaiveDate, amount: Money) -> Outcome {
        if let Some(column) = self.columns.one(Role::Status) {
            let status = self.text(column);
            if !money_kept(self.columns.layout, &status) {
                let heading = self.columns.heading(column);
                return Outcome::Skip(self.skip(
                    format!("{heading} \"{status}\": the money was not kept (refunded, closed or failed)"),
                    format!("{heading}“{status}”：款项未实收（已退款、已关闭或失败）"),
                ));
            }
        }
        let (payer, payer_account) = match self.columns.one(Role::PayerWithAccount) {
            Some(column) if self.columns.one(Role::Payer).is_none() => text::payer_and_account(&self.text(column)),
            _ => (self.role_text(Role::Payer), text::account(&self.role_text(Role::Account))),
        };
        Outcome::Line(StatementLine {
            row: self.row,
            date,
            amount,
            payer,
            payer_account,
            memo: self.memo(),
            serial: text::code(&self.role_text(Role::Serial)),
            source: self.columns.layout.source(),
        })
    }

    /// Every memo-like cell with something in it, each once.
    fn memo(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        for part in self.columns.all(Role::Memo).map(|c| self.text(c)) {
            if !part.is_empty() && !parts.contains(&part) {
                parts.push(part);
            }
        }
        parts.join(" ")
    }
}

/// Whether a 收入 line's status says the money was kept. WeChat writes 已收钱, 已存入零钱,
/// 已到账… for money kept and 已全额退款, 已退款, 失败, 已关闭, 对方已退还 for money not;
/// Alipay's money is kept only when the trade succeeded.
fn money_kept(layout: Layout, status: &str) -> bool {
    let status = text::heading_key(status);
    match layout {
        Layout::Alipay => matches!(status.as_str(), "交易成功" | "成功" | "已收款" | "收款成功"),
        _ => !["退款", "退还", "退回", "失败", "关闭"].iter().any(|w| status.contains(w)),
    }
}
