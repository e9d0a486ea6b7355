//! Writing the ledger: every document that moves a customer's balance.

mod create_delivery;
mod open_items;
mod post;
mod record_charge;
mod record_credit_note;
mod record_opening_balance;
mod record_payment;
mod write_off;

pub use create_delivery::{NewDelivery, NewDeliveryLine};
pub use open_items::OpenItem;
pub use record_charge::NewCharge;
pub use record_credit_note::NewCreditNote;
pub use record_opening_balance::NewOpeningBalance;
pub use record_payment::{AppliedAmount, ManualAllocation, NewPayment, PaymentReceipt};
pub use write_off::{NewWriteOff, WriteOffForm};

pub(crate) use create_delivery::{create_in_batch as create_delivery_in_batch, Batch as DeliveryBatch, Issue};
pub(crate) use open_items::open_items as open_items_in_tx;
pub(crate) use post::given_number as check_given_number;
pub(crate) use record_opening_balance::record_in_tx as record_opening_balance_in_tx;
pub(crate) use record_payment::post_in_tx as post_payment_in_tx;
pub(crate) use record_payment::record_in_tx;
pub(crate) use record_payment::settles as payment_settles;
