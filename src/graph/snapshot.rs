//! The binary snapshot beside a graph file (`g.ron` → `g.ron.snap`): the same graph
//! in postcard, which loads many times faster than RON is parsed.
//!
//! RON stays the interchange format and the truth; the snapshot is a cache of it. It
//! names the RON file it was written with by length and xxh3 hash, so a RON file
//! changed since (by hand, by another program, by an older whowhom) is caught, and
//! `load` reads the RON instead with a warning. A snapshot is checked as warily as a
//! RON file: its own checksum, its format number, and then every reference through the
//! same [`Assembler`] the RON goes through, so a damaged one is refused, never
//! believed and never a panic.
//!
//! Layout: a header (magic, format, RON length, RON hash), the body, and a trailer
//! (body length, body hash), integers little-endian. The body is a postcard head
//! (symmetric relations, documents, nodes, the relation names, the number of edges
//! and of chunks) and then the edges in chunks, each prefixed by its byte length, so
//! that chunks decode in parallel.

use super::file::{content_hash, Assembler, Hashing, SaveError, MAX_FILE_BYTES};
use super::{Document, Edge, Evidence, Example, Graph, Node, NodeKind};
use crate::diag::{Place, Problem, Report};
use crate::triple::Mood;
use chrono::{Datelike, NaiveDate};
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::NodeIndexable;
use rayon::prelude::*;
use serde::{Deserialize, Serialize, Serializer};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

/// The snapshot format this build writes and reads. A snapshot of another format is
/// not read (the RON is).
pub const FORMAT: u32 = 1;

const MAGIC: &[u8; 8] = b"whowhom\x1a";
const HEADER: usize = 8 + 4 + 8 + 8;
/// Where the header names the RON file: its length, then its hash.
const RON_DIGEST_AT: u64 = 8 + 4;
const TRAILER: usize = 8 + 8;

/// Edges per chunk: enough to amortise a task, few enough to spread over threads.
const CHUNK: usize = 8192;

/// Where the snapshot of graph file `graph` lives: beside it, `.snap` appended.
pub fn path_for(graph: &Path) -> PathBuf {
    let mut name = graph.as_os_str().to_owned();
    name.push(".snap");
    PathBuf::from(name)
}

#[derive(Serialize, Deserialize)]
struct Head<S> {
    symmetric: Vec<S>,
    documents: Vec<DocumentSnap<S>>,
    nodes: Vec<NodeSnap<S>>,
    relations: Vec<S>,
    edges: u64,
    chunks: u64,
}

#[derive(Serialize, Deserialize)]
struct DocumentSnap<S> {
    id: S,
    hash: u64,
    date: Option<i32>,
}

#[derive(Serialize, Deserialize)]
struct NodeSnap<S> {
    key: S,
    name: S,
    kind: NodeKind,
    country: Option<S>,
}

/// An edge; its ends are positions in the node list, its relation a position in the
/// relation list.
#[derive(Serialize, Deserialize)]
struct EdgeSnap<Ev, Ex> {
    source: u32,
    relation: u32,
    target: u32,
    evidence: Ev,
    examples: Ex,
}

/// An edge as decoded, before the graph checks it.
type Decoded = EdgeSnap<Vec<Evidence>, Vec<Example>>;

#[derive(Serialize, Deserialize)]
struct EvidenceSnap {
    doc: u32,
    sentence: u32,
    span: [u32; 2],
    date: Option<i32>,
    mood: Mood,
}

fn days(d: Option<NaiveDate>) -> Option<i32> {
    d.map(|d| d.num_days_from_ce())
}

/// A stored date back; `Err` for a day no date has.
fn date(days: Option<i32>) -> Result<Option<NaiveDate>, String> {
    match days {
        None => Ok(None),
        Some(n) => NaiveDate::from_num_days_from_ce_opt(n)
            .map(Some)
            .ok_or_else(|| format!("day {n} is not a date")),
    }
}

struct EvidenceRef<'a>(&'a [Evidence]);

impl Serialize for EvidenceRef<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|e| EvidenceSnap {
            doc: e.doc,
            sentence: e.sentence,
            span: e.span,
            date: days(e.date),
            mood: e.mood,
        }))
    }
}

struct ChunkRef<'a> {
    edges: &'a [(NodeIndex, NodeIndex, &'a Edge)],
    position: &'a [u32],
    relation: &'a BTreeMap<&'a str, u32>,
}

impl Serialize for ChunkRef<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.edges.iter().map(|&(a, b, e)| EdgeSnap {
            source: self.position[a.index()],
            relation: self.relation.get(e.relation.as_str()).copied().unwrap_or(0),
            target: self.position[b.index()],
            evidence: EvidenceRef(&e.evidence),
            examples: &e.examples[..],
        }))
    }
}

