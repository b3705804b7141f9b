//! `whowhom eval` end to end: gold sets written for the tests, exact figures and lists,
//! traps, bad gold; and the same figures as `shared/eval/score.py` where it is there.

mod common;
use common::{run, whowhom, Dir};
use std::path::{Path, PathBuf};
use std::process::Command;

const ACTORS: &str = r#"{
  "Russia": {"kind": "country", "aliases": ["Moscow", "RUS", "the Kremlin"]},
  "Ukraine": {"kind": "country", "aliases": ["Kyiv", "UKR"]},
  "NATO": {"kind": "organization", "aliases": ["the alliance"]},
  "France": {"kind": "country", "aliases": ["FRA", "Paris"]},
  "Germany": {"kind": "country", "aliases": ["DEU", "Berlin"]},
  "Finland": {"kind": "country", "aliases": ["FIN"]},
  "Lithuania": {"kind": "country", "aliases": ["LTU"]},
  "Japan": {"kind": "country", "aliases": ["JPN"]},
  "China": {"kind": "country", "aliases": ["CHN", "Beijing"]},
  "Sergei Lavrov": {"kind": "person", "country": "Russia", "aliases": ["Lavrov"]}
}"#;

/// A gold set over three invented articles, with `docs.txt`. Olaf Scholz is not in the
/// actor table, so his triple matches only once rolled up through the `country` the
/// extractor gives him; c.txt has no facts, so what is found there is spurious.
fn extraction_set(d: &Dir) -> PathBuf {
    d.write("g/actors.json", ACTORS);
    d.write(
        "g/gold.jsonl",
        r#"{"doc": "a.txt", "s": "Russia", "r": "warns", "o": "NATO", "mood": "asserted", "evidence": "Russia warned NATO"}
{"doc": "a.txt", "s": "France", "r": "criticizes", "o": "Russia", "mood": "asserted"}
{"doc": "a.txt", "s": "Germany", "r": "urges", "o": "Russia", "mood": "asserted", "evidence": "Olaf Scholz urged Moscow"}

{"doc": "b.txt", "s": "Germany", "r": "sends", "o": "Lithuania", "mood": "asserted", "evidence": "Troops from Germany arrived in Lithuania"}
{"doc": "b.txt", "s": "Russia", "r": "warns", "o": "Finland", "mood": "negated", "evidence": "Russia did not warn Finland"}
"#,
    );
    d.write("g/docs.txt", "a.txt\nb.txt\nc.txt\n");
    d.write(
        "g/articles/a.txt",
        "Russia warned NATO on Friday.\n\nFrance criticized Russia.\n\n\
         On Monday, German Chancellor Olaf Scholz urged Moscow to withdraw its troops.\n",
    );
    d.write(
        "g/articles/b.txt",
        "Troops from Germany arrived in Lithuania on Monday.\n\nRussia did not warn Finland.\n",
    );
    d.write("g/articles/c.txt", "Japan met China.\n");
    d.path("g")
}

const EXTRACTION_FIGURES: &str = "\
strict   P=0.500 R=0.500 F1=0.500 (tp=2 pred=4 gold=4)
country  P=0.750 R=0.750 F1=0.750 (tp=3 pred=4 gold=4)
untyped  P=0.500 R=0.500 F1=0.500 (tp=2 pred=4 gold=4)

strict, by relation:
relation    tp  pred  gold  P      R      F1
criticizes  1   1     1     1.000  1.000  1.000
meets       0   1     0     0.000  0.000  0.000
sends       0   0     1     0.000  0.000  0.000
urges       0   1     1     0.000  0.000  0.000
warns       1   1     1     1.000  1.000  1.000
";

#[test]
fn extracts_the_gold_sets_articles_and_scores_them() {
    let d = Dir::new();
    extraction_set(&d);
    let (code, out, err) = run(whowhom(d.tmp.path()).args(["eval", "g", "--date", "2023-03-01"]));
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, EXTRACTION_FIGURES);
}

#[test]
fn verbose_lists_missed_and_spurious_with_their_sentences() {
    let d = Dir::new();
    extraction_set(&d);
    let (code, out, _) =
        run(whowhom(d.tmp.path()).args(["eval", "g", "--date", "2023-03-01", "-v"]));
    assert_eq!(code, 0);
    let expected = format!(
        "{EXTRACTION_FIGURES}
missed (strict): 2
doc    subject  relation  object     evidence
a.txt  Germany  urges     Russia     Olaf Scholz urged Moscow
b.txt  Germany  sends     Lithuania  Troops from Germany arrived in Lithuania

spurious (strict): 2
doc    subject       relation  object  trap  evidence
a.txt  ?olaf scholz  urges     Russia        On Monday, German Chancellor Olaf Scholz urged Moscow to withdraw its troops.
c.txt  China         meets     Japan         Japan met China.
"
    );
    assert_eq!(out, expected);
}

