//! `--level country`: the graph with persons and bodies folded into the country (or
//! organization) they belong to.
//!
//! The roll-up is a new graph built by re-merging every reference, so that folded
//! edges follow the same rules as built ones: symmetric relations once per pair,
//! evidence in document order, the first few examples kept. Edges that fold into a
//! loop (the State Department accusing the United States) are dropped: a country
//! does not pressure itself.

use super::merge::Fact;
use super::{Graph, Node, NodeKind};
use std::collections::BTreeMap;

/// A rolled-up graph and where each original node went.
pub struct Rollup {
    pub graph: Graph,
    /// Original node key → key in the rolled-up graph (only nodes that moved).
    pub moved: BTreeMap<String, String>,
}

impl Graph {
    /// Fold persons and bodies into their `country`; `describe` gives the node of a
    /// country key that the graph itself does not hold.
    pub fn rollup(&self, describe: impl Fn(&str) -> Option<Node>) -> Rollup {
        let mut moved = BTreeMap::new();
        let target = |n: &Node| -> Node {
            let folds = matches!(n.kind, NodeKind::Person | NodeKind::Body);
            match (&n.country, folds) {
                (Some(c), true) => match self.by_key(c) {
                    Some(ix) => self.graph[ix].clone(),
                    None => describe(c).unwrap_or_else(|| Node {
                        key: c.clone(),
                        name: c.clone(),
                        kind: NodeKind::Country,
                        country: None,
                    }),
                },
                _ => n.clone(),
            }
        };
        let mut out = Graph::with_symmetric(self.symmetric.iter().cloned());
        out.documents = self.documents.clone();
        for d in &mut out.documents {
            d.evidence = 0;
        }
        out.doc_index = self.doc_index.clone();
        let mut merge = out.merge();
        for (s, t, e) in self.edges() {
            let (from, to) = (&self.graph[s], &self.graph[t]);
            let (a, b) = (target(from), target(to));
            for (old, new) in [(from, &a), (to, &b)] {
                if old.key != new.key {
                    moved.insert(old.key.clone(), new.key.clone());
                }
            }
            if a.key == b.key {
                continue;
            }
            for ev in &e.evidence {
                let text = e
                    .examples
                    .iter()
                    .find(|x| x.doc == ev.doc && x.sentence == ev.sentence)
                    .map(|x| x.text.as_str());
                merge.add_fact(Fact {
                    subject: a.clone(),
                    relation: &e.relation,
                    object: b.clone(),
                    evidence: *ev,
                    text,
                });
            }
        }
        drop(merge);
        Rollup { graph: out, moved }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::ActorKind;
    use crate::triple::{ActorRef, Mood, Object, Triple};

    fn person(id: &str, country: &str) -> ActorRef {
        ActorRef {
            id: id.into(),
            name: id.into(),
            kind: ActorKind::Person,
            country: Some(country.into()),
        }
    }

    fn triple(sentence: usize, s: ActorRef, rel: &str, o: ActorRef) -> Triple {
        Triple {
            doc: "d".into(),
            date: None,
            event_date: None,
            sentence,
            span: [sentence, sentence + 1],
            text: format!("sentence {sentence}"),
            field: None,
            subject: s,
            relation: rel.into(),
            object: Object::Actor(o),
            theme: None,
            mood: Mood::Asserted,
            confidence: 0.5,
        }
    }

    #[test]
    fn people_fold_into_countries_and_loops_go() {
        let mut g = Graph::with_symmetric(["meets".to_string()]);
        let usa = ActorRef {
            id: "USA".into(),
            name: "United States".into(),
            kind: ActorKind::Country,
            country: None,
        };
        g.add_document(
            "d",
            1,
            None,
            &[
                triple(
                    0,
                    person("blinken", "USA"),
                    "warns",
                    person("lavrov", "RUS"),
                ),
                triple(1, usa.clone(), "warns", person("lavrov", "RUS")),
                triple(2, person("biden", "USA"), "accuses", usa),
                triple(3, person("putin", "RUS"), "meets", person("biden", "USA")),
            ],
        );
        let r = g.rollup(|k| {
            Some(Node {
                key: k.into(),
                name: format!("<{k}>"),
                kind: NodeKind::Country,
                country: None,
            })
        });
        let edges: Vec<String> = r
            .graph
            .edges()
            .iter()
            .map(|(s, t, e)| {
                let (s, t) = (r.graph.node(*s), r.graph.node(*t));
                format!("{} {} {} {}", s.name, e.relation, t.name, e.count)
            })
            .collect();
        assert_eq!(
            edges,
            ["<RUS> meets United States 1", "United States warns <RUS> 2"]
        );
        assert_eq!(r.moved.get("lavrov").map(String::as_str), Some("RUS"));
        assert_eq!(r.graph.edges()[1].2.examples.len(), 2);
    }
}
