//! Queries on a small hand-written corpus: exact pairs, paths and hops, neighbours,
//! actor names and their errors.

mod common;
use common::{run, whowhom, Dir};
use serde_json::Value;

/// Russia–NATO–France–Iran and Russia–Spain–France–Iran; Lavrov only meets Iran.
fn corpus() -> Dir {
    let d = Dir::new();
    d.write(
        "news/a.txt",
        "date 2022-01-10 Russia warned NATO. Spain criticized Russia. France urged Iran.\n",
    );
    d.write(
        "news/b.txt",
        "date 2022-02-01 Russia met Spain. The United States accused Russia. Blinken warned Moscow. Russia may attack Ukraine.\n",
    );
    d.write(
        "news/c.txt",
        "NATO criticized France. Iran met Lavrov. Spain urged France.\n",
    );
    let (code, _, err) = run(whowhom(d.tmp.path()).args(["build", "news", "-o", "g.ron"]));
    assert_eq!(code, 0, "{err}");
    d
}

fn query(d: &Dir, args: &[&str]) -> String {
    let (code, out, err) = run(whowhom(d.tmp.path()).args(args).args(["--graph", "g.ron"]));
    assert_eq!(code, 0, "{args:?}: {err}");
    assert_eq!(err, "");
    out
}

fn json(d: &Dir, args: &[&str]) -> Value {
    let out = query(d, &[args, &["--json"]].concat());
    serde_json::from_str(&out).expect("JSON output")
}

/// (pressurer, pressured, count, "relation count, …") of each pair.
fn pairs(v: &Value) -> Vec<(String, String, u64, String)> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let rels: Vec<String> = p["relations"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| format!("{} {}", r["relation"].as_str().unwrap(), r["count"]))
                .collect();
            (
                p["pressurer"]["key"].as_str().unwrap().to_string(),
                p["pressured"]["key"].as_str().unwrap().to_string(),
                p["count"].as_u64().unwrap(),
                rels.join(", "),
            )
        })
        .collect()
}

fn pair(a: &str, b: &str, n: u64, rels: &str) -> (String, String, u64, String) {
    (a.into(), b.into(), n, rels.into())
}

/// Each path as "A -rel> B <rel- C =rel= D".
fn paths(v: &Value) -> Vec<String> {
    v["paths"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let hops = p["hops"].as_array().unwrap();
            let mut s = hops[0]["from"]["key"].as_str().unwrap().to_string();
            for h in hops {
                let r = h["relation"].as_str().unwrap();
                let arrow = match h["direction"].as_str().unwrap() {
                    "forward" => format!(" -{r}> "),
                    "backward" => format!(" <{r}- "),
                    _ => format!(" ={r}= "),
                };
                s.push_str(&arrow);
                s.push_str(h["to"]["key"].as_str().unwrap());
            }
            s
        })
        .collect()
}

#[test]
fn who_pressured_russia_by_any_of_its_names() {
    let d = corpus();
    let expected = vec![
        pair("ESP", "RUS", 1, "criticizes 1"),
        pair("USA", "RUS", 1, "accuses 1"),
        pair("antony_blinken", "RUS", 1, "warns 1"),
    ];
    for name in ["Russia", "moscow", "RUS", "the Kremlin"] {
        let v = json(&d, &["query", "pressured", "--on", name]);
        assert_eq!(pairs(&v), expected, "--on {name}");
    }
    let v = json(&d, &["query", "pressured", "--on", "Russia"]);
    assert_eq!(v[0]["evidence"]["text"], "Spain criticized Russia.");
    assert_eq!(v[0]["first"], "2022-01-10");
}

#[test]
fn pressure_pairs_as_a_table_and_by_date() {
    let d = corpus();
    let out = query(&d, &["query", "pressured", "--by", "Spain"]);
    assert_eq!(
        out,
        "pressurer  pressured  count  relations     first       last        evidence\n\
         Spain      France     1      urges 1                               Spain urged France.\n\
         Spain      Russia     1      criticizes 1  2022-01-10  2022-01-10  Spain criticized Russia.\n"
    );
    let v = json(&d, &["query", "pressured", "--since", "2022-01-15"]);
    assert_eq!(
        pairs(&v),
        [
            pair("USA", "RUS", 1, "accuses 1"),
            pair("antony_blinken", "RUS", 1, "warns 1"),
        ]
    );
    let v = json(
        &d,
        &["query", "pressured", "--until", "2022-01-15", "--by", "RUS"],
    );
    assert_eq!(pairs(&v), [pair("RUS", "NATO", 1, "warns 1")]);
}

#[test]
fn moods_and_the_country_level() {
    let d = corpus();
    let v = json(&d, &["query", "pressured", "--by", "Russia"]);
    assert_eq!(pairs(&v), [pair("RUS", "NATO", 1, "warns 1")]);
    let v = json(&d, &["query", "pressured", "--by", "Russia", "--all-moods"]);
    assert_eq!(
        pairs(&v),
        [
            pair("RUS", "NATO", 1, "warns 1"),
            pair("RUS", "UKR", 1, "attacks 1"),
        ]
    );
    let v = json(
        &d,
        &["query", "pressured", "--on", "Russia", "--level", "country"],
    );
    assert_eq!(
        pairs(&v),
        [
            pair("USA", "RUS", 2, "accuses 1, warns 1"),
            pair("ESP", "RUS", 1, "criticizes 1"),
        ]
    );
}

#[test]
fn pressure_chains_are_ranked() {
    let d = corpus();
    let out = query(&d, &["query", "pressured", "--chains", "--on", "Iran"]);
    assert_eq!(
        out,
        "chain                  counts  score\n\
         Spain → France → Iran  1, 1    1\n\
         NATO → France → Iran   1, 1    1\n"
    );
}

