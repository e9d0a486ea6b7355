//! Which column holds what, found by the headings each export writes. A heading is matched
//! whole (after full-width brackets and spaces are evened out), never by a part of it:
//! 交易金额 is CMB's signed amount, 交易金额(收入) ICBC's income.

use super::text::heading_key;
use super::Layout;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Date,
    /// Money in (收入, 贷方); its own column, the money out in `Debit`.
    Credit,
    Debit,
    /// One amount column: signed (+ in, − out), or unsigned beside a `Direction`.
    Signed,
    /// 收/支, 借贷标志: whether an unsigned amount came in or went out.
    Direction,
    Payer,
    Account,
    /// CMB's 对手信息: the payer's name and account number in one cell.
    PayerWithAccount,
    Memo,
    Serial,
    Status,
}

type Aliases = &'static [(Role, &'static [&'static str])];

/// Any bank's download, by the headings Chinese banks write. The first heading of a list found
/// in the file wins (交易日期 over a 交易时间 that may hold only the time of day).
const BANK: Aliases = &[
    (Role::Date, &["交易日期", "记账日期", "入账日期", "交易时间", "日期"]),
    (Role::Credit, &["交易金额(收入)", "收入", "收入金额", "贷方发生额", "贷方金额", "贷方"]),
    (Role::Debit, &["交易金额(支出)", "支出", "支出金额", "借方发生额", "借方金额", "借方"]),
    (Role::Signed, &["交易金额", "发生额", "金额", "金额(元)"]),
    (Role::Direction, &["借贷标志", "借贷方向", "借贷", "收支标志", "收/支", "收支"]),
    (
        Role::Payer,
        &["对方户名", "对方名称", "对方单位", "付款人名称", "付款人", "对方账户名", "对方账户名称", "交易对方"],
    ),
    (Role::Account, &["对方账号", "对方账户", "付款人账号", "对方卡号"]),
    (Role::PayerWithAccount, &["对手信息"]),
    (Role::Memo, &["摘要", "交易摘要", "用途", "附言", "交易附言", "备注", "交易详情"]),
    (Role::Serial, &["流水号", "交易流水号", "交易流水", "业务流水号", "凭证号"]),
];

const WECHAT: Aliases = &[
    (Role::Date, &["交易时间"]),
    (Role::Direction, &["收/支"]),
    (Role::Signed, &["金额(元)", "金额"]),
    (Role::Payer, &["交易对方"]),
    (Role::Memo, &["商品", "备注"]),
    (Role::Serial, &["交易单号"]),
    (Role::Status, &["当前状态"]),
];

/// Today's bill and the older one (交易创建时间, 商品名称, 金额（元）, 交易号).
const ALIPAY: Aliases = &[
    (Role::Date, &["交易时间", "交易创建时间", "付款时间"]),
    (Role::Direction, &["收/支"]),
    (Role::Signed, &["金额", "金额(元)"]),
    (Role::Payer, &["交易对方"]),
    (Role::Account, &["对方账号"]),
    (Role::Memo, &["商品说明", "商品名称", "备注"]),
    (Role::Serial, &["交易订单号", "交易号"]),
    (Role::Status, &["交易状态"]),
];

/// Headings only that layout writes, all of which its heading row holds.
fn signature(layout: Layout) -> &'static [&'static str] {
    match layout {
        Layout::Icbc => &["交易日期", "交易金额(收入)"],
        Layout::Cmb => &["记账日期", "交易金额", "对手信息"],
        Layout::Ccb => &["交易日期", "摘要", "对方户名", "对方账号", "收入", "支出", "余额"],
        Layout::Wechat => &["交易时间", "收/支", "金额(元)", "当前状态"],
        Layout::Alipay => &["收/支", "交易状态"],
        Layout::Generic | Layout::Mapped => &[],
    }
}

/// Told apart in this order: the most particular first, any bank's last.
const RECOGNISED_IN: [Layout; 6] =
    [Layout::Wechat, Layout::Alipay, Layout::Icbc, Layout::Cmb, Layout::Ccb, Layout::Generic];

