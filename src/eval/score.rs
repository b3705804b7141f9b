//! Predictions against gold: score.py's main loop, one predicted triple at a time.

use super::gold::without_position;
use super::{canon, pair, py_blank, py_lines, truthy, Gold, Key, Level, CONCEPT};
use crate::triple::Triple;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Why a predicted line was not scored. score.py counts such lines and goes on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Unreadable(pub String);

impl From<&str> for Unreadable {
    fn from(s: &str) -> Self {
        Unreadable(s.to_string())
    }
}

/// Precision, recall and F1 of one level or relation, as score.py's `prf` gives them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Figures {
    pub tp: usize,
    pub pred: usize,
    pub gold: usize,
    pub p: f64,
    pub r: f64,
    pub f1: f64,
}

impl Figures {
    fn of(pred: &BTreeSet<Key>, gold: &BTreeSet<Key>) -> Figures {
        let tp = pred.intersection(gold).count();
        let ratio = |n: usize, d: usize| if d == 0 { 0.0 } else { n as f64 / d as f64 };
        let (p, r) = (ratio(tp, pred.len()), ratio(tp, gold.len()));
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Figures {
            tp,
            pred: pred.len(),
            gold: gold.len(),
            p,
            r,
            f1,
        }
    }
}

/// The figures; the first six fields are score.py's `--json`, in its order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scores {
    pub strict: Figures,
    pub country: Figures,
    pub untyped: Figures,
    /// Predicted lines that could not be read.
    pub bad_lines: usize,
    /// Documents with predictions that the gold set does not score.
    pub ignored_docs: usize,
    /// Documents the gold set scores.
    pub docs: usize,
    /// Strict figures of each relation of gold or the predictions.
    pub relations: BTreeMap<String, Figures>,
}

impl Scores {
    pub fn level(&self, level: Level) -> &Figures {
        match level {
            Level::Strict => &self.strict,
            Level::Country => &self.country,
            Level::Untyped => &self.untyped,
        }
    }
}

/// A missed or spurious triple (strict), with the sentence behind it where known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Listed {
    pub doc: String,
    pub subject: String,
    pub relation: String,
    pub object: String,
    /// The gold line's `evidence`, or the predicted triple's sentence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// For a spurious triple: the mood of the gold trap it falls into.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trap: Option<String>,
}

/// What scoring found.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub scores: Scores,
    /// The documents ignored, in name order.
    pub ignored: Vec<String>,
    /// Gold facts not predicted, in score.py's order.
    pub missed: Vec<Listed>,
    /// Predicted facts not in gold, in score.py's order.
    pub spurious: Vec<Listed>,
}

/// Scores predictions, one at a time, against a gold set.
pub struct Scorer<'g> {
    gold: &'g Gold,
    /// The country of each actor gold does not know, from the latest prediction that
    /// gave one; it only ever affects predictions read after it, as in score.py.
    learned: HashMap<String, String>,
    pred: [BTreeSet<Key>; 3],
    /// The sentence of the first prediction of each strict triple.
    evidence: HashMap<Key, String>,
    bad_lines: usize,
    ignored: BTreeSet<String>,
}

impl<'g> Scorer<'g> {
    pub fn new(gold: &'g Gold) -> Self {
        Scorer {
            gold,
            learned: HashMap::new(),
            pred: Default::default(),
            evidence: HashMap::new(),
            bad_lines: 0,
            ignored: BTreeSet::new(),
        }
    }

    /// Score one triple of the extractor, through its JSON form: exactly what a
    /// stream written by `extract` would be scored as.
    pub fn add_triple(&mut self, triple: &Triple) -> Result<(), Unreadable> {
        match serde_json::to_value(triple) {
            Ok(v) => self.add(&v),
            Err(e) => {
                self.bad_lines += 1;
                Err(Unreadable(e.to_string()))
            }
        }
    }

    /// Score one line of a triple stream; a blank line is not a triple.
    pub fn add_line(&mut self, line: &str) -> Result<(), Unreadable> {
        if py_blank(line) {
            return Ok(());
        }
        match serde_json::from_str::<Value>(line) {
            Ok(v) => self.add(&v),
            Err(e) => {
                self.bad_lines += 1;
                Err(Unreadable(format!(
                    "malformed JSON at column {}: {}",
                    e.column(),
                    without_position(&e)
                )))
            }
        }
    }

    /// Score every line of a triple stream, handing each unreadable one (1-based line
    /// number, why) to `on_bad`.
    pub fn add_stream(&mut self, text: &str, mut on_bad: impl FnMut(usize, Unreadable)) {
        for (number, line) in py_lines(text) {
            if let Err(e) = self.add_line(line) {
                on_bad(number, e);
            }
        }
    }

    /// Score one predicted triple given as JSON. An unreadable one is counted.
    pub fn add(&mut self, triple: &Value) -> Result<(), Unreadable> {
        let read = self.read(triple);
        if read.is_err() {
            self.bad_lines += 1;
        }
        read
    }

