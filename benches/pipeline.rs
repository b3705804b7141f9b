//! Criterion benches of each stage of the pipeline, on the sample articles of
//! `data/corpus` (real news text, read through the corpus reader as a run reads it), or
//! on the articles under `WHOWHOM_BENCH_CORPUS`.
//!
//! Groups, in pipeline order:
//! * `text`: sentence splitting and tokenization of every article;
//! * `mentions`: the name automaton over each tokenized sentence;
//! * `triggers`: the trigger lexicon over each tokenized sentence;
//! * `analyse`: per-sentence analysis (tokens, mentions, triggers, phrases, grammar);
//! * `extract`: whole articles to triples: analysis plus resolution (resolution has no
//!   public entry of its own; it is the difference between `extract` and `analyse`);
//! * `graph`: merging documents into a graph, the RON file written and loaded, DOT.
//!
//! Text stages report throughput in bytes of article text, so their numbers compare
//! with the MB/s of `scripts/scale.sh`. Run with `cargo bench -- --quick` for a fast
//! pass (docs/performance.md).

mod common;

use common::{articles, sentences};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;
use whowhom::corpus::Article;
use whowhom::export::dot;
use whowhom::extract::{Extractor, Lexicon, MentionFinder};
use whowhom::gazetteer::Gazetteer;
use whowhom::gazetteer::UserFile;
use whowhom::graph::Graph;
use whowhom::schema::Schema;
use whowhom::text::{split_sentences, tokenize};
use whowhom::triple::{Object, Triple};

/// Copies of the sample corpus's triples merged for the graph benches; each copy gets
/// its own actors, so the graph grows in edges, not just in evidence.
const GRAPH_COPIES: usize = 200;

fn text_bytes(articles: &[Article]) -> u64 {
    articles
        .iter()
        .flat_map(|a| a.fields())
        .map(|f| f.text.len() as u64)
        .sum()
}

fn compile_extractor() -> Extractor {
    Extractor::new(
        Schema::builtin().expect("built-in schema"),
        Gazetteer::builtin().expect("built-in gazetteer"),
    )
}

fn text_stages(c: &mut Criterion) {
    let articles = articles(|p| panic!("sample corpus: {p}"));
    eprintln!(
        "text benches: {} articles, {} sentences, {} bytes of text",
        articles.len(),
        sentences(&articles).len(),
        text_bytes(&articles)
    );
    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::Bytes(text_bytes(&articles)));
    g.bench_function("split_sentences", |b| {
        b.iter(|| {
            let mut n = 0;
            for f in articles.iter().flat_map(|a| a.fields()) {
                for region in &f.regions {
                    n += split_sentences(&f.text, *region).len();
                }
            }
            black_box(n)
        })
    });
    g.bench_function("split_and_tokenize", |b| {
        b.iter(|| {
            let mut n = 0;
            for f in articles.iter().flat_map(|a| a.fields()) {
                for region in &f.regions {
                    for s in split_sentences(&f.text, *region) {
                        n += tokenize(&f.text, s).len();
                    }
                }
            }
            black_box(n)
        })
    });
    g.finish();
}

fn sentence_stages(c: &mut Criterion) {
    let articles = articles(|p| panic!("sample corpus: {p}"));
    let sentences = sentences(&articles);
    let bytes: u64 = sentences.iter().map(|(_, s, _)| s.len() as u64).sum();
    let schema = Schema::builtin().expect("built-in schema");
    let gazetteer = Gazetteer::builtin().expect("built-in gazetteer");
    let extractor = compile_extractor();

    let mut g = c.benchmark_group("sentences");
    g.throughput(Throughput::Bytes(bytes));
    let finder = MentionFinder::new(&gazetteer);
    g.bench_function("mentions", |b| {
        b.iter(|| {
            let mut n = 0;
            for (text, span, tokens) in &sentences {
                // Lower-casing is part of the name stage's cost here (as for triggers
                // below; analyse does it once for both).
                let lower: Vec<String> =
                    tokens.iter().map(|t| t.text(text).to_lowercase()).collect();
                n += finder.find(text, *span, tokens, &lower).len();
            }
            black_box(n)
        })
    });
    let lexicon = Lexicon::new(&schema);
    g.bench_function("triggers", |b| {
        b.iter(|| {
            let mut n = 0;
            for (text, _, tokens) in &sentences {
                // Lower-casing is part of the trigger stage's cost (analyse does it once).
                let lower: Vec<String> =
                    tokens.iter().map(|t| t.text(text).to_lowercase()).collect();
                n += lexicon.find(text, tokens, &lower, &[]).len();
            }
            black_box(n)
        })
    });
    let no_surnames = whowhom::extract::Surnames::default();
    g.bench_function("analyse", |b| {
        b.iter(|| {
            let mut n = 0;
            for (text, span, _) in &sentences {
                n += extractor
                    .analyse(text, *span, false, &no_surnames)
                    .events
                    .len();
            }
            black_box(n)
        })
    });
    g.finish();
}