/// Write the snapshot of `g` (its `edges` in file order) for a RON file not written
/// yet: its (length, xxh3) are left zero, for [`name_ron`] to fill in.
pub(super) fn write(
    g: &Graph,
    edges: &[(NodeIndex, NodeIndex, &Edge)],
    mut w: impl Write,
) -> Result<(), SaveError> {
    let serialize = |e: postcard::Error| SaveError::Serialize(e.to_string());
    w.write_all(MAGIC)?;
    w.write_all(&FORMAT.to_le_bytes())?;
    w.write_all(&[0; 16])?;
    let mut body = Hashing::new(&mut w);
    // Nodes in the file's order (by key), each edge naming them by position there.
    let nodes = g.node_indices();
    let mut position = vec![0u32; g.graph.node_bound()];
    for (i, n) in nodes.iter().enumerate() {
        position[n.index()] = i as u32;
    }
    let mut relation: BTreeMap<&str, u32> = edges
        .iter()
        .map(|(_, _, e)| (e.relation.as_str(), 0))
        .collect();
    for (i, r) in relation.values_mut().enumerate() {
        *r = i as u32;
    }
    let chunks = edges.chunks(CHUNK);
    let head = Head {
        symmetric: g.symmetric.iter().map(String::as_str).collect(),
        documents: g
            .documents
            .iter()
            .map(|d| DocumentSnap {
                id: d.id.as_str(),
                hash: d.hash,
                date: days(d.date),
            })
            .collect(),
        nodes: nodes
            .iter()
            .map(|&n| {
                let n = &g.graph[n];
                NodeSnap {
                    key: n.key.as_str(),
                    name: n.name.as_str(),
                    kind: n.kind,
                    country: n.country.as_deref(),
                }
            })
            .collect(),
        relations: relation.keys().copied().collect(),
        edges: edges.len() as u64,
        chunks: chunks.len() as u64,
    };
    let mut buf = postcard::to_stdvec(&head).map_err(serialize)?;
    body.write_all(&buf)?;
    for chunk in chunks {
        buf.clear();
        let chunk = ChunkRef {
            edges: chunk,
            position: &position,
            relation: &relation,
        };
        buf = postcard::to_extend(&chunk, buf).map_err(serialize)?;
        body.write_all(&(buf.len() as u64).to_le_bytes())?;
        body.write_all(&buf)?;
    }
    let (len, hash) = body.digest();
    w.write_all(&len.to_le_bytes())?;
    w.write_all(&hash.to_le_bytes())?;
    Ok(())
}

/// Name the RON file of (length, xxh3) `ron` in a snapshot [`write`] wrote.
pub(super) fn name_ron(
    snap: &mut crate::atomic::Unsynced,
    (ron_len, ron_hash): (u64, u64),
) -> std::io::Result<()> {
    let mut digest = [0; 16];
    digest[..8].copy_from_slice(&ron_len.to_le_bytes());
    digest[8..].copy_from_slice(&ron_hash.to_le_bytes());
    snap.write_at(RON_DIGEST_AT, &digest)
}

/// Why a snapshot was not used.
enum Refusal {
    /// The RON file is not the one the snapshot was written with.
    Stale,
    /// Another format of snapshot.
    Format(u32),
    /// Damaged, truncated, or not a snapshot at all.
    Corrupt(String),
}

/// The graph of RON file `ron` (open as `file`, `ron_size` bytes) from its snapshot,
/// or `None` to read the RON: when there is no snapshot (silently), or it is stale or
/// damaged (with a warning). `file` may be left anywhere.
pub(super) fn load(
    ron: &Path,
    file: &mut File,
    ron_size: u64,
    report: &mut dyn Report,
) -> Option<Graph> {
    let snap = path_for(ron);
    let why = match read(&snap) {
        Ok(None) => return None,
        Ok(Some(bytes)) => match decode(ron, &bytes, file, ron_size) {
            Ok(g) => return Some(g),
            Err(Refusal::Stale) => format!(
                "{} has changed since this snapshot was written",
                ron.display()
            ),
            Err(Refusal::Format(f)) => {
                format!("snapshot format {f} is not the one this whowhom reads ({FORMAT})")
            }
            Err(Refusal::Corrupt(why)) => format!("not a usable snapshot ({why})"),
        },
        Err(e) => format!("cannot read: {e}"),
    };
    report.report(Problem::warning(
        &snap,
        Place::File,
        format!("{why}; reading {} instead", ron.display()),
    ));
    None
}

/// The snapshot's bytes; `None` when there is none.
fn read(snap: &Path) -> std::io::Result<Option<Vec<u8>>> {
    let file = match File::open(snap) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let mut bytes = Vec::with_capacity(file.metadata()?.len().min(MAX_FILE_BYTES) as usize);
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(Some(bytes))
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    let mut x = [0; 4];
    x.copy_from_slice(&b[at..at + 4]);
    u32::from_le_bytes(x)
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    let mut x = [0; 8];
    x.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(x)
}

