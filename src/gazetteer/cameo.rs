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

use super::builder::{Builder, Defined};
use super::codes::{self, Code};
use super::source::at;
use super::{ActorId, ActorKind, NameKind, Office, Role};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::sync::Arc;

/// Codes that CAMEO spells differently from ISO 3166 alpha-3.
const CAMEO_TO_ISO: &[(&str, &str)] = &[
    ("KSV", "XKX"),
    ("TMP", "TLS"),
    ("ROM", "ROU"),
    ("ZAR", "COD"),
];

/// One entry: its names (raw, with their lines) and codes.
#[derive(Debug, Default)]
struct Entry {
    line: usize,
    names: Vec<(String, usize)>,
    codes: Vec<Code>,
}

impl Entry {
    fn is_agent(&self) -> bool {
        self.codes.iter().any(|c| c.code.contains('~'))
    }

    /// The country code of a place entry: its last bare country code.
    fn place(&self) -> Option<&str> {
        self.codes
            .iter()
            .rev()
            .find(|c| c.is_place())
            .map(|c| c.code.as_str())
    }
}

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

/// Lines → entries. Comments, control characters and substitution sets are dealt
/// with here; problems go to `b`.
fn read(b: &mut Builder, file: &Arc<str>, text: &str) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut current: Option<usize> = None;
    let mut first: HashMap<String, usize> = HashMap::new();
    let mut sets: HashMap<String, Vec<String>> = HashMap::new();
    let mut in_comment = false;
    for (i, raw) in text.lines().enumerate() {
        let ln = i + 1;
        let origin = at(file, ln);
        let mut line = String::with_capacity(raw.len());
        let mut rest = raw;
        // `<!-- … -->` blocks, which may span lines.
        loop {
            if in_comment {
                match rest.find("-->") {
                    Some(e) => {
                        rest = &rest[e + 3..];
                        in_comment = false;
                    }
                    None => break,
                }
            } else {
                match rest.find("<!--") {
                    Some(s) => {
                        line.push_str(&rest[..s]);
                        rest = &rest[s + 4..];
                        in_comment = true;
                    }
                    None => {
                        line.push_str(rest);
                        break;
                    }
                }
            }
        }
        if let Some(h) = line.find('#') {
            line.truncate(h);
        }
        if let Some(c) = line.chars().find(|&c| c.is_control() && c != '\t') {
            b.problem(
                &origin,
                format!("control character U+{:04X}: removed", c as u32),
            );
            line.retain(|c| !c.is_control() || c == '\t');
        }
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if t.starts_with('!') && t.contains('=') {
            match substitution_set(t) {
                Some((name, values)) => {
                    sets.insert(name, values);
                }
                None => b.problem(&origin, format!("{t:?} fits no rule of the format")),
            }
            continue;
        }
        // `NOUN {PLURAL}`: an agent's irregular plural, `{}` for none.
        let (t, plural) = match (t.find('{'), t.find('}')) {
            (Some(o), Some(c)) if o < c => (
                format!("{} {}", &t[..o], &t[c + 1..]),
                t[o + 1..c].split_whitespace().map(str::to_string).collect(),
            ),
            _ => (t.to_string(), Vec::new()),
        };
        let t = t.trim();
        let synonym = t.strip_prefix('+');
        let (name, found) = match split(synonym.unwrap_or(t)) {
            Ok(x) => x,
            Err(p) => {
                b.problem(&origin, format!("{p}; line skipped"));
                continue;
            }
        };
        let mut codes = Vec::new();
        for c in found {
            match c {
                Ok(Some(c)) => codes.push(c),
                Ok(None) => {}
                Err(p) => b.problem(&origin, format!("{p}; code skipped")),
            }
        }
        let names = match expand(name, &sets) {
            Ok(mut n) => {
                n.extend(plural);
                n
            }
            Err(p) => {
                b.problem(&origin, p);
                continue;
            }
        };
        if synonym.is_some() || name.is_empty() {
            // A synonym, or codes on a line of their own: both belong to the entry above.
            let Some(e) = current.and_then(|c| entries.get_mut(c)) else {
                b.problem(&origin, "a synonym or code before any entry; line skipped");
                continue;
            };
            e.names.extend(names.into_iter().map(|n| (n, ln)));
            e.codes.extend(codes);
            continue;
        }
        let key = name.trim_end_matches('_').to_string();
        if let Some(&prev) = first.get(&key) {
            let prev_line = entries[prev].line;
            b.problem(
                &origin,
                format!("duplicate entry {key} (first at line {prev_line}): merged into it"),
            );
            current = Some(prev);
            entries[prev]
                .names
                .extend(names.into_iter().map(|n| (n, ln)));
            entries[prev].codes.extend(codes);
            continue;
        }
        first.insert(key, entries.len());
        current = Some(entries.len());
        entries.push(Entry {
            line: ln,
            names: names.into_iter().map(|n| (n, ln)).collect(),
            codes,
        });
    }
    entries
}

type Found = Result<Option<Code>, String>;

/// A line (without its `+`) → the name and its bracketed codes.
fn split(t: &str) -> Result<(&str, Vec<Found>), String> {
    let open = t.find('[').unwrap_or(t.len());
    let name = t[..open].trim();
    if name.contains(char::is_whitespace) {
        return Err(format!(
            "{name:?} fits no rule of the format (words are joined by _)"
        ));
    }
    if !name.is_empty() && !name.chars().any(char::is_alphabetic) {
        return Err(format!("{name:?} is not a name"));
    }
    let mut codes = Vec::new();
    let mut rest = t[open..].trim_start();
    while let Some(r) = rest.strip_prefix('[') {
        let close = r.find(']').ok_or("unclosed [")?;
        codes.push(codes::parse_code(&r[..close]));
        rest = r[close + 1..].trim_start();
    }
    if !rest.is_empty() {
        return Err(format!("unexpected {rest:?} after the codes"));
    }
    Ok((name, codes))
}

/// `!PERSON! = MAN, MEN, WOMAN` → ("!PERSON!", [MAN, MEN, WOMAN]).
fn substitution_set(t: &str) -> Option<(String, Vec<String>)> {
    let (name, values) = t.split_once('=')?;
    let name = name.trim();
    let ok = name.len() > 2 && name.starts_with('!') && name.ends_with('!');
    let values: Vec<String> = values.split(',').map(|v| v.trim().to_string()).collect();
    ok.then(|| (name.to_string(), values))
}

/// A name with `!SET!` placeholders → every name it stands for.
fn expand(name: &str, sets: &HashMap<String, Vec<String>>) -> Result<Vec<String>, String> {
    let Some(s) = name.find('!') else {
        return Ok(vec![name.to_string()]);
    };
    let e = name[s + 1..]
        .find('!')
        .map(|e| s + 1 + e + 1)
        .ok_or_else(|| format!("{name:?}: unclosed !SET!"))?;
    let values = sets
        .get(&name[s..e])
        .ok_or_else(|| format!("{name:?}: no substitution set {}", &name[s..e]))?;
    let mut out = Vec::new();
    for v in values {
        out.extend(expand(&format!("{}{v}{}", &name[..s], &name[e..]), sets)?);
    }
    Ok(out)
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
