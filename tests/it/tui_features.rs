//! Key-sequence tests of the browser's working tools (issue 17): search, the finder's ranking and
//! typos, the view stack, paging, the command line, provenance, citations, small terminals,
//! period headings, saved state, the config file's keys and identity corrections.

use crate::common;

use common::keys::{actor, event_text, fixture, press, quote_text, screen, seed, shown_events};
use dateline::corpus::corrections::Corrections;
use dateline::corpus::{Corpus, CorpusEvent, CorpusWhen, Source};
use dateline::ids::DocId;
use dateline::model::{Document, Span};
use dateline::tui::action::{Action, Pane};
use dateline::tui::data::{Data, Period};
use dateline::tui::effect::Effect;
use dateline::tui::keymap::{Keymap, action_for_key};
use dateline::tui::state::{Filter, Overlay, State, TimelineRow};
use dateline::tui::update::update;

/// Runs a command line: `:`, the text, Enter.
fn command(s: &mut State, line: &str) {
    press(s, ":");
    for c in line.chars() {
        update(s, Action::PromptInput(c));
    }
    press(s, "Enter");
}

fn finder_top(s: &mut State, query: &str) -> String {
    press(s, "Esc");
    press(s, "p");
    for c in query.chars() {
        update(s, Action::SearchInput(c));
    }
    let Overlay::Search(search, _) = &s.overlay else {
        panic!("the finder is open")
    };
    let name = search
        .hits
        .first()
        .map(|h| s.data.corpus.actors[h.actor].name.clone())
        .unwrap_or_default();
    press(s, "Esc");
    name
}

#[test]
fn an_escape_burst_removes_a_filter_per_key() {
    let mut s = fixture();
    press(&mut s, "2 Enter j Enter j Enter 1");
    assert_eq!(s.filters.len(), 3);
    // Three Esc presses arriving in one read of the terminal.
    let mut pending = Vec::new();
    for ev in dateline::tui::input::parse(&mut pending, b"\x1b\x1b\x1b") {
        let crossterm::event::Event::Key(k) = ev else {
            panic!("keys")
        };
        if let Some(a) = action_for_key(&s, &k) {
            update(&mut s, a);
        }
    }
    assert!(s.filters.is_empty(), "{:?}", s.filters);
}

#[test]
fn enter_pushes_a_view_and_esc_or_q_pops_it() {
    let mut s = fixture();
    press(&mut s, "j j");
    let row = s.timeline.selected;
    press(&mut s, "2 Enter 1");
    assert_eq!(s.filters.len(), 1);
    press(&mut s, "j Enter");
    assert_eq!(s.focus, Pane::Source);
    assert_eq!(s.stack.len(), 1);
    press(&mut s, "j j");
    press(&mut s, "Esc");
    assert_eq!(
        s.focus,
        Pane::Timeline,
        "Esc goes back to where Enter was pressed"
    );
    assert_eq!(s.filters.len(), 1, "and keeps the filter");
    press(&mut s, "4 Enter");
    assert_eq!(s.focus, Pane::Source);
    press(&mut s, "q");
    assert!(!s.quit, "q in a pushed view goes back");
    assert_eq!(s.focus, Pane::Quotes);
    press(&mut s, "Esc");
    assert!(
        s.filters.is_empty(),
        "Esc in the main view removes a filter"
    );
    let _ = row;
    press(&mut s, "Q");
    assert!(s.quit, "Q always quits");
    let mut s = fixture();
    press(&mut s, "q");
    assert!(s.quit, "q quits from the main view");
}

#[test]
fn what_is_done_while_reading_moves_the_main_view_and_esc_keeps_it() {
    let day = |s: &State| {
        let e = s.selected_event().expect("an event is selected");
        s.data.corpus.events[e].when.earliest.unwrap()
    };
    let nov21 = chrono::NaiveDate::from_ymd_opt(2025, 11, 21).unwrap();
    for back in ["Esc", "q"] {
        let mut s = fixture();
        press(&mut s, "j Enter");
        assert_eq!((s.focus, s.stack.len()), (Pane::Source, 1));
        assert!(day(&s) < nov21);
        command(&mut s, "goto nov 21");
        assert_eq!(s.focus, Pane::Source, "the reading view stays open");
        let there = s.selected_event().unwrap();
        assert!(day(&s) >= nov21);
        let read = s.source.as_ref().map(|v| v.sentence);
        assert_eq!(read, Some(Some(s.data.corpus.events[there].span())));
        press(&mut s, back);
        assert_eq!(s.focus, Pane::Timeline, "{back} leaves the reading view");
        assert!(s.stack.is_empty() && !s.quit);
        assert_eq!(s.selected_event(), Some(there), "{back} keeps the :goto");
        assert_eq!(
            s.source.as_ref().map(|v| v.sentence),
            Some(Some(s.data.corpus.events[there].span()))
        );
    }
    // A search typed while reading narrows the main view; Esc lands on a match, not on the row
    // number selected before the search.
    let mut s = fixture();
    press(&mut s, "G k Enter / \"baku\" Enter");
    let hit = s.selected_event().unwrap();
    assert!(event_text(&s, hit).to_lowercase().contains("baku"));
    press(&mut s, "Esc");
    assert_eq!((s.focus, s.selected_event()), (Pane::Timeline, Some(hit)));
    assert_eq!(s.filters.len(), 1, "the search stays as a filter");
    // A filter removed while reading stays removed, and the event read stays selected.
    press(&mut s, "Enter Bksp");
    assert!(s.filters.is_empty());
    press(&mut s, "Esc");
    assert_eq!((s.filters.len(), s.selected_event()), (0, Some(hit)));
    // A failed command moves nothing: Esc goes back to where Enter was pressed.
    let mut s = fixture();
    press(&mut s, "j j");
    let (row, e) = (s.timeline, s.selected_event());
    press(&mut s, "Enter");
    command(&mut s, "goto someday");
    press(&mut s, "Esc");
    assert_eq!((s.timeline, s.selected_event()), (row, e));
}

