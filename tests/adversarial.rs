//! Hostile input ends cleanly: every case here finishes in bounded time and memory,
//! and input that is skipped is named with the reason.
//!
//! The bounds stated per test were measured on the dev profile (opt-level 1) on two
//! shared cores; the tests assert outcomes, never timings.

mod common;
use common::{facts, jsonl, run, whowhom, Dir};
use proptest::prelude::*;
use serde_json::Value;
use std::path::Path;
use std::sync::LazyLock;
use whowhom::corpus::{decode_lossy, Article, Field, FieldKind};
use whowhom::extract::Extractor;
use whowhom::gazetteer::{ActorKind, Gazetteer};
use whowhom::graph::Graph;
use whowhom::schema::Schema;
use whowhom::triple::{ActorRef, Mood, Object, Triple};

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| {
    let schema = Schema::builtin().expect("built-in schema");
    Extractor::new(schema, Gazetteer::builtin().expect("built-in gazetteer"))
});

/// An article built from raw bytes as the fuzz target `extract` builds it.
fn article(title: &[u8], body: &[u8]) -> Article {
    let field = |kind, bytes: &[u8]| {
        let (text, map) = decode_lossy(bytes.to_vec());
        Field::new(kind, text, map, 0)
    };
    Article {
        id: "a".into(),
        date: None,
        title: (!title.is_empty()).then(|| field(FieldKind::Title, title)),
        body: field(FieldKind::Body, body),
    }
}

fn warns() -> (String, String, String, String) {
    (
        "RUS".into(),
        "warns".into(),
        "NATO".into(),
        "asserted".into(),
    )
}

/// Every triple's span indexes the file's bytes, and the text there is the sentence.
fn spans_index(file: &[u8], out: &str) {
    for t in jsonl(out) {
        let (s, e) = (
            t["span"][0].as_u64().expect("start") as usize,
            t["span"][1].as_u64().expect("end") as usize,
        );
        assert_eq!(
            String::from_utf8_lossy(&file[s..e]),
            t["text"].as_str().expect("text"),
            "{t}"
        );
    }
}

// Bound: time linear in the line (8 s for 50 MB; it was quadratic before mention
// finding stopped lower-casing the text before each name), memory about 20 bytes per
// byte of the article (1 GB here), since an article's sentences are analysed together.
// The default --max-article-mb (256) is what caps one article.
#[test]
fn a_50_mb_line_without_punctuation_ends() {
    let d = Dir::new();
    let line = "the quick brown fox jumps over the lazy dog ".repeat(50_000_000 / 44);
    d.write("long.txt", format!("{line}\n"));
    let (code, out, err) = run(whowhom(d.tmp.path()).args(["extract", "long.txt"]));
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
}

// Bound: reading stops at the limit; nothing of the article is kept.
#[test]
fn an_article_over_the_limit_is_skipped_with_the_limit_named() {
    let d = Dir::new();
    d.write("big.txt", "Russia warned NATO. ".repeat(110_000));
    let (code, out, err) =
        run(whowhom(d.tmp.path()).args(["extract", "--max-article-mb", "1", "big.txt"]));
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(
        err,
        "whowhom: skipped: big.txt: file is 2.1 MiB, over the 1 MiB limit for one article (--max-article-mb)\n"
    );
}

// Bound: the splitter cuts sentences at MAX_SENTENCE_BYTES (4,000 bytes), so a
// 100,000-token sentence is 175 sentences of at most 4,000 bytes: under a second.
#[test]
fn a_sentence_of_100000_tokens_ends() {
    let d = Dir::new();
    let body = format!("{}warned NATO.\n", "Russia ".repeat(100_000));
    let file = d.write("tokens.txt", &body);
    let (code, out, err) = run(whowhom(d.tmp.path()).arg("extract").arg(&file));
    assert_eq!((code, err.as_str()), (0, ""));
    spans_index(body.as_bytes(), &out);
}

#[test]
fn nul_and_control_bytes_in_prose_are_read_and_spans_index_the_file() {
    let d = Dir::new();
    let body: &[u8] =
        b"Russia warned NATO.\x00 Officials in Kyiv said nothing \x07\x1b[0m more on Tuesday.\n";
    d.write("ctrl.txt", body);
    let (code, out, err) = run(whowhom(d.tmp.path()).args(["extract", "ctrl.txt"]));
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(facts(&out), [warns()]);
    spans_index(body, &out);
}

