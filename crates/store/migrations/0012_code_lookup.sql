-- 0012: customers are found by code whatever its case, as `lower(code) = lower(?)`, the
-- same query on SQLite and PostgreSQL; this index answers it (the NOCASE column's own
-- index does not serve lower()). PostgreSQL's schema has had it since its first version.
CREATE INDEX customers_code_lower ON customers (lower(code));
