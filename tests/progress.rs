//! The progress bar stays off stderr when stderr is not a terminal (as under the test
//! harness, which captures it), and parallel builds are deterministic.

mod common;

use common::{run, whowhom, Dir};
use std::path::Path;

/// A JSON Lines corpus of the sample articles, copied under distinct ids so that there
/// are several batches of 64 and no duplicates.
fn corpus(d: &Dir) -> std::path::PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&root)
        .expect("data/corpus")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    let mut out = String::new();
    for copy in 0..30 {
        for f in &files {
            let text = std::fs::read_to_string(f).expect("sample article");
            let record = serde_json::json!({
                "id": format!("{}#{copy}", f.file_name().unwrap().to_string_lossy()),
                "date": "2022-02-01",
                "text": text,
            });
            out.push_str(&record.to_string());
            out.push('\n');
        }
    }
    d.write("corpus.jsonl", out)
}

fn no_progress_drawn(stderr: &str) {
    assert!(
        !stderr.contains('\r') && !stderr.contains('\u{1b}'),
        "progress output on a non-terminal stderr: {stderr:?}"
    );
}

#[test]
fn extract_prints_nothing_on_stderr_when_not_a_terminal() {
    let d = Dir::new();
    let c = corpus(&d);
    let (code, out, err) = run(whowhom(d.tmp.path()).arg("extract").arg(&c));
    assert_eq!(code, 0, "{err}");
    assert!(!out.is_empty());
    assert_eq!(err, "");
}

#[test]
fn build_prints_only_its_summary_when_not_a_terminal() {
    let d = Dir::new();
    let c = corpus(&d);
    let (code, _, err) = run(whowhom(d.tmp.path()).args(["build", "-o", "g.ron"]).arg(&c));
    assert_eq!(code, 0, "{err}");
    no_progress_drawn(&err);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("whowhom: g.ron: 150 document(s) added"),
        "{err}"
    );
    let (code, _, err) = run(whowhom(d.tmp.path())
        .args(["build", "--quiet", "-o", "q.ron"])
        .arg(&c));
    assert_eq!(code, 0, "{err}");
    assert_eq!(err, "");
}

#[test]
fn build_is_byte_identical_on_one_and_two_threads() {
    let d = Dir::new();
    let c = corpus(&d);
    for (threads, file) in [("1", "one.ron"), ("2", "two.ron")] {
        let (code, _, err) = run(whowhom(d.tmp.path())
            .args(["build", "--quiet", "--threads", threads, "-o", file])
            .arg(&c));
        assert_eq!(code, 0, "{err}");
    }
    let read = |f: &str| std::fs::read(d.path(f)).expect("graph file");
    assert_eq!(read("one.ron"), read("two.ron"));
    let stats = |g: &str| {
        let (code, out, err) =
            run(whowhom(d.tmp.path()).args(["stats", "--json", "--all-moods", "--graph", g]));
        assert_eq!(code, 0, "{err}");
        out
    };
    let one = stats("one.ron");
    assert!(one.contains("\"edges\""), "{one}");
    assert_eq!(one, stats("two.ron"));
}
