//! The actor gazetteer: countries, organizations, groups, bodies and people, with the
//! names news uses for them and people's dated roles.
//!
//! The table is built in layers ([`builder`]): the built-in RON files compiled into
//! the binary, then each user dictionary (`--gazetteer`) in RON ([`ron`]), CSV/TSV
//! ([`csv`]) or CAMEO ([`cameo`], with [`codes`] for what a CAMEO code means). The same
//! actor met again in a later layer (same id, or same name and country) is one actor
//! and the later entry wins; problems of single entries come back as warnings so
//! that dirty data costs only its own lines. Every actor and every name remembers the
//! file and line it came from, so that [`Gazetteer::explain`] can say why a mention
//! resolved as it did. Agent dictionaries add generic agent nouns
//! ([`Gazetteer::agent`]): "police" with a country before it is a body of that country.

mod builder;
mod cameo;
mod codes;
mod csv;
pub mod file;
pub mod fuzzy;
pub mod places;
mod ron;
mod source;
#[cfg(test)]
mod tests;

use crate::datafile::{parse_ron, DataError};
use builder::Builder;
use chrono::NaiveDate;
pub use file::Office;
use rustc_hash::FxHashMap;
use serde::Serialize;
pub use source::{Format, UserFile};
use std::fmt;
use std::sync::Arc;

/// The built-in gazetteer files: (name used in messages, text).
pub const BUILTIN_FILES: &[(&str, &str)] = &[
    ("data/actors.ron", include_str!("../../data/actors.ron")),
    ("data/people.ron", include_str!("../../data/people.ron")),
    (
        "data/people_world.ron",
        include_str!("../../data/people_world.ron"),
    ),
];

/// An actor, by its index in the gazetteer's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActorId(pub u32);

/// What sort of actor an entry is. Serialized as the spec's `kind` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Country,
    Organization,
    Group,
    Body,
    Person,
}

impl fmt::Display for ActorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ActorKind::Country => "country",
            ActorKind::Organization => "organization",
            ActorKind::Group => "group",
            ActorKind::Body => "body",
            ActorKind::Person => "person",
        })
    }
}

/// Where an entry is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: Arc<str>,
    pub line: Option<usize>,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{l}", self.file),
            None => write!(f, "{}", self.file),
        }
    }
}

/// A person's office over a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    pub office: Office,
    pub title: String,
    pub of: ActorId,
    pub from: NaiveDate,
    pub until: Option<NaiveDate>,
}

impl Role {
    /// Whether the role was held on `date` (the end date is the successor's first day).
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.from <= date && self.until.is_none_or(|u| date < u)
    }
}

/// One actor of the table.
#[derive(Debug, Clone)]
pub struct Actor {
    /// The stable id of the triple stream (`RUS`, `NATO`, `antony_blinken`).
    pub key: Arc<str>,
    pub name: Arc<str>,
    pub kind: ActorKind,
    /// The country or organization the actor belongs to: a body's owner, a national
    /// group's or organization's country, a person's own country.
    pub country: Option<ActorId>,
    pub roles: Vec<Role>,
    pub sector: Option<String>,
    pub origin: Origin,
}

/// How a surface form refers to its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NameKind {
    /// The canonical name or an alias.
    Name,
    /// An adjective: "Russian officials".
    Adjective,
    /// A plural noun for the people: "Russians".
    Demonym,
    /// A capital used as metonym: "Moscow said".
    Capital,
    /// A seat of government: "the Kremlin".
    Seat,
}

/// One surface form of one actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub text: String,
    pub actor: ActorId,
    pub kind: NameKind,
    /// The file and line that gave the actor this name.
    pub origin: Origin,
}

/// A generic agent noun of a CAMEO agent dictionary ("police" → `COP`): with a
/// country before it ("Iraqi police") it names a body of that country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agent {
    /// Lower case, words joined by spaces, singular as the dictionary writes it.
    pub noun: String,
    /// The CAMEO sector code (`COP`, `MIL`, `GOV`).
    pub sector: String,
    pub origin: Origin,
}

