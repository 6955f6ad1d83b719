//! The one keymap: (mode, key, action, description) rows drive input, the `?` help, the footer
//! hints and the README's key table. The config file rebinds actions by name (`Keymap::rebind`).

use std::collections::BTreeMap;

use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;

use super::action::{Action, Pane, named_actions};
use super::layout::inner;
use super::state::{Overlay, State};

/// Where a binding applies: everywhere, in one pane, or in a popup or input line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    Global,
    Pane(Pane),
    /// The actor finder popup.
    Finder,
    /// The `/` search line and the `:` command line.
    Line,
    Help,
    Problems,
}

impl Mode {
    pub fn title(self) -> &'static str {
        match self {
            Mode::Global => "Everywhere",
            Mode::Pane(p) => p.title(),
            Mode::Finder => "Actor finder (p)",
            Mode::Line => "Search and command lines (/ :)",
            Mode::Help => "Help",
            Mode::Problems => "Problems (!)",
        }
    }

    /// The order of the help's groups.
    fn rank(self) -> usize {
        match self {
            Mode::Global => 0,
            Mode::Pane(p) => p.number(),
            Mode::Line => 10,
            Mode::Finder => 11,
            Mode::Help => 12,
            Mode::Problems => 13,
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

    /// How the key is written in help, hints and the config file.
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
            KeyCode::Delete => "Del".into(),
            KeyCode::Insert => "Ins".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.ctrl { format!("C-{base}") } else { base }
    }

    /// Reads a key as the config file writes it: `j`, `J`, `C-d`, `Space`, `Enter`, `Up`, `F1`.
    pub fn parse(s: &str) -> Option<Key> {
        let (ctrl_mod, rest) = match s.strip_prefix("C-") {
            Some(r) if !r.is_empty() => (true, r),
            _ => (false, s),
        };
        let named = match rest.to_ascii_lowercase().as_str() {
            "space" => Some(KeyCode::Char(' ')),
            "enter" | "return" => Some(KeyCode::Enter),
            "esc" | "escape" => Some(KeyCode::Esc),
            "tab" => Some(KeyCode::Tab),
            "s-tab" | "backtab" => Some(KeyCode::BackTab),
            "up" | "↑" => Some(KeyCode::Up),
            "down" | "↓" => Some(KeyCode::Down),
            "left" | "←" => Some(KeyCode::Left),
            "right" | "→" => Some(KeyCode::Right),
            "home" => Some(KeyCode::Home),
            "end" => Some(KeyCode::End),
            "pgup" | "pageup" => Some(KeyCode::PageUp),
            "pgdn" | "pagedown" => Some(KeyCode::PageDown),
            "bksp" | "backspace" => Some(KeyCode::Backspace),
            "del" | "delete" => Some(KeyCode::Delete),
            "ins" | "insert" => Some(KeyCode::Insert),
            f if f.len() >= 2
                && f.starts_with('f')
                && f[1..].chars().all(|c| c.is_ascii_digit()) =>
            {
                f[1..]
                    .parse()
                    .ok()
                    .filter(|n| (1..=24).contains(n))
                    .map(KeyCode::F)
            }
            _ => None,
        };
        let code = match named {
            Some(c) => c,
            None => {
                let mut chars = rest.chars();
                let c = chars.next()?;
                if chars.next().is_some() {
                    return None;
                }
                KeyCode::Char(if ctrl_mod { c.to_ascii_lowercase() } else { c })
            }
        };
        Some(Key {
            code,
            ctrl: ctrl_mod,
        })
    }
}

#[derive(Clone, Debug)]
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
const MOVE: &str = "move down / up (in the source: scroll)";
const ENDS: &str = "go to the top / bottom";
const PAGE_DOWN: &str = "page down";
const PAGE_UP: &str = "page up";
const HALF: &str = "half a page down / up";
const QUIT: &str = "quit";

