//! The bundled seed through the library: its time expressions match the hand annotation exactly and
//! its events come out in the annotated order.

use dateline::corpus::{Corpus, Source};
use dateline::ids::{DocId, EventId};
use dateline::model::{Status, TimexType, WhenBasis};

fn seed() -> Corpus {
    Corpus::load(&Source::default(), crate::common::lexicon())
}

#[test]
fn seed_time_expressions_are_exactly_the_gold() {
    let corpus = seed();
    let text = &corpus.documents[DocId::new(0)].text;
    let body_start = text.find("A group of five").expect("seed body");
    let got: Vec<(usize, usize, &str, TimexType, &str)> = corpus
        .timexes
        .iter()
        .map(|t| {
            let s = t.span();
            (
                s.start - body_start,
                s.end - body_start,
                s.slice(text),
                t.kind,
                corpus.strings.get(t.value),
            )
        })
        .collect();
    let want = vec![
        (71, 87, "November 21–22", TimexType::Date, "2025-11-21"),
        (403, 413, "last month", TimexType::Date, "2025-10"),
        (1057, 1066, "currently", TimexType::Date, "PRESENT_REF"),
        (1696, 1705, "currently", TimexType::Date, "PRESENT_REF"),
        (2003, 2006, "now", TimexType::Date, "PRESENT_REF"),
        (3190, 3199, "this week", TimexType::Date, "2025-W47"),
    ];
    assert_eq!(got, want);
    let bounds: Vec<String> = corpus
        .timexes
        .iter()
        .map(|t| format!("{:?}..{:?}", t.earliest, t.latest))
        .collect();
    assert_eq!(bounds[0], "Some(2025-11-21)..Some(2025-11-22)");
    assert_eq!(bounds[1], "Some(2025-10-01)..Some(2025-10-31)");
    assert_eq!(bounds[2], "Some(2025-11-20)..Some(2025-11-20)");
    assert_eq!(bounds[5], "Some(2025-11-17)..Some(2025-11-23)");
}

#[test]
fn seed_events_are_in_timeline_order() {
    let corpus = seed();
    let text = &corpus.documents[DocId::new(0)].text;
    let position = |needle: &str| {
        corpus
            .events
            .iter()
            .position(|e| e.span().slice(text).contains(needle))
            .map(EventId::new)
            .unwrap_or_else(|| panic!("no event with {needle:?}"))
    };
    let az = position("last month’s trip of Azerbaijani experts");
    let kz = position("traveled to Kazakhstan this week");
    let baku = position("is set to visit Baku on November 21–22");
    assert!(az < kz && kz < baku, "order {az:?} {kz:?} {baku:?}");

    let e = &corpus.events[az];
    assert_eq!(corpus.when_value(&e.when), Some("2025-10"));
    assert_eq!(e.when.basis, WhenBasis::Relative);
    let e = &corpus.events[kz];
    assert_eq!(
        e.when.earliest.map(|d| d.to_string()).as_deref(),
        Some("2025-11-17")
    );
    assert_eq!(
        e.when.latest.map(|d| d.to_string()).as_deref(),
        Some("2025-11-23")
    );
    assert_eq!(e.status, Status::Past);
    let e = &corpus.events[baku];
    assert_eq!(
        e.when.earliest.map(|d| d.to_string()).as_deref(),
        Some("2025-11-21")
    );
    assert_eq!(
        e.when.latest.map(|d| d.to_string()).as_deref(),
        Some("2025-11-22")
    );
    assert_eq!(e.when.basis, WhenBasis::Explicit);
    assert_eq!(e.status, Status::Planned);

    // "Analysts say the visit ..." continues the week of the sentence before it.
    let next = &corpus.events[position("Analysts say the visit reflects")];
    assert_eq!(next.when.basis, WhenBasis::Inherited);
    assert_eq!(corpus.when_value(&next.when), Some("2025-W47"));
    // "During her recent visit" has no expression: a vague past, which names no month (issue
    // 14): marked PAST_REF at the publication date.
    let hooker = &corpus.events[position("During her recent visit")];
    assert_eq!(corpus.when_value(&hooker.when), Some("PAST_REF"));
    assert_eq!(hooker.when.basis, WhenBasis::Document);
    assert_eq!(hooker.when.earliest, hooker.when.latest);
}
