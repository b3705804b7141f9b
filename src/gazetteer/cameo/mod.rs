//! CAMEO actor and agent dictionaries (the TABARI/PETRARCH format of the Phoenix
//! dictionaries): reading lines into entries, then entries into actors.
//!
//! An entry is a name line, its `+` synonyms and its codes (on the name line or on
//! lines of their own). What an entry becomes depends on its codes (see
//! [`super::codes`]): a bare country code names a place, so every name of the entry
//! is a name of that country (a new country when the code is unknown); dated codes
//! make a person, whose codes become dated roles; other codes make organizations,
//! groups and bodies by sector; `~` codes make agent nouns. Entries are applied in
//! that order, places first, so that codes may refer to countries defined further
//! down the file. A line that fits no rule is reported and skipped.

mod read;

use super::builder::{Builder, Defined};
use super::codes::{self, Code};
use super::source::at;
use super::{ActorId, ActorKind, NameKind, Office, Role};
use chrono::NaiveDate;
use read::{read, Entry};
use std::collections::HashMap;
use std::sync::Arc;

/// Codes that CAMEO spells differently from ISO 3166 alpha-3.
const CAMEO_TO_ISO: &[(&str, &str)] = &[
    ("KSV", "XKX"),
    ("TMP", "TLS"),
    ("ROM", "ROU"),
    ("ZAR", "COD"),
];

/// Read a CAMEO dictionary into `b` as the current layer.
pub(crate) fn add(b: &mut Builder, file: &Arc<str>, text: &str) {
    let entries = read(b, file, text);
    let mut codes: HashMap<String, ActorId> = HashMap::new();
    let (mut places, mut others, mut people) = (Vec::new(), Vec::new(), Vec::new());
    for e in &entries {
        if e.codes.is_empty() {
            continue;
        } else if e.is_agent() {
            agent(b, file, e);
        } else if let Some(code) = e.place() {
            places.push((e, code));
        } else if is_person(e) {
            people.push(e);
        } else {
            others.push(e);
        }
    }
    for (e, code) in places {
        place(b, file, e, code, &mut codes);
    }
    for e in others {
        organization(b, file, e, &mut codes);
    }
    for e in people {
        person(b, file, e, &codes);
    }
}

/// Dated codes, or a title opening a name, make a person.
fn is_person(e: &Entry) -> bool {
    e.codes.iter().any(Code::dated)
        || e.names.iter().any(|(n, _)| {
            let w = lower_words(n);
            codes::title_at(&w).is_some_and(|(_, _, k)| {
                k < w.len() && !matches!(w[k].as_str(), "of" | "the" | "for")
            })
        })
}

fn lower_words(raw: &str) -> Vec<String> {
    codes::words(raw).iter().map(|w| w.to_lowercase()).collect()
}

/// The country a code's prefix names: ours, or CAMEO's spelling of ours.
fn country(b: &Builder, codes: &HashMap<String, ActorId>, prefix: &str) -> Option<ActorId> {
    let iso = CAMEO_TO_ISO
        .iter()
        .find(|(c, _)| *c == prefix)
        .map_or(prefix, |(_, i)| *i);
    codes
        .get(prefix)
        .copied()
        .or_else(|| b.g.by_key(iso))
        .filter(|&id| b.g.actor(id).kind == ActorKind::Country)
}

