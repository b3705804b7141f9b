//! Problems found in input, reported without stopping the run.
//!
//! Bad input must never end a run over an archive: each stage records a [`Problem`]
//! naming the file, the place and what is wrong, skips what it cannot read, and goes
//! on. The CLI prints them to stderr and exits 1 when anything was skipped.

use std::fmt;
use std::path::{Path, PathBuf};

/// Where in the input a problem lies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The file as a whole.
    File,
    /// A 1-based line (JSON Lines records, RON files).
    Line(usize),
    /// A 1-based line and column.
    LineCol(usize, usize),
    /// A 0-based byte offset.
    Byte(usize),
}

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Input was read, but not exactly as written (e.g. invalid UTF-8 replaced).
    Warning,
    /// Input (a file, a record) was skipped.
    Skipped,
}

/// One problem with one input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    pub place: Place,
    pub severity: Severity,
    pub message: String,
}

impl Problem {
    pub fn skipped(path: &Path, place: Place, message: impl Into<String>) -> Self {
        Problem {
            path: path.to_path_buf(),
            place,
            severity: Severity::Skipped,
            message: message.into(),
        }
    }

    pub fn warning(path: &Path, place: Place, message: impl Into<String>) -> Self {
        Problem {
            path: path.to_path_buf(),
            place,
            severity: Severity::Warning,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.severity {
            Severity::Warning => "warning",
            Severity::Skipped => "skipped",
        };
        write!(f, "{what}: {}", self.path.display())?;
        match self.place {
            Place::File => {}
            Place::Line(l) => write!(f, ":{l}")?,
            Place::LineCol(l, c) => write!(f, ":{l}:{c}")?,
            Place::Byte(b) => write!(f, ": byte {b}")?,
        }
        write!(f, ": {}", self.message)
    }
}

/// A sink for problems. Stages take `&mut dyn Report` so that the CLI can print as it
/// goes while tests collect.
pub trait Report {
    fn report(&mut self, problem: Problem);
}

impl Report for Vec<Problem> {
    fn report(&mut self, problem: Problem) {
        self.push(problem);
    }
}
