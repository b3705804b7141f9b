//! The RON export: the graph file itself, provenance and all.
//!
//! It is the format `build` writes and `--graph` reads ([`crate::graph::file`]), so an
//! exported (or filtered) graph can be queried, added to with `build --into`, or
//! exported again. Writing to a file goes through [`Graph::save`], which is atomic.

use super::{emit, ExportError};
use crate::graph::Graph;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Write the graph file to `out`, or its text to `stdout`.
pub fn write(
    graph: &Graph,
    out: Option<&Path>,
    stdout: &mut dyn Write,
) -> Result<Vec<PathBuf>, ExportError> {
    match out {
        Some(p) => {
            graph.save(p)?;
            Ok(vec![p.to_path_buf()])
        }
        None => emit(graph.to_ron().as_bytes(), None, stdout),
    }
}
