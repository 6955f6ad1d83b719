//! Whole-screen and per-pane snapshots of the browser on the seed and on the fixture corpus.

use crate::common;

use common::keys::screen;
use dateline::corpus::{Corpus, Source};
use dateline::tui::action::{Action, Pane};
use dateline::tui::data::Data;
use dateline::tui::state::State;
use dateline::tui::update::update;
use dateline::tui::view::Screen;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn seed_state(w: u16, h: u16) -> State {
    let corpus = Corpus::load(&Source::default(), crate::common::lexicon());
    let mut s = State::new(Data::new(corpus), w, h);
    update(&mut s, Action::Resize(w, h));
    s
}

fn fixture_state(w: u16, h: u16) -> State {
    let mut s = State::new(Data::new(common::fixture::corpus()), w, h);
    update(&mut s, Action::Resize(w, h));
    s
}

fn typed(s: &mut State, text: &str) {
    for c in text.chars() {
        update(s, Action::SearchInput(c));
    }
}

#[test]
fn seed_main_screen_120x40() {
    insta::assert_snapshot!(screen(&seed_state(120, 40)));
}

#[test]
fn seed_main_screen_80x24() {
    insta::assert_snapshot!(screen(&seed_state(80, 24)));
}

#[test]
fn fixture_main_screen_120x40() {
    insta::assert_snapshot!(screen(&fixture_state(120, 40)));
}

#[test]
fn fixture_main_screen_80x24() {
    insta::assert_snapshot!(screen(&fixture_state(80, 24)));
}

