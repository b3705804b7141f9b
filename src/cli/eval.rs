//! `whowhom eval`: the extractor scored on a gold set, as `shared/eval/score.py` would
//! score its triple stream.

use super::extract::extract_each;
use super::output::{is_broken_pipe, table};
use super::progress::Progress;
use super::{Failure, InputArgs, StderrReport};
use crate::corpus::ReadOptions;
use crate::diag::{Place, Problem};
use crate::eval::{Gold, Level, Listed, Outcome, Scorer, Scores};
use clap::Args;
use serde::Serialize;
use std::convert::Infallible;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, Args)]
#[command(mut_arg("inputs", |a| a.help(
    "Article files (.txt, .jsonl) or directories to extract; default: GOLD_DIR/articles."
)))]
pub struct EvalArgs {
    /// The gold set: gold.jsonl, actors.json, docs.txt (optional), articles/.
    #[arg(value_name = "GOLD_DIR")]
    gold: PathBuf,
    #[command(flatten)]
    input: InputArgs,
    /// Score this triple stream (JSON Lines) instead of extracting INPUTS.
    #[arg(long, value_name = "FILE", conflicts_with = "inputs")]
    predictions: Option<PathBuf>,
    /// Also list the missed and spurious triples (strict).
    #[arg(long, short)]
    verbose: bool,
    /// Print the figures as JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(args: EvalArgs) -> Result<u8, Failure> {
    let gold = Gold::load(&args.gold).map_err(|e| Failure::input(e.to_string()))?;
    let mut scorer = Scorer::new(&gold);
    let skipped = match &args.predictions {
        Some(path) => score_file(path, &mut scorer)?,
        None => score_extracted(&args, &mut scorer)?,
    };
    let outcome = scorer.finish();
    let mut out = BufWriter::new(io::stdout().lock());
    let written = if args.json {
        json(&mut out, &outcome, args.verbose)
    } else {
        report(&mut out, &outcome, args.verbose)
    };
    match written.and_then(|_| out.flush()) {
        Err(e) if !is_broken_pipe(&e) => {
            return Err(Failure::input(format!("cannot write output: {e}")))
        }
        _ => {}
    }
    Ok(if skipped > 0 { 1 } else { 0 })
}

/// Score a triple stream; the number of lines that could not be scored.
fn score_file(path: &Path, scorer: &mut Scorer) -> Result<usize, Failure> {
    let bytes = std::fs::read(path)
        .map_err(|e| Failure::input(format!("{}: cannot read: {e}", path.display())))?;
    // score.py reads with errors="replace"; the warning is ours.
    if let Err(e) = std::str::from_utf8(&bytes) {
        let at = Place::Byte(e.valid_up_to());
        let why = "invalid UTF-8; read as U+FFFD";
        eprintln!("whowhom: {}", Problem::warning(path, at, why));
    }
    let mut skipped = 0;
    scorer.add_stream(&String::from_utf8_lossy(&bytes), |line, why| {
        skipped += 1;
        eprintln!(
            "whowhom: {}",
            Problem::skipped(path, Place::Line(line), why.0)
        );
    });
    Ok(skipped)
}

/// Extract INPUTS (or the gold set's articles) and score every triple; the number of
/// inputs skipped.
fn score_extracted(args: &EvalArgs, scorer: &mut Scorer) -> Result<usize, Failure> {
    let input: &InputArgs = &args.input;
    let paths = if input.inputs.is_empty() {
        let articles = args.gold.join("articles");
        if !articles.is_dir() {
            return Err(Failure::input(format!(
                "{}: no articles/ directory; give the articles it annotates as INPUTS",
                args.gold.display()
            )));
        }
        vec![articles]
    } else {
        input.inputs.clone()
    };
    input.init_threads();
    let extractor = input.extractor().map_err(Failure::input)?;
    let options = ReadOptions {
        default_date: input.date,
        max_article_bytes: input.max_article_mb.saturating_mul(1024 * 1024),
    };
    let mut report = StderrReport::default();
    let mut unscored = 0;
    let progress = Progress::new(&paths, input.quiet);
    let done = extract_each(&paths, options, &extractor, &mut report, &progress, |t| {
        // Cannot happen for the extractor's own triples; reported all the same.
        if let Err(why) = scorer.add_triple(t) {
            unscored += 1;
            let p = Problem::skipped(Path::new(&t.doc), Place::File, why.0);
            progress.suspend(|| eprintln!("whowhom: {p}"));
        }
        Ok::<(), Infallible>(())
    });
    progress.finish();
    match done {
        Ok(()) => Ok(report.skipped + unscored),
        Err(never) => match never {},
    }
}

