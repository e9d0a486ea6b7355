//! Which column of the user's file holds which field of an import. Found by the field's
//! own name, by the headings people (and our own exports) use for it in either language,
//! or by the mapping the user chose the last time a file with the same headings came in.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::import_file::ImportKind;

/// One field of the import and the file's column chosen for it (None: not in the file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ColumnChoice {
    pub field: String,
    /// Index of the file's column.
    pub source: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Mapping {
    pub choices: Vec<ColumnChoice>,
}

/// A file's layout: its headings, folded, in order. Two files with the same headings are
/// the same layout whatever rows they hold.
pub fn layout_of(header: &[String]) -> String {
    let folded: Vec<String> = header.iter().map(|h| fold(h)).collect();
    let digest = Sha256::digest(folded.join("\u{1f}").as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

pub(crate) fn setting_key(kind: ImportKind, layout: &str) -> String {
    format!("import_mapping.{}.{layout}", kind.name())
}

/// A heading as compared: case, spaces, `_` and `-` aside.
pub(crate) fn fold(text: &str) -> String {
    text.trim().to_lowercase().replace(['_', '-'], " ").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A heading as matched against a field's names: folded, and every space aside too, so a
/// heading broken over two lines ("客户\n编号", read as "客户 编号") is 客户编号.
pub(crate) fn compact(text: &str) -> String {
    fold(text).replace(' ', "")
}

/// Headings that mean a field, besides its own name; the first is what our exports print.
pub fn aliases(field: &str) -> &'static [&'static str] {
    match field {
        "code" => &["客户编号", "编号", "客户代码", "代码", "客户编码", "customer code"],
        "name" => &["客户名称", "名称", "客户", "公司名称", "客户简称", "客户全称", "customer name", "customer"],
        "kind" => &["类型", "客户类型", "type", "customer type"],
        "phone" => &["电话", "联系电话", "手机", "手机号", "tel", "telephone", "mobile"],
        "address" => &["地址", "送货地址"],
        "payment_terms" => &["付款条件", "账期", "结算方式", "terms"],
        "credit_limit" => &["信用额度", "额度", "limit"],
        "salesperson" => &["业务员", "销售员", "sales", "sales rep"],
        "customer_code" => &["客户编号", "客户代码", "编号", "客户编码", "code", "customer"],
        "date" => &["日期", "单据日期", "收款日期", "送货日期", "发货日期", "doc date"],
        "amount" => {
            &["金额", "收款金额", "余额", "期初余额", "期初应收", "应收余额", "应收金额", "欠款金额", "欠款", "balance"]
        }
        "due_date" => &["到期日", "到期日期", "due"],
        "number" => &["单号", "编号", "单据编号", "送货单号", "收款单号", "单据号", "no", "no."],
        "item" => &["品名", "商品", "货品", "名称", "product", "goods"],
        "quantity" => &["数量", "qty"],
        "unit_price" => &["单价", "price"],
        "method" => &["方式", "付款方式", "收款方式", "payment method"],
        "reference" => &["参考号", "凭证号", "流水号", "ref"],
        _ => &[],
    }
}

/// The column each field is taken from when nothing was remembered: its own name first,
/// then its aliases; a column is given to one field at most.
pub fn guess(kind: ImportKind, header: &[String]) -> Mapping {
    let folded: Vec<String> = header.iter().map(|h| compact(h)).collect();
    let mut taken = vec![false; header.len()];
    let fields = kind.columns();
    let mut found: Vec<Option<u32>> = vec![None; fields.len()];
    // Exact names first, for every field, so an alias never steals a field's own column.
    for (f, field) in fields.iter().enumerate() {
        if let Some(i) = folded.iter().position(|h| *h == compact(field)) {
            found[f] = Some(i as u32);
            taken[i] = true;
        }
    }
    for (f, field) in fields.iter().enumerate() {
        if found[f].is_some() {
            continue;
        }
        let hit = aliases(field)
            .iter()
            .find_map(|alias| folded.iter().enumerate().position(|(i, h)| !taken[i] && *h == compact(alias)));
        if let Some(i) = hit {
            found[f] = Some(i as u32);
            taken[i] = true;
        }
    }
    Mapping {
        choices: fields
            .iter()
            .zip(found)
            .map(|(field, source)| ColumnChoice { field: field.to_string(), source })
            .collect(),
    }
}

impl Mapping {
    pub fn source_of(&self, field: &str) -> Option<u32> {
        self.choices.iter().find(|c| c.field == field).and_then(|c| c.source)
    }

    /// The file's headings renamed: each chosen column to its field, every other column to a
    /// name no field has, so only the chosen columns are read.
    pub fn header_for(&self, width: usize) -> Vec<String> {
        (0..width)
            .map(|i| {
                self.choices
                    .iter()
                    .find(|c| c.source == Some(i as u32))
                    .map_or_else(|| format!("(unused {})", i + 1), |c| c.field.clone())
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn headings_in_chinese_or_english_find_their_fields() {
        let m = guess(ImportKind::Payments, &header(&["收款单号", "客户编号", "日期", "金额", "方式", "备注"]));
        assert_eq!(m.source_of("number"), Some(0));
        assert_eq!(m.source_of("customer_code"), Some(1));
        assert_eq!(m.source_of("amount"), Some(3));
        assert_eq!(m.source_of("reference"), None);
        let own = guess(ImportKind::Customers, &header(&["Name", "CODE", "Payment Terms"]));
        assert_eq!(
            (own.source_of("code"), own.source_of("name"), own.source_of("payment_terms")),
            (Some(1), Some(0), Some(2))
        );
    }

    #[test]
    fn a_heading_broken_over_two_lines_finds_its_field() {
        let m = guess(ImportKind::Customers, &header(&["客户 编号", "客户\n名称", "Payment  Terms"]));
        assert_eq!(
            (m.source_of("code"), m.source_of("name"), m.source_of("payment_terms")),
            (Some(0), Some(1), Some(2))
        );
    }

    #[test]
    fn a_field_name_is_never_taken_by_another_fields_alias() {
        // "编号" is an alias of customer_code, but "number" names its own column here.
        let m = guess(ImportKind::Payments, &header(&["编号", "number"]));
        assert_eq!(m.source_of("number"), Some(1));
        assert_eq!(m.source_of("customer_code"), Some(0));
    }

    #[test]
    fn the_layout_ignores_case_and_spacing_but_not_order() {
        assert_eq!(layout_of(&header(&["Code", " Name "])), layout_of(&header(&["code", "name"])));
        assert_ne!(layout_of(&header(&["code", "name"])), layout_of(&header(&["name", "code"])));
        let m = Mapping { choices: vec![ColumnChoice { field: "code".into(), source: Some(1) }] };
        assert_eq!(m.header_for(3), ["(unused 1)", "code", "(unused 3)"]);
    }
}
