//! Spreadsheet dictionaries: CSV or TSV with the header
//! `alias, id, name, kind, country, role, from, until`, of which only `alias` and `id`
//! are required.
//!
//! One alias per row; rows with the same id are one actor (the first row that gives
//! a name, kind or country gives it). A row with a `role` gives the actor a dated role
//! of `country`. Without a `kind`, the id's shape tells: three upper-case letters a
//! country, `OWNER/slug` a body, other upper-case ids an organization, the rest
//! people. Ids are read in two passes so that `country` may name an id defined
//! further down.

use super::builder::Builder;
use super::codes;
use super::source::at;
use super::{ActorKind, NameKind, Origin, Role};
use crate::datafile::DataError;
use chrono::NaiveDate;
use std::collections::HashMap;
use std::sync::Arc;

const COLUMNS: [&str; 8] = [
    "alias", "id", "name", "kind", "country", "role", "from", "until",
];

/// One row, by column.
struct Row {
    line: usize,
    fields: [String; 8],
}

impl Row {
    fn get(&self, column: usize) -> Option<&str> {
        Some(self.fields[column].as_str()).filter(|s| !s.is_empty())
    }
}

/// Read a CSV (`delimiter` b',') or TSV (b'\t') dictionary into `b` as the current layer.
pub(crate) fn add(
    b: &mut Builder,
    file: &Arc<str>,
    text: &str,
    delimiter: u8,
) -> Result<(), DataError> {
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .trim(::csv::Trim::All)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.to_lowercase()).collect(),
        Err(e) => {
            let problem = format!("unreadable header: {e}");
            return Err(DataError::new(file, Some(1), problem));
        }
    };
    let index: Vec<Option<usize>> = COLUMNS
        .iter()
        .map(|c| header.iter().position(|h| h == c))
        .collect();
    if index[0].is_none() || index[1].is_none() {
        let problem = format!("the header needs columns alias and id (it has {header:?})");
        return Err(DataError::new(file, Some(1), problem));
    }
    let mut rows: Vec<Row> = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                b.problem(&at(file, line), format!("unreadable row: {e}; row skipped"));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        let fields = std::array::from_fn(|c| {
            index[c]
                .and_then(|i| record.get(i))
                .unwrap_or("")
                .to_string()
        });
        let row = Row { line, fields };
        if row.get(0).is_none() || row.get(1).is_none() {
            b.problem(
                &at(file, line),
                "a row needs an alias and an id; row skipped",
            );
            continue;
        }
        rows.push(row);
    }
    // Rows by id, in the order ids first appear.
    let mut order: Vec<&str> = Vec::new();
    let mut by_id: HashMap<&str, Vec<&Row>> = HashMap::new();
    for r in &rows {
        let id = r.fields[1].as_str();
        by_id.entry(id).or_insert_with(|| {
            order.push(id);
            Vec::new()
        });
        if let Some(v) = by_id.get_mut(id) {
            v.push(r);
        }
    }
    // First pass: one actor per id.
    let mut actors = Vec::new();
    for id in &order {
        let rows = &by_id[id];
        let origin = at(file, rows[0].line);
        let first = |c: usize| rows.iter().find_map(|r| r.get(c));
        let name = first(2).unwrap_or(&rows[0].fields[0]);
        let kind = match first(3) {
            None => kind_of_id(id),
            Some(k) => match parse_kind(k) {
                Some(k) => k,
                None => {
                    b.problem(&origin, format!("unknown kind {k:?} (country, organization, group, body, person); read as by the id"));
                    kind_of_id(id)
                }
            },
        };
        if let Some(d) = b.define(id, name, kind, origin) {
            actors.push((d.id(), rows));
        }
    }
    // Second pass: countries, roles and aliases.
    for (id, rows) in actors {
        let mut roles = Vec::new();
        let mut country_given = false;
        for r in rows {
            let origin = at(file, r.line);
            let country = r.get(4).and_then(|c| match b.g.by_key(c) {
                Some(c) => Some(c),
                None => {
                    b.problem(&origin, format!("country {c:?} is no gazetteer id"));
                    None
                }
            });
            // The first row that names a country gives the actor's.
            if country.is_some() && !country_given {
                b.g.actors[id.0 as usize].country = country;
                country_given = true;
            }
            if let Some(title) = r.get(5) {
                if let Some(role) = role(b, &origin, title, country, r) {
                    roles.push(role);
                }
            }
            b.name(id, &r.fields[0], NameKind::Name, &origin);
        }
        if !roles.is_empty() {
            b.g.actors[id.0 as usize].roles = roles;
        }
    }
    Ok(())
}

/// A row's role; `None` after reporting why it cannot be one.
fn role(
    b: &mut Builder,
    origin: &Origin,
    title: &str,
    of: Option<super::ActorId>,
    r: &Row,
) -> Option<Role> {
    let Some(of) = of else {
        b.problem(
            origin,
            format!("role {title:?} without a country; role skipped"),
        );
        return None;
    };
    let mut date = |c: usize| -> Result<Option<NaiveDate>, ()> {
        let Some(s) = r.get(c) else { return Ok(None) };
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| {
                b.problem(
                    origin,
                    format!("impossible date {s:?} (YYYY-MM-DD); role skipped"),
                );
            })
    };
    let from = date(6).ok()?;
    let until = date(7).ok()?;
    let from = from.unwrap_or(NaiveDate::MIN);
    if until.is_some_and(|u| u < from) {
        b.problem(
            origin,
            format!("role {title:?} ends before it begins; role skipped"),
        );
        return None;
    }
    Some(Role {
        office: codes::office_of_title(title),
        title: title.to_lowercase(),
        of,
        from,
        until,
    })
}

fn parse_kind(k: &str) -> Option<ActorKind> {
    Some(match k.to_lowercase().as_str() {
        "country" => ActorKind::Country,
        "organization" | "organisation" => ActorKind::Organization,
        "group" => ActorKind::Group,
        "body" => ActorKind::Body,
        "person" => ActorKind::Person,
        _ => return None,
    })
}

/// The kind an id's shape suggests when the row gives none.
fn kind_of_id(id: &str) -> ActorKind {
    let upper = id
        .chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    if id.contains('/') {
        ActorKind::Body
    } else if upper && id.len() == 3 {
        ActorKind::Country
    } else if upper {
        ActorKind::Organization
    } else {
        ActorKind::Person
    }
}
