//! Word classes of a sentence's tokens, looked up once per token.
//!
//! The name finder, the trigger lexicon and the chunker each ask of nearly every
//! token whether its lower-cased word is in some set: the first words of names,
//! trigger heads, the words that open a phrase, group nouns, words that never modify
//! or never name. Each question was a quick filter and often a hash lookup; one lookup
//! per token in a map of every word of those sets now answers them all as bits, with
//! one bit of the token's own shape (written like a word of a name).

use super::words::{self, Sieve};
use crate::text::Token;
use rustc_hash::FxHashMap;

/// The classes of one word, as bits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Class(u16);

impl Class {
    /// The first word of some gazetteer name (lower case).
    pub const OPENS_NAME: Class = Class(1);
    /// The head word of some trigger of the relation schema.
    pub const TRIGGER_HEAD: Class = Class(1 << 1);
    /// A word at which a phrase may open whatever follows (`np::phrase::OPENERS`).
    pub const OPENER: Class = Class(1 << 2);
    /// The plural of a title's first word ("ministers", "officials").
    pub const PLURAL_TITLE: Class = Class(1 << 3);
    /// Never part of a name ([`words::is_never_name`]).
    pub const NEVER_NAME: Class = Class(1 << 4);
    /// A noun for a non-state group ([`words::is_group_noun`]).
    pub const GROUP_NOUN: Class = Class(1 << 5);
    /// Never a modifier between a country and its noun ([`words::is_never_modifier`]).
    pub const NEVER_MODIFIER: Class = Class(1 << 6);
    /// A word before a title, name or noun that belongs to its phrase ("the", "both").
    pub const PHRASE_DETERMINER: Class = Class(1 << 7);
    /// A prefix of a title ("former", "deputy").
    pub const TITLE_PREFIX: Class = Class(1 << 8);
    /// A noun for a state's agents ([`words::is_state_agent`]).
    pub const STATE_AGENT: Class = Class(1 << 9);
    /// Of the token, not its word: a word token written like a word of a name,
    /// capitalised or a particle glued to a capitalised name ("al-Sadr").
    pub const NAME_SHAPED: Class = Class(1 << 10);

    #[inline]
    pub fn has(self, c: Class) -> bool {
        self.0 & c.0 != 0
    }

    fn add(&mut self, c: Class) {
        self.0 |= c.0;
    }
}

/// The class of every word of the sets, behind a [`Sieve`] that turns most other
/// words away unhashed.
#[derive(Debug, Clone)]
pub struct Classifier {
    sieve: Sieve,
    classes: FxHashMap<Box<str>, Class>,
}

