-- 0001: the books. Never edit this file once released: add 0002_*.sql instead.
-- Money is INTEGER minor units (fen). Dates are TEXT 'YYYY-MM-DD'; timestamps TEXT UTC RFC 3339.

CREATE TABLE company (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    legal_name    TEXT NOT NULL DEFAULT '',
    address       TEXT NOT NULL DEFAULT '',
    tax_id        TEXT NOT NULL DEFAULT '',
    bank_name     TEXT NOT NULL DEFAULT '',
    bank_account  TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT '',
    signatory     TEXT NOT NULL DEFAULT '',
    currency      TEXT NOT NULL DEFAULT 'CNY',
    doc_language  TEXT NOT NULL DEFAULT 'zh' CHECK (doc_language IN ('zh', 'en'))
);
INSERT INTO company (id) VALUES (1);

CREATE TABLE customers (
    id                 INTEGER PRIMARY KEY,
    code               TEXT NOT NULL COLLATE NOCASE UNIQUE,
    name               TEXT NOT NULL CHECK (name <> ''),
    kind               TEXT NOT NULL CHECK (kind IN ('shop', 'chain', 'enterprise', 'clinic', 'individual', 'other')),
    phone              TEXT NOT NULL DEFAULT '',
    address            TEXT NOT NULL DEFAULT '',
    tax_id             TEXT NOT NULL DEFAULT '',
    salesperson        TEXT NOT NULL DEFAULT '',
    payment_terms      TEXT NOT NULL DEFAULT 'cod',
    statement_day      INTEGER CHECK (statement_day BETWEEN 1 AND 31),
    credit_limit_cents INTEGER NOT NULL DEFAULT 0 CHECK (credit_limit_cents >= 0),
    status             TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'on_hold', 'blocked', 'closed')),
    importance         TEXT NOT NULL DEFAULT 'normal' CHECK (importance IN ('key', 'normal')),
    tags               TEXT NOT NULL DEFAULT '',
    notes              TEXT NOT NULL DEFAULT '',
    doc_language       TEXT NOT NULL DEFAULT 'zh' CHECK (doc_language IN ('zh', 'en')),
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);
CREATE INDEX customers_name ON customers (name);

