//! The trigger lexicon: every inflected form of every schema trigger, compiled once.

use super::classes::Class;
use super::inflect::{noun_forms, verb_forms};
use super::words;
use super::words::Sieve;
use crate::schema::{Pos, RelationId, Schema};
use crate::text::{Token, TokenKind};
use rustc_hash::FxHashMap;

/// Words a multi-word trigger may skip between its own words ("held *emergency* talks",
/// "imposed *new* sanctions").
const MAX_GAP: usize = 7;

#[derive(Debug, Clone)]
struct Entry {
    relation: RelationId,
    trigger: usize,
    pos: Pos,
    /// The phrase's other words, lower case, in order (the head excluded).
    before: Vec<String>,
    after: Vec<String>,
}

/// A trigger found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TriggerHit {
    pub relation: RelationId,
    /// Index of the trigger within its relation in the schema.
    pub trigger: usize,
    pub pos: Pos,
    /// Token index of the inflected head word.
    pub head: usize,
    /// Token range the whole phrase covers.
    pub start: usize,
    pub end: usize,
}

/// Inflected trigger forms, keyed by head word.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    heads: FxHashMap<String, Vec<Entry>>,
    /// A sieve of the head words: most words of a sentence are no head, and it says
    /// so before the word is hashed and looked up.
    filter: Sieve,
}

impl Lexicon {
    pub fn new(schema: &Schema) -> Self {
        let mut heads: FxHashMap<String, Vec<Entry>> = FxHashMap::default();
        for (relation, r) in schema.relations() {
            for (trigger, t) in r.triggers.iter().enumerate() {
                let words: Vec<String> =
                    t.phrase.split_whitespace().map(str::to_lowercase).collect();
                let (forms, before, after) = match t.pos {
                    Pos::Verb => (verb_forms(&words[0]), Vec::new(), words[1..].to_vec()),
                    Pos::Noun => {
                        let last = words.len() - 1;
                        (noun_forms(&words[last]), words[..last].to_vec(), Vec::new())
                    }
                };
                for form in forms {
                    heads.entry(form).or_default().push(Entry {
                        relation,
                        trigger,
                        pos: t.pos,
                        before: before.clone(),
                        after: after.clone(),
                    });
                }
            }
        }
        let filter = Sieve::new(heads.keys().map(String::as_str));
        Lexicon { heads, filter }
    }

    /// Whether `word` may be a head word (false: it is none).
    #[inline]
    fn may_be_head(&self, word: &str) -> bool {
        self.filter.admits(word)
    }

    /// Every trigger in a tokenized sentence, given its tokens' lower-cased texts
    /// (`lower[i]` of `tokens[i]`); where phrases overlap at one head, the longest wins.
    pub fn find(
        &self,
        text: &str,
        tokens: &[Token],
        lower: &[String],
        after_adjective: &[usize],
    ) -> Vec<TriggerHit> {
        let may_be_head = |i: usize| self.may_be_head(&lower[i]);
        self.find_where(text, tokens, lower, after_adjective, may_be_head)
    }

    /// [`Self::find`], given per token whether its word is a trigger head.
    pub(super) fn find_classified(
        &self,
        text: &str,
        tokens: &[Token],
        lower: &[String],
        after_adjective: &[usize],
        classes: &[Class],
    ) -> Vec<TriggerHit> {
        let is_head = |i: usize| classes[i].has(Class::TRIGGER_HEAD);
        self.find_where(text, tokens, lower, after_adjective, is_head)
    }

    /// The head words of the triggers.
    pub(super) fn heads(&self) -> impl Iterator<Item = &str> {
        self.heads.keys().map(String::as_str)
    }

