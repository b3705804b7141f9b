//! How two actors are connected: the shortest path, or every simple path up to a
//! number of hops.
//!
//! Paths run over the edges the filter keeps, in either direction unless `directed`,
//! between actors only (concepts are not a connection).
//! Between two actors the best-attested edge stands for the hop.
//!
//! Among equally short paths the one returned is the one whose actor keys, read from
//! the start, come first (compared hop by hop). That is the path a breadth-first
//! search from the start finds when it visits neighbours in key order, which is how
//! this module searched before graphs grew to a million edges; it is still the
//! answer, but it is now found by searching from both ends at once: each round
//! widens whichever side has the smaller frontier by one hop, until the two meet.
//! From a hub a one-sided search reaches most of such a graph within three hops;
//! from both ends each side goes half as deep. The distances from both searches then
//! say which nodes lie on a shortest path, and a depth-first walk from the start,
//! neighbours in key order, picks the first of them (see [`Meeting::first_path`]).

use super::{Actor, Filter, Tally};
use crate::graph::{Edge, Graph, NodeKind};
use petgraph::stable_graph::NodeIndex;
use serde::Serialize;
use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};

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

#[derive(Debug, Clone, Copy)]
struct Step<'g> {
    to: NodeIndex,
    direction: &'static str,
    edge: &'g Edge,
}

/// An edge a search may take from a node.
#[derive(Clone, Copy)]
struct Link<'g> {
    other: NodeIndex,
    /// The node the search is at is the edge's source.
    outgoing: bool,
    mutual: bool,
    edge: &'g Edge,
}

/// No distance yet: the node has not been reached.
const UNSEEN: u32 = u32::MAX;

/// How a search may walk the graph: which edges it takes, and which stands for a hop.
#[derive(Clone, Copy)]
struct Walk<'g> {
    graph: &'g Graph,
    filter: &'g Filter,
    directed: bool,
}

impl<'g> Walk<'g> {
    fn concept(&self, n: NodeIndex) -> bool {
        self.graph.node(n).kind == NodeKind::Concept
    }

    /// Whether a search at `n` may take this edge of it to `other`. `backward`: the
    /// search runs from the target towards the start, so it takes the edges a path
    /// could arrive at `n` by (the same ones, unless directed).
    fn take(
        &self,
        n: NodeIndex,
        backward: bool,
        (other, outgoing, edge): (NodeIndex, bool, &'g Edge),
    ) -> Option<Link<'g>> {
        // Two actors demanding "guarantees" are not connected by it.
        if other == n || self.concept(other) {
            return None;
        }
        let mutual = self.graph.is_symmetric(&edge.relation);
        if self.directed && !mutual && outgoing == backward {
            return None;
        }
        if !self.filter.keeps_relation(&edge.relation)
            || !edge.evidence.iter().any(|e| self.filter.keeps(e))
        {
            return None;
        }
        Some(Link {
            other,
            outgoing,
            mutual,
            edge,
        })
    }

