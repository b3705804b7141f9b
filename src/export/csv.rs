//! CSV in the layout `neo4j-admin database import` reads: a nodes file whose header
//! types its columns (`id:ID`, `:LABEL`) and a relationships file (`:START_ID`,
//! `:END_ID`, `:TYPE`, `count:int`, …), so that
//! `neo4j-admin database import full --nodes=g.nodes.csv --relationships=g.edges.csv`
//! loads the graph. A third, flat table (`g.csv`: one row per edge with both names)
//! is for spreadsheets.
//!
//! Line breaks inside names and sentences become spaces: neo4j-admin rejects quoted
//! multi-line fields unless told `--multiline-fields`.

use super::ExportError;
use crate::graph::{Graph, NodeKind};
use std::path::{Path, PathBuf};

/// Header of the nodes file.
pub const NODES: [&str; 5] = ["id:ID", "name", "kind", "country", ":LABEL"];
/// Header of the relationships file.
pub const EDGES: [&str; 12] = [
    ":START_ID",
    ":END_ID",
    ":TYPE",
    "count:int",
    "first",
    "last",
    "asserted:int",
    "scheduled:int",
    "hypothetical:int",
    "negated:int",
    "symmetric:boolean",
    "example",
];
/// Header of the flat table.
pub const FLAT: [&str; 9] = [
    "source",
    "source_name",
    "relation",
    "target",
    "target_name",
    "count",
    "first",
    "last",
    "example",
];

/// The files written for `-o out`: `out.nodes.csv`, `out.edges.csv` and `out.csv`
/// (a trailing `.csv` of `out` is dropped first).
pub fn paths(out: &Path) -> [PathBuf; 3] {
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned());
    let stem = match name.as_deref().and_then(|n| n.strip_suffix(".csv")) {
        Some(s) => s.to_string(),
        None => name.unwrap_or_default(),
    };
    ["nodes.csv", "edges.csv", "csv"].map(|ext| out.with_file_name(format!("{stem}.{ext}")))
}

/// The nodes, relationships and flat tables, in the order of [`paths`].
pub fn tables(graph: &Graph) -> Result<[Vec<u8>; 3], ExportError> {
    let fail = |e: ::csv::Error| ExportError::serialize("CSV", e);
    let mut nodes = ::csv::Writer::from_writer(Vec::new());
    nodes.write_record(NODES).map_err(fail)?;
    for ix in graph.node_indices() {
        let n = graph.node(ix);
        let kind = n.kind.to_string();
        nodes
            .write_record([
                one_line(&n.key).as_str(),
                &one_line(&n.name),
                &kind,
                &one_line(n.country.as_deref().unwrap_or("")),
                &label(n.kind),
            ])
            .map_err(fail)?;
    }
    let mut edges = ::csv::Writer::from_writer(Vec::new());
    let mut flat = ::csv::Writer::from_writer(Vec::new());
    edges.write_record(EDGES).map_err(fail)?;
    flat.write_record(FLAT).map_err(fail)?;
    for (s, t, e) in graph.edges() {
        let (s, t) = (graph.node(s), graph.node(t));
        let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        let example = one_line(e.examples.first().map_or("", |x| x.text.as_str()));
        let (source, target) = (one_line(&s.key), one_line(&t.key));
        edges
            .write_record([
                source.as_str(),
                &target,
                &e.relation,
                &e.count.to_string(),
                &date(e.first),
                &date(e.last),
                &e.moods.asserted.to_string(),
                &e.moods.scheduled.to_string(),
                &e.moods.hypothetical.to_string(),
                &e.moods.negated.to_string(),
                &graph.is_symmetric(&e.relation).to_string(),
                &example,
            ])
            .map_err(fail)?;
        flat.write_record([
            source.as_str(),
            &one_line(&s.name),
            &e.relation,
            &target,
            &one_line(&t.name),
            &e.count.to_string(),
            &date(e.first),
            &date(e.last),
            &example,
        ])
        .map_err(fail)?;
    }
    let done = |w: ::csv::Writer<Vec<u8>>| {
        w.into_inner()
            .map_err(|e| ExportError::serialize("CSV", e.error()))
    };
    Ok([done(nodes)?, done(edges)?, done(flat)?])
}

/// Neo4j labels: every actor is an `Actor` and its kind; a concept only a `Concept`.
fn label(kind: NodeKind) -> String {
    let k = kind.to_string();
    let mut title: String = k[..1].to_uppercase();
    title.push_str(&k[1..]);
    if kind == NodeKind::Concept {
        title
    } else {
        format!("Actor;{title}")
    }
}

/// `s` with each run of whitespace that holds a line break turned into one space.
fn one_line(s: &str) -> String {
    if !s.contains(['\n', '\r']) {
        return s.to_string();
    }
    s.split(['\n', '\r'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_sit_beside_the_output() {
        let p = |s: &str| PathBuf::from(s);
        assert_eq!(
            paths(Path::new("out/g.csv")),
            [p("out/g.nodes.csv"), p("out/g.edges.csv"), p("out/g.csv")]
        );
        assert_eq!(
            paths(Path::new("g")),
            [p("g.nodes.csv"), p("g.edges.csv"), p("g.csv")]
        );
        assert_eq!(one_line("a \n b\r\nc"), "a b c");
        assert_eq!(label(NodeKind::Body), "Actor;Body");
    }
}
