//! Entity resolution: one canonical actor for every actor phrase of a document.
//!
//! Runs over a document's phrases in reading order, keeping the discourse state that
//! coreference needs: persons introduced (so a surname or "the minister" finds them),
//! the last subject (for "he"/"she"), the last plural or coordinated phrase (for
//! "they"), the last organization (for "the alliance"). Gazetteer actors keep their
//! ids; persons, bodies and groups the gazetteer does not know get stable ids from
//! their normalised name, kind and country.

mod names;

pub use names::slug;

use crate::extract::np::{Np, Reference};
use crate::gazetteer::fuzzy::PersonIndex;
use crate::gazetteer::{ActorId, ActorKind, Gazetteer, Office};
use crate::triple::ActorRef;
use chrono::NaiveDate;
use rustc_hash::FxHashMap as HashMap;
use smallvec::{smallvec, SmallVec};
use std::sync::Arc;

/// A resolved actor: the stream's view, plus what coreference needs to know.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub actor: ActorRef,
    /// The gazetteer entry, when there is one.
    pub known: Option<ActorId>,
    /// The office a person holds, where the text or the gazetteer says so.
    pub office: Option<Office>,
}

/// The actors one phrase resolves to: almost always one, so kept inline rather than
/// in a heap list per phrase.
pub type Entities = SmallVec<[Entity; 1]>;

/// Document-level resolution state.
pub struct Resolver<'a> {
    gazetteer: &'a Gazetteer,
    people: &'a PersonIndex,
    date: Option<NaiveDate>,
    /// The country an item's dateline names, for groups whose nationality the text
    /// leaves out.
    pub item_country: Option<ActorId>,
    surnames: HashMap<String, Entity>,
    last_person: Option<Entity>,
    last_plural: Vec<Entity>,
    last_org: Option<Entity>,
    last_country: Option<Entity>,
    /// The last sentence with an actor as subject or object.
    salient_sentence: Option<usize>,
    /// Persons the document names with an office, by (office, country).
    doc_roles: HashMap<(Office, ActorId), Entity>,
    /// The last state, organization, body or group (for "it").
    last_thing: Option<Entity>,
    /// Sentence index of the last update, so that pronouns do not reach too far back.
    last_sentence: usize,
    /// The person who opened the last sentence that opened with one, and that
    /// sentence: a pronoun opening a sentence continues its subject ("Nuland met the
    /// leaders, but not Tiani. She urged …" → Nuland).
    subject_person: Option<(usize, Entity)>,
    /// The sentence whose first actor phrase has been resolved.
    opened: Option<usize>,
    /// Every actor resolved so far in the current sentence (its index), in order, for
    /// pronouns whose antecedent is in their own sentence ("sanctions on Russia over
    /// its annexation", "a call between them").
    /// Whether each came from a phrase that modifies a noun ("the Ukrainian Crimea"),
    /// which "its" does not point back to.
    in_sentence: (usize, Vec<(Entity, bool)>),
    /// The last actors named (subjects and objects), oldest first, for "both
    /// generals" when no coordination names them together.
    recent: Vec<Entity>,
}

impl<'a> Resolver<'a> {
    pub fn new(gazetteer: &'a Gazetteer, people: &'a PersonIndex, date: Option<NaiveDate>) -> Self {
        Resolver {
            gazetteer,
            people,
            date,
            item_country: None,
            surnames: HashMap::default(),
            last_person: None,
            last_plural: Vec::new(),
            last_org: None,
            last_country: None,
            last_thing: None,
            doc_roles: HashMap::default(),
            salient_sentence: None,
            last_sentence: 0,
            subject_person: None,
            opened: None,
            in_sentence: (usize::MAX, Vec::new()),
            recent: Vec::new(),
        }
    }

