//! Merging documents into the graph and taking them out again.
//!
//! A document is known by its id and the hash of its text: the same document added
//! twice changes nothing, a changed one replaces its old evidence. Evidence and
//! examples are inserted in their sorted place rather than appended, which is what
//! makes a graph built in steps equal to one built at once.

use super::{Document, Edge, Evidence, Example, Graph, Node, NodeKind, EXAMPLES};
use crate::triple::{Object, Triple};
use chrono::NaiveDate;
use petgraph::stable_graph::NodeIndex;

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

fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The node a triple's object stands for.
fn object_node(o: &Object) -> Node {
    match o {
        Object::Actor(a) => Node {
            key: a.id.clone(),
            name: a.name.clone(),
            kind: a.kind.into(),
            country: a.country.clone(),
        },
        Object::Concept { concept } => {
            // Lower-cased so that "Security guarantees" and "security guarantees" meet.
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

impl Graph {
    /// Add one document's triples (all moods) under `doc_id`.
    pub fn add_document(
        &mut self,
        doc_id: &str,
        hash: u64,
        date: Option<NaiveDate>,
        triples: &[Triple],
    ) -> Added {
        let (doc, added) = match self.doc_index.get(doc_id).copied() {
            Some(d) if self.documents[d as usize].hash == hash => return Added::Unchanged,
            Some(d) => {
                self.remove_document(d);
                self.documents[d as usize].hash = hash;
                self.documents[d as usize].date = date;
                (d, Added::Replaced)
            }
            None => {
                let d = small(self.documents.len());
                self.documents.push(Document {
                    id: doc_id.to_string(),
                    hash,
                    date,
                    evidence: 0,
                });
                self.doc_index.insert(doc_id.to_string(), d);
                (d, Added::New)
            }
        };
        for t in triples {
            let subject = t.subject.clone();
            self.add_fact(Fact {
                subject: Node {
                    key: subject.id,
                    name: subject.name,
                    kind: subject.kind.into(),
                    country: subject.country,
                },
                relation: &t.relation,
                object: object_node(&t.object),
                evidence: Evidence {
                    doc,
                    sentence: small(t.sentence),
                    span: [small(t.span[0]), small(t.span[1])],
                    date: t.event_date.or(t.date),
                    mood: t.mood,
                },
                text: Some(&t.text),
            });
        }
        added
    }

    fn node_for(&mut self, node: Node) -> NodeIndex {
        if let Some(&ix) = self.nodes.get(&node.key) {
            return ix;
        }
        let key = node.key.clone();
        let ix = self.graph.add_node(node);
        self.nodes.insert(key, ix);
        ix
    }

    /// Merge one fact; its document must be in the table.
    pub(crate) fn add_fact(&mut self, fact: Fact) {
        let (mut subject, mut object) = (fact.subject, fact.object);
        if self.is_symmetric(fact.relation) && object.key < subject.key {
            std::mem::swap(&mut subject, &mut object);
        }
        let s = self.node_for(subject);
        let o = self.node_for(object);
        let key = (s, fact.relation.to_string(), o);
        let e = match self.edges.get(&key) {
            Some(&e) => e,
            None => {
                let e = self.graph.add_edge(s, o, Edge::new(fact.relation));
                self.edges.insert(key, e);
                e
            }
        };
        let ev = fact.evidence;
        if let Some(d) = self.documents.get_mut(ev.doc as usize) {
            d.evidence += 1;
        }
        // Take the edge out to compare evidence through the document table.
        let mut edge = std::mem::replace(&mut self.graph[e], Edge::new(""));
        let at = edge
            .evidence
            .partition_point(|x| self.evidence_order(x, &ev).is_le());
        edge.evidence.insert(at, ev);
        if let Some(text) = fact.text {
            let ex = Example {
                doc: ev.doc,
                sentence: ev.sentence,
                text: text.to_string(),
            };
            let seen = edge
                .examples
                .iter()
                .any(|x| x.doc == ex.doc && x.sentence == ex.sentence);
            if !seen {
                let at = edge
                    .examples
                    .partition_point(|x| self.example_order(x, &ex).is_le());
                edge.examples.insert(at, ex);
                edge.examples.truncate(EXAMPLES);
            }
        }
        edge.recount();
        self.graph[e] = edge;
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
                if let Some((s, t)) = self.graph.edge_endpoints(e) {
                    let key = (s, self.graph[e].relation.clone(), t);
                    self.edges.remove(&key);
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
            name: id.to_lowercase(),
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
}
