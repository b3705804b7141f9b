//! Predicates and their arguments: which actor phrase is the subject and which the
//! object of each trigger, by grammar rather than by distance alone.
//!
//! The constructions, each with a construction test in `tests/grammar.rs`:
//! * active clauses: the nearest actor phrase before the verb group that is not inside a
//!   prepositional phrase; verb-phrase coordination ("warned X and urged Y") and relative
//!   clauses ("Russia, which sent troops") pass the subject on;
//! * passives: "X was accused by Y" swaps the arguments;
//! * objects: a direct object, or one after one of the trigger's prepositions; through
//!   "that" for demands and appeals ("demanded that NATO withdraw");
//! * nominal events: a possessor or adjective ("Russia's demands", "Russian invasion"),
//!   "talks between X and Y", "N by X", else the clause's subject (including a subject
//!   that follows a fronted phrase: "During talks with X, Putin said").
//!
//! `mod.rs` decides which triggers are events and assembles them; `subject.rs` finds
//! subjects, `object.rs` objects, themes and the arguments of nominal events.

mod object;
mod subject;

use super::lexicon::TriggerHit;
use super::mood::mood_of;
use super::np::Np;
use super::words;
use crate::schema::{Pos, RelationId, Schema};
use crate::text::{Span, Token};
use crate::triple::Mood;

/// The object of an event before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arg {
    /// An actor phrase, by index into the sentence's phrases; `skip` refs of a
    /// coordinated phrase are the subject's own (in "talks between X and Y").
    Np { np: usize, skip: usize },
    /// A short noun phrase of the text.
    Concept(Span),
}

/// An event of one sentence, arguments still phrases.
#[derive(Debug, Clone, PartialEq)]
pub struct RawEvent {
    pub relation: RelationId,
    pub subject: Arg,
    pub object: Arg,
    pub trigger: Span,
    /// Token index of the trigger's head word.
    pub head: usize,
    /// What is demanded, denied or sent, where the text says so.
    pub theme: Option<Span>,
    pub mood: Mood,
    pub confidence: f32,
    /// The deed goes both ways: "fighting between A and B" is A attacking B and B
    /// attacking A (spec: Fighting).
    pub mutual: bool,
}

/// How far after a trigger its object may start, in tokens.
pub(super) const OBJECT_WINDOW: usize = 7;

/// Tokens that may sit between a subject and its verb: auxiliaries, modals, negation,
/// adverbs, "to" of a control verb and scheduling verbs ("plans to", "agreed to").
pub(super) fn is_verb_group(w: &str) -> bool {
    words::is_aux(w)
        || words::is_modal(w)
        || words::is_future(w)
        || words::is_negator(w)
        || words::is_scheduler(w)
        || is_adverb(w)
        || matches!(
            w,
            "to" | "also"
                | "again"
                | "then"
                | "now"
                | "already"
                | "still"
                | "just"
                | "jointly"
                | "formally"
                | "officially"
                | "reportedly"
                | "allegedly"
                | "wants"
                | "want"
                | "wanted"
                | "would"
                | "seeks"
                | "sought"
                | "seeking"
                | "tried"
                | "tries"
                | "trying"
                | "vowed"
                | "vows"
                | "pledged"
                | "promised"
                | "threatened"
                | "threatens"
                | "decided"
                | "moved"
                | "began"
                | "begun"
                | "started"
                | "continues"
                | "continued"
                | "ready"
                | "prepared"
                | "willing"
                | "able"
                | "likely"
                | "unlikely"
                | "about"
                | "being"
        )
}

/// Verbs whose object is the subject of the infinitive after it ("urged Moscow to").
pub(super) fn is_object_control(w: &str) -> bool {
    matches!(
        w,
        "urge"
            | "urged"
            | "urges"
            | "urging"
            | "ask"
            | "asked"
            | "asks"
            | "tell"
            | "told"
            | "tells"
            | "press"
            | "pressed"
            | "presses"
            | "want"
            | "wants"
            | "wanted"
            | "allow"
            | "allowed"
            | "allows"
            | "help"
            | "helped"
            | "helps"
            | "force"
            | "forced"
            | "order"
            | "ordered"
            | "orders"
            | "invite"
            | "invited"
            | "invites"
            | "persuade"
            | "persuaded"
            | "encourage"
            | "encouraged"
            | "expect"
            | "expected"
            | "need"
            | "needs"
            | "advise"
            | "advised"
            | "warn"
            | "warned"
            | "warns"
            | "call"
            | "called"
            | "calls"
            | "on"
            | "upon"
            | "get"
            | "got"
            | "let"
            | "enable"
            | "enabled"
    )
}

pub(super) fn is_adverb(w: &str) -> bool {
    w.len() > 4
        && w.ends_with("ly")
        && !matches!(
            w,
            "italy"
                | "july"
                | "early"
                | "ally"
                | "rally"
                | "supply"
                | "family"
                | "assembly"
                | "reply"
                | "apply"
                | "fly"
                | "only"
        )
}

/// Words that end a clause for the purpose of argument search.
pub(super) fn is_boundary(w: &str) -> bool {
    // Quotation marks are no boundary: scare quotes sit inside clauses ("said it was
    // 'deeply concerned' and urged India"); a quote's speaker is found apart.
    const BOUNDARIES: &[&str] = &[
        ";", ":", ".", "?", "!", "—", "–", "(", ")", "but", "while", "whereas", "although",
        "though", "because", "if", "unless", "when", "since",
    ];
    BOUNDARIES.contains(&w)
}