/// Every default key binding, in help order.
pub fn bindings() -> Vec<Binding> {
    use Action as A;
    use KeyCode as C;
    use Mode::{Finder as F, Global as G, Help as H, Line as L, Problems as P};
    let tl = Mode::Pane(Pane::Timeline);
    let ac = Mode::Pane(Pane::Actors);
    let to = Mode::Pane(Pane::Topics);
    let qu = Mode::Pane(Pane::Quotes);
    let mut v = vec![
        h(
            tl,
            code(C::Enter),
            A::OpenSelected,
            "read the event in its article (Esc comes back)",
            "read",
        ),
        h(
            ac,
            code(C::Enter),
            A::FilterToSelected,
            "filter to events mentioning the actor (again: remove)",
            "filter",
        ),
        h(
            ac,
            k('s'),
            A::FilterSpeaker,
            "filter to quotes the actor said (again: remove)",
            "said",
        ),
        b(
            ac,
            k('m'),
            A::MergeActor,
            "say the actor is the same person as another (saved for the next load)",
        ),
        b(
            ac,
            k('x'),
            A::NotAPerson,
            "say the actor is not a person (saved for the next load)",
        ),
        h(
            to,
            code(C::Enter),
            A::FilterToSelected,
            "filter the timeline to the topic (again: remove)",
            "filter",
        ),
        h(
            qu,
            code(C::Enter),
            A::OpenSelected,
            "read the quote in its article (Esc comes back)",
            "read",
        ),
        h(G, k('j'), A::MoveDown, MOVE, "move"),
        h(G, k('k'), A::MoveUp, MOVE, "move"),
        b(G, code(C::Down), A::MoveDown, MOVE),
        b(G, code(C::Up), A::MoveUp, MOVE),
        b(G, k('g'), A::MoveTop, ENDS),
        b(G, code(C::Home), A::MoveTop, ENDS),
        b(G, k('G'), A::MoveBottom, ENDS),
        b(G, code(C::End), A::MoveBottom, ENDS),
        b(G, k(' '), A::PageDown, PAGE_DOWN),
        b(G, ctrl('f'), A::PageDown, PAGE_DOWN),
        b(G, code(C::PageDown), A::PageDown, PAGE_DOWN),
        b(G, k('b'), A::PageUp, PAGE_UP),
        b(G, ctrl('b'), A::PageUp, PAGE_UP),
        b(G, code(C::PageUp), A::PageUp, PAGE_UP),
        b(G, ctrl('d'), A::HalfPageDown, HALF),
        b(G, ctrl('u'), A::HalfPageUp, HALF),
        h(G, code(C::Tab), A::NextPane, "next / previous pane", "pane"),
        b(G, code(C::BackTab), A::PrevPane, "next / previous pane"),
        b(G, k('1'), A::FocusPane(Pane::Timeline), FOCUS),
        b(G, k('2'), A::FocusPane(Pane::Actors), FOCUS),
        b(G, k('3'), A::FocusPane(Pane::Topics), FOCUS),
        b(G, k('4'), A::FocusPane(Pane::Quotes), FOCUS),
        b(G, k('5'), A::FocusPane(Pane::Source), FOCUS),
        h(
            G,
            k('/'),
            A::OpenTextSearch,
            "search the text of events, quotes and articles (narrows as you type)",
            "search",
        ),
        h(
            G,
            k('n'),
            A::NextMatch,
            "next / previous search match",
            "match",
        ),
        b(G, k('N'), A::PrevMatch, "next / previous search match"),
        h(
            G,
            k('\''),
            A::NextQuote,
            "next / previous quote of the filters, in the source",
            "quote",
        ),
        b(
            G,
            k('"'),
            A::PrevQuote,
            "next / previous quote of the filters, in the source",
        ),
        h(
            G,
            k('p'),
            A::OpenSearch,
            "find people and other actors (fuzzy, typos forgiven)",
            "find",
        ),
        h(
            G,
            k(':'),
            A::OpenCommand,
            "command line (:goto, :from, :to, :window, :actor, :topic, :export, :help)",
            "command",
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
        b(
            G,
            k('h'),
            A::ToggleHappenings,
            "happenings (one row each, ×N reports; Enter lists the reports) / every report",
        ),
        b(
            G,
            k('H'),
            A::ToggleSalient,
            "only the 50 most reported happenings, the key events (again: all)",
        ),
        b(
            G,
            k('z'),
            A::ToggleMaximise,
            "maximise the focused pane (again: back)",
        ),
        b(
            G,
            k('c'),
            A::CycleSide,
            "small terminals: show the next side pane",
        ),
        b(
            G,
            k('o'),
            A::OpenLink,
            "open the article's link (or file) in the system's opener",
        ),
        b(
            G,
            k('y'),
            A::CopyCitation,
            "copy the quote or event as a citation (terminal clipboard)",
        ),
        h(
            G,
            code(C::Esc),
            A::Back,
            "back to the previous view; in the main view, remove the last filter",
            "back",
        ),
        b(
            G,
            code(C::Backspace),
            A::ClearFilter,
            "remove the last filter",
        ),
        h(G, k('?'), A::ToggleHelp, "this help", "help"),
        b(
            G,
            k('!'),
            A::ShowProblems,
            "input problems and undated articles",
        ),
        h(
            G,
            k('q'),
            A::QuitView,
            "back to the previous view; in the main view, quit",
            "quit",
        ),
        b(G, k('Q'), A::Quit, QUIT),
        b(G, ctrl('c'), A::Quit, QUIT),
        h(
            L,
            code(C::Enter),
            A::PromptAccept,
            "search / run the command",
            "accept",
        ),
        h(
            L,
            code(C::Esc),
            A::PromptCancel,
            "cancel (a search puts the filters back)",
            "cancel",
        ),
        h(
            L,
            code(C::Tab),
            A::PromptComplete,
            "complete the command, actor, topic or window",
            "complete",
        ),
        h(
            L,
            code(C::Up),
            A::PromptHistoryUp,
            "earlier / later lines from the history",
            "history",
        ),
        b(
            L,
            code(C::Down),
            A::PromptHistoryDown,
            "earlier / later lines from the history",
        ),
        b(
            L,
            code(C::Backspace),
            A::PromptDeleteChar,
            "delete a character",
        ),
        b(L, ctrl('u'), A::PromptClear, "clear the line"),
        b(L, ctrl('c'), A::Quit, QUIT),
        h(
            F,
            code(C::Enter),
            A::AcceptSearch,
            "filter to events mentioning the chosen actor",
            "mentions",
        ),
        h(
            F,
            ctrl('s'),
            A::AcceptSearchSpeaker,
            "filter to quotes the chosen actor said",
            "said",
        ),
        h(F, code(C::Esc), A::CloseSearch, "close the finder", "close"),
        h(
            F,
            code(C::Down),
            A::SearchDown,
            "next / previous result",
            "move",
        ),
        b(F, code(C::Up), A::SearchUp, "next / previous result"),
        b(F, ctrl('n'), A::SearchDown, "next / previous result"),
        b(F, ctrl('p'), A::SearchUp, "next / previous result"),
        b(
            F,
            code(C::Backspace),
            A::SearchDeleteChar,
            "delete a character",
        ),
        b(F, ctrl('c'), A::Quit, QUIT),
    ];
    for (mode, close, what) in [(H, '?', "close the help"), (P, '!', "close the list")] {
        v.extend([
            h(mode, code(C::Esc), A::ClosePopup, what, "close"),
            b(mode, k(close), A::ClosePopup, what),
            b(mode, k('q'), A::ClosePopup, what),
            h(mode, k('j'), A::MoveDown, "scroll down / up", "scroll"),
            b(mode, k('k'), A::MoveUp, "scroll down / up"),
            b(mode, code(C::Down), A::MoveDown, "scroll down / up"),
            b(mode, code(C::Up), A::MoveUp, "scroll down / up"),
            b(mode, k(' '), A::PageDown, PAGE_DOWN),
            b(mode, code(C::PageDown), A::PageDown, PAGE_DOWN),
            b(mode, k('b'), A::PageUp, PAGE_UP),
            b(mode, code(C::PageUp), A::PageUp, PAGE_UP),
            b(mode, k('g'), A::MoveTop, ENDS),
            b(mode, k('G'), A::MoveBottom, ENDS),
            b(mode, ctrl('c'), A::Quit, QUIT),
        ]);
    }
    v
}

/// The bindings in force: the defaults with the config file's `[keys]` applied.
#[derive(Clone, Debug)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            bindings: bindings(),
        }
    }
}