#[test]
fn full_text_search_narrows_as_typed_and_n_steps_match_by_match() {
    let mut s = fixture();
    let all = shown_events(&s).len();
    press(&mut s, "/ \"bak\"");
    let narrowed = shown_events(&s).len();
    press(&mut s, "\"u\"");
    let baku = shown_events(&s);
    assert!(baku.len() <= narrowed && narrowed < all);
    assert!(!baku.is_empty());
    for &e in &baku {
        assert!(
            event_text(&s, e).to_lowercase().contains("baku"),
            "{}",
            event_text(&s, e)
        );
    }
    // Every event that says Baku is there.
    let want = s
        .data
        .corpus
        .events
        .ids()
        .filter(|&e| event_text(&s, e).to_lowercase().contains("baku"))
        .count();
    assert_eq!(baku.len(), want);
    assert!(
        screen(&s).contains("/baku▏"),
        "the search line shows what is typed"
    );
    press(&mut s, "Enter");
    assert_eq!(s.filters, vec![Filter::Text("baku".into())]);
    let found = s.source.as_ref().and_then(|v| v.found).expect("a match");
    let doc = &s.data.corpus.documents[s.source.as_ref().unwrap().doc];
    assert_eq!(found.slice(&doc.text).to_lowercase(), "baku");
    let first = s.selected_event();
    press(&mut s, "n n n");
    assert_ne!(s.selected_event(), first, "n goes on to the next event");
    press(&mut s, "N N N");
    assert_eq!(s.selected_event(), first);
    // Quote stepping stays one key away.
    press(&mut s, "'");
    assert!(s.source.as_ref().unwrap().quote.is_some() || s.note.is_some());
    press(&mut s, "Esc");
    assert!(s.filters.is_empty());
    assert_eq!(shown_events(&s).len(), all);
}

#[test]
fn a_cancelled_search_puts_the_filters_back() {
    let mut s = fixture();
    press(&mut s, "2 Enter 1");
    let before = (s.filters.clone(), shown_events(&s));
    press(&mut s, "/ \"visit\"");
    assert_eq!(s.filters.len(), 2);
    press(&mut s, "Esc");
    assert_eq!((s.filters.clone(), shown_events(&s)), before);
    assert!(matches!(s.overlay, Overlay::None));
}

#[test]
fn diacritics_and_case_do_not_matter_to_the_text_search() {
    let mut s = fixture();
    press(&mut s, "/ \"ERDOGAN\" Enter");
    let shown = shown_events(&s);
    assert!(!shown.is_empty());
    assert!(shown.iter().all(|&e| event_text(&s, e).contains("Erdoğan")));
}

#[test]
fn the_finder_forgives_typos_and_ranks_every_kind_together() {
    let mut s = seed();
    for (query, want) in [
        ("pashniyan", "Nikol Pashinyan"),
        ("mirzoian", "Ararat Mirzoyan"),
        ("pashinyan", "Nikol Pashinyan"),
        ("hkn fdn", "Hakan Fidan"),
    ] {
        assert_eq!(finder_top(&mut s, query), want, "{query}");
    }
    let mut f = fixture();
    assert_eq!(finder_top(&mut f, "erdogn"), "Recep Tayyip Erdoğan");
    // A place that matches the query as a word beats a person it matches only letter by letter.
    let top = finder_top(&mut s, "armen");
    assert!(top.starts_with("Armenia"), "{top}");
    // Sounding alike is about names of about the same length: a real start followed by noise
    // (Soundex keeps only the first four sounds) matches nothing.
    for query in ["armenxqzwvk", "pashinyanmirzoyan"] {
        assert_eq!(finder_top(&mut s, query), "", "{query}");
    }
}

