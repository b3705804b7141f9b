//! The graph file's RON text, laid out by hand.
//!
//! The graph file has one fixed shape (see [`super::file`]), and `ron`'s pretty printer
//! spent about 60 instructions a byte on it: every token goes through serde and the
//! printer's state, every field name through its identifier check. A 1 GB build
//! writes a 650 MB graph file, and on one thread that took a tenth of the build. This
//! module writes the same bytes, field by field, into a block buffer.
//!
//! "The same bytes" is the contract: `ron` still reads the file, and the tests compare
//! this writer with `ron::ser::to_string_pretty` (depth limit 3) of the derived types,
//! on fixed graphs and on random ones with awkward strings. The layout it copies:
//! levels 1 to 3 (the file, its lists, each document, node and edge) one field or
//! element a line, indented four spaces a level, each followed by a comma; deeper
//! (moods, evidence, examples) on one line, separated by ", "; an empty list `[]`;
//! strings escaped as `char::escape_debug` escapes each character.

use super::{Document, Edge, Evidence, Example, Graph, Moods, Node};
use crate::triple::IsoDate;
use chrono::NaiveDate;
use petgraph::stable_graph::NodeIndex;
use std::io::Write;

/// Bytes gathered before they are handed on to the writer behind.
const BLOCK: usize = 1 << 16;

/// Write the graph file of `g`, its edges in the order given, to `out`.
pub(super) fn write(
    g: &Graph,
    edges: &[(NodeIndex, NodeIndex, &Edge)],
    out: &mut impl Write,
) -> std::io::Result<()> {
    let mut t = Text {
        buf: Vec::with_capacity(2 * BLOCK),
        out,
    };
    t.raw(b"(\n    version: ");
    t.int(u64::from(super::file::VERSION));
    t.raw(b",\n    symmetric: ");
    t.list(g.symmetric.iter(), |t, s| t.string(s))?;
    t.raw(b",\n    documents: ");
    t.list(g.documents.iter(), Text::document)?;
    t.raw(b",\n    nodes: ");
    let nodes = g.node_indices();
    t.list(nodes.iter().map(|&n| &g.graph[n]), Text::node)?;
    t.raw(b",\n    edges: ");
    t.list(edges.iter(), |t, &(a, b, e)| {
        t.edge(&g.graph[a].key, &g.graph[b].key, e)
    })?;
    t.raw(b",\n)");
    t.hand_on()?;
    t.out.flush()
}

struct Text<'w, W: Write> {
    buf: Vec<u8>,
    out: &'w mut W,
}