/// score.py's lines, then a table by relation, then (verbose) what was missed and
/// what was not in gold.
fn report(out: &mut impl Write, o: &Outcome, verbose: bool) -> io::Result<()> {
    let s = &o.scores;
    for level in Level::ALL {
        let x = s.level(level);
        writeln!(
            out,
            "{:8} P={:.3} R={:.3} F1={:.3} (tp={} pred={} gold={})",
            level.as_str(),
            x.p,
            x.r,
            x.f1,
            x.tp,
            x.pred,
            x.gold
        )?;
    }
    if s.bad_lines > 0 {
        writeln!(out, "unreadable lines: {}", s.bad_lines)?;
    }
    if let Some(first) = o.ignored.first() {
        writeln!(
            out,
            "ignored: triples of {} documents this gold set does not score (e.g. {first:?}; \
             `doc` must be the file name or JSONL id)",
            s.ignored_docs
        )?;
    }
    if !s.relations.is_empty() {
        writeln!(out, "\nstrict, by relation:")?;
        let rows: Vec<Vec<String>> = s
            .relations
            .iter()
            .map(|(r, x)| {
                vec![
                    r.clone(),
                    x.tp.to_string(),
                    x.pred.to_string(),
                    x.gold.to_string(),
                    format!("{:.3}", x.p),
                    format!("{:.3}", x.r),
                    format!("{:.3}", x.f1),
                ]
            })
            .collect();
        table(
            out,
            &["relation", "tp", "pred", "gold", "P", "R", "F1"],
            &rows,
        )?;
    }
    if verbose {
        listed(out, "missed", &o.missed, false)?;
        listed(out, "spurious", &o.spurious, true)?;
    }
    Ok(())
}

fn listed(out: &mut impl Write, what: &str, triples: &[Listed], traps: bool) -> io::Result<()> {
    writeln!(out, "\n{what} (strict): {}", triples.len())?;
    if triples.is_empty() {
        return Ok(());
    }
    let mut header = vec!["doc", "subject", "relation", "object"];
    if traps {
        header.push("trap");
    }
    header.push("evidence");
    let rows: Vec<Vec<String>> = triples
        .iter()
        .map(|t| {
            let mut row = vec![
                t.doc.clone(),
                t.subject.clone(),
                t.relation.clone(),
                t.object.clone(),
            ];
            if traps {
                row.push(t.trap.clone().unwrap_or_default());
            }
            row.push(t.evidence.clone().unwrap_or_default());
            row
        })
        .collect();
    table(out, &header, &rows)
}

/// score.py's `--json` object, with the relations and (verbose) the lists.
fn json(out: &mut impl Write, o: &Outcome, verbose: bool) -> io::Result<()> {
    #[derive(Serialize)]
    struct Json<'a> {
        #[serde(flatten)]
        scores: &'a Scores,
        #[serde(skip_serializing_if = "Option::is_none")]
        missed: Option<&'a [Listed]>,
        #[serde(skip_serializing_if = "Option::is_none")]
        spurious: Option<&'a [Listed]>,
    }
    serde_json::to_writer(
        &mut *out,
        &Json {
            scores: &o.scores,
            missed: verbose.then_some(o.missed.as_slice()),
            spurious: verbose.then_some(o.spurious.as_slice()),
        },
    )
    .map_err(io::Error::from)?;
    writeln!(out)
}
