//! The `invoice` subcommands' arguments: VAT invoices issued, their covers and sendings.

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum InvoiceCommand {
    /// Record an invoice issued on the tax platform (or, with --reverses, a red-letter one).
    Add {
        #[arg(long)]
        customer: String,
        /// The 20-digit 数电票 number, or a paper or older electronic invoice's 8-digit 发票号码.
        #[arg(long)]
        number: String,
        /// The 发票代码 (10 or 12 digits) of a paper or older electronic invoice.
        #[arg(long, default_value = "")]
        code: String,
        /// digital_special, digital_normal, paper_special, paper_normal, electronic_normal.
        #[arg(long)]
        kind: String,
        #[arg(long)]
        date: String,
        /// With tax (价税合计); a red-letter invoice's as a positive figure.
        #[arg(long)]
        amount: String,
        #[arg(long)]
        tax: String,
        /// 13, 9, 6, 3, 1, 0, or mixed.
        #[arg(long)]
        rate: String,
        /// What it covers, as RECEIVABLE=AMOUNT (several after one flag, or the flag repeated).
        #[arg(long, num_args = 1..)]
        covers: Vec<String>,
        /// The number of the invoice this red-letter one reverses.
        #[arg(long, default_value = "")]
        reverses: String,
        #[arg(long, default_value = "")]
        memo: String,
    },
    /// A customer's invoices (everyone's without a code), in the order issued.
    List { code: Option<String> },
    /// Attach a scan or photo of an invoice (it goes into the evidence pack).
    Scan {
        number: String,
        file: std::path::PathBuf,
        #[arg(long, default_value = "")]
        code: String,
    },
    /// Record when and how an invoice reached the customer.
    Reached {
        number: String,
        #[arg(long, default_value = "")]
        code: String,
        /// hand, post, express, email, wechat, platform or other.
        #[arg(long)]
        channel: String,
        #[arg(long)]
        date: String,
        #[arg(long, default_value = "")]
        tracking: String,
        #[arg(long, default_value = "")]
        note: String,
    },
}