#[test]
fn quotes_said_by_an_actor_apart_from_events_mentioning_it() {
    let mut s = fixture();
    let erdogan = actor(&s, "Recep Tayyip Erdoğan");
    let row = s
        .data
        .actor_rows
        .iter()
        .position(|r| *r == dateline::tui::data::ActorRow::Actor(erdogan))
        .unwrap();
    press(&mut s, "2 g");
    while s.actors.selected < row {
        press(&mut s, "j");
    }
    press(&mut s, "s");
    assert_eq!(s.filters, vec![Filter::Speaker(erdogan)]);
    assert!(!s.quotes.is_empty());
    for &q in s.quotes.iter() {
        assert!(s.data.corpus.quotes[q].speakers().contains(erdogan));
    }
    for e in shown_events(&s) {
        let ev = &s.data.corpus.events[e];
        assert!(
            ev.quotes()
                .iter()
                .any(|q| s.data.corpus.quotes[q].speakers().contains(erdogan))
        );
    }
    assert!(
        screen(&s).contains("said by Recep"),
        "the quotes pane says so"
    );
    press(&mut s, "s");
    assert!(s.filters.is_empty(), "s again removes it");
}

#[test]
fn less_paging_and_a_row_counter() {
    let mut s = fixture();
    press(&mut s, "Space");
    let after_page = s.timeline.selected;
    assert!(after_page > 10);
    press(&mut s, "b");
    assert!(s.timeline.selected < after_page);
    let before = s.timeline.selected;
    press(&mut s, "C-d");
    assert!(s.timeline.selected > before && s.timeline.selected < after_page + 5);
    press(&mut s, "g");
    assert!(screen(&s).contains("row 1 of"));
}

#[test]
fn z_maximises_the_focused_pane() {
    let mut s = fixture();
    let rows = dateline::tui::nav::visible_rows(&s, Pane::Timeline);
    press(&mut s, "z");
    assert!(dateline::tui::nav::visible_rows(&s, Pane::Timeline) > rows + 10);
    assert!(!screen(&s).contains("2 Actors"));
    press(&mut s, "z");
    assert_eq!(dateline::tui::nav::visible_rows(&s, Pane::Timeline), rows);
}

#[test]
fn going_to_the_last_event_scrolls_no_list_past_its_end() {
    let mut s = seed();
    update(&mut s, Action::Resize(120, 40));
    command(&mut s, "goto nov 21");
    let rows = dateline::tui::nav::visible_rows(&s, Pane::Timeline);
    assert_eq!(s.timeline.selected + 1, s.timeline_rows.len());
    assert!(s.timeline_rows.len() > rows);
    assert_eq!(s.timeline.offset, s.timeline_rows.len() - rows);
}

#[test]
fn the_command_line_goes_to_dates_and_sets_windows() {
    let mut s = fixture();
    command(&mut s, "goto nov 21");
    let e = s.selected_event().unwrap();
    let day = s.data.corpus.events[e].when.earliest.unwrap();
    assert!(
        day >= chrono::NaiveDate::from_ymd_opt(2025, 11, 21).unwrap(),
        "{day}"
    );
    command(&mut s, "window month");
    assert_eq!(s.window_period, Some(Period::Month));
    let (a, b) = s.window().unwrap();
    assert_eq!(
        (a.to_string(), b.to_string()),
        ("2025-11-01".into(), "2025-11-30".into())
    );
    press(&mut s, "]");
    assert_eq!(
        s.window().unwrap().0.to_string(),
        "2025-12-01",
        "] steps a month"
    );
    command(&mut s, "from 2025-11-20 to 2025-11-21");
    assert_eq!(
        s.window().map(|(a, b)| (a.to_string(), b.to_string())),
        Some(("2025-11-20".into(), "2025-11-21".into()))
    );
    // History and completion.
    press(&mut s, ": Up");
    let Overlay::Prompt(p) = &s.overlay else {
        panic!("the command line is open")
    };
    assert_eq!(p.text, "from 2025-11-20 to 2025-11-21");
    press(&mut s, "C-u \"go\" Tab");
    let Overlay::Prompt(p) = &s.overlay else {
        panic!()
    };
    assert_eq!(p.text, "goto ");
    press(&mut s, "Esc");
    command(&mut s, "actor fidn");
    assert!(s.filters.contains(&Filter::Actor(actor(&s, "Hakan Fidan"))));
    command(&mut s, "nonsense");
    assert!(s.note.as_deref().unwrap_or("").contains("unknown command"));
}

#[test]
fn the_source_pane_shows_where_the_article_comes_from() {
    let mut s = fixture();
    press(&mut s, "Enter");
    let out = screen(&s);
    let doc = &s.data.corpus.documents[DocId::new(0)];
    let title = doc.title.clone().unwrap_or_default();
    let first_words: String = title
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(out.contains(&first_words), "{out}");
    assert!(out.contains("20 Nov 2025"), "{out}");
    assert!(out.contains("Source"));
}