    /// The edges a search at `n` may take to the nodes `want` accepts. `want` is asked
    /// first: it is cheaper than weighing an edge's evidence, and on a hub it turns
    /// most edges away.
    fn links(
        &self,
        n: NodeIndex,
        backward: bool,
        mut want: impl FnMut(NodeIndex) -> bool,
    ) -> Vec<Link<'g>> {
        if self.concept(n) {
            return Vec::new();
        }
        self.graph
            .incident_iter(n)
            .filter(|&(other, _, _)| want(other))
            .filter_map(|i| self.take(n, backward, i))
            .collect()
    }

    /// How a link from `n` ranks among the links between the same two actors, best
    /// first: the most kept evidence, then the relation first by name, then the edge
    /// first in the graph's order (source key, then target key).
    fn rank(&self, n: NodeIndex, l: &Link<'g>) -> (Reverse<usize>, &'g str, &'g str, &'g str) {
        let count = l
            .edge
            .evidence
            .iter()
            .filter(|e| self.filter.keeps(e))
            .count();
        let (source, target) = if l.outgoing {
            (n, l.other)
        } else {
            (l.other, n)
        };
        (
            Reverse(count),
            &l.edge.relation,
            &self.graph.node(source).key,
            &self.graph.node(target).key,
        )
    }

    fn step(l: &Link<'g>) -> Step<'g> {
        let direction = match (l.mutual, l.outgoing) {
            (true, _) => "mutual",
            (false, true) => "forward",
            (false, false) => "backward",
        };
        Step {
            to: l.other,
            direction,
            edge: l.edge,
        }
    }

    /// The steps from `n` to the neighbours `want` accepts, one per neighbour (its
    /// best link), neighbours in key order.
    fn steps(&self, n: NodeIndex, want: impl FnMut(NodeIndex) -> bool) -> Vec<Step<'g>> {
        type Ranked<'g> = ((Reverse<usize>, &'g str, &'g str, &'g str), Link<'g>);
        let mut best: HashMap<NodeIndex, Ranked<'g>> = HashMap::new();
        for l in self.links(n, false, want) {
            let r = self.rank(n, &l);
            match best.get(&l.other) {
                Some((old, _)) if *old <= r => {}
                _ => {
                    best.insert(l.other, (r, l));
                }
            }
        }
        let mut out: Vec<Step<'g>> = best.values().map(|(_, l)| Walk::step(l)).collect();
        out.sort_by(|a, b| self.key(a.to).cmp(self.key(b.to)));
        out
    }

    /// The step that stands for the hop from `n` to `to`, if the search may take one.
    fn hop(&self, n: NodeIndex, to: NodeIndex) -> Option<Step<'g>> {
        self.links(n, false, |o| o == to)
            .iter()
            .min_by_key(|l| self.rank(n, l))
            .map(Walk::step)
    }

    fn key(&self, n: NodeIndex) -> &'g str {
        &self.graph.node(n).key
    }

    /// Hops to `to` of every node within `depth` hops of it along the edges a search
    /// may take (`UNSEEN` for the rest), indexed by node.
    fn distances_to(&self, to: NodeIndex, depth: u32) -> Vec<u32> {
        let mut dist = vec![UNSEEN; self.graph.node_bound()];
        dist[to.index()] = 0;
        let mut frontier = vec![to];
        for d in 1..=depth {
            let mut next = Vec::new();
            for &n in &frontier {
                if self.concept(n) {
                    continue;
                }
                for i in self.graph.incident_iter(n) {
                    // Seen first: most edges of a hub lead back into the searched part.
                    if dist[i.0.index()] == UNSEEN && self.take(n, true, i).is_some() {
                        dist[i.0.index()] = d;
                        next.push(i.0);
                    }
                }
            }
            if next.is_empty() {
                break;
            }
            frontier = next;
        }
        dist
    }
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

/// Which of two frontiers is cheaper to widen: the one whose nodes have fewer edges.
/// Fewer nodes is not enough: on a news graph one hub has more edges than thousands
/// of other actors together. Counting walks the edges too, so the side with fewer
/// nodes is counted first and the other only up to that count, which keeps the
/// counting within twice the cheaper side's edges.
fn cheaper(graph: &Graph, frontier: &[Vec<NodeIndex>; 2]) -> usize {
    let edges = |side: usize, limit: usize| {
        let mut n = 0usize;
        for &x in &frontier[side] {
            n += graph.incident_iter(x).take(limit - n + 1).count();
            if n > limit {
                break;
            }
        }
        n
    };
    let fewer = usize::from(frontier[1].len() < frontier[0].len());
    let limit = edges(fewer, usize::MAX - 1);
    if edges(1 - fewer, limit) < limit {
        1 - fewer
    } else {
        fewer
    }
}

/// Where a search from both ends met: the distances each side found.
struct Meeting {
    /// Hops from the start of each node the forward side reached (`UNSEEN` for the
    /// rest), indexed by node.
    from_start: Vec<u32>,
    /// Hops to the target of each node the backward side reached.
    to_target: Vec<u32>,
    /// The length of the shortest paths.
    length: u32,
    /// Every node this many hops or fewer from the target is in `to_target`; of the
    /// nodes one hop further only some are, as the search stops when the sides meet.
    target_known: u32,
}

