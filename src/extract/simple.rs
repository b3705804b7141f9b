//! A first, simple grammar: subject before the trigger, object after it.
//!
//! It knows clause edges only crudely, no passives and no coreference; issue #3
//! replaces it with clause and frame analysis. What it does get right is kept as the
//! baseline: the nearest actor before a verb trigger is its subject, the first actor
//! after it (directly or after one of the trigger's prepositions) its object, a
//! possessor is the subject of a noun trigger, and the words before a trigger set its
//! mood.

use super::{Event, EventObject, Mention, Sentence};
use crate::gazetteer::{Gazetteer, NameKind};
use crate::schema::{Pos, Schema};
use crate::text::TokenKind;
use crate::triple::Mood;

/// Prepositions: an actor right after one is not a subject.
const PREPOSITIONS: &[&str] = &[
    "with", "to", "of", "in", "on", "from", "by", "against", "for", "between", "about", "over",
    "near", "at", "into", "toward", "towards", "among", "across", "around", "after", "before",
    "within", "without", "under", "than",
];
/// Words that end the search for a subject: a new clause begins after them.
const CLAUSE_EDGES: &[&str] = &[
    ";", ":", "but", "while", "whereas", "although", "though", "because", "—",
];
const NEGATORS: &[&str] = &[
    "not", "n't", "never", "no", "didn't", "don't", "doesn't", "won't", "wouldn't", "cannot",
    "can't", "couldn't", "hasn't", "haven't", "hadn't", "isn't", "wasn't", "aren't", "weren't",
    "refused", "refuses", "refuse", "declined", "declines", "failed", "fails",
];
const MODALS: &[&str] = &[
    "would",
    "could",
    "might",
    "may",
    "can",
    "should",
    "if",
    "unless",
    "possibility",
    "possible",
];
const FUTURE: &[&str] = &[
    "will",
    "shall",
    "'ll",
    "plans",
    "planned",
    "plan",
    "scheduled",
    "due",
    "expected",
    "set",
    "going",
];
/// Verbs whose complement is a claim, not a fact.
const EMBEDDERS: &[&str] = &[
    "accuse",
    "accused",
    "accuses",
    "accusing",
    "deny",
    "denied",
    "denies",
    "denying",
    "fear",
    "feared",
    "fears",
    "allege",
    "alleged",
    "alleges",
    "allegedly",
    "claim",
    "claimed",
    "claims",
    "suspect",
    "suspected",
    "suspects",
    "allegations",
    "accusations",
];
/// Relations that take a concept object when no actor follows.
const CONCEPT_OBJECTS: &[&str] = &["denies", "sends", "mobilizes", "rejects", "demands"];

/// How far after a trigger its object may be, in tokens.
const OBJECT_WINDOW: usize = 8;
/// How far before a trigger its mood words may be, in tokens.
const MOOD_WINDOW: usize = 4;

pub(super) fn events(schema: &Schema, gazetteer: &Gazetteer, s: &Sentence) -> Vec<Event> {
    let words: Vec<String> = s
        .tokens
        .iter()
        .map(|t| t.text(s.text).to_lowercase())
        .collect();
    let mentions = actor_mentions(s, &words);
    let mut out = Vec::new();
    for hit in &s.triggers {
        let relation = schema.get(hit.relation);
        let subject = match hit.pos {
            Pos::Verb => subject_before(&mentions, &words, hit.start),
            Pos::Noun => possessor(&mentions, &words, hit.start),
        };
        let Some(subject) = subject else { continue };
        let trigger = &relation.triggers[hit.trigger];
        let object = object_after(&mentions, &words, hit.end, &trigger.preps)
            .filter(|o| o.actor != subject.actor);
        let object = match object {
            Some(o) => EventObject::Actor(o),
            None if CONCEPT_OBJECTS.contains(&relation.name.as_str()) => {
                match concept_after(s, &words, hit.end) {
                    Some(span) => EventObject::Concept(span),
                    None => continue,
                }
            }
            None => continue,
        };
        if let EventObject::Actor(o) = object {
            if gazetteer.actor(o.actor).key == gazetteer.actor(subject.actor).key {
                continue;
            }
        }
        let mut mood = mood_before(&words, hit.start, &relation.name);
        if trigger.negated && mood == Mood::Asserted {
            mood = Mood::Negated;
        }
        out.push(Event {
            relation: hit.relation,
            subject,
            object,
            theme: None,
            mood,
            confidence: 0.5,
        });
    }
    out
}

