use chrono::NaiveDate;

use super::*;

/// A file's rows as the app gives them: one line per row, cells split at `|` (amounts hold
/// commas), blank lines left out but counted, padding kept as the export writes it.
fn grid(text: &str) -> Vec<(u64, Vec<String>)> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| (i as u64 + 1, line.split('|').map(str::to_string).collect()))
        .collect()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

/// Each line as (row, date, cents, payer, account, memo, serial).
fn brief(statement: &Statement) -> Vec<(u64, NaiveDate, i64, &str, &str, &str, &str)> {
    statement
        .lines
        .iter()
        .map(|l| (l.row, l.date, l.amount.cents(), &*l.payer, &*l.payer_account, &*l.memo, &*l.serial))
        .collect()
}

fn skipped(statement: &Statement) -> Vec<(u64, &str)> {
    statement.skipped.iter().map(|s| (s.row, s.zh.as_str())).collect()
}

#[test]
fn icbc_split_columns_are_read_below_the_preamble_and_the_total_footer_is_skipped() {
    let rows = grid(
        "中国工商银行借记卡账户历史明细(电子回单)
卡号: 6222021234567890123
起止日期: 2026-05-01 -- 2026-05-31

交易日期|摘要|交易详情|交易场所|交易金额（收入）|交易金额（支出）|记账金额(收入/支出)|余额|对方户名|对方账户
2026-05-08 \t|跨行汇款 |货款 HL001 |  |1,234.50 \t| |+1,234.50|12,000.00| 上海华联超市有限公司\t|3100 1234 5678
2026-05-06|消费|美团||| 56.00|-56.00|10,765.50||
2026-05-03|转账|||0.00|||10,821.50|张三|
合计|||| 1,234.50|56.00||||",
    );
    let statement = read_statement(&rows, None).expect("an ICBC statement");
    assert_eq!((statement.layout, statement.heading_row), (Layout::Icbc, 5));
    assert_eq!(
        brief(&statement),
        [(6, day(2026, 5, 8), 123_450, "上海华联超市有限公司", "310012345678", "跨行汇款 货款 HL001", "")]
    );
    assert_eq!(statement.lines[0].source, Source::Bank);
    assert_eq!(skipped(&statement), [(7, "支出"), (8, "金额为零或为空"), (9, "非交易明细行（“合计”）")]);
}

#[test]
fn cmb_signed_amounts_are_read_and_the_counterparty_cell_is_split_into_name_and_account() {
    let rows = grid(
        "# 招商银行交易记录
# 账号: [6214830123456789]
记账日期|货币|交易金额|联机余额|交易摘要|对手信息
20260512|人民币|+2,000.00|9,000.00|转账汇入|王建国 6222021234567890123
20260511|人民币|-300.00|7,000.00|快捷支付|财付通
20260510|人民币|800.00|7,300.00|他行汇入|6222 0212 3456 7890 999 李四
20260509|人民币|150.00|6,500.00|转账汇入|赵六
# 导出时间: [2026-05-31 10:00:00]",
    );
    let statement = read_statement(&rows, None).expect("a CMB statement");
    assert_eq!(statement.layout, Layout::Cmb);
    assert_eq!(
        brief(&statement),
        [
            (4, day(2026, 5, 12), 200_000, "王建国", "6222021234567890123", "转账汇入", ""),
            (6, day(2026, 5, 10), 80_000, "李四", "6222021234567890999", "他行汇入", ""),
            (7, day(2026, 5, 9), 15_000, "赵六", "", "转账汇入", ""),
        ]
    );
    assert_eq!(skipped(&statement), [(5, "支出"), (8, "非交易明细行（“# 导出时间: [2026-05-31 10:00:00]”）")]);
}

