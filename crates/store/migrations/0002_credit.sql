-- 0002: know the customer before giving credit. Never edit this file once released.

-- The customer's business, as the owner knows it (SPEC §2, issue 4).
ALTER TABLE customers ADD COLUMN business_scale TEXT NOT NULL DEFAULT 'unknown'
    CHECK (business_scale IN ('unknown', 'micro', 'small', 'medium', 'large'));
ALTER TABLE customers ADD COLUMN founded_year INTEGER CHECK (founded_year BETWEEN 1900 AND 2200);
ALTER TABLE customers ADD COLUMN main_business TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN registered_capital_cents INTEGER CHECK (registered_capital_cents >= 0);
ALTER TABLE customers ADD COLUMN premises TEXT NOT NULL DEFAULT 'unknown'
    CHECK (premises IN ('unknown', 'owned', 'rented'));
-- Fixed days the customer pays suppliers: 'mon,thu,25'.
ALTER TABLE customers ADD COLUMN collection_days TEXT NOT NULL DEFAULT '';

-- Files about a customer (contract with its payment clauses, licences, photos), stored by
-- content hash in the data folder: attachments/<sha256[0..2]>/<sha256>.
CREATE TABLE attachments (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    kind        TEXT NOT NULL CHECK (kind IN ('contract', 'licence', 'photo', 'other')),
    title       TEXT NOT NULL CHECK (title <> ''),
    file_name   TEXT NOT NULL,
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    size_bytes  INTEGER NOT NULL CHECK (size_bytes >= 0),
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    operator    TEXT NOT NULL
);
CREATE INDEX attachments_customer ON attachments (customer_id);
CREATE TRIGGER attachments_refuse_update BEFORE UPDATE ON attachments
BEGIN SELECT RAISE(ABORT, 'append_only: an attachment is never changed; attach a new file'); END;
CREATE TRIGGER attachments_refuse_delete BEFORE DELETE ON attachments
BEGIN SELECT RAISE(ABORT, 'append_only: an attachment is never deleted'); END;

-- Approved credit assessments (授信评估). Immutable: a new assessment supersedes the last.
-- The scorecard, the signals, the policy used and the reasoning are kept as JSON so the
-- decision can be read exactly as it was made.
CREATE TABLE credit_assessments (
    id                      INTEGER PRIMARY KEY,
    customer_id             INTEGER NOT NULL REFERENCES customers (id),
    assessed_on             TEXT NOT NULL,
    scorecard               TEXT NOT NULL,
    score                   TEXT NOT NULL,
    grade                   TEXT NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D', 'E')),
    recommended_limit_cents INTEGER NOT NULL CHECK (recommended_limit_cents >= 0),
    recommended_terms       TEXT NOT NULL,
    approved_limit_cents    INTEGER NOT NULL CHECK (approved_limit_cents >= 0),
    approved_terms          TEXT NOT NULL,
    deviation_reason        TEXT NOT NULL DEFAULT '',
    next_review             TEXT NOT NULL,
    approved_at             TEXT NOT NULL,
    approved_by             TEXT NOT NULL
);
CREATE INDEX credit_assessments_customer ON credit_assessments (customer_id, assessed_on);
CREATE INDEX credit_assessments_review ON credit_assessments (next_review);
CREATE TRIGGER credit_assessments_refuse_update BEFORE UPDATE ON credit_assessments
BEGIN SELECT RAISE(ABORT, 'append_only: an approved credit assessment is never changed; make a new one'); END;
CREATE TRIGGER credit_assessments_refuse_delete BEFORE DELETE ON credit_assessments
BEGIN SELECT RAISE(ABORT, 'append_only: an approved credit assessment is never deleted'); END;

-- Deliveries issued over a credit block, with the owner's written reason.
CREATE TABLE credit_overrides (
    id               INTEGER PRIMARY KEY,
    customer_id      INTEGER NOT NULL REFERENCES customers (id),
    delivery_note_id INTEGER NOT NULL REFERENCES delivery_notes (id),
    number           TEXT NOT NULL,
    doc_date         TEXT NOT NULL,
    amount_cents     INTEGER NOT NULL,
    exposure_cents   INTEGER NOT NULL,
    limit_cents      INTEGER NOT NULL,
    blocks           TEXT NOT NULL,
    reason           TEXT NOT NULL CHECK (reason <> ''),
    at               TEXT NOT NULL,
    operator         TEXT NOT NULL
);
CREATE INDEX credit_overrides_customer ON credit_overrides (customer_id);
CREATE TRIGGER credit_overrides_refuse_update BEFORE UPDATE ON credit_overrides
BEGIN SELECT RAISE(ABORT, 'append_only: a credit override is never changed'); END;
CREATE TRIGGER credit_overrides_refuse_delete BEFORE DELETE ON credit_overrides
BEGIN SELECT RAISE(ABORT, 'append_only: a credit override is never deleted'); END;

-- The book's settings (credit policy, …) as JSON documents; absent means the defaults.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
