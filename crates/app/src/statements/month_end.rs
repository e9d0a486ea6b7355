//! The month-end run: every customer with a balance or a movement in the period gets its
//! statement in one step. Statements are composed from one read of the books, rendered on
//! both cores, and kept in order, a few to a transaction, so cancelling keeps the ones
//! finished and the numbers stay gapless.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Instant;

use chrono::Datelike;
use huikuan_docs::{statement_pdf, DocError, Rendered, StatementDoc};
use huikuan_domain::{DocType, Money, Period};
use huikuan_store::tables::{sequences, statements};
use serde::Serialize;
use ts_rs::TS;

use super::compose::compose;
use super::issue_statement::keep_in_tx;
use super::views::{StatementStatus, StatementSummary};
use crate::error::AppError;
use crate::{Books, Customer};

/// A customer who will get a statement for the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MonthEndCandidate {
    pub code: String,
    pub name: String,
    pub closing: Money,
    pub movements: u32,
    /// The statement already issued for this period, if any: the run skips the customer.
    pub existing: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MonthEndProgress {
    pub done: u32,
    pub total: u32,
    pub number: String,
    pub customer_code: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct IssuedStatement {
    pub number: String,
    pub customer_code: String,
    pub customer_name: String,
    pub closing: Money,
    /// Where its PDF was written, when an output folder was given.
    pub file: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MonthEndSummary {
    pub period: Period,
    pub issued: Vec<IssuedStatement>,
    /// Customers skipped because their statement for the period exists: (code, number).
    pub skipped: Vec<(String, String)>,
    pub cancelled: bool,
    pub merged_file: Option<String>,
    pub millis: u64,
}

/// Per period: how many statements went out and what came back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MonthEndCounts {
    pub issued: u32,
    pub sent: u32,
    pub confirmed: u32,
    pub disputed: u32,
    pub pending: u32,
    pub superseded: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MonthEndOverview {
    pub period: Period,
    pub counts: MonthEndCounts,
    pub statements: Vec<StatementSummary>,
    /// Every period with statements, newest first.
    pub periods: Vec<Period>,
}

/// At most this many statements are kept in one transaction.
const GROUP: usize = 16;

/// Renders on every core but one's worth of writing: two renderers on a two-core machine.
fn renderers() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(1, 8)
}

fn file_name(dir: &Path, doc: &StatementDoc) -> PathBuf {
    dir.join(format!("{}-{}.pdf", doc.number, doc.customer_code))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), AppError> {
    std::fs::write(path, bytes).map_err(|e| AppError::File { path: path.display().to_string(), message: e.to_string() })
}

impl Books {
    /// Who gets a statement for `period`: a balance at its end or a movement in it.
    pub fn month_end_candidates(&mut self, period: Period) -> Result<Vec<MonthEndCandidate>, AppError> {
        self.store.read(|tx| {
            statements::candidates(tx, period)?
                .into_iter()
                .map(|c| {
                    Ok(MonthEndCandidate {
                        existing: statements::current(tx, c.customer_id, period)?.map(|s| s.number),
                        code: c.code,
                        name: c.name,
                        closing: c.closing,
                        movements: c.movements as u32,
                    })
                })
                .collect()
        })
    }

    /// Issues the statements of `codes` for `period`, writing each PDF to `out_dir` (and
    /// all of them as one PDF when `merged`). `progress` hears of each one kept; `cancel`
    /// stops the run once the statements being kept are.
    pub fn run_month_end(
        &mut self,
        period: Period,
        codes: &[String],
        out_dir: Option<&Path>,
        merged: bool,
        cancel: &AtomicBool,
        progress: &mut dyn FnMut(&MonthEndProgress),
    ) -> Result<MonthEndSummary, AppError> {
        let started = Instant::now();
        let today = self.clock.today();
        let stamp = self.stamp();
        if let Some(dir) = out_dir {
            std::fs::create_dir_all(dir)
                .map_err(|e| AppError::File { path: dir.display().to_string(), message: e.to_string() })?;
        }
        // One read: the customers to do, each composed under the number it should take.
        let (work, skipped) = self.store.read(|tx| {
            let mut next = sequences::last(tx, DocType::Statement, today.year())?;
            let mut work: Vec<(Customer, StatementDoc)> = Vec::new();
            let mut skipped = Vec::new();
            for code in codes {
                let customer = crate::books::customer_by_code(tx, code)?;
                if let Some(existing) = statements::current(tx, customer.id, period)? {
                    skipped.push((customer.fields.code.clone(), existing.number));
                    continue;
                }
                next += 1;
                let number = DocType::Statement.format_number(today.year(), next);
                let doc = compose(tx, &customer, period, today, &number, None)?;
                work.push((customer, doc));
            }
            Ok::<_, AppError>((work, skipped))
        })?;

        let total = work.len() as u32;
        let mut issued = Vec::new();
        let mut pdfs = Vec::new();
        let next_job = AtomicUsize::new(0);
        let stop = AtomicBool::new(false);
        let (sender, results) = mpsc::channel::<(usize, Result<Rendered, DocError>)>();
        std::thread::scope(|scope| -> Result<(), AppError> {
            for _ in 0..renderers() {
                let sender = sender.clone();
                let (work, next_job, stop) = (&work, &next_job, &stop);
                scope.spawn(move || loop {
                    let i = next_job.fetch_add(1, Ordering::Relaxed);
                    if i >= work.len() || stop.load(Ordering::Relaxed) || cancel.load(Ordering::Relaxed) {
                        break;
                    }
                    if sender.send((i, statement_pdf(&work[i].1))).is_err() {
                        break;
                    }
                });
            }
            drop(sender);
            let mut waiting: BTreeMap<usize, Result<Rendered, DocError>> = BTreeMap::new();
            let mut next = 0;
            let outcome = (|| {
                while next < work.len() && !cancel.load(Ordering::Relaxed) {
                    // The next statement in order, then every one after it already rendered.
                    while !waiting.contains_key(&next) {
                        match results.recv() {
                            Ok((j, r)) => {
                                waiting.insert(j, r);
                            }
                            Err(_) => return Ok(()), // the renderers stopped: cancelled
                        }
                    }
                    while let Ok((j, r)) = results.try_recv() {
                        waiting.insert(j, r);
                    }
                    let mut group = Vec::new();
                    while group.len() < GROUP {
                        let Some(rendered) = waiting.remove(&(next + group.len())) else { break };
                        group.push(rendered?);
                    }
                    let first = next;
                    next += group.len();
                    // One transaction a group: a crash or a cancel keeps whole groups, each
                    // statement numbered in order, and the disk is synced once a group.
                    let kept = self.store.write(|tx| {
                        let mut kept = Vec::new();
                        for (k, mut rendered) in group.into_iter().enumerate() {
                            let (customer, doc) = &work[first + k];
                            let number = sequences::next_number(tx, DocType::Statement, today.year())?;
                            let mut doc = doc.clone();
                            // Someone else took a number meanwhile: this one prints the number it gets.
                            if number != doc.number {
                                doc.number = number;
                                rendered = statement_pdf(&doc)?;
                            }
                            keep_in_tx(tx, &stamp, customer, period, &doc, &rendered, None)?;
                            kept.push((doc, rendered.pdf));
                        }
                        Ok::<_, AppError>(kept)
                    })?;
                    for (doc, pdf) in kept {
                        let file = match out_dir {
                            Some(dir) => {
                                let path = file_name(dir, &doc);
                                write(&path, &pdf)?;
                                Some(path.display().to_string())
                            }
                            None => None,
                        };
                        issued.push(IssuedStatement {
                            number: doc.number.clone(),
                            customer_code: doc.customer_code.clone(),
                            customer_name: doc.customer_name.clone(),
                            closing: doc.closing,
                            file,
                        });
                        if merged {
                            pdfs.push(pdf);
                        }
                        progress(&MonthEndProgress {
                            done: issued.len() as u32,
                            total,
                            number: doc.number,
                            customer_code: doc.customer_code,
                        });
                    }
                }
                Ok(())
            })();
            stop.store(true, Ordering::Relaxed);
            drop(results);
            outcome
        })?;

        let merged_file = match (out_dir, merged && !pdfs.is_empty()) {
            (Some(dir), true) => {
                let path = dir.join(format!("statements-{}.pdf", period.label()));
                write(&path, &huikuan_docs::merge::concat(&pdfs, &format!("statements-{}", period.label()))?)?;
                Some(path.display().to_string())
            }
            _ => None,
        };
        Ok(MonthEndSummary {
            period,
            cancelled: issued.len() < work.len(),
            issued,
            skipped,
            merged_file,
            millis: started.elapsed().as_millis() as u64,
        })
    }

    /// The period's statements and what became of them.
    pub fn month_end(&mut self, period: Period) -> Result<MonthEndOverview, AppError> {
        self.store.read(|tx| {
            let statements: Vec<StatementSummary> =
                statements::for_period(tx, period)?.into_iter().map(StatementSummary::of).collect();
            let count = |f: &dyn Fn(&StatementSummary) -> bool| statements.iter().filter(|s| f(s)).count() as u32;
            let current = |s: &StatementSummary| s.status != StatementStatus::Superseded;
            let counts = MonthEndCounts {
                issued: count(&current),
                sent: count(&|s| current(s) && s.sent),
                confirmed: count(&|s| s.status == StatementStatus::Confirmed),
                disputed: count(&|s| s.status == StatementStatus::Disputed),
                pending: count(&|s| s.status == StatementStatus::Pending),
                superseded: count(&|s| s.status == StatementStatus::Superseded),
            };
            Ok(MonthEndOverview { period, counts, statements, periods: statements::periods(tx)? })
        })
    }
}