#[test]
fn y_copies_a_citation_and_o_opens_only_safe_links() {
    let mut s = fixture();
    press(&mut s, "p \"megh\" Enter 4 y");
    let Some(Effect::Copy(text)) = s.effects.last() else {
        panic!("a copy: {:?}", s.effects)
    };
    assert!(
        text.starts_with("Stella Meghrabyans") && text.contains("“asymmetry of agendas”"),
        "{text}"
    );
    assert!(text.contains("20 Nov 2025"), "{text}");
    assert_eq!(s.note.as_deref(), Some("citation copied"));
    // Reported statements are cited as the article's paraphrase, not put in the speaker's mouth.
    let mut all = fixture();
    press(&mut all, "4");
    let mut reported = 0;
    for _ in 0..40 {
        let s = &mut all;
        press(s, "j y");
        let q = s.selected_quote().expect("a quote");
        let Some(Effect::Copy(text)) = s.effects.last() else {
            panic!("a copy: {:?}", s.effects)
        };
        if s.data.corpus.quotes[q].kind == dateline::model::QuoteKind::Reported {
            reported += 1;
            let marked = text.contains(" (reported): ") || text.starts_with("reported: ");
            assert!(marked, "{text}");
        } else {
            assert!(!text.contains("(reported)"), "{text}");
        }
    }
    assert!(reported > 0, "no reported quote among the rows");
    press(&mut s, "o");
    match s.effects.last() {
        Some(Effect::OpenUrl(u)) => assert!(dateline::tui::effect::safe_url(u), "{u}"),
        other => panic!("an open: {other:?}"),
    }
}

#[test]
fn quotes_show_their_dates_and_keep_their_quotation_marks() {
    let s = fixture();
    let out = screen(&s);
    assert!(out.contains("Nov 20"), "the quotes pane shows dates: {out}");
    // A reported quote that quotes words keeps both marks.
    let reported = s
        .data
        .corpus
        .quotes
        .ids()
        .find(|&q| quote_text(&s, q).ends_with('”') && !quote_text(&s, q).starts_with('“'));
    if let Some(q) = reported {
        let shown = quote_text(&s, q);
        assert_eq!(dateline::tui::view::strip_marks(shown), shown.trim());
    }
}

#[test]
fn small_terminals_keep_the_timeline_and_one_side_pane() {
    let mut s = fixture();
    update(&mut s, Action::Resize(80, 24));
    assert!(
        dateline::tui::nav::visible_rows(&s, Pane::Timeline) >= 10,
        "{}",
        dateline::tui::nav::visible_rows(&s, Pane::Timeline)
    );
    assert!(screen(&s).contains("4 Quotes"));
    press(&mut s, "c");
    assert!(screen(&s).contains("5 Source"));
    assert!(!screen(&s).contains("4 Quotes"));
    update(&mut s, Action::Resize(60, 15));
    let out = screen(&s);
    assert!(out.contains("1 Timeline"), "{out}");
    assert!(dateline::tui::nav::visible_rows(&s, Pane::Timeline) >= 6);
    press(&mut s, "Tab");
    assert!(screen(&s).contains("2 Actors"), "Tab shows the next pane");
}

fn dated_corpus(dates: &[(&str, &str)]) -> Corpus {
    let mut text = String::new();
    let mut spans = Vec::new();
    for (i, _) in dates.iter().enumerate() {
        let start = text.len();
        text.push_str(&format!("Event number {i} happened. "));
        spans.push(Span::new(start, text.len() - 1));
    }
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let mut events: Vec<CorpusEvent> = dates
        .iter()
        .zip(&spans)
        .map(|((a, b), sp)| {
            CorpusEvent::new(
                DocId::new(0),
                *sp,
                CorpusWhen {
                    earliest: day(a),
                    latest: day(b),
                    ..CorpusWhen::default()
                },
                Default::default(),
                [],
                [],
                [],
            )
        })
        .collect();
    events.sort_by_key(|e| (e.when.earliest, e.when.latest));
    Corpus {
        documents: vec![Document {
            id: "history".into(),
            text,
            published: day("2025-01-01"),
            ..Document::default()
        }]
        .into(),
        events: events.into(),
        ..Corpus::default()
    }
}