CREATE TABLE contacts (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    name        TEXT NOT NULL CHECK (name <> ''),
    role        TEXT NOT NULL CHECK (role IN ('purchaser', 'finance', 'decision_maker', 'insider', 'other')),
    phone       TEXT NOT NULL DEFAULT '',
    wechat      TEXT NOT NULL DEFAULT '',
    email       TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX contacts_customer ON contacts (customer_id);

-- The ledger. Append-only: rows are never updated or deleted (triggers below).
-- A debit (delivery, opening, charge) has a due date; a credit (payment, credit note,
-- write-off, an opening balance in the customer's favour) has none.
CREATE TABLE entries (
    id                INTEGER PRIMARY KEY,
    customer_id       INTEGER NOT NULL REFERENCES customers (id),
    kind              TEXT NOT NULL CHECK (kind IN ('delivery', 'opening', 'charge', 'payment', 'credit_note', 'write_off')),
    side              TEXT NOT NULL CHECK (side IN ('debit', 'credit')),
    number            TEXT NOT NULL CHECK (number <> ''),
    doc_date          TEXT NOT NULL,
    due_date          TEXT,
    amount_cents      INTEGER NOT NULL CHECK (amount_cents > 0),
    method            TEXT CHECK (method IN ('cash', 'bank', 'alipay', 'wechat', 'cheque', 'acceptance_bill', 'other')),
    reference         TEXT NOT NULL DEFAULT '',
    memo              TEXT NOT NULL DEFAULT '',
    corrects_entry_id INTEGER REFERENCES entries (id),
    created_at        TEXT NOT NULL,
    operator          TEXT NOT NULL,
    UNIQUE (kind, number),
    CHECK ((side = 'debit') = (due_date IS NOT NULL)),
    CHECK (kind = 'opening'
        OR (side = 'debit' AND kind IN ('delivery', 'charge'))
        OR (side = 'credit' AND kind IN ('payment', 'credit_note', 'write_off'))),
    CHECK ((kind = 'payment') = (method IS NOT NULL))
);
CREATE INDEX entries_customer_date ON entries (customer_id, doc_date);

CREATE TRIGGER entries_refuse_update BEFORE UPDATE ON entries
BEGIN SELECT RAISE(ABORT, 'append_only: ledger entries are never changed; record a correcting entry'); END;
CREATE TRIGGER entries_refuse_delete BEFORE DELETE ON entries
BEGIN SELECT RAISE(ABORT, 'append_only: ledger entries are never deleted; record a correcting entry'); END;

-- Credits applied to a chosen receivable (by hand, or by the reference of a credit note
-- or write-off). Everything not allocated here settles oldest-first when it is read.
CREATE TABLE allocations (
    id                  INTEGER PRIMARY KEY,
    credit_entry_id     INTEGER NOT NULL REFERENCES entries (id),
    receivable_entry_id INTEGER NOT NULL REFERENCES entries (id),
    alloc_date          TEXT NOT NULL,
    amount_cents        INTEGER NOT NULL CHECK (amount_cents > 0),
    created_at          TEXT NOT NULL,
    operator            TEXT NOT NULL
);
CREATE INDEX allocations_credit ON allocations (credit_entry_id);
CREATE INDEX allocations_receivable ON allocations (receivable_entry_id);

CREATE TRIGGER allocations_refuse_update BEFORE UPDATE ON allocations
BEGIN SELECT RAISE(ABORT, 'append_only: allocations are never changed'); END;
CREATE TRIGGER allocations_refuse_delete BEFORE DELETE ON allocations
BEGIN SELECT RAISE(ABORT, 'append_only: allocations are never deleted'); END;

-- Delivery notes (送货单). A draft may be edited or discarded; once issued it has a number
-- and a ledger entry and is frozen, lines included.
CREATE TABLE delivery_notes (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers (id),
    status       TEXT NOT NULL CHECK (status IN ('draft', 'issued')),
    number       TEXT UNIQUE,
    doc_date     TEXT NOT NULL,
    due_date     TEXT NOT NULL,
    total_cents  INTEGER NOT NULL CHECK (total_cents >= 0),
    contact_name TEXT NOT NULL DEFAULT '',
    address      TEXT NOT NULL DEFAULT '',
    memo         TEXT NOT NULL DEFAULT '',
    entry_id     INTEGER UNIQUE REFERENCES entries (id),
    created_at   TEXT NOT NULL,
    operator     TEXT NOT NULL,
    CHECK ((status = 'draft') = (number IS NULL)),
    CHECK ((status = 'draft') = (entry_id IS NULL))
);
CREATE INDEX delivery_notes_customer ON delivery_notes (customer_id);

CREATE TABLE delivery_lines (
    id           INTEGER PRIMARY KEY,
    delivery_id  INTEGER NOT NULL REFERENCES delivery_notes (id),
    position     INTEGER NOT NULL,
    item         TEXT NOT NULL CHECK (item <> ''),
    spec         TEXT NOT NULL DEFAULT '',
    unit         TEXT NOT NULL DEFAULT '',
    quantity     TEXT NOT NULL,
    unit_price   TEXT NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
    UNIQUE (delivery_id, position)
);

CREATE TRIGGER delivery_notes_refuse_update BEFORE UPDATE ON delivery_notes WHEN OLD.status <> 'draft'
BEGIN SELECT RAISE(ABORT, 'append_only: an issued delivery note is never changed; issue a credit note'); END;
CREATE TRIGGER delivery_notes_refuse_delete BEFORE DELETE ON delivery_notes WHEN OLD.status <> 'draft'
BEGIN SELECT RAISE(ABORT, 'append_only: an issued delivery note is never deleted; issue a credit note'); END;
CREATE TRIGGER delivery_lines_refuse_insert BEFORE INSERT ON delivery_lines
    WHEN (SELECT status FROM delivery_notes WHERE id = NEW.delivery_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'append_only: lines of an issued delivery note are frozen'); END;
CREATE TRIGGER delivery_lines_refuse_update BEFORE UPDATE ON delivery_lines
    WHEN (SELECT status FROM delivery_notes WHERE id = OLD.delivery_id) <> 'draft'
      OR (SELECT status FROM delivery_notes WHERE id = NEW.delivery_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'append_only: lines of an issued delivery note are frozen'); END;
CREATE TRIGGER delivery_lines_refuse_delete BEFORE DELETE ON delivery_lines
    WHEN (SELECT status FROM delivery_notes WHERE id = OLD.delivery_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'append_only: lines of an issued delivery note are frozen'); END;

-- Gapless numbering: the counter moves in the same transaction as the document it numbers.
CREATE TABLE sequences (
    doc_type TEXT NOT NULL,
    year     INTEGER NOT NULL,
    last     INTEGER NOT NULL CHECK (last >= 0),
    PRIMARY KEY (doc_type, year)
);
CREATE TRIGGER sequences_refuse_going_back BEFORE UPDATE ON sequences WHEN NEW.last < OLD.last
BEGIN SELECT RAISE(ABORT, 'append_only: a document sequence never goes back'); END;
CREATE TRIGGER sequences_refuse_delete BEFORE DELETE ON sequences
BEGIN SELECT RAISE(ABORT, 'append_only: a document sequence is never deleted'); END;

-- Who changed what, when; before and after as JSON.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    operator  TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER,
    before    TEXT,
    after     TEXT
);
CREATE TRIGGER audit_log_refuse_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'append_only: the audit log is never changed'); END;
CREATE TRIGGER audit_log_refuse_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'append_only: the audit log is never deleted'); END;
