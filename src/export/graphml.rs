//! GraphML with typed attributes (`<key attr.type=…>`), for Gephi, yEd and networkx.
//!
//! Written with quick-xml's writer. Values are escaped here ([`escape`]) rather than by
//! quick-xml, for two things it leaves alone: characters XML 1.0 forbids (most control
//! characters) become U+FFFD, since a file a parser rejects is worth nothing to a
//! viewer; and whitespace a parser would normalise (a line break or tab in an
//! attribute, a carriage return anywhere) is written as a character reference, so that
//! a key read back is the key written.

use super::ExportError;
use crate::graph::Graph;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::name::QName;
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
            .with_attribute(attribute("id", &n.key))
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
                attribute("id", &id),
                attribute("source", &graph.node(s).key),
                attribute("target", &graph.node(t).key),
            ])
            .write_inner_content(|w| fields(w, &data))?;
    }
    Ok(())
}

fn fields(w: &mut Writer<Vec<u8>>, data: &[(&str, &str)]) -> io::Result<()> {
    for (key, value) in data {
        w.create_element("data")
            .with_attribute(("key", *key))
            .write_text_content(BytesText::from_escaped(escape(value, false)))?;
    }
    Ok(())
}

fn attribute<'a>(key: &'a str, value: &str) -> Attribute<'a> {
    Attribute {
        key: QName(key),
        value: Cow::Owned(escape(value, true)),
    }
}

/// `s` as XML character data, or as an attribute value.
pub fn escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\t' | '\n' => out.push(c),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escaping_keeps_what_xml_can_hold() {
        assert_eq!(escape("a<b>&'\"", false), "a&lt;b&gt;&amp;&apos;&quot;");
        assert_eq!(escape("a\tb\nc\rd", true), "a&#9;b&#10;c&#13;d");
        assert_eq!(escape("a\tb\nc\rd", false), "a\tb\nc&#13;d");
        assert_eq!(
            escape("bell\u{7}\u{FFFF}Путин", false),
            "bell\u{FFFD}\u{FFFD}Путин"
        );
    }
}
