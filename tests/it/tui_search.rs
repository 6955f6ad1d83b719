//! Fuzzy search speed: per-keystroke latency over 100,000 actor names.

use dateline::corpus::{Actor, Mention};
use dateline::ids::{ActorId, DocId};
use dateline::model::{ActorKind, Span};
use dateline::tui::search::{Search, SearchIndex, matched_chars};

/// Deterministic made-up names with diacritics now and then.
fn names(n: usize) -> Vec<Actor> {
    const FIRST: [&str; 16] = [
        "Nikol", "Hakan", "Ararat", "Stella", "Recep", "Ümit", "Zoë", "Łukasz", "Anna", "Mehmet",
        "José", "Søren", "Aigerim", "Giorgi", "Ilham", "Olena",
    ];
    const LAST: [&str; 16] = [
        "Pashinyan",
        "Fidan",
        "Mirzoyan",
        "Erdoğan",
        "Özdağ",
        "Kowalski",
        "Aliyev",
        "Müller",
        "Nowak",
        "Hansen",
        "García",
        "Petrov",
        "Kemal",
        "Sargsyan",
        "Nazarbayev",
        "Brontë",
    ];
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    (0..n)
        .map(|i| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let name = format!(
                "{} {}{} {}",
                FIRST[(x % 16) as usize],
                LAST[((x >> 8) % 16) as usize],
                ["", "-", "ian", "ova"][((x >> 16) % 4) as usize],
                (x >> 20) % 1000
            );
            Actor {
                id: format!("person:{i}"),
                name,
                kind: if i % 5 == 0 {
                    ActorKind::Organization
                } else {
                    ActorKind::Person
                },
                roles: vec![],
                aliases: vec![],
                country: None,
                mentions: vec![Mention::new(DocId::new(0), Span::new(0, 1)); (x % 7) as usize],
            }
        })
        .collect()
}

/// Narrowing the previous results as the query grows (the speed trick; timed by
/// `cargo bench --bench fuzzy`) must rank exactly as a fresh search over every name.
#[test]
#[ignore = "slow: the full suite runs it (cargo test -- --include-ignored, as CI does)"]
fn growing_and_shrinking_queries_match_a_fresh_search() {
    let actors = names(20_000);
    let index = SearchIndex::new(&actors);
    for query in ["pashin", "erdogan", "zoe bron", "mehmet kemal 42", "sk"] {
        let mut search = Search::new(&index);
        let mut typed = String::new();
        let mut steps: Vec<String> = query
            .chars()
            .map(|c| {
                typed.push(c);
                typed.clone()
            })
            .collect();
        // Backspace widens again.
        steps.push(query[..query.len() - 1].to_string());
        for step in &steps {
            search.set_query(&index, step);
            let mut fresh = Search::new(&index);
            fresh.set_query(&index, step);
            let got: Vec<ActorId> = search.hits.iter().map(|h| h.actor).collect();
            let want: Vec<ActorId> = fresh.hits.iter().map(|h| h.actor).collect();
            assert_eq!(got, want, "query {step:?}");
        }
        assert!(!search.hits.is_empty(), "{query} finds something");
    }
}

#[test]
fn ranking_and_highlights() {
    let mut actors = names(50);
    actors[7].name = "Recep Tayyip Erdoğan".into();
    actors[7].kind = ActorKind::Person;
    actors[7].mentions = vec![Mention::new(DocId::new(0), Span::new(0, 1)); 40];
    actors[9].name = "Erdoğan Street".into();
    actors[9].kind = ActorKind::Place;
    actors[9].mentions = vec![Mention::new(DocId::new(0), Span::new(0, 1)); 3];
    let index = SearchIndex::new(&actors);
    let mut s = Search::new(&index);
    s.set_query(&index, "erdogan");
    let [erdogan, street] = [7, 9].map(ActorId::new);
    assert_eq!(
        s.hits[0].actor, erdogan,
        "equal matches rank by mentions, whatever the kind"
    );
    assert!(s.hits.iter().any(|h| h.actor == street));
    let hl = matched_chars("Recep Tayyip Erdoğan", "erdogan");
    assert_eq!(hl, (13..20).collect::<Vec<_>>(), "ğ is highlighted as g");
}
