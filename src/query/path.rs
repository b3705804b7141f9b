//! How two actors are connected: the shortest path, or every simple path up to a
//! number of hops.
//!
//! Paths run over the edges the filter keeps, in either direction unless `directed`,
//! between actors only (concepts are not a connection).
//! Between two actors the best-attested edge stands for the hop. Neighbours are
//! visited in key order, so that among equally short paths the same one is found on
//! every run.

use super::{kept_edges, Actor, Filter, Tally};
use crate::graph::{Graph, NodeKind};
use petgraph::stable_graph::NodeIndex;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, VecDeque};

/// How to search.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub max_hops: usize,
    /// Follow edges only from subject to object (symmetric relations both ways).
    pub directed: bool,
}

/// The most paths `all` returns: beyond this a graph is too dense for a list to help.
pub const MAX_PATHS: usize = 1000;

/// One step of a path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hop {
    pub from: Actor,
    pub to: Actor,
    /// `forward`: `from` is the subject; `backward`: `to` is; `mutual` for a symmetric
    /// relation.
    pub direction: &'static str,
    #[serde(flatten)]
    pub tally: Tally,
}

/// A path as its hops.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Path {
    pub hops: Vec<Hop>,
}

#[derive(Clone)]
struct Step {
    to: NodeIndex,
    direction: &'static str,
    tally: Tally,
}

/// The best edge from each node to each neighbour, neighbours in key order.
fn adjacency(graph: &Graph, filter: &Filter, directed: bool) -> HashMap<NodeIndex, Vec<Step>> {
    let mut best: BTreeMap<(NodeIndex, NodeIndex), Step> = BTreeMap::new();
    let mut offer = |from: NodeIndex, step: Step| {
        let better = |old: &Step| {
            (step.tally.count, &old.tally.relation) > (old.tally.count, &step.tally.relation)
        };
        match best.get(&(from, step.to)) {
            Some(old) if !better(old) => {}
            _ => {
                best.insert((from, step.to), step);
            }
        }
    };
    for (s, t, tally) in kept_edges(graph, filter) {
        // Two actors demanding "guarantees" are not connected by it.
        let concept = |n| graph.node(n).kind == NodeKind::Concept;
        if s == t || concept(s) || concept(t) {
            continue;
        }
        let mutual = graph.is_symmetric(&tally.relation);
        let (fwd, back) = if mutual {
            ("mutual", "mutual")
        } else {
            ("forward", "backward")
        };
        if mutual || !directed {
            offer(
                t,
                Step {
                    to: s,
                    direction: back,
                    tally: tally.clone(),
                },
            );
        }
        offer(
            s,
            Step {
                to: t,
                direction: fwd,
                tally,
            },
        );
    }
    let mut adj: HashMap<NodeIndex, Vec<Step>> = HashMap::new();
    for ((from, _), step) in best {
        adj.entry(from).or_default().push(step);
    }
    for steps in adj.values_mut() {
        steps.sort_by(|a, b| graph.node(a.to).key.cmp(&graph.node(b.to).key));
    }
    adj
}

fn hops(graph: &Graph, from: NodeIndex, steps: &[Step]) -> Path {
    let mut at = from;
    let mut out = Vec::new();
    for s in steps {
        out.push(Hop {
            from: Actor::of(graph, at),
            to: Actor::of(graph, s.to),
            direction: s.direction,
            tally: s.tally.clone(),
        });
        at = s.to;
    }
    Path { hops: out }
}

/// The shortest path from `from` to `to` within `max_hops`, if there is one.
pub fn shortest(
    graph: &Graph,
    filter: &Filter,
    from: NodeIndex,
    to: NodeIndex,
    opts: Options,
) -> Option<Path> {
    let adj = adjacency(graph, filter, opts.directed);
    let mut came: HashMap<NodeIndex, (NodeIndex, Step)> = HashMap::new();
    let mut depth: HashMap<NodeIndex, usize> = HashMap::from([(from, 0)]);
    let mut queue = VecDeque::from([from]);
    while let Some(n) = queue.pop_front() {
        if n == to {
            break;
        }
        let d = depth.get(&n).copied().unwrap_or(0);
        if d >= opts.max_hops {
            continue;
        }
        for step in adj.get(&n).map_or(&[][..], Vec::as_slice) {
            if depth.contains_key(&step.to) {
                continue;
            }
            depth.insert(step.to, d + 1);
            came.insert(step.to, (n, step.clone()));
            queue.push_back(step.to);
        }
    }
    if !depth.contains_key(&to) {
        return None;
    }
    let mut steps = Vec::new();
    let mut at = to;
    while at != from {
        let (prev, step) = came.get(&at)?.clone();
        steps.push(step);
        at = prev;
    }
    steps.reverse();
    Some(hops(graph, from, &steps))
}

/// Every simple path from `from` to `to` of at most `max_hops`, shortest first, at
/// most [`MAX_PATHS`]; the flag says whether more were left out.
pub fn all(
    graph: &Graph,
    filter: &Filter,
    from: NodeIndex,
    to: NodeIndex,
    opts: Options,
) -> (Vec<Path>, bool) {
    let adj = adjacency(graph, filter, opts.directed);
    let mut found: Vec<Vec<Step>> = Vec::new();
    let mut truncated = false;
    let mut trail: Vec<Step> = Vec::new();
    let mut on_trail = vec![from];
    // Depth-first with an explicit stack of neighbour cursors: no recursion depth to
    // worry about and an early stop once enough paths are found.
    let mut cursors: Vec<usize> = vec![0];
    while let Some(cursor) = cursors.last_mut() {
        let at = *on_trail.last().unwrap_or(&from);
        let steps = adj.get(&at).map_or(&[][..], Vec::as_slice);
        if at == to || trail.len() >= opts.max_hops || *cursor >= steps.len() {
            if at == to && !trail.is_empty() {
                if found.len() == MAX_PATHS {
                    truncated = true;
                    break;
                }
                found.push(trail.clone());
            }
            cursors.pop();
            on_trail.pop();
            trail.pop();
            continue;
        }
        let step = &steps[*cursor];
        *cursor += 1;
        if on_trail.contains(&step.to) {
            continue;
        }
        on_trail.push(step.to);
        trail.push(step.clone());
        cursors.push(0);
    }
    let key = |p: &Vec<Step>| -> (usize, Vec<String>) {
        (
            p.len(),
            p.iter().map(|s| graph.node(s.to).key.clone()).collect(),
        )
    };
    found.sort_by_key(key);
    let paths = found.iter().map(|p| hops(graph, from, p)).collect();
    (paths, truncated)
}
