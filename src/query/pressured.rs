//! Who pressured whom: (pressurer → pressured) pairs over the pressure relations, and
//! chains of pressure (A pressured B, who pressured C).
//!
//! The caller's [`Filter`] carries the pressure relations (the schema's `pressure`
//! flag); this module only groups and ranks, so a custom schema works unchanged.

use super::{kept_edges, Actor, Filter, Sentence};
use crate::graph::{Graph, NodeKind};
use chrono::NaiveDate;
use petgraph::stable_graph::NodeIndex;
use serde::Serialize;
use std::collections::BTreeMap;

/// One relation's share of a pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RelationCount {
    pub relation: String,
    pub count: u32,
}

/// Everything one actor did to pressure another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pair {
    pub pressurer: Actor,
    pub pressured: Actor,
    /// Most frequent first.
    pub relations: Vec<RelationCount>,
    pub count: u32,
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
    /// One sentence, from the pair's most frequent relation.
    pub evidence: Option<Sentence>,
}

/// A pressured B who pressured C.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Chain {
    pub actors: Vec<Actor>,
    /// Pressure references of each link.
    pub counts: Vec<u32>,
    /// The weakest link: a chain is as well attested as its thinnest step.
    pub score: u32,
}

/// Pairs, optionally only those by `by` and/or on `on`; most pressure first.
pub fn pairs(
    graph: &Graph,
    filter: &Filter,
    by: Option<NodeIndex>,
    on: Option<NodeIndex>,
) -> Vec<Pair> {
    let mut grouped: BTreeMap<(NodeIndex, NodeIndex), Vec<super::Tally>> = BTreeMap::new();
    for (s, t, tally) in kept_edges(graph, filter) {
        // Demanding "security guarantees" is not pressure on anyone.
        let concept = graph.node(t).kind == NodeKind::Concept;
        if by.is_some_and(|b| b != s) || on.is_some_and(|o| o != t) || s == t || concept {
            continue;
        }
        grouped.entry((s, t)).or_default().push(tally);
    }
    let mut out: Vec<Pair> = grouped
        .into_iter()
        .map(|((s, t), mut tallies)| {
            tallies.sort_by(|a, b| b.count.cmp(&a.count).then(a.relation.cmp(&b.relation)));
            Pair {
                pressurer: Actor::of(graph, s),
                pressured: Actor::of(graph, t),
                count: tallies.iter().map(|x| x.count).sum(),
                first: tallies.iter().filter_map(|x| x.first).min(),
                last: tallies.iter().filter_map(|x| x.last).max(),
                evidence: tallies.iter().find_map(|x| x.evidence.clone()),
                relations: tallies
                    .into_iter()
                    .map(|x| RelationCount {
                        relation: x.relation,
                        count: x.count,
                    })
                    .collect(),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.pressurer.key.cmp(&b.pressurer.key))
            .then_with(|| a.pressured.key.cmp(&b.pressured.key))
    });
    out
}

/// Chains of two links, strongest first; `by` fixes the start, `on` the end.
pub fn chains(
    graph: &Graph,
    filter: &Filter,
    by: Option<NodeIndex>,
    on: Option<NodeIndex>,
) -> Vec<Chain> {
    let mut links: BTreeMap<NodeIndex, Vec<(NodeIndex, u32)>> = BTreeMap::new();
    let all = pairs(graph, filter, None, None);
    let index = |a: &Actor| graph.by_key(&a.key);
    for p in &all {
        if let (Some(s), Some(t)) = (index(&p.pressurer), index(&p.pressured)) {
            links.entry(s).or_default().push((t, p.count));
        }
    }
    let mut out = Vec::new();
    for (&a, firsts) in &links {
        if by.is_some_and(|b| b != a) {
            continue;
        }
        for &(b, ab) in firsts {
            for &(c, bc) in links.get(&b).map_or(&[][..], Vec::as_slice) {
                if c == a || on.is_some_and(|o| o != c) {
                    continue;
                }
                out.push(Chain {
                    actors: vec![
                        Actor::of(graph, a),
                        Actor::of(graph, b),
                        Actor::of(graph, c),
                    ],
                    counts: vec![ab, bc],
                    score: ab.min(bc),
                });
            }
        }
    }
    out.sort_by(|x, y| {
        y.score
            .cmp(&x.score)
            .then_with(|| (y.counts[0] + y.counts[1]).cmp(&(x.counts[0] + x.counts[1])))
            .then_with(|| x.actors.cmp(&y.actors))
    });
    out
}
