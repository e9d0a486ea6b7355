//! An invoice list as the tax platform exports it (全量发票查询) or as kept in a spreadsheet:
//! the heading found below any title rows by the words the platform uses, each row read as
//! an invoice issued, or left out with why (void, red-letter, a total), or refused naming its
//! row and column.

use chrono::NaiveDate;

use super::{InvoiceKind, TaxRate};
use crate::money::Money;
use crate::typed::{compact, normalize, parse_amount_typed, parse_date_with_year};

/// How far down the heading is looked for.
const HEADING_WITHIN: usize = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Code,
    /// 数电票号码: the whole number of a 数电票; empty on a paper invoice's row.
    Digital,
    Number,
    Date,
    Buyer,
    TaxId,
    Net,
    Tax,
    Total,
    Kind,
    Status,
    Rate,
}

/// The headings of each field, the first found winning (数电票号码 over 发票号码).
const HEADINGS: &[(Field, &[&str])] = &[
    (Field::Digital, &["数电票号码", "数电发票号码", "全电发票号码"]),
    (Field::Number, &["发票号码"]),
    (Field::Code, &["发票代码"]),
    (Field::Date, &["开票日期", "开票时间", "日期"]),
    (Field::Buyer, &["购买方名称", "购方名称", "购货方名称", "客户名称"]),
    (
        Field::TaxId,
        &["购方识别号", "购买方纳税人识别号", "购买方识别号", "购方纳税人识别号", "购方税号", "纳税人识别号"],
    ),
    (Field::Net, &["金额", "不含税金额"]),
    (Field::Tax, &["税额"]),
    (Field::Total, &["价税合计", "含税金额"]),
    (Field::Kind, &["发票票种", "票种", "发票种类", "发票类型"]),
    (Field::Status, &["发票状态", "状态"]),
    (Field::Rate, &["税率", "征收率"]),
];

/// The user's columns (0-based) for a list whose headings are not the platform's.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct InvoiceColumns {
    pub number: Option<u32>,
    pub code: Option<u32>,
    pub date: Option<u32>,
    pub buyer: Option<u32>,
    pub tax_id: Option<u32>,
    pub net: Option<u32>,
    pub tax: Option<u32>,
    pub total: Option<u32>,
    pub kind: Option<u32>,
    pub status: Option<u32>,
    pub rate: Option<u32>,
}

