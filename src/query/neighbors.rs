//! Whom an actor deals with: every kept edge touching it, most attested first.

use super::{Actor, Filter, Tally};
use crate::graph::Graph;
use petgraph::stable_graph::NodeIndex;
use serde::Serialize;

/// One edge seen from the actor asked about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Neighbor {
    /// `out`: the actor is the subject; `in`: the object; `mutual`: a symmetric
    /// relation.
    pub direction: &'static str,
    pub other: Actor,
    #[serde(flatten)]
    pub tally: Tally,
}

pub fn neighbors(graph: &Graph, filter: &Filter, actor: NodeIndex) -> Vec<Neighbor> {
    let mut out: Vec<Neighbor> = graph
        .incident(actor)
        .into_iter()
        .filter_map(|(other, outgoing, edge)| {
            let tally = filter.tally(graph, edge)?;
            let direction = match (graph.is_symmetric(&edge.relation), outgoing) {
                (true, _) => "mutual",
                (false, true) => "out",
                (false, false) => "in",
            };
            Some(Neighbor {
                direction,
                other: Actor::of(graph, other),
                tally,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.tally
            .count
            .cmp(&a.tally.count)
            .then_with(|| a.tally.relation.cmp(&b.tally.relation))
            .then_with(|| a.other.key.cmp(&b.other.key))
            .then_with(|| a.direction.cmp(b.direction))
    });
    out
}