#[test]
fn ccb_statements_are_recognised_by_their_headings() {
    let rows = grid(
        "中国建设银行个人活期账户交易明细
交易日期|摘要|对方户名|对方账号|收入|支出|余额|交易流水号
2026/5/20|转账存入|华联超市|=\"6217001234567890\"|5,000.00|0.00|15,000.00|'A20260520001
2026/5/19|转账支出|房东|6217009999888877|0.00|3,000.00|10,000.00|A20260519002",
    );
    let statement = read_statement(&rows, None).expect("a CCB statement");
    assert_eq!((statement.layout, statement.heading_row), (Layout::Ccb, 2));
    assert_eq!(
        brief(&statement),
        [(3, day(2026, 5, 20), 500_000, "华联超市", "6217001234567890", "转账存入", "A20260520001")]
    );
    assert_eq!(skipped(&statement), [(4, "支出")]);
}

#[test]
fn a_corporate_statement_of_another_bank_is_read_by_its_credit_and_debit_columns() {
    let rows = grid(
        "账户明细查询
账号：1001 2345 6789|户名：杭州某某贸易有限公司
交易时间|借方发生额|贷方发生额|余额|对方单位|对方账号|用途|凭证号
2026年5月3日 09:15:00||12,800.00|50,000.00|宁波某某商贸有限公司|33050161234500000123|付4月货款 HK-2026-041|V0001
交易时间|借方发生额|贷方发生额|余额|对方单位|对方账号|用途|凭证号
2026年5月4日 11:00:00|1,000.00||49,000.00|某某物流|1234567890123||V0002
总计|1,000.00|12,800.00||||||",
    );
    let statement = read_statement(&rows, None).expect("a corporate statement");
    assert_eq!(statement.layout, Layout::Generic);
    assert_eq!(
        brief(&statement),
        [(
            4,
            day(2026, 5, 3),
            1_280_000,
            "宁波某某商贸有限公司",
            "33050161234500000123",
            "付4月货款 HK-2026-041",
            "V0001"
        )]
    );
    // The heading again, as exports of many pages repeat it, is no line either.
    assert_eq!(skipped(&statement), [(5, "非交易明细行（“交易时间”）"), (6, "支出"), (7, "非交易明细行（“总计”）")]);
}

#[test]
fn a_debit_credit_flag_tells_which_way_an_unsigned_amount_went() {
    let rows = grid(
        "交易日期|借贷标志|发生额|对方户名|摘要
2026-05-01|贷|500.00|华联|货款
2026-05-02|借|200.00|房东|房租
2026-05-03|?|300.00|某人|",
    );
    let problems = read_statement(&rows, None).expect_err("an unknown flag is not guessed").into_problems();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].zh, "第4行，借贷标志：“?”无法判断是收入还是支出");
    let statement = read_statement(&rows[..3], None).expect("in and out told apart");
    assert_eq!(brief(&statement), [(2, day(2026, 5, 1), 50_000, "华联", "", "货款", "")]);
    assert_eq!(skipped(&statement), [(3, "支出")]);
}

const WECHAT: &str = "微信支付账单明细|||||||||
微信昵称：[小王]|||||||||
起始时间：[2026-05-01 00:00:00] 终止时间：[2026-05-31 23:59:59]|||||||||
导出类型：[全部]|||||||||
导出时间：[2026-06-01 09:00:00]|||||||||

共5笔记录|||||||||
收入：3笔 1468.00元|||||||||
支出：1笔 25.00元|||||||||
中性交易：1笔 100.00元|||||||||
注：|||||||||
1. 充值/提现/理财通购买/零钱通存取/信用卡还款等交易，将计入中性交易|||||||||
2. 本明细仅展示当前账单中的交易，不包括已删除的记录|||||||||
3. 本明细仅供个人对账使用|||||||||

----------------------微信支付账单明细列表--------------------|||||||||
交易时间|交易类型|交易对方|商品|收/支|金额(元)|支付方式|当前状态|交易单号|商户单号|备注
2026-05-20 18:30:00|转账|王建国|转账备注:5月货款|收入|¥1,234.00|/|已收钱|1000050001202605201234567890\t|/\t|/
2026-05-19 12:00:00|商户消费|某餐厅|午餐|支出|¥25.00|零钱|支付成功|4200001234202605191234\t|M123\t|/
2026-05-18 08:00:00|零钱提现|招商银行(1234)|/|/|¥100.00|零钱|提现已到账|2300001234\t|/|/
2026-05-17 10:00:00|二维码收款|李四|/|收入|¥200.00|/|已全额退款|1000050001202605171111\t|/|/
2026-05-16 10:00:00|二维码收款|赵六|/|收入|¥34.00|/|已存入零钱|1000050001202605162222\t|/|3号店";

