//! Exports and rendering, end to end: every format on a small corpus with exact
//! columns and lines, filters, the RON round trip, and names built to break escaping
//! (quotes, backslashes, line breaks, markup, other scripts) through DOT, Graphviz,
//! GraphML and networkx.

mod common;
use common::{run, whowhom, Dir};
use graphviz_rust::dot_structures::{EdgeTy, Graph, Id, NodeId, Stmt, Vertex};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use whowhom::gazetteer::ActorKind;
use whowhom::triple::{ActorRef, Mood, Object, Triple};

/// Russia warns NATO twice; Blinken (USA) warns Moscow; Russia meets Spain; France will
/// visit Iran (scheduled); Russia may attack Ukraine (hypothetical).
fn corpus() -> Dir {
    let d = Dir::new();
    d.write(
        "news/a.txt",
        "date 2022-01-10 Russia warned NATO. Spain criticized Russia. France will visit Iran.\n",
    );
    d.write(
        "news/b.txt",
        "date 2022-02-01 Russia met Spain. Blinken warned Moscow. Russia may attack Ukraine. Russia warned NATO.\n",
    );
    ok(&d, &["build", "news", "-o", "g.ron"]);
    d
}

fn ok(d: &Dir, args: &[&str]) -> String {
    let (code, out, err) = run(whowhom(d.tmp.path()).args(args));
    assert_eq!(code, 0, "{args:?}: {err}");
    out
}

fn export(d: &Dir, args: &[&str]) -> String {
    ok(d, &[&["export", "--graph", "g.ron"], args].concat())
}

fn read(d: &Dir, name: &str) -> String {
    std::fs::read_to_string(d.path(name)).expect(name)
}

/// The edge lines of a DOT text, without the legend's.
fn dot_edges(dot: &str) -> Vec<String> {
    dot.lines()
        .map(str::trim)
        .filter(|l| l.contains(" -> ") && !l.contains("legend:"))
        .map(String::from)
        .collect()
}

fn have_dot() -> bool {
    let found = Command::new("dot").arg("-V").output().is_ok();
    if !found {
        eprintln!("skipped: Graphviz 'dot' is not installed");
    }
    found
}

/// `dot -Tsvg` on a file succeeds; returns the SVG.
fn svg(path: &Path) -> String {
    let out = Command::new("dot")
        .args(["-Tsvg"])
        .arg(path)
        .output()
        .expect("run dot");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 SVG")
}