    /// The entity for a gazetteer actor.
    pub fn known(&self, id: ActorId) -> Entity {
        let a = self.gazetteer.actor(id);
        let country = match a.kind {
            ActorKind::Country => None,
            ActorKind::Person => self.gazetteer.affiliation(id, self.date),
            _ => a.country,
        };
        // The office held on the date; a resolvable office before any "other" post.
        let office = self.date.and_then(|d| {
            let held = || a.roles.iter().filter(|r| r.covers(d));
            held()
                .find(|r| r.office != Office::Other)
                .or_else(|| held().next())
                .map(|r| r.office)
        });
        Entity {
            actor: ActorRef {
                id: a.key.clone(),
                name: a.name.clone(),
                kind: a.kind,
                country: country.map(|c| self.gazetteer.actor(c).key.clone()),
            },
            known: Some(id),
            office,
        }
    }

    fn key_of(&self, id: ActorId) -> Arc<str> {
        self.gazetteer.actor(id).key.clone()
    }

    /// Resolve every reference of a phrase (several for a coordination), in order, and
    /// update the discourse state. `text` is what the phrase's spans index.
    pub fn resolve_np(&mut self, np: &Np, text: &str, sentence: usize) -> Entities {
        // A city is its country as a place only: nothing refers back to it.
        if np.is_place() {
            return np
                .refs
                .iter()
                .filter_map(|r| match r {
                    Reference::Place(c) => Some(self.known(*c)),
                    _ => None,
                })
                .collect();
        }
        let mut out = Entities::new();
        let opening = np.prep.is_none() && self.opened != Some(sentence);
        if self.in_sentence.0 != sentence {
            // Cleared, not replaced: the list is reused sentence after sentence.
            self.in_sentence.0 = sentence;
            self.in_sentence.1.clear();
        }
        for r in &np.refs {
            if let Some(es) = self.pronoun_in_sentence(r, np) {
                out.extend(es);
                continue;
            }
            // A personal pronoun opening its sentence continues the last subject.
            if let (
                true,
                Reference::Pronoun {
                    plural: false,
                    first: false,
                    neuter: false,
                    feminine,
                },
            ) = (opening, r)
            {
                if let Some((s, e)) = &self.subject_person {
                    if *s < sentence && s + 2 >= sentence && agrees(e, *feminine) {
                        out.push(e.clone());
                        continue;
                    }
                }
            }
            for e in self.resolve_ref(r, text, sentence) {
                if !out.iter().any(|o| o.actor.id == e.actor.id) {
                    out.push(e);
                }
            }
        }
        // Subjects and objects are what pronouns pick up; an actor inside a
        // prepositional phrase only when nothing more salient is at hand.
        self.remember(&out, sentence, np.prep.is_some());
        self.in_sentence
            .1
            .extend(out.iter().map(|e| (e.clone(), np.possessive)));
        if np.prep.is_none() && !np.possessive {
            for e in &out {
                self.recent.retain(|r| r.actor.id != e.actor.id);
                self.recent.push(e.clone());
            }
            if self.recent.len() > 8 {
                self.recent.remove(0);
            }
        }
        // The first person phrase (or pronoun) outside prepositional phrases; a state
        // before it is mostly its modifier ("US Deputy Secretary … Nuland").
        let personal = out.iter().any(|e| e.actor.kind == ActorKind::Person)
            || np
                .refs
                .iter()
                .any(|r| matches!(r, Reference::Pronoun { .. }));
        if opening && personal {
            self.opened = Some(sentence);
            if let [e] = out.as_slice() {
                if e.actor.kind == ActorKind::Person {
                    self.subject_person = Some((sentence, e.clone()));
                }
            }
        }
        out
    }

    /// A pronoun whose antecedent is in its own sentence: "its" after a state or
    /// organization is that one ("sanctions on Russia over its annexation"), and
    /// "between them" is the last two persons (or actors) named.
    fn pronoun_in_sentence(&self, r: &Reference, np: &Np) -> Option<Entities> {
        let Reference::Pronoun {
            plural,
            first: false,
            neuter,
            ..
        } = r
        else {
            return None;
        };
        let seen = &self.in_sentence.1;
        if *neuter && np.possessive {
            return seen
                .iter()
                .rev()
                .find(|(e, modifier)| e.actor.kind != ActorKind::Person && !modifier)
                .map(|(e, _)| smallvec![e.clone()]);
        }
        if *plural && np.prep == Some("between") {
            let newest_first = || seen.iter().rev().map(|(e, _)| e);
            return last_two(newest_first(), |e| e.actor.kind == ActorKind::Person)
                .or_else(|| last_two(newest_first(), |_| true));
        }
        None
    }

