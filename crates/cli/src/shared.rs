//! Where the book is: a SQLite file on this computer or shared books in a PostgreSQL
//! database. The commands whose meaning depends on which: `demo` and `restore` at either,
//! and `copy-to`, which moves a whole book, attached files and all, from one to the other.

use huikuan_app::{AppError, Books, Clock};
use huikuan_domain::money::group_thousands;
use huikuan_store::{Locator, Server, StoreError};

use crate::args::Format;
use crate::render;

/// The demo company's books at `locator`. On a server they are built in a SQLite file
/// first, as on this computer, then copied whole into the (empty) database.
pub fn demo(
    locator: &Locator,
    clock: impl Fn() -> Result<Box<dyn Clock>, AppError>,
    operator: &str,
    seed: u64,
    format: Format,
) -> Result<String, AppError> {
    let server = match locator {
        Locator::File(path) => {
            if path.exists() {
                return Err(AppError::BooksExist(path.display().to_string()));
            }
            huikuan_app::demo::create_demo_books(path, clock()?, operator, seed)?;
            return Ok(render::message(format, &format!("demo books written to {}", path.display())));
        }
        Locator::Server(server) => server,
    };
    // The server first: a wrong address or another program's database is said before the
    // demo is built, not after.
    drop(open(locator, clock()?, operator)?);
    let dir = tempfile::tempdir()
        .map_err(|e| AppError::File { path: "a temporary folder".into(), message: e.to_string() })?;
    let mut built = huikuan_app::demo::create_demo_books(&dir.path().join("demo.db"), clock()?, operator, seed)?;
    built.copy_to(locator).map_err(plainly)?;
    Ok(render::message(format, &format!("demo books written to {}", server.shown())))
}

/// Opens the book at `locator`, a server's missing password said as such.
pub fn open(locator: &Locator, clock: Box<dyn Clock>, operator: &str) -> Result<Books, AppError> {
    Books::open_at(locator, clock, operator).map_err(plainly)
}

/// The store counts a password nobody gave among the ways a server cannot be reached (the
/// connection was never tried); here it is said as what to do.
fn plainly(error: AppError) -> AppError {
    match &error {
        AppError::Store(StoreError::ServerGone { server, why }) if why.contains("password missing") => AppError::Rule(
            format!(
                "the database server at {server} asks for a password: put it in the URL \
                 (postgresql://USER:PASSWORD@HOST:PORT/DATABASE), in PGPASSWORD or in ~/.pgpass"
            )
            .into(),
        ),
        _ => error,
    }
}

/// Shared books are never replaced wholesale from a file: that would pull them from under
/// every seat. A backup goes into an empty database of its own instead.
pub fn no_restore_on_server(server: &Server) -> AppError {
    AppError::Rule(
        format!(
            "restore replaces a book file; shared books at {} are not replaced. Copy the backup into an \
             empty database instead: huikuan-cli --db BACKUP.db copy-to postgresql://USER@HOST:PORT/NEW_DATABASE",
            server.shown()
        )
        .into(),
    )
}

/// Copies the whole book, with its attached files, into an empty PostgreSQL database or
/// into a new SQLite file.
pub fn copy_to(books: &mut Books, format: Format, target: &str) -> Result<String, AppError> {
    let target = Locator::parse(target)?;
    match &target {
        Locator::File(path) if path.exists() => {
            let why = format!("{} already exists; copy-to writes a new book: choose a new file", path.display());
            return Err(AppError::Rule(why.into()));
        }
        Locator::Server(server) if server.shown() == books.store().location() => {
            return Err(AppError::Rule("a book cannot be copied onto itself: name another database".into()));
        }
        _ => {}
    }
    // Nothing half-made is left behind: Books::copy_to removes a new file it could not finish.
    let copied = books.copy_to(&target).map_err(plainly)?;
    Ok(render::json_or(format, &copied, |c| {
        let files = match c.files {
            0 => String::new(),
            n => format!(" and {} attached file(s)", thousands(n)),
        };
        format!("copied {} entries of {} customers{files} to {}\n", thousands(c.entries), thousands(c.customers), c.to)
    }))
}

/// 1234567 as "1,234,567".
fn thousands(n: i64) -> String {
    let sign = if n < 0 { "-" } else { "" };
    format!("{sign}{}", group_thousands(&n.unsigned_abs().to_string()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands_are_grouped_by_three() {
        let shown: Vec<String> = [0, 12, 999, 1_000, 1_234, 56_789, 1_234_567, -4_500].map(super::thousands).to_vec();
        assert_eq!(shown, ["0", "12", "999", "1,000", "1,234", "56,789", "1,234,567", "-4,500"]);
    }
}
