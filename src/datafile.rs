//! Loading the project's RON data files (schema, gazetteer) with errors that name the
//! file, the line and the problem.

use serde::de::DeserializeOwned;
use std::fmt;

/// A problem with a data file: malformed RON, a duplicate or dangling id, an unknown
/// relation name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct DataError {
    /// The file as the user named it (or `data/actors.ron` for built-in data).
    pub file: String,
    /// 1-based line, where known.
    pub line: Option<usize>,
    /// 1-based column, where known.
    pub column: Option<usize>,
    pub problem: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
            if let Some(c) = self.column {
                write!(f, ":{c}")?;
            }
        }
        write!(f, ": {}", self.problem)
    }
}

impl DataError {
    pub fn new(file: &str, line: Option<usize>, problem: impl Into<String>) -> Self {
        DataError {
            file: file.to_string(),
            line,
            column: None,
            problem: problem.into(),
        }
    }
}

/// Parse RON text, turning a syntax or shape error into a [`DataError`] with position.
pub fn parse_ron<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, DataError> {
    ron::Options::default()
        .from_str(text)
        .map_err(|e| DataError {
            file: file.to_string(),
            line: Some(e.span.start.line),
            column: Some(e.span.start.col),
            problem: format!("malformed RON: {}", e.code),
        })
}

/// Finds the entries of a file in the order they are written, so that an entry
/// parsed by serde can be traced back to its line. Lines are counted from one entry
/// to the next, not from the top of the file for each (which made loading a long
/// list quadratic).
#[derive(Debug, Clone)]
pub struct FieldLocator<'t> {
    text: &'t str,
    /// Where the last entry found ends, and the 1-based line there.
    pos: usize,
    line: usize,
}

impl<'t> FieldLocator<'t> {
    pub fn new(text: &'t str) -> Self {
        FieldLocator {
            text,
            pos: 0,
            line: 1,
        }
    }

    /// The 1-based line of the first `field: "value"` after the last entry found; if
    /// there is none, the position stays.
    pub fn next(&mut self, field: &str, value: &str) -> Option<usize> {
        let newlines = |s: &str| s.bytes().filter(|&b| b == b'\n').count();
        let needle = format!("{field}: {}", ron_string(value));
        let at = self.text.get(self.pos..)?.find(&needle)? + self.pos;
        let line = self.line + newlines(&self.text[self.pos..at]);
        self.pos = at + needle.len();
        self.line = line + newlines(&needle);
        Some(line)
    }
}

/// A string as RON writes it (quoted, escaped), to search for it in a file.
fn ron_string(value: &str) -> String {
    ron::to_string(value).unwrap_or_else(|_| format!("{value:?}"))
}
