//! `whowhom extract`: the triple stream of `shared/spec/triples.md`.

use super::output::{is_broken_pipe, table};
use super::pipeline;
use super::progress::Progress;
use super::{Failure, InputArgs, StderrReport};
use crate::corpus::{Article, ReadOptions};
use crate::extract::Extractor;
use crate::triple::Triple;
use clap::{Args, ValueEnum};
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Jsonl,
    Table,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Also print hypothetical and negated triples (default: facts only).
    #[arg(long)]
    all_moods: bool,
}

/// Articles extracted in parallel per batch; output order stays the input order.
const BATCH: usize = 64;

pub fn run(args: ExtractArgs) -> Result<u8, Failure> {
    args.input.init_threads();
    let extractor = args.input.extractor().map_err(|m| Failure {
        message: m,
        code: 1,
    })?;
    let options = ReadOptions {
        default_date: args.input.date,
        max_article_bytes: args.input.max_article_mb.saturating_mul(1024 * 1024),
    };
    let mut report = StderrReport::default();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut rows = Vec::new();
    let paths = args.input.paths();
    let progress = Progress::new(&paths, args.input.quiet);
    let extracted = extract_each(&paths, options, &extractor, &mut report, &progress, |t| {
        if !(args.all_moods || t.mood.is_fact()) {
            return Ok(());
        }
        match args.format {
            Format::Jsonl => serde_json::to_writer(&mut out, t)
                .map_err(io::Error::from)
                .and_then(|_| out.write_all(b"\n")),
            Format::Table => {
                rows.push(table_row(t));
                Ok(())
            }
        }
    });
    if let Err(e) = extracted {
        return write_failed(e);
    }
    progress.finish();
    if args.format == Format::Table {
        let header = [
            "doc", "sent", "subject", "relation", "object", "mood", "theme", "date",
        ];
        if let Err(e) = table(&mut out, &header, &rows) {
            return write_failed(e);
        }
    }
    if let Err(e) = out.flush() {
        return write_failed(e);
    }
    // The process ends with this command: the extractor's tables (tries, name maps)
    // are tens of thousands of allocations, freed one by one for nothing (10 M
    // instructions, a twentieth of start-up).
    std::mem::forget(extractor);
    Ok(if report.skipped > 0 { 1 } else { 0 })
}

/// Read `paths` and hand every triple of every article (all moods) to `each`, in input
/// order, reporting bad input to `report`; the first error of `each` ends the run.
pub fn extract_each<E>(
    paths: &[PathBuf],
    options: ReadOptions,
    extractor: &Extractor,
    report: &mut StderrReport,
    progress: &Progress,
    mut each: impl FnMut(&Triple) -> Result<(), E>,
) -> Result<(), E> {
    let work = |a: &Article| extractor.extract(a);
    pipeline::in_input_order(paths, options, BATCH, report, progress, work, |triples| {
        triples.iter().flatten().try_for_each(&mut each)
    })
}

fn write_failed(e: io::Error) -> Result<u8, Failure> {
    if is_broken_pipe(&e) {
        Ok(0)
    } else {
        Err(Failure::input(format!("cannot write output: {e}")))
    }
}

fn table_row(t: &Triple) -> Vec<String> {
    vec![
        t.doc.clone(),
        t.sentence.to_string(),
        t.subject.name.to_string(),
        t.relation.clone(),
        t.object.display_name().to_string(),
        t.mood.to_string(),
        t.theme.clone().unwrap_or_default(),
        t.event_date
            .or(t.date)
            .map(|d| d.to_string())
            .unwrap_or_default(),
    ]
}
