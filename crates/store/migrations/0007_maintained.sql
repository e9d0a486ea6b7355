-- 0007: what is owed, kept up to date. Never edit this file once released.
--
-- Derived from the ledger, never entered: each customer's totals over everything recorded
-- and each receivable still open after settling everything (oldest-first, explicit
-- allocations first). Rewritten for a customer in the same transaction as any entry or
-- allocation of its, and checkable against a recomputation from scratch at any time.
-- Reports as of a date on or after a customer's last entry read these instead of settling
-- its whole history again.

CREATE TABLE account_totals (
    customer_id   INTEGER PRIMARY KEY REFERENCES customers (id),
    balance_cents INTEGER NOT NULL,
    credit_cents  INTEGER NOT NULL CHECK (credit_cents >= 0),
    first_date    TEXT NOT NULL,
    last_date     TEXT NOT NULL,
    entries       INTEGER NOT NULL CHECK (entries > 0)
);

CREATE TABLE open_items (
    entry_id    INTEGER PRIMARY KEY REFERENCES entries (id),
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    kind        TEXT NOT NULL,
    number      TEXT NOT NULL,
    doc_date    TEXT NOT NULL,
    due_date    TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    open_cents  INTEGER NOT NULL CHECK (open_cents > 0)
);
CREATE INDEX open_items_customer ON open_items (customer_id, due_date);
CREATE INDEX open_items_due ON open_items (due_date);

-- Customers whose ledger changed in the transaction under way; emptied before it commits.
CREATE TABLE dirty_accounts (customer_id INTEGER PRIMARY KEY);
CREATE TRIGGER entries_mark_dirty AFTER INSERT ON entries
BEGIN INSERT OR IGNORE INTO dirty_accounts (customer_id) VALUES (NEW.customer_id); END;
CREATE TRIGGER allocations_mark_dirty AFTER INSERT ON allocations
BEGIN
    INSERT OR IGNORE INTO dirty_accounts (customer_id)
    SELECT customer_id FROM entries WHERE id = NEW.credit_entry_id;
END;

-- Indexes the reports use (chosen from EXPLAIN QUERY PLAN on a book of a million entries).
CREATE INDEX entries_kind_date ON entries (kind, doc_date);
CREATE INDEX entries_doc_date ON entries (doc_date);

-- Everything already in the books is owed as of now: the program fills these in after
-- this migration (they need the settlement rule, which SQL does not have).
INSERT INTO dirty_accounts (customer_id) SELECT DISTINCT customer_id FROM entries;
