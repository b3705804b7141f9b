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

use super::lexicon::TriggerHit;
use super::mood::mood_of;
use super::np::{Np, Reference};
use super::words;
use crate::schema::{Pos, RelationId, Schema, Trigger};
use crate::text::{Span, Token, TokenKind};
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
}

/// How far after a trigger its object may start, in tokens.
const OBJECT_WINDOW: usize = 7;

/// Tokens that may sit between a subject and its verb: auxiliaries, modals, negation,
/// adverbs, "to" of a control verb and scheduling verbs ("plans to", "agreed to").
fn is_verb_group(w: &str) -> bool {
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
fn is_object_control(w: &str) -> bool {
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

fn is_adverb(w: &str) -> bool {
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
fn is_boundary(w: &str) -> bool {
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
    pub verb_heads: Vec<usize>,
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
                .then(|| self.denial_or_rejection(hit.end))
                .flatten();
            let found = match (hit.pos, denial) {
                (Pos::Verb, Some((_, noun))) => self
                    .subject_before(hit.start, 0)
                    .map(|s| (Arg::Np { np: s, skip: 0 }, self.owner_of(hit.end, noun))),
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
            if trigger.negated && mood.is_fact() {
                mood = Mood::Negated;
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
                    });
                    mood = Mood::Hypothetical;
                }
            }
            let theme = self.theme(hit, &relation.name, object);
            out.push(RawEvent {
                relation: relation_id,
                subject,
                object,
                trigger: span,
                head: hit.head,
                theme,
                mood,
                confidence,
            });
        }
        out
    }

    /// What is demanded, sent or threatened: the noun phrase between the verb and
    /// its actor object ("sent *warships* to NATO", "demanded *guarantees* from NATO").
    fn theme(&self, hit: &TriggerHit, relation: &str, object: Arg) -> Option<Span> {
        if hit.pos != Pos::Verb
            || !matches!(
                relation,
                "demands" | "sends" | "threatens" | "supports" | "urges"
            )
        {
            return None;
        }
        let Arg::Np { np, .. } = object else {
            return None;
        };
        let theme = self.concept_after(hit.end)?;
        (theme.end <= self.tokens[self.nps[np].start].span.start).then_some(theme)
    }

    /// A verb of wanting or demanding just before a noun (skipping adjectives):
    /// "called for immediate talks", "wants talks", "seeks negotiations".
    fn demand_verb_before(&self, at: usize) -> Option<usize> {
        let lo = at.saturating_sub(4);
        let mut k = at;
        while k > lo {
            k -= 1;
            let w = self.words[k].as_str();
            match w {
                "want" | "wants" | "wanted" | "wanting" | "demand" | "demands" | "demanded"
                | "demanding" | "seek" | "seeks" | "sought" | "seeking" => return Some(k),
                "for"
                    if k > 0
                        && matches!(
                            self.words[k - 1].as_str(),
                            "call"
                                | "calls"
                                | "called"
                                | "calling"
                                | "push"
                                | "pushed"
                                | "pushing"
                                | "press"
                                | "pressed"
                                | "pressing"
                                | "pushes"
                                | "presses"
                        ) =>
                {
                    return Some(k - 1)
                }
                _ if self.tokens[k].kind == TokenKind::Word
                    && !words::is_prep(w)
                    && !words::is_aux(w) => {}
                _ => return None,
            }
        }
        None
    }

    /// "denies" when what follows is a charge, "rejects" when it is a proposal.
    fn denial_or_rejection(&self, from: usize) -> Option<(&'static str, usize)> {
        for (k, w) in self.words.iter().enumerate().skip(from).take(8) {
            match w.as_str() {
                "accusation" | "accusations" | "allegation" | "allegations" | "charge"
                | "charges" | "claim" | "claims" | "report" | "reports" | "suggestion"
                | "suggestions" | "criticism" | "assertion" | "assertions" => {
                    return Some(("denies", k))
                }
                "demand" | "demands" | "proposal" | "proposals" | "offer" | "offers"
                | "request" | "requests" | "ultimatum" | "call" | "calls" | "bid" | "appeal"
                | "appeals" | "idea" | "initiative" | "invitation" | "plan" | "plans"
                | "recommendation" | "recommendations" | "overture" | "overtures"
                | "resolution" | "deal" | "terms" | "conditions" => return Some(("rejects", k)),
                w if is_boundary(w) || w == "," || w == "that" || w == "to" => return None,
                _ => {}
            }
        }
        None
    }

    /// Whose charge or proposal it is: the owner before the noun ("the US
    /// allegations", "Russia's demands") or an agent after it ("demands by the
    /// rebels"); else the charge itself as a concept.
    fn owner_of(&self, from: usize, noun: usize) -> Arg {
        if let Some(n) = self
            .nps
            .iter()
            .position(|np| np.start >= from && np.end <= noun)
        {
            return Arg::Np { np: n, skip: 0 };
        }
        if let Some(n) = self.nps.iter().position(|np| {
            np.start > noun
                && np.start <= noun + 2
                && matches!(np.prep.as_deref(), Some("by" | "from" | "of"))
        }) {
            return Arg::Np { np: n, skip: 0 };
        }
        let start = (from..noun)
            .find(|&x| !words::is_det(&self.words[x]))
            .unwrap_or(noun);
        Arg::Concept(Span::new(
            self.tokens[start].span.start,
            self.tokens[noun].span.end,
        ))
    }

    fn np_ending_before(&self, at: usize) -> Option<usize> {
        self.nps.iter().rposition(|np| np.end <= at)
    }

    /// Whether the verb at `start` is passive: a form of "be" in its verb group and a
    /// participle head.
    fn is_passive(&self, hit: &TriggerHit) -> bool {
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
    fn subject_before(&self, at: usize, depth: u8) -> Option<usize> {
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
            let np_right_before = self.nps.iter().any(|np| np.end == before_and);
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
                np.prep.as_deref(),
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
    fn modifies_next(&self, at: usize) -> bool {
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
    fn is_verb_at(&self, v: usize) -> bool {
        let w = self.words[v].as_str();
        self.verb_heads.contains(&v)
            || words::is_common_verb(w)
            || words::is_reporting(w)
            || (w.ends_with("ed") && w.len() > 4)
    }

    /// The nearest verb-like token before `at`.
    fn previous_verb(&self, at: usize) -> Option<usize> {
        (0..at).rev().take(12).find(|&x| {
            let w = self.words[x].as_str();
            self.verb_heads.contains(&x)
                || words::is_common_verb(w)
                || words::is_reporting(w)
                || (w.ends_with("ed") && x > 0)
        })
    }

    fn verb_args(&self, hit: &TriggerHit, trigger: &Trigger, relation: &str) -> Option<(Arg, Arg)> {
        let preps = &trigger.preps;
        if self.is_passive(hit) {
            // "Y was accused by X": the agent follows "by".
            let agent = self.nps.iter().position(|np| {
                np.start > hit.end.saturating_sub(1)
                    && np.start <= hit.end + OBJECT_WINDOW
                    && np.prep.as_deref() == Some("by")
            })?;
            let patient = match self.subject_before(hit.start, 0) {
                Some(p) => Arg::Np { np: p, skip: 0 },
                // "Two men were shot dead by troops": the victims are no actor.
                None if trigger.concept => Arg::Concept(self.phrase_before(hit.start)?),
                None => return None,
            };
            return Some((Arg::Np { np: agent, skip: 0 }, patient));
        }
        let subject = self.subject_before(hit.start, 0)?;
        // "X and Y met" / "X and Y agreed": a coordinated subject of a symmetric verb
        // with no object of its own pairs its members.
        let mut object = self.object_after(hit.end, preps, relation, trigger.direct);
        if trigger.infinitive {
            // "told Iran to stop": the object must be followed by "to".
            let o = object?;
            object = self
                .words
                .get(self.nps[o].end)
                .is_some_and(|w| w == "to")
                .then_some(o);
            object?;
        }
        let object = match object {
            Some(o) => Arg::Np { np: o, skip: 0 },
            None if self.nps[subject].refs.len() > 1
                && matches!(relation, "meets" | "agrees" | "cooperates") =>
            {
                Arg::Np {
                    np: subject,
                    skip: 1,
                }
            }
            None if trigger.concept => Arg::Concept(self.concept_after(hit.end)?),
            None => return None,
        };
        Some((
            Arg::Np {
                np: subject,
                skip: 0,
            },
            object,
        ))
    }

    /// The object phrase after a predicate ending at `from`.
    fn object_after(
        &self,
        from: usize,
        preps: &[String],
        relation: &str,
        direct: bool,
    ) -> Option<usize> {
        let through_that = matches!(relation, "demands" | "urges");
        for (n, np) in self.nps.iter().enumerate() {
            if np.start < from {
                continue;
            }
            if np.start > from + OBJECT_WINDOW {
                return None;
            }
            let between = &self.words[from..np.start];
            if between.iter().any(|w| is_boundary(w) || w == ",") {
                return None;
            }
            if between.iter().any(|w| w == "that") && !through_that {
                return None;
            }
            // An infinitive in between has its own object ("wants to lease a Swedish
            // submarine"), except where a deployment's purpose names its recipient
            // ("sent warships to join NATO forces").
            let infinitive = between
                .windows(2)
                .any(|p| p[0] == "to" && !words::is_det(&p[1]) && !words::is_prep(&p[1]));
            if infinitive && relation != "sends" {
                return None;
            }
            // Travel needs no direct object: "flying the migrants to Libya" is no visit.
            if relation == "visits" && np.prep.is_some() && between.iter().any(|w| words::is_det(w))
            {
                return None;
            }
            // A possessive pronoun only owns the noun after it ("its borders with X").
            if np.possessive
                && np
                    .refs
                    .iter()
                    .all(|r| matches!(r, Reference::Pronoun { .. }))
            {
                continue;
            }
            // "on its borders with Ukraine", "near the frontier with Poland".
            if np.prep.as_deref() == Some("with")
                && np.start >= 2
                && matches!(
                    self.words[np.start - 2].as_str(),
                    "border" | "borders" | "frontier" | "frontiers" | "boundary"
                )
            {
                return Some(n);
            }
            // A phrase trigger that ends in its preposition ("called on", "appealed to")
            // takes the phrase right after it.
            if np.start == from && np.prep.is_some() {
                return Some(n);
            }
            // A name that modifies the noun after it ("the Bush doctrine", "a Swedish
            // submarine") is no object, except of an attack ("attacked a US convoy":
            // an attack on a state's forces or buildings is one on the state).
            let modifier =
                relation != "attacks" && np.end < self.words.len() && self.modifies_next(np.end);
            match np.prep.as_deref() {
                // A direct object follows its verb with no preposition in between
                // ("backs veto for members of the Council" has no direct object).
                None if direct
                    && !modifier
                    && (relation == "sends" || !between.iter().any(|w| words::is_prep(w))) =>
                {
                    return Some(n)
                }
                None => continue,
                Some(p) if preps.iter().any(|q| q == p) && !modifier => return Some(n),
                // "of" after a noun: "the security of Ukraine" is no object.
                Some(_) => continue,
            }
        }
        None
    }

    /// The noun phrase before a passive verb group ("A man and two women were …"):
    /// up to five words back to the clause's start.
    fn phrase_before(&self, at: usize) -> Option<Span> {
        let mut end = at;
        while end > 0 && is_verb_group(&self.words[end - 1]) {
            end -= 1;
        }
        let mut start = end;
        while start > 0
            && start + 5 > end
            && matches!(
                self.tokens[start - 1].kind,
                TokenKind::Word | TokenKind::Number
            )
            && !is_boundary(&self.words[start - 1])
        {
            start -= 1;
        }
        (start < end)
            .then(|| Span::new(self.tokens[start].span.start, self.tokens[end - 1].span.end))
    }

    /// A short noun phrase after a predicate: up to four words after determiners.
    fn concept_after(&self, from: usize) -> Option<Span> {
        let mut i = from;
        while i < self.words.len() && (words::is_det(&self.words[i]) || is_adverb(&self.words[i])) {
            i += 1;
        }
        let start = i;
        while i < self.words.len()
            && i < start + 4
            && matches!(self.tokens[i].kind, TokenKind::Word | TokenKind::Number)
            && !words::is_prep(&self.words[i])
            && !words::is_subordinator(&self.words[i])
            && !matches!(self.words[i].as_str(), "and" | "or" | "but" | "to")
        {
            i += 1;
        }
        (i > start).then(|| Span::new(self.tokens[start].span.start, self.tokens[i - 1].span.end))
    }

    fn noun_args(&self, hit: &TriggerHit, preps: &[String], symmetric: bool) -> Option<(Arg, Arg)> {
        // "talks between X and Y"
        if let Some(n) = self.nps.iter().position(|np| {
            np.start >= hit.end && np.start <= hit.end + 2 && np.prep.as_deref() == Some("between")
        }) {
            if self.nps[n].refs.len() > 1 {
                return Some((Arg::Np { np: n, skip: 0 }, Arg::Np { np: n, skip: 1 }));
            }
        }
        // Possessor or adjective right before: "Russia's demands", "Russian invasion",
        // "their talks".
        let possessor = self.np_ending_before(hit.start).filter(|&n| {
            let np = &self.nps[n];
            np.possessive
                && (np.end..hit.start).all(|x| {
                    self.tokens[x].kind == TokenKind::Possessive
                        || (self.tokens[x].kind == TokenKind::Word
                            && !words::is_prep(&self.words[x])
                            && x + 2 >= hit.start)
                })
        });
        let by_agent = || {
            self.nps.iter().position(|np| {
                np.start >= hit.end && np.start <= hit.end + 2 && np.prep.as_deref() == Some("by")
            })
        };
        let subject = possessor
            .or_else(by_agent)
            .or_else(|| self.clause_subject(hit))?;
        let object = self
            .nps
            .iter()
            .enumerate()
            .find(|(n, np)| {
                *n != subject
                    && np.start >= hit.end
                    && np.start <= hit.end + 4
                    && np
                        .prep
                        .as_deref()
                        .is_some_and(|p| preps.iter().any(|q| q == p))
                    && !self.words[hit.end..np.start]
                        .iter()
                        .any(|w| is_boundary(w) || w == ",")
            })
            .map(|(n, _)| n);
        let object = match object {
            Some(o) => Arg::Np { np: o, skip: 0 },
            // "Moscow and Washington will hold negotiations": a coordinated subject of a
            // symmetric event pairs its members.
            None if symmetric
                && self.nps[subject].refs.len() > 1
                && self.carried_by_light_verb(hit.start) =>
            {
                Arg::Np {
                    np: subject,
                    skip: 1,
                }
            }
            None => return None,
        };
        Some((
            Arg::Np {
                np: subject,
                skip: 0,
            },
            object,
        ))
    }

    /// Whether a nominal event is the object of a verb that carries it ("held talks",
    /// "will hold negotiations"), rather than a mention of it ("after talks").
    fn carried_by_light_verb(&self, at: usize) -> bool {
        const CARRIERS: &[&str] = &[
            "hold",
            "holds",
            "held",
            "holding",
            "have",
            "has",
            "had",
            "conduct",
            "conducted",
            "start",
            "started",
            "began",
            "begin",
            "resume",
            "resumed",
            "open",
            "opened",
            "reach",
            "reached",
            "sign",
            "signed",
            "conclude",
            "concluded",
            "concludes",
            "wrap",
            "wrapped",
        ];
        (at.saturating_sub(4)..at).any(|k| CARRIERS.contains(&self.words[k].as_str()))
    }

    /// The subject of the clause a nominal event sits in: before it, or after a
    /// fronted phrase ("During talks with X, Putin said").
    fn clause_subject(&self, hit: &TriggerHit) -> Option<usize> {
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
