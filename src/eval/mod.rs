//! Scoring triples against a gold set: `shared/eval/score.py` ported, so that
//! `whowhom eval` and the shared scorer give the same figures for the same triples.
//!
//! A gold directory holds `actors.json` (canonical actors and their aliases),
//! `gold.jsonl` (one annotated triple a line; the moods `hypothetical` and `negated`
//! mark traps, not facts) and optionally `docs.txt` (every scored document).
//! [`Gold::load`] reads and checks it. A [`Scorer`] takes predicted triples as the JSON
//! of the triple stream, so that a file and the in-process extractor go through one
//! path, and [`Scorer::finish`] gives precision, recall and F1 at three levels and per
//! relation, with the missed and spurious triples.
//!
//! The port is literal wherever score.py's behaviour decides a figure: how names are
//! normalised, the first alias winning, a person found by an unambiguous surname,
//! unknown predicted actors rolled up through their own `country`, symmetric relations,
//! self-pairs dropped, documents outside the set ignored, unreadable prediction lines
//! counted. Where score.py would crash on a gold file, or quietly read a typo in it as
//! an actor of its own, loading fails with the file, line and problem instead.

mod gold;
mod score;

pub use gold::{Actors, Gold};
pub use score::{Figures, Listed, Outcome, Scorer, Scores, Unreadable};

/// The three levels of score.py.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Actors as in gold.
    Strict,
    /// Persons and bodies rolled up to their country or organization.
    Country,
    /// The right pair of actors, any relation, either direction.
    Untyped,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Strict, Level::Country, Level::Untyped];

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Strict => "strict",
            Level::Country => "country",
            Level::Untyped => "untyped",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// One scored triple: a document and two actor keys (gold keys, `*` for a concept, or
/// `?name` for an actor gold does not know), with a relation except at the untyped
/// level. Ordered as score.py sorts its tuples, for listing.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    pub doc: String,
    pub subject: String,
    pub relation: Option<String>,
    pub object: String,
}

/// The relations whose two actors score in either order. This is score.py's own list,
/// part of what the gold sets mean, so it is not taken from the schema (which flags the
/// same three) — a user schema must not change how gold is read.
const SYMMETRIC: [&str; 3] = ["meets", "agrees", "cooperates"];

/// The concept object of gold (`"o": "*"`) and of predictions (`{"concept": …}`).
const CONCEPT: &str = "*";

/// score.py's `canon`: a symmetric relation between two actors puts the smaller first.
fn canon(doc: &str, s: String, r: &str, o: String) -> Key {
    let (subject, object) = if SYMMETRIC.contains(&r) && o != CONCEPT && o < s {
        (o, s)
    } else {
        (s, o)
    };
    Key {
        doc: doc.to_string(),
        subject,
        relation: Some(r.to_string()),
        object,
    }
}

/// An untyped key: the pair, sorted.
fn pair(doc: &str, a: &str, b: &str) -> Key {
    let (subject, object) = if b < a { (b, a) } else { (a, b) };
    Key {
        doc: doc.to_string(),
        subject: subject.to_string(),
        relation: None,
        object: object.to_string(),
    }
}

/// score.py's `norm`: lower case, ’ as ', every run of anything but `[a-z0-9' ]` a
/// space, a leading "the " dropped, spaces collapsed.
pub fn norm(s: &str) -> String {
    let lower = s.to_lowercase();
    let mut kept = String::with_capacity(lower.len());
    let mut in_run = false;
    for c in lower.chars() {
        let c = if c == '\u{2019}' { '\'' } else { c };
        if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '\'' || c == ' ' {
            kept.push(c);
            in_run = false;
        } else if !in_run {
            kept.push(' ');
            in_run = true;
        }
    }
    let kept = kept.trim_matches(' ');
    let kept = kept.strip_prefix("the ").unwrap_or(kept);
    kept.split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Python's `str.isspace`, which `strip()` and the blank-line tests of score.py use:
/// Rust's whitespace and the four information separators.
fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

fn py_blank(line: &str) -> bool {
    line.chars().all(py_space)
}

/// Lines as Python's text mode reads them (numbered from 1): `\n`, `\r\n` and a lone
/// `\r` each end one.
fn py_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = text;
    let mut number = 0;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        number += 1;
        let line = match rest.find(['\n', '\r']) {
            None => std::mem::take(&mut rest),
            Some(i) => {
                let line = &rest[..i];
                let end = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
                rest = &rest[i + end..];
                line
            }
        };
        Some((number, line))
    })
}

/// A JSON value as Python's `bool()` sees it.
fn truthy(v: Option<&serde_json::Value>) -> bool {
    use serde_json::Value;
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64().is_some_and(|x| x != 0.0),
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_is_score_py_norm() {
        assert_eq!(norm("The Kremlin"), "kremlin");
        assert_eq!(norm("  the   U.S. "), "u s");
        assert_eq!(norm("Russia\u{2019}s"), "russia's");
        assert_eq!(norm("Sauli Niinistö"), "sauli niinist");
        assert_eq!(norm("the"), "the");
        assert_eq!(norm("the  x"), "x");
        assert_eq!(norm("(the) West"), "west");
        assert_eq!(norm("!!!"), "");
    }

    #[test]
    fn lines_end_as_in_python() {
        let lines: Vec<_> = py_lines("a\r\nb\rc\n\nd").collect();
        assert_eq!(lines, [(1, "a"), (2, "b"), (3, "c"), (4, ""), (5, "d")]);
        assert!(py_blank(" \t\u{1f}\u{a0}"));
    }

    #[test]
    fn symmetric_pairs_are_ordered() {
        let k = canon("d", "b".into(), "meets", "a".into());
        assert_eq!((k.subject.as_str(), k.object.as_str()), ("a", "b"));
        let k = canon("d", "b".into(), "warns", "a".into());
        assert_eq!((k.subject.as_str(), k.object.as_str()), ("b", "a"));
    }
}
