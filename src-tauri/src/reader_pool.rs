//! A few connections kept open for reading beside the workspace's own: reports, pages and
//! previews run on one of these, so a long report never holds up another screen nor a
//! payment being saved (SQLite's WAL lets readers read while one connection writes; on a
//! server each reader has its own snapshot and never queues on the writers' lock).

use std::sync::{Arc, Mutex, MutexGuard};

use huikuan_app::readers::ReaderSource;
use huikuan_app::Books;
use huikuan_domain::DocLanguage;

/// Idle readers kept for the next read; more are opened while many reads run at once and
/// dropped when they finish (a window rarely asks for more than a screen's worth at once).
const IDLE_KEPT: usize = 4;

pub(crate) struct ReaderPool {
    // Shared with the thread that opens a spare reader.
    inner: Arc<Mutex<Pool>>,
}

struct Pool {
    /// Where readers of the workspace's current books come from; None without books (or
    /// for books in memory): reads then go to the workspace's own books.
    source: Option<ReaderSource>,
    /// Open readers of `source`'s books, waiting for a read.
    idle: Vec<Books>,
    /// The user's language, kept here so that an error is said without waiting for the
    /// workspace's lock (which a long write may hold).
    language: DocLanguage,
    /// A spare reader is being opened on a thread of its own.
    opening: bool,
}

/// A reader lent out for one read, and the key of the books it reads.
pub(crate) struct Lent {
    pub books: Books,
    key: String,
}

impl ReaderPool {
    pub fn new(source: Option<ReaderSource>, language: DocLanguage) -> ReaderPool {
        let pool =
            ReaderPool { inner: Arc::new(Mutex::new(Pool { source, idle: Vec::new(), language, opening: false })) };
        pool.keep_a_spare(&mut pool.pool());
        pool
    }

    fn pool(&self) -> MutexGuard<'_, Pool> {
        lock(&self.inner)
    }

    /// With no idle reader left, one more is opened on a thread of its own, so that the
    /// next read (the customer page while a report holds the last reader) need not wait
    /// for a connection to open: a new connection to a server takes tens of milliseconds.
    fn keep_a_spare(&self, pool: &mut Pool) {
        let Some(source) = pool.source.clone() else { return };
        if pool.opening || !pool.idle.is_empty() {
            return;
        }
        pool.opening = true;
        let inner = self.inner.clone();
        std::thread::spawn(move || {
            // A reader that fails to open is not kept: the next read opens its own and says why.
            let opened = source.open().ok();
            let spare = {
                let mut pool = lock(&inner);
                pool.opening = false;
                let current = pool.source.as_ref().is_some_and(|s| s.key() == source.key());
                match opened {
                    Some(books) if current && pool.idle.len() < IDLE_KEPT => {
                        pool.idle.push(books);
                        None
                    }
                    other => other,
                }
            };
            drop(spare);
        });
    }

    pub fn language(&self) -> DocLanguage {
        self.pool().language
    }

    /// Called with the workspace's lock held after every change through the workspace, so
    /// that the order of two changes is the order the pool learns of them. Readers of books
    /// the workspace no longer has are handed back to be dropped after the lock is let go.
    pub fn refresh(&self, source: Option<ReaderSource>, language: DocLanguage) -> Vec<Books> {
        let mut pool = self.pool();
        pool.language = language;
        let same = match (&pool.source, &source) {
            (Some(old), Some(new)) => old.key() == new.key(),
            (None, None) => true,
            _ => false,
        };
        pool.source = source;
        if same {
            return Vec::new();
        }
        let stale = std::mem::take(&mut pool.idle);
        self.keep_a_spare(&mut pool);
        stale
    }

    /// A reader of the current books: an idle one, or a new one opened outside the pool's
    /// lock. None when there are no readers to be had (no books, books in memory).
    pub fn lend(&self) -> Option<Result<Lent, huikuan_app::AppError>> {
        let (source, idle) = {
            let mut pool = self.pool();
            let source = pool.source.clone()?;
            let idle = pool.idle.pop();
            self.keep_a_spare(&mut pool);
            (source, idle)
        };
        let key = source.key().to_string();
        Some(match idle {
            Some(books) => Ok(Lent { books, key }),
            None => source.open().map(|books| Lent { books, key }),
        })
    }

    /// Keeps the reader for the next read if its books are still the workspace's and few
    /// enough are idle; otherwise it is dropped (outside the lock).
    pub fn give_back(&self, lent: Lent) {
        let spare = {
            let mut pool = self.pool();
            let current = pool.source.as_ref().is_some_and(|s| s.key() == lent.key);
            if current && pool.idle.len() < IDLE_KEPT {
                pool.idle.push(lent.books);
                None
            } else {
                Some(lent.books)
            }
        };
        drop(spare);
    }
}

fn lock(pool: &Mutex<Pool>) -> MutexGuard<'_, Pool> {
    // Nothing in the pool is left half-changed by a panic: a poisoned lock is still good.
    pool.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