#[test]
fn years_decades_and_centuries_have_their_own_headings() {
    let corpus = dated_corpus(&[
        ("2022-01-01", "2022-12-31"),
        ("2022-01-01", "2022-01-01"),
        ("2022-03-04", "2022-03-04"),
        ("1990-01-01", "1999-12-31"),
        ("2001-01-01", "2100-12-31"),
        ("0000-01-01", "0000-01-31"),
    ]);
    let s = State::new(Data::new(corpus), 120, 40);
    let headings: Vec<String> = s
        .timeline_rows
        .iter()
        .filter_map(|r| match r {
            TimelineRow::Heading(h, _) => Some(h.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        headings,
        [
            "January 1 BC",
            "1990s",
            "21st century",
            "2022",
            "January 2022",
            "March 2022"
        ]
    );
    assert!(!screen(&s).contains("January 0 "));
    assert!(screen(&s).contains("dated by the whole period"));
    // Every event's row is found again (the rows keep the order row_of bisects on).
    for e in shown_events(&s) {
        assert!(dateline::tui::index::row_of(&s.timeline_rows, &s.data.corpus, e).is_some());
    }
}

/// Year spans at the edges of the calendar: ISO/TIMEX3 astronomical years (0 is 1 BC), the 1st
/// century either side of it, a 10th century, the 2000s, the 21st century in both its spans.
#[test]
fn century_decade_and_year_labels_are_right_at_every_edge() {
    use dateline::tui::format::{when_label, years_label};
    for (a, b, want) in [
        (2025, 2025, "2025"),
        (1, 1, "1"),
        (0, 0, "1 BC"),
        (-1, -1, "2 BC"),
        (1990, 1999, "1990s"),
        (2000, 2009, "2000s"),
        (10, 19, "10s"),
        (0, 9, "1 BC–AD 9"),
        (-18, -9, "10s BC"),
        (-10, -1, "11–2 BC"),
        (2000, 2099, "21st century"),
        (2001, 2100, "21st century"),
        (1901, 2000, "20th century"),
        (1100, 1199, "12th century"),
        (900, 999, "10th century"),
        (901, 1000, "10th century"),
        (0, 99, "1st century"),
        (1, 100, "1st century"),
        (-99, 0, "1st century BC"),
        (-100, -1, "1st century BC"),
        (-199, -100, "2nd century BC"),
        (-1099, -1000, "11th century BC"),
        (10100, 10199, "102nd century"),
        (1950, 1975, "1950–1975"),
        (-50, -20, "51–21 BC"),
        (-5, 5, "6 BC–AD 5"),
    ] {
        assert_eq!(years_label(a, b), want, "{a}..{b}");
        // The same span as dates: the label of an event dated by it.
        let first = chrono::NaiveDate::from_ymd_opt(a, 1, 1).unwrap();
        let last = chrono::NaiveDate::from_ymd_opt(b, 12, 31).unwrap();
        assert_eq!(when_label(Some(first), Some(last), None), want, "{a}..{b}");
    }
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d);
    assert_eq!(
        when_label(day(0, 12, 1), day(1, 1, 31), None),
        "Dec 1 BC–Jan AD 1"
    );
    assert_eq!(when_label(day(0, 3, 1), day(0, 3, 31), None), "Mar 1 BC");
    assert_eq!(when_label(day(5, 3, 1), day(5, 3, 31), None), "0005-03");
    // Headings agree with the labels: a 1st-century date is under "1st century", not "1 BC–99".
    let corpus = dated_corpus(&[
        ("0000-01-01", "0099-12-31"),
        ("-0099-01-01", "0000-12-31"),
        ("0000-01-01", "0009-12-31"),
        ("-0018-01-01", "-0009-12-31"),
        ("0900-01-01", "0999-12-31"),
        ("2000-01-01", "2009-12-31"),
        ("2000-01-01", "2099-12-31"),
    ]);
    let s = State::new(Data::new(corpus), 120, 40);
    let headings: Vec<String> = s
        .timeline_rows
        .iter()
        .filter_map(|r| match r {
            TimelineRow::Heading(h, _) => Some(h.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        headings,
        [
            "1st century BC",
            "10s BC",
            "1st century",
            "1 BC–AD 9",
            "10th century",
            "21st century",
            "2000s"
        ]
    );
    // The histogram's year labels too: its first year is 100 BC, not "-99".
    let histogram = screen(&s).lines().nth(1).unwrap_or("").to_string();
    assert!(histogram.contains(" 100 BC ▅"), "{histogram}");
    assert!(!histogram.contains("-99"), "{histogram}");
}

#[test]
fn export_writes_the_filtered_view() {
    let mut s = fixture();
    press(&mut s, "p \"megh\" Enter");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("view.json");
    press(&mut s, ":");
    for c in format!("export {}", path.display()).chars() {
        update(&mut s, Action::PromptInput(c));
    }
    press(&mut s, "Enter");
    let effect = s.effects.pop().expect("an export");
    let mut out = Vec::new();
    let note = dateline::tui::effect::perform(effect, &s, &mut out);
    assert!(note.starts_with("exported"), "{note}");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(
        json["events"].as_array().unwrap().len(),
        shown_events(&s).len()
    );
    assert_eq!(json["documents"].as_array().unwrap().len(), 1);
    // The file's name picks the format, as `dateline export -o` does.
    let csv = dir.path().join("view.csv");
    press(&mut s, ":");
    for c in format!("export {}", csv.display()).chars() {
        update(&mut s, Action::PromptInput(c));
    }
    press(&mut s, "Enter");
    let effect = s.effects.pop().expect("an export");
    let note = dateline::tui::effect::perform(effect, &s, &mut out);
    assert!(note.ends_with("(csv)"), "{note}");
    let table = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(table.lines().count(), 1 + shown_events(&s).len(), "{table}");
}

/// `:export` takes the format the file's name implies, as `dateline export -o` does.
#[test]
fn export_takes_the_format_its_file_name_names() {
    let mut s = fixture();
    press(&mut s, "p \"megh\" Enter");
    let dir = tempfile::tempdir().unwrap();
    for (name, head) in [
        ("view.csv", "id,earliest"),
        ("view.md", "# Timeline"),
        ("view.ics", "BEGIN:VCALENDAR"),
    ] {
        let path = dir.path().join(name);
        press(&mut s, ":");
        for c in format!("export {}", path.display()).chars() {
            update(&mut s, Action::PromptInput(c));
        }
        press(&mut s, "Enter");
        let effect = s.effects.pop().expect("an export");
        let note = dateline::tui::effect::perform(effect, &s, &mut Vec::new());
        assert!(note.starts_with("exported"), "{note}");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with(head),
            "{name}: {}",
            &text[..text.len().min(80)]
        );
        if name == "view.csv" {
            // One row per event shown, after the header.
            let rows = csv_rows(&text);
            assert_eq!(rows, shown_events(&s).len(), "{name}");
        }
    }
}

/// Records of a CSV text, quoted newlines included, less the header.
fn csv_rows(text: &str) -> usize {
    let mut quoted = false;
    let mut rows = 0;
    for ch in text.chars() {
        match ch {
            '"' => quoted = !quoted,
            '\n' if !quoted => rows += 1,
            _ => {}
        }
    }
    rows - 1
}

#[test]
fn the_saved_place_comes_back() {
    use dateline::tui::saved::Saved;
    let mut s = fixture();
    press(&mut s, "p \"fidan\" Enter");
    command(&mut s, "window month");
    command(&mut s, "goto 2025-11-20");
    press(&mut s, "j");
    let want = (s.filters.clone(), s.selected_event(), s.window_period);
    let saved = Saved::capture(&s);
    let text = serde_json::to_string(&saved).unwrap();
    let back: Saved = serde_json::from_str(&text).unwrap();
    let mut fresh = fixture();
    back.apply(&mut fresh);
    assert_eq!(
        (
            fresh.filters.clone(),
            fresh.selected_event(),
            fresh.window_period
        ),
        want
    );
}

#[test]
fn rebound_keys_drive_input_and_help() {
    let mut keymap = Keymap::default();
    let problems = keymap.rebind(
        &[
            ("quit".to_string(), vec!["C-q".to_string()]),
            ("move_down".to_string(), vec!["e".to_string()]),
            ("nonsense".to_string(), vec!["x".to_string()]),
            ("help".to_string(), vec!["C-".to_string()]),
        ]
        .into_iter()
        .collect(),
    );
    assert_eq!(problems.len(), 2, "{problems:?}");
    let mut s = fixture();
    s.keymap = std::sync::Arc::new(keymap);
    let before = s.timeline.selected;
    press(&mut s, "e");
    assert!(s.timeline.selected > before);
    press(&mut s, "Q");
    assert!(!s.quit, "Q is no longer bound");
    let help: String = dateline::tui::view::help_groups(&s.keymap, s.theme, 200)
        .into_iter()
        .flatten()
        .map(|l| {
            l.spans
                .iter()
                .map(|s| s.content.to_string())
                .collect::<String>()
                + "\n"
        })
        .collect();
    assert!(help.contains("C-q"), "the help shows the keys in force");
    // The new keys take the old ones' place: down keys before up keys, as before.
    let line = help.lines().find(|l| l.contains("move down / up")).unwrap();
    let (e, k) = (line.find(" e ").unwrap(), line.find(" k ").unwrap());
    assert!(e < k, "{line}");
}

#[test]
fn identity_corrections_merge_and_drop_actors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "---\ndate: 2025-03-01\n---\nPrime Minister Tony Blair met Gordon Brown in London on Monday. Mr Blair said the talks went well. Downing Street said nothing.\n",
    )
    .unwrap();
    let source = Source {
        paths: vec![dir.path().to_path_buf()],
        ..Source::default()
    };
    let mut corpus = Corpus::load(&source, crate::common::lexicon());
    let names: Vec<String> = corpus.actors.iter().map(|a| a.name.clone()).collect();
    let (c, problems) = Corrections::parse(
        "Tony Blair = Gordon Brown\nnot a person: Downing Street = place\n",
        "identities.txt",
    );
    assert!(problems.is_empty());
    let applied = c.apply(&mut corpus, &crate::common::lexicon().happenings);
    assert!(
        applied
            .iter()
            .any(|l| l.starts_with("same person: Tony Blair")),
        "{applied:?} from {names:?}"
    );
    assert!(!corpus.actors.iter().any(|a| a.name == "Gordon Brown"));
    let blair = corpus
        .actors
        .iter()
        .find(|a| a.name == "Tony Blair")
        .unwrap();
    assert!(blair.aliases.iter().any(|a| a == "Gordon Brown"));
    // Every event and quote still points at a real actor.
    for e in &corpus.events {
        assert!(e.actors().iter().all(|a| corpus.actors.get(a).is_some()));
    }
    corpus.corrections = applied;
    let mut out = Vec::new();
    dateline::export::write_json(&corpus, &mut out, false).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert!(
        json["corrections"]
            .as_array()
            .is_some_and(|a| !a.is_empty())
    );
}

