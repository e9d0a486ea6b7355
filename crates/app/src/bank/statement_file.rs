//! A statement file's bytes read as its incoming lines: CSV in any office encoding (banks
//! write GBK, Alipay GB18030, WeChat UTF-8 with a BOM) or a workbook, its layout recognised by
//! its headings or forced. Nothing is written anywhere: this only reads what it is given.

use huikuan_domain::bank::{read_statement, Layout, Refused, Statement};

use crate::error::{AppError, RowError};
use crate::sheets::read_grid;
pub(crate) use crate::sheets::GridRows;

/// How the file was read, for the preview: "csv", "xlsx", "xls" or "ods", and a CSV file's
/// encoding ("GBK", "UTF-8 (BOM)"...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct SourceInfo {
    pub format: &'static str,
    pub encoding: Option<&'static str>,
}

/// Reads a statement file by a preset; a file that is no statement, or with any row that
/// cannot be read, is refused with every such row named.
pub fn read_statement_file(bytes: &[u8], layout: Option<Layout>) -> Result<(Statement, SourceInfo), AppError> {
    let (format, encoding, rows) = read_grid(bytes)?;
    let statement = read_statement(&rows, layout).map_err(refusal)?;
    Ok((statement, SourceInfo { format, encoding }))
}

/// A statement refused: "not a statement" on its own (the user may choose the columns), the
/// bad rows all named.
pub(crate) fn refusal(refused: Refused) -> AppError {
    match refused {
        Refused::NotAStatement(p) => AppError::NotAStatement(RowError::new(p.row, p.en, p.zh)),
        other => AppError::ImportRejected(
            other.into_problems().into_iter().map(|p| RowError::new(p.row, p.en, p.zh)).collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use huikuan_domain::bank::Source;

    use super::*;

    /// Each line as (row, date, cents, payer, account, serial).
    fn lines(statement: &Statement) -> Vec<(u64, NaiveDate, i64, &str, &str, &str)> {
        statement
            .lines
            .iter()
            .map(|l| (l.row, l.date, l.amount.cents(), &*l.payer, &*l.payer_account, &*l.serial))
            .collect()
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_gbk_icbc_csv_with_a_preamble_and_padded_cells_is_read_to_its_incoming_lines() {
        let text = "中国工商银行借记卡账户历史明细\r\n\
            卡号: 6222021234567890123\r\n\
            起止日期: 2026-05-01 -- 2026-05-31\r\n\
            \r\n\
            交易日期,摘要,交易详情,交易场所,交易金额（收入）,交易金额（支出）,记账金额(收入/支出),余额,对方户名,对方账户\r\n\
            2026-05-08\t ,跨行汇款\t,货款 HL001 ,\t,\"1,234.50\" \t,\t,\"+1,234.50\",\"12,000.00\",上海华联超市有限公司\t ,6222 0212 3456 7890 123\t\r\n\
            2026-05-06\t ,消费\t,美团 ,\t, \t,56.00\t,-56.00,\"10,765.50\",\t,\t\r\n\
            2026-05-02\t ,转账\t,定金 ,\t,300.00 \t,\t,+300.00,\"10,821.50\",王建国\t ,\t\r\n\
            合计,,,,\"1,534.50\",56.00,,,,\r\n";
        let (bytes, _, unmappable) = encoding_rs::GBK.encode(text);
        assert!(!unmappable);
        let (statement, source) = read_statement_file(&bytes, None).unwrap();
        assert_eq!(source, SourceInfo { format: "csv", encoding: Some("GBK") });
        assert_eq!((statement.layout, statement.heading_row), (Layout::Icbc, 5));
        assert_eq!(
            lines(&statement),
            [
                (6, day(2026, 5, 8), 123_450, "上海华联超市有限公司", "6222021234567890123", ""),
                (8, day(2026, 5, 2), 30_000, "王建国", "", ""),
            ]
        );
        assert_eq!(statement.lines[0].memo, "跨行汇款 货款 HL001");
        let skipped: Vec<(u64, &str)> = statement.skipped.iter().map(|s| (s.row, s.en.as_str())).collect();
        assert_eq!(skipped, [(7, "outgoing"), (9, "not a statement line (\"合计\")")]);
    }

    #[test]
    fn a_gb18030_alipay_csv_with_its_long_preamble_and_padding_is_read() {
        let mut text = String::from(
            "------------------------------------------------------------------------------------\r\n\
             导出信息：\r\n姓名：王小明\r\n支付宝账户：wang***@163.com\r\n\
             起始时间：[2026-05-01 00:00:00]    终止时间：[2026-05-31 23:59:59]\r\n\
             导出交易类型：[全部]\r\n导出时间：[2026-06-01 10:00:00]\r\n共3笔记录\r\n\
             收入：2笔 1,100.00元\r\n支出：0笔 0.00元\r\n不计收支：1笔 100.00元\r\n\r\n\
             特别提示：\r\n\
             1.本回单内容可表明支付宝受理了您的支付申请，但不代表资金已实际到账\r\n\
             2.您可以通过支付宝官方渠道核验本回单\r\n\
             ----------------------支付宝（中国）网络技术有限公司  电子客户回单------------------------\r\n\
             交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,\r\n",
        );
        let bill = [
            [
                "2026-05-21 09:00:00",
                "转账红包",
                "杭州某某商行",
                "shop***@126.com",
                "货款 HK1002",
                "收入",
                "800.00",
                "",
                "交易成功",
                "2026052120004001110088001234",
            ],
            [
                "2026-05-20 15:30:12",
                "转账红包",
                "七七🍀",
                "qian***@qq.com",
                "收款",
                "收入",
                "300.00",
                "",
                "交易成功",
                "2026052020004001110088005678",
            ],
            [
                "2026-05-19 09:00:00",
                "投资理财",
                "余额宝",
                "/",
                "转入",
                "不计收支",
                "100.00",
                "余额",
                "交易成功",
                "2026051920004001110088000002",
            ],
        ];
        for row in bill {
            // Alipay pads each cell to its column's width and puts a tab after the order numbers.
            let cells: Vec<String> =
                row.iter().enumerate().map(|(i, c)| format!("{c:<12}{}", if i == 9 { "\t" } else { "" })).collect();
            text.push_str(&format!("{},          ,      ,\r\n", cells.join(",")));
        }
        text.push_str("------------------------------------------------------------------------------------\r\n");
        let (bytes, _, unmappable) = encoding_rs::GB18030.encode(&text);
        assert!(!unmappable);
        let (statement, source) = read_statement_file(&bytes, None).unwrap();
        // A nickname's emoji is in GB18030 but not in GBK.
        assert_eq!(source, SourceInfo { format: "csv", encoding: Some("GB18030") });
        assert_eq!((statement.layout, statement.heading_row), (Layout::Alipay, 17));
        assert_eq!(
            lines(&statement),
            [
                (18, day(2026, 5, 21), 80_000, "杭州某某商行", "shop***@126.com", "2026052120004001110088001234"),
                (19, day(2026, 5, 20), 30_000, "七七🍀", "qian***@qq.com", "2026052020004001110088005678"),
            ]
        );
        assert!(statement.lines.iter().all(|l| l.source == Source::Alipay));
        let skipped: Vec<u64> = statement.skipped.iter().map(|s| s.row).collect();
        assert_eq!(skipped, [20, 21], "the neutral line and the closing rule");
    }

    #[test]
    fn a_utf8_wechat_csv_with_a_bom_is_read() {
        let text = "\u{FEFF}微信支付账单明细,,,,,,,,,,\n\
            微信昵称：[小王],,,,,,,,,,\n\
            起始时间：[2026-05-01 00:00:00] 终止时间：[2026-05-31 23:59:59],,,,,,,,,,\n\
            导出类型：[全部],,,,,,,,,,\n\
            导出时间：[2026-06-01 09:00:00],,,,,,,,,,\n\
            ,,,,,,,,,,\n\
            共3笔记录,,,,,,,,,,\n\
            收入：2笔 1234.00元,,,,,,,,,,\n\
            支出：1笔 25.00元,,,,,,,,,,\n\
            中性交易：0笔 0.00元,,,,,,,,,,\n\
            注：,,,,,,,,,,\n\
            1. 充值/提现/理财通购买/零钱通存取/信用卡还款等交易，将计入中性交易,,,,,,,,,,\n\
            2. 本明细仅展示当前账单中的交易，不包括已删除的记录,,,,,,,,,,\n\
            3. 本明细仅供个人对账使用,,,,,,,,,,\n\
            ,,,,,,,,,,\n\
            ----------------------微信支付账单明细列表--------------------,,,,,,,,,,\n\
            交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注\n\
            2026-05-20 18:30:00,转账,王建国,\"转账备注:5月货款\",收入,\"¥1,200.00\",/,已收钱,1000050001202605201234567890\t,/\t,\"/\"\n\
            2026-05-19 12:00:00,商户消费,某餐厅,\"午餐\",支出,¥25.00,零钱,支付成功,4200001234202605191234\t,M123\t,\"/\"\n\
            2026-05-16 10:00:00,二维码收款,赵六,\"/\",收入,¥34.00,/,已存入零钱,1000050001202605162222\t,/\t,\"3号店\"\n";
        let (statement, source) = read_statement_file(text.as_bytes(), None).unwrap();
        assert_eq!(source, SourceInfo { format: "csv", encoding: Some("UTF-8 (BOM)") });
        assert_eq!((statement.layout, statement.heading_row), (Layout::Wechat, 17));
        assert_eq!(
            lines(&statement),
            [
                (18, day(2026, 5, 20), 120_000, "王建国", "", "1000050001202605201234567890"),
                (20, day(2026, 5, 16), 3_400, "赵六", "", "1000050001202605162222"),
            ]
        );
        assert_eq!((statement.lines[0].memo.as_str(), statement.lines[1].memo.as_str()), ("转账备注:5月货款", "3号店"));
        assert_eq!(statement.skipped.iter().map(|s| s.row).collect::<Vec<_>>(), [19]);
    }

    #[test]
    fn an_xlsx_cmb_statement_is_read() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "招商银行交易记录").unwrap();
        sheet.write_string(1, 0, "账号：6214830123456789").unwrap();
        let heading = ["记账日期", "货币", "交易金额", "联机余额", "交易摘要", "对手信息"];
        sheet.write_row(3, 0, heading).unwrap();
        // Dates as the bank writes them (text) and as a number cell; amounts as numbers.
        sheet.write_string(4, 0, "2026-05-12").unwrap();
        sheet.write_number(5, 0, 20260511).unwrap();
        sheet.write_string(6, 0, "2026-05-10").unwrap();
        for (row, amount, memo, counterparty) in [
            (4, 2000.0, "转账汇入", "王建国 6222021234567890123"),
            (5, -300.5, "快捷支付", "财付通"),
            (6, 88.8, "他行汇入", "6222 0212 3456 7890 999 李四"),
        ] {
            sheet.write_string(row, 1, "人民币").unwrap();
            sheet.write_number(row, 2, amount).unwrap();
            sheet.write_string(row, 4, memo).unwrap();
            sheet.write_string(row, 5, counterparty).unwrap();
        }
        let (statement, source) = read_statement_file(&book.save_to_buffer().unwrap(), None).unwrap();
        assert_eq!(source, SourceInfo { format: "xlsx", encoding: None });
        assert_eq!((statement.layout, statement.heading_row), (Layout::Cmb, 4));
        assert_eq!(
            lines(&statement),
            [
                (5, day(2026, 5, 12), 200_000, "王建国", "6222021234567890123", ""),
                (7, day(2026, 5, 10), 8_880, "李四", "6222021234567890999", ""),
            ]
        );
        assert_eq!(statement.skipped.iter().map(|s| (s.row, s.zh.as_str())).collect::<Vec<_>>(), [(6, "支出")]);
    }

    #[test]
    fn a_file_that_is_no_statement_or_has_a_bad_row_is_refused_naming_the_rows() {
        let refused = |bytes: &[u8]| match read_statement_file(bytes, None) {
            Err(AppError::ImportRejected(rows)) => {
                rows.iter().map(|r| (r.line, r.reason_zh.clone())).collect::<Vec<_>>()
            }
            Err(AppError::NotAStatement(row)) => vec![(row.line, row.reason_zh)],
            other => panic!("{other:?}"),
        };
        let customers = refused("客户编号,客户名称,电话\nC001,华联超市,021-12345678\n".as_bytes());
        assert_eq!(customers.len(), 1);
        assert!(customers[0].1.starts_with("这不是银行、微信支付或支付宝的对账单"), "{}", customers[0].1);
        let bad = refused(
            "交易日期,摘要,对方户名,收入,支出\n2026-05-01,转账,华联,abc,\n2026-05-32,转账,华联,5,\n".as_bytes(),
        );
        assert_eq!(
            bad,
            [(2, "第2行，收入：“abc”不是金额".to_string()), (3, "第3行，交易日期：“2026-05-32”不是日期".to_string())]
        );
        assert_eq!(refused(b"").len(), 1);
    }
}
