//! A statement no preset reads (a corporate download of a bank with headings of its own), read
//! by the columns the user chose. The app keeps the choice for the heading row's layout, so the
//! next download of that bank is read without asking.

use serde::{Deserialize, Serialize};

use super::layout::{Columns, Role};
use super::text;
use super::{Layout, Refused, Statement};

/// Which column (0-based) holds what. A date, the money in (a column of its own or one
/// amount) and something saying who paid are needed; the rest may be left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ColumnMap {
    pub date: Option<u32>,
    /// Money in, in a column of its own (收入, 贷方发生额).
    pub money_in: Option<u32>,
    /// Money out beside it (支出, 借方发生额): only to tell an expense from an empty line.
    pub money_out: Option<u32>,
    /// One amount column instead: signed (+ in, − out), or unsigned beside `direction`.
    pub amount: Option<u32>,
    /// 借贷标志, 收/支: which way an unsigned `amount` went.
    pub direction: Option<u32>,
    pub payer: Option<u32>,
    pub payer_account: Option<u32>,
    /// Every column saying what the money was for (摘要, 用途, 附言), read together.
    #[serde(default)]
    pub memo: Vec<u32>,
    pub serial: Option<u32>,
}

/// A mapping refused: the field (`date`, `money_in`…) and why, in English and Chinese.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapProblem {
    pub field: &'static str,
    pub en: String,
    pub zh: String,
}

