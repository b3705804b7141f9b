//! A gold directory: the actor table, the annotated triples and the scored documents.
//!
//! Loading checks what score.py takes on trust: each line of `gold.jsonl` is a JSON
//! object with `doc`, `s`, `r`, `o` as strings, a known mood, and actors that
//! `actors.json` names. A typo there would otherwise score as an actor of its own and
//! quietly lower recall.

use super::{canon, norm, pair, py_blank, py_lines, py_space, truthy, Key, Level, CONCEPT};
use crate::DataError;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::path::Path;

/// Names below this Jaro-Winkler similarity are not offered as "did you mean".
const CLOSE: f64 = 0.8;
const SUGGESTIONS: usize = 3;

/// The actors of `actors.json`: canonical keys, their aliases, their countries.
#[derive(Debug, Clone, Default)]
pub struct Actors {
    /// Each actor's `country`, for those that have one.
    country: HashMap<String, String>,
    /// Normalised alias → key; the first actor to claim an alias keeps it.
    by_alias: HashMap<String, String>,
    /// A person's last word of each of their names → the persons it names.
    by_surname: HashMap<String, BTreeSet<String>>,
    /// The keys in file order, for suggestions.
    keys: Vec<String>,
}

/// What resolving a predicted actor could not do.
pub type Unresolvable = &'static str;

impl Actors {
    /// Build the table from `actors.json`'s text; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<Actors, DataError> {
        let entries = ordered_object(text).map_err(|e| DataError {
            file: file.to_string(),
            line: Some(e.line()),
            column: Some(e.column()),
            problem: format!("malformed JSON: {}", without_position(&e)),
        })?;
        let bad = |key: &str, problem: &str| {
            DataError::new(file, None, format!("actor {key:?}: {problem}"))
        };
        let mut actors = Actors::default();
        for (key, entry) in entries {
            let Value::Object(entry) = entry else {
                return Err(bad(
                    &key,
                    "must be an object {\"kind\", \"aliases\", \"country\"?}",
                ));
            };
            let mut names = vec![key.clone()];
            match entry.get("aliases") {
                None => {}
                Some(Value::Array(aliases)) => {
                    for a in aliases {
                        let Value::String(a) = a else {
                            return Err(bad(&key, "\"aliases\" must be a list of strings"));
                        };
                        names.push(a.clone());
                    }
                }
                Some(_) => return Err(bad(&key, "\"aliases\" must be a list of strings")),
            }
            match entry.get("country") {
                Some(Value::String(c)) if !c.is_empty() => {
                    actors.country.insert(key.clone(), c.clone());
                }
                None | Some(Value::Null) | Some(Value::String(_)) => {}
                Some(_) => return Err(bad(&key, "\"country\" must be a string")),
            }
            let person = entry.get("kind").and_then(Value::as_str) == Some("person");
            for name in &names {
                let n = norm(name);
                if person {
                    if let Some(last) = n.split(' ').next_back().filter(|w| !w.is_empty()) {
                        actors
                            .by_surname
                            .entry(last.to_string())
                            .or_default()
                            .insert(key.clone());
                    }
                }
                actors.by_alias.entry(n).or_insert_with(|| key.clone());
            }
            actors.keys.push(key);
        }
        Ok(actors)
    }

    /// The gold key of a name, `*` for the concept object, or `?name` for a name the
    /// table does not know.
    pub fn resolve_name(&self, name: &str) -> String {
        if name == CONCEPT {
            return CONCEPT.to_string();
        }
        let n = norm(name);
        match self.by_alias.get(&n) {
            Some(key) => key.clone(),
            None => format!("?{n}"),
        }
    }

    /// The gold key of a predicted actor as the stream writes it (score.py's
    /// `resolve`, value by value): by its id or name, then by an unambiguous surname
    /// for a person, else a private `?name` key. A string is read as a gold name.
    pub fn resolve(&self, actor: &Value) -> Result<String, Unresolvable> {
        let actor = match actor {
            Value::String(name) => return Ok(self.resolve_name(name)),
            Value::Object(actor) => actor,
            // score.py asks `"concept" in actor` first, which a list answers.
            Value::Array(items) if items.iter().any(|v| v == "concept") => {
                return Ok(CONCEPT.to_string())
            }
            _ => return Err("an actor must be an object {\"id\", \"name\", \"kind\"}"),
        };
        if actor.contains_key("concept") || !(truthy(actor.get("name")) || truthy(actor.get("id")))
        {
            return Ok(CONCEPT.to_string());
        }
        for field in ["id", "name"] {
            if let Some(key) = self.by_alias.get(&norm_field(actor.get(field))?) {
                if !key.is_empty() {
                    return Ok(key.clone());
                }
            }
        }
        if actor.get("kind").and_then(Value::as_str) == Some("person") {
            let name = norm_field(actor.get("name"))?;
            if let Some(last) = name.split(' ').next_back().filter(|w| !w.is_empty()) {
                if let Some(keys) = self.by_surname.get(last).filter(|k| k.len() == 1) {
                    if let Some(key) = keys.first() {
                        return Ok(key.clone());
                    }
                }
            }
        }
        let named = if truthy(actor.get("name")) {
            actor.get("name")
        } else {
            actor.get("id")
        };
        Ok(format!("?{}", norm_field(named)?))
    }

    /// The country (or organization) a key rolls up to at the country level: its own
    /// `country` in the table, else the one `learned` from predictions, else itself.
    pub fn country(&self, key: &str, learned: &HashMap<String, String>) -> String {
        self.country
            .get(key)
            .or_else(|| learned.get(key))
            .map_or_else(|| key.to_string(), Clone::clone)
    }

    /// Up to three keys close to a name that resolves to none.
    fn suggest(&self, name: &str) -> Vec<String> {
        let n = norm(name);
        let mut close: Vec<(f64, &String)> = self
            .keys
            .iter()
            .map(|k| (strsim::jaro_winkler(&n, &norm(k)), k))
            .filter(|(sim, _)| *sim >= CLOSE)
            .collect();
        close.sort_by(|a, b| b.0.total_cmp(&a.0));
        close
            .into_iter()
            .take(SUGGESTIONS)
            .map(|(_, k)| k.clone())
            .collect()
    }
}

