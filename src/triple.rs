//! The triple stream: what `extract` prints, one JSON object a line.
//!
//! The field names and meanings are fixed by `shared/spec/triples.md`; this module is
//! the single place that knows them.

use crate::gazetteer::ActorKind;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// Whether, by the text, an event happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mood {
    /// Reported as happened or happening.
    Asserted,
    /// Announced for the future.
    Scheduled,
    /// Conditional, possible, feared, or alleged inside another actor's claim.
    Hypothetical,
    /// Explicitly did not happen (refused, cancelled, denied).
    Negated,
}

impl Mood {
    /// Facts are what the text asserts as happened or scheduled.
    pub fn is_fact(self) -> bool {
        matches!(self, Mood::Asserted | Mood::Scheduled)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Mood::Asserted => "asserted",
            Mood::Scheduled => "scheduled",
            Mood::Hypothetical => "hypothetical",
            Mood::Negated => "negated",
        }
    }
}

impl fmt::Display for Mood {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An actor as the stream writes it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct ActorRef {
    pub id: Arc<str>,
    pub name: Arc<str>,
    pub kind: ActorKind,
    /// The country or organization a person, body or national group belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<Arc<str>>,
}

/// The object of a triple: an actor, or a concept when no actor is named.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(untagged)]
pub enum Object {
    Actor(ActorRef),
    Concept { concept: String },
}

/// One triple of the stream.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Triple {
    pub doc: String,
    #[serde(serialize_with = "iso_date")]
    pub date: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "iso_date")]
    pub event_date: Option<NaiveDate>,
    pub sentence: usize,
    /// `[start, end)` byte offsets of the sentence in the input's original bytes.
    pub span: [usize; 2],
    pub text: String,
    /// `"title"` for sentences of a JSON Lines record's title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'static str>,
    pub subject: ActorRef,
    pub relation: String,
    pub object: Object,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    pub mood: Mood,
    pub confidence: f32,
}

/// A date as chrono writes it ("2022-01-21"), spelt on the stack: chrono serializes
/// through `collect_str`, whose formatting machinery took a tenth of the time of
/// writing a triple (and a `String` per date in graph files).
#[derive(Debug, Clone, Copy)]
pub(crate) struct IsoDate(pub NaiveDate);

impl IsoDate {
    /// The date as ten ASCII bytes, `YYYY-MM-DD`; `None` for a year outside 0..=9999,
    /// which chrono writes signed and wider ("+10000-01-01").
    pub(crate) fn ascii(self) -> Option<[u8; 10]> {
        use chrono::Datelike;
        let year = self.0.year();
        if !(0..=9999).contains(&year) {
            return None;
        }
        let mut text = *b"0000-00-00";
        let mut put = |at: usize, n: u32, digits: usize| {
            let mut n = n;
            for i in (at..at + digits).rev() {
                text[i] = b'0' + (n % 10) as u8;
                n /= 10;
            }
        };
        put(0, year as u32, 4);
        put(5, self.0.month(), 2);
        put(8, self.0.day(), 2);
        Some(text)
    }
}

impl Serialize for IsoDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.ascii() {
            Some(text) => {
                s.serialize_str(std::str::from_utf8(&text).map_err(serde::ser::Error::custom)?)
            }
            // Signed and wider than four digits: chrono's own.
            None => self.0.serialize(s),
        }
    }
}

fn iso_date<S: serde::Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    date.map(IsoDate).serialize(s)
}

impl Object {
    /// The name to show a reader: the actor's name or the concept phrase.
    pub fn display_name(&self) -> &str {
        match self {
            Object::Actor(a) => &a.name,
            Object::Concept { concept } => concept,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[derive(Serialize)]
    struct Dated(#[serde(serialize_with = "iso_date")] Option<NaiveDate>);

    proptest! {
        /// Every date chrono can hold is written as chrono writes it.
        #[test]
        fn dates_are_written_as_chrono_writes_them(days in -5_000_000i32..5_000_000) {
            let d = NaiveDate::from_num_days_from_ce_opt(days);
            prop_assert_eq!(
                serde_json::to_string(&Dated(d)).unwrap(),
                serde_json::to_string(&d).unwrap()
            );
        }
    }

    #[test]
    fn dates_of_short_years_and_none() {
        let d = NaiveDate::from_ymd_opt(7, 3, 9);
        assert_eq!(serde_json::to_string(&Dated(d)).unwrap(), "\"0007-03-09\"");
        assert_eq!(serde_json::to_string(&Dated(None)).unwrap(), "null");
    }
}
