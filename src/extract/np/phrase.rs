//! One actor phrase at a token: titles and names, roles and counterparts, bodies,
//! state agents and groups, names and their spelling variants, pronouns and
//! definite descriptions.

use super::{
    is_ally_noun, is_bare_state_agent, is_name_particle, junta_words, pronoun, Chunker, Np,
    Reference, Refs, BODY_NOUNS,
};
use crate::extract::classes::Class;
use crate::extract::roles::{
    is_counterpart, prefix_changes_office, title_at, title_first_words, TITLE_PREFIXES,
};
use crate::extract::words::{self, SievedSet};
use crate::gazetteer::{ActorId, ActorKind, NameKind};
use crate::text::{Span, TokenKind};
use smallvec::smallvec;
use std::sync::LazyLock;

/// Words before a title, name or noun that belong to its phrase: "the foreign
/// minister", "both sides", "senior officials".
pub(in crate::extract) const PHRASE_DETERMINERS: [&str; 6] =
    ["the", "a", "an", "both", "senior", "top"];

/// The words at which a phrase may open whatever follows them, as one set: pronouns,
/// determiners and title prefixes, the first words of titles, counterparts, juntas,
/// state agents and groups ([`Chunker::phrase_at`]'s ways in that start with a fixed
/// word). The phrase-start test asks it of every word, where it asked a dozen sets
/// and lists one after another.
pub(in crate::extract) static OPENERS: LazyLock<SievedSet> = LazyLock::new(|| {
    SievedSet::of(
        &[
            &words::PRONOUNS,
            &words::POSSESSIVE_PRONOUNS,
            &words::STATE_AGENTS,
            &words::GROUP_NOUNS,
        ],
        PHRASE_DETERMINERS
            .into_iter()
            .chain([
                "military",
                "coup",
                "junta",
                "putschists",
                "counterpart",
                "counterparts",
            ])
            .chain(TITLE_PREFIXES)
            .chain(title_first_words()),
    )
});

