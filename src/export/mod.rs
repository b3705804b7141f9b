//! Writing a graph for other tools: Graphviz DOT ([`dot`]), the RON graph file
//! ([`ron`]), node-link JSON ([`json`]), GraphML ([`graphml`]) and neo4j-admin CSV
//! ([`csv`]); running Graphviz on the DOT ([`render`]).
//!
//! This module owns what every format shares: the [`Options`] that cut the graph down
//! ([`select`]), the output [`Format`]s, and writing files atomically. Filtering makes a
//! new, smaller [`Graph`] rather than a view, so that every format (the RON file above
//! all) sees a graph that obeys the store's invariants, and a filtered RON export is a
//! graph file like any other.

pub mod csv;
pub mod dot;
pub mod graphml;
pub mod json;
pub mod render;
pub mod ron;

use crate::graph::{Edge, FileError, Graph};
use crate::query::Filter;
use crate::schema::Schema;
use petgraph::stable_graph::NodeIndex;
use std::collections::{BTreeSet, HashMap, VecDeque};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// What an export keeps of a graph.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Moods, dates and relations of the evidence kept.
    pub filter: Filter,
    /// Edges with fewer kept references go.
    pub min_count: u32,
    /// Only the neighbourhood of one node.
    pub ego: Option<Ego>,
}

/// An ego graph: the nodes within `hops` edges of `center` (either direction) and the
/// edges among them.
#[derive(Debug, Clone, Copy)]
pub struct Ego {
    pub center: NodeIndex,
    pub hops: usize,
}

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Dot,
    Ron,
    Json,
    Graphml,
    Csv,
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write {format}: {message}")]
    Serialize {
        format: &'static str,
        message: String,
    },
    #[error("{path}: cannot write: {source}")]
    Write { path: String, source: io::Error },
    #[error(transparent)]
    File(#[from] FileError),
    #[error("CSV export writes two files (nodes and relationships); give -o FILE")]
    CsvNeedsFile,
    #[error(
        "Graphviz is not installed: the 'dot' program was not found on PATH; \
         install it (Debian/Ubuntu: apt-get install graphviz)"
    )]
    NoGraphviz,
    #[error("Graphviz failed: {0}")]
    Graphviz(String),
}

impl ExportError {
    fn serialize(format: &'static str, e: impl std::fmt::Display) -> Self {
        ExportError::Serialize {
            format,
            message: e.to_string(),
        }
    }
}

/// The graph as `options` keep it.
///
/// Evidence the filter drops goes first, and each edge is recounted from what is left;
/// then edges under `min_count`, then everything outside the ego graph. A node goes
/// when the cut takes all its edges; a node that had none to begin with stays, so that
/// an export of all moods with no other option is the whole graph.
pub fn select(graph: &Graph, options: &Options) -> Graph {
    let mut g = graph.clone();
    let bare: BTreeSet<NodeIndex> = g
        .graph
        .node_indices()
        .filter(|&n| g.graph.neighbors_undirected(n).next().is_none())
        .collect();
    let filter = &options.filter;
    for ix in g.graph.edge_indices().collect::<Vec<_>>() {
        let edge = &mut g.graph[ix];
        let keep = filter.keeps_relation(&edge.relation) && {
            edge.evidence.retain(|e| filter.keeps(e));
            recount(edge);
            edge.count > 0 && edge.count >= options.min_count
        };
        if !keep {
            g.graph.remove_edge(ix);
        }
    }
    if let Some(ego) = options.ego {
        let near = within(&g, ego);
        for ix in g.graph.edge_indices().collect::<Vec<_>>() {
            let ends = g.graph.edge_endpoints(ix);
            if ends.is_none_or(|(s, t)| !near.contains(&s) || !near.contains(&t)) {
                g.graph.remove_edge(ix);
            }
        }
        g.graph.retain_nodes(|_, n| near.contains(&n));
    }
    let ego_center = options.ego.map(|e| e.center);
    g.graph.retain_nodes(|gr, n| {
        bare.contains(&n) || Some(n) == ego_center || gr.neighbors_undirected(n).next().is_some()
    });
    // The lookup tables must name only what is left.
    let live_edges: BTreeSet<_> = g.graph.edge_indices().collect();
    g.edges.retain(|_, ix| live_edges.contains(ix));
    let live_nodes: BTreeSet<_> = g.graph.node_indices().collect();
    g.nodes.retain(|_, ix| live_nodes.contains(ix));
    let mut refs: HashMap<u32, u32> = HashMap::new();
    for e in g.graph.edge_weights() {
        for ev in &e.evidence {
            *refs.entry(ev.doc).or_default() += 1;
        }
    }
    for (i, d) in g.documents.iter_mut().enumerate() {
        d.evidence = refs.get(&(i as u32)).copied().unwrap_or(0);
    }
    g
}

/// Counts, dates, moods and examples from the evidence left on an edge.
fn recount(edge: &mut Edge) {
    edge.count = edge.evidence.len() as u32;
    edge.first = edge.evidence.iter().filter_map(|e| e.date).min();
    edge.last = edge.evidence.iter().filter_map(|e| e.date).max();
    edge.moods = Default::default();
    for e in &edge.evidence {
        edge.moods.add(e.mood);
    }
    let evidence = &edge.evidence;
    edge.examples.retain(|x| {
        evidence
            .iter()
            .any(|e| e.doc == x.doc && e.sentence == x.sentence)
    });
}

