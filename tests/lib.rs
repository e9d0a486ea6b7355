//! Helpers shared by the cross-crate tests: fresh books on a fixed clock, and the
//! scenario script runner.

pub mod scenario;

use chrono::NaiveDate;
use huikuan_app::{Books, FixedClock};

pub fn date(text: &str) -> NaiveDate {
    huikuan_domain::calendar::parse_date(text).expect("test dates are valid")
}

/// In-memory books whose today is `today`.
pub fn books_on(today: &str) -> Books {
    Books::open_in_memory(Box::new(FixedClock::on(date(today))), "tester").expect("in-memory books open")
}

/// Every row of every table, as text: two dumps are equal when nothing was written.
pub fn dump(conn: &rusqlite::Connection) -> Vec<String> {
    let mut tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    tables.push("sqlite_master".into());
    let mut out = Vec::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\" ORDER BY 1")).unwrap();
        let columns = stmt.column_count();
        let rows = stmt
            .query_map([], |row| {
                let cells: Vec<String> = (0..columns).map(|i| format!("{:?}", row.get_ref(i).unwrap())).collect();
                Ok(format!("{table}: {}", cells.join(" | ")))
            })
            .unwrap();
        out.extend(rows.map(Result::unwrap));
    }
    out
}
