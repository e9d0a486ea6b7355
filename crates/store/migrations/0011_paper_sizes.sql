-- 0011: documents may be printed on the 241 × 140 mm continuous form (二等分) as well as A4
-- and A5 (issue 20). Never edit this file once released.
--
-- SQLite cannot change a CHECK constraint, so the table is built again with every row,
-- byte for byte (the PDFs are evidence) and the same ids, the way SQLite's manual says:
-- create the new table, copy, drop the old, rename the new (foreign keys are off while
-- migrations run and checked before they commit). The tables that refer to "documents"
-- (signatures, statements, sendings, letters, plans) then refer to the new one.
CREATE TABLE documents_0011 (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL CHECK (kind IN ('delivery_note', 'statement', 'letter', 'plan')),
    number         TEXT NOT NULL CHECK (number <> ''),
    customer_id    INTEGER NOT NULL REFERENCES customers (id),
    doc_date       TEXT NOT NULL,
    language       TEXT NOT NULL CHECK (language IN ('zh', 'en')),
    paper          TEXT NOT NULL CHECK (paper IN ('A4', 'A5', '241x140')),
    signature_slot TEXT NOT NULL,
    pdf            BLOB NOT NULL,
    sha256         TEXT NOT NULL CHECK (length(sha256) = 64),
    size_bytes     INTEGER NOT NULL CHECK (size_bytes > 0),
    created_at     TEXT NOT NULL,
    operator       TEXT NOT NULL,
    UNIQUE (kind, number)
);
INSERT INTO documents_0011 (id, kind, number, customer_id, doc_date, language, paper, signature_slot, pdf, sha256,
                            size_bytes, created_at, operator)
SELECT id, kind, number, customer_id, doc_date, language, paper, signature_slot, pdf, sha256,
       size_bytes, created_at, operator
FROM documents;
DROP TABLE documents;
ALTER TABLE documents_0011 RENAME TO documents;
CREATE INDEX documents_customer ON documents (customer_id, kind, doc_date);
CREATE TRIGGER documents_refuse_update BEFORE UPDATE ON documents
BEGIN SELECT RAISE(ABORT, 'append_only: an issued document is never changed; issue a correcting one'); END;
CREATE TRIGGER documents_refuse_delete BEFORE DELETE ON documents
BEGIN SELECT RAISE(ABORT, 'append_only: an issued document is never deleted'); END;