#[test]
fn inputs_replace_the_articles_and_unscored_documents_are_noted() {
    let d = Dir::new();
    extraction_set(&d);
    d.write("other/zz.txt", "Spain criticized Russia.\n");
    let (code, out, err) = run(whowhom(d.tmp.path()).args([
        "eval",
        "g",
        "g/articles/a.txt",
        "other",
        "--date",
        "2023-03-01",
    ]));
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out.lines().take(4).collect::<Vec<_>>(),
        [
            "strict   P=0.667 R=0.500 F1=0.571 (tp=2 pred=3 gold=4)",
            "country  P=1.000 R=0.750 F1=0.857 (tp=3 pred=3 gold=4)",
            "untyped  P=0.667 R=0.500 F1=0.571 (tp=2 pred=3 gold=4)",
            "ignored: triples of 1 documents this gold set does not score (e.g. \"zz.txt\"; \
             `doc` must be the file name or JSONL id)",
        ]
    );
}

/// A gold set scored from a hand-written stream: every prediction is under the test's
/// control, so each rule of the scorer shows.
fn stream_set(d: &Dir) -> PathBuf {
    d.write("s/actors.json", ACTORS);
    d.write(
        "s/gold.jsonl",
        r#"{"doc": "x.txt", "s": "Sergei Lavrov", "r": "accuses", "o": "Ukraine", "mood": "asserted", "evidence": "Lavrov accused Kyiv"}
{"doc": "x.txt", "s": "Russia", "r": "meets", "o": "Ukraine", "mood": "scheduled"}
{"doc": "x.txt", "s": "Russia", "r": "denies", "o": "*", "mood": "asserted", "evidence": "Moscow denied it"}
{"doc": "x.txt", "s": "NATO", "r": "warns", "o": "Russia", "evidence": "NATO warned Moscow"}
{"doc": "x.txt", "s": "Russia", "r": "attacks", "o": "Ukraine", "mood": "negated", "evidence": "Russia has not attacked Ukraine"}
"#,
    );
    d.path("s")
}

/// One triple of the stream, as `extract` writes it.
fn triple(doc: &str, s: &str, r: &str, o: &str, mood: &str, text: &str) -> String {
    format!(
        r#"{{"doc": "{doc}", "sentence": 0, "text": "{text}", "subject": {s}, "relation": "{r}", "object": {o}, "mood": "{mood}"}}"#
    )
}

fn stream(d: &Dir) -> PathBuf {
    let lavrov = r#"{"id": "sergey_lavrov", "name": "Mr Lavrov", "kind": "person"}"#;
    let kyiv = r#"{"id": "x", "name": "Kyiv", "kind": "country"}"#;
    let russia = r#"{"id": "RUS", "name": "Russian Federation", "kind": "country"}"#;
    let nato = r#"{"id": "NATO", "name": "NATO", "kind": "organization"}"#;
    let lines = [
        // By surname, the one person gold calls Lavrov; the doc's directory is dropped.
        triple(
            "news/x.txt",
            lavrov,
            "accuses",
            kyiv,
            "asserted",
            "Mr Lavrov accused Kyiv.",
        ),
        // A symmetric relation matches in either order.
        triple(
            "x.txt",
            kyiv,
            "meets",
            russia,
            "asserted",
            "Kyiv met Russia.",
        ),
        // A fact where gold has a trap.
        triple(
            "x.txt",
            russia,
            "attacks",
            kyiv,
            "asserted",
            "Russia attacked Ukraine.",
        ),
        // Hypothetical: not a prediction.
        triple(
            "x.txt",
            nato,
            "warns",
            russia,
            "hypothetical",
            "NATO may warn Russia.",
        ),
        // A document gold does not score.
        triple(
            "y.txt",
            nato,
            "warns",
            russia,
            "asserted",
            "NATO warned Russia.",
        ),
        "{\"doc\": \"x.txt\", \"subject\": ".to_string(),
        String::new(),
        triple(
            "x.txt",
            nato,
            "warns",
            russia,
            "asserted",
            "NATO warned Russia.",
        )
        .replace("\"relation\": \"warns\", ", ""),
    ];
    d.write("pred.jsonl", lines.join("\n") + "\n")
}