    fn find_where(
        &self,
        text: &str,
        tokens: &[Token],
        lower: &[String],
        after_adjective: &[usize],
        may_be_head: impl Fn(usize) -> bool,
    ) -> Vec<TriggerHit> {
        // Most sentences have no trigger: allocate on the first.
        let mut hits = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            if t.kind != TokenKind::Word || !may_be_head(i) {
                continue;
            }
            let Some(entries) = self.heads.get(&lower[i]) else {
                continue;
            };
            let mut best: Option<(usize, TriggerHit)> = None;
            for e in entries {
                let Some((start, end)) = match_around(lower, tokens, i, &e.before, &e.after) else {
                    continue;
                };
                let len = e.before.len() + e.after.len();
                let better = match &best {
                    None => true,
                    Some((l, b)) => {
                        len > *l
                            || (len == *l
                                && b.pos != e.pos
                                && (e.pos == Pos::Noun)
                                    == (after_adjective.contains(&i)
                                        || noun_context(text, tokens, lower, i)))
                    }
                };
                if better {
                    best = Some((
                        len,
                        TriggerHit {
                            relation: e.relation,
                            trigger: e.trigger,
                            pos: e.pos,
                            head: i,
                            start,
                            end,
                        },
                    ));
                }
            }
            hits.extend(best.map(|(_, h)| h));
        }
        hits
    }
}

/// Match the words of a phrase before and after its head at `head`, allowing small gaps.
fn match_around(
    lower: &[String],
    tokens: &[Token],
    head: usize,
    before: &[String],
    after: &[String],
) -> Option<(usize, usize)> {
    let mut end = head + 1;
    for w in after {
        let found = (end..lower.len().min(end + MAX_GAP + 1))
            .take_while(|&j| tokens[j].kind == TokenKind::Word || &lower[j] == w)
            .find(|&j| &lower[j] == w)?;
        end = found + 1;
    }
    let mut start = head;
    for w in before.iter().rev() {
        let lo = start.saturating_sub(MAX_GAP + 1);
        let found = (lo..start)
            .rev()
            .take_while(|&j| tokens[j].kind == TokenKind::Word)
            .find(|&j| &lower[j] == w)?;
        start = found;
    }
    Some((start, end))
}

/// Whether a word that is both a verb form and a noun ("talks", "demands", "visits")
/// reads as a noun here: after a determiner, preposition, possessive or a lower-case
/// modifier ("emergency talks"), or opening a headline; a verb after a name, pronoun
/// or auxiliary.
fn noun_context(text: &str, tokens: &[Token], lower: &[String], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1) else {
        return true;
    };
    let w = lower[prev].as_str();
    if w == "to" {
        return false; // an infinitive
    }
    // Scare quotes are transparent: called for "immediate" talks.
    if matches!(w, "\"" | "“" | "”" | "‘" | "’") && prev > 0 {
        return noun_context(text, tokens, lower, prev);
    }
    if tokens[prev].kind == TokenKind::Possessive
        || words::is_det(w)
        || words::is_prep(w)
        || words::is_possessive_pronoun(w)
    {
        return true;
    }
    if tokens[prev].kind != TokenKind::Word
        || words::is_aux(w)
        || words::is_modal(w)
        || words::is_future(w)
        || words::is_negator(w)
        || words::is_pronoun(w)
        || matches!(w, "to" | "and" | "or" | "also" | "who" | "which" | "that")
        || w.ends_with("ly")
    {
        return false;
    }
    // An -ing form right after a name, with no "is" before it, is a noun
    // ("Iraq warning claims"), not a predicate.
    if lower[i].ends_with("ing") {
        return true;
    }
    // A lower-case word before is a modifier; a capitalised one is a subject's name.
    !tokens[prev].text(text).starts_with(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The filter is exact for the lexicon's answers: no head word is turned away.
    #[test]
    fn the_filter_passes_every_head_word() {
        let lexicon = Lexicon::new(&Schema::builtin().expect("built-in schema"));
        assert!(!lexicon.heads.is_empty());
        for head in lexicon.heads.keys() {
            assert!(lexicon.may_be_head(head), "{head}");
        }
        // And it does turn words away, or it would be no use.
        let turned_away = ["the", "of", "and", "minister", "russia", "in"]
            .iter()
            .filter(|w| !lexicon.may_be_head(w))
            .count();
        assert!(turned_away >= 3, "{turned_away}");
    }
}
