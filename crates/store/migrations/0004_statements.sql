-- 0004: month-end statements, how papers were sent, and what the customer said. Never edit
-- this file once released.

-- A statement of account for a period, frozen as a document. A corrected statement
-- supersedes the one before it (never more than one correction of the same statement).
CREATE TABLE statements (
    id            INTEGER PRIMARY KEY,
    number        TEXT NOT NULL UNIQUE,
    customer_id   INTEGER NOT NULL REFERENCES customers (id),
    period_from   TEXT NOT NULL,
    period_to     TEXT NOT NULL CHECK (period_to >= period_from),
    issued_on     TEXT NOT NULL,
    opening_cents INTEGER NOT NULL,
    debits_cents  INTEGER NOT NULL CHECK (debits_cents >= 0),
    credits_cents INTEGER NOT NULL CHECK (credits_cents >= 0),
    closing_cents INTEGER NOT NULL CHECK (closing_cents = opening_cents + debits_cents - credits_cents),
    supersedes_id INTEGER UNIQUE REFERENCES statements (id),
    document_id   INTEGER NOT NULL UNIQUE REFERENCES documents (id),
    created_at    TEXT NOT NULL,
    operator      TEXT NOT NULL
);
CREATE INDEX statements_customer_period ON statements (customer_id, period_from, period_to);
CREATE INDEX statements_period ON statements (period_from, period_to);
CREATE TRIGGER statements_refuse_update BEFORE UPDATE ON statements
BEGIN SELECT RAISE(ABORT, 'append_only: an issued statement is never changed; issue a corrected one'); END;
CREATE TRIGGER statements_refuse_delete BEFORE DELETE ON statements
BEGIN SELECT RAISE(ABORT, 'append_only: an issued statement is never deleted'); END;

-- How a paper went out: by hand, post, express (with its tracking number), email…
CREATE TABLE sendings (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id),
    channel     TEXT NOT NULL CHECK (channel IN ('hand', 'post', 'express', 'email', 'wechat', 'other')),
    sent_on     TEXT NOT NULL,
    tracking    TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    operator    TEXT NOT NULL
);
CREATE INDEX sendings_document ON sendings (document_id);
CREATE TRIGGER sendings_refuse_update BEFORE UPDATE ON sendings
BEGIN SELECT RAISE(ABORT, 'append_only: a sending is never changed'); END;
CREATE TRIGGER sendings_refuse_delete BEFORE DELETE ON sendings
BEGIN SELECT RAISE(ABORT, 'append_only: a sending is never deleted'); END;

-- What the customer answered to a statement, once: confirmed (with the signature on its
-- slip) or disputed (the balance it claims, the difference, the reason, the items in
-- question). A dispute is resolved by adjustments the next statement shows.
CREATE TABLE statement_outcomes (
    id               INTEGER PRIMARY KEY,
    statement_id     INTEGER NOT NULL UNIQUE REFERENCES statements (id),
    outcome          TEXT NOT NULL CHECK (outcome IN ('confirmed', 'disputed')),
    decided_on       TEXT NOT NULL,
    signature_id     INTEGER REFERENCES signatures (id),
    claimed_cents    INTEGER,
    difference_cents INTEGER,
    reason           TEXT NOT NULL DEFAULT '',
    items            TEXT NOT NULL DEFAULT '[]',
    contact          TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    operator         TEXT NOT NULL,
    CHECK ((outcome = 'confirmed') = (signature_id IS NOT NULL)),
    CHECK ((outcome = 'disputed') = (claimed_cents IS NOT NULL AND difference_cents IS NOT NULL AND reason <> ''))
);
CREATE TRIGGER statement_outcomes_refuse_update BEFORE UPDATE ON statement_outcomes
BEGIN SELECT RAISE(ABORT, 'append_only: a statement outcome is never changed'); END;
CREATE TRIGGER statement_outcomes_refuse_delete BEFORE DELETE ON statement_outcomes
BEGIN SELECT RAISE(ABORT, 'append_only: a statement outcome is never deleted'); END;
