//! `whowhom path FROM TO`: how two actors are connected, hop by hop.

use super::query::{sentence, GraphArgs};
use super::Failure;
use crate::query::path::{all, shortest, Options, Path, MAX_PATHS};
use crate::query::Actor;
use clap::Args;
use serde::Serialize;

#[derive(Debug, Args)]
pub struct PathArgs {
    /// Where the path starts: any name or alias ("Moscow", "Blinken").
    from: String,
    /// Where the path ends.
    to: String,
    /// Only these relations (comma-separated).
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "R,…",
        conflicts_with = "pressure"
    )]
    relations: Vec<String>,
    /// Only the schema's pressure relations.
    #[arg(long)]
    pressure: bool,
    /// Longest path searched, in hops.
    #[arg(long, value_name = "N", default_value_t = 4)]
    max_hops: usize,
    /// Every simple path up to --max-hops, shortest first.
    #[arg(long)]
    all: bool,
    /// Follow relations only from subject to object.
    #[arg(long)]
    directed: bool,
    #[command(flatten)]
    graph: GraphArgs,
}

#[derive(Serialize)]
struct Answer {
    from: Actor,
    to: Actor,
    max_hops: usize,
    paths: Vec<Path>,
    /// More paths than could be listed.
    truncated: bool,
}

pub fn run(args: PathArgs) -> Result<u8, Failure> {
    let g = args.graph.load()?;
    let (from, to) = (g.actor(&args.from)?, g.actor(&args.to)?);
    let relations = if args.pressure {
        Some(g.pressure())
    } else {
        g.relations(&args.relations)?
    };
    let filter = g.filter(relations);
    let opts = Options {
        max_hops: args.max_hops,
        directed: args.directed,
    };
    let (paths, truncated) = if args.all {
        all(&g.graph, &filter, from, to, opts)
    } else {
        (
            shortest(&g.graph, &filter, from, to, opts)
                .into_iter()
                .collect(),
            false,
        )
    };
    let answer = Answer {
        from: Actor::of(&g.graph, from),
        to: Actor::of(&g.graph, to),
        max_hops: args.max_hops,
        paths,
        truncated,
    };
    if from == to && !g.json {
        println!("{} and {} are the same actor here", args.from, args.to);
        return Ok(g.code());
    }
    if answer.paths.is_empty() && !g.json {
        println!(
            "no path from {} to {} within {} hop(s)",
            answer.from.name, answer.to.name, answer.max_hops
        );
        return Ok(g.code());
    }
    let header = ["path", "hop", "from", "relation", "to", "count", "evidence"];
    g.print(&answer, &header, || {
        let mut rows = Vec::new();
        for (i, p) in answer.paths.iter().enumerate() {
            for (j, h) in p.hops.iter().enumerate() {
                let relation = match h.direction {
                    "forward" => format!("{} →", h.tally.relation),
                    "backward" => format!("← {}", h.tally.relation),
                    _ => format!("{} ↔", h.tally.relation),
                };
                rows.push(vec![
                    (i + 1).to_string(),
                    (j + 1).to_string(),
                    h.from.name.clone(),
                    relation,
                    h.to.name.clone(),
                    h.tally.count.to_string(),
                    sentence(&h.tally.evidence),
                ]);
            }
        }
        rows
    })?;
    if answer.truncated {
        eprintln!("whowhom: only the first {MAX_PATHS} paths are listed");
    }
    Ok(g.code())
}