/// A place entry: every name is a name of the country (adjectives told apart).
fn place(
    b: &mut Builder,
    file: &Arc<str>,
    e: &Entry,
    code: &str,
    codes: &mut HashMap<String, ActorId>,
) {
    let primary = codes::display(&codes::words(&e.names[0].0));
    let id = match country(b, codes, code) {
        // The first entry of a known code that shares no name with it means another
        // actor under that code: the user's entry wins.
        Some(id)
            if !codes.contains_key(code) && !b.in_this_layer(id) && {
                let a = b.g.actor(id);
                let names: Vec<String> = e
                    .names
                    .iter()
                    .map(|(n, _)| codes::display(&codes::words(n)))
                    .collect();
                b.find_by_name(names.iter().map(String::as_str), |x| x.key == a.key)
                    .is_none()
            } =>
        {
            b.replace_identity(id, &primary, at(file, e.line));
            id
        }
        Some(id) => id,
        None => match b.define(code, &primary, ActorKind::Country, at(file, e.line)) {
            Some(d) => d.id(),
            None => return,
        },
    };
    codes.insert(code.to_string(), id);
    let stem: String = primary.to_lowercase().chars().take(4).collect();
    for (raw, ln) in &e.names {
        let words = codes::words(raw);
        let name = codes::display(&words);
        let lower = name.to_lowercase();
        // "Zorbanian" beside "Zorbania", "Iraqi" beside "Iraq": an adjective.
        let adjective = words.len() == 1
            && lower != primary.to_lowercase()
            && lower.starts_with(&stem)
            && ["an", "ese", "ish", "i", "ic", "ean"]
                .iter()
                .any(|s| lower.ends_with(s));
        let kind = if adjective {
            NameKind::Adjective
        } else {
            NameKind::Name
        };
        b.name(id, &name, kind, &at(file, *ln));
    }
}

/// An organization, group or body: one actor per entry, merged with a known one of
/// the same name, kind and country.
fn organization(b: &mut Builder, file: &Arc<str>, e: &Entry, codes: &mut HashMap<String, ActorId>) {
    let c = &e.codes[0];
    let prefix = c.prefix();
    let sectors = c.sectors();
    let (kind, owner, sector) = if codes::is_international(prefix) {
        let owner = sectors.first().and_then(|s| country(b, codes, s));
        let kind = if prefix == "IMG" {
            ActorKind::Group
        } else {
            ActorKind::Organization
        };
        (
            kind,
            owner,
            sectors.get(usize::from(owner.is_some())).copied(),
        )
    } else {
        let owner = country(b, codes, prefix);
        if owner.is_none() {
            b.problem(
                &at(file, e.line),
                format!("unknown country code {prefix} in [{}]", c.code),
            );
        }
        (
            codes::kind_of_sector(sectors.first().copied()),
            owner,
            sectors.first().copied(),
        )
    };
    let names: Vec<(String, usize)> = e
        .names
        .iter()
        .map(|(n, l)| (codes::display(&codes::words(n)), *l))
        .collect();
    let primary = names[0].0.trim_start_matches("The ").to_string();
    let known = b.find_by_name(
        names.iter().map(|(n, _)| n.trim_start_matches("The ")),
        |a| a.kind == kind && (a.country == owner || owner.is_none()),
    );
    let id = match known {
        Some(id) => id,
        None => {
            let base = match (kind, owner) {
                (ActorKind::Organization, _) | (_, None) => codes::slug(&primary),
                (_, Some(o)) => format!("{}/{}", b.g.actor(o).key, codes::slug(&primary)),
            };
            let key = b.free_key(&base);
            let Some(Defined::New(id)) = b.define(&key, &primary, kind, at(file, e.line)) else {
                return;
            };
            b.g.actors[id.0 as usize].country = owner;
            id
        }
    };
    if let Some(s) =
        sector.filter(|s| codes::sector_of_title(&codes::title_of_sector(Some(s))).is_some())
    {
        b.g.actors[id.0 as usize].sector = Some(s.to_string());
    }
    codes.entry(c.code.clone()).or_insert(id);
    for (n, l) in &names {
        b.name(id, n, NameKind::Name, &at(file, *l));
    }
}