impl Agent {
    /// The slug of a body id (`IRQ/police`, `KEN/army`).
    pub fn slug(&self) -> String {
        self.noun.replace(' ', "_")
    }
}

/// The loaded gazetteer.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    actors: Vec<Actor>,
    by_key: FxHashMap<String, ActorId>,
    names: Vec<Name>,
    members: FxHashMap<ActorId, Vec<ActorId>>,
    agents: Vec<Agent>,
    agent_index: rustc_hash::FxHashMap<String, usize>,
    /// The first words of agent nouns of several words ("border" of "border police"):
    /// only after one of them can a longer agent noun start.
    agent_first: rustc_hash::FxHashSet<String>,
    /// Each actor's first adjective, as an index into `names`.
    adjectives: FxHashMap<ActorId, usize>,
    warnings: Vec<DataError>,
    /// Office holders by (office, country or organization), in table order.
    holders: FxHashMap<(Office, ActorId), Vec<ActorId>>,
    /// Bodies by owner, each with the words of its names (lower case, "defence"
    /// spelled "defense"), for `body_with_words`.
    bodies: FxHashMap<ActorId, Vec<BodyNames>>,
}

/// A body and the words of each of its names.
type BodyNames = (ActorId, Vec<Vec<String>>);

impl Gazetteer {
    /// The gazetteer compiled into the binary.
    pub fn builtin() -> Result<Gazetteer, DataError> {
        Gazetteer::load(BUILTIN_FILES.iter().copied())
    }

    /// Load and validate gazetteer files in RON given as (name for messages, text), as
    /// one layer. Any problem is an error: this is for data that must be right.
    pub fn load<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Gazetteer, DataError> {
        let mut b = Builder::new();
        builtin_layer(&mut b, files)?;
        let (g, mut problems) = b.finish();
        match problems.is_empty() {
            true => Ok(g),
            false => Err(problems.swap_remove(0)),
        }
    }

    /// The built-in gazetteer (unless `builtin` is false) with the users' dictionaries
    /// layered over it, each file a layer over the ones before. Problems of entries and
    /// lines come back beside the gazetteer, which holds everything else; a file that
    /// cannot be read at all, or a problem of the built-in data, is an error.
    pub fn with_user_files(
        builtin: bool,
        files: &[UserFile],
    ) -> Result<(Gazetteer, Vec<DataError>), DataError> {
        let mut b = Builder::new();
        if builtin {
            builtin_layer(&mut b, BUILTIN_FILES.iter().copied())?;
            if let Some(p) = b.problems.first() {
                return Err(p.clone());
            }
        }
        for f in files {
            b.next_layer();
            source::add(&mut b, f)?;
        }
        Ok(b.finish())
    }

    /// Record the surface forms claimed by two different actors of one layer: a
    /// mention of one of them cannot be resolved by the name alone. (Across layers
    /// the later layer's claim wins by design.)
    fn check_names(&mut self, layers: &[u32]) {
        let mut seen: FxHashMap<&str, (ActorId, u32)> = FxHashMap::default();
        let mut warnings = Vec::new();
        for (n, &layer) in self.names.iter().zip(layers) {
            match seen.get(n.text.as_str()) {
                Some(&(other, l)) if other != n.actor && l == layer => {
                    let (a, b) = (
                        &self.actors[other.0 as usize],
                        &self.actors[n.actor.0 as usize],
                    );
                    warnings.push(DataError::new(
                        &n.origin.file,
                        n.origin.line,
                        format!(
                            "name {:?} of {:?} is also a name of {:?} ({})",
                            n.text, b.key, a.key, a.origin
                        ),
                    ));
                }
                Some(_) => {}
                None => {
                    seen.insert(&n.text, (n.actor, layer));
                }
            }
        }
        self.warnings = warnings;
    }

    /// Problems that do not stop loading (names shared by two actors).
    pub fn warnings(&self) -> &[DataError] {
        &self.warnings
    }