impl ColumnMap {
    /// The fields, as the form and the CLI name them.
    pub const FIELDS: [&'static str; 9] =
        ["date", "money_in", "money_out", "amount", "direction", "payer", "payer_account", "memo", "serial"];

    /// Sets `field` to `column` (a memo column is added to the others); false for no such field.
    pub fn set(&mut self, field: &str, column: u32) -> bool {
        let slot = match field {
            "date" => &mut self.date,
            "money_in" => &mut self.money_in,
            "money_out" => &mut self.money_out,
            "amount" => &mut self.amount,
            "direction" => &mut self.direction,
            "payer" => &mut self.payer,
            "payer_account" => &mut self.payer_account,
            "serial" => &mut self.serial,
            "memo" => {
                self.memo.push(column);
                return true;
            }
            _ => return false,
        };
        *slot = Some(column);
        true
    }

    /// Each field chosen and its column, memo columns each on their own.
    pub fn chosen(&self) -> Vec<(&'static str, u32)> {
        self.roles().into_iter().map(|(field, _, column)| (field, column)).collect()
    }

    fn roles(&self) -> Vec<(&'static str, Role, u32)> {
        let one = [
            ("date", Role::Date, self.date),
            ("money_in", Role::Credit, self.money_in),
            ("money_out", Role::Debit, self.money_out),
            ("amount", Role::Signed, self.amount),
            ("direction", Role::Direction, self.direction),
            ("payer", Role::Payer, self.payer),
            ("payer_account", Role::Account, self.payer_account),
            ("serial", Role::Serial, self.serial),
        ];
        let memo = self.memo.iter().map(|c| ("memo", Role::Memo, *c));
        one.into_iter().filter_map(|(f, r, c)| c.map(|c| (f, r, c))).chain(memo).collect()
    }

    /// Every field wrong with the mapping for a heading row `width` columns wide.
    pub fn check(&self, width: usize) -> Result<(), Vec<MapProblem>> {
        let mut problems = Vec::new();
        let mut say = |field, en: &str, zh: &str| problems.push(MapProblem { field, en: en.into(), zh: zh.into() });
        if self.date.is_none() {
            say("date", "choose the column with the date", "请选择日期所在的列");
        }
        match (self.money_in, self.amount) {
            (None, None) => say(
                "money_in",
                "choose the column with the money in, or the one amount column",
                "请选择收入金额所在的列，或唯一的金额列",
            ),
            (Some(_), Some(_)) => say(
                "amount",
                "choose either a money-in column or one amount column, not both",
                "收入金额列与金额列只能选其一",
            ),
            _ => {}
        }
        if self.direction.is_some() && self.amount.is_none() {
            say(
                "direction",
                "a direction column reads the one amount column: choose it too",
                "借贷方向列需配合金额列使用：请同时选择金额列",
            );
        }
        if self.money_out.is_some() && self.money_in.is_none() {
            say("money_out", "a money-out column goes with a money-in column", "支出金额列需配合收入金额列使用");
        }
        if self.payer.is_none() && self.payer_account.is_none() && self.memo.is_empty() && self.serial.is_none() {
            say(
                "payer",
                "choose at least one column saying who paid or what for (payer, account, memo or serial)",
                "请至少选择一列说明付款人或用途（付款人、账号、摘要或流水号）",
            );
        }
        let mut seen: Vec<u32> = Vec::new();
        for (field, _, column) in self.roles() {
            if column as usize >= width {
                say(field, "is past the last column of the heading row", "超出表头的最后一列");
            } else if seen.contains(&column) {
                say(field, "is a column already chosen for another field", "该列已被其他字段选用");
            }
            seen.push(column);
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    /// The columns as the row reader takes them, named by the file's own headings.
    pub(super) fn columns(&self, headings: &[String]) -> Columns {
        let found = self.roles().into_iter().map(|(_, role, c)| (role, c as usize)).collect();
        Columns::chosen(Layout::Mapped, found, headings)
    }

    /// A first proposal for the user's form: each column whose heading holds a word that
    /// banks use for the field (贷方 in 贷方发生额(元)), each column given once.
    pub fn proposed(headings: &[String]) -> ColumnMap {
        let keys: Vec<String> = headings.iter().map(|h| text::heading_key(h)).collect();
        let mut taken = vec![false; keys.len()];
        let mut pick = |words: &[&str]| {
            let at = words.iter().find_map(|w| (0..keys.len()).find(|&i| !taken[i] && keys[i].contains(w)))?;
            taken[at] = true;
            Some(at as u32)
        };
        let date = pick(&["日期", "时间", "date"]);
        let money_in = pick(&["贷方", "收入", "来账", "存入", "credit"]);
        let money_out = pick(&["借方", "支出", "往账", "支取", "debit"]);
        let direction = pick(&["借贷", "方向", "收/支", "收支"]);
        let amount = if money_in.is_none() { pick(&["金额", "发生额", "amount"]) } else { None };
        let payer_account = pick(&["账号", "帐号", "卡号", "account"]);
        let payer = pick(&["户名", "名称", "对方", "付款人", "payer"]);
        let serial = pick(&["流水", "凭证", "交易号", "serial"]);
        let mut memo = Vec::new();
        while let Some(c) = pick(&["摘要", "用途", "附言", "备注", "说明", "memo"]) {
            memo.push(c);
        }
        memo.sort_unstable();
        ColumnMap {
            date,
            money_in,
            money_out: money_out.filter(|_| money_in.is_some()),
            amount,
            direction: direction.filter(|_| amount.is_some()),
            payer,
            payer_account,
            memo,
            serial,
        }
    }
}

/// The row most like a heading in the first rows of a file no preset reads: the first with
/// three or more cells filled, none of them a date or an amount, and a row under it.
pub fn heading_guess(rows: &[(u64, Vec<String>)]) -> Option<u64> {
    let window = &rows[..rows.len().min(super::HEADING_WITHIN)];
    let is_heading = |cells: &[String]| {
        let filled: Vec<String> = cells.iter().map(|c| text::value(c)).filter(|c| !c.is_empty()).collect();
        filled.len() >= 3 && filled.iter().all(|c| text::date(c).is_err() && text::amount(c).is_err())
    };
    let last = window.len().saturating_sub(1);
    window[..last].iter().find(|(_, cells)| is_heading(cells)).map(|(row, _)| *row)
}

/// Reads the rows under `heading_row` by the user's columns. The mapping is checked against
/// the heading first; then, as with a preset, a file with any unreadable row is refused.
pub fn read_mapped(rows: &[(u64, Vec<String>)], heading_row: u64, map: &ColumnMap) -> Result<Statement, Refused> {
    let Some(at) = rows.iter().position(|(row, _)| *row == heading_row) else {
        let en = format!("row {heading_row} is not in the file (or is blank): choose the heading row again");
        let zh = format!("文件中没有第{heading_row}行（或该行为空）：请重新选择表头行");
        return Err(Refused::Mapping(vec![MapProblem { field: "heading_row", en, zh }]));
    };
    let headings = &rows[at].1;
    map.check(headings.len()).map_err(Refused::Mapping)?;
    super::read_under(rows, at, &map.columns(headings))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A corporate download with bilingual headings no preset knows (the amount column is
    /// 交易金额[ Trade Amount ], not 交易金额), under a preamble of two-cell rows.
    fn corporate() -> Vec<(u64, Vec<String>)> {
        let text = "账号:|310066726018150001234
账户名称:|上海某某贸易有限公司
查询日期:|2026-06-01
交易日期[ Transaction Date ]|交易时间[ Transaction time ]|交易金额[ Trade Amount ]|付款人账号[ Debit Account No. ]|付款人名称[ Payer's Name ]|收款人名称[ Payee's Name ]|用途[ Purpose ]|摘要[ Reference ]|交易流水号[ Transaction reference number ]
20260512|10:21:07|1,200.00|6222 0212 3456 7890 123|上海华联超市有限公司|上海某某贸易有限公司|货款 SD-2026-000012|转账|ZJ00017
20260513|09:00:00|-300.00|310066726018150001234|上海某某贸易有限公司|某物流公司|运费|转账|ZJ00018
合计||900.00||||||";
        text.lines().enumerate().map(|(i, l)| (i as u64 + 1, l.split('|').map(str::to_string).collect())).collect()
    }

    #[test]
    fn the_heading_is_found_below_a_preamble_and_the_proposal_reads_the_money_in() {
        let rows = corporate();
        assert_eq!(heading_guess(&rows), Some(4));
        let map = ColumnMap::proposed(&rows[3].1);
        assert_eq!(
            (map.date, map.money_in, map.amount, map.payer, map.payer_account, map.serial),
            (Some(0), None, Some(2), Some(4), Some(3), Some(8))
        );
        assert_eq!(map.memo, [6, 7]);
        let statement = read_mapped(&rows, 4, &map).expect("a statement");
        assert_eq!(statement.layout, Layout::Mapped);
        let line = &statement.lines[..];
        assert_eq!(line.len(), 1);
        assert_eq!((line[0].row, line[0].amount.cents(), &*line[0].payer), (5, 120_000, "上海华联超市有限公司"));
        assert_eq!(
            (&*line[0].payer_account, &*line[0].memo, &*line[0].serial),
            ("6222021234567890123", "货款 SD-2026-000012 转账", "ZJ00017")
        );
        let skipped: Vec<(u64, &str)> = statement.skipped.iter().map(|s| (s.row, s.en.as_str())).collect();
        assert_eq!(skipped, [(6, "outgoing"), (7, "not a statement line (\"合计\")")]);
    }

    #[test]
    fn a_mapping_that_makes_no_statement_is_refused_field_by_field() {
        let fields = |map: ColumnMap| -> Vec<&'static str> {
            map.check(9).expect_err("refused").into_iter().map(|p| p.field).collect()
        };
        assert_eq!(fields(ColumnMap::default()), ["date", "money_in", "payer"]);
        let both =
            ColumnMap { date: Some(0), money_in: Some(2), amount: Some(3), payer: Some(4), ..Default::default() };
        assert_eq!(fields(both), ["amount"]);
        let twice = ColumnMap { date: Some(0), amount: Some(2), payer: Some(2), memo: vec![9], ..Default::default() };
        assert_eq!(fields(twice), ["payer", "memo"]);
        let lone =
            ColumnMap { date: Some(0), money_in: Some(1), direction: Some(2), serial: Some(3), ..Default::default() };
        assert_eq!(fields(lone), ["direction"]);
    }

    #[test]
    fn a_bad_row_or_a_missing_heading_row_refuses_the_file() {
        let mut rows = corporate();
        rows[4].1[2] = "1.234,00".into();
        let map = ColumnMap::proposed(&rows[3].1);
        let Err(Refused::Rows(problems)) = read_mapped(&rows, 4, &map) else { panic!("a bad amount is refused") };
        assert_eq!(problems[0].zh, "第5行，交易金额[ Trade Amount ]：“1.234,00”不是金额");
        let Err(Refused::Mapping(problems)) = read_mapped(&rows, 40, &map) else { panic!("no row 40") };
        assert_eq!(problems[0].field, "heading_row");
    }
}
