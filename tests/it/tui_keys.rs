//! Key-sequence tests: keys in (through the real keymap), state out.

use crate::common;

use common::keys::{actor, event_text, fixture, press, quote_text, seed, shown_events};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use dateline::ids::{ActorId, EventId, QuoteId, TopicId};
use dateline::tui::action::{Action, Pane};
use dateline::tui::data::Data;
use dateline::tui::keymap::{action_for_key, action_for_mouse};
use dateline::tui::state::{Filter, Overlay, State, TimelineRow};
use dateline::tui::update::update;

#[test]
fn timeline_is_chronological_with_planned_marked() {
    let s = fixture();
    let texts: Vec<&str> = shown_events(&s)
        .into_iter()
        .map(|e| event_text(&s, e))
        .collect();
    let pos = |needle: &str| texts.iter().position(|t| t.contains(needle)).unwrap();
    assert!(
        pos("last month’s trip of Azerbaijani experts") < pos("traveled to Kazakhstan this week")
    );
    assert!(pos("traveled to Kazakhstan this week") < pos("visit Baku on November 21–22"));
    let baku = shown_events(&s)[pos("visit Baku on November 21–22")];
    assert_eq!(
        s.data.corpus.events[baku].status,
        dateline::model::Status::Planned
    );
    assert_eq!(
        s.timeline_rows.first(),
        Some(&TimelineRow::Heading("October 2025".into(), 1))
    );
    assert_eq!(
        s.timeline_rows
            .iter()
            .rev()
            .find(|r| matches!(r, TimelineRow::Heading(..))),
        Some(&TimelineRow::Heading("Undated".into(), 1))
    );
}

#[test]
fn navigation_moves_over_events_and_panes() {
    let mut s = fixture();
    assert_eq!(s.timeline.selected, 1, "the first event, under its heading");
    press(&mut s, "j");
    assert_eq!(s.timeline.selected, 3, "the October heading is skipped");
    press(&mut s, "k k k");
    assert_eq!(s.timeline.selected, 1);
    press(&mut s, "G");
    assert_eq!(s.timeline.selected, s.timeline_rows.len() - 1);
    assert!(s.timeline.offset > 0, "the end is scrolled into view");
    press(&mut s, "g");
    assert_eq!((s.timeline.selected, s.timeline.offset), (1, 0));
    press(&mut s, "PgDn");
    assert!(s.timeline.selected > 10);
    for (keys, pane) in [
        ("Tab", Pane::Actors),
        ("Tab Tab", Pane::Quotes),
        ("S-Tab", Pane::Topics),
        ("5", Pane::Source),
        ("Tab", Pane::Timeline),
        ("4", Pane::Quotes),
        ("1", Pane::Timeline),
    ] {
        press(&mut s, keys);
        assert_eq!(s.focus, pane, "after {keys}");
    }
}

#[test]
fn moving_the_timeline_follows_in_quotes_and_source() {
    let mut s = fixture();
    let target = shown_events(&s)
        .into_iter()
        .position(|e| event_text(&s, e).contains("asymmetry"))
        .unwrap();
    for _ in 0..target {
        press(&mut s, "j");
    }
    let e = s.selected_event().unwrap();
    assert!(event_text(&s, e).contains("asymmetry"));
    assert!(quote_text(&s, s.selected_quote().unwrap()).contains("asymmetry of agendas"));
    let v = s.source.as_ref().unwrap();
    assert_eq!(v.sentence, Some(s.data.corpus.events[e].span()));
    assert_eq!(s.focus, Pane::Timeline, "following does not steal focus");
    press(&mut s, "Enter");
    assert_eq!(s.focus, Pane::Source);
}

#[test]
fn fuzzy_search_filters_to_a_person() {
    let mut s = fixture();
    press(&mut s, "p \"pashin\"");
    let Overlay::Search(search, _) = &s.overlay else {
        panic!("search is open")
    };
    assert_eq!(search.hits[0].actor, actor(&s, "Nikol Pashinyan"));
    press(&mut s, "Enter");
    assert!(matches!(s.overlay, Overlay::None));
    let pashinyan = actor(&s, "Nikol Pashinyan");
    assert_eq!(s.filters, vec![Filter::Actor(pashinyan)]);
    let shown = shown_events(&s);
    assert!(!shown.is_empty() && shown.len() < s.data.corpus.events.len());
    assert!(
        shown
            .iter()
            .all(|&e| s.data.corpus.events[e].actors().contains(pashinyan))
    );
    assert_eq!(s.filter_label(&s.filters[0]), "Nikol Pashinyan");
    press(&mut s, "Esc");
    assert!(s.filters.is_empty());
    assert_eq!(shown_events(&s).len(), s.data.corpus.events.len());
}

