//! Naming actors as users write them: a key ("RUS"), a name ("Russia"), or any
//! surface form the gazetteer knows ("Moscow", "the Kremlin", "Blinken").
//!
//! A name is matched case-insensitively against the graph's own keys and names first,
//! then against the gazetteer, whose actor is then looked up in the graph (through the
//! roll-up, when the graph is rolled up to countries). A name that matches nothing gets
//! the closest names the graph could answer for.

use crate::gazetteer::Gazetteer;
use crate::graph::{Graph, NodeKind};
use petgraph::stable_graph::NodeIndex;
use std::collections::BTreeMap;

/// Suggestions below this Jaro-Winkler similarity are noise.
const CLOSE: f64 = 0.8;
const SUGGESTIONS: usize = 3;

/// Why a name did not give a node.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActorError {
    #[error("no actor named {name:?}{}", did_you_mean(.suggestions))]
    Unknown {
        name: String,
        suggestions: Vec<String>,
    },
    #[error("{name:?}{} does not appear in the graph", also_known(.name, .actor))]
    Absent { name: String, actor: String },
}

fn also_known(name: &str, actor: &str) -> String {
    if name.eq_ignore_ascii_case(actor) {
        String::new()
    } else {
        format!(" ({actor})")
    }
}

fn did_you_mean(s: &[String]) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!("; did you mean: {}?", s.join(", "))
    }
}

/// Resolves names against a graph and the gazetteer.
pub struct Resolver<'a> {
    pub graph: &'a Graph,
    pub gazetteer: &'a Gazetteer,
    /// Keys folded into others by a roll-up.
    pub moved: &'a BTreeMap<String, String>,
}

impl Resolver<'_> {
    fn in_graph(&self, key: &str) -> Option<NodeIndex> {
        let key = self.moved.get(key).map_or(key, String::as_str);
        self.graph.by_key(key)
    }

    pub fn resolve(&self, name: &str) -> Result<NodeIndex, ActorError> {
        let wanted = name.trim();
        if let Some(ix) = self.graph.by_key(wanted) {
            return Ok(ix);
        }
        let lower = wanted.to_lowercase();
        let mut own: Vec<NodeIndex> = self
            .graph
            .node_indices()
            .into_iter()
            .filter(|&ix| {
                let n = self.graph.node(ix);
                n.key.to_lowercase() == lower || n.name.to_lowercase() == lower
            })
            .collect();
        // An actor before a concept of the same words.
        own.sort_by_key(|&ix| self.graph.node(ix).kind == NodeKind::Concept);
        if let Some(&ix) = own.first() {
            return Ok(ix);
        }
        let mut known = None;
        let mut names: Vec<_> = self
            .gazetteer
            .names()
            .iter()
            .filter(|n| n.text.to_lowercase() == lower)
            .collect();
        names.sort_by_key(|n| n.kind);
        for n in names {
            let actor = self.gazetteer.actor(n.actor);
            if let Some(ix) = self.in_graph(&actor.key) {
                return Ok(ix);
            }
            known.get_or_insert_with(|| actor.name.clone());
        }
        if let Some(actor) = known {
            return Err(ActorError::Absent {
                name: wanted.to_string(),
                actor: actor.to_string(),
            });
        }
        Err(ActorError::Unknown {
            name: wanted.to_string(),
            suggestions: self.suggest(&lower),
        })
    }

    /// Up to three graph actors whose names (or any of their surface forms) are close.
    fn suggest(&self, lower: &str) -> Vec<String> {
        let mut best: BTreeMap<NodeIndex, f64> = BTreeMap::new();
        let mut offer = |ix: NodeIndex, text: &str| {
            let score = strsim::jaro_winkler(lower, &text.to_lowercase());
            if score >= CLOSE {
                let b = best.entry(ix).or_insert(score);
                *b = b.max(score);
            }
        };
        for ix in self.graph.node_indices() {
            let n = self.graph.node(ix);
            if n.kind != NodeKind::Concept {
                offer(ix, &n.name);
            }
        }
        for n in self.gazetteer.names() {
            if let Some(ix) = self.in_graph(&self.gazetteer.actor(n.actor).key) {
                offer(ix, &n.text);
            }
        }
        let mut ranked: Vec<(NodeIndex, f64)> = best.into_iter().collect();
        ranked.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then_with(|| self.graph.node(a.0).key.cmp(&self.graph.node(b.0).key))
        });
        ranked
            .into_iter()
            .take(SUGGESTIONS)
            .map(|(ix, _)| self.graph.node(ix).name.clone())
            .collect()
    }
}