    pub fn actor(&self, id: ActorId) -> &Actor {
        &self.actors[id.0 as usize]
    }

    pub fn actors(&self) -> impl Iterator<Item = (ActorId, &Actor)> {
        self.actors
            .iter()
            .enumerate()
            .map(|(i, a)| (ActorId(i as u32), a))
    }

    pub fn len(&self) -> usize {
        self.actors.len()
    }

    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
    }

    /// Look an actor up by its stable id (`RUS`, `antony_blinken`).
    pub fn by_key(&self, key: &str) -> Option<ActorId> {
        self.by_key.get(key).copied()
    }

    /// Every surface form of every actor.
    pub fn names(&self) -> &[Name] {
        &self.names
    }

    /// The first adjective of an actor ("Iraqi" for Iraq), if it has one.
    pub fn adjective(&self, id: ActorId) -> Option<&str> {
        let &i = self.adjectives.get(&id)?;
        Some(self.names[i].text.as_str())
    }

    /// Index each actor's first adjective: `adjective` is asked for every group and
    /// body named, and a scan of all names (tens of thousands with a CAMEO
    /// dictionary) each time was most of their resolution.
    fn index_adjectives(&mut self) {
        self.adjectives.clear();
        for (i, n) in self.names.iter().enumerate() {
            if n.kind == NameKind::Adjective {
                self.adjectives.entry(n.actor).or_insert(i);
            }
        }
    }

    /// Members of an alliance or bloc.
    pub fn members(&self, org: ActorId) -> &[ActorId] {
        self.members.get(&org).map_or(&[], Vec::as_slice)
    }

    /// The country or organization a person acts for on `date`: the office held then,
    /// else their own country.
    pub fn affiliation(&self, actor: ActorId, date: Option<NaiveDate>) -> Option<ActorId> {
        let a = self.actor(actor);
        if let Some(date) = date {
            // Prefer an organization's office (Borrell speaks for the EU, not Spain);
            // else the first office held.
            let held = || a.roles.iter().filter(|r| r.covers(date));
            if let Some(r) = held()
                .find(|r| self.actor(r.of).kind == ActorKind::Organization)
                .or_else(|| held().next())
            {
                return Some(r.of);
            }
        }
        a.country
    }

    /// Who held `office` of `of` on `date`.
    pub fn holder(&self, office: Office, of: ActorId, date: NaiveDate) -> Option<ActorId> {
        self.holders
            .get(&(office, of))?
            .iter()
            .copied()
            .find(|&id| {
                self.actor(id)
                    .roles
                    .iter()
                    .any(|r| r.office == office && r.of == of && r.covers(date))
            })
    }

    /// A body of `owner` one of whose names has every one of `words` (lower case):
    /// "security and defence council" finds the "National Security and Defense
    /// Council of Ukraine" whatever its key.
    pub fn body_with_words(&self, owner: ActorId, words: &[&str]) -> Option<ActorId> {
        let wanted: Vec<String> = words.iter().map(|w| body_word(w)).collect();
        self.bodies.get(&owner)?.iter().find_map(|(id, names)| {
            names
                .iter()
                .any(|have| wanted.iter().all(|w| have.contains(w)))
                .then_some(*id)
        })
    }

    /// Index bodies by owner so that `body_with_words` does not scan the whole table.
    pub(crate) fn index_bodies(&mut self) {
        let mut bodies: FxHashMap<ActorId, Vec<BodyNames>> = FxHashMap::default();
        let mut names_of: FxHashMap<ActorId, Vec<&str>> = FxHashMap::default();
        for n in &self.names {
            if self.actors[n.actor.0 as usize].kind == ActorKind::Body {
                names_of.entry(n.actor).or_default().push(&n.text);
            }
        }
        for (i, a) in self.actors.iter().enumerate() {
            if let (ActorKind::Body, Some(owner)) = (a.kind, a.country) {
                let id = ActorId(i as u32);
                let split = |name: &str| -> Vec<String> {
                    name.split(|c: char| !c.is_alphanumeric())
                        .filter(|w| !w.is_empty())
                        .map(body_word)
                        .collect()
                };
                let mut names = vec![split(&a.name)];
                names.extend(names_of.get(&id).into_iter().flatten().map(|n| split(n)));
                bodies.entry(owner).or_default().push((id, names));
            }
        }
        self.bodies = bodies;
    }

    /// Index office holders so that `holder` does not scan the whole table.
    pub(crate) fn index_holders(&mut self) {
        let mut holders: FxHashMap<(Office, ActorId), Vec<ActorId>> = FxHashMap::default();
        for (i, a) in self.actors.iter().enumerate() {
            for r in &a.roles {
                let list = holders.entry((r.office, r.of)).or_default();
                let id = ActorId(i as u32);
                if list.last() != Some(&id) {
                    list.push(id);
                }
            }
        }
        self.holders = holders;
    }

    /// Which actors a surface form names, and which file and line gave each the name:
    /// the first is the one the name matcher picks.
    pub fn explain(&self, surface: &str) -> Vec<(ActorId, NameKind, Origin)> {
        let wanted = surface
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        self.names
            .iter()
            .filter(|n| n.text.to_lowercase() == wanted)
            .map(|n| (n.actor, n.kind, n.origin.clone()))
            .collect()
    }

    /// The agent a noun names ("police", "soldiers" → `soldier`), if an agent
    /// dictionary was loaded: plural forms are tried back to the singular.
    pub fn agent(&self, noun: &str) -> Option<&Agent> {
        let lower;
        let noun = if noun
            .bytes()
            .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
        {
            lower = noun.to_lowercase();
            lower.as_str()
        } else {
            noun
        };
        // The noun, then the singulars it may be the plural of, in that order; only
        // the two that change letters allocate (this is asked after every country word).
        let get = |n: &str| self.agent_index.get(n).copied();
        get(noun)
            .or_else(|| noun.strip_suffix("ies").and_then(|s| get(&format!("{s}y"))))
            .or_else(|| {
                noun.strip_suffix("men")
                    .and_then(|s| get(&format!("{s}man")))
            })
            .or_else(|| noun.strip_suffix("es").and_then(get))
            .or_else(|| noun.strip_suffix('s').and_then(get))
            .map(|i| &self.agents[i])
    }

    /// The longest agent noun at the start of `words` (lower case) and how many
    /// words it takes: "border police officers" → (`border police officer`, 3).
    pub fn agent_at(&self, words: &[String]) -> Option<(&Agent, usize)> {
        if self.agents.is_empty() {
            return None;
        }
        // Asked after every country word: join words only where a longer noun may start.
        let longest = match words.first() {
            Some(w) if self.agent_first.contains(w.as_str()) => words.len().min(4),
            _ => words.len().min(1),
        };
        (1..=longest)
            .rev()
            .find_map(|n| self.agent(&words[..n].join(" ")).map(|a| (a, n)))
    }

    /// Every agent noun loaded.
    pub fn agents(&self) -> &[Agent] {
        &self.agents
    }

    /// The sector an actor acts in on `date`: the covering role's (a CAMEO code's
    /// sector, where dictionaries give one), else the actor's own.
    pub fn sector_on(&self, actor: ActorId, date: Option<NaiveDate>) -> Option<&str> {
        let a = self.actor(actor);
        date.and_then(|d| a.roles.iter().find(|r| r.covers(d)))
            .and_then(|r| codes::sector_of_title(&r.title))
            .or(a.sector.as_deref())
    }
}

/// Load the built-in RON files as the first layer.
fn builtin_layer<'a>(
    b: &mut Builder,
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<(), DataError> {
    let mut parsed = Vec::new();
    for (name, text) in files {
        parsed.push(ron::RonFile {
            name: Arc::from(name),
            text,
            parsed: parse_ron(name, text)?,
        });
    }
    ron::add_layer(b, &parsed);
    Ok(())
}

/// A word of a body's name as `body_with_words` compares it.
fn body_word(w: &str) -> String {
    w.to_lowercase().replace("defence", "defense")
}
