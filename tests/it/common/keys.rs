//! Driving the browser from tests: keys through the real keymap, and readers of what it shows.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use dateline::corpus::{Corpus, Source};
use dateline::ids::{ActorId, EventId, QuoteId};
use dateline::tui::action::Action;
use dateline::tui::data::Data;
use dateline::tui::keymap::action_for_key;
use dateline::tui::state::{State, TimelineRow};
use dateline::tui::update::update;
use dateline::tui::view::Screen;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub fn fixture() -> State {
    let mut s = State::new(Data::new(super::fixture::corpus()), 120, 40);
    update(&mut s, Action::Resize(120, 40));
    s
}

pub fn seed() -> State {
    let corpus = Corpus::load(&Source::default(), crate::common::lexicon());
    let mut s = State::new(Data::new(corpus), 80, 24);
    update(&mut s, Action::Resize(80, 24));
    s
}

pub fn key(name: &str) -> KeyEvent {
    let (code, mods) = match name {
        "Enter" => (KeyCode::Enter, KeyModifiers::NONE),
        "Esc" => (KeyCode::Esc, KeyModifiers::NONE),
        "Tab" => (KeyCode::Tab, KeyModifiers::NONE),
        "S-Tab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
        "Down" => (KeyCode::Down, KeyModifiers::NONE),
        "Up" => (KeyCode::Up, KeyModifiers::NONE),
        "End" => (KeyCode::End, KeyModifiers::NONE),
        "PgDn" => (KeyCode::PageDown, KeyModifiers::NONE),
        "Bksp" => (KeyCode::Backspace, KeyModifiers::NONE),
        "Space" => (KeyCode::Char(' '), KeyModifiers::NONE),
        "Home" => (KeyCode::Home, KeyModifiers::NONE),
        c if c.starts_with("C-") && c.len() == 3 => (
            KeyCode::Char(c.chars().nth(2).unwrap()),
            KeyModifiers::CONTROL,
        ),
        s if s.chars().count() == 1 => {
            let c = s.chars().next().unwrap();
            let m = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            (KeyCode::Char(c), m)
        }
        other => panic!("unknown key {other}"),
    };
    KeyEvent::new(code, mods)
}

/// Presses space-separated keys; `"text"` in quotes types each character.
pub fn press(s: &mut State, keys: &str) {
    for k in keys.split(' ').filter(|k| !k.is_empty()) {
        let events: Vec<KeyEvent> = match k.strip_prefix('"').and_then(|k| k.strip_suffix('"')) {
            Some(text) => text.chars().map(|c| key(&c.to_string())).collect(),
            None => vec![key(k)],
        };
        for ev in events {
            if let Some(a) = action_for_key(s, &ev) {
                update(s, a);
            }
        }
    }
}

pub fn actor(s: &State, name: &str) -> ActorId {
    let a = s.data.corpus.actors.iter().position(|a| a.name == name);
    ActorId::new(a.unwrap())
}

pub fn event_text(s: &State, e: EventId) -> &str {
    let ev = &s.data.corpus.events[e];
    ev.span().slice(&s.data.corpus.documents[ev.doc()].text)
}

pub fn shown_events(s: &State) -> Vec<EventId> {
    s.timeline_rows
        .iter()
        .filter_map(|r| match r {
            TimelineRow::Event(e) => Some(*e),
            _ => None,
        })
        .collect()
}

pub fn quote_text(s: &State, q: QuoteId) -> &str {
    let quote = &s.data.corpus.quotes[q];
    quote
        .span()
        .slice(&s.data.corpus.documents[quote.doc()].text)
}

/// The whole screen as text, drawn into a `TestBackend` of the state's size.
pub fn screen(s: &State) -> String {
    let mut t = Terminal::new(TestBackend::new(s.width, s.height)).unwrap();
    t.draw(|f| f.render_widget(Screen::new(s), f.area()))
        .unwrap();
    format!("{}", t.backend())
}
