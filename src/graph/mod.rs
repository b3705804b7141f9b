//! The knowledge graph: actors and concepts as nodes, one edge per
//! (subject, relation, object), each edge carrying its provenance.
//!
//! Owns the in-memory store and its invariants; merging documents in and out lives in
//! [`merge`], the graph file in [`file`] and its binary snapshot in [`snapshot`], the
//! roll-up to countries in [`rollup`].
//!
//! Evidence is kept as compact references into a document table, so that a graph of a
//! large corpus stays small; the sentence text is kept only for the first
//! [`EXAMPLES`] references of each edge. Everything that depends on order is ordered by
//! (document id, sentence, span), never by insertion, so that building a graph in one
//! go or in steps gives the same graph.

pub mod file;
mod merge;
pub mod rollup;
mod ron_text;
pub mod snapshot;

pub use file::FileError;
pub use merge::{Added, Merge};

use crate::gazetteer::ActorKind;
use crate::schema::Schema;
use crate::triple::Mood;
use chrono::NaiveDate;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::BTreeSet;
use std::fmt;

/// Sentence texts kept per edge.
pub const EXAMPLES: usize = 3;

/// What a node stands for: an actor of the gazetteer's kinds, or a concept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NodeKind {
    Country,
    Organization,
    Group,
    Body,
    Person,
    Concept,
}

impl From<ActorKind> for NodeKind {
    fn from(k: ActorKind) -> Self {
        match k {
            ActorKind::Country => NodeKind::Country,
            ActorKind::Organization => NodeKind::Organization,
            ActorKind::Group => NodeKind::Group,
            ActorKind::Body => NodeKind::Body,
            ActorKind::Person => NodeKind::Person,
        }
    }
}

impl NodeKind {
    /// The kind's name, as the graph file spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Country => "country",
            NodeKind::Organization => "organization",
            NodeKind::Group => "group",
            NodeKind::Body => "body",
            NodeKind::Person => "person",
            NodeKind::Concept => "concept",
        }
    }

    /// The actor kind of an actor node; `None` for a concept.
    pub fn actor_kind(self) -> Option<ActorKind> {
        Some(match self {
            NodeKind::Country => ActorKind::Country,
            NodeKind::Organization => ActorKind::Organization,
            NodeKind::Group => ActorKind::Group,
            NodeKind::Body => ActorKind::Body,
            NodeKind::Person => ActorKind::Person,
            NodeKind::Concept => return None,
        })
    }
}

impl fmt::Display for NodeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An actor or a concept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    /// The actor id of the triple stream, or `concept:<lower-case phrase>`.
    pub key: String,
    pub name: String,
    pub kind: NodeKind,
    /// The country or organization a person, body or group belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// How many references of an edge have each mood.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moods {
    pub asserted: u32,
    pub scheduled: u32,
    pub hypothetical: u32,
    pub negated: u32,
}

impl Moods {
    fn slot(&mut self, m: Mood) -> &mut u32 {
        match m {
            Mood::Asserted => &mut self.asserted,
            Mood::Scheduled => &mut self.scheduled,
            Mood::Hypothetical => &mut self.hypothetical,
            Mood::Negated => &mut self.negated,
        }
    }

    pub fn add(&mut self, m: Mood) {
        *self.slot(m) += 1;
    }

    /// Asserted and scheduled: what the queries count unless told otherwise.
    pub fn facts(&self) -> u32 {
        self.asserted + self.scheduled
    }
}

/// Where an edge was read: a reference into the document table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Index into [`Graph::documents`].
    pub doc: u32,
    pub sentence: u32,
    /// Byte span of the sentence in the input's original bytes.
    pub span: [u32; 2],
    /// The event's date, else the article's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    pub mood: Mood,
}

/// The text of one evidence sentence, kept for the first few references of an edge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Example {
    pub doc: u32,
    pub sentence: u32,
    pub text: String,
}