/// A person: names without their titles, dated codes as roles.
fn person(b: &mut Builder, file: &Arc<str>, e: &Entry, codes: &HashMap<String, ActorId>) {
    let origin = at(file, e.line);
    let mut roles = Vec::new();
    let mut latest: Option<(NaiveDate, ActorId, Option<String>)> = None;
    for c in &e.codes {
        let Some(of) = owner(b, codes, &c.code) else {
            b.problem(
                &origin,
                format!("unknown country code {} in [{}]", c.prefix(), c.code),
            );
            continue;
        };
        let sectors = c.sectors();
        let sector = if codes::is_international(c.prefix()) {
            None
        } else {
            sectors.first().copied()
        };
        let from = c.from.unwrap_or(NaiveDate::MIN);
        if latest.as_ref().is_none_or(|(d, ..)| from >= *d) {
            latest = Some((from, of, sector.map(str::to_string)));
        }
        roles.push(Role {
            office: Office::Other,
            title: codes::title_of_sector(sector),
            of,
            from,
            until: c.until,
        });
    }
    let country = latest.as_ref().map(|(_, of, _)| *of);
    // The period of government codes (else of all codes) dates a title's office.
    let span = |rs: &[&Role]| {
        let from = rs.iter().map(|r| r.from).min()?;
        let until = rs.iter().map(|r| r.until).max().flatten();
        Some((from, until.filter(|_| rs.iter().all(|r| r.until.is_some()))))
    };
    let gov: Vec<&Role> = roles.iter().filter(|r| r.title == "government").collect();
    let all: Vec<&Role> = roles.iter().collect();
    let (from, until) = span(&gov)
        .or_else(|| span(&all))
        .unwrap_or((NaiveDate::MIN, None));
    let mut names = Vec::new();
    let mut titles = Vec::new();
    for (raw, ln) in &e.names {
        let mut w = lower_words(raw);
        let mut of = country;
        // "RUSSIAN_FOREIGN_MINISTER_LAVROV": a country, a title, a name.
        for n in (1..=2.min(w.len())).rev() {
            let lead = w[..n].join(" ");
            if let Some(c) = b.find_by_name([lead.as_str()], |a| a.kind == ActorKind::Country) {
                if codes::title_at(&w[n..]).is_some() {
                    of = Some(c);
                    w.drain(..n);
                    break;
                }
            }
        }
        if let Some((title, office, n)) = codes::title_at(&w) {
            if let (Some(office), Some(of)) = (office, of) {
                titles.push(Role {
                    office,
                    title: title.to_string(),
                    of,
                    from,
                    until,
                });
            }
            w.drain(..n);
        }
        let words: Vec<&str> = codes::words(raw);
        let keep = &words[words.len() - w.len()..];
        if !keep.is_empty() {
            names.push((codes::display(keep), *ln));
        }
    }
    let Some(primary) = names.first().map(|(n, _)| n.clone()) else {
        return;
    };
    let known = b.find_by_name(names.iter().map(|(n, _)| n.as_str()), |a| {
        a.kind == ActorKind::Person && b.belongs_to(a, country)
    });
    let id = match known {
        Some(id) => id,
        None => {
            let key = b.free_key(&codes::slug(&primary));
            let Some(d) = b.define(&key, &primary, ActorKind::Person, origin) else {
                return;
            };
            d.id()
        }
    };
    let a = &mut b.g.actors[id.0 as usize];
    // A known person's roles are kept: the built-in ones are the more precise.
    if a.roles.is_empty() {
        a.roles = roles.into_iter().chain(titles).collect();
        a.country = a.country.or(country);
        a.sector = latest.and_then(|(_, _, s)| s).or(a.sector.take());
    }
    for (n, l) in &names {
        b.name(id, n, NameKind::Name, &at(file, *l));
    }
}

/// The actor a person's code ties them to: a country, or an organization by the
/// longest code an organization entry gave (`IGOUNODEVWBK` → `IGOUNO`).
fn owner(b: &Builder, codes: &HashMap<String, ActorId>, code: &str) -> Option<ActorId> {
    let prefix = code.get(..3)?;
    if !codes::is_international(prefix) {
        return country(b, codes, prefix);
    }
    (1..=code.len() / 3)
        .rev()
        .find_map(|n| codes.get(code.get(..n * 3)?).copied())
}

/// Agent nouns: "POLICE [~COP]", "PEACEKEEPER [IGO~]".
fn agent(b: &mut Builder, file: &Arc<str>, e: &Entry) {
    let Some(c) = e.codes.iter().find(|c| c.code.contains('~')) else {
        return;
    };
    let (before, after) = c.code.split_once('~').unwrap_or(("", ""));
    let sector = if after.len() >= 3 {
        &after[..3]
    } else {
        before
    };
    for (raw, ln) in &e.names {
        let noun = codes::words(raw).join(" ").to_lowercase();
        b.agent(&noun, sector, &at(file, *ln));
    }
}
