//! The bundled seed article: the people, places, organisations and groups of its gold annotation.

use dateline::corpus::{Corpus, Source};
use dateline::ids::DocId;
use dateline::model::ActorKind;

fn corpus() -> Corpus {
    Corpus::load(&Source::default(), crate::common::lexicon())
}

fn names(c: &Corpus, kind: ActorKind) -> Vec<&str> {
    c.actors
        .iter()
        .filter(|a| a.kind == kind)
        .map(|a| a.name.as_str())
        .collect()
}

#[test]
fn exactly_the_six_people_with_their_roles() {
    let c = corpus();
    let mut people = names(&c, ActorKind::Person);
    people.sort_unstable();
    assert_eq!(
        people,
        [
            "Allison Hooker",
            "Ararat Mirzoyan",
            "Arshaluis Mgdesyan",
            "Hakan Fidan",
            "Nikol Pashinyan",
            "Stella Meghrabyans"
        ]
    );
    let table: &[(&str, &str, Option<&str>)] = &[
        ("Stella Meghrabyans", "CivilNet analyst", None),
        ("Arshaluis Mgdesyan", "CivilNet analyst", None),
        (
            "Allison Hooker",
            "Under Secretary of State for Political Affairs",
            Some("United States"),
        ),
        ("Nikol Pashinyan", "Prime Minister", Some("Armenia")),
        ("Hakan Fidan", "Foreign Minister", Some("Turkey")),
        ("Ararat Mirzoyan", "Foreign Minister", Some("Armenia")),
    ];
    for (name, role, country) in table {
        let a = c.actors.iter().find(|a| a.name == *name).unwrap();
        assert!(a.roles.iter().any(|r| r == role), "{name}: {:?}", a.roles);
        assert_eq!(a.country.as_deref(), *country, "{name}");
    }
}

#[test]
fn mentions_are_exact_spans_and_fidan_is_an_alias() {
    let c = corpus();
    let text = &c.documents[DocId::new(0)].text;
    let fidan = c.actors.iter().find(|a| a.name == "Hakan Fidan").unwrap();
    let spans: Vec<&str> = fidan
        .mentions
        .iter()
        .map(|m| m.span().slice(text))
        .collect();
    assert_eq!(spans, ["Hakan Fidan", "Fidan"]);
    assert_eq!(fidan.mentions[1].span().start, 2543);
    assert!(fidan.aliases.iter().any(|a| a == "Fidan"));
    let pashinyan = c
        .actors
        .iter()
        .find(|a| a.name == "Nikol Pashinyan")
        .unwrap();
    let starts: Vec<usize> = pashinyan.mentions.iter().map(|m| m.span().start).collect();
    assert_eq!(starts, [2260, 3151]);
    for a in &c.actors {
        for m in &a.mentions {
            assert!(
                !m.span().slice(text).is_empty(),
                "{} has a bad span",
                a.name
            );
        }
    }
}

#[test]
fn places_organisations_and_no_trump() {
    let c = corpus();
    let places = names(&c, ActorKind::Place);
    for p in [
        "Baku",
        "Yerevan",
        "Armenia",
        "Azerbaijan",
        "Turkey",
        "Kazakhstan",
        "Ankara",
        "Washington",
        "Karabakh",
        "South Caucasus",
        "Central Asia",
    ] {
        assert!(places.contains(&p), "missing place {p}: {places:?}");
    }
    let orgs = names(&c, ActorKind::Organization);
    for o in ["CivilNet", "Eurasian Economic Union"] {
        assert!(orgs.contains(&o), "missing organisation {o}: {orgs:?}");
    }
    assert_eq!(
        orgs.len(),
        2,
        "only the gold organisations (no TRIPP): {orgs:?}"
    );
    assert!(!c.actors.iter().any(|a| a.name.contains("Trump")));
    for (capital, country) in [
        ("Ankara", "Turkey"),
        ("Washington", "United States"),
        ("Baku", "Azerbaijan"),
        ("Yerevan", "Armenia"),
    ] {
        let a = c.actors.iter().find(|a| a.name == capital).unwrap();
        assert_eq!(a.country.as_deref(), Some(country));
    }
}

#[test]
fn groups_that_speak_or_act() {
    let c = corpus();
    let groups: Vec<String> = names(&c, ActorKind::Group)
        .iter()
        .map(|g| g.to_lowercase())
        .collect();
    for g in [
        "armenian civil society experts",
        "human rights advocates in yerevan",
        "commentators",
        "armenian analysts",
        "armenian government",
    ] {
        assert!(
            groups.iter().any(|x| x == g),
            "missing group {g}: {groups:?}"
        );
    }
    let gov = c
        .actors
        .iter()
        .find(|a| a.name == "Armenian government")
        .unwrap();
    let text = &c.documents[DocId::new(0)].text;
    let spans: Vec<&str> = gov.mentions.iter().map(|m| m.span().slice(text)).collect();
    assert_eq!(spans, ["Armenian government", "Armenia’s government"]);
}
