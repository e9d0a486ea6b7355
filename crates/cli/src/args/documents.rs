//! The `document` subcommands' arguments.

use std::path::PathBuf;

use clap::{Args, Subcommand};

/// `--kind`: which paper a number means when two papers share it.
#[derive(Debug, Args)]
pub struct KindArg {
    /// Which paper the number is (delivery_note, statement, letter, plan; or delivery-note):
    /// needed only when an imported note shares its number with another paper.
    #[arg(long = "kind")]
    pub kind: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum DocumentCommand {
    /// Write a document (a delivery note by its number) as PDF: the exact bytes issued.
    Pdf {
        number: String,
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        kind: KindArg,
        /// The signed version instead.
        #[arg(long)]
        signed: bool,
    },
    /// Hash the stored PDFs again and say whether they still match their record.
    Verify {
        /// A document number; omit with --all.
        number: Option<String>,
        /// Every stored document.
        #[arg(long)]
        all: bool,
        #[command(flatten)]
        kind: KindArg,
    },
    /// Record the customer's signature: a drawn signature (PNG, with the pad's strokes as
    /// JSON if there are any) or a scan or photo of the signed paper (PNG or JPEG).
    Sign {
        number: String,
        #[command(flatten)]
        kind: KindArg,
        #[arg(long)]
        signer: String,
        #[arg(long, default_value = "")]
        role: String,
        /// The drawn signature (PNG).
        #[arg(long, conflicts_with = "scan", requires = "strokes")]
        png: Option<PathBuf>,
        /// The pad's strokes for --png: signature_pad's point groups (JSON).
        #[arg(long, requires = "png")]
        strokes: Option<PathBuf>,
        /// The signed paper, scanned or photographed (PNG or JPEG).
        #[arg(long, required_unless_present = "png")]
        scan: Option<PathBuf>,
        /// A letter's receipt came back with 无异议 / No objection ticked: the customer
        /// acknowledges the debt, which restarts the limitation period.
        #[arg(long, conflicts_with = "objection")]
        no_objection: bool,
        /// A letter's receipt came back with 有异议 / Objection ticked: what it says.
        #[arg(long)]
        objection: Option<String>,
    },
    /// A customer's documents, newest first, with their status.
    List { code: String },
    /// Record that a document went out (by hand, post, express, email, wechat, other).
    Send {
        number: String,
        #[command(flatten)]
        kind: KindArg,
        #[arg(long)]
        channel: String,
        /// Default: today.
        #[arg(long, default_value = "")]
        date: String,
        #[arg(long, default_value = "")]
        tracking: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// The customer confirms a statement: its slip signed (as for `sign`).
    Confirm {
        number: String,
        #[arg(long)]
        signer: String,
        #[arg(long, default_value = "")]
        role: String,
        #[arg(long, conflicts_with = "scan", requires = "strokes")]
        png: Option<PathBuf>,
        #[arg(long, requires = "png")]
        strokes: Option<PathBuf>,
        #[arg(long, required_unless_present = "png")]
        scan: Option<PathBuf>,
    },
    /// The customer disputes a statement: the balance it claims and why.
    Dispute {
        number: String,
        #[arg(long)]
        claimed: String,
        #[arg(long)]
        reason: String,
        /// Numbers of the documents in question, comma separated.
        #[arg(long, default_value = "")]
        items: String,
        #[arg(long, default_value = "")]
        contact: String,
    },
}