#[test]
fn a_file_of_mostly_control_bytes_is_skipped_as_binary() {
    let d = Dir::new();
    d.write("ctrl.txt", b"Russia\x00 warned \x01\x02 NATO.\n");
    let (code, out, err) = run(whowhom(d.tmp.path()).args(["extract", "ctrl.txt"]));
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(
        err,
        "whowhom: skipped: ctrl.txt: byte 6: binary file (NUL and control bytes), not text\n"
    );
}

#[test]
fn zero_width_and_bidi_characters_do_not_break_spans() {
    let d = Dir::new();
    let body =
        "\u{feff}Russia warned\u{200b} NATO.\u{202e} Kyiv \u{200d}\u{2066}denied it.\u{2069}\n\
                \u{200f}Russia warned NATO again.\n";
    d.write("bidi.txt", body);
    let (code, out, err) = run(whowhom(d.tmp.path()).args(["extract", "bidi.txt"]));
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(!facts(&out).is_empty(), "{out}");
    spans_index(body.as_bytes(), &out);
}

#[test]
fn cyrillic_and_arabic_text_is_read_without_complaint() {
    let d = Dir::new();
    let body = "Россия предупредила НАТО. Москва заявила: «Мы не согласны».\n\
                حذرت روسيا حلف الناتو. وقالت موسكو إنها لن توافق.\n\
                Russia warned NATO.\n";
    d.write("mixed.txt", body);
    let (code, out, err) = run(whowhom(d.tmp.path()).args(["extract", "mixed.txt"]));
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(facts(&out), [warns()]);
    spans_index(body.as_bytes(), &out);
}

// Bound: the walk holds the 10,000 paths; articles are read in batches of 64, so
// memory does not grow with the number of files (a few seconds here).
#[test]
fn ten_thousand_tiny_files_are_all_read() {
    let d = Dir::new();
    for i in 0..10_000 {
        d.write(
            &format!("many/{:02}/{i:05}.txt", i % 100),
            "Russia warned NATO.\n",
        );
    }
    let (code, _, err) = run(whowhom(d.tmp.path()).args(["build", "-q", "many", "-o", "g.ron"]));
    assert_eq!((code, err.as_str()), (0, ""));
    let (_, stats, _) = run(whowhom(d.tmp.path()).args(["stats", "--json", "--graph", "g.ron"]));
    let v: Value = serde_json::from_str(&stats).expect("JSON");
    assert_eq!(
        (&v["documents"], &v["mentions"]),
        (&10_000.into(), &10_000.into())
    );
}

#[cfg(unix)]
#[test]
fn a_directory_symlink_loop_is_named_and_not_followed() {
    let d = Dir::new();
    d.write("c/a.txt", "Russia warned NATO.\n");
    std::fs::create_dir_all(d.path("c/loop")).expect("mkdir");
    std::os::unix::fs::symlink("..", d.path("c/loop/up")).expect("symlink");
    let (code, out, err) = run(whowhom(d.tmp.path()).args(["extract", "c"]));
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "whowhom: skipped: c/loop/up: directory symlink loop; not followed\n"
    );
    assert_eq!(facts(&out), [warns()]);
}

/// A file that is gone by the time it is read: a dangling symlink is the same to the
/// reader as a file deleted between listing the directory and opening it.
#[cfg(unix)]
#[test]
fn a_file_that_vanished_is_named_and_the_rest_still_read() {
    let d = Dir::new();
    d.write("c/a.txt", "Russia warned NATO.\n");
    std::os::unix::fs::symlink("deleted.txt", d.path("c/gone.txt")).expect("symlink");
    let (code, out, err) = run(whowhom(d.tmp.path()).args(["extract", "c"]));
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "whowhom: skipped: c/gone.txt: cannot read: No such file or directory (os error 2)\n"
    );
    assert_eq!(facts(&out), [warns()]);
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_named_and_the_rest_still_read() {
    use std::os::unix::fs::PermissionsExt;
    let d = Dir::new();
    d.write("c/a.txt", "Russia warned NATO.\n");
    let secret = d.write("c/secret.txt", "Russia warned NATO.\n");
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&secret).is_ok() {
        // Root (as in CI containers) reads whatever the permissions say.
        eprintln!("skipped: running as root, where mode 000 does not stop a read");
        return;
    }
    let (code, out, err) = run(whowhom(d.tmp.path()).args(["extract", "c"]));
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "whowhom: skipped: c/secret.txt: cannot read: Permission denied (os error 13)\n"
    );
    assert_eq!(facts(&out), [warns()]);
}

