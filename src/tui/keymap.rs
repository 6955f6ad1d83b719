//! The one keymap: (mode, key, action, description) rows drive input, the `?` help and the hints.

use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;

use super::action::{Action, Pane};
use super::layout::{areas, inner};
use super::state::{Overlay, State};

/// Where a binding applies: everywhere, in one pane, or in a popup.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    Global,
    Pane(Pane),
    Search,
    Help,
    Problems,
}

impl Mode {
    pub fn title(self) -> &'static str {
        match self {
            Mode::Global => "Everywhere",
            Mode::Pane(p) => p.title(),
            Mode::Search => "People search (/)",
            Mode::Help => "Help",
            Mode::Problems => "Problems (!)",
        }
    }
}

/// A key with the modifiers that matter (Shift is folded into the character).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

impl Key {
    pub fn from_event(ev: &KeyEvent) -> Key {
        Key {
            code: ev.code,
            ctrl: ev.modifiers.contains(KeyModifiers::CONTROL),
        }
    }

    /// How the key is written in help and hints.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "S-Tab".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Backspace => "Bksp".into(),
            other => format!("{other:?}"),
        };
        if self.ctrl { format!("C-{base}") } else { base }
    }
}

pub struct Binding {
    pub mode: Mode,
    pub key: Key,
    pub action: Action,
    pub help: &'static str,
    /// A short label when this key belongs in the footer hints.
    pub hint: Option<&'static str>,
}

fn b(mode: Mode, key: Key, action: Action, help: &'static str) -> Binding {
    Binding {
        mode,
        key,
        action,
        help,
        hint: None,
    }
}

fn h(mode: Mode, key: Key, action: Action, help: &'static str, hint: &'static str) -> Binding {
    Binding {
        hint: Some(hint),
        ..b(mode, key, action, help)
    }
}

/// One help line for the five pane keys.
const FOCUS: &str = "focus timeline, actors, topics, quotes, source";

/// Every key binding, in help order.
pub fn bindings() -> Vec<Binding> {
    use Action as A;
    use Mode::{Global as G, Help as H, Problems as P, Search as S};
    let tl = Mode::Pane(Pane::Timeline);
    let ac = Mode::Pane(Pane::Actors);
    let to = Mode::Pane(Pane::Topics);
    let qu = Mode::Pane(Pane::Quotes);
    vec![
        h(
            tl,
            code(KeyCode::Enter),
            A::OpenSelected,
            "read the event in its article",
            "read",
        ),
        h(
            ac,
            code(KeyCode::Enter),
            A::FilterToSelected,
            "filter the timeline to the actor (again: remove)",
            "filter",
        ),
        h(
            to,
            code(KeyCode::Enter),
            A::FilterToSelected,
            "filter the timeline to the topic (again: remove)",
            "filter",
        ),
        h(
            qu,
            code(KeyCode::Enter),
            A::OpenSelected,
            "read the quote in its article",
            "read",
        ),
        h(G, k('j'), A::MoveDown, "move down / up", "move"),
        h(G, k('k'), A::MoveUp, "move down / up", "move"),
        b(G, code(KeyCode::Down), A::MoveDown, "move down / up"),
        b(G, code(KeyCode::Up), A::MoveUp, "move down / up"),
        h(G, k('?'), A::ToggleHelp, "this help", "help"),
        b(G, k('g'), A::MoveTop, "go to the top / bottom"),
        b(G, code(KeyCode::Home), A::MoveTop, "go to the top / bottom"),
        b(G, k('G'), A::MoveBottom, "go to the top / bottom"),
        b(
            G,
            code(KeyCode::End),
            A::MoveBottom,
            "go to the top / bottom",
        ),
        b(G, code(KeyCode::PageDown), A::PageDown, "page down"),
        b(G, ctrl('d'), A::PageDown, "page down"),
        b(G, code(KeyCode::PageUp), A::PageUp, "page up"),
        b(G, ctrl('u'), A::PageUp, "page up"),
        h(
            G,
            code(KeyCode::Tab),
            A::NextPane,
            "next / previous pane",
            "pane",
        ),
        b(
            G,
            code(KeyCode::BackTab),
            A::PrevPane,
            "next / previous pane",
        ),
        b(G, k('1'), A::FocusPane(Pane::Timeline), FOCUS),
        b(G, k('2'), A::FocusPane(Pane::Actors), FOCUS),
        b(G, k('3'), A::FocusPane(Pane::Topics), FOCUS),
        b(G, k('4'), A::FocusPane(Pane::Quotes), FOCUS),
        b(G, k('5'), A::FocusPane(Pane::Source), FOCUS),
        h(
            G,
            k('/'),
            A::OpenSearch,
            "search people and other actors",
            "people",
        ),
        h(
            G,
            k('n'),
            A::NextQuote,
            "next / previous quote of the filters, in the source",
            "quote",
        ),
        b(
            G,
            k('N'),
            A::PrevQuote,
            "next / previous quote of the filters, in the source",
        ),
        h(
            G,
            k('['),
            A::WindowBack,
            "time window: a period back / forward",
            "window",
        ),
        b(
            G,
            k(']'),
            A::WindowForward,
            "time window: a period back / forward",
        ),
        h(
            G,
            code(KeyCode::Esc),
            A::ClearFilter,
            "remove the last filter",
            "unfilter",
        ),
        b(
            G,
            k('!'),
            A::ShowProblems,
            "input problems and undated articles",
        ),
        h(G, k('q'), A::Quit, "quit", "quit"),
        b(G, ctrl('c'), A::Quit, "quit"),
        h(
            S,
            code(KeyCode::Enter),
            A::AcceptSearch,
            "filter to the chosen actor",
            "filter",
        ),
        h(
            S,
            code(KeyCode::Esc),
            A::CloseSearch,
            "close the search",
            "close",
        ),
        h(
            S,
            code(KeyCode::Down),
            A::SearchDown,
            "next / previous result",
            "move",
        ),
        b(S, code(KeyCode::Up), A::SearchUp, "next / previous result"),
        b(S, ctrl('n'), A::SearchDown, "next / previous result"),
        b(S, ctrl('p'), A::SearchUp, "next / previous result"),
        b(
            S,
            code(KeyCode::Backspace),
            A::SearchDeleteChar,
            "delete a character",
        ),
        b(S, ctrl('c'), A::Quit, "quit"),
        h(
            H,
            code(KeyCode::Esc),
            A::ClosePopup,
            "close the help",
            "close",
        ),
        b(H, k('?'), A::ClosePopup, "close the help"),
        b(H, k('q'), A::ClosePopup, "close the help"),
        b(H, ctrl('c'), A::Quit, "quit"),
        h(
            P,
            code(KeyCode::Esc),
            A::ClosePopup,
            "close the list",
            "close",
        ),
        b(P, k('!'), A::ClosePopup, "close the list"),
        b(P, k('q'), A::ClosePopup, "close the list"),
        b(P, ctrl('c'), A::Quit, "quit"),
    ]
}