/// Nodes within `ego.hops` edges of the center, in either direction.
fn within(g: &Graph, ego: Ego) -> BTreeSet<NodeIndex> {
    let mut seen = BTreeSet::from([ego.center]);
    let mut queue = VecDeque::from([(ego.center, 0)]);
    while let Some((n, d)) = queue.pop_front() {
        if d == ego.hops {
            continue;
        }
        for m in g.graph.neighbors_undirected(n) {
            if seen.insert(m) {
                queue.push_back((m, d + 1));
            }
        }
    }
    seen
}

/// Write `graph` in `format` to `out`, or to `stdout` without one; returns the files
/// written. CSV writes several files beside `out` (see [`csv::paths`]).
pub fn write(
    graph: &Graph,
    schema: &Schema,
    format: Format,
    style: &dot::Style,
    out: Option<&Path>,
    stdout: &mut dyn Write,
) -> Result<Vec<PathBuf>, ExportError> {
    let bytes = match format {
        Format::Dot => dot::to_string(graph, schema, style).into_bytes(),
        Format::Ron => return ron::write(graph, out, stdout),
        Format::Json => json::to_string(graph)?.into_bytes(),
        Format::Graphml => graphml::to_bytes(graph)?,
        Format::Csv => {
            let out = out.ok_or(ExportError::CsvNeedsFile)?;
            let tables = csv::tables(graph)?;
            let paths = csv::paths(out);
            for (path, bytes) in paths.iter().zip(tables) {
                write_atomic(path, &bytes)?;
            }
            return Ok(paths.to_vec());
        }
    };
    emit(&bytes, out, stdout)
}

/// Write `bytes` to `out` atomically, or to `stdout`.
fn emit(
    bytes: &[u8],
    out: Option<&Path>,
    stdout: &mut dyn Write,
) -> Result<Vec<PathBuf>, ExportError> {
    match out {
        Some(p) => write_atomic(p, bytes).map(|_| vec![p.to_path_buf()]),
        None => stdout
            .write_all(bytes)
            .and_then(|_| stdout.flush())
            .map(|_| Vec::new())
            .map_err(|source| ExportError::Write {
                path: "standard output".into(),
                source,
            }),
    }
}

/// Write an export atomically (see [`crate::atomic`]).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    crate::atomic::write_atomic(path, bytes).map_err(|source| ExportError::Write {
        path: path.display().to_string(),
        source,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::gazetteer::ActorKind;
    use crate::triple::{ActorRef, Mood, Object, Triple};
    use chrono::NaiveDate;

    pub fn actor(id: &str, name: &str, kind: ActorKind, country: Option<&str>) -> ActorRef {
        ActorRef {
            id: id.into(),
            name: name.into(),
            kind,
            country: country.map(Into::into),
        }
    }

    fn triple(i: usize, s: &ActorRef, rel: &str, o: &ActorRef, mood: Mood) -> Triple {
        Triple {
            doc: "d".into(),
            date: NaiveDate::from_ymd_opt(2022, 1, 1 + i as u32),
            event_date: None,
            sentence: i,
            span: [i, i + 1],
            text: format!("sentence {i}"),
            field: None,
            subject: s.clone(),
            relation: rel.into(),
            object: Object::Actor(o.clone()),
            theme: None,
            mood,
            confidence: 0.5,
        }
    }

    /// RUS warns NATO twice (once hypothetically), NATO meets FRA (stored FRA first),
    /// FRA urges IRN (scheduled).
    pub fn sample() -> Graph {
        let c = |id: &str| actor(id, id, ActorKind::Country, None);
        let (rus, nato, fra, irn) = (c("RUS"), c("NATO"), c("FRA"), c("IRN"));
        let mut g = Graph::with_symmetric(["meets".to_string()]);
        let ts = [
            triple(0, &rus, "warns", &nato, Mood::Asserted),
            triple(1, &rus, "warns", &nato, Mood::Hypothetical),
            triple(2, &nato, "meets", &fra, Mood::Asserted),
            triple(3, &fra, "urges", &irn, Mood::Scheduled),
        ];
        g.add_document("d", 1, None, &ts);
        g
    }

    fn summary(g: &Graph) -> Vec<String> {
        g.edges()
            .iter()
            .map(|(s, t, e)| {
                let (s, t) = (&g.node(*s).key, &g.node(*t).key);
                format!("{s} {} {t} {}", e.relation, e.count)
            })
            .collect()
    }

    #[test]
    fn no_options_keep_everything_and_filters_recount() {
        let g = sample();
        let all = Options {
            filter: Filter {
                all_moods: true,
                ..Filter::default()
            },
            ..Options::default()
        };
        assert_eq!(select(&g, &all).to_ron(), g.to_ron());
        let facts = select(&g, &Options::default());
        assert_eq!(
            summary(&facts),
            ["FRA meets NATO 1", "FRA urges IRN 1", "RUS warns NATO 1"]
        );
        assert_eq!(facts.edges()[2].2.examples.len(), 1);
        assert_eq!(facts.documents()[0].evidence, 3);
        let two = Options {
            min_count: 2,
            ..all.clone()
        };
        assert_eq!(summary(&select(&g, &two)), ["RUS warns NATO 2"]);
        assert_eq!(select(&g, &two).node_count(), 2);
    }

    #[test]
    fn ego_graphs_follow_edges_both_ways() {
        let g = sample();
        let nato = g.by_key("NATO").expect("node");
        let ego = |hops| Options {
            ego: Some(Ego { center: nato, hops }),
            ..Options::default()
        };
        assert_eq!(
            summary(&select(&g, &ego(1))),
            ["FRA meets NATO 1", "RUS warns NATO 1"]
        );
        assert_eq!(select(&g, &ego(2)).edge_count(), 3);
        assert_eq!(select(&g, &ego(0)).node_count(), 1);
    }
}