    fn remember(&mut self, entities: &[Entity], sentence: usize, oblique: bool) {
        if entities.is_empty() {
            return;
        }
        self.last_sentence = sentence;
        if entities.len() > 1 {
            self.last_plural = entities.to_vec();
        }
        // An oblique mention does not displace a subject or object of this or the
        // previous sentence.
        let recent_salient = self.salient_sentence.is_some_and(|s| s + 1 >= sentence);
        if !oblique {
            self.salient_sentence = Some(sentence);
        }
        let keep = |slot: &Option<Entity>| oblique && slot.is_some() && recent_salient;
        for e in entities {
            if e.actor.kind != ActorKind::Person && entities.len() == 1 && !keep(&self.last_thing) {
                self.last_thing = Some(e.clone());
            }
            match e.actor.kind {
                ActorKind::Person if !keep(&self.last_person) => self.last_person = Some(e.clone()),
                ActorKind::Organization if !keep(&self.last_org) => self.last_org = Some(e.clone()),
                ActorKind::Country if !keep(&self.last_country) => {
                    self.last_country = Some(e.clone())
                }
                // "The junta …", "the foreign ministry …": a body brings its state to
                // mind ("… closed its borders with the country").
                ActorKind::Body if !oblique => {
                    if let Some(c) = e
                        .actor
                        .country
                        .as_deref()
                        .and_then(|k| self.gazetteer.by_key(k))
                    {
                        if self.gazetteer.actor(c).kind == ActorKind::Country {
                            self.last_country = Some(self.known(c));
                        }
                    }
                }
                _ => {}
            }
        }
    }

    fn resolve_ref(&mut self, r: &Reference, text: &str, sentence: usize) -> Entities {
        match r {
            Reference::Actor(id) | Reference::Place(id) => smallvec![self.known(*id)],
            Reference::Person { name, office, of } => {
                let surface = name.of(text);
                smallvec![self.person(surface, *office, *of)]
            }
            Reference::Role { office, of } => self.role(*office, *of).into_iter().collect(),
            Reference::Counterpart { of } => {
                let office = self
                    .last_person
                    .as_ref()
                    .and_then(|p| p.office)
                    .unwrap_or(Office::HeadOfState);
                match of {
                    Some(c) => self.role(office, Some(*c)).into_iter().collect(),
                    None => Entities::new(),
                }
            }
            Reference::Body { owner, noun } => smallvec![self.body(*owner, noun)],
            Reference::Group { country, noun } => {
                smallvec![self.group(country.or(self.item_country), noun)]
            }
            Reference::StateBody { noun } => match self
                .item_country
                .or(self.last_country.as_ref().and_then(|e| e.known))
            {
                Some(c) => smallvec![self.body(c, noun)],
                None => Entities::new(),
            },
            Reference::StateAgent => match self.item_country {
                Some(c) => smallvec![self.known(c)],
                None => self.last_country.clone().into_iter().collect(),
            },
            Reference::Pronoun {
                plural,
                first,
                neuter,
                feminine,
            } => {
                if *first {
                    return Entities::new(); // the quote's speaker, set by the caller
                }
                if sentence > self.last_sentence + 2 {
                    return Entities::new();
                }
                if *plural {
                    self.last_plural.iter().cloned().collect()
                } else if *neuter {
                    self.last_thing.clone().into_iter().collect()
                } else {
                    // The last person the pronoun's gender fits ("Albares … Defence
                    // Minister Margarita Robles … he" is Albares), else the last one.
                    self.last_person
                        .iter()
                        .chain(self.recent.iter().rev())
                        .find(|e| e.actor.kind == ActorKind::Person && agrees(e, *feminine))
                        .or(self.last_person.as_ref())
                        .cloned()
                        .into_iter()
                        .collect()
                }
            }
            Reference::Definite { noun } => match noun.as_str() {
                "alliance" | "bloc" | "organization" | "organisation" | "union" => {
                    self.last_org.clone().into_iter().collect()
                }
                // "the group": the last organization or group that is no state's
                // (an armed or political group, "the paramilitary group").
                "group" => self
                    .recent
                    .iter()
                    .rev()
                    .find(|e| matches!(e.actor.kind, ActorKind::Organization | ActorKind::Group))
                    .cloned()
                    .into_iter()
                    .collect(),
                "minister" | "secretary" => self
                    .last_person
                    .clone()
                    .into_iter()
                    .filter(|p| p.office.is_some())
                    .collect(),
                "country" => self.last_country.clone().into_iter().collect(),
                n if n.starts_with("two ") => {
                    // "the two countries" are two states; "the two leaders" two people;
                    // "both sides" either. The last coordination if it fits, else the
                    // last two such actors named ("fighting between General A and his
                    // deputy, B … both generals").
                    let want_people = match n {
                        "two leaders" | "two men" | "two ministers" | "two generals"
                        | "two presidents" => Some(true),
                        "two sides" | "two parties" => None,
                        _ => Some(false),
                    };
                    let fits = self.last_plural.len() == 2
                        && self.last_plural.iter().all(|e| {
                            want_people.is_none_or(|p| (e.actor.kind == ActorKind::Person) == p)
                        });
                    if fits {
                        self.last_plural.iter().cloned().collect()
                    } else {
                        last_two(self.recent.iter().rev(), |e| {
                            want_people.is_none_or(|p| (e.actor.kind == ActorKind::Person) == p)
                        })
                        .unwrap_or_default()
                    }
                }
                _ => Entities::new(),
            },
        }
    }

