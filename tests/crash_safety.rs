//! No lost graphs: a `build --into` killed at any moment leaves the old graph or the
//! new one, never a torn file; concurrent `build --into` of one file are serialised
//! by the advisory lock on `graph.ron.lock` and lose no one's documents. The binary
//! snapshot beside the graph (`graph.ron.snap`) is never left stale by a kill: the
//! pair is old, new, or a graph with no snapshot.

mod common;
use common::{run, whowhom, Dir};
use std::process::{Command, Stdio};
use std::time::Duration;

/// The binary as a plain `std::process::Command`, to spawn, kill and wait on.
fn spawn_whowhom(d: &Dir, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_whowhom"));
    c.current_dir(d.tmp.path()).args(args);
    c
}

/// `stats --json` of a graph file, which must load.
fn stats(d: &Dir, graph: &str) -> String {
    let (code, out, err) = run(whowhom(d.tmp.path()).args(["stats", "--json", "--graph", graph]));
    assert_eq!((code, err.as_str()), (0, ""), "{graph} does not load");
    out
}

fn ok(d: &Dir, args: &[&str]) {
    let (code, _, err) = run(whowhom(d.tmp.path()).args(args));
    assert_eq!((code, err.as_str()), (0, ""), "{args:?}");
}

/// `n` articles under `dir`, each a few sentences that make edges.
fn corpus(d: &Dir, dir: &str, n: usize) {
    let sentences = [
        "Russia warned NATO.",
        "China threatened Taiwan.",
        "The United States imposed sanctions on Iran.",
        "Ukraine accused Russia of shelling Kyiv.",
        "India criticized Canada.",
    ];
    for i in 0..n {
        let text: Vec<&str> = (0..4)
            .map(|k| sentences[(i + k) % sentences.len()])
            .collect();
        d.write(
            &format!("{dir}/{i:05}.txt"),
            format!("date 2022-01-{:02} {}\n", 1 + i % 28, text.join(" ")),
        );
    }
}

#[test]
fn sigkill_during_build_into_leaves_a_whole_graph() {
    let d = Dir::new();
    d.write("old.txt", "Germany and France met in Paris.\n");
    corpus(&d, "big", 3000);
    ok(&d, &["build", "-q", "old.txt", "-o", "g.ron"]);
    ok(&d, &["build", "-q", "old.txt", "big", "-o", "full.ron"]);
    let (old, full) = (stats(&d, "g.ron"), stats(&d, "full.ron"));
    let original = std::fs::read(d.path("g.ron")).expect("graph");
    let original_snap = std::fs::read(d.path("g.ron.snap")).expect("snapshot");
    // Kill at several moments: early (reading), later (extracting, writing).
    for delay in [50, 200, 500, 1000, 2000, 3000] {
        std::fs::write(d.path("g.ron"), &original).expect("reset graph");
        std::fs::write(d.path("g.ron.snap"), &original_snap).expect("reset snapshot");
        let mut child = spawn_whowhom(&d, &["build", "-q", "big", "--into", "g.ron"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn build");
        std::thread::sleep(Duration::from_millis(delay));
        // SIGKILL on Unix: no destructor, no cleanup runs.
        let _ = child.kill();
        let _ = child.wait();
        // `stats` insists on a clean stderr: no stale-snapshot warning either.
        let now = stats(&d, "g.ron");
        assert!(
            now == old || now == full,
            "after a kill at {delay} ms the graph is neither the old nor the new one:\n{now}"
        );
        if d.path("g.ron.snap").exists() {
            std::fs::rename(d.path("g.ron.snap"), d.path("aside.snap")).expect("move aside");
            assert_eq!(
                stats(&d, "g.ron"),
                now,
                "the snapshot disagrees with the RON"
            );
        }
    }
}

#[test]
fn concurrent_builds_into_one_graph_lose_no_documents() {
    let d = Dir::new();
    corpus(&d, "x", 20);
    corpus(&d, "y", 300);
    corpus(&d, "z", 300);
    // Different documents in each: rename so that ids do not collide.
    for (dir, prefix) in [("y", "y"), ("z", "z")] {
        for e in std::fs::read_dir(d.path(dir)).expect("dir") {
            let p = e.expect("entry").path();
            let name = p.file_name().expect("name").to_string_lossy().into_owned();
            std::fs::rename(&p, p.with_file_name(format!("{prefix}{name}"))).expect("rename");
        }
    }
    ok(&d, &["build", "-q", "x", "y", "z", "-o", "all.ron"]);
    let all = stats(&d, "all.ron");
    for round in 0..3 {
        ok(&d, &["build", "-q", "x", "-o", "g.ron"]);
        let spawn = |dir: &str| {
            spawn_whowhom(&d, &["build", "-q", dir, "--into", "g.ron"])
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn build")
        };
        let (a, b) = (spawn("y"), spawn("z"));
        for child in [a, b] {
            let out = child.wait_with_output().expect("wait");
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        assert_eq!(stats(&d, "g.ron"), all, "round {round}");
    }
    assert!(d.path("g.ron.lock").exists());
}

/// While another process holds the lock, `build --into` waits; it proceeds once the
/// lock is released.
#[test]
fn build_into_waits_for_the_lock() {
    let d = Dir::new();
    d.write("a.txt", "Russia warned NATO.\n");
    d.write("b.txt", "China threatened Taiwan.\n");
    ok(&d, &["build", "-q", "a.txt", "-o", "g.ron"]);
    let lock = std::fs::File::create(d.path("g.ron.lock")).expect("lock file");
    lock.lock().expect("lock");
    let mut child = spawn_whowhom(&d, &["build", "-q", "b.txt", "--into", "g.ron"])
        .spawn()
        .expect("spawn build");
    std::thread::sleep(Duration::from_millis(1500));
    assert!(
        child.try_wait().expect("try_wait").is_none(),
        "build --into did not wait for the lock"
    );
    lock.unlock().expect("unlock");
    assert!(child.wait().expect("wait").success());
    ok(&d, &["build", "-q", "a.txt", "b.txt", "-o", "both.ron"]);
    assert_eq!(stats(&d, "g.ron"), stats(&d, "both.ron"));
}

#[test]
fn build_into_a_missing_graph_is_named_and_leaves_no_lock_file() {
    let d = Dir::new();
    d.write("a.txt", "Russia warned NATO.\n");
    let (code, _, err) =
        run(whowhom(d.tmp.path()).args(["build", "-q", "a.txt", "--into", "nope.ron"]));
    assert_eq!(
        (code, err.as_str()),
        (
            1,
            "whowhom: nope.ron: cannot read: No such file or directory (os error 2)\n"
        )
    );
    assert!(!d.path("nope.ron.lock").exists());
}