impl InvoiceColumns {
    pub const FIELDS: [&'static str; 11] =
        ["number", "code", "date", "buyer", "tax_id", "net", "tax", "total", "kind", "status", "rate"];

    /// Sets `field` to `column`; false for no such field.
    pub fn set(&mut self, field: &str, column: u32) -> bool {
        let slot = match field {
            "number" => &mut self.number,
            "code" => &mut self.code,
            "date" => &mut self.date,
            "buyer" => &mut self.buyer,
            "tax_id" => &mut self.tax_id,
            "net" => &mut self.net,
            "tax" => &mut self.tax,
            "total" => &mut self.total,
            "kind" => &mut self.kind,
            "status" => &mut self.status,
            "rate" => &mut self.rate,
            _ => return false,
        };
        *slot = Some(column);
        true
    }

    fn found(&self) -> Vec<(Field, usize)> {
        let all = [
            (Field::Number, self.number),
            (Field::Code, self.code),
            (Field::Date, self.date),
            (Field::Buyer, self.buyer),
            (Field::TaxId, self.tax_id),
            (Field::Net, self.net),
            (Field::Tax, self.tax),
            (Field::Total, self.total),
            (Field::Kind, self.kind),
            (Field::Status, self.status),
            (Field::Rate, self.rate),
        ];
        all.into_iter().filter_map(|(f, c)| c.map(|c| (f, c as usize))).collect()
    }

    /// What is wrong with the columns for a heading `width` wide, said about its field.
    pub fn problems(&self, width: usize) -> Vec<(&'static str, String, String)> {
        let mut said = Vec::new();
        if self.number.is_none() {
            said.push(("number", "choose the column with the invoice number".into(), "请选择发票号码所在的列".into()));
        }
        if self.date.is_none() {
            said.push(("date", "choose the column with the date issued".into(), "请选择开票日期所在的列".into()));
        }
        if self.total.is_none() && (self.net.is_none() || self.tax.is_none()) {
            said.push((
                "total",
                "choose the amount with tax, or the amount and the tax".into(),
                "请选择价税合计列，或金额列和税额列".into(),
            ));
        }
        let mut seen = Vec::new();
        for (field, column) in Self::FIELDS.iter().zip(self.found_by_name()) {
            let Some(column) = column else { continue };
            if column as usize >= width {
                said.push((*field, "is past the last column of the heading".into(), "超出表头的最后一列".into()));
            } else if seen.contains(&column) {
                said.push((
                    *field,
                    "is a column already chosen for another field".into(),
                    "该列已被其他字段选用".into(),
                ));
            }
            seen.push(column);
        }
        said
    }

    fn found_by_name(&self) -> [Option<u32>; 11] {
        [
            self.number,
            self.code,
            self.date,
            self.buyer,
            self.tax_id,
            self.net,
            self.tax,
            self.total,
            self.kind,
            self.status,
            self.rate,
        ]
    }
}

/// Reads the rows under `heading_row` by the user's columns; refusals as `read_invoice_list`'s.
pub fn read_invoice_list_by(
    rows: &[(u64, Vec<String>)],
    heading_row: u64,
    chosen: &InvoiceColumns,
) -> Result<InvoiceList, Vec<ListedRow>> {
    let Some(at) = rows.iter().position(|(row, _)| *row == heading_row) else {
        return Err(vec![ListedRow {
            row: heading_row,
            en: format!("row {heading_row} is not in the file (or is blank)"),
            zh: format!("文件中没有第{heading_row}行（或该行为空）"),
        }]);
    };
    let said = chosen.problems(rows[at].1.len());
    if !said.is_empty() {
        return Err(said
            .into_iter()
            .map(|(field, en, zh)| ListedRow {
                row: heading_row,
                en: format!("{field}: {en}"),
                zh: format!("{field}：{zh}"),
            })
            .collect());
    }
    read_under(rows, at, &chosen.found())
}

/// An invoice of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedInvoice {
    pub row: u64,
    pub code: String,
    pub number: String,
    pub kind: Option<InvoiceKind>,
    pub date: NaiveDate,
    pub buyer: String,
    pub tax_id: String,
    /// With tax.
    pub amount: Money,
    pub tax: Money,
    pub rate: TaxRate,
}

/// A row left out (a void or red-letter invoice, a total) or refused, with why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedRow {
    pub row: u64,
    pub en: String,
    pub zh: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct InvoiceList {
    pub invoices: Vec<ListedInvoice>,
    pub skipped: Vec<ListedRow>,
}

fn key(cell: &str) -> String {
    compact(cell).trim_end_matches(':').replace(['（', '）'], "").replace(['(', ')'], "")
}

/// Where each field is in a heading row; None unless it has a number, a date and an amount.
fn columns(cells: &[String]) -> Option<Vec<(Field, usize)>> {
    let keys: Vec<String> = cells.iter().map(|c| key(c)).collect();
    let mut found = Vec::new();
    for (field, names) in HEADINGS {
        let at = names.iter().find_map(|n| keys.iter().position(|k| k == &key(n)));
        if let Some(at) = at.filter(|at| !found.iter().any(|(_, i)| i == at)) {
            found.push((*field, at));
        }
    }
    let has = |f: Field| found.iter().any(|(g, _)| *g == f);
    ((has(Field::Number) || has(Field::Digital))
        && has(Field::Date)
        && (has(Field::Total) || (has(Field::Net) && has(Field::Tax))))
    .then_some(found)
}

/// The rate a tax gives an amount with tax, when it is one of the rates in force.
fn rate_of(amount: Money, tax: Money) -> TaxRate {
    let fits = |p: u8| (super::check::expected_tax(amount, p).cents() - tax.cents()).abs() <= 1;
    TaxRate::PERCENTS.into_iter().find(|p| fits(*p)).map_or(TaxRate::Mixed, TaxRate::Percent)
}

struct Row<'a> {
    row: u64,
    cells: &'a [String],
    columns: &'a [(Field, usize)],
    headings: &'a [String],
}

