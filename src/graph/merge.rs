//! Merging documents into the graph and taking them out again.
//!
//! A document is known by its id and the hash of its text: the same document added
//! twice changes nothing, a changed one replaces its old evidence. Examples are
//! inserted in their sorted place and evidence is sorted when a [`Merge`] ends, which
//! is what makes a graph built in steps equal to one built at once.

use super::{
    evidence_order, example_order, Document, Edge, Evidence, Example, Graph, Node, NodeKind,
    EXAMPLES,
};
use crate::triple::{ActorRef, Object, Triple};
use chrono::NaiveDate;
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use rustc_hash::FxHashSet;

/// What adding a document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    /// A document the graph did not have.
    New,
    /// The graph had this document with the same content: nothing changed.
    Unchanged,
    /// The graph had this document with other content: its evidence was replaced.
    Replaced,
}

/// One fact to merge: the graph's view of a triple.
pub(crate) struct Fact<'a> {
    pub subject: Node,
    pub relation: &'a str,
    pub object: Node,
    pub evidence: Evidence,
    pub text: Option<&'a str>,
}

/// A node as a fact names it, borrowed: a node the graph has is found by its key, and
/// only a new one is copied.
#[derive(Clone, Copy)]
struct NodeRef<'a> {
    key: &'a str,
    name: &'a str,
    kind: NodeKind,
    country: Option<&'a str>,
}

impl<'a> NodeRef<'a> {
    fn actor(a: &'a ActorRef) -> Self {
        NodeRef {
            key: &a.id,
            name: &a.name,
            kind: a.kind.into(),
            country: a.country.as_deref(),
        }
    }

    fn node(n: &'a Node) -> Self {
        NodeRef {
            key: &n.key,
            name: &n.name,
            kind: n.kind,
            country: n.country.as_deref(),
        }
    }

    fn to_node(self) -> Node {
        Node {
            key: self.key.to_string(),
            name: self.name.to_string(),
            kind: self.kind,
            country: self.country.map(str::to_string),
        }
    }
}

/// Documents being added to a graph (from [`Graph::merge`]).
///
/// Adding a reference to an edge appends it and updates the edge's counts from it
/// alone, so that an edge read in thousands of documents costs the same per reference
/// as a new one; keeping the evidence sorted on every insert (a `memmove` of
/// everything after it) and recounting it made a build quadratic in the references
/// per edge. The appended evidence is sorted when the `Merge` is dropped, and as it
/// borrows the graph mutably, nothing can see it unsorted.
pub struct Merge<'g> {
    graph: &'g mut Graph,
    /// Edges whose evidence was appended out of order.
    unsorted: FxHashSet<EdgeIndex>,
    /// References added.
    added: usize,
    /// Where a concept object's node key is spelt, kept from one fact to the next.
    concept: String,
}

impl Drop for Merge<'_> {
    fn drop(&mut self) {
        let unsorted = std::mem::take(&mut self.unsorted);
        self.graph.sort_evidence(unsorted, self.added);
    }
}

