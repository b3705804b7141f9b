//! What a graph holds: nodes by kind, edges by relation, the most connected actors
//! and who gives and receives the most pressure.
//!
//! Stats are compared byte for byte between builds (an incremental build must equal a
//! one-shot build), so they hold nothing that depends on how the graph was built:
//! no paths, no times, no indices; maps are sorted and ties broken by key.

use super::{kept_edges, Actor, Filter};
use crate::graph::{Graph, NodeKind};
use petgraph::stable_graph::NodeIndex;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// How many actors each top list holds.
pub const TOP: usize = 10;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub documents: usize,
    /// Nodes touching at least one counted edge.
    pub nodes: usize,
    pub edges: usize,
    /// Evidence references counted.
    pub mentions: u32,
    pub nodes_by_kind: BTreeMap<String, usize>,
    pub edges_by_relation: BTreeMap<String, RelationStats>,
    /// Actors with the most edges (concepts are not actors).
    pub top_degree: Vec<Ranked>,
    /// Pressure references as subject.
    pub top_pressure_given: Vec<Ranked>,
    /// Pressure references as object.
    pub top_pressure_received: Vec<Ranked>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RelationStats {
    pub edges: usize,
    pub mentions: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ranked {
    #[serde(flatten)]
    pub actor: Actor,
    pub value: u32,
}

/// The stats under `filter`; `pressure` names the pressure relations.
pub fn stats(graph: &Graph, filter: &Filter, pressure: &BTreeSet<String>) -> Stats {
    let edges = kept_edges(graph, filter);
    let mut touched = BTreeSet::new();
    let mut by_relation: BTreeMap<String, RelationStats> = BTreeMap::new();
    let mut degree: HashMap<NodeIndex, u32> = HashMap::new();
    let mut given: HashMap<NodeIndex, u32> = HashMap::new();
    let mut received: HashMap<NodeIndex, u32> = HashMap::new();
    let mut mentions = 0;
    for (s, t, tally) in &edges {
        touched.insert(*s);
        touched.insert(*t);
        let r = by_relation.entry(tally.relation.clone()).or_default();
        r.edges += 1;
        r.mentions += tally.count;
        mentions += tally.count;
        *degree.entry(*s).or_default() += 1;
        if s != t {
            *degree.entry(*t).or_default() += 1;
        }
        if pressure.contains(&tally.relation) {
            *given.entry(*s).or_default() += tally.count;
            *received.entry(*t).or_default() += tally.count;
        }
    }
    let mut nodes_by_kind = BTreeMap::new();
    for n in &touched {
        *nodes_by_kind
            .entry(graph.node(*n).kind.to_string())
            .or_default() += 1;
    }
    let top = |m: &HashMap<NodeIndex, u32>| -> Vec<Ranked> {
        let mut v: Vec<Ranked> = m
            .iter()
            .filter(|(n, _)| graph.node(**n).kind != NodeKind::Concept)
            .map(|(n, v)| Ranked {
                actor: Actor::of(graph, *n),
                value: *v,
            })
            .collect();
        v.sort_by(|a, b| {
            b.value
                .cmp(&a.value)
                .then_with(|| a.actor.key.cmp(&b.actor.key))
        });
        v.truncate(TOP);
        v
    };
    Stats {
        documents: graph.documents().len(),
        nodes: touched.len(),
        edges: edges.len(),
        mentions,
        nodes_by_kind,
        edges_by_relation: by_relation,
        top_degree: top(&degree),
        top_pressure_given: top(&given),
        top_pressure_received: top(&received),
    }
}
