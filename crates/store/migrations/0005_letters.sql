-- 0005: dunning letters. Never edit this file once released.

-- A letter demanding payment, frozen as a document. Its items are the receivables it
-- demanded, with what was open of each and how late it was on the letter's date: a letter
-- that provably arrived restarts their limitation period.
CREATE TABLE letters (
    id          INTEGER PRIMARY KEY,
    number      TEXT NOT NULL UNIQUE,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    level       INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
    letter_date TEXT NOT NULL,
    pay_by      TEXT NOT NULL CHECK (pay_by >= letter_date),
    total_cents INTEGER NOT NULL CHECK (total_cents > 0),
    document_id INTEGER NOT NULL UNIQUE REFERENCES documents (id),
    created_at  TEXT NOT NULL,
    operator    TEXT NOT NULL
);
CREATE INDEX letters_customer ON letters (customer_id, letter_date);
CREATE TRIGGER letters_refuse_update BEFORE UPDATE ON letters
BEGIN SELECT RAISE(ABORT, 'append_only: a letter is never changed'); END;
CREATE TRIGGER letters_refuse_delete BEFORE DELETE ON letters
BEGIN SELECT RAISE(ABORT, 'append_only: a letter is never deleted'); END;

CREATE TABLE letter_items (
    letter_id    INTEGER NOT NULL REFERENCES letters (id),
    entry_id     INTEGER NOT NULL REFERENCES entries (id),
    open_cents   INTEGER NOT NULL CHECK (open_cents > 0),
    days_overdue INTEGER NOT NULL CHECK (days_overdue > 0),
    PRIMARY KEY (letter_id, entry_id)
);
CREATE INDEX letter_items_entry ON letter_items (entry_id);
CREATE TRIGGER letter_items_refuse_update BEFORE UPDATE ON letter_items
BEGIN SELECT RAISE(ABORT, 'append_only: a letter is never changed'); END;
CREATE TRIGGER letter_items_refuse_delete BEFORE DELETE ON letter_items
BEGIN SELECT RAISE(ABORT, 'append_only: a letter is never deleted'); END;