const STREAM_FIGURES: &str = "\
strict   P=0.667 R=0.500 F1=0.571 (tp=2 pred=3 gold=4)
country  P=0.667 R=0.500 F1=0.571 (tp=2 pred=3 gold=4)
untyped  P=1.000 R=0.667 F1=0.800 (tp=2 pred=2 gold=3)
unreadable lines: 2
ignored: triples of 1 documents this gold set does not score (e.g. \"y.txt\"; `doc` must be the file name or JSONL id)

strict, by relation:
relation  tp  pred  gold  P      R      F1
accuses   1   1     1     1.000  1.000  1.000
attacks   0   1     0     0.000  0.000  0.000
denies    0   0     1     0.000  0.000  0.000
meets     1   1     1     1.000  1.000  1.000
warns     0   0     1     0.000  0.000  0.000
";

#[test]
fn a_stream_is_scored_and_its_unreadable_lines_named() {
    let d = Dir::new();
    stream_set(&d);
    stream(&d);
    let (code, out, err) =
        run(whowhom(d.tmp.path()).args(["eval", "s", "--predictions", "pred.jsonl", "-v"]));
    assert_eq!(code, 1, "unreadable lines were skipped");
    assert_eq!(
        err,
        "whowhom: skipped: pred.jsonl:6: malformed JSON at column 28: EOF while parsing a value\n\
         whowhom: skipped: pred.jsonl:8: no \"relation\"\n"
    );
    let expected = format!(
        "{STREAM_FIGURES}
missed (strict): 2
doc    subject  relation  object  evidence
x.txt  NATO     warns     Russia  NATO warned Moscow
x.txt  Russia   denies    *       Moscow denied it

spurious (strict): 1
doc    subject  relation  object   trap     evidence
x.txt  Russia   attacks   Ukraine  negated  Russia attacked Ukraine.
"
    );
    assert_eq!(out, expected);
}

#[test]
fn json_gives_the_figures_of_score_py_and_more() {
    let d = Dir::new();
    stream_set(&d);
    stream(&d);
    let (code, out, _) =
        run(whowhom(d.tmp.path()).args(["eval", "s", "--predictions", "pred.jsonl", "--json"]));
    assert_eq!(code, 1);
    // score.py's keys first, in its order.
    let keys = [
        "strict",
        "country",
        "untyped",
        "bad_lines",
        "ignored_docs",
        "docs",
        "relations",
    ];
    let at: Vec<Option<usize>> = keys
        .iter()
        .map(|k| out.find(&format!("\"{k}\":")))
        .collect();
    assert!(at.iter().all(Option::is_some) && at.is_sorted(), "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("one JSON object");
    assert_eq!(
        v["strict"],
        serde_json::json!({"tp": 2, "pred": 3, "gold": 4, "p": 2.0 / 3.0, "r": 0.5, "f1": 2.0 * (2.0 / 3.0) * 0.5 / (2.0 / 3.0 + 0.5)})
    );
    assert_eq!(v["untyped"]["f1"], 0.8);
    assert_eq!(
        (
            v["bad_lines"].as_u64(),
            v["ignored_docs"].as_u64(),
            v["docs"].as_u64()
        ),
        (Some(2), Some(1), Some(1))
    );
    assert_eq!(v["relations"]["attacks"]["pred"], 1);
    assert!(v.get("missed").is_none());
    let (_, out, _) = run(whowhom(d.tmp.path()).args([
        "eval",
        "s",
        "--predictions",
        "pred.jsonl",
        "--json",
        "--verbose",
    ]));
    let v: serde_json::Value = serde_json::from_str(&out).expect("one JSON object");
    assert_eq!(
        v["spurious"],
        serde_json::json!([{"doc": "x.txt", "subject": "Russia", "relation": "attacks",
            "object": "Ukraine", "evidence": "Russia attacked Ukraine.", "trap": "negated"}])
    );
    assert_eq!(v["missed"].as_array().map(Vec::len), Some(2));
}

#[test]
fn a_trap_predicted_as_a_trap_counts_for_nothing() {
    let d = Dir::new();
    stream_set(&d);
    let russia = r#"{"id": "RUS", "name": "Russia", "kind": "country"}"#;
    let kyiv = r#"{"id": "UKR", "name": "Ukraine", "kind": "country"}"#;
    d.write(
        "pred.jsonl",
        triple(
            "x.txt",
            russia,
            "attacks",
            kyiv,
            "negated",
            "Russia has not attacked Ukraine.",
        ) + "\n",
    );
    let (code, out, err) =
        run(whowhom(d.tmp.path()).args(["eval", "s", "--predictions", "pred.jsonl"]));
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "strict   P=0.000 R=0.000 F1=0.000 (tp=0 pred=0 gold=4)
country  P=0.000 R=0.000 F1=0.000 (tp=0 pred=0 gold=4)
untyped  P=0.000 R=0.000 F1=0.000 (tp=0 pred=0 gold=3)

strict, by relation:
relation  tp  pred  gold  P      R      F1
accuses   0   0     1     0.000  0.000  0.000
denies    0   0     1     0.000  0.000  0.000
meets     0   0     1     0.000  0.000  0.000
warns     0   0     1     0.000  0.000  0.000
"
    );
}

/// Run `eval` on a gold set in `g/` with `gold` as gold.jsonl; (code, stdout, stderr).
fn eval_gold(gold: &str) -> (i32, String, String) {
    let d = Dir::new();
    d.write("g/actors.json", ACTORS);
    d.write("g/gold.jsonl", gold);
    d.write("pred.jsonl", "");
    run(whowhom(d.tmp.path()).args(["eval", "g", "--predictions", "pred.jsonl"]))
}

#[test]
fn bad_gold_is_named_by_file_and_line() {
    let ok = r#"{"doc": "a.txt", "s": "Russia", "r": "warns", "o": "NATO"}"#;
    let cases = [
        (
            format!("{ok}\n{{\"doc\": \"a.txt\", \"s\": \n"),
            "whowhom: g/gold.jsonl:2: malformed JSON at column 22: EOF while parsing a value\n",
        ),
        (
            format!("{ok}\n\n{}\n", ok.replace("\"Russia\"", "\"Rusia\"")),
            "whowhom: g/gold.jsonl:3: unknown actor \"Rusia\": not a name or alias in \
             actors.json; did you mean: Russia?\n",
        ),
        (
            ok.replace("NATO", "the Warsaw Pact"),
            "whowhom: g/gold.jsonl:1: unknown actor \"the Warsaw Pact\": not a name or alias \
             in actors.json\n",
        ),
        (
            ok.replace("}", ", \"mood\": \"Asserted\"}"),
            "whowhom: g/gold.jsonl:1: unknown mood \"Asserted\"; one of asserted, scheduled, \
             hypothetical, negated\n",
        ),
        (
            ok.replace("\"r\": \"warns\", ", ""),
            "whowhom: g/gold.jsonl:1: no \"r\"\n",
        ),
        (
            ok.replace("\"a.txt\"", "7"),
            "whowhom: g/gold.jsonl:1: \"doc\" must be a string\n",
        ),
        (
            "[1, 2]\n".to_string(),
            "whowhom: g/gold.jsonl:1: a gold line must be a JSON object {\"doc\", \"s\", \"r\", \
             \"o\", \"mood\"}\n",
        ),
    ];
    for (gold, message) in cases {
        let (code, out, err) = eval_gold(&gold);
        assert_eq!(
            (code, out.as_str(), err.as_str()),
            (1, "", message),
            "{gold}"
        );
    }
}

#[test]
fn a_missing_or_malformed_gold_directory_is_named() {
    let d = Dir::new();
    d.write("pred.jsonl", "");
    d.write("g/actors.json", ACTORS);
    let eval =
        |dir: &str| run(whowhom(d.tmp.path()).args(["eval", dir, "--predictions", "pred.jsonl"]));
    assert_eq!(
        eval("g"),
        (
            1,
            String::new(),
            "whowhom: g/gold.jsonl: no such file (a gold directory holds gold.jsonl and \
             actors.json)\n"
                .to_string()
        )
    );
    d.write(
        "h/actors.json",
        "{\"Russia\": {\"aliases\": [\"Moscow\",]}}",
    );
    d.write("h/gold.jsonl", "");
    assert_eq!(
        eval("h").2,
        "whowhom: h/actors.json:1:34: malformed JSON: trailing comma\n"
    );
    d.write("i/actors.json", "{\"Russia\": {\"aliases\": \"Moscow\"}}");
    d.write("i/gold.jsonl", "");
    assert_eq!(
        eval("i").2,
        "whowhom: i/actors.json: actor \"Russia\": \"aliases\" must be a list of strings\n"
    );
    d.write("j/actors.json", ACTORS);
    d.write("j/gold.jsonl", "");
    let (code, out, err) = run(whowhom(d.tmp.path()).args(["eval", "j"]));
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (
            1,
            "",
            "whowhom: j: no articles/ directory; give the articles it annotates as INPUTS\n"
        )
    );
    let (code, _, err) =
        run(whowhom(d.tmp.path()).args(["eval", "j", "--predictions", "nope.jsonl"]));
    assert_eq!(code, 1);
    assert!(
        err.starts_with("whowhom: nope.jsonl: cannot read: "),
        "{err}"
    );
}