/// score.py's `norm` of a field that may be missing or not a string: what Python reads
/// as false is the empty name; any other non-string cannot be normalised.
fn norm_field(v: Option<&Value>) -> Result<String, Unresolvable> {
    match v {
        Some(Value::String(s)) => Ok(norm(s)),
        v if !truthy(v) => Ok(String::new()),
        _ => Err("an actor's \"id\", \"name\" and \"country\" must be strings"),
    }
}

/// A gold set, loaded and checked, with its facts at each level.
#[derive(Debug, Clone)]
pub struct Gold {
    pub actors: Actors,
    /// Every scored document: those of gold lines (traps included) and of `docs.txt`.
    pub docs: BTreeSet<String>,
    /// The facts (moods asserted and scheduled) at each level.
    pub(super) facts: [BTreeSet<Key>; 3],
    /// The evidence of the first gold line of each strict fact.
    pub(super) evidence: HashMap<Key, String>,
    /// Each strict triple gold marks as a trap, with the trap's mood.
    pub(super) traps: HashMap<Key, String>,
    /// Gold lines read: facts and traps.
    pub lines: usize,
    pub trap_lines: usize,
}

/// One line of `gold.jsonl`, checked.
struct Line {
    doc: String,
    s: String,
    r: String,
    o: String,
    /// `None` for a fact, else the trap's mood.
    trap: Option<String>,
    evidence: Option<String>,
}