#[test]
fn search_ignores_case_and_diacritics_and_narrows() {
    for (query, want) in [
        ("erdogan", "Recep Tayyip Erdoğan"),
        ("ERDOĞAN", "Recep Tayyip Erdoğan"),
        ("hkn fdn", "Hakan Fidan"),
        ("megh", "Stella Meghrabyans"),
        ("kazakh", "Kazakhstan"),
    ] {
        let mut s = fixture();
        press(&mut s, "p");
        for c in query.chars() {
            update(&mut s, Action::SearchInput(c));
        }
        let Overlay::Search(search, _) = &s.overlay else {
            panic!()
        };
        assert_eq!(
            s.data.corpus.actors[search.hits[0].actor].name, want,
            "{query}"
        );
    }
    let mut s = fixture();
    // Three letters past the name is more than the typo budget of a 9-letter query.
    press(&mut s, "p \"pashinzqx\"");
    let Overlay::Search(search, _) = &s.overlay else {
        panic!()
    };
    assert!(search.hits.is_empty());
    press(&mut s, "Bksp Bksp Bksp");
    let Overlay::Search(search, _) = &s.overlay else {
        panic!()
    };
    assert_eq!(search.query, "pashin");
    assert_eq!(
        search.hits.len(),
        1,
        "widening the query searches everything again"
    );
    press(&mut s, "q");
    assert!(!s.quit, "q is text in the search");
    press(&mut s, "Esc");
    assert!(matches!(s.overlay, Overlay::None));
    assert!(s.filters.is_empty(), "Esc closes the popup only");
}

#[test]
fn quotes_of_a_person_open_in_the_source() {
    let mut s = fixture();
    press(&mut s, "p \"megh\" Enter 4");
    assert_eq!(s.focus, Pane::Quotes);
    let quotes: Vec<&str> = s.quotes.iter().map(|&q| quote_text(&s, q)).collect();
    assert_eq!(
        quotes,
        [
            "asymmetry of agendas",
            "the most emotionally charged and politically sensitive"
        ]
    );
    press(&mut s, "Enter");
    assert_eq!(s.focus, Pane::Source);
    let v = s.source.as_ref().unwrap();
    assert_eq!(v.quote, Some(s.data.corpus.quotes[s.quotes[0]].span()));
    press(&mut s, "'");
    assert_eq!(
        s.source.as_ref().unwrap().quote,
        Some(s.data.corpus.quotes[s.quotes[1]].span())
    );
    press(&mut s, "'");
    assert_eq!(s.note.as_deref(), Some("last quote"));
    press(&mut s, "\"");
    assert_eq!(
        s.source.as_ref().unwrap().quote,
        Some(s.data.corpus.quotes[s.quotes[0]].span())
    );
}

#[test]
fn filters_combine_and_toggle() {
    let mut s = fixture();
    let pashinyan = actor(&s, "Nikol Pashinyan");
    press(&mut s, "p \"pashin\" Enter");
    let with_actor = shown_events(&s).len();
    let topic = s
        .data
        .corpus
        .topics
        .iter()
        .position(|t| t.id == "transit")
        .map(TopicId::new)
        .unwrap();
    let row = s.data.topic_order.iter().position(|&t| t == topic).unwrap();
    press(&mut s, "3");
    for _ in 0..row {
        press(&mut s, "j");
    }
    press(&mut s, "Enter");
    assert_eq!(
        s.filters,
        vec![Filter::Actor(pashinyan), Filter::Topic(topic)]
    );
    let both = shown_events(&s);
    assert!(both.len() < with_actor);
    assert!(both.iter().all(|&e| {
        let ev = &s.data.corpus.events[e];
        ev.actors().contains(pashinyan) && ev.topics().contains(topic)
    }));
    press(&mut s, "Enter");
    assert_eq!(
        s.filters,
        vec![Filter::Actor(pashinyan)],
        "Enter again removes the topic"
    );
    press(&mut s, "Esc Esc");
    assert!(s.filters.is_empty());
    assert_eq!(s.note.as_deref(), Some("no filter to clear"));
}

#[test]
fn actor_pane_enter_filters() {
    let mut s = fixture();
    press(&mut s, "2 j Enter");
    let hakan = actor(&s, "Hakan Fidan");
    assert_eq!(s.filters, vec![Filter::Actor(hakan)]);
    assert!(!shown_events(&s).is_empty());
}

#[test]
fn time_window_steps_by_period() {
    let mut s = fixture();
    assert_eq!(s.data.period.name(), "day");
    press(&mut s, "]");
    let Some(Filter::Window(a, b)) = s.filters.first().cloned() else {
        panic!("a window")
    };
    assert_eq!(a, b);
    assert!(
        shown_events(&s)
            .iter()
            .all(|&e| s.data.corpus.events[e].when.earliest <= Some(a))
    );
    press(&mut s, "] ] ]");
    assert_eq!(s.filters.len(), 1, "the window moves, it does not stack");
    let Some(Filter::Window(a2, _)) = s.filters.first().cloned() else {
        panic!()
    };
    assert_eq!((a2 - a).num_days(), 3);
    press(&mut s, "[");
    let Some(Filter::Window(a3, _)) = s.filters.first().cloned() else {
        panic!()
    };
    assert_eq!((a3 - a).num_days(), 2);
    press(&mut s, "Esc");
    assert!(s.filters.is_empty());
}