#[test]
fn a_missing_path_is_a_usage_error_before_the_screen_changes() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dateline"))
        .arg("/nonexistent/dateline-test")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing reached the terminal");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no such file or folder"), "{err}");
}

#[test]
fn the_help_explains_the_marks_and_scrolls_instead_of_cutting() {
    let mut s = fixture();
    update(&mut s, Action::Resize(80, 24));
    press(&mut s, "?");
    let out = screen(&s);
    assert!(out.contains("Esc close"), "{out}");
    assert!(!out.contains("bef╯"), "{out}");
    press(&mut s, "G");
    let Overlay::Help(top) = s.overlay else {
        panic!("help")
    };
    assert!(top > 0, "the help scrolls at 80×24");
    let out = screen(&s);
    assert!(
        out.contains("planned: the event is still to happen"),
        "{out}"
    );
}

#[test]
fn the_problems_list_scrolls_and_wraps() {
    let mut corpus = common::fixture::corpus();
    for i in 0..60 {
        corpus.diagnostics.push(dateline::ingest::Diagnostic {
            path: format!("/news/very/long/folder/name/article-{i}.txt"),
            line: Some(i),
            message: "a long warning that goes on and on to say what was wrong with this line of the file, and then some more".into(),
            skipped: false,
        });
    }
    let mut s = State::new(Data::new(corpus), 80, 24);
    press(&mut s, "!");
    let out = screen(&s);
    assert!(!out.contains("more lines"), "{out}");
    assert!(out.contains("and then some more"), "long lines wrap: {out}");
    press(&mut s, "j j Space");
    let Overlay::Problems(top) = s.overlay else {
        panic!()
    };
    assert!(top > 2);
    // less's other paging keys work in the popups too.
    let top_of = |s: &State| match s.overlay {
        Overlay::Problems(top) => top,
        _ => panic!("the problems list is open"),
    };
    press(&mut s, "g C-d");
    let half = top_of(&s);
    press(&mut s, "C-f");
    assert!(top_of(&s) > half && half > 0);
    press(&mut s, "C-b C-u");
    assert_eq!(top_of(&s), 0);
}