impl Classifier {
    /// The classes of the built-in sets, with the first words of a gazetteer's names
    /// and a schema's trigger heads.
    pub fn new<'w>(
        name_first_words: impl IntoIterator<Item = &'w str>,
        trigger_heads: impl IntoIterator<Item = &'w str>,
    ) -> Self {
        let mut classes: FxHashMap<Box<str>, Class> = FxHashMap::default();
        let mut add = |w: &str, c: Class| match classes.get_mut(w) {
            Some(class) => class.add(c),
            None => {
                classes.insert(w.into(), c);
            }
        };
        for w in name_first_words {
            add(w, Class::OPENS_NAME);
        }
        for w in trigger_heads {
            add(w, Class::TRIGGER_HEAD);
        }
        for w in super::np::OPENERS.words() {
            add(w, Class::OPENER);
        }
        // The words whose singular (`roles::title_singular`) is a title's first word.
        for t in super::roles::title_first_words() {
            let plural = format!("{t}s");
            if super::roles::title_singular(&plural) == Some(t) {
                add(&plural, Class::PLURAL_TITLE);
            }
        }
        for w in words::NEVER_NAME.words() {
            add(w, Class::NEVER_NAME);
        }
        for w in words::GROUP_NOUNS.words() {
            add(w, Class::GROUP_NOUN);
        }
        for w in words::NEVER_MODIFIER.words() {
            add(w, Class::NEVER_MODIFIER);
        }
        for w in super::np::PHRASE_DETERMINERS {
            add(w, Class::PHRASE_DETERMINER);
        }
        for w in super::roles::TITLE_PREFIXES {
            add(w, Class::TITLE_PREFIX);
        }
        for w in words::STATE_AGENTS.words() {
            add(w, Class::STATE_AGENT);
        }
        let sieve = Sieve::new(classes.keys().map(|w| &**w));
        Classifier { sieve, classes }
    }

    /// The classes of a token, given its lower-cased word.
    #[inline]
    pub fn of_token(&self, token: &Token, text: &str, lower: &str) -> Class {
        let mut class = self.class(lower);
        if super::np::is_name_shaped(token, text, lower) {
            class.add(Class::NAME_SHAPED);
        }
        class
    }

    /// The classes of a lower-cased word.
    #[inline]
    pub fn class(&self, w: &str) -> Class {
        if !self.sieve.admits(w) {
            return Class::default();
        }
        self.classes.get(w).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::roles::{is_title_first_word, title_singular};

    /// A token's shape is its own: capitalised words and glued particles are shaped
    /// like names, lower-case words and marks are not.
    #[test]
    fn a_token_is_name_shaped_by_its_own_text() {
        let c = Classifier::new([], []);
        let text = "Putin met al-Sadr, and putin Élysée 9/11";
        let tokens = crate::text::tokenize(text, crate::text::Span::new(0, text.len()));
        let shaped: Vec<&str> = tokens
            .iter()
            .filter(|t| {
                let lower = t.text(text).to_lowercase();
                c.of_token(t, text, &lower).has(Class::NAME_SHAPED)
            })
            .map(|t| t.text(text))
            .collect();
        assert_eq!(shaped, ["Putin", "al-Sadr", "Élysée"]);
    }

    /// Every bit answers what its set answers, for the sets' own words and others.
    #[test]
    fn a_class_is_the_answer_of_its_set() {
        let firsts = ["the", "new", "united", "putin"];
        let heads = ["warned", "met", "sanctions"];
        let c = Classifier::new(firsts, heads);
        let mut all: Vec<String> = c.classes.keys().map(|w| w.to_string()).collect();
        all.extend(
            [
                "",
                "x",
                "ministers",
                "officials",
                "rebels",
                "kremlin",
                "said",
                "of",
                "moscow",
                "talks",
                "ss",
                "sss",
                "heads",
                "ministerss",
            ]
            .map(String::from),
        );
        for w in &all {
            let k = c.class(w);
            assert_eq!(
                k.has(Class::OPENS_NAME),
                firsts.contains(&w.as_str()),
                "{w:?}"
            );
            assert_eq!(
                k.has(Class::TRIGGER_HEAD),
                heads.contains(&w.as_str()),
                "{w:?}"
            );
            assert_eq!(
                k.has(Class::OPENER),
                crate::extract::np::OPENERS.contains(w),
                "{w:?}"
            );
            assert_eq!(
                k.has(Class::PLURAL_TITLE),
                title_singular(w).is_some_and(is_title_first_word),
                "{w:?}"
            );
            assert_eq!(k.has(Class::NEVER_NAME), words::is_never_name(w), "{w:?}");
            assert_eq!(k.has(Class::GROUP_NOUN), words::is_group_noun(w), "{w:?}");
            assert_eq!(
                k.has(Class::NEVER_MODIFIER),
                words::is_never_modifier(w),
                "{w:?}"
            );
            assert_eq!(
                k.has(Class::PHRASE_DETERMINER),
                crate::extract::np::PHRASE_DETERMINERS.contains(&w.as_str()),
                "{w:?}"
            );
            assert_eq!(
                k.has(Class::TITLE_PREFIX),
                crate::extract::roles::is_title_prefix(w),
                "{w:?}"
            );
            assert_eq!(k.has(Class::STATE_AGENT), words::is_state_agent(w), "{w:?}");
        }
    }
}