impl Meeting {
    /// Search from both ends, a whole layer at a time, widening the side with fewer
    /// nodes on its frontier, until one side reaches a node the other has reached.
    /// `None` when no path of at most `max_hops` exists.
    ///
    /// The first node both sides reach lies on a shortest path: had a shorter one
    /// existed, a node of it would have been reached from both sides already, since
    /// each side's layers are complete up to its depth. So the shortest paths have
    /// exactly as many hops as the two depths add up to.
    fn search(walk: Walk, from: NodeIndex, to: NodeIndex, max_hops: usize) -> Option<Meeting> {
        let bound = walk.graph.node_bound();
        let mut dist = [vec![UNSEEN; bound], vec![UNSEEN; bound]];
        dist[0][from.index()] = 0;
        dist[1][to.index()] = 0;
        let mut frontier = [vec![from], vec![to]];
        let mut depth = [0u32; 2];
        let max_hops = u32::try_from(max_hops).unwrap_or(UNSEEN - 1);
        while depth[0] + depth[1] < max_hops {
            // An empty side has nowhere left to go.
            if frontier.iter().any(Vec::is_empty) {
                return None;
            }
            let side = cheaper(walk.graph, &frontier);
            let d = depth[side] + 1;
            let [forward, backward] = &mut dist;
            let (seen, other) = if side == 0 {
                (forward, &*backward)
            } else {
                (backward, &*forward)
            };
            let mut next = Vec::new();
            let met = 'widen: {
                for &n in &frontier[side] {
                    if walk.concept(n) {
                        continue;
                    }
                    for i in walk.graph.incident_iter(n) {
                        let o = i.0.index();
                        // Seen first: a hub's edges mostly lead back into the searched
                        // part, and weighing an edge's evidence costs more.
                        if seen[o] != UNSEEN || walk.take(n, side == 1, i).is_none() {
                            continue;
                        }
                        seen[o] = d;
                        if other[o] != UNSEEN {
                            break 'widen Some(d + other[o]);
                        }
                        next.push(i.0);
                    }
                }
                None
            };
            if let Some(length) = met {
                let [from_start, to_target] = dist;
                return Some(Meeting {
                    from_start,
                    to_target,
                    length,
                    target_known: depth[1],
                });
            }
            frontier[side] = next;
            depth[side] = d;
        }
        None
    }

    /// The shortest path whose keys come first, as its nodes: a depth-first walk from
    /// the start, neighbours in key order, through nodes that lie on a shortest path.
    /// It backs out of a node only when no neighbour leads on, and never enters such
    /// a node twice, so it costs no more than the search did.
    fn first_path(&self, walk: Walk, from: NodeIndex, to: NodeIndex) -> Option<Vec<NodeIndex>> {
        // Whether `w`, `layer` hops from the start, can lie on a shortest path. Near
        // the target its distance to the target says so for certain; further out only
        // its distance from the start is known, and whether it leads on is found by
        // walking on.
        let on_shortest = |w: NodeIndex, layer: u32| {
            let rest = self.length - layer;
            if rest <= self.target_known {
                self.to_target[w.index()] == rest
            } else {
                self.from_start[w.index()] == layer
            }
        };
        let next = |n: NodeIndex, layer: u32, dead: &HashSet<NodeIndex>| {
            let mut v: Vec<NodeIndex> = walk
                .links(n, false, |w| on_shortest(w, layer) && !dead.contains(&w))
                .iter()
                .map(|l| l.other)
                .collect();
            v.sort_by(|a, b| walk.key(*a).cmp(walk.key(*b)));
            v.dedup();
            v.into_iter()
        };
        // Nodes found to lead nowhere.
        let mut dead: HashSet<NodeIndex> = HashSet::new();
        let mut trail = vec![(from, next(from, 1, &dead))];
        loop {
            // The layer of the node tried next.
            let layer = trail.len() as u32;
            let (n, tried) = {
                let (n, candidates) = trail.last_mut()?;
                (*n, candidates.next())
            };
            match tried {
                Some(w) if w == to => {
                    return Some(trail.iter().map(|(n, _)| *n).chain([to]).collect());
                }
                Some(w) if layer < self.length => {
                    let candidates = next(w, layer + 1, &dead);
                    trail.push((w, candidates));
                }
                Some(_) => {}
                None => {
                    dead.insert(n);
                    trail.pop();
                }
            }
        }
    }
}

