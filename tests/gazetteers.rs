//! Users' actor dictionaries (RON, CSV, CAMEO) over the built-in gazetteer: actors
//! the built-in data has never heard of, dated codes, layers, dirty lines, and the
//! real Phoenix dictionaries when `../shared/dicts` is there.

mod common;
use common::{jsonl, run, whowhom, Dir};
use serde_json::Value;
use std::path::Path;
use whowhom::gazetteer::{Format, Gazetteer, NameKind, UserFile};

/// (subject id, subject country, relation, object id) of each triple.
fn who(out: &str) -> Vec<(String, String, String, String)> {
    let s = |v: &Value| v.as_str().unwrap_or("-").to_string();
    jsonl(out)
        .iter()
        .map(|t| {
            (
                s(&t["subject"]["id"]),
                s(&t["subject"]["country"]),
                s(&t["relation"]),
                s(&t["object"]["id"]),
            )
        })
        .collect()
}

fn t(a: &str, b: &str, c: &str, d: &str) -> (String, String, String, String) {
    (a.into(), b.into(), c.into(), d.into())
}

/// An invented CAMEO dictionary: places, a minister who served two countries, a
/// rebel group, an agent, comments, a dirty line and an impossible date.
const CAMEO: &str = "# invented for the tests
<!-- a block comment
VALDORIA_ [XVL]   -- not an entry
-->
VALDORIA_ [XVL]
+VALDORIAN_
+OSTERGRAD_
KESSLAND_ [XKS]
+KESSLANDIC_
ORIN_TALVEK_
+FOREIGN_MINISTER_ORIN_TALVEK_
+TALVEK_
\t[XVLGOV 20100101-20141231]
\t[XKSGOV >20150101]
RED_DAWN_FRONT_ [XVLREB]  # a militia
BROKEN LINE WITH SPACES [XVL]
MIRA_SOLBERG_ [XKSGOV >20151345]
GENDARME_ [~COP]
";

const ARTICLES: &str = r#"{"id":"a","date":"2012-05-01","text":"Orin Talvek accused Kessland of shelling border villages."}
{"id":"b","date":"2016-05-01","text":"Orin Talvek accused Valdoria of shelling border villages."}
{"id":"c","date":"2016-05-02","text":"The Red Dawn Front attacked Ostergrad on Monday."}
"#;

