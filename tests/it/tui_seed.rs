//! Key-sequence tests on the real extraction of the bundled seed and of a generated archive.

use crate::common;

use common::keys::{actor, event_text, press, quote_text, screen, seed, shown_events};
use dateline::corpus::{Corpus, Source};
use dateline::tui::action::{Action, Pane};
use dateline::tui::data::Data;
use dateline::tui::state::{Overlay, State};
use dateline::tui::update::update;

#[test]
fn seed_loads_and_navigates() {
    let mut s = seed();
    let shown = shown_events(&s);
    assert_eq!(shown.len(), s.data.corpus.events.len());
    assert!(!shown.is_empty());
    press(&mut s, "j j End");
    assert_eq!(s.selected_event(), shown.last().copied());
    press(&mut s, "Enter");
    assert_eq!(s.focus, Pane::Source);
    press(&mut s, "n");
    // Quotes may not be extracted yet: either a quote opened or the status says why not.
    assert!(s.note.is_some() || s.source.as_ref().unwrap().quote.is_some());
}

/// The issue's walkthrough on the bundled seed, through the real extraction stages.
#[test]
fn seed_walkthrough() {
    let mut s = seed();
    // 1. The October trip, then this week's Kazakhstan trip, then the planned Baku visit.
    let shown = shown_events(&s);
    let at = |needle: &str| {
        shown
            .iter()
            .position(|&e| event_text(&s, e).contains(needle))
            .unwrap_or_else(|| panic!("no event with {needle:?}"))
    };
    let (october, kazakhstan, baku) = (
        at("last month’s trip of Azerbaijani experts"),
        at("traveled to Kazakhstan this week"),
        at("is set to visit Baku on November 21–22"),
    );
    assert!(october < kazakhstan && kazakhstan < baku);
    assert_eq!(
        s.data.corpus.events[shown[baku]].status,
        dateline::model::Status::Planned
    );

    // 2. People search for Pashinyan filters to his two events.
    press(&mut s, "p \"pashin\"");
    let Overlay::Search(search, _) = &s.overlay else {
        panic!("search is open")
    };
    assert_eq!(search.hits[0].actor, actor(&s, "Nikol Pashinyan"));
    press(&mut s, "Enter");
    let texts: Vec<&str> = shown_events(&s)
        .iter()
        .map(|&e| event_text(&s, e))
        .collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("Allison Hooker")));
    assert!(texts.iter().any(|t| t.contains("Kazakhstan")));

    // 3. Esc clears; Meghrabyans' quotes open at their passage.
    press(&mut s, "Esc");
    assert!(s.filters.is_empty());
    press(&mut s, "p \"megh\" Enter 4");
    let quotes: Vec<&str> = s.quotes.iter().map(|&q| quote_text(&s, q)).collect();
    assert_eq!(quotes[0], "“asymmetry of agendas”", "{quotes:?}");
    assert!(quotes.contains(&"“the most emotionally charged and politically sensitive”"));
    press(&mut s, "Enter");
    assert_eq!(s.focus, Pane::Source);
    assert_eq!(
        s.source.as_ref().unwrap().quote,
        Some(s.data.corpus.quotes[s.quotes[0]].span())
    );
}

/// An archive opens where its dates bunch, not on a stray historical reference at the top; `g`
/// still reaches that reference.
#[test]
fn an_archive_opens_at_the_bulk_of_its_dates() {
    let dir = tempfile::tempdir().unwrap();
    let mut lines = vec![
        r#"{"id": "history", "date": "2005-03-01", "text": "Roads were first built in the 1st century."}"#
            .to_string(),
    ];
    for i in 1..=120 {
        let day = i % 28 + 1;
        lines.push(format!(
            r#"{{"id": "n{i}", "date": "2005-04-{day:02}", "text": "The council met on March {day}, 2005 to vote."}}"#
        ));
    }
    let path = dir.path().join("archive.jsonl");
    std::fs::write(&path, lines.join("\n")).unwrap();
    let source = Source {
        paths: vec![path],
        ..Source::default()
    };
    let corpus = Corpus::load(&source, crate::common::lexicon());
    let mut s = State::new(Data::new(corpus), 120, 40);
    update(&mut s, Action::Resize(120, 40));
    // The title gives the bulk of the dates and counts the outlier apart.
    let title = screen(&s).lines().next().unwrap_or_default().to_string();
    assert!(title.contains("Mar 2005 → Mar 2005 (+1 before)"), "{title}");
    let opened = s.selected_event().expect("an event is selected");
    assert!(
        event_text(&s, opened).contains("council"),
        "{}",
        event_text(&s, opened)
    );
    assert!(
        s.timeline.offset > 0,
        "the rows above are scrolled out of view"
    );
    press(&mut s, "g");
    let top = s.selected_event().expect("an event is selected");
    assert!(
        event_text(&s, top).contains("1st century"),
        "{}",
        event_text(&s, top)
    );
}
