//! A statement file's rows read as incoming lines: the bank's own download (ICBC, CMB, CCB,
//! or any other bank's by its headings), the WeChat Pay bill and the Alipay bill. The rows
//! come as the app read them (every non-blank row with its number in the user's file); the
//! preamble above the heading is passed over, outgoing, neutral, refunded and total rows are
//! left out with their reason, and a row that cannot be read refuses the whole file, naming
//! the row and the column, so a statement is never half imported.

mod layout;
mod mapped;
mod row;
mod text;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use self::layout::{expected_headings, find_heading};
pub use self::mapped::{heading_guess, read_mapped, ColumnMap, MapProblem};
use self::row::{read_row, Outcome};
use self::text::collapse;
use super::Source;
use crate::money::Money;

/// How far down a heading is looked for: WeChat's and Alipay's preambles are 16 to 25 rows.
const HEADING_WITHIN: usize = 40;

/// The kind of statement, told by its headings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    Icbc,
    Cmb,
    Ccb,
    Wechat,
    Alipay,
    /// Any other bank's download (corporate ones mostly), read by its column headings.
    Generic,
    /// Read by the columns the user chose (never forced by name: it needs the columns).
    Mapped,
}

impl Layout {
    pub const ALL: [Layout; 6] =
        [Layout::Icbc, Layout::Cmb, Layout::Ccb, Layout::Wechat, Layout::Alipay, Layout::Generic];

    pub fn name(self) -> &'static str {
        match self {
            Layout::Icbc => "icbc",
            Layout::Cmb => "cmb",
            Layout::Ccb => "ccb",
            Layout::Wechat => "wechat",
            Layout::Alipay => "alipay",
            Layout::Generic => "generic",
            Layout::Mapped => "mapped",
        }
    }

    pub fn from_name(name: &str) -> Option<Layout> {
        Layout::ALL.into_iter().find(|l| l.name() == name)
    }

    /// Where money of this layout came in: an accepted line's payment method follows it.
    pub fn source(self) -> Source {
        match self {
            Layout::Wechat => Source::Wechat,
            Layout::Alipay => Source::Alipay,
            _ => Source::Bank,
        }
    }
}

/// One incoming line: money received, with what the statement says about who sent it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementLine {
    /// The row in the user's file.
    pub row: u64,
    pub date: NaiveDate,
    /// Always more than zero.
    pub amount: Money,
    pub payer: String,
    /// Digits only when the statement wrote a plain account number; masked ones as written.
    pub payer_account: String,
    pub memo: String,
    /// The bank's, WeChat's or Alipay's own number for the transaction; empty when none.
    pub serial: String,
    pub source: Source,
}

impl StatementLine {
    /// What makes this line the same line when it comes again in an overlapping file: the
    /// transaction's own number when the statement gives one, else everything it says.
    pub fn key(&self) -> String {
        let source = self.source.name();
        if self.serial.is_empty() {
            let (payer, memo) = (collapse(&self.payer), collapse(&self.memo));
            format!("line:{source}:{}:{}:{payer}:{memo}", self.date, self.amount.cents())
        } else {
            format!("serial:{source}:{}", self.serial)
        }
    }
}

/// A row left out on purpose (outgoing, neutral, refunded, a total), with why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    pub row: u64,
    pub en: String,
    pub zh: String,
}

/// A row that cannot be read: its row, the column and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub row: u64,
    pub en: String,
    pub zh: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    pub layout: Layout,
    /// The row of the user's file the heading was found on.
    pub heading_row: u64,
    pub lines: Vec<StatementLine>,
    pub skipped: Vec<Skipped>,
}

/// Why a statement file was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// No heading a preset knows: the user may choose the columns (the problem names the
    /// headings that were looked for).
    NotAStatement(Problem),
    /// Rows that cannot be read, every one of them.
    Rows(Vec<Problem>),
    /// The user's columns do not make a statement, field by field.
    Mapping(Vec<MapProblem>),
}

impl Refused {
    /// The refusal row by row (a mapping's problems are about the heading, row 1).
    pub fn into_problems(self) -> Vec<Problem> {
        match self {
            Refused::NotAStatement(problem) => vec![problem],
            Refused::Rows(problems) => problems,
            Refused::Mapping(problems) => {
                problems.into_iter().map(|p| Problem { row: 1, en: p.en, zh: p.zh }).collect()
            }
        }
    }
}

/// Reads a statement from its non-blank `rows` (row in the user's file, cells). `layout`
/// forces a preset; without one it is recognised by the heading found in the first rows.
/// Every row is checked: a file with any unreadable row is refused with all of them.
pub fn read_statement(rows: &[(u64, Vec<String>)], layout: Option<Layout>) -> Result<Statement, Refused> {
    let window = &rows[..rows.len().min(HEADING_WITHIN)];
    let Some((at, _, columns)) = find_heading(window, layout) else {
        return Err(Refused::NotAStatement(not_a_statement(layout)));
    };
    read_under(rows, at, &columns)
}

/// The rows under the heading at `at`, read by `columns`: every row checked, the file refused
/// with all that cannot be read.
fn read_under(rows: &[(u64, Vec<String>)], at: usize, columns: &layout::Columns) -> Result<Statement, Refused> {
    let mut statement =
        Statement { layout: columns.layout, heading_row: rows[at].0, lines: Vec::new(), skipped: Vec::new() };
    let mut problems = Vec::new();
    for (row, cells) in &rows[at + 1..] {
        match read_row(columns, *row, cells) {
            Outcome::Line(line) => statement.lines.push(line),
            Outcome::Skip(skipped) => statement.skipped.push(skipped),
            Outcome::Bad(mut bad) => problems.append(&mut bad),
        }
    }
    if problems.is_empty() {
        Ok(statement)
    } else {
        Err(Refused::Rows(problems))
    }
}

/// The refusal of a file with no statement heading, saying which headings were looked for.
fn not_a_statement(forced: Option<Layout>) -> Problem {
    let layouts = forced.map_or(Layout::ALL.to_vec(), |l| vec![l]);
    let (en, zh): (Vec<&str>, Vec<&str>) = layouts.into_iter().map(expected_headings).unzip();
    Problem {
        row: 1,
        en: format!(
            "this is not a bank, WeChat Pay or Alipay statement: no heading row found in its first {HEADING_WITHIN} \
             rows (expected {})",
            en.join("; or ")
        ),
        zh: format!(
            "这不是银行、微信支付或支付宝的对账单：前{HEADING_WITHIN}行中找不到表头（应为{}）",
            zh.join("；或")
        ),
    }
}

#[cfg(test)]
mod tests;