impl Keymap {
    /// Rebinds actions by name (`move_down = ["j", "C-n"]`): the keys replace the action's default
    /// keys in every mode where it is bound. Unknown names and keys come back as problems.
    pub fn rebind(&mut self, keys: &BTreeMap<String, Vec<String>>) -> Vec<String> {
        let mut problems = Vec::new();
        let names = named_actions();
        for (name, list) in keys {
            let Some((_, action)) = names.iter().find(|(n, _)| n == name) else {
                problems.push(format!("[keys] {name}: no such action"));
                continue;
            };
            let parsed: Vec<Key> = list
                .iter()
                .filter_map(|s| {
                    let key = Key::parse(s);
                    if key.is_none() {
                        problems.push(format!("[keys] {name}: {s:?} is not a key"));
                    }
                    key
                })
                .collect();
            if parsed.is_empty() {
                continue;
            }
            // The first default binding of the action in each mode is the template.
            let mut templates: Vec<Binding> = Vec::new();
            for bd in self.bindings.iter().filter(|bd| bd.action.same(action)) {
                if !templates.iter().any(|t| t.mode == bd.mode) {
                    templates.push(bd.clone());
                }
            }
            self.bindings.retain(|bd| !bd.action.same(action));
            for t in templates {
                for key in &parsed {
                    // The new key leaves whatever it did before in that mode.
                    self.bindings
                        .retain(|bd| !(bd.mode == t.mode && bd.key == *key));
                    self.bindings.push(Binding {
                        key: *key,
                        ..t.clone()
                    });
                }
            }
        }
        problems
    }

