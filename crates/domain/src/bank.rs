//! Money in from the bank (cash application, 收款核销): the incoming lines of a statement
//! downloaded from a bank, WeChat Pay or Alipay, and the customer and receivables each line
//! most likely pays, with the reasons and a confidence. Nothing here writes: a suggestion
//! becomes a payment only when the user accepts it.

mod allocate;
mod reason;
mod statement;
mod suggest;
#[cfg(test)]
mod suggest_tests;

use serde::{Deserialize, Serialize};

pub use allocate::{allocate, Allocated, Allocation, Asked, Owed};
pub use reason::Reason;
pub use statement::*;
pub use suggest::*;

/// Where a line came from; an accepted line's payment is recorded with its method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    Bank,
    Wechat,
    Alipay,
}

impl Source {
    pub fn name(self) -> &'static str {
        match self {
            Source::Bank => "bank",
            Source::Wechat => "wechat",
            Source::Alipay => "alipay",
        }
    }

    pub fn from_name(name: &str) -> Option<Source> {
        [Source::Bank, Source::Wechat, Source::Alipay].into_iter().find(|s| s.name() == name)
    }
}