fn extract_stage(c: &mut Criterion) {
    let articles = articles(|p| panic!("sample corpus: {p}"));
    let extractor = compile_extractor();
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(text_bytes(&articles)));
    g.bench_function("articles", |b| {
        b.iter(|| {
            let n: usize = articles.iter().map(|a| extractor.extract(a).len()).sum();
            black_box(n)
        })
    });
    g.finish();

    // Issue #10: extraction with the four Phoenix dictionaries loaded should stay
    // within 20% of extraction without them.
    let dicts = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/dicts");
    let names = [
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
        "Phoenix.agents.txt",
    ];
    let files: Option<Vec<UserFile>> = names
        .iter()
        .map(|n| UserFile::read(&dicts.join(n), None).ok().map(|(f, _)| f))
        .collect();
    match files.and_then(|f| Gazetteer::with_user_files(true, &f).ok()) {
        Some((gazetteer, _warnings)) => {
            let with_phoenix =
                Extractor::new(Schema::builtin().expect("built-in schema"), gazetteer);
            let mut g = c.benchmark_group("extract_with_phoenix");
            g.throughput(Throughput::Bytes(text_bytes(&articles)));
            g.bench_function("articles", |b| {
                b.iter(|| {
                    let n: usize = articles.iter().map(|a| with_phoenix.extract(a).len()).sum();
                    black_box(n)
                })
            });
            g.finish();
        }
        None => eprintln!("skipping extract_with_phoenix: ../shared/dicts/Phoenix.* not found"),
    }

    // Compiling the lexicon and the name automaton: once per run, but on every run.
    let mut g = c.benchmark_group("startup");
    g.sample_size(10);
    g.bench_function("extractor_new", |b| {
        b.iter(|| black_box(compile_extractor()))
    });
    g.finish();
}

/// The triples of every sample article, `GRAPH_COPIES` times over, each copy with its
/// own actor ids and document id.
fn documents() -> Vec<(String, Option<chrono::NaiveDate>, Vec<Triple>)> {
    let articles = articles(|p| panic!("sample corpus: {p}"));
    let extractor = compile_extractor();
    let extracted: Vec<_> = articles.iter().map(|a| extractor.extract(a)).collect();
    let mut docs = Vec::new();
    for copy in 0..GRAPH_COPIES {
        for (a, triples) in articles.iter().zip(&extracted) {
            let mut triples = triples.clone();
            for t in &mut triples {
                t.subject.id = format!("{}~{copy}", t.subject.id).into();
                t.subject.name = format!("{} {copy}", t.subject.name).into();
                if let Object::Actor(o) = &mut t.object {
                    o.id = format!("{}~{copy}", o.id).into();
                    o.name = format!("{} {copy}", o.name).into();
                }
                t.doc = format!("{}#{copy}", a.id);
            }
            docs.push((format!("{}#{copy}", a.id), a.date, triples));
        }
    }
    docs
}

fn merge(schema: &Schema, docs: &[(String, Option<chrono::NaiveDate>, Vec<Triple>)]) -> Graph {
    let mut graph = Graph::new(schema);
    for (i, (id, date, triples)) in docs.iter().enumerate() {
        graph.add_document(id, i as u64, *date, triples);
    }
    graph
}

fn graph_stages(c: &mut Criterion) {
    let schema = Schema::builtin().expect("built-in schema");
    let docs = documents();
    let graph = merge(&schema, &docs);
    let ron = graph.to_ron();
    eprintln!(
        "graph benches: {} documents, {} nodes, {} edges, {} bytes of RON",
        docs.len(),
        graph.node_count(),
        graph.edge_count(),
        ron.len()
    );

    let mut g = c.benchmark_group("graph");
    g.sample_size(10);
    g.throughput(Throughput::Elements(graph.edge_count() as u64));
    g.bench_function("merge", |b| b.iter(|| black_box(merge(&schema, &docs))));
    g.bench_function("readd_unchanged", |b| {
        b.iter_batched_ref(
            || graph.clone(),
            |g| {
                for (i, (id, date, triples)) in docs.iter().enumerate() {
                    g.add_document(id, i as u64, *date, triples);
                }
            },
            BatchSize::LargeInput,
        )
    });
    g.bench_function("to_ron", |b| b.iter(|| black_box(graph.to_ron())));
    g.bench_function("load_ron", |b| {
        b.iter(|| black_box(Graph::from_ron("bench.ron", &ron).expect("valid graph")))
    });
    g.bench_function("to_dot", |b| {
        b.iter(|| black_box(dot::to_string(&graph, &schema, &dot::Style::default())))
    });
    g.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = benches;
    config = config();
    targets = text_stages, sentence_stages, extract_stage, graph_stages
}
criterion_main!(benches);
