//! Actor mentions: gazetteer names found in a sentence.
//!
//! One Aho-Corasick automaton over every name of every actor, built once. Matching is
//! case-insensitive (headlines are Title Case, wire copy is sometimes upper case) and
//! then checked against the name's own capitalisation: an acronym must match exactly
//! ("US" is not "us"), a capitalised word must be capitalised in the text. Among
//! overlapping matches the longest wins ("Russian Foreign Ministry" over "Russian").

use crate::gazetteer::{ActorId, Gazetteer, NameKind};
use crate::text::{Span, Token};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashSet;

/// One actor mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Where it is, in the coordinates of the text the sentence came from.
    pub span: Span,
    /// Token range within the sentence.
    pub start: usize,
    pub end: usize,
    pub actor: ActorId,
    pub via: NameKind,
}

/// The compiled name matcher.
#[derive(Debug, Clone)]
pub struct MentionFinder {
    automaton: AhoCorasick,
    /// Per pattern: (actor, how it names it, the name text for case checks).
    patterns: Vec<(ActorId, NameKind, String)>,
}

impl MentionFinder {
    pub fn new(gazetteer: &Gazetteer) -> Self {
        let mut seen = HashSet::new();
        let mut patterns = Vec::new();
        for n in gazetteer.names() {
            // The first actor to claim a surface form keeps it; the gazetteer reports
            // shared names as warnings.
            if seen.insert(n.text.as_str()) {
                patterns.push((n.actor, n.kind, n.text.clone()));
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(true)
            .build(patterns.iter().map(|p| p.2.as_str()))
            .expect("gazetteer names fit an automaton");
        MentionFinder {
            automaton,
            patterns,
        }
    }

    /// Mentions in `sentence` of `text`, given its tokens; non-overlapping, in order.
    pub fn find(&self, text: &str, sentence: Span, tokens: &[Token]) -> Vec<Mention> {
        let s = sentence.of(text);
        let mut found: Vec<Mention> = Vec::new();
        for m in self.automaton.find_overlapping_iter(s) {
            let (actor, via, ref name) = self.patterns[m.pattern().as_usize()];
            let matched = &s[m.start()..m.end()];
            if !case_fits(name, matched) {
                continue;
            }
            let span = Span::new(sentence.start + m.start(), sentence.start + m.end());
            // A mention starts and ends on token boundaries, or at a hyphen inside a
            // compound ("US-led", "US-European").
            let Some(start) = tokens
                .iter()
                .position(|t| t.span.start <= span.start && span.start < t.span.end)
            else {
                continue;
            };
            let starts_ok =
                tokens[start].span.start == span.start || text[..span.start].ends_with('-');
            let Some(end) = tokens[start..]
                .iter()
                .position(|t| t.span.start < span.end && span.end <= t.span.end)
            else {
                continue;
            };
            let last = &tokens[start + end];
            let ends_ok = last.span.end == span.end || text[span.end..].starts_with('-');
            if !starts_ok || !ends_ok {
                continue;
            }
            // "pro-Russian separatists" are not Russia's.
            // Only the few bytes before: lower-casing the whole text up to here for each
            // mention made a long article quadratic.
            let before =
                text.as_bytes()[span.start.saturating_sub(5)..span.start].to_ascii_lowercase();
            if [&b"pro-"[..], b"anti-", b"non-"]
                .iter()
                .any(|p| before.ends_with(p))
            {
                continue;
            }
            found.push(Mention {
                span,
                start,
                end: start + end + 1,
                actor,
                via,
            });
        }
        // Longest first; keep each match that overlaps nothing already kept.
        found.sort_by_key(|m| (std::cmp::Reverse(m.end - m.start), m.start));
        let mut out: Vec<Mention> = Vec::new();
        for m in found {
            if out.iter().all(|k| m.end <= k.start || m.start >= k.end) {
                out.push(m);
            }
        }
        out.sort_by_key(|m| m.start);
        out
    }
}

/// Acronyms that some house styles write in title case ("Nato", "Opec").
const TITLE_CASE_ACRONYMS: &[&str] = &[
    "NATO", "OPEC", "ASEAN", "UNICEF", "UNESCO", "ECOWAS", "UNHCR", "UNRWA", "OSCE", "CSTO",
    "SEATO", "MERCOSUR", "FRELIMO", "INTERPOL",
];

/// Whether the text's capitalisation fits the name's: acronyms exactly, capitalised
/// words capitalised; lower-case words ("the", "of") in any case.
fn case_fits(name: &str, matched: &str) -> bool {
    name.split_whitespace()
        .zip(matched.split_whitespace())
        .all(|(n, m)| {
            let letters = n.chars().filter(|c| c.is_alphabetic()).count();
            let upper = n.chars().filter(|c| c.is_uppercase()).count();
            if letters >= 2 && upper == letters {
                // "NATO", and the house style "Nato" of a few pronounced acronyms;
                // never "us" for "US", nor "Sadr" for "SADR".
                n == m
                    || (TITLE_CASE_ACRONYMS.contains(&n)
                        && m.chars().skip(1).all(|c| !c.is_uppercase()))
            } else if n.chars().next().is_some_and(char::is_uppercase) {
                m.chars().next().is_some_and(char::is_uppercase)
            } else {
                true
            }
        })
}

#[cfg(test)]
mod tests {
    use super::case_fits;

    #[test]
    fn acronyms_match_exactly_and_names_need_capitals() {
        assert!(case_fits("US", "US"));
        assert!(!case_fits("US", "us"));
        assert!(case_fits("the Kremlin", "The Kremlin"));
        assert!(!case_fits("Turkey", "turkey"));
        assert!(case_fits("Russia", "RUSSIA"));
    }
}