    fn read(&mut self, t: &Value) -> Result<(), Unreadable> {
        let t = t
            .as_object()
            .ok_or("a triple must be a JSON object (see spec/triples.md)")?;
        let doc = string(t, "doc")?;
        // The file name alone, whatever directory the stream's writer named.
        let doc = doc.rsplit('/').next().unwrap_or(doc);
        if !self.gold.docs.contains(doc) {
            self.ignored.insert(doc.to_string());
            return Ok(());
        }
        match t.get("mood") {
            None | Some(Value::Null) => {}
            Some(Value::String(m)) if ["asserted", "scheduled", ""].contains(&m.as_str()) => {}
            Some(Value::Array(_) | Value::Object(_)) => {
                return Err("\"mood\" must be a string".into())
            }
            // Hypothetical and negated triples are not facts: not predictions either.
            Some(_) => return Ok(()),
        }
        let (subject, object) = (member(t, "subject")?, member(t, "object")?);
        let actors = &self.gold.actors;
        let s = actors.resolve(subject)?;
        let o = actors.resolve(object)?;
        // Learned before the relation is read, so a line that then proves unreadable
        // has still taught its countries, as in score.py.
        self.learn_country(&s, subject)?;
        self.learn_country(&o, object)?;
        // score.py would take any value here, and crash on some; a relation that is
        // not a string cannot match gold, so the line is counted unreadable instead.
        let r = string(t, "relation")?;
        let text = t.get("text").and_then(Value::as_str);
        for level in [Level::Strict, Level::Country] {
            let up = |k: &str| match level {
                Level::Country => actors.country(k, &self.learned),
                _ => k.to_string(),
            };
            let us = up(&s);
            let uo = if o == CONCEPT { o.clone() } else { up(&o) };
            if us == uo {
                continue;
            }
            let key = canon(doc, us, r, uo);
            if level == Level::Strict {
                if let (Some(text), false) = (text, self.evidence.contains_key(&key)) {
                    self.evidence.insert(key.clone(), text.to_string());
                }
            }
            self.pred[level.index()].insert(key);
        }
        if o != CONCEPT && s != o {
            self.pred[Level::Untyped.index()].insert(pair(doc, &s, &o));
        }
        Ok(())
    }

    /// score.py's `note_country`: an actor gold does not know rolls up through the
    /// `country` the prediction gives it, itself resolved against gold.
    fn learn_country(&mut self, key: &str, actor: &Value) -> Result<(), Unreadable> {
        if !key.starts_with('?') {
            return Ok(());
        }
        let Some(country) = actor.as_object().and_then(|a| a.get("country")) else {
            return Ok(());
        };
        if !truthy(Some(country)) {
            return Ok(());
        }
        let as_actor = Value::Object(Map::from_iter([
            ("id".to_string(), country.clone()),
            ("name".to_string(), country.clone()),
        ]));
        let up = self.gold.actors.resolve(&as_actor)?;
        self.learned.insert(key.to_string(), up);
        Ok(())
    }

    pub fn finish(self) -> Outcome {
        let gold = &self.gold.facts;
        let pred = &self.pred;
        let figures = |level: Level| Figures::of(&pred[level.index()], &gold[level.index()]);
        let strict = Level::Strict.index();
        let relations: BTreeSet<&str> = gold[strict]
            .iter()
            .chain(&pred[strict])
            .filter_map(|k| k.relation.as_deref())
            .collect();
        let relations = relations
            .into_iter()
            .map(|r| {
                let only = |set: &BTreeSet<Key>| -> BTreeSet<Key> {
                    set.iter()
                        .filter(|k| k.relation.as_deref() == Some(r))
                        .cloned()
                        .collect()
                };
                (
                    r.to_string(),
                    Figures::of(&only(&pred[strict]), &only(&gold[strict])),
                )
            })
            .collect();
        let listed = |k: &Key, evidence: Option<&String>, trap: Option<&String>| Listed {
            doc: k.doc.clone(),
            subject: k.subject.clone(),
            relation: k.relation.clone().unwrap_or_default(),
            object: k.object.clone(),
            evidence: evidence.cloned(),
            trap: trap.cloned(),
        };
        let missed = gold[strict]
            .difference(&pred[strict])
            .map(|k| listed(k, self.gold.evidence.get(k), None))
            .collect();
        let spurious = pred[strict]
            .difference(&gold[strict])
            .map(|k| listed(k, self.evidence.get(k), self.gold.traps.get(k)))
            .collect();
        Outcome {
            scores: Scores {
                strict: figures(Level::Strict),
                country: figures(Level::Country),
                untyped: figures(Level::Untyped),
                bad_lines: self.bad_lines,
                ignored_docs: self.ignored.len(),
                docs: self.gold.docs.len(),
                relations,
            },
            ignored: self.ignored.into_iter().collect(),
            missed,
            spurious,
        }
    }
}

fn member<'a>(t: &'a Map<String, Value>, field: &str) -> Result<&'a Value, Unreadable> {
    t.get(field)
        .ok_or_else(|| Unreadable(format!("no {field:?}")))
}

fn string<'a>(t: &'a Map<String, Value>, field: &str) -> Result<&'a str, Unreadable> {
    match member(t, field)? {
        Value::String(s) => Ok(s),
        _ => Err(Unreadable(format!("{field:?} must be a string"))),
    }
}
