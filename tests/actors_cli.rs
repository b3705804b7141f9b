//! `whowhom actors`: resolved actors with their surface forms, and `--explain`.

mod common;
use common::{run, whowhom, Dir};

#[test]
fn actors_lists_each_real_world_actor_once_with_its_forms() {
    let d = Dir::new();
    d.write(
        "a.txt",
        " date 2022-01-20 Moscow warned Kyiv. The Kremlin said Russia would not attack Ukraine. Russian Foreign Minister Sergei Lavrov met Antony Blinkon. Lavrov said he was calm.",
    );
    let (code, out, err) = run(whowhom(d.tmp.path()).args(["actors", "a.txt", "--json"]));
    assert_eq!((code, err.as_str()), (0, ""));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["RUS", "UKR", "antony_blinken", "sergei_lavrov"]);
    let rus = &v[0];
    assert_eq!(
        rus["forms"],
        serde_json::json!({"Moscow": 1, "The Kremlin": 1, "Russia": 1})
    );
    let lavrov = &v[3];
    assert_eq!(lavrov["country"], "RUS");
    assert_eq!(
        lavrov["forms"],
        serde_json::json!({"Russian Foreign Minister Sergei Lavrov": 1, "Lavrov": 1, "he": 1})
    );
    assert_eq!(v[2]["forms"], serde_json::json!({"Antony Blinkon": 1}));
}

#[test]
fn explain_names_the_entry_file_and_line() {
    let d = Dir::new();
    let (code, out, _) =
        run(whowhom(d.tmp.path()).args(["actors", "--explain", "the kremlin", "--json"]));
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["id"], "RUS");
    assert_eq!(v[0]["via"], "seat");
    assert!(v[0]["source"]
        .as_str()
        .unwrap()
        .starts_with("data/actors.ron:"));
    let (_, out, _) = run(whowhom(d.tmp.path()).args(["actors", "--explain", "Thursday"]));
    assert!(
        out.starts_with("\"Thursday\" is no name in the gazetteer"),
        "{out}"
    );
}
