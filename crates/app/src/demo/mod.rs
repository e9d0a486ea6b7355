//! The demo company for the first-start welcome screen: a building-materials distributor in
//! Hangzhou with about sixty credit customers and two years of deliveries, payments and
//! returns up to today, some paying late, some not at all, some disputing a delivery.
//!
//! It is generated rather than shipped as a file so that it always looks current: every
//! date is counted back from the clock's today, and the same seed on the same day gives
//! the same books.

mod cast;
mod names;
mod rng;
mod simulate;
#[cfg(test)]
mod tests;

use std::path::Path;

pub(crate) use rng::Rng;

use crate::{AppError, Books, Clock, FixedClock};

/// Creates the demo business at `path` (which must not exist yet): builds it in memory, then
/// copies it to disk in one step.
pub fn create_demo_books(path: &Path, clock: Box<dyn Clock>, operator: &str, seed: u64) -> Result<Books, AppError> {
    if path.exists() {
        return Err(AppError::BooksExist(path.display().to_string()));
    }
    let today = clock.today();
    // In memory: thousands of small transactions would each wait for the disk otherwise,
    // and a half-built demo can never be left behind.
    let mut books = Books::open_in_memory(Box::new(FixedClock::on(today)), operator)?;
    simulate::run(&mut books, today, seed)?;
    let key = crate::books::DEMO_KEY;
    books.store().write(|tx| Ok::<_, AppError>(huikuan_store::tables::settings::put(tx, key, &true)?))?;
    books.backup_to(path)?;
    drop(books);
    Books::open(path, clock, operator)
}