impl Gold {
    /// Load `dir/actors.json`, `dir/gold.jsonl` and `dir/docs.txt` if there is one.
    pub fn load(dir: &Path) -> Result<Gold, DataError> {
        let actors_path = dir.join("actors.json");
        let actors = Actors::parse(
            &actors_path.display().to_string(),
            &read(&actors_path, false)?.unwrap_or_default(),
        )?;
        let gold_path = dir.join("gold.jsonl");
        let file = gold_path.display().to_string();
        let text = read(&gold_path, false)?.unwrap_or_default();
        let mut gold = Gold {
            actors,
            docs: BTreeSet::new(),
            facts: Default::default(),
            evidence: HashMap::new(),
            traps: HashMap::new(),
            lines: 0,
            trap_lines: 0,
        };
        for (number, line) in py_lines(&text) {
            if py_blank(line) {
                continue;
            }
            let at = |problem: String| DataError::new(&file, Some(number), problem);
            let line = parse_line(line).map_err(at)?;
            let s = gold.known(&line.s).map_err(at)?;
            let o = gold.known(&line.o).map_err(at)?;
            gold.add(line, s, o);
        }
        let docs_path = dir.join("docs.txt");
        if let Some(text) = read(&docs_path, true)? {
            for (_, line) in py_lines(&text) {
                let doc = line.trim_matches(py_space);
                if !doc.is_empty() {
                    gold.docs.insert(doc.to_string());
                }
            }
        }
        Ok(gold)
    }

    /// The gold key of a name of `gold.jsonl`, which must be in the actor table.
    fn known(&self, name: &str) -> Result<String, String> {
        let key = self.actors.resolve_name(name);
        if !key.starts_with('?') {
            return Ok(key);
        }
        let suggestions = self.actors.suggest(name);
        let hint = if suggestions.is_empty() {
            String::new()
        } else {
            format!("; did you mean: {}?", suggestions.join(", "))
        };
        Err(format!(
            "unknown actor {name:?}: not a name or alias in actors.json{hint}"
        ))
    }

    fn add(&mut self, line: Line, s: String, o: String) {
        self.lines += 1;
        self.docs.insert(line.doc.clone());
        let no_country = HashMap::new();
        for level in [Level::Strict, Level::Country] {
            let up = |k: &str| match level {
                Level::Country => self.actors.country(k, &no_country),
                _ => k.to_string(),
            };
            let (us, uo) = (up(&s), if o == CONCEPT { o.clone() } else { up(&o) });
            if us == uo {
                continue;
            }
            let key = canon(&line.doc, us, &line.r, uo);
            match (&line.trap, level) {
                (Some(mood), Level::Strict) => {
                    self.traps.entry(key).or_insert_with(|| mood.clone());
                }
                (Some(_), _) => {}
                (None, level) => {
                    if level == Level::Strict {
                        if let Some(e) = &line.evidence {
                            self.evidence
                                .entry(key.clone())
                                .or_insert_with(|| e.clone());
                        }
                    }
                    self.facts[level.index()].insert(key);
                }
            }
        }
        if line.trap.is_some() {
            self.trap_lines += 1;
        } else if o != CONCEPT {
            // Unlike predictions, gold keeps a pair of one actor with itself (as
            // score.py does): it can never be found.
            self.facts[Level::Untyped.index()].insert(pair(&line.doc, &s, &o));
        }
    }

    /// The number of facts at a level.
    pub fn facts(&self, level: Level) -> usize {
        self.facts[level.index()].len()
    }
}

/// Check one line of `gold.jsonl`.
fn parse_line(line: &str) -> Result<Line, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| {
        format!(
            "malformed JSON at column {}: {}",
            e.column(),
            without_position(&e)
        )
    })?;
    let Value::Object(row) = value else {
        return Err(
            "a gold line must be a JSON object {\"doc\", \"s\", \"r\", \"o\", \"mood\"}".into(),
        );
    };
    let text = |field: &str| match row.get(field) {
        Some(Value::String(s)) => Ok(s.clone()),
        Some(_) => Err(format!("{field:?} must be a string")),
        None => Err(format!("no {field:?}")),
    };
    let trap = match row.get("mood") {
        None | Some(Value::Null) => None,
        Some(Value::String(m)) if ["", "asserted", "scheduled"].contains(&m.as_str()) => None,
        Some(Value::String(m)) if ["hypothetical", "negated"].contains(&m.as_str()) => {
            Some(m.clone())
        }
        Some(other) => {
            return Err(format!(
                "unknown mood {other}; one of asserted, scheduled, hypothetical, negated"
            ))
        }
    };
    Ok(Line {
        doc: text("doc")?,
        s: text("s")?,
        r: text("r")?,
        o: text("o")?,
        trap,
        evidence: row
            .get("evidence")
            .and_then(Value::as_str)
            .map(str::to_string),
    })
}

