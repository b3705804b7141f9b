//! Unit tests of loading, layering and the queries of the gazetteer.

use super::*;

const COUNTRIES: &str = r#"#![enable(implicit_some)]
(
countries: [
    (id: "RUS", name: "Russia", aliases: ["Russian Federation"], adjectives: ["Russian"], capitals: ["Moscow"], seats: ["the Kremlin"]),
    (id: "ESP", name: "Spain", capitals: ["Madrid"]),
],
organizations: [
    (id: "EU", name: "European Union", aliases: ["EU"], members: ["ESP"]),
],
)"#;

const PEOPLE: &str = r#"#![enable(implicit_some)]
(
people: [
    (id: "josep_borrell", name: "Josep Borrell", aliases: ["Borrell"], country: "ESP", roles: [
        (office: ForeignMinister, title: "foreign minister", of: "ESP", from: "2018-06-07", until: "2019-11-30"),
        (office: ForeignMinister, title: "foreign policy chief", of: "EU", from: "2019-12-01", until: "2024-12-01"),
    ]),
],
)"#;

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn entries_remember_file_and_line() {
    let g = Gazetteer::load([("a.ron", COUNTRIES), ("p.ron", PEOPLE)]).unwrap();
    let esp = g.actor(g.by_key("ESP").unwrap());
    assert_eq!(esp.origin.to_string(), "a.ron:5");
    let borrell = g.actor(g.by_key("josep_borrell").unwrap());
    assert_eq!(borrell.origin.to_string(), "p.ron:4");
    assert_eq!(borrell.kind, ActorKind::Person);
}

#[test]
fn dated_roles_give_affiliation_and_holders() {
    let g = Gazetteer::load([("a.ron", COUNTRIES), ("p.ron", PEOPLE)]).unwrap();
    let borrell = g.by_key("josep_borrell").unwrap();
    let (esp, eu) = (g.by_key("ESP").unwrap(), g.by_key("EU").unwrap());
    assert_eq!(g.affiliation(borrell, Some(date("2019-01-01"))), Some(esp));
    assert_eq!(g.affiliation(borrell, Some(date("2022-01-01"))), Some(eu));
    assert_eq!(g.affiliation(borrell, Some(date("2010-01-01"))), Some(esp));
    assert_eq!(
        g.holder(Office::ForeignMinister, eu, date("2022-01-01")),
        Some(borrell)
    );
    assert_eq!(
        g.holder(Office::ForeignMinister, eu, date("2025-01-01")),
        None
    );
    assert_eq!(g.members(eu), &[esp]);
}

#[test]
fn duplicate_ids_name_both_places() {
    let e = Gazetteer::load([("a.ron", COUNTRIES), ("b.ron", COUNTRIES)]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "b.ron:4: duplicate id \"RUS\": already defined at a.ron:4"
    );
}

#[test]
fn dangling_references_are_errors() {
    let text = "(bodies: [\n(id: \"XXX/army\", name: \"Army\", owner: \"XXX\"),\n])";
    let e = Gazetteer::load([("b.ron", text)]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "b.ron:2: \"XXX/army\": owner refers to \"XXX\", which no gazetteer entry defines"
    );
}

#[test]
fn roles_that_end_before_they_begin_are_errors() {
    let text = "#![enable(implicit_some)]\n(countries: [(id: \"ESP\", name: \"Spain\")], people: [\n(id: \"x\", name: \"X\", roles: [(office: HeadOfState, title: \"king\", of: \"ESP\", from: \"2020-01-01\", until: \"2019-01-01\")]),\n])";
    let e = Gazetteer::load([("p.ron", text)]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "p.ron:3: role \"king\" of \"ESP\" ends before it begins"
    );
}

#[test]
fn malformed_ron_and_unknown_fields_have_positions() {
    let e = Gazetteer::load([("m.ron", "(countries: [\n(id: \"RUS\" name: \"Russia\")])")])
        .unwrap_err();
    assert_eq!((e.file.as_str(), e.line), ("m.ron", Some(2)));
    let e = Gazetteer::load([("u.ron", "(countries: [\n(id: \"RUS\", nam: \"Russia\")])")])
        .unwrap_err();
    assert_eq!(e.line, Some(2));
    assert!(e.problem.contains("nam"), "{e}");
}

#[test]
fn names_shared_by_two_actors_are_warnings() {
    let text = "(countries: [(id: \"AAA\", name: \"Aland\"), (id: \"BBB\", name: \"Bland\", aliases: [\"Aland\"])])";
    let g = Gazetteer::load([("w.ron", text)]).unwrap();
    assert_eq!(g.warnings().len(), 1);
    assert!(g.warnings()[0]
        .problem
        .contains("\"Aland\" of \"BBB\" is also a name of \"AAA\""));
}

#[test]
fn builtin_gazetteer_loads_without_shared_names() {
    let g = Gazetteer::builtin().unwrap();
    let warnings: Vec<String> = g.warnings().iter().map(|w| w.to_string()).collect();
    assert_eq!(warnings, Vec::<String>::new());
    let countries = g
        .actors()
        .filter(|(_, a)| a.kind == ActorKind::Country)
        .count();
    assert!(countries >= 193, "{countries} countries");
    let (rus, d) = (g.by_key("RUS").unwrap(), date("2006-03-01"));
    let fm = g.holder(Office::ForeignMinister, rus, d).unwrap();
    assert_eq!(g.actor(fm).key, "sergei_lavrov".into());
    let usa = g.by_key("USA").unwrap();
    let fm = g.holder(Office::ForeignMinister, usa, d).unwrap();
    assert_eq!(g.actor(fm).key, "condoleezza_rice".into());
}
