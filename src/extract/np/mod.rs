//! Noun-phrase chunking around actors.
//!
//! Finds the phrases that refer to actors and says *how* each refers: by name
//! ("Sergei Lavrov", "Moscow"), by title and name ("Bulgarian Prime Minister Kiril
//! Petkov"), by role alone ("Russia's foreign minister", "his French counterpart"), as a
//! body ("the Russian foreign ministry"), as a state's agents ("Russian troops"), as a
//! group ("Iraqi insurgents"), or by pronoun or definite description ("he", "the
//! alliance"). Coordinated phrases ("the U.S. and its Western allies") become one
//! phrase with several references. Which actor each reference is, is for `resolve`.

mod phrase;

pub(super) use phrase::{OPENERS, PHRASE_DETERMINERS};

use super::classes::Class;
use super::mentions::Mention;
use super::words;
use crate::gazetteer::fuzzy::PersonIndex;
use crate::gazetteer::places::Places;
use crate::gazetteer::{ActorId, ActorKind, Gazetteer, Office};
use crate::text::{Span, Token, TokenKind};

/// How a phrase refers to an actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reference {
    /// A gazetteer actor by one of its names (a capital or seat stands for its country).
    Actor(ActorId),
    /// A person named, possibly with a title: "Defense Minister Margarita Robles".
    Person {
        name: Span,
        office: Option<Office>,
        /// The country or organization of the title ("Bulgarian", "NATO").
        of: Option<ActorId>,
    },
    /// An office without a name: "Russia's foreign minister", "the Rwandan president".
    Role { office: Office, of: Option<ActorId> },
    /// "his French counterpart", "his counterparts from Finland and France".
    Counterpart { of: Option<ActorId> },
    /// A named institution: "the Russian foreign ministry".
    Body { owner: ActorId, noun: String },
    /// A non-state group: "Iraqi insurgents", "militants".
    Group {
        country: Option<ActorId>,
        noun: String,
    },
    /// "the army", "the government": the state of the item.
    StateAgent,
    /// "the junta": a body of the state the item is about.
    StateBody { noun: String },
    /// he, she, they, it, we (and possessives); `first` for we, I, our, my, us;
    /// `neuter` for it and its, which stand for states and organizations, not people.
    Pronoun {
        plural: bool,
        first: bool,
        neuter: bool,
        /// she/her: Some(true); he/his: Some(false).
        feminine: Option<bool>,
    },
    /// "the alliance", "the minister", "the two countries".
    Definite { noun: String },
    /// A city that is no capital, named as a place ("landed in Geneva"): its
    /// country, but only as the place of a visit; a city never acts.
    Place(ActorId),
}

/// A phrase's references: almost always one, so kept inline (a heap list per phrase
/// was a tenth of all allocations).
pub type Refs = smallvec::SmallVec<[Reference; 1]>;

/// An actor phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Np {
    /// Token range within the sentence.
    pub start: usize,
    pub end: usize,
    pub refs: Refs,
    /// Followed by "'s", or a possessive pronoun, or an adjective before a noun:
    /// the phrase modifies the noun after it.
    pub possessive: bool,
    /// The lower-cased preposition right before the phrase, if any.
    pub prep: Option<&'static str>,
}

impl Np {
    /// Names several actors: a coordination, or "the two countries", "both sides".
    pub fn is_several(&self) -> bool {
        match self.refs.as_slice() {
            [Reference::Definite { noun }] => noun.starts_with("two "),
            refs => refs.len() > 1,
        }
    }

    /// Only pronouns: "its", "they", "he".
    pub fn is_pronoun(&self) -> bool {
        self.refs
            .iter()
            .all(|r| matches!(r, Reference::Pronoun { .. }))
    }

    /// A city named as a place, which only a visit may take.
    pub fn is_place(&self) -> bool {
        self.refs.iter().all(|r| matches!(r, Reference::Place(_)))
    }

    pub fn is_plural(&self) -> bool {
        self.refs.len() > 1
            || self.refs.iter().any(|r| {
                matches!(
                    r,
                    Reference::Pronoun { plural: true, .. } | Reference::Group { .. }
                )
            })
    }
}

/// Body nouns (lower case) and the slug of the body they name.
pub(super) const BODY_NOUNS: &[(&[&str], &str)] = &[
    (&["foreign", "ministry"], "foreign_ministry"),
    (&["foreign", "office"], "foreign_ministry"),
    (
        &["ministry", "of", "foreign", "affairs"],
        "foreign_ministry",
    ),
    (&["defense", "ministry"], "defence_ministry"),
    (&["defence", "ministry"], "defence_ministry"),
    (&["ministry", "of", "defense"], "defence_ministry"),
    (&["ministry", "of", "defence"], "defence_ministry"),
    (&["interior", "ministry"], "interior_ministry"),
    (
        &["foreign", "intelligence", "service"],
        "foreign_intelligence_service",
    ),
    (&["security", "council"], "security_council"),
    (
        &["national", "security", "council"],
        "national_security_council",
    ),
    (
        &["security", "and", "defense", "council"],
        "security_and_defence_council",
    ),
    (
        &["security", "and", "defence", "council"],
        "security_and_defence_council",
    ),
    (&["state", "department"], "state_department"),
    (&["embassy"], "embassy"),
];

