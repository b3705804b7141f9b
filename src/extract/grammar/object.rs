//! Objects and themes: whom the deed is done to. Direct objects and the trigger's
//! prepositions, concept objects, passives' agents, nominal events' arguments, whose
//! charge or proposal is denied or rejected, and what is demanded or sent.

use super::{is_adverb, is_boundary, is_verb_group, Arg, Grammar, OBJECT_WINDOW};
use crate::extract::lexicon::TriggerHit;
use crate::extract::np::{Np, Reference};
use crate::extract::words;
use crate::schema::{Pos, Trigger};
use crate::text::{Span, TokenKind};

impl Grammar<'_> {
    pub(super) fn verb_args(
        &self,
        hit: &TriggerHit,
        trigger: &Trigger,
        relation: &str,
    ) -> Option<(Arg, Arg)> {
        let preps = &trigger.preps;
        if self.is_passive(hit) {
            // "Y was accused by X": the agent follows "by".
            let agent = self.nps.iter().position(|np| {
                np.start > hit.end.saturating_sub(1)
                    && np.start <= hit.end + OBJECT_WINDOW
                    && np.prep == Some("by")
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
        // Ruling force in or out is about force: "did not rule out talks" is no threat.
        if trigger.phrase == "rule out" {
            let end = self.words.len().min(hit.end + 4);
            if !self.words[hit.end..end].iter().any(|w| is_force_word(w)) {
                return None;
            }
        }
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
            None if self.nps[subject].is_several()
                && matches!(relation, "meets" | "agrees" | "cooperates") =>
            {
                Arg::Np {
                    np: subject,
                    skip: 1,
                }
            }
            // A warning counts when it names consequences the warner would bring
            // about ("warned that it could impose sanctions", "warned its missiles can
            // hit Israel"); a warning of a danger it does not control is a statement.
            None if relation == "warns" => self.warned_consequence(hit.end, subject)?,
            // A phrase ending in its preposition ("agree to") names a concept only
            // when its words are together: "agreed that answers to our proposals …"
            // agrees to no answers.
            None if trigger.concept
                && trigger.phrase.ends_with(" to")
                && hit.end - hit.start > trigger.phrase.split(' ').count() =>
            {
                return None
            }
            None if trigger.concept => {
                // "opened fire Wednesday on a convoy": the concept may follow the
                // trigger's own preposition.
                let mut at = hit.end;
                while self.words.get(at).is_some_and(|w| words::is_time_word(w)) {
                    at += 1;
                }
                if self.words.get(at).is_some_and(|w| preps.contains(w)) {
                    at += 1;
                } else if relation == "rejects" && self.words.get(at).is_some_and(|w| w == "to") {
                    // "refused to extend the deal": what is refused is the deed.
                    at += 1;
                } else if !trigger.direct
                    && !trigger
                        .phrase
                        .rsplit(' ')
                        .next()
                        .is_some_and(words::is_prep)
                {
                    // "firing assault rifles": without its preposition, what follows
                    // such a verb is no target.
                    return None;
                }
                // "fired on a convoy carrying the minister": the attack is on whom the
                // vehicle carries.
                let end = self.words.len().min(at + 5);
                let carried = (at..end)
                    .find(|&k| matches!(self.words[k].as_str(), "carrying" | "transporting"))
                    .and_then(|k| {
                        self.nps
                            .iter()
                            .position(|np| np.start > k && np.start <= k + 6 && !np.possessive)
                    });
                match carried {
                    Some(n) if relation == "attacks" => Arg::Np { np: n, skip: 0 },
                    _ => Arg::Concept(self.concept_after(at)?),
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

    /// The object phrase after a predicate ending at `from`.
    pub(super) fn object_after(
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
            // A threat names its deed in an infinitive whose object is the threatened
            // ("threatened to exclude Tokyo from the talks").
            // So does a refusal ("refused to meet Lavrov": the refusal is his).
            if infinitive && !matches!(relation, "sends" | "threatens" | "rejects") {
                return None;
            }
            // Travel needs no direct object: "flying the migrants to Libya" is no visit.
            if relation == "visits" && np.prep.is_some() && between.iter().any(|w| words::is_det(w))
            {
                return None;
            }
            // A city is only ever the place of a visit.
            if relation != "visits" && np.is_place() {
                continue;
            }
            // A possessive pronoun only owns the noun after it ("its borders with X").
            if np.possessive && np.is_pronoun() {
                continue;
            }
            // "on its borders with Ukraine", "near the frontier with Poland".
            if np.prep == Some("with")
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
            // A civilian place is no state's, though ("fired missiles at a Gaza
            // warehouse" has no actor as its target).
            let civilian = self.words.get(np.end).is_some_and(|w| is_civilian_place(w));
            let modifier = (relation != "attacks" || civilian)
                && np.end < self.words.len()
                && self.modifies_next(np.end);
            match np.prep {
                // A direct object follows its verb with no preposition in between
                // ("backs veto for members of the Council" has no direct object).
                // Words between a verb and a phrase with its own determiner are a
                // phrase of their own, unless adverbs or time words: "dismissed
                // newspaper claims the government …" has the claims as its object, not
                // the government the claims are about ("expelled a senior Indian
                // diplomat" keeps its modifiers).
                None if direct
                    && !modifier
                    && (infinitive
                        || relation == "sends"
                        || !between.iter().any(|w| words::is_prep(w)))
                    && (relation == "sends"
                        || !matches!(
                            self.words[np.start].as_str(),
                            "the" | "a" | "an" | "this" | "these" | "those"
                        )
                        || between.iter().all(|w| {
                            is_adverb(w) || words::is_time_word(w) || is_verb_group(w)
                        })) =>
                {
                    return Some(n)
                }
                None => continue,
                Some(p) if preps.iter().any(|q| q == p) && !modifier => return Some(n),
                // "refused to give guarantees to Russia": the refused deed's addressee.
                Some("to" | "with") if infinitive && relation == "rejects" && !modifier => {
                    return Some(n)
                }
                // "of" after a noun: "the security of Ukraine" is no object.
                Some(_) => continue,
            }
        }
        None
    }

    /// What a warning with no actor right after it warns of: the actor its
    /// consequence would strike, or the consequence itself; `None` when no
    /// consequence of the warner's making is named.
    fn warned_consequence(&self, from: usize, subject: usize) -> Option<Arg> {
        const CONSEQUENCES: &[&str] = &[
            "consequences",
            "consequence",
            "response",
            "retaliation",
            "retaliate",
            "sanctions",
            "sanction",
            "measures",
            "action",
            "force",
            "strike",
            "strikes",
            "attack",
            "hit",
            "punish",
            "punishment",
            "war",
            "reprisals",
            "countermeasures",
            "respond",
        ];
        let end = self.words.len().min(from + 12);
        let cue = (from..end)
            .take_while(|&k| !matches!(self.words[k].as_str(), ";" | "." | "but" | "while"))
            .find(|&k| CONSEQUENCES.contains(&self.words[k].as_str()))?;
        // The consequence strikes an actor only as the warner's own deed: "its missiles
        // can hit Israel" (a modal before the verb), not "any attack on Niamey".
        let deed = (cue.saturating_sub(2)..cue)
            .any(|k| words::is_modal(&self.words[k]) || words::is_future(&self.words[k]));
        let target = self.nps.iter().position(|np| {
            deed && np.start > cue
                && np.start <= cue + 4
                && !np.possessive
                && np
                    .refs
                    .iter()
                    .all(|r| !matches!(r, Reference::Pronoun { .. }))
        });
        match target {
            Some(n) if n != subject => Some(Arg::Np { np: n, skip: 0 }),
            _ => Some(Arg::Concept(Span::new(
                self.tokens[cue].span.start,
                self.tokens[cue].span.end,
            ))),
        }
    }

    /// The noun phrase before a passive verb group ("A man and two women were …"):
    /// up to five words back to the clause's start.
    pub(super) fn phrase_before(&self, at: usize) -> Option<Span> {
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
    pub(super) fn concept_after(&self, from: usize) -> Option<Span> {
        let mut i = from;
        // "defended itself against …", "to fire them": a pronoun is no concept.
        if self.words.get(i).is_some_and(|w| {
            words::is_pronoun(w)
                || matches!(w.as_str(), "itself" | "himself" | "herself" | "themselves")
        }) {
            return None;
        }
        // "opened fire Wednesday on a convoy": a time word is never the concept.
        while i < self.words.len()
            && (words::is_det(&self.words[i])
                || is_adverb(&self.words[i])
                || words::is_time_word(&self.words[i]))
        {
            i += 1;
        }
        let start = i;
        while i < self.words.len()
            && i < start + 4
            && matches!(self.tokens[i].kind, TokenKind::Word | TokenKind::Number)
            && !words::is_prep(&self.words[i])
            && !words::is_subordinator(&self.words[i])
            && !words::is_time_word(&self.words[i])
            && !matches!(self.words[i].as_str(), "and" | "or" | "but" | "to")
        {
            i += 1;
        }
        (i > start).then(|| Span::new(self.tokens[start].span.start, self.tokens[i - 1].span.end))
    }

    pub(super) fn noun_args(
        &self,
        hit: &TriggerHit,
        preps: &[String],
        symmetric: bool,
    ) -> Option<(Arg, Arg)> {
        // "talks between X and Y", "a meeting will be held on January 12 between X and Y"
        if let Some(n) = self.nps.iter().position(|np| {
            np.start >= hit.end
                && np.start <= hit.end + 8
                && np.prep == Some("between")
                && !self.words[hit.end..np.start]
                    .iter()
                    .any(|w| is_boundary(w) || w == "," || w == "that" || w == "to")
        }) {
            if self.nps[n].is_several() {
                return Some((Arg::Np { np: n, skip: 0 }, Arg::Np { np: n, skip: 1 }));
            }
        }
        if let Some(pair) = self.between_pair(hit.end) {
            return Some(pair);
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
                np.start >= hit.end && np.start <= hit.end + 2 && np.prep == Some("by")
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
                // "the conversation he held on December 13 with X": a light verb
                // carries the noun's object further.
                let reach = if self.words[hit.end..np.start.max(hit.end)]
                    .iter()
                    .any(|w| words::is_light_verb(w))
                {
                    9
                } else if self.carried_by_light_verb(hit.start) {
                    // "make his second call in less than a month with X"
                    7
                } else {
                    4
                };
                *n != subject
                    && (!np.is_place() || self.schema.name(hit.relation) == "visits")
                    && np.start >= hit.end
                    && np.start <= hit.end + reach
                    && np
                        .prep
                        .is_some_and(|p| preps.iter().any(|q| q == p))
                    && !self.words[hit.end..np.start]
                        .iter()
                        .any(|w| is_boundary(w) || w == ",")
                    // An infinitive in between has its own object: "a videoconference
                    // to discuss the tensions between X and Y".
                    && !(hit.end..np.start.saturating_sub(1)).any(|k| self.words[k] == "to")
            })
            .map(|(n, _)| n);
        let object = match object {
            Some(o) => Arg::Np { np: o, skip: 0 },
            // "Moscow and Washington will hold negotiations": a coordinated subject of a
            // symmetric event pairs its members.
            None if symmetric
                && self.nps[subject].is_several()
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

    /// "between army chief A and his former deputy, B": two phrases that the chunker
    /// did not join, because of words before the first or an apposition after "and".
    fn between_pair(&self, from: usize) -> Option<(Arg, Arg)> {
        let end = self.words.len().min(from + 8);
        let b = (from..end)
            .take_while(|&k| !is_boundary(&self.words[k]) && self.words[k] != ",")
            .find(|&k| self.words[k] == "between")?;
        let actor = |np: &Np| !np.is_pronoun();
        let a = self
            .nps
            .iter()
            .position(|np| np.start > b && np.start <= b + 3 && actor(np))?;
        let and = self.nps[a].end;
        if self.words.get(and).map(String::as_str) != Some("and") {
            return None;
        }
        let second = self
            .nps
            .iter()
            .position(|np| np.start > and && np.start <= and + 6 && actor(np))?;
        // Only an apposition may come between "and" and the second actor.
        let gap = &self.words[and + 1..self.nps[second].start];
        if gap
            .iter()
            .any(|w| is_boundary(w) || words::is_prep(w) || is_verb_group(w))
        {
            return None;
        }
        Some((
            Arg::Np { np: a, skip: 0 },
            Arg::Np {
                np: second,
                skip: 0,
            },
        ))
    }

    /// Whether a nominal event is the object of a verb that carries it ("held talks",
    /// "will hold negotiations"), rather than a mention of it ("after talks").
    pub(super) fn carried_by_light_verb(&self, at: usize) -> bool {
        (at.saturating_sub(4)..at).any(|k| words::is_light_verb(&self.words[k]))
    }

    /// What is demanded, sent or threatened: the noun phrase between the verb and
    /// its actor object ("sent *warships* to NATO", "demanded *guarantees* from NATO").
    pub(super) fn theme(&self, hit: &TriggerHit, relation: &str, object: Arg) -> Option<Span> {
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
    pub(super) fn demand_verb_before(&self, at: usize) -> Option<usize> {
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
                // Scare quotes: called for "immediate" talks.
                "\"" | "“" | "”" | "'" | "‘" | "’" => {}
                _ => return None,
            }
        }
        None
    }

    /// "denies" when what follows is a charge, "rejects" when it is a proposal.
    pub(super) fn denial_or_rejection(&self, from: usize) -> Option<(&'static str, usize)> {
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

    /// Whether the charge at `noun` is about an actor other than the denier `subject`:
    /// "reports of a Russian buildup" denied by Kyiv. A pronoun may be the denier
    /// itself, so it proves nothing.
    pub(super) fn charge_against_other(&self, noun: usize, subject: usize) -> bool {
        let Some(about) = self.nps.iter().find(|np| {
            np.start > noun
                && np.start <= noun + 4
                && self.words[noun + 1..np.start]
                    .iter()
                    .any(|w| matches!(w.as_str(), "of" | "about" | "that"))
        }) else {
            return false;
        };
        let named = |refs: &[Reference]| {
            refs.iter()
                .all(|r| matches!(r, Reference::Actor(_) | Reference::Person { .. }))
        };
        named(&about.refs) && named(&self.nps[subject].refs) && about.refs != self.nps[subject].refs
    }

    /// Whose charge or proposal it is: the owner before the noun ("the US
    /// allegations", "Russia's demands") or an agent after it ("demands by the
    /// rebels"); else the charge itself as a concept.
    pub(super) fn owner_of(&self, from: usize, noun: usize) -> Arg {
        // An owner in the noun's own phrase: possessive or adjectival ("Russia's
        // latest demands", "Russian security demands"), or a name right before it ("the
        // US allegations"); a name further back modifies another noun ("Iraq warning
        // claims").
        if let Some(n) = self
            .nps
            .iter()
            .position(|np| np.start >= from && np.end <= noun && (np.possessive || np.end == noun))
        {
            return Arg::Np { np: n, skip: 0 };
        }
        if let Some(n) = self.nps.iter().position(|np| {
            np.start > noun && np.start <= noun + 2 && matches!(np.prep, Some("by" | "from" | "of"))
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
}

/// Civilian buildings and places: an attack on one is no attack on the state whose name
/// modifies it (spec: places and facilities that are not actors give a concept).
fn is_civilian_place(w: &str) -> bool {
    matches!(
        w,
        "warehouse"
            | "house"
            | "home"
            | "homes"
            | "market"
            | "mosque"
            | "church"
            | "synagogue"
            | "school"
            | "hospital"
            | "building"
            | "shop"
            | "factory"
            | "hotel"
            | "restaurant"
            | "cafe"
            | "village"
            | "neighbourhood"
            | "neighborhood"
            | "refugee"
            | "camp"
            | "farm"
            | "apartment"
    )
}

/// Words of force that a threat rules in or out.
fn is_force_word(w: &str) -> bool {
    matches!(
        w,
        "military"
            | "force"
            | "action"
            | "intervention"
            | "strike"
            | "strikes"
            | "attack"
            | "attacks"
            | "war"
            | "invasion"
            | "retaliation"
            | "sanctions"
    )
}
