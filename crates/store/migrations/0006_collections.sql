-- 0006: the daily work of collecting. Never edit this file once released.

-- Every contact with a customer about money (催收记录): kept as it was said.
CREATE TABLE contact_logs (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers (id),
    at           TEXT NOT NULL,
    channel      TEXT NOT NULL CHECK (channel IN ('phone', 'visit', 'wechat', 'sms', 'email', 'letter', 'meeting')),
    contact_id   INTEGER REFERENCES contacts (id),
    contact_name TEXT NOT NULL DEFAULT '',
    outcome      TEXT NOT NULL CHECK (outcome IN ('reached', 'promised', 'no_answer', 'refused', 'paid', 'other')),
    reason       TEXT CHECK (reason IN ('bargaining', 'cash_tight', 'complaint', 'big_customer', 'low_priority',
                                        'no_intention', 'internal_process', 'other')),
    next_action  TEXT NOT NULL DEFAULT '',
    next_date    TEXT,
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    operator     TEXT NOT NULL
);
CREATE INDEX contact_logs_customer ON contact_logs (customer_id, at);
CREATE TRIGGER contact_logs_refuse_update BEFORE UPDATE ON contact_logs
BEGIN SELECT RAISE(ABORT, 'append_only: a contact log entry is never changed; log a new one'); END;
CREATE TRIGGER contact_logs_refuse_delete BEFORE DELETE ON contact_logs
BEGIN SELECT RAISE(ABORT, 'append_only: a contact log entry is never deleted'); END;

-- Where a chain's or an enterprise's payment is stuck inside it; the newest one counts.
CREATE TABLE payment_stages (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    stage       TEXT NOT NULL CHECK (stage IN ('reconciliation', 'invoice_received', 'approval', 'scheduled', 'paid')),
    person      TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    set_on      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    operator    TEXT NOT NULL
);
CREATE INDEX payment_stages_customer ON payment_stages (customer_id, id);
CREATE TRIGGER payment_stages_refuse_update BEFORE UPDATE ON payment_stages
BEGIN SELECT RAISE(ABORT, 'append_only: a payment stage is never changed; set a new one'); END;
CREATE TRIGGER payment_stages_refuse_delete BEFORE DELETE ON payment_stages
BEGIN SELECT RAISE(ABORT, 'append_only: a payment stage is never deleted'); END;

-- Promises to pay (承诺付款): whether each is kept is decided from the payments, never typed.
CREATE TABLE promises (
    id             INTEGER PRIMARY KEY,
    customer_id    INTEGER NOT NULL REFERENCES customers (id),
    amount_cents   INTEGER NOT NULL CHECK (amount_cents > 0),
    promised_date  TEXT NOT NULL,
    made_on        TEXT NOT NULL CHECK (promised_date >= made_on),
    promised_by    TEXT NOT NULL DEFAULT '',
    contact_log_id INTEGER REFERENCES contact_logs (id),
    note           TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    operator       TEXT NOT NULL
);
CREATE INDEX promises_customer ON promises (customer_id, promised_date);
CREATE TRIGGER promises_refuse_update BEFORE UPDATE ON promises
BEGIN SELECT RAISE(ABORT, 'append_only: a promise is never changed; record a new one'); END;
CREATE TRIGGER promises_refuse_delete BEFORE DELETE ON promises
BEGIN SELECT RAISE(ABORT, 'append_only: a promise is never deleted'); END;

-- Repayment plans (还款计划): a total in dated instalments, and its signed agreement.
CREATE TABLE plans (
    id          INTEGER PRIMARY KEY,
    number      TEXT NOT NULL UNIQUE,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    total_cents INTEGER NOT NULL CHECK (total_cents > 0),
    agreed_on   TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    document_id INTEGER NOT NULL UNIQUE REFERENCES documents (id),
    created_at  TEXT NOT NULL,
    operator    TEXT NOT NULL
);
CREATE INDEX plans_customer ON plans (customer_id);
CREATE TABLE plan_instalments (
    plan_id      INTEGER NOT NULL REFERENCES plans (id),
    position     INTEGER NOT NULL,
    due_date     TEXT NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    PRIMARY KEY (plan_id, position)
);
CREATE TRIGGER plans_refuse_update BEFORE UPDATE ON plans
BEGIN SELECT RAISE(ABORT, 'append_only: a plan is never changed; agree a new one'); END;
CREATE TRIGGER plans_refuse_delete BEFORE DELETE ON plans
BEGIN SELECT RAISE(ABORT, 'append_only: a plan is never deleted'); END;
CREATE TRIGGER plan_instalments_refuse_update BEFORE UPDATE ON plan_instalments
BEGIN SELECT RAISE(ABORT, 'append_only: a plan is never changed; agree a new one'); END;
CREATE TRIGGER plan_instalments_refuse_delete BEFORE DELETE ON plan_instalments
BEGIN SELECT RAISE(ABORT, 'append_only: a plan is never deleted'); END;