/// One (subject, relation, object) with everything read about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edge {
    pub relation: String,
    pub count: u32,
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
    pub moods: Moods,
    /// Ordered by (document id, sentence, span).
    pub evidence: Vec<Evidence>,
    /// The first [`EXAMPLES`] sentences in evidence order.
    pub examples: Vec<Example>,
}

impl Edge {
    fn new(relation: &str) -> Self {
        Edge {
            relation: relation.to_string(),
            count: 0,
            first: None,
            last: None,
            moods: Moods::default(),
            evidence: Vec::new(),
            examples: Vec::new(),
        }
    }

    /// Count one more reference, `ev`, just pushed onto the evidence: what
    /// [`Edge::recount`] would compute, without walking the rest of the evidence.
    fn count_one(&mut self, ev: &Evidence) {
        self.count = self.evidence.len() as u32;
        if let Some(d) = ev.date {
            self.first = Some(self.first.map_or(d, |f| f.min(d)));
            self.last = Some(self.last.map_or(d, |l| l.max(d)));
        }
        self.moods.add(ev.mood);
    }

    /// Recompute the counts and dates from the evidence, which is the truth.
    fn recount(&mut self) {
        self.count = self.evidence.len() as u32;
        self.first = self.evidence.iter().filter_map(|e| e.date).min();
        self.last = self.evidence.iter().filter_map(|e| e.date).max();
        self.moods = Moods::default();
        for e in &self.evidence {
            self.moods.add(e.mood);
        }
    }
}

/// One article the graph was built from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    /// xxh3 of the article's texts: a changed article replaces its evidence.
    pub hash: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// References to this document across all edges.
    pub evidence: u32,
}

/// A relation name as the edge table keys it: looking up an edge hashes three integers
/// and allocates nothing. Numbered in the order a graph first met each relation, so it
/// means nothing outside its graph and never reaches a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct RelKey(u32);

/// The graph.
///
/// The lookup tables are Fx hash maps (merging looks up two nodes and an edge for every
/// fact read); nothing iterates them where order could reach a file or an answer.
#[derive(Debug, Clone, Default)]
pub struct Graph {
    pub(crate) graph: StableGraph<Node, Edge>,
    pub(crate) nodes: FxHashMap<String, NodeIndex>,
    pub(crate) edges: FxHashMap<(NodeIndex, RelKey, NodeIndex), EdgeIndex>,
    /// The key of each relation name the edge table has met.
    pub(crate) rel_keys: FxHashMap<String, RelKey>,
    pub(crate) documents: Vec<Document>,
    pub(crate) doc_index: FxHashMap<String, u32>,
    /// Relations stored once per pair, smaller key first.
    pub(crate) symmetric: BTreeSet<String>,
}

impl Graph {
    /// An empty graph that stores the schema's symmetric relations once per pair.
    pub fn new(schema: &Schema) -> Self {
        Graph::with_symmetric(
            schema
                .relations()
                .filter(|(_, r)| r.symmetric)
                .map(|(_, r)| r.name.clone()),
        )
    }

    pub fn with_symmetric(symmetric: impl IntoIterator<Item = String>) -> Self {
        Graph {
            symmetric: symmetric.into_iter().collect(),
            ..Graph::default()
        }
    }

    pub fn is_symmetric(&self, relation: &str) -> bool {
        self.symmetric.contains(relation)
    }

    pub fn documents(&self) -> &[Document] {
        &self.documents
    }

    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    pub fn node(&self, ix: NodeIndex) -> &Node {
        &self.graph[ix]
    }

    pub fn by_key(&self, key: &str) -> Option<NodeIndex> {
        self.nodes.get(key).copied()
    }

