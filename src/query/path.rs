//! How two actors are connected: the shortest path, or every simple path up to a
//! number of hops.
//!
//! Paths run over the edges the filter keeps, in either direction unless `directed`,
//! between actors only (concepts are not a connection).
//! Between two actors the best-attested edge stands for the hop. Neighbours are
//! visited in key order, so that among equally short paths the same one is found on
//! every run.

use super::{Actor, Filter, Tally};
use crate::graph::{Edge, Graph, NodeKind};
use petgraph::stable_graph::NodeIndex;
use serde::Serialize;
use std::collections::{HashMap, VecDeque};

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

#[derive(Clone, Copy)]
struct Step<'g> {
    to: NodeIndex,
    direction: &'static str,
    edge: &'g Edge,
}

/// The best edge from a node to each neighbour, neighbours in key order, worked out
/// only for the nodes a search reaches: on a graph of a million edges a path query
/// touches a few of them, not all.
struct Neighbours<'g> {
    graph: &'g Graph,
    filter: &'g Filter,
    directed: bool,
    memo: HashMap<NodeIndex, Vec<Step<'g>>>,
}

impl<'g> Neighbours<'g> {
    fn new(graph: &'g Graph, filter: &'g Filter, directed: bool) -> Self {
        Neighbours {
            graph,
            filter,
            directed,
            memo: HashMap::new(),
        }
    }

    fn steps(&mut self, n: NodeIndex) -> &[Step<'g>] {
        let (graph, filter, directed) = (self.graph, self.filter, self.directed);
        self.memo
            .entry(n)
            .or_insert_with(|| steps(graph, filter, directed, n))
    }
}

/// The steps from `n`. Between two actors the edge with the most kept evidence stands
/// for the hop; on a tie the relation first by name, then the edge first in the
/// graph's order (source key, then target key).
fn steps<'g>(graph: &'g Graph, filter: &Filter, directed: bool, n: NodeIndex) -> Vec<Step<'g>> {
    // Two actors demanding "guarantees" are not connected by it.
    let concept = |n| graph.node(n).kind == NodeKind::Concept;
    if concept(n) {
        return Vec::new();
    }
    // Per neighbour: (kept count, step, the edge's source and target).
    type Best<'g> = (u32, Step<'g>, NodeIndex, NodeIndex);
    let mut best: HashMap<NodeIndex, Best<'g>> = HashMap::new();
    for (other, outgoing, edge) in graph.incident(n) {
        if other == n || concept(other) {
            continue;
        }
        let mutual = graph.is_symmetric(&edge.relation);
        if directed && !outgoing && !mutual {
            continue;
        }
        if !filter.keeps_relation(&edge.relation) {
            continue;
        }
        let count = edge.evidence.iter().filter(|e| filter.keeps(e)).count() as u32;
        if count == 0 {
            continue;
        }
        let direction = match (mutual, outgoing) {
            (true, _) => "mutual",
            (false, true) => "forward",
            (false, false) => "backward",
        };
        let step = Step {
            to: other,
            direction,
            edge,
        };
        let (source, target) = if outgoing { (n, other) } else { (other, n) };
        let rank = |(count, s, source, target): &Best<'g>| {
            (
                std::cmp::Reverse(*count),
                &s.edge.relation,
                &graph.node(*source).key,
                &graph.node(*target).key,
            )
        };
        let candidate = (count, step, source, target);
        match best.get(&other) {
            Some(old) if rank(old) <= rank(&candidate) => {}
            _ => {
                best.insert(other, candidate);
            }
        }
    }
    let mut out: Vec<Step<'g>> = best.into_values().map(|(_, s, _, _)| s).collect();
    out.sort_by(|a, b| graph.node(a.to).key.cmp(&graph.node(b.to).key));
    out
}

fn hops(graph: &Graph, filter: &Filter, from: NodeIndex, steps: &[Step]) -> Path {
    let mut at = from;
    let mut out = Vec::new();
    for s in steps {
        // A step exists only for an edge the filter keeps.
        if let Some(tally) = filter.tally(graph, s.edge) {
            out.push(Hop {
                from: Actor::of(graph, at),
                to: Actor::of(graph, s.to),
                direction: s.direction,
                tally,
            });
        }
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
    let mut nb = Neighbours::new(graph, filter, opts.directed);
    let mut came: HashMap<NodeIndex, (NodeIndex, Step)> = HashMap::new();
    let mut depth: HashMap<NodeIndex, usize> = HashMap::from([(from, 0)]);
    let mut queue = VecDeque::from([from]);
    // Breadth first, neighbours in key order: the first time `to` is reached is by
    // the path a full search would keep.
    'search: while let Some(n) = queue.pop_front() {
        if n == to {
            break;
        }
        let d = depth.get(&n).copied().unwrap_or(0);
        if d >= opts.max_hops {
            continue;
        }
        for &step in nb.steps(n) {
            if depth.contains_key(&step.to) {
                continue;
            }
            depth.insert(step.to, d + 1);
            came.insert(step.to, (n, step));
            if step.to == to {
                break 'search;
            }
            queue.push_back(step.to);
        }
    }
    if !depth.contains_key(&to) {
        return None;
    }
    let mut steps = Vec::new();
    let mut at = to;
    while at != from {
        let (prev, step) = *came.get(&at)?;
        steps.push(step);
        at = prev;
    }
    steps.reverse();
    Some(hops(graph, filter, from, &steps))
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
    let mut nb = Neighbours::new(graph, filter, opts.directed);
    let mut found: Vec<Vec<Step>> = Vec::new();
    let mut truncated = false;
    let mut trail: Vec<Step> = Vec::new();
    let mut on_trail = vec![from];
    // Depth-first with an explicit stack of neighbour cursors: no recursion depth to
    // worry about and an early stop once enough paths are found.
    let mut cursors: Vec<usize> = vec![0];
    while let Some(cursor) = cursors.last_mut() {
        let at = *on_trail.last().unwrap_or(&from);
        let next = if at != to && trail.len() < opts.max_hops {
            nb.steps(at).get(*cursor).copied()
        } else {
            None
        };
        let Some(step) = next else {
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
        };
        *cursor += 1;
        if on_trail.contains(&step.to) {
            continue;
        }
        on_trail.push(step.to);
        trail.push(step);
        cursors.push(0);
    }
    let key = |p: &Vec<Step>| -> (usize, Vec<String>) {
        (
            p.len(),
            p.iter().map(|s| graph.node(s.to).key.clone()).collect(),
        )
    };
    found.sort_by_key(key);
    let paths = found.iter().map(|p| hops(graph, filter, from, p)).collect();
    (paths, truncated)
}
