//! The actor gazetteer: countries, organizations, groups, bodies and people, with the
//! names news uses for them and people's dated roles.
//!
//! Files in the schema of [`file::GazetteerFile`] are loaded, validated (duplicate ids,
//! dangling references, impossible dates) and flattened into one actor table indexed
//! by [`ActorId`]. Every actor remembers the file and line it came from, so that a user
//! can ask why a mention resolved as it did. The built-in files are compiled into the
//! binary.

pub mod file;
pub mod fuzzy;

use crate::datafile::{line_of_field, parse_ron, DataError};
use chrono::NaiveDate;
use file::GazetteerFile;
pub use file::Office;
use serde::Serialize;
use std::collections::HashMap;
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
    pub key: String,
    pub name: String,
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
}

/// The loaded gazetteer.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    actors: Vec<Actor>,
    by_key: HashMap<String, ActorId>,
    names: Vec<Name>,
    members: HashMap<ActorId, Vec<ActorId>>,
    warnings: Vec<DataError>,
}

impl Gazetteer {
    /// The gazetteer compiled into the binary.
    pub fn builtin() -> Result<Gazetteer, DataError> {
        Gazetteer::load(BUILTIN_FILES.iter().copied())
    }

    /// Load and validate gazetteer files given as (name for messages, text).
    pub fn load<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Gazetteer, DataError> {
        let mut parsed = Vec::new();
        for (name, text) in files {
            let f: GazetteerFile = parse_ron(name, text)?;
            parsed.push((Arc::<str>::from(name), text, f));
        }
        let mut g = Gazetteer::default();
        // First pass: every id gets an actor, so that references may point forwards
        // and across files.
        for (file, text, f) in &parsed {
            let mut locate = Locator::new(text);
            let mut add =
                |g: &mut Gazetteer, key: &str, name: &str, kind| -> Result<(), DataError> {
                    let origin = Origin {
                        file: file.clone(),
                        line: locate.line(key),
                    };
                    if let Some(&prev) = g.by_key.get(key) {
                        return Err(DataError::new(
                            file,
                            origin.line,
                            format!(
                                "duplicate id {key:?}: already defined at {}",
                                g.actors[prev.0 as usize].origin
                            ),
                        ));
                    }
                    if key.trim().is_empty() {
                        return Err(DataError::new(file, origin.line, "empty id"));
                    }
                    let id = ActorId(g.actors.len() as u32);
                    g.by_key.insert(key.to_string(), id);
                    g.actors.push(Actor {
                        key: key.to_string(),
                        name: name.to_string(),
                        kind,
                        country: None,
                        roles: Vec::new(),
                        sector: None,
                        origin,
                    });
                    Ok(())
                };
            for e in &f.countries {
                add(&mut g, &e.id, &e.name, ActorKind::Country)?;
            }
            for e in &f.organizations {
                add(&mut g, &e.id, &e.name, ActorKind::Organization)?;
            }
            for e in &f.groups {
                add(&mut g, &e.id, &e.name, ActorKind::Group)?;
            }
            for e in &f.bodies {
                add(&mut g, &e.id, &e.name, ActorKind::Body)?;
            }
            for e in &f.people {
                add(&mut g, &e.id, &e.name, ActorKind::Person)?;
            }
        }
        // Second pass: references, names and roles.
        for (_, _, f) in &parsed {
            for e in &f.countries {
                let id = g.by_key[&e.id];
                g.add_names(
                    id,
                    NameKind::Name,
                    std::iter::once(&e.name).chain(&e.aliases),
                );
                g.add_names(id, NameKind::Adjective, &e.adjectives);
                g.add_names(id, NameKind::Demonym, &e.demonyms);
                g.add_names(id, NameKind::Capital, &e.capitals);
                g.add_names(id, NameKind::Seat, &e.seats);
            }
            for e in &f.organizations {
                let id = g.by_key[&e.id];
                g.actors[id.0 as usize].country =
                    g.reference(id, "country", e.country.as_deref())?;
                let mut members = Vec::new();
                for m in &e.members {
                    members.extend(g.reference(id, "members", Some(m))?);
                }
                if !members.is_empty() {
                    g.members.insert(id, members);
                }
                g.add_names(
                    id,
                    NameKind::Name,
                    std::iter::once(&e.name).chain(&e.aliases),
                );
                g.add_names(id, NameKind::Adjective, &e.adjectives);
                g.add_names(id, NameKind::Seat, &e.seats);
            }
            for e in &f.groups {
                let id = g.by_key[&e.id];
                g.actors[id.0 as usize].country =
                    g.reference(id, "country", e.country.as_deref())?;
                g.add_names(
                    id,
                    NameKind::Name,
                    std::iter::once(&e.name).chain(&e.aliases),
                );
            }
            for e in &f.bodies {
                let id = g.by_key[&e.id];
                g.actors[id.0 as usize].country = g.reference(id, "owner", Some(&e.owner))?;
                g.actors[id.0 as usize].sector = e.sector.clone();
                g.add_names(
                    id,
                    NameKind::Name,
                    std::iter::once(&e.name).chain(&e.aliases),
                );
            }
            for e in &f.people {
                let id = g.by_key[&e.id];
                g.actors[id.0 as usize].country =
                    g.reference(id, "country", e.country.as_deref())?;
                let mut roles = Vec::new();
                for r in &e.roles {
                    let of = g.reference(id, "of", Some(&r.of))?.expect("Some was given");
                    if r.until.is_some_and(|u| u < r.from) {
                        return Err(g.error(
                            id,
                            format!("role {:?} of {:?} ends before it begins", r.title, r.of),
                        ));
                    }
                    roles.push(Role {
                        office: r.office,
                        title: r.title.to_lowercase(),
                        of,
                        from: r.from,
                        until: r.until,
                    });
                }
                g.actors[id.0 as usize].roles = roles;
                g.add_names(
                    id,
                    NameKind::Name,
                    std::iter::once(&e.name).chain(&e.aliases),
                );
            }
        }
        g.check_names();
        Ok(g)
    }