fn corrupt(why: impl std::fmt::Display) -> Refusal {
    Refusal::Corrupt(why.to_string())
}

fn decode(ron: &Path, b: &[u8], file: &mut File, ron_size: u64) -> Result<Graph, Refusal> {
    if b.len() < HEADER + TRAILER || &b[..8] != MAGIC {
        return Err(corrupt("not a whowhom snapshot"));
    }
    let format = u32_at(b, 8);
    if format != FORMAT {
        return Err(Refusal::Format(format));
    }
    let (ron_len, ron_hash) = (u64_at(b, 12), u64_at(b, 20));
    if ron_len != ron_size {
        return Err(Refusal::Stale);
    }
    let body = &b[HEADER..b.len() - TRAILER];
    let (len, hash) = (u64_at(b, b.len() - 16), u64_at(b, b.len() - 8));
    if len != body.len() as u64 || xxhash_rust::xxh3::xxh3_64(body) != hash {
        return Err(corrupt("checksum mismatch"));
    }
    file.rewind().map_err(corrupt)?;
    let (size, digest) = content_hash(&mut *file).map_err(corrupt)?;
    if (size, digest) != (ron_len, ron_hash) {
        return Err(Refusal::Stale);
    }
    let (head, mut rest): (Head<String>, &[u8]) =
        postcard::take_from_bytes(body).map_err(corrupt)?;
    let mut chunks = Vec::new();
    for _ in 0..head.chunks {
        if rest.len() < 8 {
            return Err(corrupt("truncated"));
        }
        let n = u64_at(rest, 0);
        let n = usize::try_from(n)
            .ok()
            .filter(|&n| n <= rest.len() - 8)
            .ok_or_else(|| corrupt("truncated"))?;
        chunks.push(&rest[8..8 + n]);
        rest = &rest[8 + n..];
    }
    if !rest.is_empty() {
        return Err(corrupt("trailing bytes"));
    }
    // Decoding (allocating every string and list) is most of the work and needs no
    // graph: the chunks decode in parallel, and only assembly is serial.
    let decoded: Vec<Vec<Decoded>> = chunks
        .par_iter()
        .map(|c| decode_chunk(c))
        .collect::<Result<_, _>>()?;
    let documents = head
        .documents
        .into_iter()
        .map(|d| {
            Ok(Document {
                id: d.id,
                hash: d.hash,
                date: date(d.date)?,
                evidence: 0,
            })
        })
        .collect::<Result<Vec<_>, String>>()
        .map_err(corrupt)?;
    let nodes = head
        .nodes
        .into_iter()
        .map(|n| Node {
            key: n.key,
            name: n.name,
            kind: n.kind,
            country: n.country,
        })
        .collect();
    let name = ron.display().to_string();
    let edges = usize::try_from(head.edges).map_err(corrupt)?;
    if decoded.iter().map(Vec::len).sum::<usize>() != edges {
        return Err(corrupt("wrong number of edges"));
    }
    let bad = |e: crate::datafile::DataError| corrupt(e.problem);
    let mut a = Assembler::new(&name, head.symmetric, documents, nodes, edges).map_err(bad)?;
    for (i, e) in decoded.into_iter().flatten().enumerate() {
        let end = |p: u32| {
            a.node_at(p)
                .ok_or_else(|| corrupt(format!("edge {} refers to node {p}", i + 1)))
        };
        let ends = (end(e.source)?, end(e.target)?);
        let relation = head
            .relations
            .get(e.relation as usize)
            .ok_or_else(|| corrupt(format!("edge {} refers to relation {}", i + 1, e.relation)))?;
        a.edge(i + 1, ends, relation, e.evidence, e.examples, || {
            format!("{} {relation} {}", e.source, e.target)
        })
        .map_err(bad)?;
    }
    Ok(a.finish())
}

