//! Bad input is reported by file, place and problem, skipped, and never ends the run.

mod common;
use common::{facts, jsonl, run, whowhom, Dir};

const GOOD: &str = "Russia warned NATO.\n";

fn warns() -> (String, String, String, String) {
    (
        "RUS".into(),
        "warns".into(),
        "NATO".into(),
        "asserted".into(),
    )
}

#[test]
fn missing_path_is_named_and_the_rest_still_read() {
    let d = Dir::new();
    let good = d.write("good.txt", GOOD);
    let (code, out, err) = run(whowhom(d.tmp.path())
        .arg("extract")
        .arg("nope.txt")
        .arg(&good));
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "whowhom: skipped: nope.txt: no such file or directory\n"
    );
    assert_eq!(facts(&out), [warns()]);
}

#[test]
fn directory_without_articles_is_reported() {
    let d = Dir::new();
    d.write("empty/notes.md", "not an article");
    let (code, out, err) = run(whowhom(d.tmp.path()).args(["extract", "empty"]));
    assert_eq!(code, 1);
    assert_eq!(out, "");
    assert_eq!(
        err,
        "whowhom: skipped: empty: no .txt or .jsonl articles in this directory\n"
    );
}

#[test]
fn empty_file_is_reported() {
    let d = Dir::new();
    d.write("empty.txt", " \n\n");
    let (code, _, err) = run(whowhom(d.tmp.path()).args(["extract", "empty.txt"]));
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "whowhom: skipped: empty.txt: empty file: no text to read\n"
    );
}

#[test]
fn binary_file_is_reported() {
    let d = Dir::new();
    d.write("bin.txt", b"\x00\xff\xfe binary \x00\x01\x02");
    let (code, _, err) = run(whowhom(d.tmp.path()).args(["extract", "bin.txt"]));
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "whowhom: skipped: bin.txt: byte 0: binary file (NUL and control bytes), not text\n"
    );
}

#[test]
fn invalid_utf8_is_read_with_a_warning_and_spans_index_the_file() {
    let d = Dir::new();
    let raw: &[u8] = b"Headline here\nThen \xff Russia warned NATO.";
    d.write("bad.txt", raw);
    let (code, out, err) = run(whowhom(d.tmp.path()).args(["extract", "bad.txt"]));
    assert_eq!(code, 0, "a warning alone skips nothing");
    assert_eq!(
        err,
        "whowhom: warning: bad.txt: byte 19: invalid UTF-8; 1 invalid sequence(s) read as U+FFFD\n"
    );
    let t = &jsonl(&out)[0];
    assert_eq!(t["span"], serde_json::json!([14, 40]));
    assert_eq!(
        String::from_utf8_lossy(&raw[14..40]),
        t["text"].as_str().unwrap()
    );
    assert_eq!(facts(&out), [warns()]);
}

#[test]
fn malformed_jsonl_line_is_named_and_other_lines_read() {
    let d = Dir::new();
    d.write(
        "a.jsonl",
        "{\"id\": \"one\", \"text\": \"Russia warned NATO.\", \"date\": \"2022-01-02\"}\n{\"id\": \"two\", \"text\": \n\n{\"text\": \"No id here.\"}\n{\"id\": 4, \"text\": \"Spain criticized Russia.\"}\n",
    );
    let (code, out, err) = run(whowhom(d.tmp.path()).args(["extract", "a.jsonl"]));
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "whowhom: skipped: a.jsonl:2: malformed JSON at column 22: EOF while parsing a value\n\
         whowhom: skipped: a.jsonl:4: record has no \"id\"\n"
    );
    let t = jsonl(&out);
    assert_eq!(t.len(), 2);
    assert_eq!(
        (t[0]["doc"].as_str(), t[0]["date"].as_str()),
        (Some("one"), Some("2022-01-02"))
    );
    assert_eq!(t[1]["doc"].as_str(), Some("4"));
    assert_eq!(t[1]["relation"].as_str(), Some("criticizes"));
}