#[test]
fn cameo_dictionary_gives_actors_dated_affiliations_and_warnings() {
    let d = Dir::new();
    d.write("inv.actors.txt", CAMEO);
    d.write("a.jsonl", ARTICLES);
    let (code, out, err) =
        run(whowhom(d.tmp.path()).args(["extract", "--gazetteer", "inv.actors.txt", "a.jsonl"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        who(&out),
        [
            t("orin_talvek", "XVL", "accuses", "XKS"),
            t("orin_talvek", "XKS", "accuses", "XVL"),
            t("XVL/red_dawn_front", "XVL", "attacks", "XVL"),
        ]
    );
    let names: Vec<String> = jsonl(&out)
        .iter()
        .map(|t| format!("{} / {}", t["subject"]["name"], t["object"]["name"]))
        .collect();
    assert_eq!(
        names,
        [
            "\"Orin Talvek\" / \"Kessland\"",
            "\"Orin Talvek\" / \"Valdoria\"",
            "\"Red Dawn Front\" / \"Valdoria\""
        ]
    );
    assert_eq!(
        err,
        "whowhom: warning: inv.actors.txt:16: \"BROKEN LINE WITH SPACES\" fits no rule of the format (words are joined by _); line skipped\n\
         whowhom: warning: inv.actors.txt:17: impossible date \"20151345\"; code skipped\n"
    );
}

#[test]
fn strict_loads_nothing_and_exits_1() {
    let d = Dir::new();
    d.write("inv.actors.txt", CAMEO);
    d.write("a.jsonl", ARTICLES);
    let (code, out, err) = run(whowhom(d.tmp.path()).args([
        "extract",
        "--strict",
        "--gazetteer",
        "inv.actors.txt",
        "a.jsonl",
    ]));
    assert_eq!(code, 1);
    assert_eq!(out, "");
    assert!(err.contains("whowhom: error: inv.actors.txt:16: "), "{err}");
    assert!(
        err.ends_with("2 problem(s) in the dictionaries; nothing loaded (--strict)\n"),
        "{err}"
    );
}

#[test]
fn csv_and_ron_dictionaries_layer_over_the_builtin_one() {
    let d = Dir::new();
    d.write(
        "actors.ron",
        r#"#![enable(implicit_some)]
(
    countries: [
        (id: "XQN", name: "Quenland", adjectives: ["Quenish"]),
        (id: "RUS", name: "Russia", aliases: ["Rossiya"]),
    ],
)"#,
    );
    d.write(
        "people.csv",
        "alias,id,name,kind,country,role,from,until\n\
         Tamsin Roe,tamsin_roe,Tamsin Roe,person,XQN,prime minister,2019-01-01,\n\
         Roe,tamsin_roe,,,,,,\n\
         Quenish Navy,XQN/navy,Quenish Navy,body,XQN,,,\n\
         Bad Date,bad_date,,person,XQN,envoy,2019-02-30,\n",
    );
    d.write(
        "a.txt",
        "Tamsin Roe accused Rossiya of shelling border villages.\n\nThe Quenish Navy attacked Russia on Monday.\n",
    );
    let (code, out, err) = run(whowhom(d.tmp.path()).args([
        "extract",
        "--date",
        "2020-01-01",
        "--gazetteer",
        "actors.ron",
        "--gazetteer",
        "people.csv",
        "a.txt",
    ]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        who(&out),
        [
            t("tamsin_roe", "XQN", "accuses", "RUS"),
            t("XQN/navy", "XQN", "attacks", "RUS"),
        ]
    );
    assert_eq!(
        err,
        "whowhom: warning: people.csv:5: impossible date \"2019-02-30\" (YYYY-MM-DD); role skipped\n"
    );
}

fn user(name: &str, text: &str) -> UserFile {
    UserFile {
        name: name.into(),
        text: text.into(),
        format: Format::Cameo,
    }
}

#[test]
fn explain_names_file_and_line_and_agents_are_looked_up() {
    let (g, problems) = Gazetteer::with_user_files(true, &[user("inv.actors.txt", CAMEO)])
        .expect("built-in data loads");
    assert_eq!(problems.len(), 2);
    let why: Vec<String> = g
        .explain("Talvek")
        .iter()
        .map(|(id, kind, origin)| format!("{} {kind:?} {origin}", g.actor(*id).key))
        .collect();
    assert_eq!(why, ["orin_talvek Name inv.actors.txt:12"]);
    let why = g.explain("Valdorian");
    assert_eq!(why.len(), 1);
    assert_eq!(
        (why[0].1, why[0].2.to_string()),
        (NameKind::Adjective, "inv.actors.txt:6".into())
    );
    let gendarmes = g.agent("gendarmes").expect("agent noun");
    assert_eq!(
        (gendarmes.sector.as_str(), gendarmes.slug()),
        ("COP", "gendarme".into())
    );
    // A user entry wins: "Moscow" named by a user's country is the user's.
    let (g, _) =
        Gazetteer::with_user_files(true, &[user("m.actors.txt", "MUSCOVY_ [XMU]\n+MOSCOW_\n")])
            .expect("loads");
    let first = &g.explain("Moscow")[0];
    assert_eq!(g.actor(first.0).key, "XMU".into());
    // Without the built-in gazetteer, only the user's actors are known.
    let (g, _) =
        Gazetteer::with_user_files(false, &[user("inv.actors.txt", CAMEO)]).expect("loads");
    assert!(g.by_key("RUS").is_none());
    assert!(g.by_key("XVL").is_some());
}

/// The real Phoenix dictionaries, when the shared directory is there.
fn phoenix() -> Option<Vec<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/dicts");
    let files = [
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
        "Phoenix.agents.txt",
    ];
    let paths: Vec<String> = files
        .iter()
        .map(|f| dir.join(f).display().to_string())
        .collect();
    if paths.iter().all(|p| Path::new(p).is_file()) {
        Some(paths)
    } else {
        println!(
            "skipped: the Phoenix dictionaries are not in {}",
            dir.display()
        );
        None
    }
}

#[test]
fn phoenix_dictionaries_resolve_ministers_dated_codes_and_agents() {
    let Some(paths) = phoenix() else { return };
    let d = Dir::new();
    d.write(
        "a.jsonl",
        r#"{"id":"a","date":"1979-03-01","text":"Foreign Minister Andrei Gromyko criticized Pakistan on Monday."}
{"id":"b","date":"2003-03-01","text":"Alan Huckle criticized Argentina on Monday."}
{"id":"c","date":"2005-03-01","text":"Alan Huckle criticized Argentina on Monday."}
"#,
    );
    let mut cmd = whowhom(d.tmp.path());
    cmd.arg("extract");
    for p in &paths {
        cmd.args(["--gazetteer", p]);
    }
    let (code, out, _) = run(cmd.arg("a.jsonl"));
    assert_eq!(code, 0);
    assert_eq!(
        who(&out),
        [
            t("andrey_gromyko", "RUS", "criticizes", "PAK"),
            t("alan_huckle", "GBR", "criticizes", "ARG"),
            t("alan_huckle", "AIA", "criticizes", "ARG"),
        ]
    );
    let files: Vec<UserFile> = paths
        .iter()
        .map(|p| UserFile::read(Path::new(p), None).expect("readable").0)
        .collect();
    let (g, _) = Gazetteer::with_user_files(true, &files).expect("loads");
    let police = g.agent("police").expect("an agent noun");
    assert_eq!(police.sector, "COP");
    // A surname after a title: "PRIME_MINISTER_KHALIL_" gives Mustafa Khalil "Khalil".
    let khalil = g.by_key("mustafa_khalil").expect("a Phoenix person");
    assert!(g.explain("Khalil").iter().any(|(id, ..)| *id == khalil));
}