/// A sentence prepared for argument search.
pub struct Grammar<'a> {
    pub schema: &'a Schema,
    pub tokens: &'a [Token],
    pub words: &'a [String],
    pub nps: &'a [Np],
    /// Token indices of verb triggers' heads: verbs whatever their form ("flew").
    pub verb_heads: smallvec::SmallVec<[usize; 8]>,
}

impl Grammar<'_> {
    pub fn events(&self, triggers: &[TriggerHit]) -> Vec<RawEvent> {
        let mut out = Vec::new();
        for hit in triggers {
            // A trigger inside an actor phrase is a name, not an event ("the Security Council").
            if self
                .nps
                .iter()
                .any(|np| hit.head >= np.start && hit.head < np.end)
            {
                continue;
            }
            // A word inside another trigger's phrase is part of that event: "imposed
            // sanctions on" is one sanctions event, not a verb and a noun.
            if triggers.iter().any(|o| {
                o.head != hit.head
                    && o.relation == hit.relation
                    && o.start <= hit.head
                    && hit.head < o.end
            }) {
                continue;
            }
            // A noun trigger that modifies the noun after it is no event: "an attack
            // submarine", "the sanctions regime".
            if hit.pos == Pos::Noun && hit.end < self.words.len() && self.modifies_next(hit.end) {
                continue;
            }
            // A participle after a determiner is an adjective: "the alleged buildup".
            if hit.pos == Pos::Verb && hit.head > 0 && words::is_det(&self.words[hit.head - 1]) {
                continue;
            }
            let relation = self.schema.get(hit.relation);
            let trigger = &relation.triggers[hit.trigger];
            // Denying a charge and turning down a proposal are told apart by what is
            // denied or rejected, not by the verb; the object is whose charge or
            // proposal it is (spec: "Denies or rejects").
            let denial = (matches!(relation.name.as_str(), "denies" | "rejects")
                && hit.pos == Pos::Verb)
                // From the verb on: the trigger itself may name the charge ("dismissed
                // newspaper claims").
                .then(|| self.denial_or_rejection(hit.head + 1))
                .flatten();
            // A charge against somebody else is rejected, not denied (spec): "Kyiv
            // dismissed reports of a Russian buildup".
            let denial = denial.map(|(name, noun)| match self.subject_before(hit.start, 0) {
                Some(s) if name == "denies" && self.charge_against_other(noun, s) => {
                    ("rejects", noun)
                }
                _ => (name, noun),
            });
            let found = match (hit.pos, denial) {
                (Pos::Verb, Some((_, noun))) => self.subject_before(hit.start, 0).map(|s| {
                    (
                        Arg::Np { np: s, skip: 0 },
                        self.owner_of(hit.head + 1, noun),
                    )
                }),
                (Pos::Verb, None) => self.verb_args(hit, trigger, &relation.name),
                (Pos::Noun, _) => self.noun_args(hit, &trigger.preps, relation.symmetric),
            };
            let Some((subject, object)) = found else {
                continue;
            };
            let relation_id = denial
                .and_then(|(name, _)| self.schema.by_name(name).ok())
                .unwrap_or(hit.relation);
            let mut mood = mood_of(self.words, self.tokens, hit, &relation.name);
            // A phrase that itself negates ("call off talks", "rule out force") is
            // undone by a negation: "did not rule out military action" is a threat.
            if trigger.negated {
                mood = match mood {
                    Mood::Negated => Mood::Asserted,
                    m if m.is_fact() => Mood::Negated,
                    m => m,
                };
            }
            let span = Span::new(
                self.tokens[hit.start].span.start,
                self.tokens[hit.end - 1].span.end,
            );
            let confidence = if matches!(object, Arg::Concept(_)) {
                0.6
            } else {
                0.8
            };
            // "called for talks with X", "wants talks with X": the talks are only wished
            // for; the wish is a demand on X.
            if hit.pos == Pos::Noun && relation.name == "meets" {
                if let (Some(v), Ok(demands)) = (
                    self.demand_verb_before(hit.start),
                    self.schema.by_name("demands"),
                ) {
                    let verb_hit = TriggerHit {
                        relation: demands,
                        trigger: 0,
                        pos: Pos::Verb,
                        head: v,
                        start: v,
                        end: v + 1,
                    };
                    let demand_mood = mood_of(self.words, self.tokens, &verb_hit, "demands");
                    out.push(RawEvent {
                        relation: demands,
                        subject,
                        object,
                        trigger: span,
                        head: hit.head,
                        theme: None,
                        mood: demand_mood,
                        confidence,
                        mutual: false,
                    });
                    mood = Mood::Hypothetical;
                }
            }
            let theme = self.theme(hit, &relation.name, object);
            let mutual = hit.pos == Pos::Noun
                && relation.name == "attacks"
                && matches!(object, Arg::Np { np, .. } if self.words
                    [hit.end..self.nps[np].start.max(hit.end)]
                    .iter()
                    .any(|w| w == "between"));
            out.push(RawEvent {
                relation: relation_id,
                subject,
                object,
                trigger: span,
                head: hit.head,
                theme,
                mood,
                confidence,
                mutual,
            });
        }
        out
    }
}
