//! The full-text index (one folded haystack of every event sentence) finds exactly what a naive
//! scan of each sentence finds, including on odd queries and at sentence boundaries.

use dateline::corpus::{Corpus, CorpusEvent};
use dateline::ids::{DocId, EventId};
use dateline::model::{Document, Span};
use dateline::tui::textsearch::{FoldedDoc, TextIndex, fold_query};

/// Each event's sentence folded on its own, searched with `str::contains`.
fn naive(corpus: &Corpus, query: &str, pool: Option<&[EventId]>) -> Vec<EventId> {
    let all: Vec<EventId> = corpus.events.ids().collect();
    pool.unwrap_or(&all)
        .iter()
        .copied()
        .filter(|&e| {
            let ev = &corpus.events[e];
            let sentence = ev.span().slice(&corpus.documents[ev.doc()].text);
            FoldedDoc::new(sentence).text.contains(query)
        })
        .collect()
}

fn check(corpus: &Corpus, queries: &[&str]) {
    let index = TextIndex::new(corpus);
    let all: Vec<EventId> = corpus.events.ids().collect();
    for q in queries {
        let q = fold_query(q);
        let want = naive(corpus, &q, None);
        assert_eq!(index.events_matching(corpus, &q, None), want, "{q:?}");
        // Narrowing: a large pool (one pass) and a small one (sentence by sentence).
        assert_eq!(index.events_matching(corpus, &q, Some(&all)), want, "{q:?}");
        let few: Vec<EventId> = all.iter().copied().step_by(17).collect();
        assert_eq!(
            index.events_matching(corpus, &q, Some(&few)),
            naive(corpus, &q, Some(&few)),
            "{q:?} in a few"
        );
    }
}

#[test]
fn the_index_matches_a_naive_scan_of_the_fixture() {
    let corpus = crate::common::fixture::corpus();
    assert!(corpus.events.len() > 17);
    let mut queries = vec![
        "", "e", "th", "the", "minister", "said", ". ", "zzzz", "ğ", "é",
    ];
    // Words of the fixture's own sentences, and pieces of them.
    let words: Vec<String> = corpus
        .events
        .iter()
        .step_by(3)
        .filter_map(|e| {
            let text = e.span().slice(&corpus.documents[e.doc()].text);
            text.split_whitespace().nth(2).map(str::to_string)
        })
        .collect();
    queries.extend(words.iter().map(String::as_str));
    let found = |q: &str| !naive(&corpus, &fold_query(q), None).is_empty();
    assert!(words.iter().all(|w| found(w)), "the words are found");
    check(&corpus, &queries);
}

#[test]
fn odd_inputs_and_sentence_boundaries() {
    // Two sentences back to back (no space between), one shared by two events, one with
    // diacritics, an empty span and one past the text's end.
    let text = "Alpha beta.Gamma delta. Erdoğan met İzmir's mayor. Éclair";
    let at = |s: &str| text.find(s).unwrap();
    let spans = [
        Span::new(0, at("Gamma")),
        Span::new(at("Gamma"), at(" Erdoğan")),
        Span::new(at("Gamma"), at(" Erdoğan")),
        Span::new(at("Erdoğan"), at(" Éclair")),
        Span::new(at("Éclair"), text.len()),
        Span::new(3, 3),
        Span::new(text.len(), text.len() + 10),
    ];
    let events: Vec<CorpusEvent> = spans
        .iter()
        .map(|&sp| {
            CorpusEvent::new(
                DocId::new(0),
                sp,
                Default::default(),
                Default::default(),
                [],
                [],
                [],
            )
        })
        .collect();
    let corpus = Corpus {
        documents: vec![Document {
            id: "odd".into(),
            text: text.into(),
            ..Document::default()
        }]
        .into(),
        events: events.into(),
        ..Corpus::default()
    };
    check(
        &corpus,
        &[
            "",
            " ",
            "a",
            "beta.",
            "beta.gamma",
            ".g",
            "a.",
            "delta.",
            "delta. erdogan",
            "ERDOĞAN",
            "erdogan",
            "izmir",
            "İZMİR'S",
            "eclair",
            "éclair",
            "air",
            "r",
        ],
    );
    let index = TextIndex::new(&corpus);
    let hits = |q: &str| index.events_matching(&corpus, &fold_query(q), None);
    let ids = |v: &[usize]| v.iter().map(|&i| EventId::new(i)).collect::<Vec<_>>();
    // A match across the boundary of two sentences is no match.
    assert_eq!(hits("beta.gamma"), ids(&[]));
    assert_eq!(hits("delta. erdogan"), ids(&[]));
    assert_eq!(hits("beta."), ids(&[0]));
    assert_eq!(hits("gamma"), ids(&[1, 2]));
    assert_eq!(hits("ERDOĞAN"), ids(&[3]));
    assert_eq!(hits("eclair"), ids(&[4]));
    // The empty query keeps everything.
    assert_eq!(hits("").len(), spans.len());
}
