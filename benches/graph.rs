//! Criterion benches of graph files at scale (issue 7): a synthetic graph of
//! `WHOWHOM_BENCH_EDGES` edges (default 20 000), saved as RON with its snapshot, then
//! loaded both ways, and path queries on it.
//!
//! ```sh
//! cargo bench --bench graph                                # 20 000 edges
//! WHOWHOM_BENCH_EDGES=1000000 cargo bench --bench graph -- 'snapshot|path'
//! ```
//!
//! At a million edges the RON file is most of a gigabyte and one RON load takes tens
//! of seconds; leave `load_ron` out with a filter as above, or give it time. The graph
//! is made to look like a news graph: a few actors in most edges (a Zipf-like choice
//! of subject and object), one to four references an edge, about four references an
//! article, every reference dated, example sentences of about a hundred bytes.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};
use whowhom::diag::Problem;
use whowhom::gazetteer::ActorKind;
use whowhom::graph::{snapshot, Graph};
use whowhom::query::path::{all, shortest, Options};
use whowhom::query::Filter;
use whowhom::schema::Schema;
use whowhom::triple::{ActorRef, Mood, Object, Triple};

/// xorshift64*: the same graph on every run, with no dependency for it.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Zipf-like over 0..n: small numbers far more often.
    fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
    }
}

fn actor(i: usize) -> ActorRef {
    ActorRef {
        id: format!("A{i:07}").into(),
        name: format!("Actor {i}").into(),
        kind: if i.is_multiple_of(5) {
            ActorKind::Person
        } else {
            ActorKind::Country
        },
        country: (i.is_multiple_of(5)).then(|| format!("A{:07}", i + 1).into()),
    }
}

/// A graph of about `edges` edges.
pub fn synthetic(schema: &Schema, edges: usize) -> Graph {
    let relations: Vec<&str> = schema.relations().map(|(_, r)| r.name.as_str()).collect();
    let actors = (edges / 4).max(10);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut g = Graph::new(schema);
    let mut doc: u32 = 0;
    let moods = [
        Mood::Asserted,
        Mood::Asserted,
        Mood::Scheduled,
        Mood::Negated,
    ];
    while g.edge_count() < edges {
        let id = format!("article-{doc:08}.txt");
        let date = chrono::NaiveDate::from_num_days_from_ce_opt(738_000 + (doc % 700) as i32);
        let triples: Vec<Triple> = (0..4)
            .map(|sentence| {
                let s = rng.skewed(actors);
                let o = (s + 1 + rng.skewed(actors - 1)) % actors;
                let relation = relations[rng.below(relations.len())];
                Triple {
                    doc: id.clone(),
                    date,
                    event_date: None,
                    sentence,
                    span: [sentence * 120, sentence * 120 + 110],
                    text: format!(
                        "Actor {s} said on Tuesday that it {relation} Actor {o}, officials \
                         told reporters in article {doc}."
                    ),
                    field: None,
                    subject: actor(s),
                    relation: relation.to_string(),
                    object: Object::Actor(actor(o)),
                    theme: None,
                    mood: moods[rng.below(moods.len())],
                    confidence: 0.5,
                }
            })
            .collect();
        g.add_document(&id, doc as u64, date, &triples);
        doc += 1;
    }
    g
}

fn edges_wanted() -> usize {
    std::env::var("WHOWHOM_BENCH_EDGES")
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(20_000)
}

fn load(path: &Path) -> Graph {
    let mut problems: Vec<Problem> = Vec::new();
    let g = Graph::load(path, &mut problems).expect("graph loads");
    assert!(problems.is_empty(), "{problems:?}");
    g
}

fn graph_files(c: &mut Criterion) {
    let schema = Schema::builtin().expect("built-in schema");
    let n = edges_wanted();
    let t = Instant::now();
    let graph = synthetic(&schema, n);
    let built = t.elapsed();
    let dir = tempfile::tempdir().expect("temp dir");
    let (ron, snap) = (dir.path().join("g.ron"), dir.path().join("g.ron.snap"));
    let t = Instant::now();
    graph.save(&ron).expect("save");
    let saved = t.elapsed();
    // The same graph without its snapshot, to time the RON alone.
    let bare = dir.path().join("bare.ron");
    std::fs::copy(&ron, &bare).expect("copy");
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "graph: {} documents, {} nodes, {} edges; merged in {built:.2?}, saved in \
         {saved:.2?}; RON {} bytes, snapshot {} bytes",
        graph.documents().len(),
        graph.node_count(),
        graph.edge_count(),
        size(&ron),
        size(&snap)
    );

    let mut g = c.benchmark_group("graph_file");
    g.sample_size(10);
    g.throughput(Throughput::Elements(graph.edge_count() as u64));
    g.bench_function("load_snapshot", |b| b.iter(|| black_box(load(&ron))));
    g.bench_function("load_ron", |b| b.iter(|| black_box(load(&bare))));
    g.bench_function("save_ron_and_snapshot", |b| {
        b.iter(|| graph.save(&ron).expect("save"))
    });
    g.finish();

    // Queries on the graph as loaded (from its snapshot), as `whowhom path` sees it.
    let graph = load(&ron);
    assert!(snapshot::path_for(&ron).exists());
    let filter = Filter::default();
    let opts = Options {
        max_hops: 4,
        directed: false,
    };
    // Actors in key order: A0000000 is the busiest (the Zipf-like head), keys from
    // the end of the list are seldom named.
    let nodes = graph.node_indices();
    let (hub, a, b) = (nodes[0], nodes[nodes.len() / 2 + 1], nodes[nodes.len() - 3]);
    // A hub and an actor from the tail; two actors from the tail; and a directed search
    // between them, which may explore everything within four hops.
    let pairs = [
        ("hub_to_tail", hub, b, false),
        ("tail_to_tail", a, b, false),
        ("tail_to_tail_directed", a, b, true),
    ];
    let mut g = c.benchmark_group("path");
    g.sample_size(10);
    for (name, from, to, directed) in pairs {
        let opts = Options { directed, ..opts };
        let found = shortest(&graph, &filter, from, to, opts);
        eprintln!(
            "path {name}: {}",
            found.map_or("none within 4 hops".to_string(), |p| format!(
                "{} hop(s)",
                p.hops.len()
            ))
        );
        g.bench_function(format!("shortest_{name}"), |b| {
            b.iter(|| black_box(shortest(&graph, &filter, from, to, opts)))
        });
    }
    let (from, to) = (a, b);
    let three = Options {
        max_hops: 3,
        ..opts
    };
    g.bench_function("all_3_hops_tail_to_tail", |b| {
        b.iter(|| black_box(all(&graph, &filter, from, to, three)))
    });
    g.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = benches;
    config = config();
    targets = graph_files
}
criterion_main!(benches);