impl Chunker<'_> {
    /// Country-like modifiers at `i`: "Russian", "US", "Spain's", "NATO". Returns the
    /// actor and the index after the modifier.
    pub(super) fn modifier_at(&self, i: usize) -> Option<(ActorId, usize)> {
        let m = self.mention_at(i)?;
        let kind = self.kind(m.actor);
        if !matches!(
            kind,
            ActorKind::Country | ActorKind::Organization | ActorKind::Group
        ) && m.via != NameKind::Adjective
        {
            return None;
        }
        if self.is_possessive(m.end) {
            return Some((m.actor, m.end + 1));
        }
        // A name used attributively ("US President", "NATO spokesperson") or an
        // adjective ("Russian").
        Some((m.actor, m.end))
    }

    /// Whether a phrase may start at `i`: false only where [`Self::phrase_at`] must
    /// find none. Most tokens of a sentence start no phrase, and this turns them away
    /// with a few set lookups instead of every reading `phrase_at` tries. It mirrors
    /// phrase_at's ways in: a pronoun, a determiner or title prefix, a name or
    /// capitalised word, a title, counterpart, junta or agent noun here, or a group
    /// noun up to two words on ("rebel militants"). Debug builds check the claim on
    /// every token (`Chunker::chunk`).
    pub(super) fn may_start_phrase(&self, i: usize) -> bool {
        // A number, a mark or a clitic can only open a name ("9/11"): every other
        // reading starts with a word of letters.
        if self.tokens[i].kind != TokenKind::Word {
            return self.mention_at(i).is_some();
        }
        // A third of the words let through were determiners before words that open
        // nothing ("the talks", "a statement"): a determiner's phrase is read from the
        // word after it, and is asked of that word's readings.
        if self.class(i).has(Class::PHRASE_DETERMINER) && self.mention_at(i).is_none() {
            return self.may_follow_determiner(i);
        }
        let class = self.class(i);
        let group_ahead = |k: usize| self.class(k).has(Class::GROUP_NOUN);
        class.has(Class::OPENER)
            // A plural title: "officials", "ministers".
            || class.has(Class::PLURAL_TITLE)
            || self.mention_at(i).is_some()
            || self.is_name_at(i)
            || group_ahead(i + 1)
            || group_ahead(i + 2)
    }

    /// [`Self::may_start_phrase`] at a determiner that no name starts at: after it,
    /// [`Self::phrase_at`] reads title prefixes, a country modifier, a title,
    /// counterpart, junta, agent or group noun (up to two modifiers on), a capitalised
    /// name, a name up to two modifiers on, or a definite description.
    fn may_follow_determiner(&self, i: usize) -> bool {
        let j = i + 1;
        let Some(next) = self.words.get(j).map(String::as_str) else {
            return false;
        };
        let word = |k: usize| self.words.get(k).map_or("", String::as_str);
        let head_noun = |h: usize| {
            self.class(h).has(Class::STATE_AGENT)
                || self.class(h).has(Class::GROUP_NOUN)
                || is_ally_noun(word(h))
        };
        let class = self.class(j);
        (j..j + 3).any(|x| self.mention_at(x).is_some())
            || class.has(Class::OPENER)
            || class.has(Class::PLURAL_TITLE)
            || self.is_name_at(j)
            || (j..j + 3).any(head_noun)
            || is_definite_noun(next)
            || next == "two"
            || is_pair_noun(next)
            || is_modified_definite_noun(word(j + 1))
    }

    pub(super) fn phrase_at(&self, i: usize) -> Option<Np> {
        let w = self.words[i].as_str();
        let np = |end: usize, refs: Refs, possessive: bool| Np {
            start: i,
            end,
            refs,
            possessive,
            prep: None,
        };
        // "US" is a country, "us" a pronoun.
        let shouted = {
            let s = self.tokens[i].text(self.text);
            s.chars().count() > 1 && !s.chars().any(char::is_lowercase)
        };
        if words::is_pronoun(w) && !shouted && self.mention_at(i).is_none() {
            // "it" is an actor only where it can be one; resolve decides.
            return Some(np(i + 1, smallvec![pronoun(w)], false));
        }
        let mut j = i;
        let mut pron_possessor = false;
        if words::is_possessive_pronoun(w) {
            pron_possessor = true;
            j += 1;
        } else if self.class(i).has(Class::PHRASE_DETERMINER) && self.mention_at(i).is_none() {
            j += 1;
        }
        // Prefixes of titles: "former", "acting", "deputy".
        let mut changed_office = false;
        while j < self.words.len()
            && self.mention_at(j).is_none()
            && self.class(j).has(Class::TITLE_PREFIX)
        {
            changed_office |= prefix_changes_office(&self.words[j]);
            j += 1;
        }
        // Country modifier(s).
        let mut of: Option<ActorId> = None;
        let mut after_mod = j;
        if let Some((actor, next)) = self.modifier_at(j) {
            of = Some(actor);
            after_mod = next;
        }
        let k = after_mod;
        // Title (+ name).
        if let Some(title) = (k < self.words.len())
            .then(|| title_at(self.words, k))
            .flatten()
        {
            let after = k + title.len;
            let office = if changed_office { None } else { title.office };
            // "the foreign ministers of X and Y": each holder; "officials of X and Y":
            // the states themselves.
            if title.plural && self.words.get(after).is_some_and(|w| w == "of") {
                let mut refs = Refs::new();
                let mut n = after + 1;
                while let Some((country, next)) = self.modifier_at(n) {
                    refs.push(match office {
                        Some(o) => Reference::Role {
                            office: o,
                            of: Some(country),
                        },
                        None => Reference::Actor(country),
                    });
                    n = next;
                    if !matches!(self.words.get(n).map(String::as_str), Some("and" | ",")) {
                        break;
                    }
                    n += 1;
                }
                if refs.len() > 1 {
                    return Some(np(n.min(self.words.len()), refs, false));
                }
            }
            // The person may be a gazetteer person ("Russian President Vladimir Putin").
            if let Some(m) = self
                .mention_at(after)
                .filter(|m| self.kind(m.actor) == ActorKind::Person)
            {
                return Some(np(
                    m.end,
                    smallvec![Reference::Actor(m.actor)],
                    self.is_possessive(m.end),
                ));
            }
            let name_end = (after..self.words.len().min(after + 5))
                .take_while(|&n| {
                    let particle = is_name_particle(&self.words[n])
                        && n > after
                        && self
                            .tokens
                            .get(n + 1)
                            .is_some_and(|t| t.text(self.text).starts_with(char::is_uppercase));
                    (particle || self.is_name_at(n))
                        && self
                            .mention_at(n)
                            .is_none_or(|m| self.kind(m.actor) == ActorKind::Person)
                })
                .last()
                .map(|n| n + 1);
            // "the President Wilson Hotel": a place named after a person is no person.
            if name_end.is_some_and(|e| e > after && is_venue_noun(&self.words[e - 1])) {
                return None;
            }
            if let Some(end) = name_end.filter(|&e| e > after) {
                let name = Span::new(self.tokens[after].span.start, self.tokens[end - 1].span.end);
                return Some(np(
                    end,
                    smallvec![Reference::Person { name, office, of }],
                    self.is_possessive(end),
                ));
            }
            // No name: a role, or an unnamed official who speaks for the country.
            let possessive = self.is_possessive(after);
            // "the European Union's foreign ministers": a plural role of one state or
            // organization is vague, so it is that state (spec: Roles).
            if let (true, Some(c)) = (title.plural, of) {
                return Some(np(after, smallvec![Reference::Actor(c)], possessive));
            }
            // "both generals", "both ministers": the two just named.
            if title.plural && w == "both" {
                let noun = format!("two {}", self.words[after - 1]);
                return Some(np(
                    after,
                    smallvec![Reference::Definite { noun }],
                    possessive,
                ));
            }
            return match (office, of) {
                (Some(office), _)
                    if of.is_some()
                        || pron_possessor
                        || self.words.get(i).is_some_and(|w| w == "the") =>
                {
                    Some(np(
                        after,
                        smallvec![Reference::Role { office, of }],
                        possessive,
                    ))
                }
                (None, Some(c)) => Some(np(after, smallvec![Reference::Actor(c)], possessive)),
                (None, None) if self.words.get(i).is_some_and(|w| w == "the") => Some(np(
                    after,
                    smallvec![Reference::Definite {
                        noun: self.words[after - 1].clone(),
                    }],
                    possessive,
                )),
                // Bare "officials said": in wire copy, the state the item is about.
                (None, None) if i == k && self.words[k] == "officials" => {
                    Some(np(after, smallvec![Reference::StateAgent], possessive))
                }
                _ => None,
            };
        }
        if k < self.words.len() && is_counterpart(&self.words[k]) {
            let mut end = k + 1;
            // "his counterparts from Finland and France": one counterpart each.
            if of.is_none()
                && self
                    .words
                    .get(end)
                    .is_some_and(|w| w == "from" || w == "in")
            {
                let mut refs = Refs::new();
                let mut n = end + 1;
                while let Some((actor, next)) = self.modifier_at(n) {
                    refs.push(Reference::Counterpart { of: Some(actor) });
                    n = next;
                    // "from A, B and C": a comma goes on only where the list does.
                    let goes_on = match self.words.get(n).map(String::as_str) {
                        Some("and") => true,
                        Some(",") => self.modifier_at(n + 1).is_some_and(|(_, after)| {
                            matches!(self.words.get(after).map(String::as_str), Some("and" | ","))
                        }),
                        _ => false,
                    };
                    if !goes_on {
                        break;
                    }
                    n += 1;
                }
                if !refs.is_empty() {
                    return Some(np(n, refs, false));
                }
            }
            // "his French counterpart, Emmanuel Macron" / "counterpart Vladimir Putin"
            let mut after = end;
            if self.words.get(after).is_some_and(|w| w == ",") {
                after += 1;
            }
            if let Some(m) = self
                .mention_at(after)
                .filter(|m| self.kind(m.actor) == ActorKind::Person)
            {
                let end = m.end;
                return Some(np(
                    end,
                    smallvec![Reference::Actor(m.actor)],
                    self.is_possessive(end),
                ));
            }
            end = end.max(k + 1);
            // "her US counterparts": a vague plural is the country (spec: Roles).
            if self.words[k] == "counterparts" {
                return of
                    .map(|c| np(end, smallvec![Reference::Actor(c)], self.is_possessive(end)));
            }
            return Some(np(
                end,
                smallvec![Reference::Counterpart { of }],
                self.is_possessive(end),
            ));
        }
        // Body: "Russian foreign ministry", "the State Department" (without a gazetteer hit).
        if let Some(owner) = of {
            // An agent noun of a user's dictionary ("Iraqi clerics", CAMEO `~REL`) is
            // a body of the country; a state's forces stay the state (spec).
            if let Some((agent, n)) = self.gazetteer.agent_at(&self.words[k..]) {
                if !words::is_state_agent(&self.words[k + n - 1]) {
                    return Some(np(
                        k + n,
                        smallvec![Reference::Body {
                            owner,
                            noun: agent.slug(),
                        }],
                        self.is_possessive(k + n),
                    ));
                }
            }
            for (nouns, slug) in BODY_NOUNS {
                let n = nouns.len();
                if k + n <= self.words.len() && (0..n).all(|x| self.words[k + x] == nouns[x]) {
                    return Some(np(
                        k + n,
                        smallvec![Reference::Body {
                            owner,
                            noun: (*slug).to_string(),
                        }],
                        self.is_possessive(k + n),
                    ));
                }
            }
        }
        // "the junta", "Niger's military rulers", "the coup leaders".
        if let Some(n) = junta_words(&self.words[k..]) {
            let noun = "junta".to_string();
            let refs = match of {
                Some(owner) => Some(Reference::Body { owner, noun }),
                None if j > i && self.words[i] == "the" || self.words[k] == "coup" => {
                    Some(Reference::StateBody { noun })
                }
                None => None,
            };
            if let Some(r) = refs {
                return Some(np(k + n, smallvec![r], self.is_possessive(k + n)));
            }
        }
        // State agents and groups, skipping up to two modifiers: "Russian military forces".
        for skip in 0..=2 {
            let h = k + skip;
            if h >= self.words.len() {
                break;
            }
            let head = self.words[h].as_str();
            if skip > 0 && !self.is_modifier_word(h - 1) {
                break;
            }
            if self.class(h).has(Class::STATE_AGENT) {
                // "Sudanese government envoys": one phrase over agent nouns in a row.
                let mut h = h;
                while self.words.get(h + 1).is_some_and(|_| {
                    self.class(h + 1).has(Class::STATE_AGENT) && self.mention_at(h + 1).is_none()
                }) {
                    h += 1;
                }
                if let Some(c) = of {
                    return Some(np(
                        h + 1,
                        smallvec![Reference::Actor(c)],
                        self.is_possessive(h + 1),
                    ));
                }
                // "the army", "the government", and bare "authorities" (bare
                // "officials" is a title, read above): the state the item is about.
                let bare = h == i && head == "authorities";
                if (j > i && self.words[i] == "the" && is_bare_state_agent(head)) || bare {
                    return Some(np(
                        h + 1,
                        smallvec![Reference::StateAgent],
                        self.is_possessive(h + 1),
                    ));
                }
                break;
            }
            // "the militant group": the noun after is the head, and "the … group"
            // refers back (below).
            let described = self.words.get(h + 1).is_some_and(|n| {
                matches!(
                    n.as_str(),
                    "group" | "movement" | "faction" | "organization"
                )
            });
            if self.class(h).has(Class::GROUP_NOUN) && !described {
                // "rebel leaders from Sudan": the nationality may follow.
                let country = of.or_else(|| {
                    self.words
                        .get(h + 1)
                        .filter(|w| matches!(w.as_str(), "from" | "in"))
                        .and_then(|_| self.modifier_at(h + 2))
                        .filter(|(a, _)| self.kind(*a) == ActorKind::Country)
                        .map(|(a, _)| a)
                });
                return Some(np(
                    h + 1,
                    smallvec![Reference::Group {
                        country,
                        noun: head.to_string(),
                    }],
                    self.is_possessive(h + 1),
                ));
            }
            if is_ally_noun(head) && (pron_possessor || of.is_some()) {
                let west = self.gazetteer.by_key("the_west");
                return west.map(|w| np(h + 1, smallvec![Reference::Actor(w)], false));
            }
        }
        // A misspelt or variant name of a known person ("Anthony Blinkon").
        if let Some((end, id)) = self.variant_name_at(j) {
            return Some(np(
                end,
                smallvec![Reference::Actor(id)],
                self.is_possessive(end),
            ));
        }
        // A surname of a person introduced earlier in the document.
        if self.mention_at(j).is_none()
            && self.words.get(j).is_some_and(|w| self.surnames.contains(w))
            && self.is_name_at(j)
        {
            let name = self.tokens[j].span;
            return Some(np(
                j + 1,
                smallvec![Reference::Person {
                    name,
                    office: None,
                    of: None,
                }],
                self.is_possessive(j + 1),
            ));
        }
        // A plain gazetteer name, after at most two modifiers ("the paramilitary
        // Rapid Support Forces").
        let j = (j..self.words.len().min(j + 3))
            .take_while(|&x| x == j || (j > i && self.is_modifier_word(x - 1)))
            .find(|&x| self.mention_at(x).is_some())
            .unwrap_or(j);
        if let Some(m) = self.mention_at(j) {
            if self.counted(j) {
                return None;
            }
            // Several names inside one compound are a coordination ("US-European").
            let refs: Refs = self
                .mentions
                .iter()
                .filter(|o| o.start == m.start && o.end == m.end)
                .map(|o| Reference::Actor(o.actor))
                .collect();
            if m.via == NameKind::Adjective {
                // "Afghan and US-led troops": coordinated adjectives of one agent noun.
                if self.words.get(m.end).is_some_and(|w| w == "and") {
                    if let Some(other) = self.phrase_at(m.end + 1) {
                        let agent = other.end > other.start + 1
                            && !other.possessive
                            && words::is_state_agent(&self.words[other.end - 1]);
                        if agent {
                            let mut refs = refs;
                            refs.extend(other.refs);
                            return Some(np(other.end, refs, self.is_possessive(other.end)));
                        }
                    }
                }
                // "Russian invasion", "US-European allegations": the adjective modifies
                // the next noun, like a possessor.
                return Some(np(m.end, refs, true));
            }
            return Some(np(m.end, refs, self.is_possessive(m.end)));
        }
        if pron_possessor {
            return Some(np(i + 1, smallvec![pronoun(w)], true));
        }
        // Definite descriptions that corefer: "the alliance", "the two countries".
        if w == "the" || w == "both" {
            // One modifier may come between: "the regional bloc", "the paramilitary
            // group".
            let skip = usize::from(
                w == "the"
                    && self
                        .words
                        .get(i + 2)
                        .is_some_and(|n| is_modified_definite_noun(n))
                    && self.is_modifier_word(i + 1),
            );
            let next = self.words.get(i + 1 + skip).map(String::as_str);
            // The noun, and how many words after `i` the phrase takes.
            let noun = match next {
                Some(n) if is_definite_noun(n) => Some((n.to_string(), 1 + skip)),
                Some("two")
                    if self.words.get(i + 2).is_some_and(|w| {
                        matches!(
                            w.as_str(),
                            "countries" | "sides" | "leaders" | "nations" | "men" | "ministers"
                        )
                    }) =>
                {
                    Some((format!("two {}", self.words[i + 2]), 2))
                }
                // "both sides", "both generals": the two actors just named.
                Some(n) if w == "both" && is_pair_noun(n) => Some((format!("two {n}"), 1)),
                _ => None,
            };
            if let Some((noun, len)) = noun {
                return Some(np(
                    i + 1 + len,
                    smallvec![Reference::Definite { noun }],
                    false,
                ));
            }
        }
        None
    }

    /// Two or three capitalised words that no gazetteer name covers but that spell a
    /// known person's name closely.
    pub(super) fn variant_name_at(&self, j: usize) -> Option<(usize, ActorId)> {
        for len in [3, 2] {
            let end = j + len;
            if end > self.tokens.len() {
                continue;
            }
            let all_names = (j..end).all(|x| self.mention_at(x).is_none() && self.is_name_at(x));
            if !all_names {
                continue;
            }
            // Words of ASCII letters and digits are their own slug words: a pair that
            // shares none with a known name is turned away before its slug is made.
            let plain = |w: &str| w.bytes().all(|b| b.is_ascii_alphanumeric());
            let (first, last) = (&self.words[j], &self.words[end - 1]);
            if plain(first) && plain(last) && !self.people.may_find(first, last) {
                continue;
            }
            let surface = &self.text[self.tokens[j].span.start..self.tokens[end - 1].span.end];
            if let Some(id) = self.people.find(surface) {
                return Some((end, id));
            }
        }
        None
    }

    /// "two Palestinians", "dozens of Iraqis": counted people are private persons, not
    /// their state.
    pub(super) fn counted(&self, i: usize) -> bool {
        if self
            .mention_at(i)
            .is_none_or(|m| m.via != NameKind::Demonym)
        {
            return false;
        }
        let before = |k: usize| i.checked_sub(k).map(|x| self.words[x].as_str());
        let quantity = |w: Option<&str>| {
            w.is_some_and(|w| {
                w.chars().all(|c| c.is_ascii_digit() || c == ',')
                    || matches!(
                        w,
                        "two"
                            | "three"
                            | "four"
                            | "five"
                            | "six"
                            | "seven"
                            | "eight"
                            | "nine"
                            | "ten"
                            | "dozen"
                            | "dozens"
                            | "hundreds"
                            | "thousands"
                            | "several"
                            | "many"
                            | "some"
                            | "few"
                            | "more"
                            | "other"
                            | "million"
                            | "millions"
                    )
            })
        };
        quantity(before(1)) || (before(1) == Some("of") && quantity(before(2)))
    }

    /// Whether a token can sit between a country and its agent noun as a modifier
    /// ("Russian *military* forces", "*US-led* troops"), not a verb or function word.
    pub(super) fn is_modifier_word(&self, i: usize) -> bool {
        let w = self.words[i].as_str();
        self.tokens[i].kind == TokenKind::Word
            && (!w.ends_with("ed") || w.contains('-'))
            && self.mention_at(i).is_none()
            && !self.classes[i].has(Class::NEVER_MODIFIER)
    }
}

