//! The commands the UI may call, grouped by domain. Each is one line into huikuan-app;
//! `build.rs` lists them so that `capabilities/default.json` can grant exactly these.

pub mod bank;
pub mod books_out;
pub mod collections;
pub mod company;
pub mod credit;
pub mod customers;
pub mod interest;
pub mod invoices;
pub mod ledger;
pub mod letters;
pub mod papers;
pub mod reports;
pub mod shared;
pub mod statements;
pub mod workspace;
