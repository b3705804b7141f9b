//! The relation schema: which relations exist, what triggers them, how they count.
//!
//! Relations are data (`schema/relations.ron`), not code: the rest of the pipeline
//! refers to them through [`RelationId`] handles and asks the schema for their flags.
//! The built-in schema is compiled into the binary so that it runs from anywhere.

use crate::datafile::{parse_ron, DataError, FieldLocator};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;

/// The schema shipped with whowhom.
pub const BUILTIN_SCHEMA: &str = include_str!("../../schema/relations.ron");
/// How the built-in schema is named in messages.
pub const BUILTIN_SCHEMA_NAME: &str = "schema/relations.ron";

/// A relation, by its index in the schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RelationId(pub u16);

/// GDELT-style quad class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum Quad {
    VerbalCooperation,
    MaterialCooperation,
    VerbalConflict,
    MaterialConflict,
}

impl Quad {
    pub fn is_conflict(self) -> bool {
        matches!(self, Quad::VerbalConflict | Quad::MaterialConflict)
    }
    pub fn is_material(self) -> bool {
        matches!(self, Quad::MaterialCooperation | Quad::MaterialConflict)
    }
}

/// The part of speech of a trigger's head word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum Pos {
    /// The first word of the phrase is a verb and inflects ("held talks", "imposes sanctions").
    Verb,
    /// The last word of the phrase is a noun and may be plural ("a visit", "sanctions").
    Noun,
}

/// A word or phrase that signals a relation.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Trigger {
    /// Base form, words separated by spaces: "meet", "hold talks", "call on".
    pub phrase: String,
    pub pos: Pos,
    /// Prepositions that introduce the object ("talks *with* X", "sanctions *on* X").
    /// Empty: the object follows directly ("visited Kyiv").
    #[serde(default)]
    pub preps: Vec<String>,
    /// The phrase itself says the event did not happen ("call off talks").
    #[serde(default)]
    pub negated: bool,
    /// Whether the object may follow the trigger directly ("met Lavrov"); false where
    /// a direct object is a topic or a thing, not an actor ("discussed Ukraine",
    /// "travelled abroad"): then only `preps` introduce the object.
    #[serde(default = "direct_default")]
    pub direct: bool,
    /// The object must be followed by an infinitive to count: "told Iran *to* stop"
    /// is a demand, "told reporters that" is not.
    #[serde(default)]
    pub infinitive: bool,
    /// The trigger may take a concept object when no actor follows ("denied the
    /// report", "sent warships").
    #[serde(default)]
    pub concept: bool,
}

fn direct_default() -> bool {
    true
}

/// One relation as written in the schema file.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    pub name: String,
    pub definition: String,
    /// CAMEO root or event codes this relation corresponds to.
    pub cameo: Vec<String>,
    pub quad: Quad,
    /// Counted by "who pressured whom".
    pub pressure: bool,
    /// Subject and object are interchangeable (stored once per pair).
    pub symmetric: bool,
    pub triggers: Vec<Trigger>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SchemaFile {
    relations: Vec<Relation>,
}

/// The loaded, validated schema.
#[derive(Debug, Clone)]
pub struct Schema {
    relations: Vec<Relation>,
    by_name: HashMap<String, RelationId>,
}

/// A relation name that the schema does not define.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown relation {name:?}; the schema defines: {known}")]
pub struct UnknownRelation {
    pub name: String,
    pub known: String,
}

impl Schema {
    /// The schema compiled into the binary.
    pub fn builtin() -> Result<Schema, DataError> {
        Schema::parse(BUILTIN_SCHEMA_NAME, BUILTIN_SCHEMA)
    }

