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

/// The 1-based line on which `field: "value"` first appears at or after byte `from`,
/// so that an entry parsed by serde can be traced back to where it is written.
pub fn line_of_field(text: &str, field: &str, value: &str, from: usize) -> Option<(usize, usize)> {
    let needle = format!("{field}: {}", ron_string(value));
    let at = text.get(from..)?.find(&needle)? + from;
    Some((text[..at].matches('\n').count() + 1, at + needle.len()))
}

/// A string as RON writes it (quoted, escaped), to search for it in a file.
fn ron_string(value: &str) -> String {
    ron::to_string(value).unwrap_or_else(|_| format!("{value:?}"))
}
