-- 0008: a letter sent above the level the escalation rules allowed, and the owner's written
-- reason for it. Never edit this file once released.

-- One row per letter that skipped a level: the level the rules allowed on its date, and why
-- the owner sent a higher one. Kept with the letter for as long as the letter (append-only).
CREATE TABLE letter_skips (
    letter_id   INTEGER PRIMARY KEY REFERENCES letters (id),
    due_level   INTEGER NOT NULL CHECK (due_level BETWEEN 1 AND 2),
    reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0)
);
CREATE TRIGGER letter_skips_refuse_update BEFORE UPDATE ON letter_skips
BEGIN SELECT RAISE(ABORT, 'append_only: a letter is never changed'); END;
CREATE TRIGGER letter_skips_refuse_delete BEFORE DELETE ON letter_skips
BEGIN SELECT RAISE(ABORT, 'append_only: a letter is never deleted'); END;