impl<W: Write> Text<'_, W> {
    fn raw(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    fn hand_on(&mut self) -> std::io::Result<()> {
        self.out.write_all(&self.buf)?;
        self.buf.clear();
        Ok(())
    }

    /// A list at level 2 (the file's own lists): `[]`, or one element a line at
    /// level 3, each followed by a comma. Elements are the unit of handing on.
    fn list<T>(
        &mut self,
        items: impl Iterator<Item = T>,
        mut element: impl FnMut(&mut Self, T),
    ) -> std::io::Result<()> {
        let mut items = items.peekable();
        if items.peek().is_none() {
            self.raw(b"[]");
            return Ok(());
        }
        self.raw(b"[\n");
        for item in items {
            self.raw(b"        ");
            element(self, item);
            self.raw(b",\n");
            if self.buf.len() >= BLOCK {
                self.hand_on()?;
            }
        }
        self.raw(b"    ]");
        Ok(())
    }

    /// A struct at level 3: its fields a line each, at level 4.
    fn fields(&mut self, fields: impl FnOnce(&mut Self)) {
        self.raw(b"(\n");
        fields(self);
        self.raw(b"        )");
    }

    /// A field of a struct at level 3, and the comma after it.
    fn field(&mut self, name: &[u8], value: impl FnOnce(&mut Self)) {
        self.raw(b"            ");
        self.raw(name);
        self.raw(b": ");
        value(self);
        self.raw(b",\n");
    }

    fn document(&mut self, d: &Document) {
        self.fields(|t| {
            t.field(b"id", |t| t.string(&d.id));
            t.field(b"hash", |t| t.int(d.hash));
            if let Some(date) = d.date {
                t.field(b"date", |t| t.some_date(date));
            }
            t.field(b"evidence", |t| t.int(u64::from(d.evidence)));
        });
    }

    fn node(&mut self, n: &Node) {
        self.fields(|t| {
            t.field(b"key", |t| t.string(&n.key));
            t.field(b"name", |t| t.string(&n.name));
            t.field(b"kind", |t| t.raw(n.kind.as_str().as_bytes()));
            if let Some(country) = &n.country {
                t.field(b"country", |t| {
                    t.raw(b"Some(");
                    t.string(country);
                    t.raw(b")");
                });
            }
        });
    }

    fn edge(&mut self, source: &str, target: &str, e: &Edge) {
        self.fields(|t| {
            t.field(b"source", |t| t.string(source));
            t.field(b"relation", |t| t.string(&e.relation));
            t.field(b"target", |t| t.string(target));
            t.field(b"count", |t| t.int(u64::from(e.count)));
            t.field(b"first", |t| t.option_date(e.first));
            t.field(b"last", |t| t.option_date(e.last));
            t.field(b"moods", |t| t.moods(&e.moods));
            t.field(b"evidence", |t| t.inline_list(&e.evidence, Self::evidence));
            t.field(b"examples", |t| t.inline_list(&e.examples, Self::example));
        });
    }

    fn moods(&mut self, m: &Moods) {
        self.raw(b"(asserted: ");
        self.int(u64::from(m.asserted));
        self.raw(b", scheduled: ");
        self.int(u64::from(m.scheduled));
        self.raw(b", hypothetical: ");
        self.int(u64::from(m.hypothetical));
        self.raw(b", negated: ");
        self.int(u64::from(m.negated));
        self.raw(b")");
    }

    /// A list below level 3: on one line.
    fn inline_list<T>(&mut self, items: &[T], mut element: impl FnMut(&mut Self, &T)) {
        self.raw(b"[");
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.raw(b", ");
            }
            element(self, item);
        }
        self.raw(b"]");
    }

    fn evidence(&mut self, e: &Evidence) {
        self.raw(b"(doc: ");
        self.int(u64::from(e.doc));
        self.raw(b", sentence: ");
        self.int(u64::from(e.sentence));
        self.raw(b", span: (");
        self.int(u64::from(e.span[0]));
        self.raw(b", ");
        self.int(u64::from(e.span[1]));
        self.raw(b")");
        if let Some(date) = e.date {
            self.raw(b", date: ");
            self.some_date(date);
        }
        self.raw(b", mood: ");
        self.raw(e.mood.as_str().as_bytes());
        self.raw(b")");
    }

    fn example(&mut self, x: &Example) {
        self.raw(b"(doc: ");
        self.int(u64::from(x.doc));
        self.raw(b", sentence: ");
        self.int(u64::from(x.sentence));
        self.raw(b", text: ");
        self.string(&x.text);
        self.raw(b")");
    }

    fn option_date(&mut self, date: Option<NaiveDate>) {
        match date {
            Some(d) => self.some_date(d),
            None => self.raw(b"None"),
        }
    }

    fn some_date(&mut self, date: NaiveDate) {
        self.raw(b"Some(\"");
        match IsoDate(date).ascii() {
            Some(text) => self.raw(&text),
            // A year outside 0..=9999: chrono's own spelling ("+10000-01-01"), which
            // needs no escapes.
            None => self.raw(format!("{date:?}").as_bytes()),
        }
        self.raw(b"\")");
    }

    fn int(&mut self, n: u64) {
        self.raw(itoa::Buffer::new().format(n).as_bytes());
    }

    /// A string as `ron` escapes it: each character through `char::escape_debug`,
    /// which leaves printable ASCII other than quotes and backslashes as it is.
    fn string(&mut self, s: &str) {
        self.buf.push(b'"');
        let plain = |b: &u8| (b' '..=b'~').contains(b) && !matches!(b, b'"' | b'\'' | b'\\');
        if s.as_bytes().iter().all(plain) {
            self.raw(s.as_bytes());
        } else {
            let mut scalar = [0u8; 4];
            for c in s.chars().flat_map(char::escape_debug) {
                self.buf
                    .extend_from_slice(c.encode_utf8(&mut scalar).as_bytes());
            }
        }
        self.buf.push(b'"');
    }
}