#[test]
fn wechat_bill_income_is_read_and_outgoing_neutral_and_refunded_lines_are_skipped() {
    let statement = read_statement(&grid(WECHAT), None).expect("a WeChat bill");
    assert_eq!((statement.layout, statement.heading_row), (Layout::Wechat, 17));
    assert_eq!(
        brief(&statement),
        [
            (18, day(2026, 5, 20), 123_400, "王建国", "", "转账备注:5月货款", "1000050001202605201234567890"),
            (22, day(2026, 5, 16), 3_400, "赵六", "", "3号店", "1000050001202605162222"),
        ]
    );
    assert!(statement.lines.iter().all(|l| l.source == Source::Wechat));
    assert_eq!(
        skipped(&statement),
        [
            (19, "支出"),
            (20, "不计收支（收/支：“/”）"),
            (21, "当前状态“已全额退款”：款项未实收（已退款、已关闭或失败）"),
        ]
    );
}

#[test]
fn alipay_bill_with_padded_cells_skips_neutral_and_closed_trades() {
    let rows = grid(
        "------------------------------------------------------------------------------------
导出信息：
姓名：王小明
支付宝账户：wang***@163.com
起始时间：[2026-05-01 00:00:00]    终止时间：[2026-05-31 23:59:59]
导出交易类型：[全部]
导出时间：[2026-06-01 10:00:00]
共4笔记录
收入：2笔 800.00元
支出：1笔 50.00元
不计收支：1笔 100.00元

特别提示：
1.本回单内容可表明支付宝受理了您的支付申请
----------------------支付宝（中国）网络技术有限公司  电子客户回单------------------------
交易时间|交易分类|交易对方|对方账号|商品说明|收/支|金额|收/付款方式|交易状态|交易订单号|商家订单号|备注|
2026-05-21 09:00:00 \t|转账红包    |杭州某某商行      |shop***@126.com   |收款-货款 HK1002   |收入    |800.00    |        |交易成功  |20260521200040011100880012345678\t|          |      |
2026-05-20 09:00:00 \t|餐饮美食    |某面馆            |/                 |面条               |支出    |50.00     |余额宝  |交易成功  |20260520200040011100880000000001\t|M0001\t   |      |
2026-05-19 09:00:00 \t|投资理财    |余额宝            |/                 |转入               |不计收支|100.00    |余额    |交易成功  |20260519200040011100880000000002\t|          |      |
2026-05-18 09:00:00 \t|转账红包    |钱七              |qian***@qq.com    |收款               |收入    |300.00    |        |交易关闭  |20260518200040011100880000000003\t|          |      |",
    );
    let statement = read_statement(&rows, None).expect("an Alipay bill");
    assert_eq!((statement.layout, statement.heading_row), (Layout::Alipay, 16));
    assert_eq!(
        brief(&statement),
        [(
            17,
            day(2026, 5, 21),
            80_000,
            "杭州某某商行",
            "shop***@126.com",
            "收款-货款 HK1002",
            "20260521200040011100880012345678"
        )]
    );
    assert_eq!(statement.lines[0].source, Source::Alipay);
    assert_eq!(
        skipped(&statement),
        [
            (18, "支出"),
            (19, "不计收支（收/支：“不计收支”）"),
            (20, "交易状态“交易关闭”：款项未实收（已退款、已关闭或失败）"),
        ]
    );
}

