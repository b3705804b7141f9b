//! The corpus: files and directories of news articles, read into [`Article`]s.
//!
//! Owns everything about *where text comes from*: walking directories, the two input
//! formats (`.txt`, one article a file; `.jsonl`, one article a line), the inline date
//! marker, scraping junk, and lossy decoding. It hands on the original text untouched,
//! with the regions that are article text, so that every later span indexes the input
//! exactly as read.

mod junk;
mod reader;
mod source_map;

pub use reader::{read_inputs, Inputs, Read, ReadOptions};
pub use source_map::{decode_lossy, SourceMap};

use crate::text::Span;
use chrono::NaiveDate;

/// Which part of an input record a text comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FieldKind {
    /// The headline given separately in a JSON Lines record.
    Title,
    /// The article text (a whole `.txt` file, or the `text` of a record).
    Body,
}

/// One text of an article, as read, with the regions that hold article text.
#[derive(Debug, Clone)]
pub struct Field {
    pub kind: FieldKind,
    /// The text exactly as read (lossily decoded where it was not UTF-8).
    pub text: String,
    /// The parts of `text` that are article text, in order, never overlapping: the
    /// date marker and scraping junk fall outside them.
    pub regions: Vec<Span>,
    /// Maps offsets in `text` back to the input's bytes.
    pub source_map: SourceMap,
}

impl Field {
    /// A field whose text from `text_start` on is article text, minus junk.
    pub fn new(kind: FieldKind, text: String, source_map: SourceMap, text_start: usize) -> Self {
        let regions = junk::article_regions(&text, text_start);
        Field {
            kind,
            text,
            regions,
            source_map,
        }
    }
}

/// One news article.
#[derive(Debug, Clone)]
pub struct Article {
    /// The document id: the file name of a `.txt`, or the `id` of a JSON Lines record.
    pub id: String,
    /// The article's own date (inline marker or record field), if it has one.
    pub date: Option<NaiveDate>,
    /// The headline of a JSON Lines record; `.txt` headlines are part of the body.
    pub title: Option<Field>,
    pub body: Field,
}

impl Article {
    /// The article's fields in reading order: title first.
    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        self.title.iter().chain(std::iter::once(&self.body))
    }
}

/// Parse an inline date marker at the very start of a `.txt` article
/// (` date 2022-01-21 Spain's foreign minister…`). Returns the date, if valid, and the
/// byte offset where the article text starts.
pub fn date_marker(text: &str) -> Option<(Result<NaiveDate, String>, usize)> {
    let trimmed = text.trim_start();
    let lead = text.len() - trimmed.len();
    let rest = trimmed.strip_prefix("date ")?;
    let candidate = rest.get(..10)?;
    let well_formed = candidate.bytes().enumerate().all(|(i, b)| match i {
        4 | 7 => b == b'-',
        _ => b.is_ascii_digit(),
    });
    let after = rest[10..].chars().next();
    if !well_formed || !matches!(after, None | Some(' ' | '\t' | '\n' | '\r')) {
        return None;
    }
    let start = lead + "date ".len() + 10;
    let date = NaiveDate::parse_from_str(candidate, "%Y-%m-%d")
        .map_err(|e| format!("date marker {candidate:?} is not a date: {e}"));
    Some((date, start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_marker_is_read_and_skipped() {
        let text = " date 2022-01-21 Spain's foreign minister said.";
        let (date, start) = date_marker(text).unwrap();
        assert_eq!(date.unwrap(), NaiveDate::from_ymd_opt(2022, 1, 21).unwrap());
        assert_eq!(&text[start..], " Spain's foreign minister said.");
    }

    #[test]
    fn impossible_date_marker_is_an_error_but_still_a_marker() {
        let (date, _) = date_marker("date 2022-13-45 Text").unwrap();
        assert!(date.unwrap_err().contains("2022-13-45"));
    }

    #[test]
    fn text_starting_with_the_word_date_is_not_a_marker() {
        assert!(date_marker("date night in Paris").is_none());
        assert!(date_marker("Date 2022-01-01 x").is_none());
    }
}
