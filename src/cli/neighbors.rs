//! `whowhom neighbors ACTOR`: every relation an actor has, most mentioned first.

use super::query::{date, sentence, GraphArgs};
use super::Failure;
use crate::query::neighbors::{neighbors, Neighbor};
use crate::query::Actor;
use clap::Args;
use serde::Serialize;

#[derive(Debug, Args)]
pub struct NeighborsArgs {
    /// The actor: any name or alias.
    actor: String,
    /// Only these relations (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "R,…")]
    relations: Vec<String>,
    #[command(flatten)]
    graph: GraphArgs,
}

#[derive(Serialize)]
struct Answer {
    actor: Actor,
    neighbors: Vec<Neighbor>,
}

pub fn run(args: NeighborsArgs) -> Result<u8, Failure> {
    let g = args.graph.load()?;
    let actor = g.actor(&args.actor)?;
    let filter = g.filter(g.relations(&args.relations)?);
    let answer = Answer {
        actor: crate::query::Actor::of(&g.graph, actor),
        neighbors: neighbors(&g.graph, &filter, actor),
    };
    let header = [
        "direction",
        "relation",
        "other",
        "count",
        "first",
        "last",
        "evidence",
    ];
    g.print(&answer, &header, || {
        answer
            .neighbors
            .iter()
            .map(|n| {
                vec![
                    n.direction.to_string(),
                    n.tally.relation.clone(),
                    n.other.name.clone(),
                    n.tally.count.to_string(),
                    date(n.tally.first),
                    date(n.tally.last),
                    sentence(&n.tally.evidence),
                ]
            })
            .collect()
    })?;
    Ok(g.code())
}
