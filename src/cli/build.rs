//! `whowhom build`: articles into a graph file, new (`-o`) or grown (`--into`).
//!
//! Also the in-memory build that queries run when given INPUTS instead of `--graph`.

use super::progress::Progress;
use super::{Failure, InputArgs, StderrReport};
use crate::corpus::{read_inputs, Article, ReadOptions};
use crate::diag::{Place, Problem, Report};
use crate::extract::Extractor;
use crate::graph::{Added, Graph, Merge};
use crate::triple::{ActorRef, Object, Triple};
use clap::{ArgGroup, Args};
use rayon::prelude::*;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use xxhash_rust::xxh3::Xxh3;

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("target").required(true).args(["output", "into"])))]
pub struct BuildArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Write a new graph file (replacing any file there).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Add the articles to this existing graph file.
    #[arg(long, value_name = "FILE")]
    into: Option<PathBuf>,
}

/// What a build did to the documents.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub added: usize,
    pub unchanged: usize,
    pub replaced: usize,
}

/// A batch's (content hash, triples), article by article.
type Extracted = Vec<(u64, Vec<Triple>)>;

/// Articles extracted in parallel per batch; they are merged in input order. Larger
/// batches leave the two sides of the pipeline less often waiting for each other
/// (256 rather than 64: 100 MB in 3.3–3.4 s instead of 3.8–3.9); the reader's byte
/// budget keeps three batches of very long articles from filling memory.
const BATCH: usize = 256;

pub fn run(args: BuildArgs) -> Result<u8, Failure> {
    args.input.init_threads();
    let extractor = args.input.extractor().map_err(Failure::input)?;
    // Held until the grown graph is saved: another `build --into` of the same file
    // waits here rather than reading the graph this one is about to replace.
    let mut _lock = None;
    let (mut graph, path) = match (&args.output, &args.into) {
        (_, Some(into)) => {
            // A missing graph is reported by `load`, without a lock file left beside it.
            if into.exists() {
                _lock = Some(lock_graph(into).map_err(Failure::input)?);
            }
            (
                Graph::load(into, &mut StderrReport::default())
                    .map_err(|e| Failure::input(e.to_string()))?,
                into,
            )
        }
        (Some(out), None) => (Graph::new(extractor.schema()), out),
        (None, None) => return Err(Failure::input("give -o FILE or --into FILE")),
    };
    let mut report = StderrReport::default();
    let progress = Progress::new(&args.input.paths(), args.input.quiet);
    let counts = merge_inputs_with(&args.input, &extractor, &mut graph, &mut report, &progress);
    progress.finish();
    graph
        .save(path)
        .map_err(|e| Failure::input(e.to_string()))?;
    if !args.input.quiet {
        eprintln!(
            "whowhom: {}: {} document(s) added, {} unchanged, {} replaced; {} nodes, {} edges",
            path.display(),
            counts.added,
            counts.unchanged,
            counts.replaced,
            graph.node_count(),
            graph.edge_count()
        );
    }
    // The process ends with this command: freeing the graph's millions of small
    // allocations one by one took 0.6 s after a 1 GB build, and the operating system
    // takes the memory back at once. (The lock, and with it the file, are released.)
    std::mem::forget(graph);
    std::mem::forget(extractor);
    Ok(if report.skipped > 0 { 1 } else { 0 })
}

/// Take the advisory lock that serialises read-modify-write of a graph file across
/// processes (`flock` on Unix, `LockFileEx` on Windows, through `std::fs::File::lock`).
///
/// The lock is on a sidecar file (`graph.ron.lock`), not the graph: saving renames a
/// new file over the graph, and a lock on the old inode would guard nothing. The
/// sidecar is left in place; removing it would race with a process about to lock it.
/// The operating system drops the lock when the process ends, however it ends.
fn lock_graph(graph: &Path) -> Result<std::fs::File, String> {
    let mut name = graph.as_os_str().to_owned();
    name.push(".lock");
    let path = PathBuf::from(name);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| format!("{}: cannot open the lock file: {e}", path.display()))?;
    file.lock()
        .map_err(|e| format!("{}: cannot lock: {e}", path.display()))?;
    Ok(file)
}

/// Read, extract and merge every input article into `graph`.
pub fn merge_inputs(
    input: &InputArgs,
    extractor: &Extractor,
    graph: &mut Graph,
    report: &mut StderrReport,
) -> Counts {
    merge_inputs_with(input, extractor, graph, report, &Progress::silent())
}

