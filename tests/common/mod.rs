//! Helpers for tests that drive the real binary on fixtures written in the test.

#![allow(dead_code)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// A temporary directory to write fixtures into.
pub struct Dir {
    pub tmp: TempDir,
}

impl Dir {
    pub fn new() -> Self {
        Dir {
            tmp: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.tmp.path().join(name)
    }

    /// Write `bytes` to `name` (creating directories) and return its path.
    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&p, bytes).expect("write fixture");
        p
    }
}

/// The whowhom binary, run from `dir`.
pub fn whowhom(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("whowhom").expect("binary");
    c.current_dir(dir);
    c
}

/// Run and return (exit code, stdout, stderr).
pub fn run(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().expect("run whowhom");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Parse a JSON Lines stream.
pub fn jsonl(s: &str) -> Vec<serde_json::Value> {
    s.lines()
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

/// (subject id, relation, object id or concept, mood) of each triple.
pub fn facts(s: &str) -> Vec<(String, String, String, String)> {
    jsonl(s)
        .iter()
        .map(|t| {
            let o = &t["object"];
            let object = o["id"].as_str().or(o["concept"].as_str()).unwrap_or("?");
            (
                t["subject"]["id"].as_str().unwrap_or("?").to_string(),
                t["relation"].as_str().unwrap_or("?").to_string(),
                object.to_string(),
                t["mood"].as_str().unwrap_or("?").to_string(),
            )
        })
        .collect()
}
