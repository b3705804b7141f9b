//! The graph file: the whole graph with its provenance, as RON.
//!
//! Edges name their endpoints by node key, not by index, so that a reader (or a hand
//! editor) can follow the file. Writing is atomic: a temporary file in the same
//! directory, synced, then renamed over the target, so that a crash never leaves half
//! a graph. Loading trusts nothing: the version, every reference and every index are
//! checked, and derived numbers (counts, dates, mood counts) are recomputed from the
//! evidence.
//!
//! RON is the interchange format, but parsing it costs about 17 µs an edge; beside
//! each graph file `save` writes a binary snapshot ([`super::snapshot`]) that `load`
//! prefers while it matches the RON byte for byte.

use super::{ron_text, snapshot, Document, Edge, Evidence, Example, Graph, Moods, Node};
use crate::datafile::DataError;
use crate::diag::Report;
use chrono::NaiveDate;
use petgraph::stable_graph::NodeIndex;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::io::{Read as _, Seek as _, Write};
use std::path::Path;
use xxhash_rust::xxh3::Xxh3;

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

// `version` is checked through `Header` first; it is named here so that
// `deny_unknown_fields` accepts it.
#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GraphFile {
    version: u32,
    /// Relations stored once per pair, smaller key first.
    symmetric: Vec<String>,
    documents: Vec<Document>,
    nodes: Vec<Node>,
    edges: Vec<FileEdge>,
}

// `count`, `first`, `last` and `moods` are read only to be recomputed from the evidence.
#[allow(dead_code)]
#[derive(Deserialize)]
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

/// A writer that hashes (xxh3) and counts what passes through it.
pub(super) struct Hashing<W> {
    inner: W,
    hash: Xxh3,
    len: u64,
}

impl<W> Hashing<W> {
    pub(super) fn new(inner: W) -> Self {
        Hashing {
            inner,
            hash: Xxh3::new(),
            len: 0,
        }
    }

