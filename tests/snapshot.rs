//! The binary snapshot beside a graph file: written with it, preferred while it
//! matches it, and refused with a warning (the RON read instead) when it is stale,
//! damaged or of another format.

mod common;
use common::{run, whowhom, Dir};

fn ok(d: &Dir, args: &[&str]) -> (String, String) {
    let (code, out, err) = run(whowhom(d.tmp.path()).args(args));
    assert_eq!(code, 0, "{args:?}: {err}");
    (out, err)
}

/// `stats --json` of g.ron and what it printed on stderr.
fn stats(d: &Dir) -> (String, String) {
    ok(d, &["stats", "--json", "--all-moods", "--graph", "g.ron"])
}

fn built() -> Dir {
    let d = Dir::new();
    d.write(
        "a.txt",
        "date 2022-01-03 Russia warned NATO. China threatened Taiwan. \
         The United States imposed sanctions on Iran.\n",
    );
    ok(&d, &["build", "-q", "a.txt", "-o", "g.ron"]);
    d
}

/// What stats says with the RON alone.
fn stats_of_ron(d: &Dir) -> String {
    let snap = std::fs::read(d.path("g.ron.snap")).expect("snapshot");
    std::fs::remove_file(d.path("g.ron.snap")).expect("remove snapshot");
    let (out, err) = stats(d);
    assert_eq!(err, "", "a graph file without a snapshot loads silently");
    std::fs::write(d.path("g.ron.snap"), snap).expect("put snapshot back");
    out
}

#[test]
fn the_snapshot_answers_as_the_ron_does() {
    let d = built();
    let (out, err) = stats(&d);
    assert_eq!(err, "");
    assert!(out.contains("\"edges\": 3"), "{out}");
    assert_eq!(out, stats_of_ron(&d));
}

#[test]
fn a_hand_edited_ron_is_honoured_over_its_snapshot() {
    let d = built();
    let ron = std::fs::read_to_string(d.path("g.ron")).expect("graph");
    // Same length, so only the hash tells the snapshot is stale.
    let edited = ron.replace("\"Russia\"", "\"Rossia\"");
    assert_eq!(edited.len(), ron.len());
    std::fs::write(d.path("g.ron"), &edited).expect("edit");
    let (out, err) = stats(&d);
    assert_eq!(
        err,
        "whowhom: warning: g.ron.snap: g.ron has changed since this snapshot was written; \
         reading g.ron instead\n"
    );
    assert!(
        out.contains("Rossia") && !out.contains("\"Russia\""),
        "{out}"
    );
    // Rewriting the graph (here: adding nothing new) writes a fresh snapshot.
    ok(&d, &["build", "-q", "a.txt", "--into", "g.ron"]);
    let (again, err) = stats(&d);
    assert_eq!(err, "");
    assert_eq!(again, out);
}

#[test]
fn a_damaged_snapshot_is_refused_with_a_warning() {
    let d = built();
    let (good, _) = stats(&d);
    let snap = std::fs::read(d.path("g.ron.snap")).expect("snapshot");
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (
            {
                let mut b = snap.clone();
                let mid = b.len() / 2;
                b[mid] ^= 0x55;
                b
            },
            "not a usable snapshot (checksum mismatch)",
        ),
        (
            snap[..snap.len() - 5].to_vec(),
            "not a usable snapshot (checksum mismatch)",
        ),
        (
            snap[..10].to_vec(),
            "not a usable snapshot (not a whowhom snapshot)",
        ),
        (
            b"(version: 1)".to_vec(),
            "not a usable snapshot (not a whowhom snapshot)",
        ),
        (
            {
                let mut b = snap.clone();
                b[8..12].copy_from_slice(&9u32.to_le_bytes());
                b
            },
            "snapshot format 9 is not the one this whowhom reads (1)",
        ),
    ];
    for (bytes, why) in cases {
        std::fs::write(d.path("g.ron.snap"), &bytes).expect("damage");
        let (out, err) = stats(&d);
        assert_eq!(
            err,
            format!("whowhom: warning: g.ron.snap: {why}; reading g.ron instead\n")
        );
        assert_eq!(out, good);
    }
}

#[test]
fn export_to_ron_writes_a_snapshot_too() {
    let d = built();
    ok(
        &d,
        &[
            "export", "--format", "ron", "--graph", "g.ron", "-o", "e.ron",
        ],
    );
    assert!(d.path("e.ron.snap").exists());
    assert_eq!(
        std::fs::read(d.path("e.ron")).expect("export"),
        std::fs::read(d.path("g.ron")).expect("graph")
    );
}