/// The headings a layout is told by, in English and Chinese, for a refusal.
pub(super) fn expected_headings(layout: Layout) -> (&'static str, &'static str) {
    match layout {
        Layout::Icbc => ("交易日期, 交易金额(收入), 交易金额(支出), 对方户名 (ICBC)", "工商银行：交易日期、交易金额(收入)、交易金额(支出)、对方户名"),
        Layout::Cmb => ("记账日期, 交易金额, 交易摘要, 对手信息 (CMB)", "招商银行：记账日期、交易金额、交易摘要、对手信息"),
        Layout::Ccb => ("交易日期, 摘要, 对方户名, 对方账号, 收入, 支出, 余额 (CCB)", "建设银行：交易日期、摘要、对方户名、对方账号、收入、支出、余额"),
        Layout::Wechat => ("交易时间, 交易对方, 收/支, 金额(元), 当前状态 (WeChat Pay)", "微信支付：交易时间、交易对方、收/支、金额(元)、当前状态"),
        Layout::Alipay => ("交易时间, 交易对方, 收/支, 金额, 交易状态 (Alipay)", "支付宝：交易时间、交易对方、收/支、金额、交易状态"),
        Layout::Mapped => ("the columns you choose", "您选择的列"),
        Layout::Generic => (
            "a date (交易日期 or 记账日期), the money in (收入, 贷方发生额) or a signed amount (交易金额, 发生额), and \
             对方户名 or 摘要 (other banks)",
            "其他银行：日期（交易日期或记账日期）、收入金额（收入、贷方发生额）或带符号的金额（交易金额、发生额），以及对方户名或摘要",
        ),
    }
}

/// Where each role's column is in a heading row of a layout.
#[derive(Debug, Clone)]
pub(super) struct Columns {
    pub layout: Layout,
    found: Vec<(Role, usize)>,
    /// Each column's heading as the file writes it: problems name the column the user sees.
    headings: Vec<String>,
}

impl Columns {
    /// The columns of `layout` in `cells`, if the row is that layout's heading.
    fn find(layout: Layout, cells: &[String]) -> Option<Columns> {
        let keys: Vec<String> = cells.iter().map(|c| heading_key(c)).collect();
        if !signature(layout).iter().all(|s| keys.iter().any(|k| k == s)) {
            return None;
        }
        let aliases = match layout {
            Layout::Wechat => WECHAT,
            Layout::Alipay => ALIPAY,
            _ => BANK,
        };
        let mut found = Vec::new();
        for (role, names) in aliases {
            if *role == Role::Memo {
                // Every memo-like column says something about the payment: all are kept.
                found.extend(
                    keys.iter().enumerate().filter(|(_, k)| names.contains(&k.as_str())).map(|(i, _)| (*role, i)),
                );
            } else if let Some(i) = names.iter().find_map(|n| keys.iter().position(|k| k == n)) {
                found.push((*role, i));
            }
        }
        Some(Columns { layout, found, headings: Self::named(cells) }).filter(Columns::complete)
    }

    /// A statement needs a date, the money in, and something saying who paid or what for.
    fn complete(&self) -> bool {
        let has = |roles: &[Role]| roles.iter().any(|r| self.one(*r).is_some());
        has(&[Role::Date])
            && has(&[Role::Credit, Role::Signed])
            && has(&[Role::Payer, Role::Account, Role::PayerWithAccount, Role::Memo, Role::Serial])
    }

    /// Columns the user chose, named by the file's headings.
    pub fn chosen(layout: Layout, found: Vec<(Role, usize)>, cells: &[String]) -> Columns {
        Columns { layout, found, headings: Self::named(cells) }
    }

    fn named(cells: &[String]) -> Vec<String> {
        cells.iter().map(|c| c.split_whitespace().collect::<Vec<_>>().join(" ")).collect()
    }

    pub fn one(&self, role: Role) -> Option<usize> {
        self.found.iter().find(|(r, _)| *r == role).map(|(_, i)| *i)
    }

    pub fn all(&self, role: Role) -> impl Iterator<Item = usize> + '_ {
        self.found.iter().filter(move |(r, _)| *r == role).map(|(_, i)| *i)
    }

    pub fn heading(&self, column: usize) -> &str {
        self.headings.get(column).map_or("", String::as_str)
    }
}

/// The first row that is a heading of `forced`, or of any layout: its index, layout, columns.
pub(super) fn find_heading(rows: &[(u64, Vec<String>)], forced: Option<Layout>) -> Option<(usize, Layout, Columns)> {
    let candidates = forced.as_ref().map_or(&RECOGNISED_IN[..], std::slice::from_ref);
    rows.iter()
        .enumerate()
        .find_map(|(i, (_, cells))| candidates.iter().find_map(|l| Columns::find(*l, cells)).map(|c| (i, c.layout, c)))
}
