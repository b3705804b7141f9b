//! Byte spans into a source text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into one source string.
///
/// Every span the pipeline hands on indexes the text it came from exactly: no stage
/// normalises text and then reports offsets into the normalised copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers in `source`.
    pub fn of<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }

    /// Shift a span relative to a sub-slice back into the coordinates of its parent.
    pub fn offset(&self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }

    /// Shrink the span so that it neither starts nor ends with whitespace.
    pub fn trim(&self, source: &str) -> Span {
        let s = self.of(source);
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if lead == s.len() {
            return Span::new(self.start, self.start);
        }
        Span::new(self.start + lead, self.end - trail)
    }
}