    fn error(&self, id: ActorId, problem: String) -> DataError {
        let o = &self.actors[id.0 as usize].origin;
        DataError::new(&o.file, o.line, problem)
    }

    /// Resolve a reference from `from`'s `field` to another entry's id.
    fn reference(
        &self,
        from: ActorId,
        field: &str,
        key: Option<&str>,
    ) -> Result<Option<ActorId>, DataError> {
        let Some(key) = key else { return Ok(None) };
        match self.by_key.get(key) {
            Some(&id) => Ok(Some(id)),
            None => Err(self.error(
                from,
                format!(
                    "{:?}: {field} refers to {key:?}, which no gazetteer entry defines",
                    self.actors[from.0 as usize].key
                ),
            )),
        }
    }

    fn add_names<'s>(
        &mut self,
        actor: ActorId,
        kind: NameKind,
        names: impl IntoIterator<Item = &'s String>,
    ) {
        for n in names {
            let text = n.trim();
            if !text.is_empty() {
                self.names.push(Name {
                    text: text.to_string(),
                    actor,
                    kind,
                });
            }
        }
    }

    /// Record the surface forms claimed by two different actors: a mention of one of
    /// them cannot be resolved by the name alone.
    fn check_names(&mut self) {
        let mut seen: HashMap<&str, ActorId> = HashMap::new();
        let mut warnings = Vec::new();
        for n in &self.names {
            match seen.get(n.text.as_str()) {
                Some(&other) if other != n.actor => {
                    let (a, b) = (
                        &self.actors[other.0 as usize],
                        &self.actors[n.actor.0 as usize],
                    );
                    warnings.push(DataError::new(
                        &b.origin.file,
                        b.origin.line,
                        format!(
                            "name {:?} of {:?} is also a name of {:?} ({})",
                            n.text, b.key, a.key, a.origin
                        ),
                    ));
                }
                Some(_) => {}
                None => {
                    seen.insert(&n.text, n.actor);
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
        self.names
            .iter()
            .find(|n| n.actor == id && n.kind == NameKind::Adjective)
            .map(|n| n.text.as_str())
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
            // Prefer an organization's office (Borrell speaks for the EU, not Spain).
            let mut held: Vec<&Role> = a.roles.iter().filter(|r| r.covers(date)).collect();
            held.sort_by_key(|r| self.actor(r.of).kind != ActorKind::Organization);
            if let Some(r) = held.first() {
                return Some(r.of);
            }
        }
        a.country
    }

    /// Who held `office` of `of` on `date`.
    pub fn holder(&self, office: Office, of: ActorId, date: NaiveDate) -> Option<ActorId> {
        self.actors().find_map(|(id, a)| {
            a.roles
                .iter()
                .any(|r| r.office == office && r.of == of && r.covers(date))
                .then_some(id)
        })
    }
}

/// Finds the line of each entry by its `id: "…"` field, in file order.
struct Locator<'a> {
    text: &'a str,
    seen: HashMap<String, usize>,
}

impl<'a> Locator<'a> {
    fn new(text: &'a str) -> Self {
        Locator {
            text,
            seen: HashMap::new(),
        }
    }

