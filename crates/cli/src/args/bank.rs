//! The `bank` subcommands' arguments: statements from the bank, WeChat Pay and Alipay.

use std::path::PathBuf;

use clap::{Subcommand, ValueEnum};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LineStatus {
    Open,
    Accepted,
    Ignored,
}

impl LineStatus {
    pub fn name(self) -> &'static str {
        match self {
            LineStatus::Open => "open",
            LineStatus::Accepted => "accepted",
            LineStatus::Ignored => "ignored",
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum BankCommand {
    /// Import a statement (bank CSV/XLS/XLSX, the WeChat Pay bill, the Alipay bill): its
    /// incoming lines are kept, each once however often the file comes in.
    Import {
        file: PathBuf,
        /// Count what would be kept, writing nothing.
        #[arg(long)]
        preview: bool,
        /// The layout, when it is not recognised: icbc, cmb, ccb, wechat, alipay, generic.
        #[arg(long, conflicts_with = "columns")]
        layout: Option<String>,
        /// For a statement no layout reads: the row its headings are on (see `bank columns`).
        #[arg(long, requires = "columns")]
        heading_row: Option<u64>,
        /// For a statement no layout reads: FIELD=COLUMN (repeatable), COLUMN a heading as the
        /// file writes it or a column number from 1; FIELD one of date, money_in, money_out,
        /// amount, direction, payer, payer_account, memo, serial. Remembered for the heading.
        #[arg(long = "column")]
        columns: Vec<String>,
    },
    /// A statement file's first rows, the row taken for its heading, and the columns that
    /// would read it (remembered for that heading, else proposed from its words).
    Columns {
        file: PathBuf,
        /// The row the headings are on, when it is not the one found.
        #[arg(long)]
        heading_row: Option<u64>,
    },
    /// The kept lines, oldest first; each open one with its suggestion as the books stand now.
    Lines {
        #[arg(long, value_enum)]
        status: Option<LineStatus>,
    },
    /// Record an open line as a payment: the suggested customer and allocation unless given.
    Accept {
        id: i64,
        /// The customer's code, instead of the suggested one.
        #[arg(long)]
        customer: Option<String>,
        /// Allocate as NUMBER=AMOUNT (repeatable), instead of the suggested allocation.
        #[arg(long = "allocate")]
        allocations: Vec<String>,
    },
    /// Mark an open line as not a customer's payment.
    Ignore {
        id: i64,
        #[arg(long)]
        reason: String,
    },
}
