//! The browser's vocabulary: panes and the actions that `update` applies to the state.

use super::data::Data;

/// The five panes, in Tab order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Pane {
    #[default]
    Timeline,
    Actors,
    Topics,
    Quotes,
    Source,
}

impl Pane {
    pub const ALL: [Pane; 5] = [
        Pane::Timeline,
        Pane::Actors,
        Pane::Topics,
        Pane::Quotes,
        Pane::Source,
    ];

    pub const fn number(self) -> usize {
        match self {
            Pane::Timeline => 1,
            Pane::Actors => 2,
            Pane::Topics => 3,
            Pane::Quotes => 4,
            Pane::Source => 5,
        }
    }

    pub const fn title(self) -> &'static str {
        match self {
            Pane::Timeline => "Timeline",
            Pane::Actors => "Actors",
            Pane::Topics => "Topics",
            Pane::Quotes => "Quotes",
            Pane::Source => "Source",
        }
    }

    pub fn next(self) -> Pane {
        Pane::ALL[self.number() % 5]
    }

    pub fn prev(self) -> Pane {
        Pane::ALL[(self.number() + 3) % 5]
    }
}

/// Everything that can happen to the state. Keys map to these through `keymap::BINDINGS`;
/// the mouse, the loader and the terminal produce the last few.
#[derive(Clone, Debug)]
pub enum Action {
    MoveUp,
    MoveDown,
    MoveTop,
    MoveBottom,
    PageUp,
    PageDown,
    NextPane,
    PrevPane,
    FocusPane(Pane),
    /// Event or quote: show its passage in the source pane and focus it.
    OpenSelected,
    /// Actor or topic: narrow the timeline to it (toggles).
    FilterToSelected,
    /// Drop the most recent filter.
    ClearFilter,
    NextQuote,
    PrevQuote,
    WindowBack,
    WindowForward,
    OpenSearch,
    CloseSearch,
    SearchUp,
    SearchDown,
    SearchDeleteChar,
    AcceptSearch,
    ToggleHelp,
    /// List input problems and articles without a date.
    ShowProblems,
    ClosePopup,
    Quit,
    /// Typed text in the search popup (any printable key there).
    SearchInput(char),
    /// Mouse wheel over a pane: positive scrolls down.
    ScrollPane(Pane, i16),
    /// Mouse click on the `row`-th line inside a pane's border.
    ClickPane(Pane, u16),
    /// Mouse click on the histogram, `x` cells from its left edge: a time window there (again:
    /// none).
    ClickHistogram(u16),
    Resize(u16, u16),
    LoadProgress(usize, usize),
    Loaded(Box<Data>),
    /// Reading or extraction failed (a bug): the message to show.
    LoadFailed(String),
}

impl Action {
    /// Every action a key can trigger, so tests can check each has a binding and a help line.
    pub fn key_actions() -> Vec<Action> {
        let mut all = vec![
            Action::MoveUp,
            Action::MoveDown,
            Action::MoveTop,
            Action::MoveBottom,
            Action::PageUp,
            Action::PageDown,
            Action::NextPane,
            Action::PrevPane,
            Action::OpenSelected,
            Action::FilterToSelected,
            Action::ClearFilter,
            Action::NextQuote,
            Action::PrevQuote,
            Action::WindowBack,
            Action::WindowForward,
            Action::OpenSearch,
            Action::CloseSearch,
            Action::SearchUp,
            Action::SearchDown,
            Action::SearchDeleteChar,
            Action::AcceptSearch,
            Action::ToggleHelp,
            Action::ShowProblems,
            Action::ClosePopup,
            Action::Quit,
        ];
        all.extend(Pane::ALL.map(Action::FocusPane));
        all
    }

    /// Whether keys trigger this action; exhaustive, so a new variant must be sorted here.
    pub const fn is_key_action(&self) -> bool {
        match self {
            Action::MoveUp
            | Action::MoveDown
            | Action::MoveTop
            | Action::MoveBottom
            | Action::PageUp
            | Action::PageDown
            | Action::NextPane
            | Action::PrevPane
            | Action::FocusPane(_)
            | Action::OpenSelected
            | Action::FilterToSelected
            | Action::ClearFilter
            | Action::NextQuote
            | Action::PrevQuote
            | Action::WindowBack
            | Action::WindowForward
            | Action::OpenSearch
            | Action::CloseSearch
            | Action::SearchUp
            | Action::SearchDown
            | Action::SearchDeleteChar
            | Action::AcceptSearch
            | Action::ToggleHelp
            | Action::ShowProblems
            | Action::ClosePopup
            | Action::Quit => true,
            Action::SearchInput(_)
            | Action::ScrollPane(..)
            | Action::ClickPane(..)
            | Action::ClickHistogram(_)
            | Action::Resize(..)
            | Action::LoadProgress(..)
            | Action::Loaded(_)
            | Action::LoadFailed(_) => false,
        }
    }

    /// Equality on the key-bindable part (the loaded data is not comparable).
    pub fn same(&self, other: &Action) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
            && match (self, other) {
                (Action::FocusPane(a), Action::FocusPane(b)) => a == b,
                (Action::SearchInput(a), Action::SearchInput(b)) => a == b,
                _ => true,
            }
    }
}