#[test]
fn help_quit_and_signals_of_intent() {
    let mut s = fixture();
    press(&mut s, "?");
    assert!(matches!(s.overlay, Overlay::Help(_)));
    press(&mut s, "Esc");
    assert!(matches!(s.overlay, Overlay::None));
    assert!(s.filters.is_empty());
    press(&mut s, "!");
    assert!(matches!(s.overlay, Overlay::Problems(_)));
    press(&mut s, "q");
    assert!(!s.quit, "q closes the list first");
    press(&mut s, "q");
    assert!(s.quit);
    let mut s = fixture();
    press(&mut s, "/ C-c");
    assert!(s.quit, "Ctrl-C quits even from the search");
}

#[test]
fn alt_key_is_escape_then_key() {
    use dateline::tui::keymap::split_alt;
    let mut s = fixture();
    press(&mut s, "?");
    let alt_q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::ALT);
    for k in split_alt(&alt_q) {
        if let Some(a) = action_for_key(&s, &k) {
            update(&mut s, a);
        }
    }
    assert!(s.quit, "Esc closed the help, then q quit");
}

#[test]
fn mouse_click_selects_and_wheel_scrolls() {
    let mut s = fixture();
    // The timeline's third inner row (border at y=3, first row y=4).
    let click = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 10,
        row: 6,
        modifiers: KeyModifiers::NONE,
    };
    let a = action_for_mouse(&s, &click).unwrap();
    update(&mut s, a);
    assert_eq!(s.focus, Pane::Timeline);
    assert_eq!(s.timeline.selected, 3);
    let wheel = MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 100,
        row: 6,
        ..click
    };
    let a = action_for_mouse(&s, &wheel).unwrap();
    update(&mut s, a);
    assert_eq!(s.focus, Pane::Timeline, "the wheel does not move focus");
    assert!(s.actors.selected > 1);
    // A click on the histogram's first bar sets a window on its period; a second click clears it.
    let bar = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 12,
        row: 1,
        ..click
    };
    let a = action_for_mouse(&s, &bar).unwrap();
    update(&mut s, a.clone());
    let first = s.data.histogram_range.unwrap().0;
    assert_eq!(s.filters, vec![Filter::Window(first, first)]);
    update(&mut s, a);
    assert!(s.filters.is_empty());
}

#[test]
fn a_failed_load_is_shown_and_quits() {
    let mut s = State::loading(80, 24, true);
    update(&mut s, Action::LoadFailed("index out of bounds".into()));
    assert!(s.loading.is_none());
    assert_eq!(s.failure.as_deref(), Some("index out of bounds"));
    press(&mut s, "j / Esc q");
    assert!(s.quit);
}

#[test]
fn keys_while_loading_are_answered() {
    let mut s = State::loading(80, 24, false);
    press(&mut s, "j /");
    assert_eq!(s.note.as_deref(), Some("still loading…"));
    press(&mut s, "?");
    assert!(matches!(s.overlay, Overlay::Help(_)));
    update(
        &mut s,
        Action::Loaded(Box::new(Data::new(common::fixture::corpus()))),
    );
    assert!(s.loading.is_none());
    assert!(s.selected_event().is_some());
    press(&mut s, "Esc q");
    assert!(s.quit);
}

/// The indexed refilter shows exactly what checking every event and quote would.
#[test]
fn indexed_filters_match_a_full_scan() {
    for mut s in [fixture(), seed()] {
        let day = |e: EventId| s.data.corpus.events[e].when.earliest;
        let dated: Vec<_> = s.data.corpus.events.ids().filter_map(day).collect();
        let mut combos: Vec<Vec<Filter>> = vec![vec![]];
        for a in s.data.corpus.actors.ids().take(6) {
            combos.push(vec![Filter::Actor(a)]);
        }
        for t in s.data.corpus.topics.ids().take(4) {
            combos.push(vec![Filter::Topic(t)]);
            combos.push(vec![Filter::Actor(ActorId::new(0)), Filter::Topic(t)]);
        }
        for (i, d) in dated.iter().enumerate().step_by(3) {
            let end = dated[(i + 2).min(dated.len() - 1)].max(*d);
            combos.push(vec![Filter::Window(*d, end)]);
            let a = ActorId::new(i % 3);
            combos.push(vec![Filter::Window(*d, *d), Filter::Actor(a)]);
        }
        combos.push(vec![Filter::Actor(ActorId::new(usize::MAX))]);
        for filters in combos {
            s.filters = filters.clone();
            s.refilter(None);
            let want: Vec<EventId> = s
                .data
                .corpus
                .events
                .ids()
                .filter(|&e| s.event_passes(e))
                .collect();
            assert_eq!(shown_events(&s), want, "{filters:?}");
            assert_eq!(s.shown_events, want.len());
            let mut in_order: Vec<QuoteId> = s.data.index.all_quotes.to_vec();
            in_order.retain(|&q| s.quote_passes(q));
            assert_eq!(*s.quotes, in_order, "{filters:?}");
        }
    }
}
