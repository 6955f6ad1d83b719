//! Whole-screen and per-pane snapshots of the browser on the seed and on the fixture corpus.

use dateline::corpus::{Corpus, Source};
use dateline::extract::pipeline::Lexicon;
use dateline::tui::action::{Action, Pane};
use dateline::tui::data::Data;
use dateline::tui::state::State;
use dateline::tui::update::update;
use dateline::tui::view::Screen;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn seed_state(w: u16, h: u16) -> State {
    let corpus = Corpus::load(&Source::default(), &Lexicon::builtin());
    let mut s = State::new(Data::new(corpus), w, h);
    update(&mut s, Action::Resize(w, h));
    s
}

fn fixture_state(w: u16, h: u16) -> State {
    let mut s = State::new(Data::new(dateline::tui::fixture::corpus()), w, h);
    update(&mut s, Action::Resize(w, h));
    s
}

fn screen(s: &State) -> String {
    let mut t = Terminal::new(TestBackend::new(s.width, s.height)).unwrap();
    t.draw(|f| f.render_widget(Screen::new(s), f.area()))
        .unwrap();
    format!("{}", t.backend())
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
fn too_small_terminal() {
    insta::assert_snapshot!(screen(&fixture_state(50, 12)));
}

#[test]
fn loading_screen() {
    let mut s = State::loading(80, 24, true);
    update(&mut s, Action::LoadProgress(120, 480));
    insta::assert_snapshot!(screen(&s));
}