impl Row<'_> {
    fn text(&self, field: Field) -> String {
        let at = self.columns.iter().find(|(f, _)| *f == field).map(|(_, i)| *i);
        at.and_then(|i| self.cells.get(i))
            .map(|c| normalize(c).trim().trim_start_matches(['\'', '`']).to_string())
            .unwrap_or_default()
    }

    /// A 数电票's number where the row has one, else its 发票号码.
    fn number(&self) -> String {
        Some(self.text(Field::Digital)).filter(|n| !n.is_empty()).unwrap_or_else(|| self.text(Field::Number))
    }

    fn heading(&self, field: Field) -> String {
        let at = self.columns.iter().find(|(f, _)| *f == field).map(|(_, i)| *i);
        at.and_then(|i| self.headings.get(i)).cloned().unwrap_or_default()
    }

    fn refused(&self, field: Field, en: &str, zh: &str) -> ListedRow {
        let (row, heading, value) = (self.row, self.heading(field), self.text(field));
        ListedRow {
            row,
            en: format!("row {row}, {heading}: \"{value}\" {en}"),
            zh: format!("第{row}行，{heading}：“{value}”{zh}"),
        }
    }

    fn amount(&self, field: Field) -> Result<Money, ListedRow> {
        let text = self.text(field).replace(['¥', '￥'], "");
        parse_amount_typed(&text).map_err(|_| self.refused(field, "is not an amount", "不是金额"))
    }

    fn read(&self) -> Result<Result<ListedInvoice, ListedRow>, ListedRow> {
        let first = self.cells.iter().map(|c| key(c)).find(|c| !c.is_empty()).unwrap_or_default();
        if ["合计", "总计", "小计"].iter().any(|w| first.contains(w)) || self.number().is_empty() {
            return Ok(Err(ListedRow {
                row: self.row,
                en: "not an invoice (a total or a note)".into(),
                zh: "非发票行（合计或说明）".into(),
            }));
        }
        let status = self.text(Field::Status);
        if ["作废", "红冲", "已红冲", "失控", "异常"].iter().any(|w| status.contains(w)) {
            let en = format!("{status}: not recorded");
            return Ok(Err(ListedRow { row: self.row, en, zh: format!("{status}：不登记") }));
        }
        let date = parse_date_with_year(&self.text(Field::Date))
            .map_err(|_| self.refused(Field::Date, "is not a date", "不是日期"))?;
        let (amount, tax) = match self.columns.iter().any(|(f, _)| *f == Field::Total) {
            true => (self.amount(Field::Total)?, self.amount(Field::Tax).unwrap_or(Money::ZERO)),
            false => {
                let (net, tax) = (self.amount(Field::Net)?, self.amount(Field::Tax)?);
                (net + tax, tax)
            }
        };
        if amount.is_negative() {
            let en = "a red-letter invoice: record it by hand against the invoice it reverses".to_string();
            return Ok(Err(ListedRow {
                row: self.row, en, zh: "红字发票：请在被冲红的发票上手工登记".into()
            }));
        }
        let rate = TaxRate::parse(&self.text(Field::Rate)).unwrap_or_else(|| rate_of(amount, tax));
        Ok(Ok(ListedInvoice {
            row: self.row,
            code: self.text(Field::Code),
            number: self.number(),
            kind: InvoiceKind::from_words(&self.text(Field::Kind)),
            date,
            buyer: self.text(Field::Buyer),
            tax_id: self.text(Field::TaxId).to_uppercase(),
            amount,
            tax,
            rate,
        }))
    }
}

/// Whether a row of the first rows is a heading the platform's words recognise.
pub fn has_invoice_heading(rows: &[(u64, Vec<String>)]) -> bool {
    rows.iter().take(HEADING_WITHIN).any(|(_, cells)| columns(cells).is_some())
}

