//! `whowhom extract` end to end: the triple stream's fields, dates and spans.

mod common;
use common::{facts, jsonl, run, whowhom, Dir};

#[test]
fn date_marker_gives_the_date_and_spans_index_the_whole_file() {
    let d = Dir::new();
    let text = " date 2022-01-21 Spain's envoy spoke.\n\nRussia warned NATO on Friday.";
    d.write("a.txt", text);
    let (code, out, err) = run(whowhom(d.tmp.path()).args(["extract", "a.txt"]));
    assert_eq!((code, err.as_str()), (0, ""));
    let t = &jsonl(&out)[0];
    assert_eq!(t["doc"], "a.txt");
    assert_eq!(t["date"], "2022-01-21");
    assert_eq!(t["sentence"], 1);
    let [a, b] = [
        t["span"][0].as_u64().unwrap() as usize,
        t["span"][1].as_u64().unwrap() as usize,
    ];
    assert_eq!(&text[a..b], "Russia warned NATO on Friday.");
    assert_eq!(t["text"], "Russia warned NATO on Friday.");
}

#[test]
fn undated_articles_take_the_date_option_or_null() {
    let d = Dir::new();
    d.write("a.txt", "Russia warned NATO.");
    let (_, out, _) = run(whowhom(d.tmp.path()).args(["extract", "a.txt", "--date", "2006-03-01"]));
    assert_eq!(jsonl(&out)[0]["date"], "2006-03-01");
    let (_, out, _) = run(whowhom(d.tmp.path()).args(["extract", "a.txt"]));
    assert!(jsonl(&out)[0]["date"].is_null());
}

#[test]
fn jsonl_titles_are_sentences_of_their_own_field() {
    let d = Dir::new();
    d.write(
        "a.jsonl",
        r#"{"id": "w1", "title": "Spain Criticizes Russia", "text": "MADRID - Spain's leaders met on Monday.", "date": "2004-05-06", "url": "http://x"}"#,
    );
    let (code, out, _) = run(whowhom(d.tmp.path()).args(["extract", "a.jsonl"]));
    assert_eq!(code, 0);
    let t = &jsonl(&out)[0];
    assert_eq!(t["field"], "title");
    assert_eq!(t["span"], serde_json::json!([0, 23]));
    assert_eq!(t["sentence"], 0);
    assert_eq!(
        facts(&out)[0],
        (
            "ESP".into(),
            "criticizes".into(),
            "RUS".into(),
            "asserted".into()
        )
    );
}

#[test]
fn directories_are_read_recursively_in_name_order() {
    let d = Dir::new();
    d.write("in/b/2.txt", "Spain criticized Russia.");
    d.write("in/a.txt", "Russia warned NATO.");
    d.write(
        "in/b/1.jsonl",
        r#"{"id": "j", "text": "France urged Iran."}"#,
    );
    d.write("in/readme.md", "Germany attacked Denmark.");
    let (code, out, _) = run(whowhom(d.tmp.path()).args(["extract", "in"]));
    assert_eq!(code, 0);
    let docs: Vec<String> = jsonl(&out)
        .iter()
        .map(|t| t["doc"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(docs, ["a.txt", "j", "2.txt"]);
}

#[test]
fn facts_only_unless_all_moods() {
    let d = Dir::new();
    d.write(
        "a.txt",
        "Russia could attack Ukraine. Russia did not meet NATO.",
    );
    let (_, out, _) = run(whowhom(d.tmp.path()).args(["extract", "a.txt"]));
    assert_eq!(out, "");
    let (_, out, _) = run(whowhom(d.tmp.path()).args(["extract", "a.txt", "--all-moods"]));
    let moods: Vec<String> = facts(&out).into_iter().map(|f| f.3).collect();
    assert_eq!(moods, ["hypothetical", "negated"]);
}

#[test]
fn the_sample_corpus_is_the_default_input() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (code, out, err) = run(whowhom(root).args(["extract", "--format", "table"]));
    assert_eq!((code, err.as_str()), (0, ""));
    let header = out.lines().next().unwrap();
    assert!(header.starts_with("doc ") && header.contains("relation") && header.contains("mood"));
    assert!(out.lines().count() > 10);
}

#[test]
fn one_and_two_threads_give_identical_output() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (_, one, _) = run(whowhom(root).args(["extract", "--all-moods", "--threads", "1"]));
    let (_, two, _) = run(whowhom(root).args(["extract", "--all-moods", "--threads", "2"]));
    assert!(!one.is_empty());
    assert_eq!(one, two);
}