    /// The edge-table key of `relation`, given one if it has none yet.
    pub(crate) fn rel_key(&mut self, relation: &str) -> RelKey {
        if let Some(&r) = self.rel_keys.get(relation) {
            return r;
        }
        let r = RelKey(u32::try_from(self.rel_keys.len()).unwrap_or(u32::MAX));
        self.rel_keys.insert(relation.to_string(), r);
        r
    }

    /// Node indices ordered by key.
    pub fn node_indices(&self) -> Vec<NodeIndex> {
        let mut v: Vec<NodeIndex> = self.graph.node_indices().collect();
        v.sort_by(|a, b| self.graph[*a].key.cmp(&self.graph[*b].key));
        v
    }

    /// Every edge as (source, target, edge), ordered by (source key, relation, target key).
    pub fn edges(&self) -> Vec<(NodeIndex, NodeIndex, &Edge)> {
        let mut v: Vec<_> = self
            .graph
            .edge_references()
            .map(|e| (e.source(), e.target(), e.weight()))
            .collect();
        v.sort_by(|a, b| {
            (&self.graph[a.0].key, &a.2.relation, &self.graph[a.1].key).cmp(&(
                &self.graph[b.0].key,
                &b.2.relation,
                &self.graph[b.1].key,
            ))
        });
        v
    }

    /// Edges touching `ix`, in both directions, as (other node, outgoing, edge).
    pub fn incident(&self, ix: NodeIndex) -> Vec<(NodeIndex, bool, &Edge)> {
        self.incident_iter(ix).collect()
    }

    /// [`Graph::incident`] without collecting: path searches walk the edges of hubs
    /// with tens of thousands of them and keep few.
    pub fn incident_iter(&self, ix: NodeIndex) -> impl Iterator<Item = (NodeIndex, bool, &Edge)> {
        let out = self
            .graph
            .edges_directed(ix, petgraph::Direction::Outgoing)
            .map(|e| (e.target(), true, e.weight()));
        let inc = self
            .graph
            .edges_directed(ix, petgraph::Direction::Incoming)
            .filter(move |e| e.source() != ix)
            .map(|e| (e.source(), false, e.weight()));
        out.chain(inc)
    }

    /// One more than the largest node index: the length of a table indexed by node.
    pub fn node_bound(&self) -> usize {
        use petgraph::visit::NodeIndexable;
        self.graph.node_bound()
    }

    /// The order evidence is kept in: by document id, then place in the document.
    pub(crate) fn evidence_order(&self, a: &Evidence, b: &Evidence) -> Ordering {
        evidence_order(&self.documents, a, b)
    }

    fn doc_id(&self, doc: u32) -> &str {
        doc_id(&self.documents, doc)
    }

    /// The example order, which follows the evidence order.
    pub(crate) fn example_order(&self, a: &Example, b: &Example) -> Ordering {
        example_order(&self.documents, a, b.doc, b.sentence, &b.text)
    }

    /// The document id of an evidence reference.
    pub fn document_id(&self, doc: u32) -> &str {
        self.doc_id(doc)
    }
}

/// The id of document `doc` of the table, `""` for one it does not have.
fn doc_id(documents: &[Document], doc: u32) -> &str {
    documents.get(doc as usize).map_or("", |d| d.id.as_str())
}

/// [`Graph::evidence_order`] over a document table, for when the graph is borrowed
/// mutably elsewhere.
fn evidence_order(documents: &[Document], a: &Evidence, b: &Evidence) -> Ordering {
    doc_id(documents, a.doc)
        .cmp(doc_id(documents, b.doc))
        .then(a.sentence.cmp(&b.sentence))
        .then(a.span.cmp(&b.span))
}

/// [`Graph::example_order`] of `a` against an example not built yet.
fn example_order(
    documents: &[Document],
    a: &Example,
    doc: u32,
    sentence: u32,
    text: &str,
) -> Ordering {
    doc_id(documents, a.doc)
        .cmp(doc_id(documents, doc))
        .then(a.sentence.cmp(&sentence))
        .then(a.text.as_str().cmp(text))
}