/// Reads an invoice list from its non-blank rows (row in the user's file, cells). A file with
/// no such heading, or with any row that cannot be read, is refused with every such row.
pub fn read_invoice_list(rows: &[(u64, Vec<String>)]) -> Result<InvoiceList, Vec<ListedRow>> {
    let window = &rows[..rows.len().min(HEADING_WITHIN)];
    let Some((at, columns)) = window.iter().enumerate().find_map(|(i, (_, cells))| columns(cells).map(|c| (i, c)))
    else {
        return Err(vec![ListedRow {
            row: 1,
            en: "this is not an invoice list: no heading with 发票号码 (or 数电票号码), 开票日期 and 价税合计 (or 金额 and 税额)".into(),
            zh: "这不是发票清单：找不到含发票号码（或数电票号码）、开票日期和价税合计（或金额和税额）的表头".into(),
        }]);
    };
    read_under(rows, at, &columns)
}

/// The rows under the heading at `at`, read by `columns`.
fn read_under(
    rows: &[(u64, Vec<String>)],
    at: usize,
    columns: &[(Field, usize)],
) -> Result<InvoiceList, Vec<ListedRow>> {
    let headings = &rows[at].1;
    let mut list = InvoiceList::default();
    let mut problems = Vec::new();
    for (row, cells) in &rows[at + 1..] {
        match (Row { row: *row, cells, columns, headings }).read() {
            Ok(Ok(invoice)) => list.invoices.push(invoice),
            Ok(Err(skipped)) => list.skipped.push(skipped),
            Err(problem) => problems.push(problem),
        }
    }
    if problems.is_empty() {
        Ok(list)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An invoice as the assertions compare it: row, code, number, kind, cents, rate.
    type Read<'a> = (u64, &'a str, &'a str, Option<InvoiceKind>, i64, TaxRate);

    fn grid(text: &str) -> Vec<(u64, Vec<String>)> {
        text.lines().enumerate().map(|(i, l)| (i as u64 + 1, l.split('|').map(str::to_string).collect())).collect()
    }

    #[test]
    fn a_platform_export_is_read_below_its_title_with_void_and_red_rows_left_out() {
        let rows = grid(
            "发票基础信息|||||||||
序号|发票代码|发票号码|数电票号码|销方识别号|购方识别号|购买方名称|开票日期|金额|税额|价税合计|发票状态|发票票种
1|||26332000000012345678|91330105MA27XK8L3Q|91330106mA2kxxxx1q|华联超市有限公司|2026-11-05 10:21:00|10000.00|1300.00|11300.00|正常|数电票（增值税专用发票）
2|031002300111|01234567||91330105MA27XK8L3Q|91330106MA2KXXXX2Q|建国五金|2026-11-06|1000.00|30.00|1030.00|正常|增值税普通发票（纸质）
3|||26332000000012345679|91330105MA27XK8L3Q|91330106MA2KXXXX1Q|华联超市有限公司|2026-11-07|100.00|13.00|113.00|已作废|数电票（普通发票）
4|||26332000000012345680|91330105MA27XK8L3Q|91330106MA2KXXXX1Q|华联超市有限公司|2026-11-08|-100.00|-13.00|-113.00|正常|数电票（增值税专用发票）
合计||||||||11000.00|1343.00|12443.00||",
        );
        let list = read_invoice_list(&rows).unwrap();
        let read: Vec<Read> = list
            .invoices
            .iter()
            .map(|i| (i.row, i.code.as_str(), i.number.as_str(), i.kind, i.amount.cents(), i.rate))
            .collect();
        assert_eq!(
            read,
            [
                (3, "", "26332000000012345678", Some(InvoiceKind::DigitalSpecial), 1_130_000, TaxRate::Percent(13)),
                (4, "031002300111", "01234567", Some(InvoiceKind::PaperNormal), 103_000, TaxRate::Percent(3)),
            ]
        );
        assert_eq!(list.invoices[0].tax_id, "91330106MA2KXXXX1Q");
        assert_eq!(list.skipped.iter().map(|s| s.row).collect::<Vec<_>>(), [5, 6, 7]);
    }

    #[test]
    fn a_file_that_is_no_invoice_list_or_has_a_bad_row_is_refused_naming_it() {
        assert!(read_invoice_list(&grid("客户编号|客户名称\nC001|华联")).is_err());
        let bad =
            read_invoice_list(&grid("发票号码|开票日期|价税合计\n26332000000012345678|2026-13-01|100")).unwrap_err();
        assert_eq!(bad[0].zh, "第2行，开票日期：“2026-13-01”不是日期");
    }
}