    /// Parse and validate a schema file's text; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<Schema, DataError> {
        let parsed: SchemaFile = parse_ron(file, text)?;
        let mut by_name = HashMap::new();
        let mut locate = FieldLocator::new(text);
        for (i, r) in parsed.relations.iter().enumerate() {
            let line = locate.next("name", &r.name);
            let err = |problem: String| DataError::new(file, line, problem);
            if r.name.is_empty() || !r.name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                return Err(err(format!(
                    "relation name {:?} must be lower-case ASCII",
                    r.name
                )));
            }
            if by_name
                .insert(r.name.clone(), RelationId(i as u16))
                .is_some()
            {
                return Err(err(format!("relation {:?} is defined twice", r.name)));
            }
            if r.triggers.is_empty() {
                return Err(err(format!("relation {:?} has no triggers", r.name)));
            }
            for t in &r.triggers {
                if t.phrase.split_whitespace().next().is_none() {
                    return Err(err(format!(
                        "relation {:?} has an empty trigger phrase",
                        r.name
                    )));
                }
            }
        }
        if parsed.relations.len() > u16::MAX as usize {
            return Err(DataError::new(file, None, "too many relations"));
        }
        Ok(Schema {
            relations: parsed.relations,
            by_name,
        })
    }

    pub fn relations(&self) -> impl Iterator<Item = (RelationId, &Relation)> {
        self.relations
            .iter()
            .enumerate()
            .map(|(i, r)| (RelationId(i as u16), r))
    }

    pub fn get(&self, id: RelationId) -> &Relation {
        &self.relations[id.0 as usize]
    }

    pub fn name(&self, id: RelationId) -> &str {
        &self.get(id).name
    }

    /// Look a relation up by name, as a user writes it (`--relations accuses,warns`).
    pub fn by_name(&self, name: &str) -> Result<RelationId, UnknownRelation> {
        self.by_name
            .get(name.trim())
            .copied()
            .ok_or_else(|| UnknownRelation {
                name: name.to_string(),
                known: self
                    .relations
                    .iter()
                    .map(|r| r.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }

    pub fn len(&self) -> usize {
        self.relations.len()
    }

    pub fn is_empty(&self) -> bool {
        self.relations.is_empty()
    }
}

impl fmt::Display for RelationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_schema_has_every_spec_relation() {
        let s = Schema::builtin().unwrap();
        for name in [
            "meets",
            "visits",
            "agrees",
            "cooperates",
            "supports",
            "urges",
            "demands",
            "warns",
            "threatens",
            "accuses",
            "criticizes",
            "denies",
            "rejects",
            "sends",
            "sanctions",
            "downgrades",
            "mobilizes",
            "attacks",
        ] {
            s.by_name(name).unwrap();
        }
        let meets = s.get(s.by_name("meets").unwrap());
        assert!(meets.symmetric && !meets.pressure);
        let warns = s.get(s.by_name("warns").unwrap());
        assert!(warns.pressure && warns.quad == Quad::VerbalConflict);
    }

    #[test]
    fn duplicate_relation_names_are_reported_with_their_line() {
        let text = "(relations: [\n (name: \"meets\", definition: \"\", cameo: [], quad: VerbalCooperation, pressure: false, symmetric: true, triggers: [(phrase: \"meet\", pos: Verb)]),\n (name: \"meets\", definition: \"\", cameo: [], quad: VerbalCooperation, pressure: false, symmetric: true, triggers: [(phrase: \"meet\", pos: Verb)]),\n])";
        let e = Schema::parse("s.ron", text).unwrap_err();
        assert_eq!(
            e.to_string(),
            "s.ron:3: relation \"meets\" is defined twice"
        );
    }

    #[test]
    fn malformed_ron_names_line_and_column() {
        let e = Schema::parse("s.ron", "(relations: [\n (name: \"x\",, )])").unwrap_err();
        assert_eq!(e.file, "s.ron");
        assert_eq!(e.line, Some(2));
        assert!(e.problem.starts_with("malformed RON"), "{e}");
    }

    #[test]
    fn unknown_relation_names_the_known_ones() {
        let s = Schema::builtin().unwrap();
        let e = s.by_name("pressures").unwrap_err();
        assert!(e
            .to_string()
            .starts_with("unknown relation \"pressures\"; the schema defines: meets, visits"));
    }
}
