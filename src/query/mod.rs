//! Questions asked of a [`Graph`]: who pressured whom ([`pressured`]), how two actors
//! are connected ([`path`]), whom an actor deals with ([`neighbors`]), and what the
//! graph holds ([`stats`]); naming actors as users write them ([`actor`]).
//!
//! Every query sees the graph through a [`Filter`]: which moods count (facts only,
//! unless asked), which dates and which relations. Edges are weighed by the evidence
//! the filter keeps, so one stored graph answers all of them. Results are plain
//! serializable values, ordered deterministically; printing them is the CLI's job.

pub mod actor;
pub mod neighbors;
pub mod path;
pub mod pressured;
pub mod stats;

use crate::graph::{Edge, Evidence, Graph, Node, NodeKind};
use chrono::NaiveDate;
use petgraph::stable_graph::NodeIndex;
use serde::Serialize;
use std::collections::BTreeSet;

/// Which evidence a query counts.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Count hypothetical and negated references too.
    pub all_moods: bool,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    /// Only these relations; `None`: all.
    pub relations: Option<BTreeSet<String>>,
}

impl Filter {
    pub fn keeps_relation(&self, relation: &str) -> bool {
        self.relations.as_ref().is_none_or(|r| r.contains(relation))
    }

    /// Whether a reference counts. Undated evidence is dropped only when a date range
    /// is asked for, since nothing can be said of it.
    pub fn keeps(&self, e: &Evidence) -> bool {
        (self.all_moods || e.mood.is_fact())
            && self.since.is_none_or(|s| e.date.is_some_and(|d| d >= s))
            && self.until.is_none_or(|u| e.date.is_some_and(|d| d <= u))
    }

    /// An edge as the filter sees it; `None` when nothing of it counts.
    pub fn tally(&self, graph: &Graph, edge: &Edge) -> Option<Tally> {
        if !self.keeps_relation(&edge.relation) {
            return None;
        }
        let kept: Vec<&Evidence> = edge.evidence.iter().filter(|e| self.keeps(e)).collect();
        if kept.is_empty() {
            return None;
        }
        let example = edge.examples.iter().find(|x| {
            kept.iter()
                .any(|e| e.doc == x.doc && e.sentence == x.sentence)
        });
        Some(Tally {
            relation: edge.relation.clone(),
            count: kept.len() as u32,
            first: kept.iter().filter_map(|e| e.date).min(),
            last: kept.iter().filter_map(|e| e.date).max(),
            evidence: example.map(|x| Sentence {
                doc: graph.document_id(x.doc).to_string(),
                sentence: x.sentence,
                text: x.text.clone(),
            }),
        })
    }
}

/// An edge's numbers under a filter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub relation: String,
    pub count: u32,
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
    /// The first kept example sentence, if its text was kept.
    pub evidence: Option<Sentence>,
}

/// An evidence sentence as queries show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    pub doc: String,
    pub sentence: u32,
    pub text: String,
}

/// An actor (or concept) as queries show it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Actor {
    pub key: String,
    pub name: String,
    pub kind: NodeKind,
}

impl Actor {
    pub fn of(graph: &Graph, ix: NodeIndex) -> Actor {
        let Node {
            key, name, kind, ..
        } = graph.node(ix).clone();
        Actor { key, name, kind }
    }
}

/// Every edge the filter keeps, as (source, target, tally), in the graph's order.
pub fn kept_edges(graph: &Graph, filter: &Filter) -> Vec<(NodeIndex, NodeIndex, Tally)> {
    graph
        .edges()
        .into_iter()
        .filter_map(|(s, t, e)| filter.tally(graph, e).map(|tally| (s, t, tally)))
        .collect()
}
