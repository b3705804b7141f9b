//! The graph file: building, growing, re-adding, replacing, and loading what a hand
//! may have broken.

mod common;
use common::{run, whowhom, Dir};

const A: &str = "date 2022-01-10 Russia warned NATO. Spain criticized Russia. France urged Iran.\n";
const B: &str = "date 2022-02-01 Russia met Spain. The United States accused Russia. Blinken warned Moscow. Russia may attack Ukraine.\n";
const C: &str = "NATO criticized France. Iran met Lavrov. Spain urged France.\n";

/// A corpus of three articles: `a/a.txt`, `a/b.txt`, `b/c.txt`.
fn corpus() -> Dir {
    let d = Dir::new();
    d.write("a/a.txt", A);
    d.write("a/b.txt", B);
    d.write("b/c.txt", C);
    d
}

fn ok(d: &Dir, args: &[&str]) -> (String, String) {
    let (code, out, err) = run(whowhom(d.tmp.path()).args(args));
    assert_eq!(code, 0, "{args:?}: {err}");
    (out, err)
}

fn stats(d: &Dir, graph: &str) -> String {
    ok(d, &["stats", "--json", "--all-moods", "--graph", graph]).0
}

#[test]
fn build_reports_what_it_did_and_leaves_no_temporary_files() {
    let d = corpus();
    let (out, err) = ok(&d, &["build", "a", "b", "-o", "g.ron"]);
    assert_eq!(out, "");
    assert_eq!(
        err,
        "whowhom: g.ron: 3 document(s) added, 0 unchanged, 0 replaced; 9 nodes, 10 edges\n"
    );
    let mut names: Vec<String> = std::fs::read_dir(d.tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["a", "b", "g.ron", "g.ron.snap"]);
    let (_, quiet) = ok(&d, &["build", "a", "-o", "h.ron", "--quiet"]);
    assert_eq!(quiet, "");
}

#[test]
fn an_id_twice_in_one_run_is_warned_about_only_where_the_later_replaces() {
    let d = Dir::new();
    d.write(
        "dup.jsonl",
        concat!(
            "{\"id\":\"a\",\"text\":\"Russia warned Ukraine on Monday.\"}\n",
            "{\"id\":\"b\",\"text\":\"France met Germany.\"}\n",
            "{\"id\":\"a\",\"text\":\"Iran accused Israel of an attack.\"}\n",
            "{\"id\":\"b\",\"text\":\"France met Germany.\"}\n",
        ),
    );
    d.write(
        "more.jsonl",
        "{\"id\":\"b\",\"text\":\"Spain criticized Morocco.\"}\n",
    );
    let (_, err) = ok(&d, &["build", "dup.jsonl", "-o", "g.ron"]);
    assert_eq!(
        err,
        "whowhom: warning: a: two articles have this id; the later replaces the earlier\n\
         whowhom: g.ron: 2 document(s) added, 1 unchanged, 1 replaced; 4 nodes, 2 edges\n"
    );
    // Replacing what an earlier run added is no warning; twice within this run is.
    let (_, err) = ok(&d, &["build", "--into", "g.ron", "more.jsonl", "dup.jsonl"]);
    assert_eq!(
        err,
        "whowhom: warning: b: two articles have this id; the later replaces the earlier\n\
         whowhom: warning: a: two articles have this id; the later replaces the earlier\n\
         whowhom: g.ron: 0 document(s) added, 1 unchanged, 4 replaced; 4 nodes, 2 edges\n"
    );
}

#[test]
fn incremental_build_equals_one_shot_build() {
    let d = corpus();
    ok(&d, &["build", "a", "b", "-o", "one.ron"]);
    ok(&d, &["build", "b", "-o", "inc.ron"]);
    let (_, err) = ok(&d, &["build", "a", "--into", "inc.ron"]);
    assert_eq!(
        err,
        "whowhom: inc.ron: 2 document(s) added, 0 unchanged, 0 replaced; 9 nodes, 10 edges\n"
    );
    let one = stats(&d, "one.ron");
    assert!(one.contains("\"documents\": 3"), "{one}");
    assert_eq!(one, stats(&d, "inc.ron"));
    // Queries agree too, evidence sentences included.
    let q = |g: &str| ok(&d, &["query", "pressured", "--json", "--graph", g]).0;
    assert_eq!(q("one.ron"), q("inc.ron"));
}