/// The nouns of definite descriptions after "the" ([`Chunker::phrase_at`]): "the
/// alliance", "the Kremlin", "the minister".
fn is_definite_noun(w: &str) -> bool {
    matches!(
        w,
        "alliance"
            | "bloc"
            | "kremlin"
            | "ministry"
            | "minister"
            | "secretary"
            | "country"
            | "organization"
            | "organisation"
            | "union"
            | "group"
    )
}

/// Definite nouns that one modifier may come before: "the regional bloc".
fn is_modified_definite_noun(w: &str) -> bool {
    matches!(w, "alliance" | "bloc" | "group" | "organization")
}

/// Nouns after "both" that name the two actors just named: "both sides".
fn is_pair_noun(w: &str) -> bool {
    matches!(
        w,
        "sides"
            | "parties"
            | "generals"
            | "leaders"
            | "men"
            | "countries"
            | "nations"
            | "presidents"
            | "ministers"
    )
}

/// Nouns that end the name of a place or building: "the President Wilson Hotel",
/// "Kennedy Airport". A title before such a name is part of the place's name.
fn is_venue_noun(w: &str) -> bool {
    matches!(
        w,
        "hotel"
            | "palace"
            | "center"
            | "centre"
            | "square"
            | "street"
            | "avenue"
            | "airport"
            | "university"
            | "hall"
            | "building"
            | "bridge"
            | "stadium"
            | "hospital"
            | "museum"
            | "park"
            | "road"
            | "boulevard"
            | "library"
            | "station"
            | "school"
            | "college"
    )
}
