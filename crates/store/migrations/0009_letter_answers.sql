-- 0009: the customer's answer on a letter's return receipt (回执): "no objection" (无异议),
-- which acknowledges the debt and restarts the limitation period (Civil Code art. 195), or
-- an objection with what it says. Never edit this file once released.

-- One row per letter whose receipt came back signed with an answer (append-only).
CREATE TABLE letter_answers (
    letter_id     INTEGER PRIMARY KEY REFERENCES letters (id),
    no_objection  INTEGER NOT NULL CHECK (no_objection IN (0, 1)),
    objection     TEXT NOT NULL DEFAULT '',
    answered_on   TEXT NOT NULL,
    signature_id  INTEGER NOT NULL REFERENCES signatures (id),
    created_at    TEXT NOT NULL,
    operator      TEXT NOT NULL,
    CHECK (no_objection = 1 OR length(trim(objection)) > 0)
);
CREATE TRIGGER letter_answers_refuse_update BEFORE UPDATE ON letter_answers
BEGIN SELECT RAISE(ABORT, 'append_only: a letter is never changed'); END;
CREATE TRIGGER letter_answers_refuse_delete BEFORE DELETE ON letter_answers
BEGIN SELECT RAISE(ABORT, 'append_only: a letter is never deleted'); END;
