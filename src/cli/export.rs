//! `whowhom export`: the graph as DOT, RON, JSON, GraphML or CSV; and what `export`
//! and `render` share: the filters that cut the graph down and the DOT drawing options.

use super::query::{GraphArgs, Loaded};
use super::Failure;
use crate::export::{self, dot, Ego, Options};
use crate::graph::Graph;
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use std::io;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Graphviz DOT.
    Dot,
    /// The graph file, with provenance, every mood kept: `--graph` and `build
    /// --into` read it.
    Ron,
    /// Node-link JSON (D3, vis-network, networkx).
    Json,
    /// GraphML with typed attributes (Gephi, yEd, networkx).
    Graphml,
    /// neo4j-admin import CSV: needs -o; writes FILE.nodes.csv, FILE.edges.csv and a
    /// flat FILE.csv.
    Csv,
}

/// Which part of the graph an export or a drawing shows.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Only these relations (comma-separated schema names).
    #[arg(long, value_name = "R,…", value_delimiter = ',')]
    relations: Vec<String>,
    /// Only the schema's pressure relations (with --relations: those of them that
    /// put pressure).
    #[arg(long)]
    pressure: bool,
    /// Only edges with at least N mentions (after the other filters).
    #[arg(long, value_name = "N", default_value_t = 1)]
    min_count: u32,
    /// Only mentions dated on or after this day (YYYY-MM-DD).
    #[arg(long, value_parser = super::parse_date)]
    since: Option<NaiveDate>,
    /// Only mentions dated on or before this day.
    #[arg(long, value_parser = super::parse_date)]
    until: Option<NaiveDate>,
    /// Only the actors within --hops edges of this one (any name or alias), in
    /// either direction, and the edges among them.
    #[arg(long, value_name = "ACTOR")]
    actor: Option<String>,
    /// How far from --actor to go.
    #[arg(long, value_name = "N", default_value_t = 1, requires = "actor")]
    hops: usize,
}

impl FilterArgs {
    /// The loaded graph cut down as asked.
    pub fn select(&self, g: &Loaded) -> Result<Graph, Failure> {
        Ok(export::select(&g.graph, &self.options(g)?))
    }

    fn options(&self, g: &Loaded) -> Result<Options, Failure> {
        let mut relations = g.relations(&self.relations)?;
        if self.pressure {
            let pressure = g.pressure();
            relations = Some(match relations {
                Some(r) => r.intersection(&pressure).cloned().collect(),
                None => pressure,
            });
        }
        let filter = crate::query::Filter {
            since: self.since,
            until: self.until,
            ..g.filter(relations)
        };
        let ego = match &self.actor {
            Some(name) => Some(Ego {
                center: g.actor(name)?,
                hops: self.hops,
            }),
            None => None,
        };
        Ok(Options {
            filter,
            min_count: self.min_count,
            ego,
        })
    }
}

/// How the DOT is drawn.
#[derive(Debug, Args)]
pub struct DotArgs {
    /// Draw persons and bodies inside a box for their country (DOT).
    #[arg(long)]
    cluster: bool,
    /// Leave the legend out (DOT).
    #[arg(long)]
    no_legend: bool,
}

impl DotArgs {
    pub fn style(&self) -> dot::Style {
        dot::Style {
            cluster: self.cluster,
            no_legend: self.no_legend,
        }
    }
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Dot)]
    format: Format,
    /// Write to FILE (atomically) instead of standard output. With --format csv,
    /// FILE names three files: FILE.nodes.csv and FILE.edges.csv for neo4j-admin
    /// import, and the flat FILE.csv (a trailing .csv of FILE is dropped first).
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    filters: FilterArgs,
    #[command(flatten)]
    dot: DotArgs,
    #[command(flatten)]
    graph: GraphArgs,
}

pub fn run(args: ExportArgs) -> Result<u8, Failure> {
    let g = args.graph.load()?;
    let mut options = args.filters.options(&g)?;
    if args.format == Format::Ron {
        // The graph file keeps every mood, as `build` writes it: queries on the file
        // choose their moods, and an unfiltered export is the file itself.
        options.filter.all_moods = true;
    }
    let selected = export::select(&g.graph, &options);
    let format = match args.format {
        Format::Dot => export::Format::Dot,
        Format::Ron => export::Format::Ron,
        Format::Json => export::Format::Json,
        Format::Graphml => export::Format::Graphml,
        Format::Csv => export::Format::Csv,
    };
    let mut stdout = io::stdout().lock();
    let written = export::write(
        &selected,
        g.extractor.schema(),
        format,
        &args.dot.style(),
        args.output.as_deref(),
        &mut stdout,
    );
    match written {
        Ok(_) => Ok(g.code()),
        Err(export::ExportError::Write { source, .. }) if args.output.is_none() => {
            super::query::finish(Err(source)).map(|_| g.code())
        }
        Err(e) => Err(Failure::input(e.to_string())),
    }
}
