//! Graphviz DOT, built as graphviz-rust's DOT model and printed by its printer.
//!
//! Nodes are styled by kind; an edge is labelled "relation ×count", coloured by its
//! relation's quad class (green cooperation, orange/red conflict, darker for material
//! acts), thicker the more it is attested, dashed when nothing of it is asserted but
//! something is scheduled, dotted when it is only hypothetical or negated (only seen
//! with `--all-moods`). Persons and bodies can be drawn inside a cluster of their
//! country; a legend cluster explains the styles.
//!
//! Every identifier and label goes through [`id`] or [`text`]: the model prints an
//! `Id` as given, so quoting and escaping are this file's job.

use crate::graph::{Edge, Graph, NodeKind};
use crate::schema::{Quad, Schema};
use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph as DotGraph, GraphAttributes, Id, Node as DotNode,
    NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use petgraph::stable_graph::NodeIndex;
use std::collections::BTreeMap;

/// How the DOT is drawn.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    /// Persons and bodies inside a cluster of their country.
    pub cluster: bool,
    /// Leave the legend out.
    pub no_legend: bool,
}

const FONT: &str = "Helvetica";
/// Relations the schema does not know (a graph built with another schema).
const UNKNOWN: &str = "#737373";

/// The DOT text of `graph`.
pub fn to_string(graph: &Graph, schema: &Schema, style: &Style) -> String {
    print(&model(graph, schema, style))
}

/// A DOT model as text, ending in a newline.
pub fn print(model: &DotGraph) -> String {
    let mut text = model.print(&mut PrinterContext::default());
    text.push('\n');
    text
}

/// The DOT model of `graph`.
pub fn model(graph: &Graph, schema: &Schema, style: &Style) -> DotGraph {
    let mut stmts = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("rankdir", plain("LR")),
            attr("overlap", plain("false")),
            attr("splines", plain("true")),
            attr("fontname", text(FONT)),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("style", text("filled")),
            attr("fontname", text(FONT)),
            attr("fontsize", plain("11")),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", text(FONT)),
            attr("fontsize", plain("9")),
        ])),
    ];
    let mut clusters: BTreeMap<&str, Vec<NodeIndex>> = BTreeMap::new();
    if style.cluster {
        for ix in graph.node_indices() {
            let n = graph.node(ix);
            if let (Some(c), NodeKind::Person | NodeKind::Body) = (&n.country, n.kind) {
                clusters.entry(c).or_default().push(ix);
            }
        }
    }
    // Each node is drawn once: a member in its country's cluster, a country (not
    // itself a member of another) in its own, everything else outside.
    let member = |ix: NodeIndex| {
        let n = graph.node(ix);
        style.cluster && n.country.is_some() && matches!(n.kind, NodeKind::Person | NodeKind::Body)
    };
    let clustered =
        |ix: NodeIndex| member(ix) || clusters.contains_key(graph.node(ix).key.as_str());
    for ix in graph.node_indices() {
        if !clustered(ix) {
            stmts.push(node(graph, ix));
        }
    }
    for (key, members) in &clusters {
        // The country itself sits in its cluster when the graph holds it.
        let own = graph.by_key(key);
        let mut inner = vec![
            Stmt::Attribute(attr(
                "label",
                text(own.map_or(*key, |ix| graph.node(ix).name.as_str())),
            )),
            Stmt::Attribute(attr("style", text("rounded,dashed"))),
            Stmt::Attribute(attr("color", text("#9e9e9e"))),
        ];
        inner.extend(own.filter(|&ix| !member(ix)).map(|ix| node(graph, ix)));
        inner.extend(members.iter().map(|&ix| node(graph, ix)));
        stmts.push(Stmt::Subgraph(Subgraph {
            id: id(&format!("cluster_{key}")),
            stmts: inner,
        }));
    }
    for (s, t, e) in graph.edges() {
        let (from, to) = (&graph.node(s).key, &graph.node(t).key);
        let mut attrs = vec![
            attr("label", text(&format!("{} ×{}", e.relation, e.count))),
            attr("color", text(colour(schema, &e.relation))),
            attr("fontcolor", text(colour(schema, &e.relation))),
            attr("penwidth", plain(&width(e.count))),
        ];
        if let Some(s) = line(e) {
            attrs.push(attr("style", plain(s)));
        }
        if graph.is_symmetric(&e.relation) {
            attrs.push(attr("dir", plain("none")));
        }
        if let Some(x) = e.examples.first() {
            attrs.push(attr("tooltip", text(&x.text)));
        }
        stmts.push(edge(id(from), id(to), attrs));
    }
    if !style.no_legend {
        stmts.push(legend(graph));
    }
    DotGraph::DiGraph {
        id: id("whowhom"),
        strict: false,
        stmts,
    }
}

