//! `whowhom query pressured`, and what every graph query shares: where the graph comes
//! from (`--graph FILE` or INPUTS built in memory), `--level`, `--all-moods`,
//! `--json`, actor names and relation lists.

use super::build::merge_inputs;
use super::output::{is_broken_pipe, table};
use super::{Failure, InputArgs, StderrReport};
use crate::extract::Extractor;
use crate::graph::{Graph, Node, NodeKind};
use crate::query::actor::Resolver;
use crate::query::pressured::{chains, pairs};
use crate::query::{Filter, Sentence};
use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};
use petgraph::stable_graph::NodeIndex;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Level {
    /// Actors as read: people, bodies, countries, organizations.
    Actor,
    /// People and bodies folded into their country or organization.
    Country,
}

/// Options of every graph query.
#[derive(Debug, Args)]
pub struct GraphArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Query this graph file instead of building a graph from INPUTS.
    #[arg(long, value_name = "FILE", conflicts_with = "inputs")]
    pub graph: Option<PathBuf>,
    /// Count hypothetical and negated mentions too (default: facts only).
    #[arg(long)]
    pub all_moods: bool,
    /// Run the query on actors as read or rolled up to countries.
    #[arg(long, value_enum, default_value_t = Level::Actor)]
    pub level: Level,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// A graph ready to be queried, with what names and relations are checked against.
pub struct Loaded {
    pub graph: Graph,
    pub extractor: Extractor,
    moved: BTreeMap<String, String>,
    /// Whether building from INPUTS skipped any.
    pub skipped: bool,
    pub json: bool,
    pub all_moods: bool,
}

impl GraphArgs {
    pub fn load(&self) -> Result<Loaded, Failure> {
        self.input.init_threads();
        let extractor = self.input.extractor().map_err(Failure::input)?;
        let mut skipped = false;
        let graph = match &self.graph {
            Some(p) => Graph::load(p, &mut StderrReport::default())
                .map_err(|e| Failure::input(e.to_string()))?,
            None => {
                let mut g = Graph::new(extractor.schema());
                let mut report = StderrReport::default();
                merge_inputs(&self.input, &extractor, &mut g, &mut report);
                skipped = report.skipped > 0;
                g
            }
        };
        let (graph, moved) = match self.level {
            Level::Actor => (graph, BTreeMap::new()),
            Level::Country => {
                let gz = extractor.gazetteer();
                let r = graph.rollup(|key| {
                    let a = gz.actor(gz.by_key(key)?);
                    Some(Node {
                        key: a.key.to_string(),
                        name: a.name.to_string(),
                        kind: NodeKind::from(a.kind),
                        country: None,
                    })
                });
                (r.graph, r.moved)
            }
        };
        Ok(Loaded {
            graph,
            extractor,
            moved,
            skipped,
            json: self.json,
            all_moods: self.all_moods,
        })
    }
}

impl Loaded {
    /// The node a user's name stands for.
    pub fn actor(&self, name: &str) -> Result<NodeIndex, Failure> {
        Resolver {
            graph: &self.graph,
            gazetteer: self.extractor.gazetteer(),
            moved: &self.moved,
        }
        .resolve(name)
        .map_err(|e| Failure::input(e.to_string()))
    }

    /// Checked relation names, or `None` for all.
    pub fn relations(&self, names: &[String]) -> Result<Option<BTreeSet<String>>, Failure> {
        if names.is_empty() {
            return Ok(None);
        }
        let schema = self.extractor.schema();
        let mut out = BTreeSet::new();
        for n in names {
            let id = schema
                .by_name(n)
                .map_err(|e| Failure::input(e.to_string()))?;
            out.insert(schema.name(id).to_string());
        }
        Ok(Some(out))
    }

    /// The schema's pressure relations.
    pub fn pressure(&self) -> BTreeSet<String> {
        self.extractor
            .schema()
            .relations()
            .filter(|(_, r)| r.pressure)
            .map(|(_, r)| r.name.clone())
            .collect()
    }

    pub fn filter(&self, relations: Option<BTreeSet<String>>) -> Filter {
        Filter {
            all_moods: self.all_moods,
            relations,
            ..Filter::default()
        }
    }

