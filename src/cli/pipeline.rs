//! The read → extract → hand-out pipeline of `extract` and `eval`.
//!
//! The calling thread reads the input and hands the triples out (writes or scores
//! them); the thread pool extracts. Reading and writing are serial (one input, one
//! output) and about a tenth of the work; on the calling thread they run beside
//! extraction instead of taking turns with it (100 MB with `--threads 1`: 6.1 -> 5.4 s).
//!
//! `build` keeps its own pipeline (`cli/build.rs`), in which the serial side runs on a
//! pool thread that takes extraction work when it is done: merging is a larger share
//! there, and as a third thread on two cores it made a 100 MB build 10-15% slower.

use super::progress::Progress;
use super::StderrReport;
use crate::corpus::{read_inputs, Article, ReadOptions};
use crate::diag::Report;
use rayon::prelude::*;
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::mpsc;

/// Batches given to the pool and not yet handed out. Two: while the calling thread
/// waits for batch n, batch n + 1 is already queued, so a pool thread that finishes
/// its last article of batch n starts on n + 1 rather than waiting for the others.
const IN_FLIGHT: usize = 2;

/// Read `paths` in batches of up to `batch_size` articles, run `work` on every article
/// in the thread pool, and hand each batch's results (in article order) to `each`, in
/// input order. Bad input goes to `report`; the first error of `each` ends the run.
/// Memory holds at most `IN_FLIGHT` + 1 batches.
pub fn in_input_order<T: Send, E>(
    paths: &[PathBuf],
    options: ReadOptions,
    batch_size: usize,
    report: &mut StderrReport,
    progress: &Progress,
    work: impl Fn(&Article) -> T + Sync,
    mut each: impl FnMut(Vec<T>) -> Result<(), E>,
) -> Result<(), E> {
    let mut inputs = read_inputs(paths, options);
    let work = &work;
    rayon::in_place_scope(|scope| {
        let mut in_flight = VecDeque::with_capacity(IN_FLIGHT);
        let mut more = true;
        loop {
            if more {
                let mut batch = Vec::with_capacity(batch_size);
                more = inputs.next_batch(&mut batch, batch_size, |p| {
                    progress.suspend(|| report.report(p))
                });
                if more {
                    let (tx, rx) = mpsc::sync_channel(1);
                    scope.spawn(move |_| {
                        let results: Vec<T> =
                            batch.par_iter().with_max_len(1).map(|a| work(a)).collect();
                        // The receiver is gone only once `each` has failed: nothing is
                        // wanted any more.
                        let _ = tx.send((batch, results));
                    });
                    in_flight.push_back(rx);
                }
            }
            if more && in_flight.len() < IN_FLIGHT {
                continue;
            }
            let Some(rx) = in_flight.pop_front() else {
                return Ok(());
            };
            // A batch whose extraction panicked drops its sender; the scope passes the
            // panic on when it ends.
            let Ok((batch, results)) = rx.recv() else {
                return Ok(());
            };
            each(results)?;
            progress.advance(&batch);
        }
    })
}