/// Found by the `extract` fuzz target: a noun phrase that ran to the end of the
/// sentence indexed one word past it (`np.rs`, the surname check).
#[test]
fn fuzz_regression_np_surname_past_the_end() {
    let input = include_bytes!("../fuzz/regressions/extract-np-surname-past-end");
    let (first, rest) = input.split_first().expect("non-empty");
    let (title, body) = rest.split_at((*first as usize).min(rest.len()));
    let a = article(title, body);
    assert_eq!(EXTRACTOR.extract(&a), EXTRACTOR.extract(&a));
}

/// Text that looks like news, with hostile characters mixed in.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Russia".to_string()),
        Just("warned".to_string()),
        Just("NATO".to_string()),
        Just("the United States".to_string()),
        Just("threatened to impose sanctions on".to_string()),
        Just("Mr. Putin".to_string()),
        Just("Blinken".to_string()),
        Just("did not".to_string()),
        Just("met".to_string()),
        Just("said.".to_string()),
        Just("“We agree,”".to_string()),
        Just("\n".to_string()),
        Just("\u{200b}".to_string()),
        Just("\u{202e}".to_string()),
        Just("\0".to_string()),
        "[a-zA-Z]{1,9}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The same article extracted twice gives the same triples.
    #[test]
    fn extraction_is_deterministic(title in newsy(), body in newsy()) {
        let a = article(title.as_bytes(), body.as_bytes());
        let once = EXTRACTOR.extract(&a);
        prop_assert_eq!(format!("{once:?}"), format!("{:?}", EXTRACTOR.extract(&a)));
    }
}

/// `stats --json` of a graph file.
fn stats(dir: &Path, graph: &str) -> String {
    let (code, out, err) = run(whowhom(dir).args(["stats", "--json", "--graph", graph]));
    assert_eq!((code, err.as_str()), (0, ""));
    out
}

/// Building a corpus at once equals building its first half and adding the second
/// with `--into`, over a few generated mini-corpora.
#[test]
fn build_of_a_corpus_equals_build_of_its_halves_merged() {
    let sentences = [
        "Russia warned NATO.",
        "The United States imposed sanctions on Iran.",
        "China threatened Taiwan.",
        "Germany and France met in Paris.",
        "Ukraine accused Russia of shelling Kyiv.",
        "Turkey did not condemn Hamas.",
        "India criticized Canada.",
        "The European Union praised Japan.",
    ];
    for seed in 1..=3u64 {
        let d = Dir::new();
        let mut x = seed;
        let mut next = || {
            // xorshift: a fixed, dependency-free sequence per seed.
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as usize
        };
        let files = 6 + next() % 6;
        for i in 0..files {
            let n = 1 + next() % 4;
            let text: Vec<&str> = (0..n)
                .map(|_| sentences[next() % sentences.len()])
                .collect();
            let date = format!("date 2022-0{}-1{} ", 1 + next() % 9, next() % 10);
            let half = if i < files / 2 { "a" } else { "b" };
            d.write(
                &format!("{half}/{i:02}.txt"),
                format!("{date}{}\n", text.join(" ")),
            );
        }
        let ok = |args: &[&str]| {
            let (code, _, err) = run(whowhom(d.tmp.path()).args(args));
            assert_eq!((code, err.as_str()), (0, ""), "{args:?}");
        };
        ok(&["build", "-q", "a", "b", "-o", "all.ron"]);
        ok(&["build", "-q", "a", "-o", "halves.ron"]);
        ok(&["build", "-q", "b", "--into", "halves.ron"]);
        assert_eq!(
            stats(d.tmp.path(), "halves.ron"),
            stats(d.tmp.path(), "all.ron"),
            "seed {seed}"
        );
    }
}

/// A valid graph file to edit by hand.
fn graph_file(d: &Dir) -> String {
    d.write("a.txt", "Russia warned NATO. China threatened Taiwan.\n");
    let (code, _, err) = run(whowhom(d.tmp.path()).args(["build", "-q", "a.txt", "-o", "g.ron"]));
    assert_eq!((code, err.as_str()), (0, ""));
    std::fs::read_to_string(d.path("g.ron")).expect("graph file")
}

/// `stats --graph` on a graph file written in the test: (exit code, stderr).
fn load(d: &Dir, text: &str) -> (i32, String) {
    d.write("edited.ron", text);
    let (code, _, err) = run(whowhom(d.tmp.path()).args(["stats", "--graph", "edited.ron"]));
    (code, err)
}

