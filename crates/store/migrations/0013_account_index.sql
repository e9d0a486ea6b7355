-- 0013: a report for a past date settles every customer's account as it stood then; this
-- index holds every column settling reads, in the order it reads them, so one pass over it
-- yields the accounts one customer after another with no lookup into the table (3.3 s of
-- lookups and sorting on a 1M-entry book before). It serves whatever the index it replaces
-- (customer_id, doc_date) served.
DROP INDEX entries_customer_date;
CREATE INDEX entries_account ON entries (customer_id, doc_date, side, id, kind, number, due_date, amount_cents);
