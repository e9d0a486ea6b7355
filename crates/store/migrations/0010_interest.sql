-- 0010: late-payment interest terms per customer (issue 20). Never edit this file once released.

-- What the customer's contract says about late payment, newest row in force: 'none', a daily
-- or an annual rate (a fraction, as text: '0.0005' is 万分之五), or 'lpr' with the owner's
-- uplift ('1.5' is LPR + 50%). Append-only: a change is a new row, so a letter's or a pack's
-- claim can be traced to the terms in force when it was made.
CREATE TABLE interest_terms (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    basis       TEXT NOT NULL CHECK (basis IN ('none', 'daily_rate', 'annual_rate', 'lpr')),
    value       TEXT CHECK ((basis = 'none') = (value IS NULL)),
    set_at      TEXT NOT NULL,
    operator    TEXT NOT NULL
);
CREATE INDEX interest_terms_customer ON interest_terms (customer_id, id);
CREATE TRIGGER interest_terms_refuse_update BEFORE UPDATE ON interest_terms
BEGIN SELECT RAISE(ABORT, 'append_only: interest terms are never changed; set new ones'); END;
CREATE TRIGGER interest_terms_refuse_delete BEFORE DELETE ON interest_terms
BEGIN SELECT RAISE(ABORT, 'append_only: interest terms are never deleted'); END;