    fn line(&mut self, key: &str) -> Option<usize> {
        let from = self.seen.get(key).copied().unwrap_or(0);
        let (line, end) = line_of_field(self.text, "id", key, from)?;
        self.seen.insert(key.to_string(), end);
        Some(line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COUNTRIES: &str = r#"#![enable(implicit_some)]
(
    countries: [
        (id: "RUS", name: "Russia", aliases: ["Russian Federation"], adjectives: ["Russian"], capitals: ["Moscow"], seats: ["the Kremlin"]),
        (id: "ESP", name: "Spain", capitals: ["Madrid"]),
    ],
    organizations: [
        (id: "EU", name: "European Union", aliases: ["EU"], members: ["ESP"]),
    ],
)"#;

    const PEOPLE: &str = r#"#![enable(implicit_some)]
(
    people: [
        (id: "josep_borrell", name: "Josep Borrell", aliases: ["Borrell"], country: "ESP", roles: [
            (office: ForeignMinister, title: "foreign minister", of: "ESP", from: "2018-06-07", until: "2019-11-30"),
            (office: ForeignMinister, title: "foreign policy chief", of: "EU", from: "2019-12-01", until: "2024-12-01"),
        ]),
    ],
)"#;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn entries_remember_file_and_line() {
        let g = Gazetteer::load([("a.ron", COUNTRIES), ("p.ron", PEOPLE)]).unwrap();
        let esp = g.actor(g.by_key("ESP").unwrap());
        assert_eq!(esp.origin.to_string(), "a.ron:5");
        let borrell = g.actor(g.by_key("josep_borrell").unwrap());
        assert_eq!(borrell.origin.to_string(), "p.ron:4");
        assert_eq!(borrell.kind, ActorKind::Person);
    }

    #[test]
    fn dated_roles_give_affiliation_and_holders() {
        let g = Gazetteer::load([("a.ron", COUNTRIES), ("p.ron", PEOPLE)]).unwrap();
        let borrell = g.by_key("josep_borrell").unwrap();
        let (esp, eu) = (g.by_key("ESP").unwrap(), g.by_key("EU").unwrap());
        assert_eq!(g.affiliation(borrell, Some(date("2019-01-01"))), Some(esp));
        assert_eq!(g.affiliation(borrell, Some(date("2022-01-01"))), Some(eu));
        assert_eq!(g.affiliation(borrell, Some(date("2010-01-01"))), Some(esp));
        assert_eq!(
            g.holder(Office::ForeignMinister, eu, date("2022-01-01")),
            Some(borrell)
        );
        assert_eq!(
            g.holder(Office::ForeignMinister, eu, date("2025-01-01")),
            None
        );
        assert_eq!(g.members(eu), &[esp]);
    }

    #[test]
    fn duplicate_ids_name_both_places() {
        let e = Gazetteer::load([("a.ron", COUNTRIES), ("b.ron", COUNTRIES)]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "b.ron:4: duplicate id \"RUS\": already defined at a.ron:4"
        );
    }

    #[test]
    fn dangling_references_are_errors() {
        let text = "(bodies: [\n(id: \"XXX/army\", name: \"Army\", owner: \"XXX\"),\n])";
        let e = Gazetteer::load([("b.ron", text)]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "b.ron:2: \"XXX/army\": owner refers to \"XXX\", which no gazetteer entry defines"
        );
    }

    #[test]
    fn roles_that_end_before_they_begin_are_errors() {
        let text = "#![enable(implicit_some)]\n(countries: [(id: \"ESP\", name: \"Spain\")], people: [\n(id: \"x\", name: \"X\", roles: [(office: HeadOfState, title: \"king\", of: \"ESP\", from: \"2020-01-01\", until: \"2019-01-01\")]),\n])";
        let e = Gazetteer::load([("p.ron", text)]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "p.ron:3: role \"king\" of \"ESP\" ends before it begins"
        );
    }

    #[test]
    fn malformed_ron_and_unknown_fields_have_positions() {
        let e = Gazetteer::load([("m.ron", "(countries: [\n(id: \"RUS\" name: \"Russia\")])")])
            .unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("m.ron", Some(2)));
        let e = Gazetteer::load([("u.ron", "(countries: [\n(id: \"RUS\", nam: \"Russia\")])")])
            .unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.problem.contains("nam"), "{e}");
    }

    #[test]
    fn names_shared_by_two_actors_are_warnings() {
        let text = "(countries: [(id: \"AAA\", name: \"Aland\"), (id: \"BBB\", name: \"Bland\", aliases: [\"Aland\"])])";
        let g = Gazetteer::load([("w.ron", text)]).unwrap();
        assert_eq!(g.warnings().len(), 1);
        assert!(g.warnings()[0]
            .problem
            .contains("\"Aland\" of \"BBB\" is also a name of \"AAA\""));
    }

    #[test]
    fn builtin_gazetteer_loads_without_shared_names() {
        let g = Gazetteer::builtin().unwrap();
        let warnings: Vec<String> = g.warnings().iter().map(|w| w.to_string()).collect();
        assert_eq!(warnings, Vec::<String>::new());
        let countries = g
            .actors()
            .filter(|(_, a)| a.kind == ActorKind::Country)
            .count();
        assert!(countries >= 193, "{countries} countries");
        let (rus, d) = (g.by_key("RUS").unwrap(), date("2006-03-01"));
        let fm = g.holder(Office::ForeignMinister, rus, d).unwrap();
        assert_eq!(g.actor(fm).key, "sergei_lavrov");
        let usa = g.by_key("USA").unwrap();
        let fm = g.holder(Office::ForeignMinister, usa, d).unwrap();
        assert_eq!(g.actor(fm).key, "condoleezza_rice");
    }
}