#[test]
fn predictions_and_inputs_do_not_go_together() {
    let d = Dir::new();
    let (code, _, err) =
        run(whowhom(d.tmp.path()).args(["eval", "g", "a.txt", "--predictions", "p.jsonl"]));
    assert_eq!(code, 2);
    assert!(err.contains("cannot be used with"), "{err}");
}

/// `shared/eval/score.py`, when the shared directory and python3 are there.
fn score_py() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/score.py");
    let python = Command::new("python3").arg("--version").output();
    if path.is_file() && python.is_ok_and(|o| o.status.success()) {
        Some(path)
    } else {
        eprintln!("skipped: ../shared/eval/score.py or python3 is not there");
        None
    }
}

/// The six figures score.py's `--json` gives.
fn score_py_keys(v: &serde_json::Value) -> serde_json::Value {
    let keys = [
        "strict",
        "country",
        "untyped",
        "bad_lines",
        "ignored_docs",
        "docs",
    ];
    keys.iter().map(|k| (k.to_string(), v[k].clone())).collect()
}

fn score_py_json(score_py: &Path, gold: &Path, pred: &Path) -> serde_json::Value {
    let out = Command::new("python3")
        .arg(score_py)
        .arg(gold)
        .arg(pred)
        .arg("--json")
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("score.py JSON")
}

