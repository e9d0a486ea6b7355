-- 0003: the papers and their signatures. Never edit this file once released.

-- The letterhead's logo and the company seal (公章) for letters, as PNG.
ALTER TABLE company ADD COLUMN logo_png BLOB;
ALTER TABLE company ADD COLUMN stamp_png BLOB;

-- Every formal document once issued: the exact PDF bytes printed and their SHA-256, so
-- that what the customer signed can always be shown and proven unchanged.
-- signature_slot: where the customer signs, {"page":1,"x":15.0,"y":200.0,"w":86.0,"h":30.0}
-- (page from 1, the box in mm from the page's top-left corner).
CREATE TABLE documents (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL CHECK (kind IN ('delivery_note', 'statement', 'letter', 'plan')),
    number         TEXT NOT NULL CHECK (number <> ''),
    customer_id    INTEGER NOT NULL REFERENCES customers (id),
    doc_date       TEXT NOT NULL,
    language       TEXT NOT NULL CHECK (language IN ('zh', 'en')),
    paper          TEXT NOT NULL CHECK (paper IN ('A4', 'A5')),
    signature_slot TEXT NOT NULL,
    pdf            BLOB NOT NULL,
    sha256         TEXT NOT NULL CHECK (length(sha256) = 64),
    size_bytes     INTEGER NOT NULL CHECK (size_bytes > 0),
    created_at     TEXT NOT NULL,
    operator       TEXT NOT NULL,
    UNIQUE (kind, number)
);
CREATE INDEX documents_customer ON documents (customer_id, kind, doc_date);
CREATE TRIGGER documents_refuse_update BEFORE UPDATE ON documents
BEGIN SELECT RAISE(ABORT, 'append_only: an issued document is never changed; issue a correcting one'); END;
CREATE TRIGGER documents_refuse_delete BEFORE DELETE ON documents
BEGIN SELECT RAISE(ABORT, 'append_only: an issued document is never deleted'); END;

-- The customer's signature on a document, once: drawn on the pad (strokes and PNG) or the
-- signed paper scanned back (an attachment). signs_sha256 is the hash of the issued PDF it
-- signs; pdf is the signed version (the issued pages with the signature printed in the
-- signature box, and the scan as a last page).
CREATE TABLE signatures (
    id                 INTEGER PRIMARY KEY,
    document_id        INTEGER NOT NULL UNIQUE REFERENCES documents (id),
    method             TEXT NOT NULL CHECK (method IN ('pad', 'scan')),
    signer             TEXT NOT NULL CHECK (signer <> ''),
    signer_role        TEXT NOT NULL DEFAULT '',
    signed_at          TEXT NOT NULL,
    signs_sha256       TEXT NOT NULL CHECK (length(signs_sha256) = 64),
    strokes            TEXT,
    image_png          BLOB,
    scan_attachment_id INTEGER REFERENCES attachments (id),
    pdf                BLOB NOT NULL,
    sha256             TEXT NOT NULL CHECK (length(sha256) = 64),
    size_bytes         INTEGER NOT NULL CHECK (size_bytes > 0),
    created_at         TEXT NOT NULL,
    operator           TEXT NOT NULL,
    CHECK ((method = 'pad') = (image_png IS NOT NULL AND strokes IS NOT NULL)),
    CHECK ((method = 'scan') = (scan_attachment_id IS NOT NULL))
);
CREATE TRIGGER signatures_refuse_update BEFORE UPDATE ON signatures
BEGIN SELECT RAISE(ABORT, 'append_only: a signature is never changed'); END;
CREATE TRIGGER signatures_refuse_delete BEFORE DELETE ON signatures
BEGIN SELECT RAISE(ABORT, 'append_only: a signature is never deleted'); END;