/// Words of direction and region before a place: "in central China".
fn is_region_word(w: &str) -> bool {
    matches!(
        w,
        "northern"
            | "southern"
            | "eastern"
            | "western"
            | "central"
            | "northeastern"
            | "northwestern"
            | "southeastern"
            | "southwestern"
            | "north"
            | "south"
            | "east"
            | "west"
            | "rural"
            | "neighbouring"
            | "neighboring"
            | "war-torn"
            | "strife-torn"
    )
}

/// Nouns that stand for the West when owned by a pronoun ("its allies").
pub(super) fn is_ally_noun(w: &str) -> bool {
    matches!(w, "allies" | "partners" | "backers" | "supporters")
}

/// Whether a word is shaped like a word of a name: capitalised, or a particle glued to
/// a capitalised name ([`Chunker::is_name_at`] adds: not a function or time word).
pub(super) fn is_name_shaped(tok: &Token, text: &str, lower: &str) -> bool {
    if tok.kind != TokenKind::Word {
        return false;
    }
    let s = tok.text(text);
    // "al-Sadr", "el-Sisi", "bin-Laden": a particle glued to a capitalised name.
    // (Called for most tokens of a sentence: the capital is tested first.)
    let glued_particle = || {
        lower
            .as_bytes()
            .get(2..4)
            .is_some_and(|b| b.contains(&b'-'))
            && ["al-", "el-", "ad-", "as-", "bin-", "ibn-", "abu-", "ben-"]
                .iter()
                .any(|p| {
                    lower.starts_with(p)
                        && s.get(p.len()..)
                            .is_some_and(|r| r.starts_with(char::is_uppercase))
                })
    };
    s.starts_with(|c: char| c.is_uppercase()) || glued_particle()
}

/// Agent nouns that, with "the" and no country, stand for the state the item is about.
pub(super) fn is_bare_state_agent(w: &str) -> bool {
    matches!(
        w,
        "army"
            | "military"
            | "government"
            | "police"
            | "troops"
            | "forces"
            | "soldiers"
            | "authorities"
            | "regime"
            | "navy"
    )
}

/// A military junta, named as news names it: "the junta", "the coup leaders",
/// "Niger's military rulers". Returns the number of words. A junta is the body
/// that seized a state, not the state itself.
pub(super) fn junta_words(words: &[String]) -> Option<usize> {
    let w = |i: usize| words.get(i).map(String::as_str);
    match (w(0), w(1)) {
        (Some("military"), Some("junta" | "rulers" | "government")) => Some(2),
        (Some("coup"), Some("leaders" | "plotters" | "makers")) => Some(2),
        (Some("junta" | "putschists"), _) => Some(1),
        _ => None,
    }
}

/// The reference of a pronoun.
pub(super) fn pronoun(w: &str) -> Reference {
    Reference::Pronoun {
        plural: words::is_plural_pronoun(w),
        first: is_first_person(w),
        neuter: matches!(w, "it" | "its"),
        feminine: match w {
            "she" | "her" | "hers" | "herself" => Some(true),
            "he" | "him" | "his" | "himself" => Some(false),
            _ => None,
        },
    }
}

/// First-person pronouns: inside a quote they are the speaker.
pub(super) fn is_first_person(w: &str) -> bool {
    matches!(w, "we" | "i" | "us" | "our" | "my" | "me")
}

/// Lower-case particles inside names: "Faisal bin Farhan", "Ursula von der Leyen".
pub(super) fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "bin"
            | "ibn"
            | "bint"
            | "abu"
            | "al"
            | "el"
            | "de"
            | "da"
            | "das"
            | "dos"
            | "del"
            | "della"
            | "di"
            | "van"
            | "von"
            | "der"
            | "den"
            | "du"
            | "le"
            | "la"
            | "ben"
            | "ould"
            | "ter"
    )
}

/// The chunker's view of a sentence.
pub struct Chunker<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub words: &'a [String],
    /// The word classes of the tokens.
    pub classes: &'a [Class],
    pub mentions: &'a [Mention],
    pub gazetteer: &'a Gazetteer,
    /// Known people's names, for spelling variants.
    pub people: &'a PersonIndex,
    /// Surnames of persons the document introduced (lower case).
    pub surnames: &'a crate::extract::Surnames,
    /// Tokens before this index (a dateline) are not text.
    pub from: usize,
    /// Cities, for places of visits.
    pub places: &'a Places,
    /// Per token, the index of the first mention starting there (`u32::MAX`: none);
    /// see [`mention_starts`]. Phrase reading asks this for nearly every token.
    pub mention_starts: Vec<u32>,
}

