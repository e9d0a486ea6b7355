-- 0015: VAT invoices (发票) issued to customers, as recorded here (they are issued on the tax
-- platform). An invoice covers receivables, whole or in part: its covers add up to its amount
-- with tax. A red-letter invoice (红字发票) reverses all or part of an earlier one: its amount and
-- covers are negative. When and how an invoice reached the customer is kept beside it. All
-- append-only: a wrong invoice is reversed by a red-letter one. Never edit this file once released.

CREATE TABLE invoices (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers (id),
    -- 发票代码 of a paper or older electronic invoice (10 or 12 digits); '' for a 数电票.
    code         TEXT NOT NULL DEFAULT '',
    number       TEXT NOT NULL CHECK (number <> ''),
    kind         TEXT NOT NULL CHECK (kind IN ('digital_special', 'digital_normal', 'paper_special',
                                               'paper_normal', 'electronic_normal')),
    issued_on    TEXT NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents <> 0),
    tax_cents    INTEGER NOT NULL,
    -- The tax rate in percent ('13', '9', '6', '3', '1', '0'), or 'mixed' for lines at several.
    rate         TEXT NOT NULL CHECK (rate IN ('13', '9', '6', '3', '1', '0', 'mixed')),
    reverses_id  INTEGER REFERENCES invoices (id),
    memo         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    operator     TEXT NOT NULL,
    UNIQUE (code, number),
    CHECK ((reverses_id IS NULL) = (amount_cents > 0))
);
CREATE INDEX invoices_customer ON invoices (customer_id, issued_on);
CREATE TRIGGER invoices_refuse_update BEFORE UPDATE ON invoices
BEGIN SELECT RAISE(ABORT, 'append_only: an invoice is never changed'); END;
CREATE TRIGGER invoices_refuse_delete BEFORE DELETE ON invoices
BEGIN SELECT RAISE(ABORT, 'append_only: an invoice is never deleted'); END;

-- What of each receivable an invoice covers (negative for a red-letter invoice).
CREATE TABLE invoice_covers (
    id           INTEGER PRIMARY KEY,
    invoice_id   INTEGER NOT NULL REFERENCES invoices (id),
    entry_id     INTEGER NOT NULL REFERENCES entries (id),
    amount_cents INTEGER NOT NULL CHECK (amount_cents <> 0),
    UNIQUE (invoice_id, entry_id)
);
CREATE INDEX invoice_covers_entry ON invoice_covers (entry_id);
CREATE TRIGGER invoice_covers_refuse_update BEFORE UPDATE ON invoice_covers
BEGIN SELECT RAISE(ABORT, 'append_only: an invoice''s cover is never changed'); END;
CREATE TRIGGER invoice_covers_refuse_delete BEFORE DELETE ON invoice_covers
BEGIN SELECT RAISE(ABORT, 'append_only: an invoice''s cover is never deleted'); END;

-- When and how an invoice reached the customer (a digital one by the platform or e-mail).
CREATE TABLE invoice_sendings (
    id         INTEGER PRIMARY KEY,
    invoice_id INTEGER NOT NULL REFERENCES invoices (id),
    channel    TEXT NOT NULL CHECK (channel IN ('hand', 'post', 'express', 'email', 'wechat', 'platform', 'other')),
    reached_on TEXT NOT NULL,
    tracking   TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    operator   TEXT NOT NULL
);
CREATE INDEX invoice_sendings_invoice ON invoice_sendings (invoice_id);
CREATE TRIGGER invoice_sendings_refuse_update BEFORE UPDATE ON invoice_sendings
BEGIN SELECT RAISE(ABORT, 'append_only: an invoice''s sending is never changed'); END;
CREATE TRIGGER invoice_sendings_refuse_delete BEFORE DELETE ON invoice_sendings
BEGIN SELECT RAISE(ABORT, 'append_only: an invoice''s sending is never deleted'); END;

-- The deliveries on invoice terms (票到N天付款): how many days after the invoice they are due,
-- and the due date that follows from the invoices recorded so far ('9999-12-31' while no
-- invoice covers it: awaiting its invoice, not due). The due date is kept by the app as
-- invoices and their sendings are recorded; the days never change.
CREATE TABLE invoice_terms (
    entry_id INTEGER PRIMARY KEY REFERENCES entries (id),
    days     INTEGER NOT NULL CHECK (days >= 0),
    due_date TEXT NOT NULL
);
CREATE TRIGGER invoice_terms_refuse_delete BEFORE DELETE ON invoice_terms
BEGIN SELECT RAISE(ABORT, 'append_only: a delivery''s invoice terms are never deleted'); END;

-- A scan or photo of an invoice (an attachment of its customer's), for the evidence pack.
CREATE TABLE invoice_scans (
    invoice_id    INTEGER NOT NULL REFERENCES invoices (id),
    attachment_id INTEGER NOT NULL REFERENCES attachments (id),
    PRIMARY KEY (invoice_id, attachment_id)
);
CREATE TRIGGER invoice_scans_refuse_update BEFORE UPDATE ON invoice_scans
BEGIN SELECT RAISE(ABORT, 'append_only: an invoice''s scan is never changed'); END;
CREATE TRIGGER invoice_scans_refuse_delete BEFORE DELETE ON invoice_scans
BEGIN SELECT RAISE(ABORT, 'append_only: an invoice''s scan is never deleted'); END;
