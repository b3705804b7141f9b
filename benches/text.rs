//! Criterion benches of the text layer and the name and trigger finders alone, each
//! on sentences prepared beforehand, so that a change to one shows in its own number
//! rather than in the noise of a whole run.
//!
//! Articles: `data/corpus`, or the file or directory named by `WHOWHOM_BENCH_CORPUS`
//! (say, a few thousand lines of a JSON Lines corpus). Run with
//! `cargo bench --bench text -- --quick`.

mod common;

use common::{articles, sentences};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use whowhom::extract::{Lexicon, MentionFinder};
use whowhom::gazetteer::Gazetteer;
use whowhom::schema::Schema;
use whowhom::text::{split_sentences, tokenize, tokenize_into};

fn text_layer(c: &mut Criterion) {
    let articles = articles(|_| ());
    let sentences = sentences(&articles);
    let bytes: u64 = sentences.iter().map(|(_, s, _)| s.len() as u64).sum();
    let mut g = c.benchmark_group("text_layer");
    g.throughput(Throughput::Bytes(bytes));
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
    g.bench_function("tokenize", |b| {
        b.iter(|| {
            let mut n = 0;
            for (text, span, _) in &sentences {
                n += tokenize(text, *span).len();
            }
            black_box(n)
        })
    });
    g.bench_function("tokenize_into", |b| {
        let mut buf = Vec::new();
        b.iter(|| {
            let mut n = 0;
            for (text, span, _) in &sentences {
                tokenize_into(text, *span, &mut buf);
                n += buf.len();
            }
            black_box(n)
        })
    });
    let lower: Vec<Vec<String>> = sentences
        .iter()
        .map(|(text, _, tokens)| tokens.iter().map(|t| t.text(text).to_lowercase()).collect())
        .collect();
    let gazetteer = Gazetteer::builtin().expect("built-in gazetteer");
    let finder = MentionFinder::new(&gazetteer);
    g.bench_function("mentions", |b| {
        b.iter(|| {
            let mut n = 0;
            for ((text, span, tokens), lower) in sentences.iter().zip(&lower) {
                n += finder.find(text, *span, tokens, lower).len();
            }
            black_box(n)
        })
    });
    let schema = Schema::builtin().expect("built-in schema");
    let lexicon = Lexicon::new(&schema);
    g.bench_function("triggers", |b| {
        b.iter(|| {
            let mut n = 0;
            for ((text, _, tokens), lower) in sentences.iter().zip(&lower) {
                n += lexicon.find(text, tokens, lower, &[]).len();
            }
            black_box(n)
        })
    });
    g.finish();
}

criterion_group!(benches, text_layer);
criterion_main!(benches);
