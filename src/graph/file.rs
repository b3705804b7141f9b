//! The graph file: the whole graph with its provenance, as RON.
//!
//! Edges name their endpoints by node key, not by index, so that a reader (or a hand
//! editor) can follow the file. Writing is atomic: a temporary file in the same
//! directory, synced, then renamed over the target, so that a crash never leaves half
//! a graph. Loading trusts nothing: the version, every reference and every index are
//! checked, and derived numbers (counts, dates, mood counts) are recomputed from the
//! evidence.

use super::{Document, Edge, Evidence, Example, Graph, Moods, Node};
use crate::datafile::DataError;
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::io::Read as _;
use std::path::Path;

/// The version this build writes and reads.
pub const VERSION: u32 = 1;

/// The largest graph file read (2 GiB). A graph file is data from elsewhere: reading
/// it whole costs its size in memory, and parsing it several times that.
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// How deep a graph file may nest. A real one nests six levels (file, edges, edge,
/// evidence, reference, span); the parser recurses once per level, so a limit keeps
/// `[[[[…` from overflowing the stack.
pub const MAX_NESTING: usize = 64;

/// Errors name the file, and the line and column where RON is malformed.
pub type FileError = DataError;

#[derive(Deserialize)]
struct Header {
    version: u32,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct GraphFile {
    version: u32,
    /// Relations stored once per pair, smaller key first.
    symmetric: Vec<String>,
    documents: Vec<Document>,
    nodes: Vec<Node>,
    edges: Vec<FileEdge>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileEdge {
    source: String,
    relation: String,
    target: String,
    count: u32,
    #[serde(default)]
    first: Option<NaiveDate>,
    #[serde(default)]
    last: Option<NaiveDate>,
    #[serde(default)]
    moods: Moods,
    evidence: Vec<Evidence>,
    #[serde(default)]
    examples: Vec<Example>,
}

impl Graph {
    /// The graph as RON text.
    pub fn to_ron(&self) -> Result<String, ron::Error> {
        let file = GraphFile {
            version: VERSION,
            symmetric: self.symmetric.iter().cloned().collect(),
            documents: self.documents.clone(),
            nodes: self
                .node_indices()
                .into_iter()
                .map(|n| self.graph[n].clone())
                .collect(),
            edges: self
                .edges()
                .into_iter()
                .map(|(s, t, e)| FileEdge {
                    source: self.graph[s].key.clone(),
                    relation: e.relation.clone(),
                    target: self.graph[t].key.clone(),
                    count: e.count,
                    first: e.first,
                    last: e.last,
                    moods: e.moods,
                    evidence: e.evidence.clone(),
                    examples: e.examples.clone(),
                })
                .collect(),
        };
        let pretty = ron::ser::PrettyConfig::new().depth_limit(3);
        ron::ser::to_string_pretty(&file, pretty)
    }

    /// Write the graph to `path` atomically.
    pub fn save(&self, path: &Path) -> Result<(), FileError> {
        let name = path.display().to_string();
        let fail = |what: &str, e: &dyn std::fmt::Display| {
            DataError::new(&name, None, format!("cannot {what}: {e}"))
        };
        let text = self.to_ron().map_err(|e| fail("serialize the graph", &e))?;
        crate::atomic::write_atomic(path, text.as_bytes()).map_err(|e| fail("write", &e))
    }

    /// Read and validate a graph file.
    pub fn load(path: &Path) -> Result<Graph, FileError> {
        let name = path.display().to_string();
        let cannot = |e: std::io::Error| DataError::new(&name, None, format!("cannot read: {e}"));
        let too_big = |size: u64| {
            let gib = |n: u64| n as f64 / (1024.0 * 1024.0 * 1024.0);
            DataError::new(
                &name,
                None,
                format!(
                    "graph file is {:.1} GiB, over the {:.0} GiB limit for a graph file",
                    gib(size),
                    gib(MAX_FILE_BYTES)
                ),
            )
        };
        let file = std::fs::File::open(path).map_err(cannot)?;
        let size = file.metadata().map_err(cannot)?.len();
        if size > MAX_FILE_BYTES {
            return Err(too_big(size));
        }
        // The file may grow while it is read (or be a pipe): read no more than the limit.
        let mut bytes = Vec::with_capacity(size as usize);
        file.take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(cannot)?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(too_big(bytes.len() as u64));
        }
        let text = String::from_utf8(bytes).map_err(|e| {
            DataError::new(
                &name,
                None,
                format!(
                    "not UTF-8 text at byte {}; a graph file is RON text",
                    e.utf8_error().valid_up_to()
                ),
            )
        })?;
        Graph::from_ron(&name, &text)
    }

    /// Parse and validate graph-file text; `file` names it in errors.
    pub fn from_ron(file: &str, text: &str) -> Result<Graph, FileError> {
        let header: Header = parse(file, text)?;
        if header.version != VERSION {
            return Err(DataError::new(
                file,
                None,
                format!(
                    "graph file version {} is not supported (this whowhom reads version {VERSION})",
                    header.version
                ),
            ));
        }
        let parsed: GraphFile = parse(file, text)?;
        let err = |problem: String| DataError::new(file, None, problem);
        let mut g = Graph::with_symmetric(parsed.symmetric);
        for (i, mut d) in parsed.documents.into_iter().enumerate() {
            if g.doc_index.contains_key(&d.id) {
                return Err(err(format!("document {:?} is listed twice", d.id)));
            }
            d.evidence = 0;
            g.doc_index.insert(d.id.clone(), i as u32);
            g.documents.push(d);
        }
        for n in parsed.nodes {
            if g.nodes.contains_key(&n.key) {
                return Err(err(format!("node {:?} is defined twice", n.key)));
            }
            let key = n.key.clone();
            let ix = g.graph.add_node(n);
            g.nodes.insert(key, ix);
        }
        let mut seen = HashSet::new();
        for (i, fe) in parsed.edges.into_iter().enumerate() {
            let at = i + 1;
            let end = |key: &str| {
                g.nodes.get(key).copied().ok_or_else(|| {
                    err(format!(
                        "edge {at} refers to node {key:?}, which the file does not define"
                    ))
                })
            };
            let (mut s, mut t) = (end(&fe.source)?, end(&fe.target)?);
            // A hand-edited symmetric edge may be written the other way round; merges
            // look it up smaller key first.
            if g.is_symmetric(&fe.relation) && fe.target < fe.source {
                std::mem::swap(&mut s, &mut t);
            }
            let ends = (&g.graph[s].key, &g.graph[t].key);
            if !seen.insert((ends.0.clone(), fe.relation.clone(), ends.1.clone())) {
                return Err(err(format!(
                    "edge {at} ({} {} {}) is listed twice",
                    fe.source, fe.relation, fe.target
                )));
            }
            if fe.evidence.is_empty() {
                return Err(err(format!("edge {at} has no evidence")));
            }
            let docs = g.documents.len();
            let bad = fe
                .evidence
                .iter()
                .map(|e| e.doc)
                .chain(fe.examples.iter().map(|x| x.doc))
                .find(|&d| d as usize >= docs);
            if let Some(d) = bad {
                return Err(err(format!(
                    "edge {at} refers to document {d}, but the file lists {docs} document(s)"
                )));
            }
            let mut edge = Edge {
                relation: fe.relation.clone(),
                count: fe.count,
                first: fe.first,
                last: fe.last,
                moods: fe.moods,
                evidence: fe.evidence,
                examples: fe.examples,
            };
            // A hand-edited file may have them out of order.
            edge.evidence.sort_by(|a, b| g.evidence_order(a, b));
            edge.examples.sort_by(|a, b| g.example_order(a, b));
            edge.examples.truncate(super::EXAMPLES);
            edge.recount();
            for e in &edge.evidence {
                g.documents[e.doc as usize].evidence += 1;
            }
            let ix = g.graph.add_edge(s, t, edge);
            g.edges.insert((s, fe.relation, t), ix);
        }
        Ok(g)
    }
}

/// Parse RON with the nesting limit, naming the file, line and column of a problem.
fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, DataError> {
    ron::Options::default()
        .with_recursion_limit(MAX_NESTING)
        .from_str(text)
        .map_err(|e| {
            let problem = match e.code {
                ron::Error::ExceededRecursionLimit => {
                    format!("nested more than {MAX_NESTING} levels deep; not a graph file")
                }
                code => format!("malformed RON: {code}"),
            };
            DataError {
                file: file.to_string(),
                line: Some(e.span.start.line),
                column: Some(e.span.start.col),
                problem,
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::ActorKind;
    use crate::triple::{ActorRef, Mood, Object, Triple};

    fn sample() -> Graph {
        let a = |id: &str| ActorRef {
            id: id.into(),
            name: id.into(),
            kind: ActorKind::Country,
            country: None,
        };
        let t = Triple {
            doc: "d".into(),
            date: NaiveDate::from_ymd_opt(2022, 1, 2),
            event_date: None,
            sentence: 0,
            span: [0, 19],
            text: "Russia warned NATO.".into(),
            field: None,
            subject: a("RUS"),
            relation: "warns".into(),
            object: Object::Actor(a("NATO")),
            theme: None,
            mood: Mood::Asserted,
            confidence: 0.5,
        };
        let mut g = Graph::with_symmetric(["meets".to_string()]);
        g.add_document("d", 7, t.date, &[t]);
        g
    }

    #[test]
    fn round_trip_keeps_everything() {
        let g = sample();
        let text = g.to_ron().unwrap();
        let back = Graph::from_ron("g.ron", &text).unwrap();
        assert_eq!(back.to_ron().unwrap(), text);
        assert_eq!(back.documents()[0].evidence, 1);
    }

    #[test]
    fn dangling_edges_and_versions_are_named() {
        let text = sample().to_ron().unwrap();
        let e = Graph::from_ron(
            "g.ron",
            &text.replace("target: \"NATO\"", "target: \"XYZ\""),
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "g.ron: edge 1 refers to node \"XYZ\", which the file does not define"
        );
        let e = Graph::from_ron("g.ron", &text.replace("version: 1", "version: 7")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "g.ron: graph file version 7 is not supported (this whowhom reads version 1)"
        );
        let e = Graph::from_ron("g.ron", &text.replace("doc: 0", "doc: 3")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "g.ron: edge 1 refers to document 3, but the file lists 1 document(s)"
        );
        let e = Graph::from_ron("g.ron", "(version: 1,\n nodes: [(]").unwrap_err();
        assert_eq!(
            (e.line, e.problem.starts_with("malformed RON")),
            (Some(2), true)
        );
    }

    #[test]
    fn deep_nesting_is_refused_without_overflowing_the_stack() {
        for text in [
            "[".repeat(100_000),
            format!("(version: 1, nodes: {})", "[".repeat(100_000)),
            format!("(version: 1, x: {})", "(".repeat(100_000)),
            format!("(version: 1, x: {})", "{".repeat(100_000)),
            format!("(version: 1, x: {})", "Some(".repeat(100_000)),
        ] {
            let e = Graph::from_ron("g.ron", &text).unwrap_err();
            assert!(
                e.problem.contains("nested") || e.problem.starts_with("malformed RON"),
                "{e}"
            );
        }
        let e = Graph::from_ron("g.ron", &format!("(version: 1, x: {})", "[".repeat(1000)))
            .unwrap_err();
        assert_eq!(
            e.problem,
            "nested more than 64 levels deep; not a graph file"
        );
    }

    #[test]
    fn symmetric_edges_written_backwards_are_turned_round() {
        let text = sample().to_ron().unwrap().replace("\"warns\"", "\"meets\"");
        let g = Graph::from_ron("g.ron", &text).unwrap();
        let (s, t, e) = g.edges()[0];
        assert_eq!(
            (
                g.node(s).key.as_str(),
                e.relation.as_str(),
                g.node(t).key.as_str()
            ),
            ("NATO", "meets", "RUS")
        );
    }
}