    /// (bytes written, their xxh3).
    pub(super) fn digest(&self) -> (u64, u64) {
        (self.len, self.hash.digest())
    }
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        self.len += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Why a save failed, before it is put in words.
pub(super) enum SaveError {
    Io(std::io::Error),
    Serialize(String),
}

impl From<std::io::Error> for SaveError {
    fn from(e: std::io::Error) -> Self {
        SaveError::Io(e)
    }
}

/// The (length, xxh3) of everything `read` yields: how a snapshot names its RON file.
pub(super) fn content_hash(mut read: impl std::io::Read) -> std::io::Result<(u64, u64)> {
    let mut h = Hashing::new(std::io::sink());
    let mut buf = vec![0; 1 << 20];
    loop {
        match read.read(&mut buf) {
            Ok(0) => return Ok(h.digest()),
            Ok(n) => h.write_all(&buf[..n])?,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

impl Graph {
    /// The graph file's text.
    pub fn to_ron(&self) -> String {
        let mut text = Vec::new();
        // Writing into a Vec cannot fail.
        let _ = ron_text::write(self, &self.edges(), &mut text);
        String::from_utf8(text).expect("the graph file is written from strings")
    }

    /// Write the graph to `path` atomically, with its snapshot beside it.
    ///
    /// Both files are written and synced under temporary names first. The old
    /// snapshot is then removed before the new RON is renamed into place, and the new
    /// snapshot renamed last: a crash at any point leaves the old pair, the new pair, or
    /// a RON file with no snapshot (which loads, only slower). A snapshot that does not
    /// match its RON file (written by another program, or by a hand) is still caught on
    /// loading by the RON's hash.
    pub fn save(&self, path: &Path) -> Result<(), FileError> {
        let name = path.display().to_string();
        let fail = |e: SaveError| {
            let problem = match e {
                SaveError::Io(e) => format!("cannot write: {e}"),
                SaveError::Serialize(e) => format!("cannot serialize the graph: {e}"),
            };
            DataError::new(&name, None, problem)
        };
        let edges = self.edges();
        let snap_path = snapshot::path_for(path);
        // The snapshot names the RON's hash, known only once the RON is written: it
        // is written meanwhile, on another thread if there is one, and named after.
        let (ron, snap) = rayon::join(
            || {
                crate::atomic::stage(path, |w| {
                    let mut hashed = Hashing::new(w);
                    ron_text::write(self, &edges, &mut hashed)?;
                    Ok(hashed.digest())
                })
            },
            || crate::atomic::write_temp(&snap_path, |w| snapshot::write(self, &edges, w)),
        );
        let (ron, ron_digest) = ron.map_err(fail)?;
        let (mut snap, ()) = snap.map_err(fail)?;
        snapshot::name_ron(&mut snap, ron_digest).map_err(|e| fail(e.into()))?;
        let snap = snap.sync().map_err(|e| fail(e.into()))?;
        match std::fs::remove_file(&snap_path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(fail(SaveError::Io(e))),
        }
        ron.commit().map_err(|e| fail(e.into()))?;
        snap.commit().map_err(|e| fail(e.into()))
    }

    /// Read and validate a graph file, from its snapshot when that matches it.
    /// A snapshot that cannot be used is reported as a warning and the RON is read.
    pub fn load(path: &Path, report: &mut dyn Report) -> Result<Graph, FileError> {
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
        let mut file = std::fs::File::open(path).map_err(cannot)?;
        let meta = file.metadata().map_err(cannot)?;
        let size = meta.len();
        if size > MAX_FILE_BYTES {
            return Err(too_big(size));
        }
        // Only a regular file can be read twice (to check the snapshot, then to parse
        // it if the snapshot will not do); a pipe is read once, as RON.
        if meta.is_file() {
            if let Some(g) = snapshot::load(path, &mut file, size, report) {
                return Ok(g);
            }
            file.rewind().map_err(cannot)?;
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
        let mut a = Assembler::new(
            file,
            parsed.symmetric,
            parsed.documents,
            parsed.nodes,
            parsed.edges.len(),
        )?;
        for (i, fe) in parsed.edges.into_iter().enumerate() {
            let at = i + 1;
            let end = |key: &str| {
                a.node(key).ok_or_else(|| {
                    a.error(format!(
                        "edge {at} refers to node {key:?}, which the file does not define"
                    ))
                })
            };
            let ends = (end(&fe.source)?, end(&fe.target)?);
            let (source, target) = (&fe.source, &fe.target);
            a.edge(at, ends, &fe.relation, fe.evidence, fe.examples, || {
                format!("{source} {} {target}", fe.relation)
            })?;
        }
        Ok(a.finish())
    }
}

/// Builds a graph from a file's parts, checking what a file cannot be trusted with:
/// ids listed twice, dangling references, edges with no evidence. Shared by the RON
/// file and the snapshot, so that both give the same graph (or the same refusal).
pub(super) struct Assembler<'f> {
    file: &'f str,
    g: Graph,
}

impl<'f> Assembler<'f> {
    pub(super) fn new(
        file: &'f str,
        symmetric: Vec<String>,
        documents: Vec<Document>,
        nodes: Vec<Node>,
        edges: usize,
    ) -> Result<Self, FileError> {
        let mut g = Graph::with_symmetric(symmetric);
        let err = |problem: String| DataError::new(file, None, problem);
        g.graph.reserve_nodes(nodes.len());
        g.graph.reserve_edges(edges);
        g.nodes.reserve(nodes.len());
        g.edges.reserve(edges);
        g.doc_index.reserve(documents.len());
        g.documents.reserve(documents.len());
        for (i, mut d) in documents.into_iter().enumerate() {
            if g.doc_index.contains_key(&d.id) {
                return Err(err(format!("document {:?} is listed twice", d.id)));
            }
            d.evidence = 0;
            g.doc_index.insert(d.id.clone(), i as u32);
            g.documents.push(d);
        }
        for n in nodes {
            if g.nodes.contains_key(&n.key) {
                return Err(err(format!("node {:?} is defined twice", n.key)));
            }
            let key = n.key.clone();
            let ix = g.graph.add_node(n);
            g.nodes.insert(key, ix);
        }
        Ok(Assembler { file, g })
    }

    pub(super) fn error(&self, problem: String) -> FileError {
        DataError::new(self.file, None, problem)
    }

    pub(super) fn node(&self, key: &str) -> Option<NodeIndex> {
        self.g.by_key(key)
    }

    /// The node at `position` in the file's node list.
    pub(super) fn node_at(&self, position: u32) -> Option<NodeIndex> {
        let ix = NodeIndex::new(position as usize);
        self.g.graph.contains_node(ix).then_some(ix)
    }

    /// Add edge number `at` (1-based); `written` describes it as the file wrote it.
    pub(super) fn edge(
        &mut self,
        at: usize,
        (mut s, mut t): (NodeIndex, NodeIndex),
        relation: &str,
        evidence: Vec<Evidence>,
        examples: Vec<Example>,
        written: impl FnOnce() -> String,
    ) -> Result<(), FileError> {
        let g = &mut self.g;
        // A hand-edited symmetric edge may be written the other way round; merges
        // look it up smaller key first.
        if g.is_symmetric(relation) && g.graph[t].key < g.graph[s].key {
            std::mem::swap(&mut s, &mut t);
        }
        let key = (s, g.rel_key(relation), t);
        if g.edges.contains_key(&key) {
            return Err(self.error(format!("edge {at} ({}) is listed twice", written())));
        }
        if evidence.is_empty() {
            return Err(self.error(format!("edge {at} has no evidence")));
        }
        let docs = g.documents.len();
        let bad = evidence
            .iter()
            .map(|e| e.doc)
            .chain(examples.iter().map(|x| x.doc))
            .find(|&d| d as usize >= docs);
        if let Some(d) = bad {
            return Err(self.error(format!(
                "edge {at} refers to document {d}, but the file lists {docs} document(s)"
            )));
        }
        let mut edge = Edge::new(relation);
        edge.evidence = evidence;
        edge.examples = examples;
        // A hand-edited file may have them out of order.
        if !edge
            .evidence
            .is_sorted_by(|a, b| g.evidence_order(a, b).is_le())
        {
            edge.evidence.sort_by(|a, b| g.evidence_order(a, b));
        }
        edge.examples.sort_by(|a, b| g.example_order(a, b));
        edge.examples.truncate(super::EXAMPLES);
        edge.recount();
        for e in &edge.evidence {
            g.documents[e.doc as usize].evidence += 1;
        }
        let ix = g.graph.add_edge(s, t, edge);
        g.edges.insert(key, ix);
        Ok(())
    }

    pub(super) fn finish(self) -> Graph {
        self.g
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
    use crate::triple::{ActorRef, IsoDate, Mood, Object, Triple};
    use proptest::prelude::*;
    use serde::Serialize;
    use std::collections::BTreeSet;

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

    /// A graph of `docs` documents, each with a few references, dated and not.
    fn larger(docs: usize) -> Graph {
        let a = |id: &str| ActorRef {
            id: id.into(),
            name: format!("{id} «name»").into(),
            kind: ActorKind::Country,
            country: None,
        };
        let mut g = Graph::with_symmetric(["meets".to_string()]);
        for d in 0..docs {
            let t = |sentence: usize, s: &str, rel: &str, o: &str| Triple {
                doc: format!("d{d}"),
                date: NaiveDate::from_ymd_opt(2000 + (d % 30) as i32, 1 + (d % 12) as u32, 1)
                    .filter(|_| d % 7 != 0),
                event_date: NaiveDate::from_ymd_opt(1999, 12, 31).filter(|_| sentence == 2),
                sentence,
                span: [sentence * 10, sentence * 10 + 9],
                text: format!("{s} {rel} {o} \"quoted\"\t{d}'s"),
                field: None,
                subject: a(s),
                relation: rel.into(),
                object: Object::Actor(a(o)),
                theme: None,
                mood: Mood::Asserted,
                confidence: 0.5,
            };
            let ts = [
                t(0, "RUS", "warns", "NATO"),
                t(1, "FRA", "meets", "DEU"),
                t(2, &format!("P{}", d % 5), "urges", "IRN"),
            ];
            g.add_document(&format!("d{d}"), d as u64, ts[0].date, &ts);
        }
        g
    }

    /// The file as the derived `Serialize` of the graph's own types writes it.
    #[derive(Serialize)]
    struct DerivedFile<'a> {
        version: u32,
        symmetric: &'a BTreeSet<String>,
        documents: &'a [Document],
        nodes: Vec<&'a Node>,
        edges: Vec<DerivedEdge<'a>>,
    }

    #[derive(Serialize)]
    struct DerivedEdge<'a> {
        source: &'a str,
        relation: &'a str,
        target: &'a str,
        count: u32,
        first: Option<NaiveDate>,
        last: Option<NaiveDate>,
        moods: Moods,
        evidence: &'a [Evidence],
        examples: &'a [Example],
    }

    fn derived_ron(g: &Graph) -> String {
        let file = DerivedFile {
            version: VERSION,
            symmetric: &g.symmetric,
            documents: &g.documents,
            nodes: g.node_indices().into_iter().map(|n| g.node(n)).collect(),
            edges: g
                .edges()
                .into_iter()
                .map(|(s, t, e)| DerivedEdge {
                    source: &g.node(s).key,
                    relation: &e.relation,
                    target: &g.node(t).key,
                    count: e.count,
                    first: e.first,
                    last: e.last,
                    moods: e.moods,
                    evidence: &e.evidence,
                    examples: &e.examples,
                })
                .collect(),
        };
        ron::ser::to_string_pretty(&file, ron::ser::PrettyConfig::new().depth_limit(3)).unwrap()
    }

    #[test]
    fn the_file_save_writes_is_the_ron_of_the_graph() {
        let dir = tempfile::tempdir().unwrap();
        for docs in [0, 1, 700] {
            let g = larger(docs);
            let path = dir.path().join("g.ron");
            g.save(&path).unwrap();
            let text = std::fs::read_to_string(&path).unwrap();
            if docs == 700 {
                assert!(
                    text.len() > 3 * (1 << 16),
                    "{} bytes: several blocks",
                    text.len()
                );
            }
            assert_eq!(text, derived_ron(&g));
            assert_eq!(text, g.to_ron());
            assert_eq!(Graph::from_ron("g.ron", &text).unwrap().to_ron(), text);
        }
    }

    #[test]
    fn a_day_is_written_as_chrono_writes_a_date() {
        let days = [
            NaiveDate::MIN,
            NaiveDate::MAX,
            NaiveDate::from_ymd_opt(-1, 12, 31).unwrap(),
            NaiveDate::from_ymd_opt(0, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(7, 3, 9).unwrap(),
            NaiveDate::from_ymd_opt(999, 10, 10).unwrap(),
            NaiveDate::from_ymd_opt(2022, 1, 21).unwrap(),
            NaiveDate::from_ymd_opt(9999, 12, 31).unwrap(),
            NaiveDate::from_ymd_opt(10000, 1, 1).unwrap(),
        ];
        for d in days {
            let ours = ron::to_string(&Some(IsoDate(d))).unwrap();
            assert_eq!(ours, ron::to_string(&Some(d)).unwrap());
        }
    }

    /// Fails every write from its `n`th byte on.
    struct FailsAfter(usize);

    impl Write for FailsAfter {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.0 < buf.len() {
                return Err(std::io::Error::other("disk full"));
            }
            self.0 -= buf.len();
            Ok(buf.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_failed_write_is_the_error_of_the_save() {
        let g = larger(700);
        let edges = g.edges();
        for room in [0, 100, 1 << 17, usize::MAX] {
            match ron_text::write(&g, &edges, &mut FailsAfter(room)) {
                Ok(()) => assert_eq!(room, usize::MAX),
                Err(e) => {
                    assert_eq!(e.to_string(), "disk full");
                    assert!(room != usize::MAX);
                }
            }
        }
    }

    /// Strings as news and hand-edited gazetteers have them: quotes, apostrophes,
    /// backslashes, controls, combining marks, invisible and astral characters.
    fn awkward() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                4 => proptest::char::range('a', 'z'),
                1 => proptest::sample::select(vec![
                    '"', '\'', '\\', '\n', '\t', '\r', '\0', '\u{7f}', '\u{85}', ' ', '~',
                    'é', 'ß', '\u{301}', '\u{200b}', '\u{feff}', '\u{2028}', '«', '»', '’',
                    '\u{1f600}', '\u{e000}', 'Я', '中',
                ]),
                1 => any::<char>(),
            ],
            0..12,
        )
        .prop_map(|cs| cs.into_iter().collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// The hand-laid text is `ron`'s pretty printing of the graph's own types,
        /// byte for byte, whatever the strings, dates and moods.
        #[test]
        fn the_written_text_is_rons(
            docs in proptest::collection::vec(
                (
                    awkward(),
                    proptest::option::of(-300_000i32..300_000),
                    proptest::collection::vec(
                        (awkward(), awkward(), 0usize..4, awkward(), 0u8..4, any::<bool>()),
                        0..5,
                    ),
                ),
                0..6,
            ),
            symmetric in proptest::collection::btree_set(awkward(), 0..3),
        ) {
            let mut g = Graph::with_symmetric(symmetric);
            for (d, (id, day, triples)) in docs.iter().enumerate() {
                let date = day.and_then(NaiveDate::from_num_days_from_ce_opt);
                let actor = |id: &str, country: bool| ActorRef {
                    id: id.into(),
                    name: format!("{id}\u{301} name").into(),
                    kind: if country { ActorKind::Country } else { ActorKind::Person },
                    country: (!country).then(|| format!("{id}'s").into()),
                };
                let ts: Vec<Triple> = triples
                    .iter()
                    .enumerate()
                    .map(|(i, (s, o, rel, text, mood, concept))| Triple {
                        doc: id.clone(),
                        date,
                        event_date: None,
                        sentence: i,
                        span: [i * 7, i * 7 + text.len()],
                        text: text.clone(),
                        field: None,
                        subject: actor(s, *concept),
                        relation: ["warns", "meets", "urges", "accuses"][*rel].into(),
                        object: if *concept {
                            Object::Concept { concept: o.clone() }
                        } else {
                            Object::Actor(actor(o, true))
                        },
                        theme: None,
                        mood: [Mood::Asserted, Mood::Scheduled, Mood::Hypothetical, Mood::Negated]
                            [*mood as usize],
                        confidence: 0.5,
                    })
                    .collect();
                g.add_document(&format!("{id}#{d}"), d as u64 * 7919, date, &ts);
            }
            prop_assert_eq!(g.to_ron(), derived_ron(&g));
        }
    }

    #[test]
    fn round_trip_keeps_everything() {
        let g = sample();
        let text = g.to_ron();
        let back = Graph::from_ron("g.ron", &text).unwrap();
        assert_eq!(back.to_ron(), text);
        assert_eq!(back.documents()[0].evidence, 1);
    }

    #[test]
    fn dangling_edges_and_versions_are_named() {
        let text = sample().to_ron();
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
        let text = sample().to_ron().replace("\"warns\"", "\"meets\"");
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
