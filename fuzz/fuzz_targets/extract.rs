//! The whole extractor on an article of arbitrary bytes: no panic, and the same
//! article extracted twice gives the same triples.

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;
use whowhom::corpus::{decode_lossy, Article, Field, FieldKind};
use whowhom::extract::Extractor;
use whowhom::gazetteer::Gazetteer;
use whowhom::schema::Schema;

/// Compiled once, as a run of whowhom does.
static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| {
    let schema = Schema::builtin().expect("built-in schema");
    let gazetteer = Gazetteer::builtin().expect("built-in gazetteer");
    Extractor::new(schema, gazetteer)
});

fuzz_target!(|data: &[u8]| {
    // The first byte chooses a title/body split, so that titles are fuzzed too.
    let (split, rest) = match data.split_first() {
        Some((&b, rest)) => ((b as usize).min(rest.len()), rest),
        None => (0, data),
    };
    let (title, body) = rest.split_at(split);
    let field = |kind, bytes: &[u8]| {
        let (text, map) = decode_lossy(bytes.to_vec());
        Field::new(kind, text, map, 0)
    };
    let article = Article {
        id: "fuzz".into(),
        date: None,
        title: (!title.is_empty()).then(|| field(FieldKind::Title, title)),
        body: field(FieldKind::Body, body),
    };
    let once = EXTRACTOR.extract(&article);
    for t in &once {
        assert!(t.span[0] <= t.span[1]);
    }
    let twice = EXTRACTOR.extract(&article);
    assert_eq!(format!("{once:?}"), format!("{twice:?}"));
});
