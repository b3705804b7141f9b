//! The corpus reader on arbitrary bytes, as a `.txt` article and as a `.jsonl` file:
//! every input yields articles or problems, never a panic; every region of an article
//! indexes its text on character boundaries.

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::LazyLock;
use whowhom::corpus::{read_inputs, Read, ReadOptions};

/// One directory for the whole run: the input is written over the same two files.
static DIR: LazyLock<tempfile::TempDir> =
    LazyLock::new(|| tempfile::tempdir().expect("a temporary directory for the fuzzer"));

fuzz_target!(|data: &[u8]| {
    let txt = DIR.path().join("article.txt");
    let jsonl = DIR.path().join("articles.jsonl");
    if std::fs::write(&txt, data).is_err() || std::fs::write(&jsonl, data).is_err() {
        return;
    }
    let options = ReadOptions {
        default_date: None,
        // Small, so that the over-the-limit path is reached too.
        max_article_bytes: 4096,
    };
    let paths: Vec<PathBuf> = vec![txt, jsonl];
    for item in read_inputs(&paths, options) {
        match item {
            Read::Article(a) => {
                for f in a.fields() {
                    let mut last = 0;
                    for r in &f.regions {
                        assert!(r.start >= last && r.start <= r.end && r.end <= f.text.len());
                        assert!(f.text.is_char_boundary(r.start) && f.text.is_char_boundary(r.end));
                        last = r.end;
                    }
                    assert!(f.source_map.to_original(f.text.len()) <= data.len() + f.text.len());
                }
            }
            Read::Problem(p) => {
                let _ = p.to_string();
            }
        }
    }
});
