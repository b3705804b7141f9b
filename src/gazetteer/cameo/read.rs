//! Reading a CAMEO dictionary's lines into entries: `<!-- -->` and `#` comments,
//! control characters, `!SET!` substitution sets, `{PLURAL}` forms, synonyms and
//! codes on lines of their own, and duplicate entries (merged into the first). What
//! the entries mean is for [`super`].

use super::super::builder::Builder;
use super::super::codes::{self, Code};
use super::super::source::at;
use std::collections::HashMap;
use std::sync::Arc;

/// One entry: its names (raw, with their lines) and codes.
#[derive(Debug, Default)]
pub(super) struct Entry {
    pub line: usize,
    pub names: Vec<(String, usize)>,
    pub codes: Vec<Code>,
}

impl Entry {
    pub fn is_agent(&self) -> bool {
        self.codes.iter().any(|c| c.code.contains('~'))
    }

    /// The country code of a place entry: its last bare country code.
    pub fn place(&self) -> Option<&str> {
        self.codes
            .iter()
            .rev()
            .find(|c| c.is_place())
            .map(|c| c.code.as_str())
    }
}

/// Lines → entries. Comments, control characters and substitution sets are dealt
/// with here; problems go to `b`.
pub(super) fn read(b: &mut Builder, file: &Arc<str>, text: &str) -> Vec<Entry> {
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
