-- 0014: money in from the bank. The incoming lines of bank, WeChat Pay and Alipay statements,
-- each kept once (line_key: the source and its serial, or date, amount, payer and memo where
-- there is no serial), the user's decision on each, and the payers learned from accepted
-- lines. All append-only: a decision is never changed (a wrong payment is reversed in the
-- ledger). Never edit this file once released.

CREATE TABLE bank_lines (
    id            INTEGER PRIMARY KEY,
    line_key      TEXT NOT NULL UNIQUE,
    source        TEXT NOT NULL CHECK (source IN ('bank', 'wechat', 'alipay')),
    line_date     TEXT NOT NULL,
    amount_cents  INTEGER NOT NULL CHECK (amount_cents > 0),
    payer         TEXT NOT NULL DEFAULT '',
    payer_account TEXT NOT NULL DEFAULT '',
    memo          TEXT NOT NULL DEFAULT '',
    serial        TEXT NOT NULL DEFAULT '',
    file_name     TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    operator      TEXT NOT NULL
);
CREATE TRIGGER bank_lines_refuse_update BEFORE UPDATE ON bank_lines
BEGIN SELECT RAISE(ABORT, 'append_only: a statement line is never changed'); END;
CREATE TRIGGER bank_lines_refuse_delete BEFORE DELETE ON bank_lines
BEGIN SELECT RAISE(ABORT, 'append_only: a statement line is never deleted'); END;

-- One decision per line: accepted (the payment it became) or ignored (and why).
CREATE TABLE bank_decisions (
    line_id    INTEGER PRIMARY KEY REFERENCES bank_lines (id),
    status     TEXT NOT NULL CHECK (status IN ('accepted', 'ignored')),
    entry_id   INTEGER UNIQUE REFERENCES entries (id),
    reason     TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    operator   TEXT NOT NULL,
    CHECK ((status = 'accepted') = (entry_id IS NOT NULL)),
    CHECK (status = 'accepted' OR length(trim(reason)) > 0)
);
CREATE TRIGGER bank_decisions_refuse_update BEFORE UPDATE ON bank_decisions
BEGIN SELECT RAISE(ABORT, 'append_only: a decision on a statement line is never changed'); END;
CREATE TRIGGER bank_decisions_refuse_delete BEFORE DELETE ON bank_decisions
BEGIN SELECT RAISE(ABORT, 'append_only: a decision on a statement line is never deleted'); END;

-- Who paid for whom, learned from accepted lines (folded name and account); the latest wins.
CREATE TABLE bank_payers (
    id            INTEGER PRIMARY KEY,
    customer_id   INTEGER NOT NULL REFERENCES customers (id),
    payer         TEXT NOT NULL DEFAULT '',
    payer_account TEXT NOT NULL DEFAULT '',
    line_id       INTEGER NOT NULL REFERENCES bank_lines (id),
    created_at    TEXT NOT NULL,
    operator      TEXT NOT NULL,
    CHECK (payer <> '' OR payer_account <> '')
);
CREATE INDEX bank_payers_customer ON bank_payers (customer_id);
CREATE TRIGGER bank_payers_refuse_update BEFORE UPDATE ON bank_payers
BEGIN SELECT RAISE(ABORT, 'append_only: a learned payer is never changed'); END;
CREATE TRIGGER bank_payers_refuse_delete BEFORE DELETE ON bank_payers
BEGIN SELECT RAISE(ABORT, 'append_only: a learned payer is never deleted'); END;