#[test]
fn a_customer_list_is_refused_with_one_problem_naming_the_expected_headings() {
    let rows = grid("客户编号|客户名称|电话|账期\nC001|华联超市|021-12345678|月结30天\n");
    let problems = read_statement(&rows, None).expect_err("not a statement").into_problems();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].row, 1);
    assert!(problems[0].en.contains("not a bank, WeChat Pay or Alipay statement"), "{}", problems[0].en);
    assert!(problems[0].zh.contains("交易金额(收入)") && problems[0].zh.contains("当前状态"), "{}", problems[0].zh);
    // Dated amounts with nothing saying who paid are no statement either (an opening balance list).
    assert!(read_statement(&grid("客户编号|日期|金额\nC1|2026-01-01|5\n"), None).is_err());
}

#[test]
fn a_forced_layout_finds_its_own_heading_and_refuses_another() {
    let wechat = grid(WECHAT);
    assert_eq!(read_statement(&wechat, Some(Layout::Wechat)).map(|s| s.heading_row), Ok(17));
    let problems = read_statement(&wechat, Some(Layout::Icbc)).expect_err("no ICBC heading").into_problems();
    assert_eq!(problems.len(), 1);
    assert!(problems[0].zh.contains("工商银行") && !problems[0].zh.contains("当前状态"), "{}", problems[0].zh);
}

#[test]
fn bad_dates_and_amounts_are_reported_by_row_and_column_while_every_row_is_checked() {
    let rows = grid(
        "交易日期|摘要|对方户名|对方账号|收入|支出|余额
2026-13-01|转账|华联|123|100.00||100.00
2026-05-02|转账|华联|123|1.005||100.00
2026-05-03|转账|华联|123|100.00||200.00
|转账|华联|123|50.00||250.00
2026-05-05|转账|华联|123|五十||250.00
合计||||250.00||",
    );
    let problems = read_statement(&rows, None).expect_err("bad rows").into_problems();
    let said: Vec<(u64, &str, &str)> = problems.iter().map(|p| (p.row, p.en.as_str(), p.zh.as_str())).collect();
    assert_eq!(
        said,
        [
            (2, "row 2, 交易日期: \"2026-13-01\" is not a date", "第2行，交易日期：“2026-13-01”不是日期"),
            (
                3,
                "row 3, 收入: \"1.005\" has more than 2 decimals (amounts are never rounded)",
                "第3行，收入：“1.005”超过两位小数（金额不作四舍五入）"
            ),
            (5, "row 5, 交易日期: empty, but the row has an amount", "第5行，交易日期：为空，但该行有金额"),
            (6, "row 6, 收入: \"五十\" is not an amount", "第6行，收入：“五十”不是金额"),
        ]
    );
}

fn line(serial: &str, payer: &str, memo: &str) -> StatementLine {
    StatementLine {
        row: 7,
        date: day(2026, 5, 1),
        amount: Money::from_cents(123_450),
        payer: payer.into(),
        payer_account: String::new(),
        memo: memo.into(),
        serial: serial.into(),
        source: Source::Wechat,
    }
}

#[test]
fn the_same_serial_is_the_same_key_and_without_one_the_date_amount_payer_and_memo_are() {
    let mut again = line("4200001", "王建国", "货款");
    again.row = 30;
    again.memo = "另一个备注".into();
    assert_eq!(line("4200001", "王建国", "货款").key(), "serial:wechat:4200001");
    assert_eq!(line("4200001", "王建国", "货款").key(), again.key(), "the serial alone says which line it is");
    assert_eq!(line("", "王建国", "5月 货款").key(), "line:wechat:2026-05-01:123450:王建国:5月 货款");
    assert_eq!(line("", " 王建国 ", "5月 \t货款").key(), line("", "王建国", "5月 货款").key());
    assert_ne!(line("", "王建国", "货款").key(), line("", "王建国", "定金").key());
}

#[test]
fn layouts_are_named_and_say_where_the_money_came_from() {
    for layout in Layout::ALL {
        assert_eq!(Layout::from_name(layout.name()), Some(layout));
    }
    assert_eq!(Layout::from_name("boc"), None);
    assert_eq!(
        (Layout::Wechat.source(), Layout::Alipay.source(), Layout::Cmb.source()),
        (Source::Wechat, Source::Alipay, Source::Bank)
    );
}
