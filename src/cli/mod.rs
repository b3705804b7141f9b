//! The command-line interface: one module per subcommand, each short, each calling
//! into the library. This module owns argument parsing, loading the schema and the
//! gazetteer, and turning problems into messages and exit codes.

mod actors;
mod build;
mod eval;
mod export;
mod extract;
mod neighbors;
mod output;
mod path;
mod pipeline;
mod progress;
mod query;
mod render;
mod stats;

use crate::diag::{Problem, Report, Severity};
use crate::extract::Extractor;
use crate::gazetteer::{Format, Gazetteer, UserFile};
use crate::schema::Schema;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Who did what to whom: a knowledge graph of news.
#[derive(Debug, Parser)]
#[command(name = "whowhom", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the triples of articles as JSON Lines (or a table).
    Extract(extract::ExtractArgs),
    /// Build a graph file from articles, or add articles to one.
    Build(build::BuildArgs),
    /// Who pressured whom.
    Query(query::QueryArgs),
    /// The shortest path between two actors (or all paths up to a length).
    Path(path::PathArgs),
    /// Every relation an actor has.
    Neighbors(neighbors::NeighborsArgs),
    /// List the actors found in articles, or explain how a mention resolves.
    Actors(actors::ActorsArgs),
    /// Graph statistics.
    Stats(stats::StatsArgs),
    /// Export the graph (dot, ron, json, graphml, csv).
    Export(export::ExportArgs),
    /// Render the graph with Graphviz (svg, png, pdf).
    Render(render::RenderArgs),
    /// Score the extractor (or a triple stream) on a gold set: precision, recall, F1.
    Eval(eval::EvalArgs),
}

/// Options shared by every command that reads articles.
#[derive(Debug, Args, Clone)]
pub struct InputArgs {
    /// Article files (.txt, .jsonl) or directories; default: data/corpus.
    pub inputs: Vec<PathBuf>,
    /// Date of articles that carry none (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// Relation schema file (RON); default: the built-in schema/relations.ron.
    #[arg(long, value_name = "FILE")]
    pub schema: Option<PathBuf>,
    /// Actor dictionary over the built-in gazetteer; repeatable, later files win: RON
    /// (the schema of data/actors.ron), CSV/TSV (alias,id,name,kind,country,role,from,
    /// until), or CAMEO (*.actors.txt, *.agents.txt).
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Vec<PathBuf>,
    /// Format of every --gazetteer file, instead of telling it by the name.
    #[arg(long, value_name = "ron|csv|tsv|cameo", value_parser = Format::parse)]
    pub gazetteer_format: Option<Format>,
    /// Use the --gazetteer files alone, without the built-in gazetteer.
    #[arg(long)]
    pub no_builtin_gazetteer: bool,
    /// Load no dictionary that has a problem: report them all and exit 1.
    #[arg(long)]
    pub strict: bool,
    /// Extraction threads (default: all cores). `extract` and `eval` read the input
    /// and write the output on the main thread beside them.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Largest .txt article read, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = 256)]
    pub max_article_mb: u64,
    /// No progress output.
    #[arg(long, short)]
    pub quiet: bool,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| format!("{s:?} is not a YYYY-MM-DD date: {e}"))
}

/// The default input when none is given.
pub const DEFAULT_CORPUS: &str = "data/corpus";

impl InputArgs {
    /// The inputs, or the default corpus.
    pub fn paths(&self) -> Vec<PathBuf> {
        if self.inputs.is_empty() {
            vec![PathBuf::from(DEFAULT_CORPUS)]
        } else {
            self.inputs.clone()
        }
    }

    /// Compile the extractor from the chosen schema and the gazetteer.
    pub fn extractor(&self) -> Result<Extractor, String> {
        let schema = match &self.schema {
            None => Schema::builtin(),
            Some(p) => {
                let text = std::fs::read_to_string(p)
                    .map_err(|e| format!("{}: cannot read: {e}", p.display()))?;
                Schema::parse(&p.display().to_string(), &text)
            }
        }
        .map_err(|e| e.to_string())?;
        Ok(Extractor::new(schema, self.gazetteer()?))
    }

    /// The built-in gazetteer with the user's dictionaries over it. Their problems are
    /// printed as warnings (the rest loads) or, with `--strict`, fail the run.
    pub fn gazetteer(&self) -> Result<Gazetteer, String> {
        let mut files = Vec::new();
        let mut problems = Vec::new();
        for p in &self.gazetteer {
            let (file, problem) = UserFile::read(p, self.gazetteer_format)?;
            files.extend([file]);
            problems.extend(problem);
        }
        let (gazetteer, more) = Gazetteer::with_user_files(!self.no_builtin_gazetteer, &files)
            .map_err(|e| e.to_string())?;
        problems.extend(more);
        let label = if self.strict { "error" } else { "warning" };
        for p in &problems {
            eprintln!("whowhom: {label}: {p}");
        }
        if self.strict && !problems.is_empty() {
            return Err(format!(
                "{} problem(s) in the dictionaries; nothing loaded (--strict)",
                problems.len()
            ));
        }
        Ok(gazetteer)
    }

    /// Configure the global thread pool once.
    pub fn init_threads(&self) {
        if let Some(n) = self.threads {
            // An error means the pool exists already, which is fine for a CLI run.
            let _ = rayon::ThreadPoolBuilder::new()
                .num_threads(n.max(1))
                .build_global();
        }
    }
}

/// Prints problems to stderr as they come and remembers whether input was skipped.
#[derive(Debug, Default)]
pub struct StderrReport {
    pub skipped: usize,
    pub warnings: usize,
}

impl Report for StderrReport {
    fn report(&mut self, problem: Problem) {
        match problem.severity {
            Severity::Skipped => self.skipped += 1,
            Severity::Warning => self.warnings += 1,
        }
        eprintln!("whowhom: {problem}");
    }
}

/// A command's failure: what to tell the user and the exit code.
pub struct Failure {
    pub message: String,
    pub code: u8,
}

impl Failure {
    pub fn input(message: impl Into<String>) -> Self {
        Failure {
            message: message.into(),
            code: 1,
        }
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Build(args) => build::run(args),
        Command::Query(args) => query::run(args),
        Command::Path(args) => path::run(args),
        Command::Neighbors(args) => neighbors::run(args),
        Command::Actors(args) => actors::run(args),
        Command::Stats(args) => stats::run(args),
        Command::Export(args) => export::run(args),
        Command::Render(args) => render::run(args),
        Command::Eval(args) => eval::run(args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(f) => {
            if !f.message.is_empty() {
                eprintln!("whowhom: {}", f.message);
            }
            ExitCode::from(f.code)
        }
    }
}
