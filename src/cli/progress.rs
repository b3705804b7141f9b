//! The progress bar of `extract` and `build`: bytes of input read, MB/s and ETA.
//!
//! Drawn on stderr only when stderr is a terminal and `--quiet` is not given, so that
//! tests, pipes and log files see nothing of it. The total is the size of every article
//! file under the inputs, summed up front (a walk with `stat`s, cheap next to reading).
//! The position advances by the text bytes of each batch of articles once it is
//! extracted: for `.txt` files that is the file, for JSON Lines the record without its
//! markup, so the bar runs slightly behind on `.jsonl` input; it is cleared at the end.

use crate::corpus::Article;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// A progress bar, or nothing.
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar over the article files under `paths`, if stderr is a terminal and the run
    /// is not `quiet`.
    pub fn new(paths: &[PathBuf], quiet: bool) -> Self {
        if quiet || !std::io::stderr().is_terminal() {
            return Progress::silent();
        }
        let bar =
            ProgressBar::with_draw_target(Some(total_bytes(paths)), ProgressDrawTarget::stderr());
        let style = ProgressStyle::with_template(
            "{elapsed_precise} [{wide_bar}] {decimal_bytes}/{decimal_total_bytes} \
             {decimal_bytes_per_sec} ETA {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
        bar.set_style(style);
        Progress { bar: Some(bar) }
    }

    /// No bar at all.
    pub fn silent() -> Self {
        Progress { bar: None }
    }

    /// Count a batch of articles as done (read and extracted).
    pub fn advance(&self, articles: &[Box<Article>]) {
        if let Some(bar) = &self.bar {
            let bytes: usize = articles
                .iter()
                .flat_map(|a| a.fields())
                .map(|f| f.text.len())
                .sum();
            let total = bar.length().unwrap_or(u64::MAX);
            bar.set_position((bar.position() + bytes as u64).min(total));
        }
    }

    /// Run `f` (which prints to stderr) with the bar out of the way.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// Remove the bar: the run is over.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        // An early return (a write error) must not leave a bar on the terminal.
        self.finish();
    }
}

/// The bytes of every file the reader will read: each path given that is a file, and
/// the `.txt` and `.jsonl` files under each directory. Unreadable ones count 0 (the
/// reader reports them).
fn total_bytes(paths: &[PathBuf]) -> u64 {
    paths
        .iter()
        .flat_map(|p| walkdir::WalkDir::new(p).follow_links(true))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && (e.depth() == 0 || is_article_file(e.path())))
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum()
}

fn is_article_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("jsonl"))
}