fn node(graph: &Graph, ix: NodeIndex) -> Stmt {
    let n = graph.node(ix);
    let (shape, fill) = look(n.kind);
    let tip = match &n.country {
        Some(c) => format!("{} ({}, {c})", n.name, n.kind),
        None => format!("{} ({})", n.name, n.kind),
    };
    let mut attrs = vec![
        attr("label", text(&n.name)),
        attr("shape", plain(shape)),
        attr("fillcolor", text(fill)),
        attr("tooltip", text(&tip)),
    ];
    if n.kind == NodeKind::Concept {
        attrs.push(attr("style", text("filled,dashed")));
        attrs.push(attr("fontcolor", text("#555555")));
    }
    Stmt::Node(DotNode {
        id: NodeId(id(&n.key), None),
        attributes: attrs,
    })
}

fn edge(from: Id, to: Id, attributes: Vec<Attribute>) -> Stmt {
    Stmt::Edge(DotEdge {
        ty: EdgeTy::Pair(Vertex::N(NodeId(from, None)), Vertex::N(NodeId(to, None))),
        attributes,
    })
}

/// Shape and fill of each kind.
fn look(kind: NodeKind) -> (&'static str, &'static str) {
    match kind {
        NodeKind::Country => ("box", "#c6dbef"),
        NodeKind::Person => ("ellipse", "#fdd0a2"),
        NodeKind::Organization => ("hexagon", "#dadaeb"),
        NodeKind::Group => ("octagon", "#fcbba1"),
        NodeKind::Body => ("component", "#c7e9c0"),
        NodeKind::Concept => ("note", "#f5f5f5"),
    }
}

fn quad_colour(q: Quad) -> &'static str {
    match (q.is_conflict(), q.is_material()) {
        (false, false) => "#41ab5d",
        (false, true) => "#006d2c",
        (true, false) => "#f16913",
        (true, true) => "#cb181d",
    }
}

fn colour(schema: &Schema, relation: &str) -> &'static str {
    schema
        .by_name(relation)
        .map_or(UNKNOWN, |id| quad_colour(schema.get(id).quad))
}

/// 1 for a single mention, growing with the log of the count so that a hundred
/// mentions do not swamp the drawing.
fn width(count: u32) -> String {
    let w = 1.0 + f64::from(count.max(1)).log2().min(6.0);
    format!("{w:.1}")
}

/// Dashed: scheduled, not (yet) asserted. Dotted: only hypothetical or negated.
fn line(e: &Edge) -> Option<&'static str> {
    match (e.moods.asserted, e.moods.scheduled) {
        (0, 0) => Some("dotted"),
        (0, _) => Some("dashed"),
        _ => None,
    }
}