/// Mentions that can be arguments: an adjective directly before a title and a person
/// ("Russian President Vladimir Putin") is part of the person's noun phrase.
fn actor_mentions(s: &Sentence, words: &[String]) -> Vec<Mention> {
    let mut out = Vec::new();
    for (i, m) in s.mentions.iter().enumerate() {
        if m.via == NameKind::Adjective {
            if let Some(next) = s.mentions.get(i + 1) {
                let between = &s.tokens[m.end..next.start];
                let capitalised = between.iter().all(|t| {
                    t.kind == TokenKind::Word && t.text(s.text).starts_with(char::is_uppercase)
                });
                if capitalised && between.len() <= 4 {
                    continue;
                }
            }
        }
        let _ = words;
        out.push(*m);
    }
    out
}

fn subject_before(mentions: &[Mention], words: &[String], at: usize) -> Option<Mention> {
    let edge = (0..at)
        .rev()
        .find(|&j| CLAUSE_EDGES.contains(&words[j].as_str()));
    mentions
        .iter()
        .rev()
        .filter(|m| m.end <= at && edge.is_none_or(|e| m.start > e))
        .find(|m| m.start == 0 || !PREPOSITIONS.contains(&words[m.start - 1].as_str()))
        .copied()
}

/// The possessor of a noun trigger: "Russia's demands", "Moscow's invasion".
fn possessor(mentions: &[Mention], words: &[String], at: usize) -> Option<Mention> {
    let m = mentions.iter().rev().find(|m| m.end < at)?;
    let between = &words[m.end..at];
    (between.first().is_some_and(|w| w == "'s" || w == "’s") && between.len() <= 3).then_some(*m)
}

fn object_after(
    mentions: &[Mention],
    words: &[String],
    from: usize,
    preps: &[String],
) -> Option<Mention> {
    let m = mentions
        .iter()
        .find(|m| m.start >= from && m.start <= from + OBJECT_WINDOW)?;
    let between = &words[from..m.start];
    let crosses_edge = between
        .iter()
        .any(|w| CLAUSE_EDGES.contains(&w.as_str()) || w == "." || w == ",");
    if crosses_edge {
        return None;
    }
    let prep = between.iter().find(|w| PREPOSITIONS.contains(&w.as_str()));
    match prep {
        None => Some(*m),
        Some(p) if preps.iter().any(|q| q == p) => Some(*m),
        Some(_) => None,
    }
}

/// A short noun phrase after a trigger: up to four words, skipping determiners.
fn concept_after(s: &Sentence, words: &[String], from: usize) -> Option<crate::text::Span> {
    let mut i = from;
    while i < words.len()
        && matches!(
            words[i].as_str(),
            "the" | "a" | "an" | "its" | "their" | "his" | "her" | "any" | "such" | "all"
        )
    {
        i += 1;
    }
    let start = i;
    while i < words.len()
        && i < start + 4
        && s.tokens[i].kind == TokenKind::Word
        && !PREPOSITIONS.contains(&words[i].as_str())
        && words[i] != "and"
        && words[i] != "that"
    {
        i += 1;
    }
    (i > start)
        .then(|| crate::text::Span::new(s.tokens[start].span.start, s.tokens[i - 1].span.end))
}

fn mood_before(words: &[String], at: usize, relation: &str) -> Mood {
    let lo = at.saturating_sub(MOOD_WINDOW);
    let window = &words[lo..at];
    let has = |list: &[&str]| window.iter().any(|w| list.contains(&w.as_str()));
    let embedded = !matches!(relation, "accuses" | "denies")
        && words[..at].iter().any(|w| EMBEDDERS.contains(&w.as_str()));
    if has(MODALS) || embedded || words[..at].iter().any(|w| w == "if" || w == "unless") {
        Mood::Hypothetical
    } else if has(NEGATORS) {
        Mood::Negated
    } else if has(FUTURE) {
        Mood::Scheduled
    } else {
        Mood::Asserted
    }
}