    pub fn lookup(&self, modes: &[Mode], key: Key) -> Option<&Binding> {
        modes.iter().find_map(|m| {
            self.bindings
                .iter()
                .find(|bd| bd.mode == *m && bd.key == key)
        })
    }

    /// The keys bound to `action` in `mode` (or globally), as labels.
    pub fn keys_for(&self, action: &Action) -> Vec<String> {
        self.bindings
            .iter()
            .filter(|bd| bd.action.same(action))
            .map(|bd| bd.key.label())
            .collect()
    }

    /// The bindings grouped for the help: per mode, one row per help text with all its keys.
    pub fn help_rows(&self) -> Vec<(Mode, Vec<(String, &'static str)>)> {
        let mut modes: Vec<Mode> = Vec::new();
        for bd in &self.bindings {
            if !modes.contains(&bd.mode) {
                modes.push(bd.mode);
            }
        }
        modes.sort_by_key(|m| m.rank());
        modes
            .into_iter()
            .map(|mode| {
                let mut rows: Vec<(String, &'static str)> = Vec::new();
                for bd in self.bindings.iter().filter(|bd| bd.mode == mode) {
                    match rows.iter_mut().find(|(_, h)| *h == bd.help) {
                        Some((keys, _)) => {
                            keys.push(' ');
                            keys.push_str(&bd.key.label());
                        }
                        None => rows.push((bd.key.label(), bd.help)),
                    }
                }
                (mode, rows)
            })
            .collect()
    }
}

/// The README's key table, generated from the default bindings (a test keeps the README equal).
pub fn markdown_table() -> String {
    let mut out = String::from("| keys | where | does |\n|---|---|---|\n");
    for (mode, rows) in Keymap::default().help_rows() {
        for (keys, help) in rows {
            let keys: Vec<String> = keys
                .split(' ')
                .map(|k| format!("`{}`", k.replace('|', "\\|")))
                .collect();
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                keys.join(" "),
                mode.title(),
                help.replace('|', "\\|")
            ));
        }
    }
    out
}

/// The modes whose bindings apply now, most specific first.
pub fn active_modes(state: &State) -> Vec<Mode> {
    match state.overlay {
        Overlay::Search(..) => vec![Mode::Finder],
        Overlay::Prompt(_) => vec![Mode::Line],
        Overlay::Help(_) => vec![Mode::Help],
        Overlay::Problems(_) => vec![Mode::Problems],
        Overlay::None => vec![Mode::Pane(state.focus), Mode::Global],
    }
}

/// A key as pressed keys: terminals send Esc then a key quickly as one Alt+key, and dateline
/// binds nothing to Alt, so that becomes Esc followed by the key.
pub fn split_alt(ev: &KeyEvent) -> Vec<KeyEvent> {
    if ev.modifiers.contains(KeyModifiers::ALT) {
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
    if let Some(bd) = state.keymap.lookup(&modes, key) {
        return Some(bd.action.clone());
    }
    match (modes.first(), key) {
        (
            Some(Mode::Finder),
            Key {
                code: KeyCode::Char(c),
                ctrl: false,
            },
        ) => Some(Action::SearchInput(c)),
        (
            Some(Mode::Line),
            Key {
                code: KeyCode::Char(c),
                ctrl: false,
            },
        ) => Some(Action::PromptInput(c)),
        _ => None,
    }
}

/// Footer hints for the current mode: "Enter read · j/k move · …", from the bindings in force.
pub fn hints(state: &State) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    for mode in active_modes(state) {
        for bd in state.keymap.bindings.iter().filter(|bd| bd.mode == mode) {
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
    let a = super::nav::layout(state);
    if ev.kind == MouseEventKind::Down(MouseButton::Left)
        && a.histogram
            .contains(ratatui::layout::Position::new(ev.column, ev.row))
    {
        return Some(Action::ClickHistogram(ev.column - a.histogram.x));
    }
    let pane = a.pane_at(ev.column, ev.row)?;
    let area: Rect = a.of(pane);
    match ev.kind {
        MouseEventKind::ScrollDown => Some(Action::ScrollPane(pane, 3)),
        MouseEventKind::ScrollUp => Some(Action::ScrollPane(pane, -3)),
        MouseEventKind::Down(MouseButton::Left) => {
            let top = inner(area).y;
            Some(match ev.row.checked_sub(top) {
                Some(row) if ev.row < inner(area).bottom() => Action::ClickPane(pane, row),
                _ => Action::FocusPane(pane),
            })
        }
        _ => None,
    }
}