#[test]
fn dot_styles_edges_by_quad_count_and_mood() {
    let d = corpus();
    let dot = export(&d, &["--all-moods"]);
    assert_eq!(
        dot_edges(&dot),
        [
            r##""ESP" -> "RUS" [label="criticizes ×1" color="#f16913" fontcolor="#f16913" penwidth=1.0 tooltip="Spain criticized Russia."]"##,
            r##""ESP" -> "RUS" [label="meets ×1" color="#41ab5d" fontcolor="#41ab5d" penwidth=1.0 dir=none tooltip="Russia met Spain."]"##,
            r##""FRA" -> "IRN" [label="visits ×1" color="#41ab5d" fontcolor="#41ab5d" penwidth=1.0 style=dashed tooltip="France will visit Iran."]"##,
            r##""RUS" -> "UKR" [label="attacks ×1" color="#cb181d" fontcolor="#cb181d" penwidth=1.0 style=dotted tooltip="Russia may attack Ukraine."]"##,
            r##""RUS" -> "NATO" [label="warns ×2" color="#f16913" fontcolor="#f16913" penwidth=2.0 tooltip="Russia warned NATO."]"##,
            r##""antony_blinken" -> "RUS" [label="warns ×1" color="#f16913" fontcolor="#f16913" penwidth=1.0 tooltip="Blinken warned Moscow."]"##,
        ]
    );
    assert!(dot.contains(
        r##""antony_blinken"[label="Antony Blinken" shape=ellipse fillcolor="#fdd0a2" tooltip="Antony Blinken (person, USA)"]"##
    ));
    assert!(dot.contains(r#"subgraph "cluster_legend:" {"#));
    assert!(dot.contains(r#"label="hypothetical / negated""#));
    // Facts only by default: the hypothetical attack and its legend line are gone.
    let facts = export(&d, &[]);
    assert!(!facts.contains("attacks") && !facts.contains("hypothetical"));
    assert!(!export(&d, &["--no-legend"]).contains("legend"));
    graphviz_rust::parse(&dot).expect("DOT parses back");
    let clustered = export(&d, &["--cluster"]);
    assert!(clustered.contains("subgraph \"cluster_USA\" {\n    label=\"USA\""));
    if have_dot() {
        for (name, text) in [("a.dot", &dot), ("b.dot", &clustered)] {
            assert!(svg(&d.write(name, text)).contains("Antony Blinken"));
        }
    }
}

#[test]
fn ron_export_is_the_graph_file_and_round_trips() {
    let d = corpus();
    export(&d, &["--format", "ron", "-o", "out.ron"]);
    assert_eq!(read(&d, "out.ron"), read(&d, "g.ron"));
    assert_eq!(export(&d, &["--format", "ron"]), read(&d, "g.ron"));
    for g in ["g.ron", "out.ron"] {
        ok(&d, &["build", "news", "--into", g]);
    }
    let stats = |g: &str| ok(&d, &["stats", "--json", "--all-moods", "--graph", g]);
    assert_eq!(stats("out.ron"), stats("g.ron"));
    assert_eq!(read(&d, "out.ron"), read(&d, "g.ron"));
    // A filtered RON is a graph file too.
    export(&d, &["-f", "ron", "--relations", "warns", "-o", "w.ron"]);
    let q = ok(&d, &["neighbors", "Russia", "--json", "--graph", "w.ron"]);
    let v: Value = serde_json::from_str(&q).expect("JSON");
    let rels: BTreeSet<&str> = v["neighbors"]
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|n| n["relation"].as_str())
        .collect();
    assert_eq!(rels, BTreeSet::from(["warns"]));
}

#[test]
fn json_is_node_link_with_these_fields() {
    let d = corpus();
    let v: Value = serde_json::from_str(&export(&d, &["-f", "json"])).expect("JSON");
    let keys = |o: &Value| {
        o.as_object()
            .expect("object")
            .keys()
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(
        keys(&v),
        ["directed", "graph", "links", "multigraph", "nodes"]
    );
    assert_eq!(keys(&v["nodes"][0]), ["country", "id", "kind", "name"]);
    let links = v["links"].as_array().expect("links");
    let link = links
        .iter()
        .find(|l| l["source"] == "RUS" && l["relation"] == "warns")
        .expect("RUS warns NATO");
    assert_eq!(
        keys(link),
        [
            "count",
            "examples",
            "first",
            "key",
            "last",
            "moods",
            "relation",
            "source",
            "symmetric",
            "target"
        ]
    );
    assert_eq!(
        (
            &link["source"],
            &link["target"],
            &link["relation"],
            &link["count"]
        ),
        (&"RUS".into(), &"NATO".into(), &"warns".into(), &2.into())
    );
    assert_eq!(link["first"], "2022-01-10");
    assert_eq!(link["last"], "2022-02-01");
    assert_eq!(
        keys(&link["moods"]),
        ["asserted", "hypothetical", "negated", "scheduled"]
    );
    assert_eq!(keys(&link["examples"][0]), ["doc", "sentence", "text"]);
    assert_eq!(link["examples"][1]["doc"], "b.txt");
}

#[test]
fn csv_has_the_neo4j_admin_columns() {
    let d = corpus();
    export(&d, &["-f", "csv", "-o", "out.csv"]);
    let nodes = read(&d, "out.nodes.csv");
    let edges = read(&d, "out.edges.csv");
    let flat = read(&d, "out.csv");
    assert_eq!(
        nodes.lines().take(2).collect::<Vec<_>>(),
        [
            "id:ID,name,kind,country,:LABEL",
            "ESP,Spain,country,,Actor;Country"
        ]
    );
    assert!(nodes.contains("\nantony_blinken,Antony Blinken,person,USA,Actor;Person\n"));
    assert_eq!(
        edges.lines().next(),
        Some(":START_ID,:END_ID,:TYPE,count:int,first,last,asserted:int,scheduled:int,hypothetical:int,negated:int,symmetric:boolean,example")
    );
    assert!(edges
        .contains("\nRUS,NATO,warns,2,2022-01-10,2022-02-01,2,0,0,0,false,Russia warned NATO.\n"));
    assert_eq!(
        flat.lines().next(),
        Some("source,source_name,relation,target,target_name,count,first,last,example")
    );
    assert_eq!(edges.lines().count(), 6);
    let (code, _, err) =
        run(whowhom(d.tmp.path()).args(["export", "-f", "csv", "--graph", "g.ron"]));
    assert_eq!(
        (code, err.as_str()),
        (
            1,
            "whowhom: CSV export writes two files (nodes and relationships); give -o FILE\n"
        )
    );
}

#[test]
fn filters_cut_every_export() {
    let d = corpus();
    let edges = |args: &[&str]| -> Vec<String> {
        let v: Value =
            serde_json::from_str(&export(&d, &[&["-f", "json"], args].concat())).expect("JSON");
        v["links"]
            .as_array()
            .expect("links")
            .iter()
            .map(|l| {
                format!(
                    "{} {} {} {}",
                    l["source"], l["relation"], l["target"], l["count"]
                )
            })
            .map(|s| s.replace('"', ""))
            .collect()
    };
    assert_eq!(
        edges(&["--relations", "warns,meets", "--min-count", "2"]),
        ["RUS warns NATO 2"]
    );
    assert_eq!(
        edges(&["--pressure"]),
        [
            "ESP criticizes RUS 1",
            "RUS warns NATO 2",
            "antony_blinken warns RUS 1"
        ]
    );
    assert_eq!(
        edges(&["--since", "2022-02-01", "--relations", "warns"]),
        ["RUS warns NATO 1", "antony_blinken warns RUS 1"]
    );
    assert_eq!(
        edges(&["--until", "2022-01-10", "--pressure"]),
        ["ESP criticizes RUS 1", "RUS warns NATO 1"]
    );
    assert_eq!(
        edges(&["--actor", "Moscow", "--all-moods"]),
        [
            "ESP criticizes RUS 1",
            "ESP meets RUS 1",
            "RUS attacks UKR 1",
            "RUS warns NATO 2",
            "antony_blinken warns RUS 1"
        ]
    );
    assert_eq!(
        edges(&["--actor", "the Kremlin", "--hops", "0"]),
        Vec::<String>::new()
    );
    assert_eq!(
        edges(&["--level", "country", "--relations", "warns"]),
        ["RUS warns NATO 2", "USA warns RUS 1"]
    );
    let v: Value =
        serde_json::from_str(&export(&d, &["-f", "json", "--actor", "Iran"])).expect("JSON");
    assert_eq!(v["nodes"].as_array().map(Vec::len), Some(2));
}

/// A graph whose names and keys are built to break escaping.
const NAMES: [&str; 10] = [
    "Say \"hi\" \\ bye",
    "ends in a backslash\\",
    "two\nlines",
    "<b>bold</b> & co &amp; \\N",
    "Владимир Путин",
    "محمد بن سلمان",
    "習近平",
    "bell\u{7} and tab\t",
    "legend:country",
    "a -> b [x=y]; }",
];

fn adversarial(d: &Dir) {
    let names = NAMES;
    let actor = |i: usize, kind| ActorRef {
        id: names[i].into(),
        name: names[i].into(),
        kind,
        country: (kind == ActorKind::Person).then(|| names[0].into()),
    };
    let mut triples = Vec::new();
    for i in 0..names.len() {
        let kind = if i % 2 == 0 {
            ActorKind::Country
        } else {
            ActorKind::Person
        };
        let j = (i + 1) % names.len();
        triples.push(Triple {
            doc: "d\"oc".into(),
            date: None,
            event_date: None,
            sentence: i,
            span: [i, i + 1],
            text: format!("{} warned {}.", names[i], names[j]),
            field: None,
            subject: actor(i, kind),
            relation: "warns".into(),
            object: Object::Actor(actor(j, ActorKind::Country)),
            theme: None,
            mood: Mood::Asserted,
            confidence: 0.5,
        });
    }
    let mut g = whowhom::graph::Graph::with_symmetric([]);
    g.add_document("d\"oc", 1, None, &triples);
    g.save(&d.path("g.ron")).expect("save");
}

/// The string a quoted DOT id stands for (`\"`, `\\` and `\u{…}` undone).
fn unquote(id: &str) -> String {
    let mut out = String::new();
    let mut chars = id[1..id.len() - 1].chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, false) => out.push(c),
            _ => match chars.next() {
                Some('u') => {
                    let hex: String = chars.by_ref().skip(1).take_while(|&c| c != '}').collect();
                    out.extend(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32));
                }
                Some(e) => out.push(e),
                None => {}
            },
        }
    }
    out
}