// Bound: the size is checked before reading, so this reads nothing (the file is
// sparse: it takes no disk).
#[test]
fn an_oversized_graph_file_is_refused_before_reading() {
    let d = Dir::new();
    let f = std::fs::File::create(d.path("big.ron")).expect("create");
    f.set_len(whowhom::graph::file::MAX_FILE_BYTES + 1)
        .expect("sparse file");
    let (code, _, err) = run(whowhom(d.tmp.path()).args(["stats", "--graph", "big.ron"]));
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "whowhom: big.ron: graph file is 2.0 GiB, over the 2 GiB limit for a graph file\n"
    );
}

// Bound: the parser stops at depth 64, so the stack holds 64 frames, whatever the
// depth written.
#[test]
fn a_deeply_nested_graph_file_is_refused_without_overflowing_the_stack() {
    let d = Dir::new();
    let (code, err) = load(&d, &"[".repeat(100_000));
    assert_eq!(
        (code, err.as_str()),
        (
            1,
            "whowhom: edited.ron:1:1: malformed RON: Expected opening `(` for struct `Header`\n"
        )
    );
    for (text, column) in [
        (format!("(version: 1, nodes: {})", "[".repeat(100_000)), 52),
        (format!("(version: 1, x: {})", "(".repeat(100_000)), 48),
    ] {
        let (code, err) = load(&d, &text);
        assert_eq!(code, 1);
        assert_eq!(
            err,
            format!("whowhom: edited.ron:1:{column}: nested more than 64 levels deep; not a graph file\n")
        );
    }
}

#[test]
fn hand_edited_graph_files_get_exact_messages() {
    let d = Dir::new();
    let text = graph_file(&d);
    for (from, to, message) in [
        (
            "target: \"NATO\"",
            "target: \"XYZ\"",
            "edited.ron: edge 2 refers to node \"XYZ\", which the file does not define",
        ),
        (
            "doc: 0",
            "doc: 4294967295",
            "edited.ron: edge 1 refers to document 4294967295, but the file lists 1 document(s)",
        ),
        (
            "key: \"NATO\"",
            "key: \"CHN\"",
            "edited.ron: node \"CHN\" is defined twice",
        ),
        (
            "version: 1",
            "version: 99999999999",
            "edited.ron:2:14: malformed RON: Integer is out of bounds",
        ),
    ] {
        assert!(text.contains(from), "{from} not in\n{text}");
        let (code, err) = load(&d, &text.replacen(from, to, 1));
        assert_eq!((code, err), (1, format!("whowhom: {message}\n")), "{from}");
    }
    let (code, err) = load(&d, &text.replace("\"warns\"", "\"no_such_relation\""));
    assert!(code <= 1 && !err.contains("panicked"), "{err}");
}

