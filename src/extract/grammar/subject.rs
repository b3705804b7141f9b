//! Subjects: who does the deed. The nearest actor phrase before the verb group that
//! is no oblique, passed on through verb-phrase coordination, relative clauses,
//! infinitives of control and purpose, and clauses opened by a conjunction; the
//! subject of a nominal event is its clause's.

use super::{is_adverb, is_boundary, is_object_control, is_verb_group, Grammar};
use crate::extract::lexicon::TriggerHit;
use crate::extract::np::Reference;
use crate::extract::words;
use crate::text::TokenKind;

impl Grammar<'_> {
    pub(super) fn np_ending_before(&self, at: usize) -> Option<usize> {
        self.nps.iter().rposition(|np| np.end <= at)
    }

    /// Whether the verb at `start` is passive: a form of "be" in its verb group and a
    /// participle head.
    pub(super) fn is_passive(&self, hit: &TriggerHit) -> bool {
        let head = self.words[hit.head].as_str();
        let participle = head.ends_with("ed")
            || head.ends_with("en")
            || matches!(
                head,
                "held"
                    | "sent"
                    | "met"
                    | "struck"
                    | "fought"
                    | "told"
                    | "sought"
                    | "shot"
                    | "hit"
                    | "cut"
            );
        if !participle {
            return false;
        }
        let mut j = hit.start;
        while j > 0 {
            j -= 1;
            let w = self.words[j].as_str();
            if words::is_be(w) {
                return true;
            }
            if !(is_adverb(w)
                || words::is_negator(w)
                || matches!(
                    w,
                    "also"
                        | "already"
                        | "reportedly"
                        | "allegedly"
                        | "being"
                        | "been"
                        | "have"
                        | "has"
                        | "had"
                ))
            {
                return false;
            }
        }
        false
    }

    /// The subject of a verb whose group begins at `at`.
    pub(super) fn subject_before(&self, at: usize, depth: u8) -> Option<usize> {
        // Walk back over the verb group.
        let mut j = at;
        while j > 0 && is_verb_group(&self.words[j - 1]) {
            j -= 1;
        }
        // An infinitive: "urged Moscow to back down" (the object is the subject) or
        // "visited Kyiv to reassure Ukraine" (a purpose: the main verb's subject).
        if j < at && self.words[j..at].first().is_some_and(|w| w == "to") && depth < 3 {
            if let Some(n) = self
                .nps
                .iter()
                .position(|np| np.end == j && np.prep.is_none())
            {
                let verb = self.nps[n].start.checked_sub(1);
                match verb {
                    Some(v) if is_object_control(&self.words[v]) => return Some(n),
                    Some(v) if self.is_verb_at(v) => return self.subject_before(v, depth + 1),
                    _ => {}
                }
            } else if let Some(v) = self.previous_verb(j) {
                if !self
                    .nps
                    .iter()
                    .any(|np| np.start > v && np.end <= j && np.prep.is_none())
                    || self.is_verb_at(v)
                {
                    return self.subject_before(v, depth + 1);
                }
            }
        }
        // Verb-phrase coordination: "... and urged Y" takes the earlier verb's subject.
        if j > 0 && matches!(self.words[j - 1].as_str(), "and" | "," | "but") && depth < 3 {
            let before_and = j - 1;
            // A participle after a comma qualifies the main clause, whatever phrase
            // ends before the comma: "militants burst into a tent for the leader,
            // killing two guards".
            let participle = self.words[j - 1] == "," && self.words[at].ends_with("ing");
            let np_right_before = !participle && self.nps.iter().any(|np| np.end == before_and);
            if !np_right_before
                || self
                    .nps
                    .iter()
                    .any(|np| np.end == before_and && np.prep.is_some())
            {
                if let Some(v) = self.previous_verb(before_and) {
                    return self.subject_before(v, depth + 1);
                }
            }
        }
        // A relative clause: "Russia, which has troops …" → the antecedent.
        if j > 0 && matches!(self.words[j - 1].as_str(), "which" | "who" | "that") {
            let mut r = j - 1;
            if r > 0 && self.words[r - 1] == "," {
                r -= 1;
            }
            return self
                .np_ending_before(r + 1)
                .filter(|&n| self.nps[n].end == r && self.nps[n].prep.is_none());
        }
        // The nearest phrase before, in this clause, not inside a prepositional phrase.
        let mut k = j;
        for (n, np) in self.nps.iter().enumerate().rev() {
            if np.end > j {
                continue;
            }
            if (np.end..k).any(|x| is_boundary(&self.words[x])) {
                return None;
            }
            k = np.start;
            // "after the international community imposed sanctions": a preposition
            // that is also a conjunction opens a clause whose subject this is.
            let conjunction = matches!(
                np.prep,
                Some("after" | "before" | "since" | "until" | "as" | "once")
            ) && np.end == j;
            if (np.prep.is_none() || conjunction)
                && !(np.possessive
                    && np.end < j
                    && self.tokens[np.end].kind != TokenKind::Possessive
                    && !self.words[np.end..j].iter().all(|w| is_verb_group(w)))
            {
                // A name right before a bare noun modifies it ("Iraq mortar attack
                // kills 25"): the subject is that noun phrase, not an actor.
                if np.end < j && self.modifies_next(np.end) {
                    return None;
                }
                return Some(n);
            }
        }
        None
    }

    /// Whether the token at `at`, right after an actor phrase, makes that phrase a
    /// modifier of a noun: a plain word that is no verb, preposition, conjunction,
    /// relative, time word or adverb.
    pub(super) fn modifies_next(&self, at: usize) -> bool {
        let w = self.words[at].as_str();
        self.tokens[at].kind == TokenKind::Word
            && !self.is_verb_at(at)
            && !is_verb_group(w)
            && !words::is_prep(w)
            && !words::is_time_word(w)
            && !words::is_subordinator(w)
            && !words::is_pronoun(w)
            && !words::is_det(w)
            && !words::is_possessive_pronoun(w)
            && !matches!(
                w,
                "and"
                    | "or"
                    | "but"
                    | "who"
                    | "which"
                    | "whose"
                    | "nor"
                    | "both"
                    | "together"
                    | "themselves"
                    | "itself"
                    | "himself"
                    | "herself"
                    | "alone"
                    | "later"
                    | "earlier"
                    | "first"
                    | "again"
                    | "soon"
                    | "once"
                    | "meanwhile"
                    | "instead"
                    | "too"
                    | "then"
                    | "now"
                    | "still"
                    | "yet"
                    | "already"
                    | "never"
                    | "ever"
                    | "last"
                    | "next"
                    | "this"
                    | "separately"
                    | "jointly"
            )
    }

    /// Whether the token at `v` is a verb: a trigger, a common or reporting verb, or a
    /// past form.
    pub(super) fn is_verb_at(&self, v: usize) -> bool {
        let w = self.words[v].as_str();
        self.verb_heads.contains(&v)
            || words::is_common_verb(w)
            || words::is_reporting(w)
            || (w.ends_with("ed") && w.len() > 4)
    }

    /// The nearest verb-like token before `at`.
    pub(super) fn previous_verb(&self, at: usize) -> Option<usize> {
        (0..at).rev().take(12).find(|&x| {
            let w = self.words[x].as_str();
            self.verb_heads.contains(&x)
                || words::is_common_verb(w)
                || words::is_reporting(w)
                || (w.ends_with("ed") && x > 0)
        })
    }

    /// The subject of the clause a nominal event sits in: before it, or after a
    /// fronted phrase ("During talks with X, Putin said").
    pub(super) fn clause_subject(&self, hit: &TriggerHit) -> Option<usize> {
        if let Some(s) = self.subject_before(hit.start, 0) {
            return Some(s);
        }
        let comma = (hit.end..self.words.len()).find(|&x| self.words[x] == ",")?;
        self.nps.iter().position(|np| {
            np.start == comma + 1
                && np.prep.is_none()
                && !np.possessive
                && np
                    .refs
                    .iter()
                    .all(|r| !matches!(r, Reference::Definite { .. }))
        })
    }
}