#[test]
fn jsonl_bad_date_keeps_the_article() {
    let d = Dir::new();
    d.write(
        "d.jsonl",
        "{\"id\": \"x\", \"text\": \"Russia warned NATO.\", \"date\": \"yesterday\"}\n",
    );
    let (code, out, err) =
        run(whowhom(d.tmp.path()).args(["extract", "d.jsonl", "--date", "2020-05-06"]));
    assert_eq!(code, 0);
    assert_eq!(
        err,
        "whowhom: warning: d.jsonl:1: record \"x\": \"date\" \"yesterday\" is not a YYYY-MM-DD date; article kept without it\n"
    );
    assert_eq!(jsonl(&out)[0]["date"].as_str(), Some("2020-05-06"));
}

#[test]
fn oversized_article_is_skipped_without_being_read() {
    let d = Dir::new();
    let big = d.path("big.txt");
    let f = std::fs::File::create(&big).unwrap();
    // 200 MB, sparse: the size check must not read it.
    f.set_len(200 * 1024 * 1024).unwrap();
    d.write("good.txt", GOOD);
    let (code, out, err) = run(whowhom(d.tmp.path()).args([
        "extract",
        "big.txt",
        "good.txt",
        "--max-article-mb",
        "100",
    ]));
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "whowhom: skipped: big.txt: file is 200.0 MiB, over the 100 MiB limit for one article (--max-article-mb)\n"
    );
    assert_eq!(facts(&out), [warns()]);
}

#[test]
fn malformed_schema_names_file_line_and_column() {
    let d = Dir::new();
    d.write(
        "s.ron",
        "(relations: [\n  (name: \"meets\" definition: \"x\")\n])",
    );
    let (code, out, err) = run(whowhom(d.tmp.path()).args(["extract", "--schema", "s.ron"]));
    assert_eq!(code, 1);
    assert_eq!(out, "");
    assert_eq!(err, "whowhom: s.ron:2:18: malformed RON: Expected comma\n");
}

#[test]
fn malformed_gazetteer_names_file_and_line() {
    let d = Dir::new();
    d.write("g.ron", "(countries: [\n  (id: \"XAA\", name: \"Atlantis\"),\n  (id: \"XAB\", name: \"Lemuria\", capital: [\"Mu\"]),\n])");
    let (code, _, err) = run(whowhom(d.tmp.path()).args(["extract", "--gazetteer", "g.ron"]));
    assert_eq!(code, 1);
    assert!(err.starts_with("whowhom: g.ron:3:"), "{err}");
    assert!(err.contains("capital"), "{err}");
}

#[test]
fn gazetteer_with_duplicate_id_names_both_places() {
    // An id of the built-in gazetteer is the same actor (layers merge); an id given
    // twice in one file is a problem, fatal with --strict.
    let d = Dir::new();
    d.write(
        "g.ron",
        "(countries: [\n  (id: \"XAA\", name: \"Atlantis\"),\n  (id: \"XAA\", name: \"Atlantis again\"),\n])",
    );
    let (code, _, err) =
        run(whowhom(d.tmp.path()).args(["extract", "--strict", "--gazetteer", "g.ron"]));
    assert_eq!(code, 1);
    assert!(
        err.starts_with(
            "whowhom: error: g.ron:3: duplicate id \"XAA\": already defined at g.ron:2\n"
        ),
        "{err}"
    );
}

#[test]
fn usage_errors_exit_2() {
    let d = Dir::new();
    let (code, _, err) = run(whowhom(d.tmp.path()).args(["extract", "--format", "xml"]));
    assert_eq!(code, 2);
    assert!(err.contains("invalid value 'xml'"), "{err}");
    let (code, _, _) = run(whowhom(d.tmp.path()).args(["extract", "--date", "2022-13-01"]));
    assert_eq!(code, 2);
}

#[test]
fn no_panic_on_any_of_it_at_once() {
    let d = Dir::new();
    d.write("in/a.txt", b"\x00\x00\x00");
    d.write("in/b.txt", "");
    d.write("in/c.jsonl", "not json\n{}\n[1,2]\n");
    d.write(
        "in/d.txt",
        "\u{202e}\u{200b}Русский текст. نص عربي.\r\n\r\n• \n—\n",
    );
    let (code, _, err) = run(whowhom(d.tmp.path()).args(["extract", "in"]));
    assert_eq!(code, 1);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(err.lines().count(), 5, "{err}");
}