/// Every node id a parsed DOT graph names, in statements, subgraphs and edges.
fn node_ids(stmts: &[Stmt], out: &mut BTreeSet<String>) {
    let mut id = |n: &NodeId| {
        if let Id::Escaped(s) = &n.0 {
            out.insert(unquote(s));
        }
    };
    let mut subgraphs = Vec::new();
    for s in stmts {
        match s {
            Stmt::Node(n) => id(&n.id),
            Stmt::Edge(e) => {
                if let EdgeTy::Pair(Vertex::N(a), Vertex::N(b)) = &e.ty {
                    id(a);
                    id(b);
                }
            }
            Stmt::Subgraph(g) => subgraphs.push(&g.stmts),
            _ => {}
        }
    }
    for g in subgraphs {
        node_ids(g, out);
    }
}

#[test]
fn any_name_survives_dot_and_graphviz() {
    let d = Dir::new();
    adversarial(&d);
    let keys: BTreeSet<String> = NAMES.iter().map(|s| s.to_string()).collect();
    for (file, extra) in [("plain.dot", None), ("cluster.dot", Some("--cluster"))] {
        export(&d, &[&["-o", file][..], extra.as_slice()].concat());
        let text = read(&d, file);
        let Ok(Graph::DiGraph { stmts, .. }) = graphviz_rust::parse(&text) else {
            panic!("{file} does not parse back:\n{text}");
        };
        let mut ids = BTreeSet::new();
        node_ids(&stmts, &mut ids);
        ids.retain(|i| !i.starts_with("_legend:"));
        assert_eq!(ids, keys, "{file}");
        if have_dot() {
            let svg = svg(&d.path(file));
            for shown in [
                "Владимир Путин",
                "محمد بن سلمان",
                "習近平",
                "Say &quot;hi&quot; \\ bye",
                "ends in a backslash\\<",
                "&lt;b&gt;bold&lt;/b&gt; &amp; co &amp;amp; \\N",
                ">two<",
                ">lines<",
            ] {
                assert!(svg.contains(shown), "{file}: {shown} not in\n{svg}");
            }
        }
    }
}