/// [`merge_inputs`], showing `progress`.
fn merge_inputs_with(
    input: &InputArgs,
    extractor: &Extractor,
    graph: &mut Graph,
    report: &mut StderrReport,
    progress: &Progress,
) -> Counts {
    let options = ReadOptions {
        default_date: input.date,
        max_article_bytes: input.max_article_mb.saturating_mul(1024 * 1024),
    };
    let mut counts = Counts::default();
    let mut seen = Vec::new();
    let mut inputs = read_inputs(&input.paths(), options);
    let mut read = |report: &mut StderrReport| {
        let mut batch: Vec<Box<Article>> = Vec::with_capacity(BATCH);
        inputs.next_batch(&mut batch, BATCH, |p| progress.suspend(|| report.report(p)));
        batch
    };
    // A pipeline of three batches: while batch n is extracted in parallel, batch n - 1
    // is merged and batch n + 1 read, on one thread, in input order. Merging and
    // reading are serial (the graph and the input are one each), but no longer leave
    // the other threads idle; work stealing gives the merging thread extraction work
    // when it is done.
    // The loop runs on a pool thread, not the caller's: a join called from outside
    // the pool is queued to it while the caller sleeps, a round of waking threads per
    // batch (100 MB: 1,500 involuntary context switches before, 140 after; median
    // wall 3.43 -> 3.31 s in six alternating runs).
    rayon::scope(|_| {
        // One merge for the whole input: each edge's evidence is sorted once, at the end.
        let mut merge = graph.merge();
        let mut next = read(report);
        let mut pending: Option<(Vec<Box<Article>>, Extracted)> = None;
        while !next.is_empty() || pending.is_some() {
            let current = std::mem::take(&mut next);
            let (after, (current, extracted)) = rayon::join(
                || {
                    if let Some((batch, extracted)) = pending.take() {
                        merge_batch(
                            &mut merge,
                            &batch,
                            extracted,
                            &mut seen,
                            &mut counts,
                            report,
                            progress,
                        );
                    }
                    read(report)
                },
                || {
                    let extracted: Vec<(u64, Vec<Triple>)> = current
                        .par_iter()
                        // One article a task: articles differ in length, and small tasks
                        // let the merging thread take extraction work once it is done.
                        .with_max_len(1)
                        .map(|a| (content_hash(a), date_free(extractor, extractor.extract(a))))
                        .collect();
                    (current, extracted)
                },
            );
            next = after;
            pending = (!current.is_empty()).then_some((current, extracted));
        }
        drop(merge);
    });
    counts
}

/// Merge one extracted batch, in input order. `seen` marks, by their place in the
/// graph's document table, the documents this run has merged: a set of their ids
/// held a copy of every id of the input (2.4 million at 1 GB).
fn merge_batch(
    merge: &mut Merge,
    batch: &[Box<Article>],
    extracted: Extracted,
    seen: &mut Vec<bool>,
    counts: &mut Counts,
    report: &mut StderrReport,
    progress: &Progress,
) {
    for (a, (hash, triples)) in batch.iter().zip(extracted) {
        let (added, doc) = merge.add_document_at(&a.id, hash, a.date, &triples);
        if seen.len() <= doc {
            seen.resize(doc + 1, false);
        }
        let twice = std::mem::replace(&mut seen[doc], true);
        match added {
            Added::New => counts.added += 1,
            Added::Unchanged => counts.unchanged += 1,
            Added::Replaced => {
                counts.replaced += 1;
                if twice {
                    progress.suspend(|| {
                        report.report(Problem::warning(
                            Path::new(&a.id),
                            Place::File,
                            "two articles have this id; the later replaces the earlier",
                        ))
                    });
                }
            }
        }
    }
    progress.advance(batch);
}

/// xxh3 of what an article says: its texts, which field each is, and its date (a
/// changed date changes every evidence date, so it is a changed document).
///
/// The hash is stored in graph files, so its bytes are fixed: they are formatted
/// straight into the hasher rather than into a `String` each.
fn content_hash(a: &Article) -> u64 {
    let mut h = HashWriter(Xxh3::new());
    for f in a.fields() {
        // Writing into a hasher cannot fail.
        let _ = write!(h, "{:?}:{}:", f.kind, f.text.len());
        h.0.update(f.text.as_bytes());
    }
    let _ = write!(h, "date:{:?}", a.date);
    h.0.digest()
}

/// Text formatted into a hasher.
struct HashWriter(Xxh3);

impl std::fmt::Write for HashWriter {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.update(s.as_bytes());
        Ok(())
    }
}

/// Describe actors without the date: a person's node then has one country however
/// the documents are ordered or split between builds.
fn date_free(extractor: &Extractor, mut triples: Vec<Triple>) -> Vec<Triple> {
    let fix = |a: &mut ActorRef| {
        if let Some(id) = extractor.gazetteer().by_key(&a.id) {
            *a = extractor.actor_ref(id, None);
        }
    };
    for t in &mut triples {
        fix(&mut t.subject);
        if let Object::Actor(o) = &mut t.object {
            fix(o);
        }
    }
    triples
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Field, FieldKind};
    use chrono::NaiveDate;

    /// The hash as it was first written, through a `String` per piece: graph files
    /// hold it, so it must not change.
    fn content_hash_by_format(a: &Article) -> u64 {
        let mut h = Xxh3::new();
        for f in a.fields() {
            h.update(format!("{:?}:{}:", f.kind, f.text.len()).as_bytes());
            h.update(f.text.as_bytes());
        }
        h.update(format!("date:{:?}", a.date).as_bytes());
        h.digest()
    }

    #[test]
    fn content_hash_is_the_hash_graph_files_hold() {
        let field = |kind, text: &str| Field::new(kind, text.to_string(), Default::default(), 0);
        let articles = [
            Article {
                id: "a".into(),
                date: None,
                title: None,
                body: field(FieldKind::Body, "Russia warned NATO."),
            },
            Article {
                id: "b".into(),
                date: NaiveDate::from_ymd_opt(2022, 1, 21),
                title: Some(field(FieldKind::Title, "Warning")),
                body: field(FieldKind::Body, "Russia warned NATO on Friday."),
            },
            Article {
                id: "c".into(),
                date: NaiveDate::from_ymd_opt(-12, 12, 31),
                title: None,
                body: field(FieldKind::Body, ""),
            },
        ];
        for a in &articles {
            assert_eq!(content_hash(a), content_hash_by_format(a), "{}", a.id);
        }
        assert_eq!(content_hash(&articles[1]), 9_929_320_419_706_300_494);
    }
}