/// Per token of a sentence, the index in `mentions` of the first mention that starts
/// there, or `u32::MAX`.
pub fn mention_starts(mentions: &[Mention], tokens: usize) -> Vec<u32> {
    let mut out = vec![u32::MAX; tokens];
    for (k, m) in mentions.iter().enumerate().rev() {
        if let Some(slot) = out.get_mut(m.start) {
            *slot = k as u32;
        }
    }
    out
}

impl Chunker<'_> {
    pub(super) fn mention_at(&self, i: usize) -> Option<&Mention> {
        let k = *self.mention_starts.get(i)?;
        self.mentions.get(k as usize)
    }

    /// The word classes of token `i` (none past the end).
    #[inline]
    pub(super) fn class(&self, i: usize) -> Class {
        self.classes.get(i).copied().unwrap_or_default()
    }

    /// Whether token `i` is a word of a candidate name: capitalised, not a function
    /// word or a time word.
    pub(super) fn is_name_at(&self, i: usize) -> bool {
        let class = self.class(i);
        class.has(Class::NAME_SHAPED) && !class.has(Class::NEVER_NAME)
    }

    pub(super) fn kind(&self, id: ActorId) -> ActorKind {
        self.gazetteer.actor(id).kind
    }

    pub(super) fn is_possessive(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Possessive)
    }

    /// Every actor phrase of the sentence, in order, coordination merged.
    pub fn chunk(&self) -> Vec<Np> {
        let mut out: Vec<Np> = Vec::with_capacity(8);
        let mut i = self.from;
        while i < self.tokens.len() {
            let may_start = self.may_start_phrase(i);
            debug_assert!(
                may_start || self.phrase_at(i).is_none(),
                "may_start_phrase turned away a phrase at token {i}: {:?}",
                self.words
            );
            let phrase = if may_start { self.phrase_at(i) } else { None };
            match phrase.or_else(|| self.place_at(i)) {
                Some(np) if np.end > i => {
                    i = np.end + usize::from(np.possessive && self.is_possessive(np.end));
                    out.push(np);
                }
                _ => i += 1,
            }
        }
        for np in &mut out {
            // Over a direction or region word: "in central China", "in eastern Ukraine".
            let mut before = np.start.checked_sub(1);
            while let Some(b) = before.filter(|&b| b > 0 && is_region_word(&self.words[b])) {
                before = Some(b - 1);
            }
            np.prep = before.and_then(|p| words::as_prep(&self.words[p]));
        }
        self.coordinate(out)
    }

    /// A city named as a place: capitalised, after "to", "in", "at" or "into", or
    /// after "the city of" ("the Saudi city of Jeddah").
    fn place_at(&self, i: usize) -> Option<Np> {
        let prev = self.words.get(i.checked_sub(1)?)?.as_str();
        let placed = matches!(prev, "to" | "in" | "at" | "into")
            || (prev == "of"
                && i >= 2
                && matches!(self.words[i - 2].as_str(), "city" | "town" | "port"));
        let capital = self.tokens[i]
            .text(self.text)
            .starts_with(char::is_uppercase);
        if !placed || !capital || self.mention_at(i).is_some() {
            return None;
        }
        let (country, end) = self.places.at(self.words, i)?;
        Some(Np {
            start: i,
            end,
            refs: smallvec::smallvec![Reference::Place(country)],
            possessive: false,
            prep: None,
        })
    }

    /// Merge "A, B and C" (and "A as well as B") into one phrase.
    pub(super) fn coordinate(&self, mut nps: Vec<Np>) -> Vec<Np> {
        // In place: each phrase that continues the list before it is merged into the
        // list's first phrase and dropped.
        nps.dedup_by(|np, last| {
            let between = &self.words[last.end..np.start];
            let is = |words: &[&str]| {
                between.len() == words.len() && between.iter().zip(words).all(|(a, b)| a == b)
            };
            let comma = is(&[","]);
            let joins = comma
                || is(&["and"])
                || is(&[",", "and"])
                || is(&["as", "well", "as"])
                || is(&["or"]);
            let last_is_list = comma && !last.possessive;
            let merge = joins
                && !last.possessive
                && !np.possessive
                && (!comma || last_is_list && self.list_continues(np.end));
            if merge {
                last.end = np.end;
                last.refs.extend(std::mem::take(&mut np.refs));
            }
            merge
        });
        nps
    }

    /// After "A, B" a list goes on only if another ", C" or "and C" follows.
    pub(super) fn list_continues(&self, at: usize) -> bool {
        matches!(self.words.get(at).map(String::as_str), Some("and" | ","))
    }
}