#[test]
fn fixture_search_popup() {
    let mut s = fixture_state(120, 40);
    update(&mut s, Action::OpenSearch);
    typed(&mut s, "pashin");
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn fixture_filtered_quote_opened() {
    let mut s = fixture_state(120, 40);
    update(&mut s, Action::OpenSearch);
    typed(&mut s, "megh");
    update(&mut s, Action::AcceptSearch);
    update(&mut s, Action::FocusPane(Pane::Quotes));
    update(&mut s, Action::OpenSelected);
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn fixture_help_120x40() {
    let mut s = fixture_state(120, 40);
    update(&mut s, Action::ToggleHelp);
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn fixture_help_80x24() {
    let mut s = fixture_state(80, 24);
    update(&mut s, Action::ToggleHelp);
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn fixture_problems_popup() {
    let mut s = fixture_state(80, 24);
    update(&mut s, Action::ShowProblems);
    insta::assert_snapshot!(screen(&s));
}

#[test]
fn no_color_marks_selection_with_reverse_video() {
    use ratatui::style::Modifier;
    let mut s = fixture_state(80, 24);
    s.color = false;
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| f.render_widget(Screen::new(&s), f.area()))
        .unwrap();
    let buf = t.backend().buffer();
    let mut colored = 0;
    for cell in buf.content() {
        if cell.fg != ratatui::style::Color::Reset || cell.bg != ratatui::style::Color::Reset {
            colored += 1;
        }
    }
    assert_eq!(colored, 0, "NO_COLOR: no colours at all");
    // The selected timeline row (the first event, below its heading at y=3) is reversed.
    assert!(buf[(5, 4)].modifier.contains(Modifier::REVERSED));
    // And stays visible when another pane has the focus (an underline alone was lost).
    update(&mut s, Action::FocusPane(Pane::Quotes));
    t.draw(|f| f.render_widget(Screen::new(&s), f.area()))
        .unwrap();
    let buf = t.backend().buffer();
    let timeline_row = (1..79).filter(|&x| buf[(x, 4)].modifier.contains(Modifier::REVERSED));
    assert!(
        timeline_row.count() > 70,
        "the unfocused selection is a full reversed bar"
    );
}

#[test]
fn opened_quote_is_highlighted_in_the_source() {
    let mut s = fixture_state(120, 40);
    update(&mut s, Action::OpenSearch);
    typed(&mut s, "megh");
    update(&mut s, Action::AcceptSearch);
    update(&mut s, Action::FocusPane(Pane::Quotes));
    update(&mut s, Action::OpenSelected);
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    t.draw(|f| f.render_widget(Screen::new(&s), f.area()))
        .unwrap();
    let buf = t.backend().buffer();
    let focus = dateline::tui::theme::Theme::new(true).focus_quote();
    let highlighted: String = buf
        .content()
        .iter()
        .filter(|c| c.bg == focus.bg.unwrap())
        .map(|c| c.symbol())
        .collect();
    assert_eq!(highlighted, "asymmetry of agendas");
}

#[test]
fn too_small_terminal() {
    insta::assert_snapshot!(screen(&fixture_state(50, 12)));
}

#[test]
fn loading_screen() {
    let mut s = State::loading(80, 24, true);
    update(&mut s, Action::LoadProgress(120, 480));
    insta::assert_snapshot!(screen(&s));
}

/// Armenian, CJK, emoji, combining marks and escape sequences in article text.
fn unruly_state() -> State {
    use dateline::corpus::{CorpusEvent, CorpusWhen};
    use dateline::ids::DocId;
    use dateline::model::{Document, Span};
    let text = "Նիկոլ Փաշինյանը 東京 に到着した 🎉 and Jose\u{301} said \x1b[2J\x1b[31mhello\x07.\nSecond line.\n";
    let first = text.find('\n').unwrap();
    let corpus = Corpus {
        documents: vec![Document {
            id: "unruly".into(),
            text: text.into(),
            ..Document::default()
        }]
        .into(),
        events: vec![CorpusEvent::new(
            DocId::new(0),
            Span::new(0, first),
            CorpusWhen::default(),
            Default::default(),
            [],
            [],
            [],
        )]
        .into(),
        ..Corpus::default()
    };
    let mut s = State::new(Data::new(corpus), 80, 24);
    update(&mut s, Action::Resize(80, 24));
    s
}

#[test]
fn wide_and_hostile_text_keeps_columns() {
    let out = screen(&unruly_state());
    assert!(
        !out.contains('\x1b') && !out.contains('\x07'),
        "no escapes reach the terminal"
    );
    for line in out.lines() {
        // TestBackend notes cells hidden behind wide characters after the closing quote.
        let inner = line.split("\" Hidden by").next().unwrap().trim_matches('"');
        assert_eq!(unicode_width::UnicodeWidthStr::width(inner), 80, "{inner}");
    }
    insta::assert_snapshot!(out);
}

/// One pane drawn alone into a `w`×`h` buffer.
fn pane(
    s: &State,
    w: u16,
    h: u16,
    draw: impl FnOnce(&State, ratatui::layout::Rect, &mut ratatui::buffer::Buffer),
) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| {
        let area = f.area();
        draw(s, area, f.buffer_mut())
    })
    .unwrap();
    format!("{}", t.backend())
}

#[test]
fn each_pane_alone() {
    use dateline::tui::theme::Theme;
    use dateline::tui::view::{ActorsView, QuotesView, SourceView, TimelineView, TopicsView};
    use ratatui::widgets::Widget;
    let mut s = fixture_state(120, 40);
    // Select the planned Baku visit, so the quotes and source follow something.
    while !s.selected_event().is_some_and(|e| {
        let c = &s.data.corpus;
        c.when_value(&c.events[e].when) == Some("2025-11-21/2025-11-22")
    }) {
        update(&mut s, Action::MoveDown);
    }
    let theme = Theme::new(true);
    // Each pane at the size the 120×40 layout gives it, so scroll offsets match.
    let a = dateline::tui::layout::areas(
        ratatui::layout::Rect::new(0, 0, 120, 40),
        dateline::tui::layout::ViewShape::default(),
    );
    let at =
        |r: ratatui::layout::Rect,
         draw: &dyn Fn(&State, ratatui::layout::Rect, &mut ratatui::buffer::Buffer)| {
            pane(&s, r.width, r.height, draw)
        };
    insta::assert_snapshot!(
        "pane_timeline",
        at(a.timeline, &|s, r, b| TimelineView { state: s, theme }
            .render(r, b))
    );
    insta::assert_snapshot!(
        "pane_actors",
        at(a.actors, &|s, r, b| ActorsView { state: s, theme }
            .render(r, b))
    );
    insta::assert_snapshot!(
        "pane_topics",
        at(a.topics, &|s, r, b| TopicsView { state: s, theme }
            .render(r, b))
    );
    insta::assert_snapshot!(
        "pane_quotes",
        at(a.quotes, &|s, r, b| QuotesView { state: s, theme }
            .render(r, b))
    );
    insta::assert_snapshot!(
        "pane_source",
        at(a.source, &|s, r, b| SourceView { state: s, theme }
            .render(r, b))
    );
}