#[test]
fn shortest_path_hop_by_hop() {
    let d = corpus();
    let v = json(&d, &["path", "Moscow", "Iran"]);
    assert_eq!(paths(&v), ["RUS <criticizes- ESP -urges> FRA -urges> IRN"]);
    assert_eq!(v["paths"][0]["hops"][0]["text"], Value::Null);
    assert_eq!(
        v["paths"][0]["hops"][0]["evidence"]["text"],
        "Spain criticized Russia."
    );
    let v = json(
        &d,
        &[
            "path",
            "Russia",
            "France",
            "--relations",
            "warns,criticizes",
        ],
    );
    assert_eq!(paths(&v), ["RUS -warns> NATO -criticizes> FRA"]);
    let out = query(&d, &["path", "Russia", "France"]);
    assert_eq!(
        out,
        "path  hop  from    relation      to      count  evidence\n\
         1     1    Russia  ← criticizes  Spain   1      Spain criticized Russia.\n\
         1     2    Spain   urges →       France  1      Spain urged France.\n"
    );
}

#[test]
fn hop_limits_directions_and_all_paths() {
    let d = corpus();
    let v = json(&d, &["path", "Lavrov", "Blinken"]);
    assert_eq!(paths(&v), Vec::<String>::new(), "five hops needed");
    let out = query(&d, &["path", "Lavrov", "Blinken"]);
    assert_eq!(
        out,
        "no path from Sergei Lavrov to Antony Blinken within 4 hop(s)\n"
    );
    let v = json(&d, &["path", "Lavrov", "Blinken", "--max-hops", "5"]);
    assert_eq!(
        paths(&v),
        ["sergei_lavrov =meets= IRN <urges- FRA <urges- ESP -criticizes> RUS <warns- antony_blinken"]
    );
    let v = json(&d, &["path", "Iran", "Russia", "--directed"]);
    assert_eq!(paths(&v), Vec::<String>::new());
    let v = json(&d, &["path", "Russia", "Iran", "--directed", "--pressure"]);
    assert_eq!(paths(&v), ["RUS -warns> NATO -criticizes> FRA -urges> IRN"]);
    let v = json(
        &d,
        &["path", "Russia", "France", "--all", "--max-hops", "3"],
    );
    assert_eq!(
        paths(&v),
        [
            "RUS <criticizes- ESP -urges> FRA",
            "RUS -warns> NATO -criticizes> FRA",
        ],
        "paths are of actors; the best-attested edge stands for each hop"
    );
}

#[test]
fn neighbours_of_an_actor() {
    let d = corpus();
    let out = query(&d, &["neighbors", "Madrid"]);
    assert_eq!(
        out,
        "direction  relation    other   count  first       last        evidence\n\
         out        criticizes  Russia  1      2022-01-10  2022-01-10  Spain criticized Russia.\n\
         mutual     meets       Russia  1      2022-02-01  2022-02-01  Russia met Spain.\n\
         out        urges       France  1                              Spain urged France.\n"
    );
    let v = json(&d, &["neighbors", "Spain", "--relations", "urges"]);
    assert_eq!(v["neighbors"].as_array().unwrap().len(), 1);
    assert_eq!(v["neighbors"][0]["other"]["key"], "FRA");
}

#[test]
fn stats_count_facts() {
    let d = corpus();
    let v = json(&d, &["stats"]);
    assert_eq!(v["documents"], 3);
    assert_eq!(
        v["nodes_by_kind"],
        serde_json::json!({"country": 5, "organization": 1, "person": 2})
    );
    assert_eq!(v["edges_by_relation"]["urges"]["edges"], 2);
    assert!(
        v["edges_by_relation"].get("attacks").is_none(),
        "hypothetical"
    );
    assert_eq!(v["top_pressure_received"][0]["key"], "RUS");
    assert_eq!(v["top_pressure_received"][0]["value"], 3);
    let all = json(&d, &["stats", "--all-moods"]);
    assert_eq!(all["edges_by_relation"]["attacks"]["mentions"], 1);
}

#[test]
fn queries_run_on_inputs_as_on_a_graph_file() {
    let d = corpus();
    let (code, out, _) = run(whowhom(d.tmp.path()).args(["stats", "--json", "news"]));
    assert_eq!(code, 0);
    assert_eq!(out, query(&d, &["stats", "--json"]));
}

fn fails(d: &Dir, args: &[&str]) -> String {
    let (code, out, err) = run(whowhom(d.tmp.path()).args(args).args(["--graph", "g.ron"]));
    assert_eq!((code, out.as_str()), (1, ""), "{args:?}");
    err
}

#[test]
fn unknown_names_get_close_matches() {
    let d = corpus();
    assert_eq!(
        fails(&d, &["path", "Nobody Atall", "Russia"]),
        "whowhom: no actor named \"Nobody Atall\"\n"
    );
    assert_eq!(
        fails(&d, &["path", "Rusia", "Iran"]),
        "whowhom: no actor named \"Rusia\"; did you mean: Russia?\n"
    );
    assert_eq!(
        fails(&d, &["neighbors", "Beijing"]),
        "whowhom: \"Beijing\" (China) does not appear in the graph\n"
    );
    let err = fails(
        &d,
        &["path", "Russia", "Iran", "--relations", "meets,bogus"],
    );
    assert!(
        err.starts_with("whowhom: unknown relation \"bogus\"; the schema defines: meets, visits,"),
        "{err}"
    );
}
