//! `whowhom stats`: what the graph holds. `--json` is byte-identical for equal graphs.

use super::query::GraphArgs;
use super::Failure;
use crate::query::stats::{stats, Ranked};
use clap::Args;

#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    graph: GraphArgs,
}

pub fn run(args: StatsArgs) -> Result<u8, Failure> {
    let g = args.graph.load()?;
    let s = stats(&g.graph, &g.filter(None), &g.pressure());
    // One table of (section, item, value) rows reads well and keeps columns aligned.
    g.print(&s, &["section", "item", "value"], || {
        let mut rows = vec![
            row("total", "documents", s.documents),
            row("total", "nodes", s.nodes),
            row("total", "edges", s.edges),
            row("total", "mentions", s.mentions),
        ];
        for (k, n) in &s.nodes_by_kind {
            rows.push(row("nodes by kind", k, n));
        }
        for (r, n) in &s.edges_by_relation {
            rows.push(row(
                "edges by relation",
                r,
                format!("{} ({} mentions)", n.edges, n.mentions),
            ));
        }
        let ranked = |rows: &mut Vec<Vec<String>>, section: &str, v: &[Ranked]| {
            for r in v {
                rows.push(row(section, &r.actor.name, r.value));
            }
        };
        ranked(&mut rows, "top by degree", &s.top_degree);
        ranked(&mut rows, "pressure given", &s.top_pressure_given);
        ranked(&mut rows, "pressure received", &s.top_pressure_received);
        rows
    })?;
    Ok(g.code())
}

fn row(section: &str, item: &str, value: impl ToString) -> Vec<String> {
    vec![section.to_string(), item.to_string(), value.to_string()]
}