/// The legend: one node per kind and one edge per colour and line style.
fn legend(graph: &Graph) -> Stmt {
    // Legend ids must not meet a node key; keys are gazetteer ids or "concept:…".
    let mut prefix = String::from("legend:");
    while graph
        .node_indices()
        .iter()
        .any(|&ix| graph.node(ix).key.starts_with(&prefix))
    {
        prefix.insert(0, '_');
    }
    let lid = |s: &str| id(&format!("{prefix}{s}"));
    let mut stmts = vec![
        Stmt::Attribute(attr("label", text("Legend"))),
        Stmt::Attribute(attr("style", text("rounded"))),
        Stmt::Attribute(attr("color", text("#bdbdbd"))),
        Stmt::Attribute(attr("fontsize", plain("10"))),
    ];
    let kinds = [
        NodeKind::Country,
        NodeKind::Person,
        NodeKind::Organization,
        NodeKind::Group,
        NodeKind::Body,
        NodeKind::Concept,
    ];
    for k in kinds {
        let (shape, fill) = look(k);
        stmts.push(Stmt::Node(DotNode {
            id: NodeId(lid(&k.to_string()), None),
            attributes: vec![
                attr("label", text(&k.to_string())),
                attr("shape", plain(shape)),
                attr("fillcolor", text(fill)),
                attr("fontsize", plain("9")),
            ],
        }));
    }
    let lines = [
        (
            "verbal cooperation",
            quad_colour(Quad::VerbalCooperation),
            None,
        ),
        (
            "material cooperation",
            quad_colour(Quad::MaterialCooperation),
            None,
        ),
        ("verbal conflict", quad_colour(Quad::VerbalConflict), None),
        (
            "material conflict",
            quad_colour(Quad::MaterialConflict),
            None,
        ),
        ("scheduled", "#525252", Some("dashed")),
        ("hypothetical / negated", "#525252", Some("dotted")),
    ];
    // Line styles are explained only when the drawing has them.
    let drawn: Vec<_> = graph.edges().into_iter().map(|(_, _, e)| line(e)).collect();
    let lines = lines
        .into_iter()
        .filter(|(_, _, style)| style.is_none() || drawn.contains(style));
    for (i, (name, colour, style)) in lines.enumerate() {
        let (a, b) = (format!("a{i}"), format!("b{i}"));
        for end in [&a, &b] {
            stmts.push(Stmt::Node(DotNode {
                id: NodeId(lid(end), None),
                attributes: vec![attr("shape", plain("point")), attr("width", plain("0.05"))],
            }));
        }
        let mut attrs = vec![
            attr("label", text(name)),
            attr("color", text(colour)),
            attr("fontcolor", text(colour)),
        ];
        attrs.extend(style.map(|s| attr("style", plain(s))));
        stmts.push(edge(lid(&a), lid(&b), attrs));
    }
    // Country clusters are "cluster_<key>", and no key starts with the prefix.
    Stmt::Subgraph(Subgraph {
        id: id(&format!("cluster_{prefix}")),
        stmts,
    })
}

fn attr(key: &str, value: Id) -> Attribute {
    Attribute(Id::Plain(key.to_string()), value)
}

/// A bare word or number; only for values written in this file.
fn plain(v: &str) -> Id {
    Id::Plain(v.to_string())
}

/// A quoted identifier that stands for exactly `s`: quotes and backslashes are
/// escaped, control characters written as `\u{…}`, so that two keys never meet.
pub fn id(s: &str) -> Id {
    let mut q = String::with_capacity(s.len() + 2);
    q.push('"');
    for c in s.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            c if c.is_control() => q.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => q.push(c),
        }
    }
    q.push('"');
    Id::Escaped(q)
}

/// A quoted label, which Graphviz reads as an escString with HTML entities: a
/// backslash is doubled (else `\N` would print the node's id), `&` becomes `&amp;`
/// (else `&lt;` would print `<`), a line break becomes `\n`, other control
/// characters a space.
pub fn text(s: &str) -> Id {
    let mut q = String::with_capacity(s.len() + 2);
    q.push('"');
    for c in s.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            '&' => q.push_str("&amp;"),
            '\n' => q.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => q.push(' '),
            c => q.push(c),
        }
    }
    q.push('"');
    Id::Escaped(q)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(id: Id) -> String {
        match id {
            Id::Escaped(s) => s,
            other => panic!("{other:?} is not quoted"),
        }
    }

    #[test]
    fn ids_and_labels_are_escaped_for_dot() {
        assert_eq!(
            quoted(id("a\"b\\c\u{7}\nПутин")),
            r#""a\"b\\c\u{7}\u{a}Путин""#
        );
        assert_eq!(
            quoted(text("a\"b\\N & &lt;\r\n\tc")),
            r#""a\"b\\N &amp; &amp;lt;\n c""#
        );
    }
}
