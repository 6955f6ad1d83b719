//! Cross-document merging: one actor per person in the whole corpus.

use dateline::corpus::{Corpus, Source};
use dateline::model::ActorKind;

#[test]
fn people_merge_across_documents() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        (
            "a.txt",
            "Turkey’s Foreign Minister Hakan Fidan said Ankara would wait.",
        ),
        (
            "b.txt",
            "Fidan said talks with Armenia would go on. Hakan Fidan left.",
        ),
        ("c.txt", "Analysts said Fidan told reporters nothing new."),
        ("d.txt", "John Smith met Mary Smith. Smith said nothing."),
        ("e.txt", "Smith said it again."),
    ];
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let source = Source {
        paths: vec![dir.path().to_path_buf()],
        ..Source::default()
    };
    let c = Corpus::load(&source, crate::common::lexicon());
    let people: Vec<&str> = c
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Person)
        .map(|a| a.name.as_str())
        .collect();
    let fidan = c.actors.iter().find(|a| a.name == "Hakan Fidan").unwrap();
    let docs: Vec<usize> = fidan.mentions.iter().map(|m| m.doc().index()).collect();
    assert_eq!(fidan.mentions.len(), 4, "{people:?}");
    assert!(docs.contains(&2), "{docs:?}");
    assert!(!people.contains(&"Fidan"));
    // Two full names end in "Smith": the bare surname stays its own actor.
    assert!(people.contains(&"Smith"), "{people:?}");
    for e in &c.events {
        assert!(e.actors().iter().all(|a| a.index() < c.actors.len()));
    }
}