/// A file's text; `None` when it is missing and `optional`.
fn read(path: &Path, optional: bool) -> Result<Option<String>, DataError> {
    let file = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes).map(Some).map_err(|e| {
            DataError::new(
                &file,
                None,
                format!("byte {}: invalid UTF-8", e.utf8_error().valid_up_to()),
            )
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && optional => Ok(None),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(DataError::new(
            &file,
            None,
            "no such file (a gold directory holds gold.jsonl and actors.json)",
        )),
        Err(e) => Err(DataError::new(&file, None, format!("cannot read: {e}"))),
    }
}

/// serde_json's message without its " at line L column C", which the caller places.
pub(super) fn without_position(e: &serde_json::Error) -> String {
    let mut why = e.to_string();
    if let Some(at) = why.rfind(" at line ") {
        why.truncate(at);
    }
    why
}

/// A JSON object's members in file order, as Python's `json.load` keeps them: the
/// first actor to claim an alias keeps it, so order matters. A key given twice keeps
/// its first place and its last value, as a Python dict does.
fn ordered_object(text: &str) -> Result<Vec<(String, Value)>, serde_json::Error> {
    struct Ordered(Vec<(String, Value)>);
    impl<'de> serde::Deserialize<'de> for Ordered {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = Ordered;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("an object of actors: name → {\"kind\", \"aliases\"}")
                }
                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ordered, A::Error> {
                    let mut members: Vec<(String, Value)> = Vec::new();
                    let mut at: BTreeMap<String, usize> = BTreeMap::new();
                    while let Some((k, v)) = map.next_entry::<String, Value>()? {
                        match at.get(&k) {
                            Some(&i) => members[i].1 = v,
                            None => {
                                at.insert(k.clone(), members.len());
                                members.push((k, v));
                            }
                        }
                    }
                    Ok(Ordered(members))
                }
            }
            d.deserialize_map(V)
        }
    }
    serde_json::from_str::<Ordered>(text).map(|o| o.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn actors() -> Actors {
        Actors::parse(
            "actors.json",
            r#"{"Ruritania": {"kind": "country", "aliases": ["RUR", "Strelsau"]},
                "Rudolf Rassendyll": {"kind": "person", "aliases": ["Rudolf"], "country": "Ruritania"},
                "Strelsau": {"kind": "country", "aliases": []},
                "Flavia Elphberg": {"kind": "person", "country": "Ruritania"},
                "Michael Elphberg": {"kind": "person"}}"#,
        )
        .expect("actors")
    }

    #[test]
    fn first_alias_wins_and_surnames_must_be_unambiguous() {
        let a = actors();
        assert_eq!(a.resolve_name("strelsau"), "Ruritania");
        assert_eq!(a.resolve_name("Zenda"), "?zenda");
        let person = |name: &str| json!({"id": "x", "name": name, "kind": "person"});
        assert_eq!(
            a.resolve(&person("R. Rassendyll")),
            Ok("Rudolf Rassendyll".into())
        );
        assert_eq!(
            a.resolve(&person("Princess Elphberg")),
            Ok("?princess elphberg".into())
        );
        assert_eq!(a.resolve(&json!({"concept": "talks"})), Ok("*".into()));
        assert_eq!(a.resolve(&json!({"id": "", "name": null})), Ok("*".into()));
        assert_eq!(
            a.resolve(&json!({"id": "RUR", "name": 5})),
            Ok("Ruritania".into())
        );
        assert!(a.resolve(&json!({"id": "ZZ", "name": 5})).is_err());
        assert!(a.resolve(&json!(null)).is_err());
    }

    #[test]
    fn a_key_given_twice_keeps_its_place_and_last_value() {
        let a = Actors::parse(
            "a.json",
            r#"{"A": {"aliases": ["x"]}, "B": {"aliases": ["x", "y"]}, "A": {"aliases": ["z"]}}"#,
        )
        .expect("actors");
        assert_eq!(a.resolve_name("x"), "B");
        assert_eq!(a.resolve_name("z"), "A");
    }
}