#[test]
fn graphml_is_xml_and_loads_in_networkx() {
    let d = Dir::new();
    adversarial(&d);
    export(&d, &["-f", "graphml", "-o", "g.graphml"]);
    let xml = read(&d, "g.graphml");
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut ids = BTreeSet::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Eof => break,
            quick_xml::events::Event::Start(e) if e.name().as_ref() == "node" => {
                let id = e.try_get_attribute("id").expect("attr").expect("id");
                let value = id.normalized_value(quick_xml::XmlVersion::default());
                ids.insert(value.expect("value").into_owned());
            }
            _ => {}
        }
    }
    // XML cannot hold a bell; everything else comes back as written.
    let keys: BTreeSet<String> = NAMES
        .iter()
        .map(|s| s.replace('\u{7}', "\u{FFFD}"))
        .collect();
    assert_eq!(ids, keys);
    let types = r#"<key id="count" for="edge" attr.name="count" attr.type="int"/>"#;
    assert!(xml.contains(types));
    let script = "import networkx as nx, sys, json\n\
                  g = nx.read_graphml(sys.argv[1])\n\
                  print(json.dumps([sorted(g.nodes()), g.number_of_edges(),\n\
                  sorted({type(c).__name__ for _, _, c in g.edges(data='count')})]))";
    let networkx = Command::new("python3")
        .args(["-c", "import networkx"])
        .output();
    if !networkx.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: python3 with networkx is not installed");
        return;
    }
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(d.path("g.graphml"))
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let nodes: BTreeSet<String> = v[0]
        .as_array()
        .expect("nodes")
        .iter()
        .filter_map(|n| n.as_str().map(String::from))
        .collect();
    assert_eq!(nodes, keys);
    assert_eq!(
        (&v[1], &v[2]),
        (&Value::from(10), &serde_json::json!(["int"]))
    );
}

#[test]
fn render_draws_and_explains_a_missing_graphviz() {
    let d = corpus();
    if have_dot() {
        ok(
            &d,
            &[
                "render", "--graph", "g.ron", "-o", "g.svg", "--layout", "neato",
            ],
        );
        assert!(read(&d, "g.svg").contains("<svg"));
    }
    let empty = Dir::new();
    let (code, out, err) = run(whowhom(d.tmp.path()).env("PATH", empty.tmp.path()).args([
        "render",
        "--graph",
        "g.ron",
        "-o",
        "g.png",
        "--dot-out",
        "g.dot",
    ]));
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (
            1,
            "",
            "whowhom: Graphviz is not installed: the 'dot' program was not found on PATH; \
             install it (Debian/Ubuntu: apt-get install graphviz)\n"
        )
    );
    assert_eq!(read(&d, "g.dot"), export(&d, &[]));
    assert!(!d.path("g.png").exists());
    let (code, _, err) =
        run(whowhom(d.tmp.path()).args(["render", "--graph", "g.ron", "-o", "g.gif"]));
    assert_eq!(
        (code, err.as_str()),
        (
            1,
            "whowhom: g.gif: cannot tell the image format; name the file .svg, .png or .pdf\n"
        )
    );
}

#[test]
fn the_sample_corpus_draws_in_every_style() {
    let d = Dir::new();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus");
    let corpus = corpus.to_str().expect("UTF-8 path");
    ok(&d, &["build", corpus, "-o", "g.ron", "-q"]);
    let styles: [&[&str]; 4] = [
        &[],
        &["--cluster", "--all-moods"],
        &["--level", "country"],
        &["--pressure", "--actor", "Russia", "--hops", "2"],
    ];
    for (i, style) in styles.into_iter().enumerate() {
        let file = format!("{i}.dot");
        export(&d, &[&["-o", file.as_str()][..], style].concat());
        let text = read(&d, &file);
        assert!(graphviz_rust::parse(&text).is_ok(), "{style:?}:\n{text}");
        if have_dot() {
            assert!(svg(&d.path(&file)).contains("Russia"), "{style:?}");
        }
    }
}