#[test]
fn re_adding_documents_is_a_no_op() {
    let d = corpus();
    ok(&d, &["build", "a", "b", "-o", "g.ron"]);
    let before = std::fs::read(d.path("g.ron")).unwrap();
    let (_, err) = ok(&d, &["build", "a", "b", "--into", "g.ron"]);
    assert_eq!(
        err,
        "whowhom: g.ron: 0 document(s) added, 3 unchanged, 0 replaced; 9 nodes, 10 edges\n"
    );
    assert_eq!(std::fs::read(d.path("g.ron")).unwrap(), before);
}

#[test]
fn a_changed_document_replaces_its_evidence() {
    let d = corpus();
    ok(&d, &["build", "a", "-o", "g.ron"]);
    d.write("a/a.txt", "date 2022-01-10 Spain criticized Russia.\n");
    let (_, err) = ok(&d, &["build", "a", "--into", "g.ron"]);
    assert_eq!(
        err,
        "whowhom: g.ron: 0 document(s) added, 1 unchanged, 1 replaced; 5 nodes, 5 edges\n"
    );
    let (out, _) = ok(
        &d,
        &["query", "pressured", "--by", "Russia", "--graph", "g.ron"],
    );
    assert_eq!(
        out, "pressurer  pressured  count  relations  first  last  evidence\n",
        "Russia's warning went with the old text"
    );
    let (out, _) = ok(
        &d,
        &["neighbors", "Spain", "--graph", "g.ron", "--all-moods"],
    );
    assert_eq!(
        out,
        "direction  relation    other   count  first       last        evidence\n\
         out        criticizes  Russia  1      2022-01-10  2022-01-10  Spain criticized Russia.\n\
         mutual     meets       Russia  1      2022-02-01  2022-02-01  Russia met Spain.\n"
    );
    // The graph of a changed corpus equals a fresh build of it.
    ok(&d, &["build", "a", "-o", "fresh.ron"]);
    assert_eq!(stats(&d, "g.ron"), stats(&d, "fresh.ron"));
}

fn broken(d: &Dir, from: &str, to: &str) -> (i32, String) {
    ok(d, &["build", "a", "-o", "g.ron"]);
    let text = std::fs::read_to_string(d.path("g.ron")).unwrap();
    assert!(text.contains(from), "{from} not in the file");
    d.write("bad.ron", text.replacen(from, to, 1));
    let (code, out, err) = run(whowhom(d.tmp.path()).args(["stats", "--graph", "bad.ron"]));
    assert_eq!(out, "");
    (code, err)
}

#[test]
fn a_dangling_edge_is_named() {
    let d = corpus();
    let (code, err) = broken(&d, "target: \"NATO\"", "target: \"XYZ\"");
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "whowhom: bad.ron: edge 5 refers to node \"XYZ\", which the file does not define\n"
    );
}

#[test]
fn a_wrong_version_is_named() {
    let d = corpus();
    let (code, err) = broken(&d, "version: 1", "version: 2");
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "whowhom: bad.ron: graph file version 2 is not supported (this whowhom reads version 1)\n"
    );
}

#[test]
fn evidence_out_of_the_document_table_is_named() {
    let d = corpus();
    let (code, err) = broken(&d, "(doc: 1, sentence: 0", "(doc: 9, sentence: 0");
    assert_eq!(code, 1);
    assert!(
        err.ends_with("refers to document 9, but the file lists 2 document(s)\n"),
        "{err}"
    );
}

#[test]
fn malformed_ron_has_line_and_column() {
    let d = corpus();
    let (code, err) = broken(&d, "    nodes: [", "    nodes: [[");
    assert_eq!(code, 1);
    assert!(err.starts_with("whowhom: bad.ron:"), "{err}");
    let place: Vec<&str> = err.split(':').skip(2).take(2).collect();
    assert!(
        place.iter().all(|p| p.parse::<usize>().is_ok()),
        "line and column: {err}"
    );
    assert!(err.contains("malformed RON"), "{err}");
}

#[test]
fn into_a_missing_file_and_no_target_are_errors() {
    let d = corpus();
    let (code, _, err) = run(whowhom(d.tmp.path()).args(["build", "a", "--into", "nope.ron"]));
    assert_eq!(code, 1);
    assert!(err.starts_with("whowhom: nope.ron: cannot read: "), "{err}");
    let (code, _, _) = run(whowhom(d.tmp.path()).args(["build", "a"]));
    assert_eq!(code, 2, "usage: -o or --into is required");
}