    /// The exit code once the answer is printed.
    pub fn code(&self) -> u8 {
        u8::from(self.skipped)
    }

    /// Print `value` as JSON, or `header` and `rows` as a table.
    pub fn print(
        &self,
        value: &impl Serialize,
        header: &[&str],
        rows: impl FnOnce() -> Vec<Vec<String>>,
    ) -> Result<(), Failure> {
        let mut out = BufWriter::new(io::stdout().lock());
        let written = if self.json {
            serde_json::to_writer_pretty(&mut out, value)
                .map_err(io::Error::from)
                .and_then(|_| out.write_all(b"\n"))
        } else {
            table(&mut out, header, &rows())
        };
        finish(written.and_then(|_| out.flush()))
    }
}

/// A write error is a failure unless the reader went away (`| head`).
pub fn finish(written: io::Result<()>) -> Result<(), Failure> {
    match written {
        Err(e) if !is_broken_pipe(&e) => Err(Failure::input(format!("cannot write output: {e}"))),
        _ => Ok(()),
    }
}

pub fn date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

pub fn sentence(s: &Option<Sentence>) -> String {
    s.as_ref().map(|s| s.text.clone()).unwrap_or_default()
}

#[derive(Debug, Args)]
pub struct QueryArgs {
    #[command(subcommand)]
    command: QueryCommand,
}

#[derive(Debug, Subcommand)]
enum QueryCommand {
    /// Who pressured whom, over the schema's pressure relations.
    Pressured(PressuredArgs),
}

#[derive(Debug, Args)]
struct PressuredArgs {
    /// Only pressure by this actor (any name or alias); with --chains, the first.
    #[arg(long, value_name = "ACTOR")]
    by: Option<String>,
    /// Only pressure on this actor; with --chains, the last.
    #[arg(long, value_name = "ACTOR")]
    on: Option<String>,
    /// Only mentions dated on or after this day (YYYY-MM-DD).
    #[arg(long, value_parser = super::parse_date)]
    since: Option<NaiveDate>,
    /// Only mentions dated on or before this day.
    #[arg(long, value_parser = super::parse_date)]
    until: Option<NaiveDate>,
    /// Rank chains: A pressured B, who pressured C.
    #[arg(long)]
    chains: bool,
    #[command(flatten)]
    graph: GraphArgs,
}

pub fn run(args: QueryArgs) -> Result<u8, Failure> {
    let QueryCommand::Pressured(args) = args.command;
    let g = args.graph.load()?;
    let by = args.by.as_deref().map(|n| g.actor(n)).transpose()?;
    let on = args.on.as_deref().map(|n| g.actor(n)).transpose()?;
    let filter = Filter {
        since: args.since,
        until: args.until,
        ..g.filter(Some(g.pressure()))
    };
    if args.chains {
        let found = chains(&g.graph, &filter, by, on);
        g.print(&found, &["chain", "counts", "score"], || {
            found
                .iter()
                .map(|c| {
                    let names: Vec<&str> = c.actors.iter().map(|a| a.name.as_str()).collect();
                    let counts: Vec<String> = c.counts.iter().map(u32::to_string).collect();
                    vec![names.join(" → "), counts.join(", "), c.score.to_string()]
                })
                .collect()
        })?;
    } else {
        let found = pairs(&g.graph, &filter, by, on);
        let header = [
            "pressurer",
            "pressured",
            "count",
            "relations",
            "first",
            "last",
            "evidence",
        ];
        g.print(&found, &header, || {
            found
                .iter()
                .map(|p| {
                    let rels: Vec<String> = p
                        .relations
                        .iter()
                        .map(|r| format!("{} {}", r.relation, r.count))
                        .collect();
                    vec![
                        p.pressurer.name.clone(),
                        p.pressured.name.clone(),
                        p.count.to_string(),
                        rels.join(", "),
                        date(p.first),
                        date(p.last),
                        sentence(&p.evidence),
                    ]
                })
                .collect()
        })?;
    }
    Ok(g.code())
}