impl Merge<'_> {
    /// Add one document's triples (all moods) under `doc_id`.
    pub fn add_document(
        &mut self,
        doc_id: &str,
        hash: u64,
        date: Option<NaiveDate>,
        triples: &[Triple],
    ) -> Added {
        self.add_document_at(doc_id, hash, date, triples).0
    }

    /// [`Self::add_document`], also telling the document's place in the graph's
    /// document table (a caller can then keep per-document state in a plain list).
    pub fn add_document_at(
        &mut self,
        doc_id: &str,
        hash: u64,
        date: Option<NaiveDate>,
        triples: &[Triple],
    ) -> (Added, usize) {
        let g = &mut *self.graph;
        let (doc, added) = match g.doc_index.get(doc_id).copied() {
            Some(d) if g.documents[d as usize].hash == hash => {
                return (Added::Unchanged, d as usize)
            }
            Some(d) => {
                // Removal keeps the order of what is left and recounts every edge it
                // touches from its evidence, so adding the new facts one at a time
                // afterwards counts from the truth.
                g.remove_document(d);
                g.documents[d as usize].hash = hash;
                g.documents[d as usize].date = date;
                (d, Added::Replaced)
            }
            None => {
                let d = small(g.documents.len());
                g.documents.push(Document {
                    id: doc_id.to_string(),
                    hash,
                    date,
                    evidence: 0,
                });
                g.doc_index.insert(doc_id.to_string(), d);
                (d, Added::New)
            }
        };
        let mut concept = std::mem::take(&mut self.concept);
        for t in triples {
            let object = match &t.object {
                Object::Actor(a) => NodeRef::actor(a),
                Object::Concept { concept: phrase } => concept_node(phrase, &mut concept),
            };
            let evidence = Evidence {
                doc,
                sentence: small(t.sentence),
                span: [small(t.span[0]), small(t.span[1])],
                date: t.event_date.or(t.date),
                mood: t.mood,
            };
            let subject = NodeRef::actor(&t.subject);
            self.add(subject, &t.relation, object, evidence, Some(&t.text));
        }
        self.concept = concept;
        (added, doc as usize)
    }

    /// Merge one fact; its document must be in the table.
    pub(crate) fn add_fact(&mut self, fact: Fact) {
        let (subject, object) = (NodeRef::node(&fact.subject), NodeRef::node(&fact.object));
        self.add(subject, fact.relation, object, fact.evidence, fact.text);
    }

    fn add<'a>(
        &mut self,
        mut subject: NodeRef<'a>,
        relation: &str,
        mut object: NodeRef<'a>,
        ev: Evidence,
        text: Option<&str>,
    ) {
        let g = &mut *self.graph;
        if g.is_symmetric(relation) && object.key < subject.key {
            std::mem::swap(&mut subject, &mut object);
        }
        let s = g.node_for(subject);
        let o = g.node_for(object);
        let key = (s, g.rel_key(relation), o);
        let e = *g
            .edges
            .entry(key)
            .or_insert_with(|| g.graph.add_edge(s, o, Edge::new(relation)));
        if let Some(d) = g.documents.get_mut(ev.doc as usize) {
            d.evidence += 1;
        }
        let documents = &g.documents;
        let edge = &mut g.graph[e];
        if let Some(last) = edge.evidence.last() {
            if evidence_order(documents, last, &ev).is_gt() {
                self.unsorted.insert(e);
            }
        }
        edge.evidence.push(ev);
        self.added += 1;
        edge.count_one(&ev);
        if let Some(text) = text {
            let after =
                |x: &Example| example_order(documents, x, ev.doc, ev.sentence, text).is_le();
            // An edge read many times has all its examples, and most references come
            // after the last: one comparison says so, rather than a search.
            let past_last =
                edge.examples.len() >= EXAMPLES && edge.examples.last().is_some_and(after);
            let seen = || {
                edge.examples
                    .iter()
                    .any(|x| x.doc == ev.doc && x.sentence == ev.sentence)
            };
            if !past_last && !seen() {
                let at = edge.examples.partition_point(after);
                // Past the first EXAMPLES it would be cut off at once: skip the copy.
                if at < EXAMPLES {
                    let ex = Example {
                        doc: ev.doc,
                        sentence: ev.sentence,
                        text: text.to_string(),
                    };
                    edge.examples.insert(at, ex);
                    edge.examples.truncate(EXAMPLES);
                }
            }
        }
    }
}

/// Each document's place in the order of document ids: comparing ranks compares ids
/// as [`evidence_order`] does (a document missing from the table counts as id "").
fn doc_ranks(documents: &[Document]) -> Vec<u32> {
    let mut by_id: Vec<(&str, usize)> = documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    by_id.sort_unstable();
    let mut rank = vec![0; documents.len()];
    let mut current = (None, 0);
    for (at, &(id, i)) in by_id.iter().enumerate() {
        if current.0 != Some(id) {
            // "" sorts first, with the missing documents; every other id after it.
            current = (Some(id), if id.is_empty() { 0 } else { small(at) + 1 });
        }
        rank[i] = current.1;
    }
    rank
}

fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

const CONCEPT: &str = "concept:";

/// The node of a concept phrase, its key spelt in `buf`: the words single-spaced and
/// lower-cased, so that "Security guarantees" and "security  guarantees" meet.
fn concept_node<'b>(phrase: &str, buf: &'b mut String) -> NodeRef<'b> {
    buf.clear();
    buf.push_str(CONCEPT);
    for (i, word) in phrase.split_whitespace().enumerate() {
        if i > 0 {
            buf.push(' ');
        }
        buf.push_str(word);
    }
    if buf.is_ascii() {
        buf.make_ascii_lowercase();
    } else {
        // Lower-casing whole words (a final sigma) is not lower-casing each letter.
        let lower = buf[CONCEPT.len()..].to_lowercase();
        buf.truncate(CONCEPT.len());
        buf.push_str(&lower);
    }
    NodeRef {
        key: buf,
        name: &buf[CONCEPT.len()..],
        kind: NodeKind::Concept,
        country: None,
    }
}