#[test]
fn same_figures_as_score_py_on_the_invented_sets() {
    let Some(score_py) = score_py() else { return };
    let d = Dir::new();
    let gold = stream_set(&d);
    let pred = stream(&d);
    let (_, out, _) =
        run(whowhom(d.tmp.path()).args(["eval", "s", "--predictions", "pred.jsonl", "--json"]));
    let ours: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(score_py_keys(&ours), score_py_json(&score_py, &gold, &pred));

    let gold = extraction_set(&d);
    let (_, stream, _) =
        run(whowhom(d.tmp.path()).args(["extract", "g/articles", "--date", "2023-03-01"]));
    let pred = d.write("extracted.jsonl", stream);
    let (_, out, _) =
        run(whowhom(d.tmp.path()).args(["eval", "g", "--date", "2023-03-01", "--json"]));
    let ours: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(score_py_keys(&ours), score_py_json(&score_py, &gold, &pred));
}

/// Not the scorer's numbers on the shared sets (the extractor changes), only that
/// `eval` and score.py agree on them, extracting in process or reading the stream.
#[test]
fn same_figures_as_score_py_on_the_shared_sets() {
    let Some(score_py) = score_py() else { return };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let eval_dir = root.join("../shared/eval");
    let d = Dir::new();
    for (set, articles) in [
        ("seeds", root.join("data/corpus")),
        ("news-dev", eval_dir.join("news-dev/articles")),
        ("wire-dev", eval_dir.join("wire-dev/articles")),
    ] {
        let gold = eval_dir.join(set);
        let (_, stream, _) = run(whowhom(root).arg("extract").arg(&articles));
        let pred = d.write(&format!("{set}.jsonl"), stream);
        let expected = score_py_json(&score_py, &gold, &pred);
        let (code, out, err) = run(whowhom(root)
            .arg("eval")
            .arg(&gold)
            .arg("--predictions")
            .arg(&pred)
            .arg("--json"));
        assert_eq!((code, err.as_str()), (0, ""), "{set}");
        let ours: serde_json::Value = serde_json::from_str(&out).expect("JSON");
        assert_eq!(score_py_keys(&ours), expected, "{set}, from the stream");
        let (_, out, _) = run(whowhom(root)
            .arg("eval")
            .arg(&gold)
            .arg(&articles)
            .arg("--json"));
        let ours: serde_json::Value = serde_json::from_str(&out).expect("JSON");
        assert_eq!(
            score_py_keys(&ours),
            expected,
            "{set}, extracted in process"
        );
    }
}