fn decode_chunk(bytes: &[u8]) -> Result<Vec<Decoded>, Refusal> {
    let raw: Vec<EdgeSnap<Vec<EvidenceSnap>, Vec<Example>>> =
        postcard::from_bytes(bytes).map_err(corrupt)?;
    raw.into_iter()
        .map(|e| {
            let evidence = e
                .evidence
                .into_iter()
                .map(|x| {
                    Ok(Evidence {
                        doc: x.doc,
                        sentence: x.sentence,
                        span: x.span,
                        date: date(x.date)?,
                        mood: x.mood,
                    })
                })
                .collect::<Result<_, String>>()
                .map_err(corrupt)?;
            Ok(EdgeSnap {
                source: e.source,
                relation: e.relation,
                target: e.target,
                evidence,
                examples: e.examples,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::ActorKind;
    use crate::triple::{ActorRef, Object, Triple};

    fn sample() -> Graph {
        let a = |id: &str, kind| ActorRef {
            id: id.into(),
            name: format!("{id} name").into(),
            kind,
            country: (kind == ActorKind::Person).then(|| "RUS".into()),
        };
        let t = |sentence: usize, s: &str, rel: &str, o: &str, mood| Triple {
            doc: "d".into(),
            date: NaiveDate::from_ymd_opt(2022, 1, 2),
            event_date: (sentence == 1).then(|| NaiveDate::from_ymd_opt(2021, 12, 31).unwrap()),
            sentence,
            span: [sentence * 10, sentence * 10 + 9],
            text: format!("sentence {sentence}"),
            field: None,
            subject: a(s, ActorKind::Person),
            relation: rel.into(),
            object: Object::Actor(a(o, ActorKind::Country)),
            theme: None,
            mood,
            confidence: 0.5,
        };
        let mut g = Graph::with_symmetric(["meets".to_string()]);
        g.add_document(
            "d",
            7,
            NaiveDate::from_ymd_opt(2022, 1, 2),
            &[
                t(0, "lavrov", "warns", "NATO", Mood::Asserted),
                t(1, "lavrov", "meets", "FRA", Mood::Scheduled),
                t(2, "putin", "warns", "NATO", Mood::Negated),
            ],
        );
        g.add_document(
            "e",
            8,
            None,
            &[t(4, "putin", "warns", "NATO", Mood::Hypothetical)],
        );
        g
    }

    /// The graph through its snapshot; `Err` with the warning when it was refused.
    fn through_snapshot(dir: &Path) -> Result<Graph, String> {
        let ron = dir.join("g.ron");
        let mut file = File::open(&ron).unwrap();
        let size = file.metadata().unwrap().len();
        let mut problems: Vec<Problem> = Vec::new();
        load(&ron, &mut file, size, &mut problems)
            .ok_or_else(|| problems.iter().map(|p| p.message.clone()).collect())
    }

    #[test]
    fn a_snapshot_loads_the_graph_the_ron_holds() {
        let dir = tempfile::tempdir().unwrap();
        let g = sample();
        g.save(&dir.path().join("g.ron")).unwrap();
        let text = std::fs::read_to_string(dir.path().join("g.ron")).unwrap();
        assert_eq!(text, g.to_ron());
        let snap = through_snapshot(dir.path()).unwrap();
        let ron = Graph::from_ron("g.ron", &text).unwrap();
        assert_eq!(snap.to_ron(), text);
        // The same graph, not just the same file: indices, tables, counts.
        assert_eq!(snap.documents(), ron.documents());
        assert_eq!(snap.node_indices(), ron.node_indices());
        assert_eq!(snap.edges(), ron.edges());
        assert_eq!(snap.doc_index, ron.doc_index);
        assert_eq!(
            snap.nodes.iter().collect::<BTreeMap<_, _>>(),
            ron.nodes.iter().collect::<BTreeMap<_, _>>()
        );
        assert_eq!(
            snap.edges.iter().collect::<BTreeMap<_, _>>(),
            ron.edges.iter().collect::<BTreeMap<_, _>>()
        );
    }

    /// Damage that keeps the checksum right (as a forger would) is still refused or
    /// read as some valid graph: never a panic.
    #[test]
    fn any_damaged_byte_with_a_mended_checksum_is_no_panic() {
        let dir = tempfile::tempdir().unwrap();
        sample().save(&dir.path().join("g.ron")).unwrap();
        let path = dir.path().join("g.ron.snap");
        let good = std::fs::read(&path).unwrap();
        for at in HEADER..good.len() - TRAILER {
            for flip in [0x01, 0x80, 0xff] {
                let mut b = good.clone();
                b[at] ^= flip;
                let body = &b[HEADER..b.len() - TRAILER];
                let hash = xxhash_rust::xxh3::xxh3_64(body);
                let end = b.len();
                b[end - 8..].copy_from_slice(&hash.to_le_bytes());
                std::fs::write(&path, &b).unwrap();
                let _ = through_snapshot(dir.path());
            }
        }
    }

    #[test]
    fn a_snapshot_of_another_ron_is_stale() {
        let dir = tempfile::tempdir().unwrap();
        sample().save(&dir.path().join("g.ron")).unwrap();
        let other = Graph::with_symmetric(["meets".to_string()]);
        let snap = std::fs::read(dir.path().join("g.ron.snap")).unwrap();
        other.save(&dir.path().join("g.ron")).unwrap();
        std::fs::write(dir.path().join("g.ron.snap"), snap).unwrap();
        assert_eq!(
            through_snapshot(dir.path()).err().unwrap(),
            format!(
                "{} has changed since this snapshot was written; reading {} instead",
                dir.path().join("g.ron").display(),
                dir.path().join("g.ron").display()
            )
        );
    }
}
