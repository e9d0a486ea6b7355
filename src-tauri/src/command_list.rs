/// Every command the UI may call. `build.rs` gives each an `allow-<name>` permission and
/// `capabilities/default.json` grants exactly these: a command missing from either is
/// refused at the IPC boundary. Also included by build.rs, so it holds nothing but this.
pub const COMMANDS: &[&str] = &[
    "workspace_status",
    "workspace_start",
    "set_language",
    "backup_now",
    "company_get",
    "company_save",
    "customers_list",
    "customer_choices",
    "customer_get",
    "customer_form",
    "customer_create",
    "customer_update",
    "delivery_preview",
    "delivery_create",
    "payment_preview",
    "payment_record",
    "dashboard",
    "customer_ledger",
];