/// Every hand edit of a line — deleted, doubled, or with its numbers made huge or
/// negative — loads or is refused; none panics, in loading or in the commands after.
#[test]
fn no_hand_edit_of_a_graph_file_panics() {
    let d = Dir::new();
    let text = graph_file(&d);
    let lines: Vec<&str> = text.lines().collect();
    let mut edits = Vec::new();
    for i in 0..lines.len() {
        let mut deleted = lines.clone();
        deleted.remove(i);
        edits.push(deleted.join("\n"));
        let mut doubled = lines.clone();
        doubled.insert(i, lines[i]);
        edits.push(doubled.join("\n"));
        for n in ["4294967295", "-1", "18446744073709551616", "0"] {
            let mut changed: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
            changed[i] = lines[i]
                .split(|c: char| c.is_ascii_digit())
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(n);
            edits.push(changed.join("\n"));
        }
    }
    let mut loaded = 0;
    for edit in &edits {
        match Graph::from_ron("edited.ron", edit) {
            Ok(g) => {
                loaded += 1;
                // What loads must also serialize and load back.
                let again = g.to_ron();
                Graph::from_ron("again.ron", &again).expect("loads back");
            }
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    }
    assert!(
        loaded > 0 && loaded < edits.len(),
        "{loaded} of {}",
        edits.len()
    );
    // The commands after loading, on the edits that load and change a number.
    for edit in edits
        .iter()
        .filter(|e| Graph::from_ron("e", e).is_ok())
        .take(40)
    {
        d.write("edited.ron", edit);
        for args in [
            &["stats", "--graph", "edited.ron"][..],
            &["export", "-f", "json", "--graph", "edited.ron"],
            &["neighbors", "Russia", "--graph", "edited.ron"],
        ] {
            let (code, _, err) = run(whowhom(d.tmp.path()).args(args));
            assert!(
                (0..=2).contains(&code) && !err.contains("panicked"),
                "{args:?}: {code} {err}\n{edit}"
            );
        }
    }
}

/// Names built to break each output format's quoting.
const HOSTILE: [&str; 6] = [
    "a --> b",
    "<!-- comment -->",
    "Say \"hi\" \\ bye",
    "two\nlines",
    "<tag> & &amp; ]]>",
    "x,\"y\",\r\nz",
];

fn hostile_graph(d: &Dir) {
    let actor = |i: usize| ActorRef {
        id: HOSTILE[i].into(),
        name: HOSTILE[i].into(),
        kind: ActorKind::Country,
        country: None,
    };
    let triples: Vec<Triple> = (0..HOSTILE.len())
        .map(|i| Triple {
            doc: "d".into(),
            date: None,
            event_date: None,
            sentence: i,
            span: [i, i + 1],
            text: format!(
                "{} warned {}.",
                HOSTILE[i],
                HOSTILE[(i + 1) % HOSTILE.len()]
            ),
            field: None,
            subject: actor(i),
            relation: "warns".into(),
            object: Object::Actor(actor((i + 1) % HOSTILE.len())),
            theme: None,
            mood: Mood::Asserted,
            confidence: 0.5,
        })
        .collect();
    let mut g = Graph::with_symmetric([]);
    g.add_document("d", 1, None, &triples);
    g.save(&d.path("g.ron")).expect("save");
}

fn export(d: &Dir, args: &[&str]) -> String {
    let (code, out, err) = run(whowhom(d.tmp.path())
        .args(["export", "--graph", "g.ron"])
        .args(args));
    assert_eq!((code, err.as_str()), (0, ""), "{args:?}");
    out
}

/// tests/export.rs checks DOT (parsed back, drawn) and GraphML (quick-xml, networkx)
/// with quotes, backslashes, newlines, `<` and `&`; this adds `-->`, `<!--`, `]]>` and
/// CSV's own separators, and reads every format back.
#[test]
fn hostile_names_survive_every_export_format() {
    let d = Dir::new();
    hostile_graph(&d);
    let want: std::collections::BTreeSet<String> = HOSTILE.iter().map(|s| s.to_string()).collect();

    let json: Value = serde_json::from_str(&export(&d, &["-f", "json"])).expect("JSON");
    let names = json["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|n| n["name"].as_str().expect("name").to_string())
        .collect();
    assert_eq!(want, names);

    export(&d, &["-f", "csv", "-o", "out"]);
    // neo4j-admin reads one record a line unless told otherwise: line breaks in a
    // name become spaces; everything else comes back as written.
    let one_line: std::collections::BTreeSet<String> = HOSTILE
        .iter()
        .map(|s| {
            s.split(['\n', '\r'])
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let mut csv = csv::Reader::from_path(d.path("out.nodes.csv")).expect("nodes CSV");
    let headers = csv.headers().expect("headers").clone();
    let col = headers
        .iter()
        .position(|h| h.starts_with("name"))
        .expect("name column");
    let names = csv
        .records()
        .map(|r| r.expect("CSV record")[col].to_string())
        .collect();
    assert_eq!(one_line, names);

    let xml = export(&d, &["-f", "graphml"]);
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut ids = std::collections::BTreeSet::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Eof => break,
            quick_xml::events::Event::Start(e) if e.name().as_ref() == "node" => {
                let id = e.try_get_attribute("id").expect("attr").expect("id");
                let value = id.normalized_value(quick_xml::XmlVersion::default());
                ids.insert(value.expect("value").into_owned());
            }
            quick_xml::events::Event::Comment(c) => panic!("a name opened a comment: {c:?}"),
            _ => {}
        }
    }
    assert_eq!(want, ids);

    let dot = export(&d, &["-f", "dot"]);
    assert!(
        graphviz_rust::parse(&dot).is_ok(),
        "DOT does not parse:\n{dot}"
    );
    assert!(dot.contains("\"a --> b\""), "{dot}");
}

/// `render` runs Graphviz through graphviz-rust's `exec`, which builds a
/// `std::process::Command` ("dot" and its arguments, no shell) on a temporary DOT
/// file; the image path is never an argument (whowhom writes the image itself). A
/// path full of shell syntax is therefore just a file name.
#[test]
fn render_treats_a_shell_looking_path_as_a_file_name() {
    let d = Dir::new();
    hostile_graph(&d);
    let path = "$(touch pwned); `touch pwned2` | x & y.svg";
    let (code, _, err) =
        run(whowhom(d.tmp.path()).args(["render", "--graph", "g.ron", "-o", path]));
    assert!(!d.path("pwned").exists() && !d.path("pwned2").exists());
    if code == 0 {
        assert!(d.path(path).exists(), "{err}");
    } else {
        assert!(err.contains("Graphviz"), "{err}");
    }
}