impl Graph {
    /// Start adding documents. Each edge's evidence is put in order once, when the
    /// returned [`Merge`] is dropped; until then the graph cannot be read.
    pub fn merge(&mut self) -> Merge<'_> {
        Merge {
            graph: self,
            unsorted: FxHashSet::default(),
            added: 0,
            concept: String::new(),
        }
    }

    /// Add one document's triples (all moods) under `doc_id`.
    ///
    /// Puts the evidence of the edges it touched in order before returning; to add
    /// many documents, [`Graph::merge`] sorts once for all of them.
    pub fn add_document(
        &mut self,
        doc_id: &str,
        hash: u64,
        date: Option<NaiveDate>,
        triples: &[Triple],
    ) -> Added {
        self.merge().add_document(doc_id, hash, date, triples)
    }

    fn node_for(&mut self, node: NodeRef) -> NodeIndex {
        if let Some(&ix) = self.nodes.get(node.key) {
            return ix;
        }
        let ix = self.graph.add_node(node.to_node());
        self.nodes.insert(node.key.to_string(), ix);
        ix
    }

    /// Sort the evidence of `edges` (indices of removed edges are skipped), into
    /// which `added` references were appended.
    ///
    /// A stable sort of evidence appended in merge order gives what inserting each
    /// reference after its equals gave: references that compare equal (one sentence
    /// read twice for one edge) stay in the order they were merged.
    fn sort_evidence(&mut self, edges: FxHashSet<EdgeIndex>, added: usize) {
        if edges.is_empty() {
            return;
        }
        if added < self.documents.len() / 4 {
            // Few new references (one document added to a large graph): each edge
            // is a sorted run and a short tail, which the sort merges in linear
            // time; comparing ids then is cheaper than ranking the whole table.
            let documents = &self.documents;
            for e in edges {
                if let Some(edge) = self.graph.edge_weight_mut(e) {
                    edge.evidence
                        .sort_by(|a, b| evidence_order(documents, a, b));
                }
            }
        } else {
            let rank = doc_ranks(&self.documents);
            let rank_of = |doc: u32| rank.get(doc as usize).copied().unwrap_or(0);
            for e in edges {
                if let Some(edge) = self.graph.edge_weight_mut(e) {
                    edge.evidence
                        .sort_by_key(|x| (rank_of(x.doc), x.sentence, x.span));
                }
            }
        }
    }

    /// Take a document's evidence out of every edge; drop what is left empty.
    ///
    /// Examples of other documents that were crowded out by this one's are not
    /// restored (their text is not kept), so an edge may show fewer examples after a
    /// replacement than a fresh build would.
    pub(crate) fn remove_document(&mut self, doc: u32) {
        let edges: Vec<_> = self.graph.edge_indices().collect();
        for e in edges {
            let edge = &mut self.graph[e];
            if !edge.evidence.iter().any(|x| x.doc == doc) {
                continue;
            }
            edge.evidence.retain(|x| x.doc != doc);
            edge.examples.retain(|x| x.doc != doc);
            edge.recount();
            if edge.evidence.is_empty() {
                let ends = self.graph.edge_endpoints(e);
                let rel = self.rel_keys.get(self.graph[e].relation.as_str());
                if let (Some((s, t)), Some(&r)) = (ends, rel) {
                    self.edges.remove(&(s, r, t));
                }
                self.graph.remove_edge(e);
            }
        }
        let lonely: Vec<_> = self
            .graph
            .node_indices()
            .filter(|&n| self.graph.neighbors_undirected(n).next().is_none())
            .collect();
        for n in lonely {
            if let Some(node) = self.graph.remove_node(n) {
                self.nodes.remove(&node.key);
            }
        }
        if let Some(d) = self.documents.get_mut(doc as usize) {
            d.evidence = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::ActorKind;
    use crate::triple::{ActorRef, Mood};

    fn actor(id: &str) -> ActorRef {
        ActorRef {
            id: id.into(),
            name: id.to_lowercase().into(),
            kind: ActorKind::Country,
            country: None,
        }
    }

    fn triple(doc: &str, sentence: usize, s: &str, rel: &str, o: &str, mood: Mood) -> Triple {
        Triple {
            doc: doc.into(),
            date: NaiveDate::from_ymd_opt(2022, 1, sentence as u32 % 28 + 1),
            event_date: None,
            sentence,
            span: [sentence * 10, sentence * 10 + 9],
            text: format!("{s} {rel} {o} ({doc}:{sentence})"),
            field: None,
            subject: actor(s),
            relation: rel.into(),
            object: Object::Actor(actor(o)),
            theme: None,
            mood,
            confidence: 0.5,
        }
    }

    fn graph() -> Graph {
        Graph::with_symmetric(["meets".to_string()])
    }

    fn summary(g: &Graph) -> Vec<String> {
        g.edges()
            .iter()
            .map(|(s, t, e)| {
                format!(
                    "{} {} {} n={} f={} ev={:?}",
                    g.node(*s).key,
                    e.relation,
                    g.node(*t).key,
                    e.count,
                    e.moods.facts(),
                    e.evidence
                        .iter()
                        .map(|x| (g.document_id(x.doc).to_string(), x.sentence))
                        .collect::<Vec<_>>()
                )
            })
            .collect()
    }

    #[test]
    fn symmetric_relations_are_stored_once_per_pair() {
        let mut g = graph();
        g.add_document(
            "a",
            1,
            None,
            &[
                triple("a", 0, "RUS", "meets", "ESP", Mood::Asserted),
                triple("a", 1, "ESP", "meets", "RUS", Mood::Asserted),
                triple("a", 2, "RUS", "warns", "ESP", Mood::Negated),
            ],
        );
        assert_eq!(
            summary(&g),
            [
                "ESP meets RUS n=2 f=2 ev=[(\"a\", 0), (\"a\", 1)]",
                "RUS warns ESP n=1 f=0 ev=[(\"a\", 2)]",
            ]
        );
    }

    #[test]
    fn re_adding_is_a_no_op_and_changes_replace() {
        let mut g = graph();
        let a = [triple("a", 0, "RUS", "warns", "NATO", Mood::Asserted)];
        let b = [triple("b", 0, "FRA", "urges", "IRN", Mood::Asserted)];
        assert_eq!(g.add_document("a", 1, None, &a), Added::New);
        assert_eq!(g.add_document("b", 2, None, &b), Added::New);
        assert_eq!(g.add_document("a", 1, None, &a), Added::Unchanged);
        assert_eq!(g.edge_count(), 2);
        let a2 = [triple("a", 3, "ESP", "warns", "NATO", Mood::Asserted)];
        assert_eq!(g.add_document("a", 9, None, &a2), Added::Replaced);
        assert_eq!(
            summary(&g),
            [
                "ESP warns NATO n=1 f=1 ev=[(\"a\", 3)]",
                "FRA urges IRN n=1 f=1 ev=[(\"b\", 0)]",
            ]
        );
        assert!(g.by_key("RUS").is_none(), "a node left without edges goes");
        assert_eq!(g.documents()[0].evidence, 1);
    }

    #[test]
    fn insertion_order_does_not_matter() {
        let docs: Vec<(&str, Vec<Triple>)> = vec![
            (
                "b",
                vec![
                    triple("b", 1, "RUS", "warns", "NATO", Mood::Asserted),
                    triple("b", 0, "RUS", "warns", "NATO", Mood::Hypothetical),
                ],
            ),
            (
                "a",
                vec![
                    triple("a", 4, "RUS", "warns", "NATO", Mood::Asserted),
                    triple("a", 2, "RUS", "warns", "NATO", Mood::Asserted),
                ],
            ),
            (
                "c",
                vec![triple("c", 0, "RUS", "warns", "NATO", Mood::Asserted)],
            ),
        ];
        let mut one = graph();
        for (id, t) in &docs {
            one.add_document(id, 1, None, t);
        }
        let mut two = graph();
        for (id, t) in docs.iter().rev() {
            two.add_document(id, 1, None, t);
        }
        assert_eq!(summary(&one), summary(&two));
        let e1 = one.edges()[0].2.clone();
        let texts: Vec<_> = e1.examples.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "RUS warns NATO (a:2)",
                "RUS warns NATO (a:4)",
                "RUS warns NATO (b:0)"
            ]
        );
        let e2 = two.edges()[0].2;
        let texts2: Vec<_> = e2.examples.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(texts, texts2);
        assert_eq!(
            (e1.count, e1.moods.facts(), e1.moods.hypothetical),
            (5, 4, 1)
        );
    }

    /// The node a triple's object stands for, built as the merge before `Merge` built
    /// it (a whole `Node` for every triple).
    fn object_node(o: &Object) -> Node {
        match o {
            Object::Actor(a) => Node {
                key: a.id.to_string(),
                name: a.name.to_string(),
                kind: a.kind.into(),
                country: a.country.as_deref().map(str::to_string),
            },
            Object::Concept { concept } => {
                let phrase = concept.split_whitespace().collect::<Vec<_>>().join(" ");
                let phrase = phrase.to_lowercase();
                Node {
                    key: format!("concept:{phrase}"),
                    name: phrase,
                    kind: NodeKind::Concept,
                    country: None,
                }
            }
        }
    }

    /// The merge as it was before `Merge`: each reference inserted in its sorted
    /// place and the edge recounted from all its evidence. The truth to compare with.
    fn add_document_by_recount(g: &mut Graph, id: &str, hash: u64, triples: &[Triple]) {
        let doc = match g.doc_index.get(id).copied() {
            Some(d) if g.documents[d as usize].hash == hash => return,
            Some(d) => {
                g.remove_document(d);
                g.documents[d as usize].hash = hash;
                d
            }
            None => {
                let d = small(g.documents.len());
                g.documents.push(Document {
                    id: id.to_string(),
                    hash,
                    date: None,
                    evidence: 0,
                });
                g.doc_index.insert(id.to_string(), d);
                d
            }
        };
        for t in triples {
            let mut subject = object_node(&Object::Actor(t.subject.clone()));
            let mut o = object_node(&t.object);
            if g.is_symmetric(&t.relation) && o.key < subject.key {
                std::mem::swap(&mut subject, &mut o);
            }
            let (si, oi) = (
                g.node_for(NodeRef::node(&subject)),
                g.node_for(NodeRef::node(&o)),
            );
            let key = (si, g.rel_key(&t.relation), oi);
            let e = match g.edges.get(&key) {
                Some(&e) => e,
                None => {
                    let e = g.graph.add_edge(si, oi, Edge::new(&t.relation));
                    g.edges.insert(key, e);
                    e
                }
            };
            let ev = Evidence {
                doc,
                sentence: small(t.sentence),
                span: [small(t.span[0]), small(t.span[1])],
                date: t.event_date.or(t.date),
                mood: t.mood,
            };
            g.documents[doc as usize].evidence += 1;
            let mut edge = std::mem::replace(&mut g.graph[e], Edge::new(""));
            let at = edge
                .evidence
                .partition_point(|x| g.evidence_order(x, &ev).is_le());
            edge.evidence.insert(at, ev);
            let ex = Example {
                doc,
                sentence: ev.sentence,
                text: t.text.clone(),
            };
            if !edge
                .examples
                .iter()
                .any(|x| x.doc == ex.doc && x.sentence == ex.sentence)
            {
                let at = edge
                    .examples
                    .partition_point(|x| g.example_order(x, &ex).is_le());
                edge.examples.insert(at, ex);
                edge.examples.truncate(EXAMPLES);
            }
            edge.recount();
            g.graph[e] = edge;
        }
    }

    /// Everything observable of a graph: documents, and every edge in full.
    fn everything(g: &Graph) -> (Vec<Document>, Vec<String>) {
        let edges = g
            .edges()
            .iter()
            .map(|(s, t, e)| format!("{} {} {:?}", g.node(*s).key, g.node(*t).key, e))
            .collect();
        (g.documents().to_vec(), edges)
    }

    type Doc = (&'static str, u64, Vec<Triple>);

    /// Adds `docs` one document at a time, all in one merge, and by recounting, and
    /// checks the three agree and every edge's counts are its evidence's.
    fn check_same_as_recount(docs: &[Doc]) {
        let mut one = graph();
        let mut batch = graph();
        let mut truth = graph();
        {
            let mut merge = batch.merge();
            for (id, hash, t) in docs {
                one.add_document(id, *hash, None, t);
                merge.add_document(id, *hash, None, t);
                add_document_by_recount(&mut truth, id, *hash, t);
            }
        }
        for (_, _, e) in one.edges() {
            let mut recounted = e.clone();
            recounted.recount();
            assert_eq!(&recounted, e);
        }
        assert_eq!(everything(&one), everything(&truth));
        assert_eq!(everything(&batch), everything(&truth));
    }

    #[test]
    fn adding_facts_one_at_a_time_counts_as_a_recount_does() {
        let dated = |mut t: Triple, day: Option<u32>| {
            t.event_date = day.and_then(|d| NaiveDate::from_ymd_opt(2021, 3, d));
            t
        };
        let docs: Vec<Doc> = vec![
            (
                "b#10",
                1,
                vec![
                    triple("b#10", 3, "RUS", "warns", "NATO", Mood::Asserted),
                    // The same sentence twice for one edge: ties keep merge order.
                    triple("b#10", 1, "RUS", "warns", "NATO", Mood::Negated),
                    triple("b#10", 1, "RUS", "warns", "NATO", Mood::Hypothetical),
                    triple("b#10", 2, "ESP", "meets", "RUS", Mood::Scheduled),
                ],
            ),
            (
                "b#2",
                1,
                vec![
                    dated(
                        triple("b#2", 5, "RUS", "warns", "NATO", Mood::Asserted),
                        Some(9),
                    ),
                    triple("b#2", 0, "RUS", "meets", "ESP", Mood::Asserted),
                ],
            ),
            (
                "a",
                1,
                vec![dated(
                    triple("a", 7, "RUS", "warns", "NATO", Mood::Asserted),
                    Some(2),
                )],
            ),
            // Replaced: its references go, the new ones come in with other dates.
            (
                "b#10",
                2,
                vec![
                    dated(
                        triple("b#10", 4, "RUS", "warns", "NATO", Mood::Negated),
                        Some(20),
                    ),
                    triple("b#10", 4, "FRA", "urges", "IRN", Mood::Asserted),
                ],
            ),
            ("a", 1, vec![]),
            (
                "c",
                1,
                vec![triple("c", 0, "RUS", "warns", "NATO", Mood::Asserted)],
            ),
        ];
        for n in 1..=docs.len() {
            check_same_as_recount(&docs[..n]);
        }
        let mut g = graph();
        for (id, hash, t) in &docs {
            g.add_document(id, *hash, None, t);
        }
        let (_, _, e) = g.edges()[2];
        assert_eq!(e.relation, "warns");
        assert_eq!((e.count, e.moods.negated, e.moods.asserted), (4, 1, 3));
        assert_eq!(e.first, NaiveDate::from_ymd_opt(2021, 3, 2));
        // c has no event date: its article date (2022) is the latest.
        assert_eq!(e.last, NaiveDate::from_ymd_opt(2022, 1, 1));
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        const IDS: [&str; 4] = ["a", "a#10", "a#2", "b"];
        const ACTORS: [&str; 3] = ["ESP", "NATO", "RUS"];
        const RELATIONS: [&str; 2] = ["meets", "warns"];
        const MOODS: [Mood; 4] = [
            Mood::Asserted,
            Mood::Scheduled,
            Mood::Hypothetical,
            Mood::Negated,
        ];

        fn doc() -> impl Strategy<Value = Doc> {
            let fact = (
                0..3usize,
                0..2usize,
                0..3usize,
                0..4usize,
                0..4usize,
                0..4u32,
            );
            (0..IDS.len(), 0..3u64, prop::collection::vec(fact, 0..6)).prop_map(
                |(id, hash, facts)| {
                    let id = IDS[id];
                    let triples = facts
                        .into_iter()
                        .map(|(s, r, o, sentence, mood, day)| {
                            let mut t = triple(
                                id,
                                sentence,
                                ACTORS[s],
                                RELATIONS[r],
                                ACTORS[o],
                                MOODS[mood],
                            );
                            t.event_date =
                                NaiveDate::from_ymd_opt(2020, 1, day).filter(|_| day > 0);
                            t.date = t.date.filter(|_| sentence % 2 == 0);
                            t
                        })
                        .collect();
                    (id, hash, triples)
                },
            )
        }

        proptest! {
            #[test]
            fn merging_equals_inserting_and_recounting(
                docs in prop::collection::vec(doc(), 0..12)
            ) {
                check_same_as_recount(&docs);
            }
        }
    }
}