    /// A named person: the gazetteer's if it knows them (by name, by the holder of the
    /// title on the date, or by a close spelling), else a new person.
    fn person(&mut self, surface: &str, office: Option<Office>, of: Option<ActorId>) -> Entity {
        let clean = surface.trim_end_matches(['.', ',']);
        let lower = clean.to_lowercase();
        if let Some(e) = self.surnames.get(&lower) {
            return e.clone();
        }
        let holder = match (office, of, self.date) {
            (Some(o), Some(c), Some(d)) => self.gazetteer.holder(o, c, d),
            _ => None,
        };
        let known = holder
            .filter(|&h| names::similar(clean, &self.gazetteer.actor(h).name))
            .or_else(|| self.people.find(clean));
        let entity = match known {
            Some(id) => self.known(id),
            None => Entity {
                actor: ActorRef {
                    id: slug(clean).into(),
                    name: clean.into(),
                    kind: ActorKind::Person,
                    country: of.map(|c| self.key_of(c)),
                },
                known: None,
                office,
            },
        };
        if let Some(surname) = lower.split_whitespace().last() {
            if lower.contains(' ') {
                self.surnames.insert(surname.to_string(), entity.clone());
            }
        }
        entity
    }

    /// The holder of an office on the article's date; else the country it belongs to.
    fn role(&self, office: Office, of: Option<ActorId>) -> Option<Entity> {
        let of = of?;
        // A holder the document itself names ("Finnish President Sauli Niinisto")
        // comes first; then the gazetteer's holder on the date.
        let fallbacks: &[Office] = if office == Office::HeadOfState {
            &[Office::HeadOfState, Office::HeadOfGovernment]
        } else {
            &[office]
        };
        for o in fallbacks {
            if let Some(e) = self.doc_roles.get(&(*o, of)) {
                return Some(e.clone());
            }
        }
        if let Some(d) = self.date {
            if let Some(h) = fallbacks
                .iter()
                .find_map(|o| self.gazetteer.holder(*o, of, d))
            {
                return Some(self.known(h));
            }
        }
        Some(self.known(of))
    }

