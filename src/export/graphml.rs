//! GraphML with typed attributes (`<key attr.type=…>`), for Gephi, yEd and networkx.
//!
//! Written with quick-xml's writer, which escapes markup. What it cannot do is make a
//! character XML 1.0 forbids (most control characters) legal, so [`clean`] replaces
//! those with U+FFFD; a file that an XML parser rejects is worth nothing to a viewer.

use super::ExportError;
use crate::graph::Graph;
use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;
use std::borrow::Cow;
use std::io;

const NAMESPACE: &str = "http://graphml.graphdrawing.org/xmlns";
const SCHEMA: &str = "http://graphml.graphdrawing.org/xmlns \
                      http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

/// (id, for, type) of every attribute, in the order they are written.
const KEYS: [(&str, &str, &str); 13] = [
    ("name", "node", "string"),
    ("kind", "node", "string"),
    ("country", "node", "string"),
    ("relation", "edge", "string"),
    ("symmetric", "edge", "boolean"),
    ("count", "edge", "int"),
    ("first", "edge", "string"),
    ("last", "edge", "string"),
    ("asserted", "edge", "int"),
    ("scheduled", "edge", "int"),
    ("hypothetical", "edge", "int"),
    ("negated", "edge", "int"),
    ("example", "edge", "string"),
];

/// The graph as a GraphML document.
pub fn to_bytes(graph: &Graph) -> Result<Vec<u8>, ExportError> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    write(&mut w, graph).map_err(|e| ExportError::serialize("GraphML", e))?;
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    Ok(bytes)
}

fn write(w: &mut Writer<Vec<u8>>, graph: &Graph) -> io::Result<()> {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("graphml")
        .with_attributes([
            ("xmlns", NAMESPACE),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", SCHEMA),
        ])
        .write_inner_content(|w| {
            for (id, domain, ty) in KEYS {
                w.create_element("key")
                    .with_attributes([
                        ("id", id),
                        ("for", domain),
                        ("attr.name", id),
                        ("attr.type", ty),
                    ])
                    .write_empty()?;
            }
            w.create_element("graph")
                .with_attributes([("id", "whowhom"), ("edgedefault", "directed")])
                .write_inner_content(|w| body(w, graph))?;
            Ok(())
        })?;
    Ok(())
}

fn body(w: &mut Writer<Vec<u8>>, graph: &Graph) -> io::Result<()> {
    for ix in graph.node_indices() {
        let n = graph.node(ix);
        let kind = n.kind.to_string();
        let mut data = vec![("name", n.name.as_str()), ("kind", kind.as_str())];
        data.extend(n.country.as_deref().map(|c| ("country", c)));
        w.create_element("node")
            .with_attribute(("id", clean(&n.key).as_ref()))
            .write_inner_content(|w| fields(w, &data))?;
    }
    for (i, (s, t, e)) in graph.edges().into_iter().enumerate() {
        let numbers = [
            e.count.to_string(),
            e.moods.asserted.to_string(),
            e.moods.scheduled.to_string(),
            e.moods.hypothetical.to_string(),
            e.moods.negated.to_string(),
        ];
        let dates = [e.first, e.last].map(|d| d.map(|d| d.to_string()));
        let symmetric = graph.is_symmetric(&e.relation).to_string();
        let mut data = vec![
            ("relation", e.relation.as_str()),
            ("symmetric", symmetric.as_str()),
            ("count", numbers[0].as_str()),
        ];
        for (key, date) in ["first", "last"].into_iter().zip(&dates) {
            data.extend(date.as_deref().map(|d| (key, d)));
        }
        data.extend([
            ("asserted", numbers[1].as_str()),
            ("scheduled", numbers[2].as_str()),
            ("hypothetical", numbers[3].as_str()),
            ("negated", numbers[4].as_str()),
        ]);
        data.extend(e.examples.first().map(|x| ("example", x.text.as_str())));
        let id = format!("e{i}");
        w.create_element("edge")
            .with_attributes([
                ("id", Cow::from(id.as_str())),
                ("source", clean(&graph.node(s).key)),
                ("target", clean(&graph.node(t).key)),
            ])
            .write_inner_content(|w| fields(w, &data))?;
    }
    Ok(())
}

fn fields(w: &mut Writer<Vec<u8>>, data: &[(&str, &str)]) -> io::Result<()> {
    for (key, value) in data {
        w.create_element("data")
            .with_attribute(("key", *key))
            .write_text_content(BytesText::new(&clean(value)))?;
    }
    Ok(())
}

/// `s` with the characters XML 1.0 does not allow replaced by U+FFFD.
pub fn clean(s: &str) -> Cow<'_, str> {
    let allowed = |c: char| {
        matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
    };
    if s.chars().all(allowed) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(
            s.chars()
                .map(|c| if allowed(c) { c } else { '\u{FFFD}' })
                .collect(),
        )
    }
}
