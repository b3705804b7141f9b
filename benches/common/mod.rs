//! What the benches share: the articles they read and those articles' sentences.

use std::path::PathBuf;
use whowhom::corpus::{read_inputs, Article, Read, ReadOptions};
use whowhom::diag::Problem;
use whowhom::text::{split_sentences, tokenize, Span, Token};

/// The articles benched: `data/corpus`, or the file or directory named by
/// `WHOWHOM_BENCH_CORPUS` (say, `../shared/eval/wire-dev/articles`, or a few thousand
/// lines of a JSON Lines corpus). Each problem met on the way goes to `on_problem`.
pub fn articles(mut on_problem: impl FnMut(Problem)) -> Vec<Article> {
    let dir = std::env::var_os("WHOWHOM_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/corpus"));
    read_inputs(&[dir], ReadOptions::default())
        .filter_map(|r| match r {
            Read::Article(a) => Some(*a),
            Read::Problem(p) => {
                on_problem(p);
                None
            }
        })
        .collect()
}

/// Every sentence of every article: (text, sentence span, its tokens).
pub fn sentences(articles: &[Article]) -> Vec<(&str, Span, Vec<Token>)> {
    let mut out = Vec::new();
    for f in articles.iter().flat_map(|a| a.fields()) {
        for region in &f.regions {
            for s in split_sentences(&f.text, *region) {
                out.push((f.text.as_str(), s, tokenize(&f.text, s)));
            }
        }
    }
    out
}