    /// Learn, before reading the document in order, which persons it names with their
    /// offices, so that "his counterparts from Finland" finds the Finnish president
    /// named two sentences later.
    pub fn prime<'t>(&mut self, phrases: impl IntoIterator<Item = (&'t Np, &'t str)>) {
        for (np, text) in phrases {
            for r in &np.refs {
                match r {
                    Reference::Person {
                        name,
                        office: Some(o),
                        of: Some(c),
                    } => {
                        let e = self.person(name.of(text), Some(*o), Some(*c));
                        self.doc_roles.entry((*o, *c)).or_insert(e);
                    }
                    Reference::Actor(id) if self.gazetteer.actor(*id).kind == ActorKind::Person => {
                        let Some(d) = self.date else { continue };
                        let e = self.known(*id);
                        for role in self
                            .gazetteer
                            .actor(*id)
                            .roles
                            .iter()
                            .filter(|r| r.covers(d))
                        {
                            self.doc_roles
                                .entry((role.office, role.of))
                                .or_insert_with(|| e.clone());
                        }
                    }
                    _ => {}
                }
            }
        }
    }

    fn body(&self, owner: ActorId, noun: &str) -> Entity {
        let key = format!("{}/{noun}", self.key_of(owner));
        if let Some(id) = self.gazetteer.by_key(&key).or_else(|| {
            let words: Vec<&str> = noun.split('_').collect();
            self.gazetteer.body_with_words(owner, &words)
        }) {
            return self.known(id);
        }
        // "Indian Foreign Ministry": the owner's adjective reads as news writes it; a
        // junta takes the country's name ("the Niger junta", "Myanmar's junta").
        let owner_name = match noun {
            "junta" => &self.gazetteer.actor(owner).name,
            _ => self
                .gazetteer
                .adjective(owner)
                .unwrap_or(&self.gazetteer.actor(owner).name),
        };
        let pretty: Vec<String> = noun
            .split('_')
            .map(|w| {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            })
            .collect();
        Entity {
            actor: ActorRef {
                id: key.into(),
                name: format!("{owner_name} {}", pretty.join(" ")).into(),
                kind: ActorKind::Body,
                country: Some(self.key_of(owner)),
            },
            known: None,
            office: None,
        }
    }

    fn group(&self, country: Option<ActorId>, noun: &str) -> Entity {
        let noun = names::plural(noun);
        let (id, name, key) = match country {
            Some(c) => {
                let adjective = self
                    .gazetteer
                    .adjective(c)
                    .unwrap_or(&self.gazetteer.actor(c).name)
                    .to_string();
                (
                    format!("{}/{noun}", self.key_of(c)),
                    format!("{adjective} {noun}"),
                    Some(self.key_of(c)),
                )
            }
            None => (slug(&noun), noun.clone(), None),
        };
        Entity {
            actor: ActorRef {
                id: id.into(),
                name: name.into(),
                kind: ActorKind::Group,
                country: key,
            },
            known: None,
            office: None,
        }
    }
}

/// The last two distinct actors that fit, oldest first, from actors given newest first:
/// what "between them" and "both generals" refer to.
fn last_two<'e>(
    newest_first: impl Iterator<Item = &'e Entity>,
    fits: impl Fn(&Entity) -> bool,
) -> Option<Entities> {
    let mut two = Entities::new();
    for e in newest_first.filter(|e| fits(e)) {
        if !two.iter().any(|t| t.actor.id == e.actor.id) {
            two.push(e.clone());
            if two.len() == 2 {
                two.reverse();
                return Some(two);
            }
        }
    }
    None
}

/// Whether a person may be what a pronoun of this gender refers to: only a first name
/// that is known to be a woman's rules out "he" (and a man's is not known, so "she"
/// needs a woman's name).
fn agrees(e: &Entity, feminine: Option<bool>) -> bool {
    let first = e.actor.name.split_whitespace().next().unwrap_or_default();
    let woman = crate::extract::words::is_female_name(&first.to_lowercase());
    match feminine {
        Some(true) => woman,
        Some(false) => !woman,
        None => true,
    }
}