/// The shortest path from `from` to `to` within `max_hops`, if there is one.
pub fn shortest(
    graph: &Graph,
    filter: &Filter,
    from: NodeIndex,
    to: NodeIndex,
    opts: Options,
) -> Option<Path> {
    if from == to {
        return Some(Path { hops: Vec::new() });
    }
    let walk = Walk {
        graph,
        filter,
        directed: opts.directed,
    };
    let meeting = Meeting::search(walk, from, to, opts.max_hops)?;
    let nodes = meeting.first_path(walk, from, to)?;
    let steps = nodes
        .windows(2)
        .map(|w| walk.hop(w[0], w[1]))
        .collect::<Option<Vec<Step>>>()?;
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
    let walk = Walk {
        graph,
        filter,
        directed: opts.directed,
    };
    // How far from the target each node near it is: a node further from it than the
    // hops left cannot end a path in time, so it is not entered. Only dead ends are
    // cut, so the paths found, and the order they are found in (which matters when
    // there are more than MAX_PATHS), are those of the full search.
    let cap = |n: usize| u32::try_from(n).unwrap_or(UNSEEN - 1).min(UNSEEN - 1);
    let to_target = walk.distances_to(to, cap(opts.max_hops.saturating_sub(1)));
    // The steps from a node with so many hops left after the next one.
    let mut memo: HashMap<(NodeIndex, u32), Vec<Step>> = HashMap::new();
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
            let left = cap(opts.max_hops - trail.len() - 1);
            memo.entry((at, left))
                .or_insert_with(|| walk.steps(at, |w| to_target[w.index()] <= left))
                .get(*cursor)
                .copied()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::ActorKind;
    use crate::triple::{ActorRef, Mood, Object, Triple};
    use chrono::NaiveDate;
    use proptest::prelude::*;
    use std::collections::{BTreeSet, VecDeque};

    /// The search as it was before it ran from both ends: breadth first from the
    /// start, neighbours in key order, the first arrival at the target kept. The
    /// answer the two-ended search must give, path for path.
    fn shortest_one_sided(
        graph: &Graph,
        filter: &Filter,
        from: NodeIndex,
        to: NodeIndex,
        opts: Options,
    ) -> Option<Path> {
        let walk = Walk {
            graph,
            filter,
            directed: opts.directed,
        };
        let mut came: HashMap<NodeIndex, (NodeIndex, Step)> = HashMap::new();
        let mut depth: HashMap<NodeIndex, usize> = HashMap::from([(from, 0)]);
        let mut queue = VecDeque::from([from]);
        'search: while let Some(n) = queue.pop_front() {
            if n == to {
                break;
            }
            let d = depth[&n];
            if d >= opts.max_hops {
                continue;
            }
            for step in walk.steps(n, |_| true) {
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
        depth.get(&to)?;
        let mut steps = Vec::new();
        let mut at = to;
        while at != from {
            let (prev, step) = came[&at];
            steps.push(step);
            at = prev;
        }
        steps.reverse();
        Some(hops(graph, filter, from, &steps))
    }

    /// Every simple path by a recursive depth-first search that cuts nothing, in
    /// the order `all` returns them.
    struct Uncut<'g> {
        walk: Walk<'g>,
        to: NodeIndex,
        max_hops: usize,
        trail: Vec<Step<'g>>,
        on_trail: Vec<NodeIndex>,
        found: Vec<Vec<Step<'g>>>,
        truncated: bool,
    }

    impl Uncut<'_> {
        fn dfs(&mut self, at: NodeIndex) {
            if self.truncated {
                return;
            }
            if at == self.to && !self.trail.is_empty() {
                if self.found.len() == MAX_PATHS {
                    self.truncated = true;
                } else {
                    self.found.push(self.trail.clone());
                }
                return;
            }
            if at == self.to || self.trail.len() >= self.max_hops {
                return;
            }
            for step in self.walk.steps(at, |_| true) {
                if self.on_trail.contains(&step.to) {
                    continue;
                }
                self.on_trail.push(step.to);
                self.trail.push(step);
                self.dfs(step.to);
                self.trail.pop();
                self.on_trail.pop();
            }
        }
    }

    fn all_uncut(
        graph: &Graph,
        filter: &Filter,
        from: NodeIndex,
        to: NodeIndex,
        opts: Options,
    ) -> (Vec<Path>, bool) {
        let mut search = Uncut {
            walk: Walk {
                graph,
                filter,
                directed: opts.directed,
            },
            to,
            max_hops: opts.max_hops,
            trail: Vec::new(),
            on_trail: vec![from],
            found: Vec::new(),
            truncated: false,
        };
        search.dfs(from);
        let mut found = search.found;
        found.sort_by_key(|p| {
            (
                p.len(),
                p.iter()
                    .map(|s| graph.node(s.to).key.clone())
                    .collect::<Vec<_>>(),
            )
        });
        let paths = found.iter().map(|p| hops(graph, filter, from, p)).collect();
        (paths, search.truncated)
    }

    /// Hops from `from` to `to` by a plain breadth-first search over the kept edges,
    /// written without anything of this module.
    fn distance(
        graph: &Graph,
        filter: &Filter,
        from: NodeIndex,
        to: NodeIndex,
        directed: bool,
    ) -> Option<usize> {
        let mut next: HashMap<NodeIndex, BTreeSet<NodeIndex>> = HashMap::new();
        for (s, t, tally) in crate::query::kept_edges(graph, filter) {
            let concept = |n| graph.node(n).kind == NodeKind::Concept;
            if s == t || concept(s) || concept(t) {
                continue;
            }
            next.entry(s).or_default().insert(t);
            if !directed || graph.is_symmetric(&tally.relation) {
                next.entry(t).or_default().insert(s);
            }
        }
        let mut dist = HashMap::from([(from, 0)]);
        let mut queue = VecDeque::from([from]);
        while let Some(n) = queue.pop_front() {
            for &m in next.get(&n).into_iter().flatten() {
                if !dist.contains_key(&m) {
                    dist.insert(m, dist[&n] + 1);
                    queue.push_back(m);
                }
            }
        }
        dist.get(&to).copied()
    }

    /// Whether `path` runs from `from` to `to`, hop after hop, over edges the graph
    /// has, in directions the options allow, that the filter keeps.
    fn valid(
        graph: &Graph,
        filter: &Filter,
        path: &Path,
        from: NodeIndex,
        to: NodeIndex,
        opts: Options,
    ) -> Result<(), String> {
        let mut at = graph.node(from).key.clone();
        let mut seen = vec![at.clone()];
        for hop in &path.hops {
            if hop.from.key != at {
                return Err(format!("hop from {} after {at}", hop.from.key));
            }
            let (s, t) = match hop.direction {
                "backward" => (&hop.to.key, &hop.from.key),
                _ => (&hop.from.key, &hop.to.key),
            };
            if opts.directed && hop.direction == "backward" {
                return Err(format!("backward hop {s} -> {t} on a directed search"));
            }
            let edge = graph.edges().into_iter().find(|(a, b, e)| {
                let ends = (&graph.node(*a).key, &graph.node(*b).key);
                e.relation == hop.tally.relation
                    && (ends == (s, t) || (hop.direction == "mutual" && ends == (t, s)))
            });
            let Some((_, _, edge)) = edge else {
                return Err(format!("no edge {s} {} {t}", hop.tally.relation));
            };
            if (hop.direction == "mutual") != graph.is_symmetric(&edge.relation) {
                return Err(format!("{} called {}", edge.relation, hop.direction));
            }
            if filter.tally(graph, edge).as_ref() != Some(&hop.tally) {
                return Err(format!("{s} {} {t} not kept", edge.relation));
            }
            if hop.to.kind == NodeKind::Concept {
                return Err(format!("through concept {}", hop.to.key));
            }
            if seen.contains(&hop.to.key) {
                return Err(format!("{} twice", hop.to.key));
            }
            at = hop.to.key.clone();
            seen.push(at.clone());
        }
        if at != graph.node(to).key {
            return Err(format!("ends at {at}"));
        }
        if path.hops.len() > opts.max_hops {
            return Err(format!("{} hops", path.hops.len()));
        }
        Ok(())
    }

    const RELATIONS: [&str; 4] = ["meets", "urges", "warns", "accuses"];

    fn actor(i: usize) -> ActorRef {
        ActorRef {
            id: format!("A{i}").into(),
            name: format!("Actor {i}").into(),
            kind: ActorKind::Country,
            country: None,
        }
    }

    /// (subject, relation, object, mood, concept object, date) of each triple.
    type Spec = (usize, usize, usize, bool, bool, u32);

    /// A graph of `n` actors from random triples, a few of them to concepts, some
    /// hypothetical, dated over a few days; "meets" is symmetric.
    fn graph(n: usize, specs: &[Spec]) -> Graph {
        let mut g = Graph::with_symmetric(["meets".to_string()]);
        for (d, &(s, r, o, fact, concept, day)) in specs.iter().enumerate() {
            let date = NaiveDate::from_ymd_opt(2022, 1, 1 + day);
            let t = Triple {
                doc: format!("d{d}"),
                date,
                event_date: None,
                sentence: 0,
                span: [0, 10],
                text: format!("{s} {r} {o}"),
                field: None,
                subject: actor(s % n),
                relation: RELATIONS[r % RELATIONS.len()].to_string(),
                object: if concept {
                    Object::Concept {
                        concept: format!("thing {}", o % 3),
                    }
                } else {
                    Object::Actor(actor(o % n))
                },
                theme: None,
                mood: if fact {
                    Mood::Asserted
                } else {
                    Mood::Hypothetical
                },
                confidence: 0.5,
            };
            g.add_document(&format!("d{d}"), d as u64, date, &[t]);
        }
        g
    }

    fn case() -> impl Strategy<Value = (usize, Vec<Spec>, usize, usize, usize, bool, u8)> {
        (2usize..14).prop_flat_map(|n| {
            let spec = (
                0..n,
                0..4usize,
                0..n,
                prop::bool::weighted(0.8),
                prop::bool::weighted(0.1),
                0..4u32,
            );
            (
                Just(n),
                prop::collection::vec(spec, 0..(n * 3)),
                0..n,
                0..n,
                0usize..7,
                any::<bool>(),
                0u8..4,
            )
        })
    }

    /// The filters a case may ask for: none, all moods, a relation subset, a date range.
    fn filter(which: u8) -> Filter {
        match which {
            0 => Filter::default(),
            1 => Filter {
                all_moods: true,
                ..Filter::default()
            },
            2 => Filter {
                relations: Some(["urges", "warns"].map(String::from).into()),
                ..Filter::default()
            },
            _ => Filter {
                since: NaiveDate::from_ymd_opt(2022, 1, 2),
                ..Filter::default()
            },
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn shortest_is_the_one_sided_answer_and_a_shortest_valid_path(
            (n, specs, a, b, max_hops, directed, which) in case()
        ) {
            let g = graph(n, &specs);
            let (Some(from), Some(to)) = (g.by_key(&format!("A{a}")), g.by_key(&format!("A{b}"))) else {
                return Ok(());
            };
            let f = filter(which);
            let opts = Options { max_hops, directed };
            let got = shortest(&g, &f, from, to, opts);
            prop_assert_eq!(&got, &shortest_one_sided(&g, &f, from, to, opts));
            let want = distance(&g, &f, from, to, directed).filter(|&d| d <= max_hops);
            prop_assert_eq!(got.as_ref().map(|p| p.hops.len()), want);
            if let Some(p) = &got {
                prop_assert_eq!(valid(&g, &f, p, from, to, opts), Ok(()));
            }
        }

        #[test]
        fn all_paths_are_the_uncut_search_s_and_valid(
            (n, specs, a, b, max_hops, directed, which) in case()
        ) {
            let g = graph(n, &specs);
            let (Some(from), Some(to)) = (g.by_key(&format!("A{a}")), g.by_key(&format!("A{b}"))) else {
                return Ok(());
            };
            let f = filter(which);
            let opts = Options { max_hops: max_hops.min(5), directed };
            let got = all(&g, &f, from, to, opts);
            prop_assert_eq!(&got, &all_uncut(&g, &f, from, to, opts));
            for p in &got.0 {
                prop_assert_eq!(valid(&g, &f, p, from, to, opts), Ok(()));
            }
            let shortest = shortest(&g, &f, from, to, opts).filter(|p| !p.hops.is_empty());
            prop_assert_eq!(got.0.first().map(|p| p.hops.len()), shortest.map(|p| p.hops.len()));
        }
    }

    #[test]
    fn ties_go_to_the_keys_that_come_first_from_the_start() {
        // A0 reaches A9 through A1 or A2 and then A3 or A4: A0 A1 A3 A9 comes first
        // even though the search may meet first at A4 or through A2.
        let specs: Vec<Spec> = [
            (0, 2),
            (0, 1),
            (2, 4),
            (1, 3),
            (1, 4),
            (2, 3),
            (3, 9),
            (4, 9),
        ]
        .iter()
        .map(|&(s, o)| (s, 1, o, true, false, 0))
        .collect();
        let g = graph(10, &specs);
        let (from, to) = (g.by_key("A0").unwrap(), g.by_key("A9").unwrap());
        for directed in [false, true] {
            let opts = Options {
                max_hops: 4,
                directed,
            };
            let p = shortest(&g, &Filter::default(), from, to, opts).unwrap();
            let keys: Vec<&str> = p.hops.iter().map(|h| h.to.key.as_str()).collect();
            assert_eq!(keys, ["A1", "A3", "A9"], "directed: {directed}");
        }
        let opts = Options {
            max_hops: 2,
            directed: false,
        };
        assert_eq!(shortest(&g, &Filter::default(), from, to, opts), None);
    }
}