#[test]
fn a_warning_both_on_the_article_and_among_the_input_problems_is_listed_once() {
    let mut corpus = common::fixture::corpus();
    let path = corpus.documents[dateline::ids::DocId::new(0)].path.clone();
    corpus.documents[dateline::ids::DocId::new(0)]
        .warnings
        .extend(["line 3: twice told".to_string(), "once told".to_string()]);
    corpus.diagnostics.push(dateline::ingest::Diagnostic {
        path,
        line: Some(3),
        message: "twice told".into(),
        skipped: false,
    });
    let mut s = State::new(Data::new(corpus), 120, 40);
    press(&mut s, "!");
    let out = screen(&s);
    assert_eq!(out.matches("twice told").count(), 1, "{out}");
    assert_eq!(out.matches("once told").count(), 1, "{out}");
}

#[test]
fn m_and_x_on_an_actor_save_identity_corrections() {
    let mut s = fixture();
    let fidan = actor(&s, "Hakan Fidan");
    let row = s
        .data
        .actor_rows
        .iter()
        .position(|r| *r == dateline::tui::data::ActorRow::Actor(fidan))
        .unwrap();
    press(&mut s, "2 g");
    while s.actors.selected < row {
        press(&mut s, "j");
    }
    press(&mut s, "m");
    let Overlay::Search(_, purpose) = &s.overlay else {
        panic!("the finder opens to choose the other name")
    };
    assert!(matches!(
        purpose,
        dateline::tui::state::FinderFor::Merge(a) if *a == fidan
    ));
    press(&mut s, "\"pashin\" Enter");
    // The selected actor's name is the one kept: it comes first in the line written.
    let Some(Effect::SaveCorrection(line)) = s.effects.last().cloned() else {
        panic!("a correction is saved")
    };
    assert_eq!(line, "Hakan Fidan = Nikol Pashinyan");
    assert!(
        s.note
            .as_deref()
            .unwrap_or("")
            .starts_with("Hakan Fidan = ")
    );
    // Applied on the next load, the two are one actor under the selected name.
    let (corrections, problems) = Corrections::parse(&line, "identities.txt");
    assert!(problems.is_empty());
    let mut corpus = common::fixture::corpus();
    corrections.apply(&mut corpus, &crate::common::lexicon().happenings);
    let names: Vec<&str> = corpus.actors.iter().map(|a| a.name.as_str()).collect();
    assert!(names.contains(&"Hakan Fidan"), "{names:?}");
    assert!(!names.contains(&"Nikol Pashinyan"), "{names:?}");
    press(&mut s, "x");
    assert_eq!(
        s.effects.last(),
        Some(&Effect::SaveCorrection("not a person: Hakan Fidan".into()))
    );
    assert!(s.filters.is_empty(), "nothing is filtered on the way");
}