/// The modes whose bindings apply now, most specific first.
pub fn active_modes(state: &State) -> Vec<Mode> {
    match state.overlay {
        Overlay::Search(_) => vec![Mode::Search],
        Overlay::Help => vec![Mode::Help],
        Overlay::Problems => vec![Mode::Problems],
        Overlay::None => vec![Mode::Pane(state.focus), Mode::Global],
    }
}

/// A key as pressed keys: terminals send Esc then a key quickly as one Alt+key, and dateline
/// binds nothing to Alt, so that becomes Esc followed by the key.
pub fn split_alt(ev: &KeyEvent) -> Vec<KeyEvent> {
    if ev.modifiers.contains(KeyModifiers::ALT) && matches!(ev.code, KeyCode::Char(_)) {
        let mut plain = *ev;
        plain.modifiers.remove(KeyModifiers::ALT);
        vec![KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE), plain]
    } else {
        vec![*ev]
    }
}

/// The action a key press means in the current state.
pub fn action_for_key(state: &State, ev: &KeyEvent) -> Option<Action> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    let key = Key::from_event(ev);
    let modes = active_modes(state);
    let table = bindings();
    for mode in &modes {
        if let Some(bd) = table.iter().find(|bd| bd.mode == *mode && bd.key == key) {
            return Some(bd.action.clone());
        }
    }
    match (modes.first(), key) {
        (
            Some(Mode::Search),
            Key {
                code: KeyCode::Char(c),
                ctrl: false,
            },
        ) => Some(Action::SearchInput(c)),
        _ => None,
    }
}

/// Footer hints for the current mode: "Enter read · j/k move · …", from the bindings.
pub fn hints(state: &State) -> Vec<(String, &'static str)> {
    let table = bindings();
    let mut out: Vec<(String, &'static str)> = Vec::new();
    for mode in active_modes(state) {
        for bd in table.iter().filter(|bd| bd.mode == mode) {
            let Some(hint) = bd.hint else { continue };
            match out.iter_mut().find(|(_, h)| *h == hint) {
                Some((keys, _)) => {
                    keys.push('/');
                    keys.push_str(&bd.key.label());
                }
                None => out.push((bd.key.label(), hint)),
            }
        }
    }
    out
}

/// Wheel scrolls the pane under the pointer; a click focuses it and selects the row.
pub fn action_for_mouse(state: &State, ev: &MouseEvent) -> Option<Action> {
    if !matches!(state.overlay, Overlay::None) {
        return None;
    }
    let a = areas(
        Rect::new(0, 0, state.width, state.height),
        state.focus == Pane::Source,
    );
    if ev.kind == MouseEventKind::Down(MouseButton::Left)
        && a.histogram
            .contains(ratatui::layout::Position::new(ev.column, ev.row))
    {
        return Some(Action::ClickHistogram(ev.column - a.histogram.x));
    }
    let pane = a.pane_at(ev.column, ev.row)?;
    match ev.kind {
        MouseEventKind::ScrollDown => Some(Action::ScrollPane(pane, 3)),
        MouseEventKind::ScrollUp => Some(Action::ScrollPane(pane, -3)),
        MouseEventKind::Down(MouseButton::Left) => {
            let top = inner(a.of(pane)).y;
            Some(match ev.row.checked_sub(top) {
                Some(row) if ev.row < inner(a.of(pane)).bottom() => Action::ClickPane(pane, row),
                _ => Action::FocusPane(pane),
            })
        }
        _ => None,
    }
}
