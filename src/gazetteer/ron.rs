//! Gazetteer files in RON, the schema of `data/actors.ron` ([`super::file`]): the
//! built-in data and user dictionaries written the same way.
//!
//! All files of one layer are read in two passes, so that references may point
//! forwards and across files: first every id becomes an actor, then references,
//! names and roles are filled in. A bad reference or role is a problem of its entry
//! alone; the entry's other fields still load.

use super::builder::{Builder, Defined};
use super::file::GazetteerFile;
use super::{ActorId, ActorKind, NameKind, Origin, Role};
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// One parsed file of a layer: its name for messages, its text and its entries.
pub(crate) struct RonFile<'a> {
    pub name: Arc<str>,
    pub text: &'a str,
    pub parsed: GazetteerFile,
}

/// Add the files of one layer to `b`.
pub(crate) fn add_layer(b: &mut Builder, files: &[RonFile<'_>]) {
    // First pass: every id gets an actor; `None` marks an entry that was rejected.
    let mut ids: Vec<Vec<Option<Defined>>> = Vec::new();
    for f in files {
        let mut locate = Locator::new(f.text);
        let p = &f.parsed;
        let entries = (p
            .countries
            .iter()
            .map(|e| (&e.id, &e.name, ActorKind::Country)))
        .chain(
            p.organizations
                .iter()
                .map(|e| (&e.id, &e.name, ActorKind::Organization)),
        )
        .chain(p.groups.iter().map(|e| (&e.id, &e.name, ActorKind::Group)))
        .chain(p.bodies.iter().map(|e| (&e.id, &e.name, ActorKind::Body)))
        .chain(p.people.iter().map(|e| (&e.id, &e.name, ActorKind::Person)));
        let mut these = Vec::new();
        for (key, name, kind) in entries {
            let origin = Origin {
                file: f.name.clone(),
                line: locate.line(key),
            };
            these.push(b.define(key, name, kind, origin));
        }
        ids.push(these);
    }
    // Second pass: references, names and roles.
    for (f, ids) in files.iter().zip(&ids) {
        let p = &f.parsed;
        let mut ids = ids.iter().copied();
        let mut next = || ids.next().flatten().map(Defined::id);
        for e in &p.countries {
            let Some(id) = next() else { continue };
            names(
                b,
                id,
                NameKind::Name,
                std::iter::once(&e.name).chain(&e.aliases),
            );
            names(b, id, NameKind::Adjective, &e.adjectives);
            names(b, id, NameKind::Demonym, &e.demonyms);
            names(b, id, NameKind::Capital, &e.capitals);
            names(b, id, NameKind::Seat, &e.seats);
        }
        for e in &p.organizations {
            let Some(id) = next() else { continue };
            if e.country.is_some() {
                b.g.actors[id.0 as usize].country =
                    reference(b, id, "country", e.country.as_deref());
            }
            let members: Vec<ActorId> = e
                .members
                .iter()
                .filter_map(|m| reference(b, id, "members", Some(m)))
                .collect();
            if !members.is_empty() {
                b.g.members.insert(id, members);
            }
            names(
                b,
                id,
                NameKind::Name,
                std::iter::once(&e.name).chain(&e.aliases),
            );
            names(b, id, NameKind::Adjective, &e.adjectives);
            names(b, id, NameKind::Seat, &e.seats);
        }
        for e in &p.groups {
            let Some(id) = next() else { continue };
            if e.country.is_some() {
                b.g.actors[id.0 as usize].country =
                    reference(b, id, "country", e.country.as_deref());
            }
            names(
                b,
                id,
                NameKind::Name,
                std::iter::once(&e.name).chain(&e.aliases),
            );
        }
        for e in &p.bodies {
            let Some(id) = next() else { continue };
            if let Some(owner) = reference(b, id, "owner", Some(&e.owner)) {
                b.g.actors[id.0 as usize].country = Some(owner);
            }
            if e.sector.is_some() {
                b.g.actors[id.0 as usize].sector = e.sector.clone();
            }
            names(
                b,
                id,
                NameKind::Name,
                std::iter::once(&e.name).chain(&e.aliases),
            );
        }
        for e in &p.people {
            let Some(id) = next() else { continue };
            if e.country.is_some() {
                b.g.actors[id.0 as usize].country =
                    reference(b, id, "country", e.country.as_deref());
            }
            let mut roles = Vec::new();
            for r in &e.roles {
                let Some(of) = reference(b, id, "of", Some(&r.of)) else {
                    continue;
                };
                if r.until.is_some_and(|u| u < r.from) {
                    let origin = b.g.actors[id.0 as usize].origin.clone();
                    b.problem(
                        &origin,
                        format!("role {:?} of {:?} ends before it begins", r.title, r.of),
                    );
                    continue;
                }
                roles.push(Role {
                    office: r.office,
                    title: r.title.to_lowercase(),
                    of,
                    from: r.from,
                    until: r.until,
                });
            }
            // A later layer's roles replace an earlier one's: the user knows better.
            if !roles.is_empty() {
                b.g.actors[id.0 as usize].roles = roles;
            }
            names(
                b,
                id,
                NameKind::Name,
                std::iter::once(&e.name).chain(&e.aliases),
            );
        }
    }
}

fn names<'s>(
    b: &mut Builder,
    id: ActorId,
    kind: NameKind,
    texts: impl IntoIterator<Item = &'s String>,
) {
    let origin = b.g.actors[id.0 as usize].origin.clone();
    for t in texts {
        b.name(id, t, kind, &origin);
    }
}

/// Resolve a reference from `from`'s `field` to another entry's id; a dangling one is
/// reported and read as absent.
fn reference(b: &mut Builder, from: ActorId, field: &str, key: Option<&str>) -> Option<ActorId> {
    let key = key?;
    if let Some(id) = b.g.by_key(key) {
        return Some(id);
    }
    let a = &b.g.actors[from.0 as usize];
    let (origin, problem) = (
        a.origin.clone(),
        format!(
            "{:?}: {field} refers to {key:?}, which no gazetteer entry defines",
            a.key
        ),
    );
    b.problem(&origin, problem);
    None
}

/// Finds the line of each entry by its `id: "…"` field, in file order. Lines are
/// found by binary search in the offsets of the file's line breaks: counting them
/// from the start for every entry made loading quadratic in the file's size.
struct Locator<'a> {
    text: &'a str,
    breaks: Vec<usize>,
    seen: FxHashMap<String, usize>,
    /// Where the last entry was found: entries are usually met in file order, so the
    /// next is searched for from here first.
    cursor: usize,
}

impl<'a> Locator<'a> {
    fn new(text: &'a str) -> Self {
        Locator {
            text,
            breaks: memchr_all(text),
            seen: FxHashMap::default(),
            cursor: 0,
        }
    }

    fn line(&mut self, key: &str) -> Option<usize> {
        let from = self.seen.get(key).copied().unwrap_or(0);
        let quoted = ::ron::to_string(key).unwrap_or_else(|_| format!("{key:?}"));
        let needle = format!("id: {quoted}");
        let find = |start: usize| Some(self.text.get(start..)?.find(&needle)? + start);
        let at = find(self.cursor.max(from)).or_else(|| find(from))?;
        self.cursor = at + needle.len();
        self.seen.insert(key.to_string(), self.cursor);
        Some(self.breaks.partition_point(|&b| b < at) + 1)
    }
}

/// The byte offsets of every line break.
fn memchr_all(text: &str) -> Vec<usize> {
    text.bytes()
        .enumerate()
        .filter_map(|(i, b)| (b == b'\n').then_some(i))
        .collect()
}