#[test]
fn happenings_one_row_each_enter_lists_the_reports() {
    let mut s = seed();
    let every = shown_events(&s).len();
    press(&mut s, "h");
    assert!(s.happenings_view);
    let rows = shown_events(&s);
    let c = &s.data.corpus;
    assert!(
        rows.len() < every,
        "{} rows for {every} reports",
        rows.len()
    );
    // Each happening once.
    let mut seen: Vec<_> = rows.iter().map(|&e| c.happenings.of_event(e)).collect();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), rows.len());
    assert!(screen(&s).contains("happenings"));
    // Enter on a happening with several reports lists them; Esc comes back.
    let target = rows
        .iter()
        .position(|&e| {
            c.happenings[c.happenings.of_event(e).unwrap()]
                .events()
                .len()
                > 1
        })
        .expect("a happening with more than one report");
    let h = c.happenings.of_event(rows[target]).unwrap();
    let reports = c.happenings[h].events().len();
    press(&mut s, "g");
    for _ in 0..target {
        press(&mut s, "j");
    }
    press(&mut s, "Enter");
    assert_eq!(s.filters, vec![Filter::Happening(h)]);
    assert!(!s.happenings_view);
    assert_eq!(shown_events(&s).len(), reports);
    press(&mut s, "Esc");
    assert!(s.filters.is_empty() && s.happenings_view);
    assert_eq!(shown_events(&s).len(), rows.len());
    // The key happenings.
    press(&mut s, "H");
    assert_eq!(s.filters, vec![Filter::Salient(50)]);
    press(&mut s, "h");
    assert!(!s.happenings_view, "h goes back to every report");
    assert_eq!(shown_events(&s).len(), every.min(shown_events(&s).len()));
}

#[test]
fn a_search_typed_before_the_text_index_is_built_waits_for_it() {
    // As the browser opens: the timeline without the full-text index, built after the first frame.
    let data = Data::without_text(common::fixture::corpus());
    let build = data.text_build();
    let mut s = State::new(data, 120, 40);
    update(&mut s, Action::Resize(120, 40));
    assert!(
        !shown_events(&s).is_empty(),
        "the timeline shows without the index"
    );
    press(&mut s, "/ \"baku\"");
    assert!(s.text_pending());
    assert_eq!(s.shown_events, 0, "no partial or stale matches meanwhile");
    let waiting = screen(&s);
    assert!(waiting.contains("indexing the text"), "{waiting}");
    assert!(!waiting.contains("no events match"), "{waiting}");
    press(&mut s, "Enter");
    assert!(s.note.as_deref().unwrap_or("").contains("indexing"));
    assert!(!screen(&s).contains("no match"));
    press(&mut s, "n");
    assert!(s.note.as_deref().unwrap_or("").contains("indexing"));
    // The index arrives: the search runs, with the answer of an index built at once.
    build.run();
    update(&mut s, Action::TextReady);
    assert!(!s.text_pending());
    let mut at_once = fixture();
    press(&mut at_once, "/ \"baku\" Enter");
    assert!(!shown_events(&at_once).is_empty());
    assert_eq!(shown_events(&s), shown_events(&at_once));
    assert_eq!(s.quotes, at_once.quotes);
    assert!(!screen(&s).contains("indexing the text"));
    press(&mut s, "n");
    assert!(s.source.as_ref().is_some_and(|v| v.found.is_some()));
}

#[test]
fn filters_give_the_same_lists_before_the_filter_lists_are_built() {
    // As the browser opens: the per-actor and per-topic lists come after the first frame, and a
    // filter set meanwhile checks every event and quote instead.
    let corpus = common::fixture::corpus();
    let early = Data::without_text(corpus.clone());
    assert!(early.index.lists.get().is_none());
    let mut before = State::new(early, 120, 40);
    let mut after = State::new(Data::new(corpus.clone()), 120, 40);
    assert!(after.data.index.lists.get().is_some());
    let mut filters: Vec<Vec<Filter>> = Vec::new();
    for a in corpus.actors.ids() {
        filters.push(vec![Filter::Actor(a)]);
        filters.push(vec![Filter::Speaker(a)]);
    }
    for t in corpus.topics.ids() {
        filters.push(vec![Filter::Topic(t)]);
        if let Some(a) = corpus.actors.ids().next() {
            filters.push(vec![Filter::Topic(t), Filter::Actor(a)]);
        }
    }
    let mut nonempty = 0;
    for f in filters {
        for s in [&mut before, &mut after] {
            s.filters = f.clone();
            s.refilter(None);
        }
        assert_eq!(shown_events(&before), shown_events(&after), "{f:?}");
        assert_eq!(before.quotes, after.quotes, "{f:?}");
        nonempty += usize::from(!before.quotes.is_empty());
    }
    assert!(nonempty > 0, "some filter keeps quotes");
}
