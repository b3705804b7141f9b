//! Node-link JSON, the shape web viewers (D3, vis-network, Cytoscape.js after a
//! mapping) and networkx's `node_link_graph` read: `nodes` with an `id`, `links` with
//! `source` and `target` naming node ids.
//!
//! `directed` and `multigraph` are set because the graph is both: two actors may be
//! linked by several relations, and a link's `key` (its relation) tells them apart.

use super::ExportError;
use crate::graph::{Graph, Moods, NodeKind};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Serialize)]
struct NodeLink<'a> {
    directed: bool,
    multigraph: bool,
    graph: Meta,
    nodes: Vec<Node<'a>>,
    links: Vec<Link<'a>>,
}

#[derive(Serialize)]
struct Meta {
    documents: usize,
}

#[derive(Serialize)]
struct Node<'a> {
    id: &'a str,
    name: &'a str,
    kind: NodeKind,
    country: Option<&'a str>,
}

#[derive(Serialize)]
struct Link<'a> {
    source: &'a str,
    target: &'a str,
    key: &'a str,
    relation: &'a str,
    /// Stored once per pair; the direction means nothing.
    symmetric: bool,
    count: u32,
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
    moods: Moods,
    examples: Vec<Example<'a>>,
}

#[derive(Serialize)]
struct Example<'a> {
    doc: &'a str,
    sentence: u32,
    text: &'a str,
}

/// The graph as pretty-printed node-link JSON, ending in a newline.
pub fn to_string(graph: &Graph) -> Result<String, ExportError> {
    let nodes = graph
        .node_indices()
        .into_iter()
        .map(|ix| {
            let n = graph.node(ix);
            Node {
                id: &n.key,
                name: &n.name,
                kind: n.kind,
                country: n.country.as_deref(),
            }
        })
        .collect();
    let links = graph
        .edges()
        .into_iter()
        .map(|(s, t, e)| Link {
            source: &graph.node(s).key,
            target: &graph.node(t).key,
            key: &e.relation,
            relation: &e.relation,
            symmetric: graph.is_symmetric(&e.relation),
            count: e.count,
            first: e.first,
            last: e.last,
            moods: e.moods,
            examples: e
                .examples
                .iter()
                .map(|x| Example {
                    doc: graph.document_id(x.doc),
                    sentence: x.sentence,
                    text: &x.text,
                })
                .collect(),
        })
        .collect();
    let doc = NodeLink {
        directed: true,
        multigraph: true,
        graph: Meta {
            documents: graph.documents().len(),
        },
        nodes,
        links,
    };
    let mut text =
        serde_json::to_string_pretty(&doc).map_err(|e| ExportError::serialize("JSON", e))?;
    text.push('\n');
    Ok(text)
}
