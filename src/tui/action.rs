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

    pub const fn key_name(self) -> &'static str {
        match self {
            Pane::Timeline => "timeline",
            Pane::Actors => "actors",
            Pane::Topics => "topics",
            Pane::Quotes => "quotes",
            Pane::Source => "source",
        }
    }

    pub fn next(self) -> Pane {
        Pane::ALL[self.number() % 5]
    }

    pub fn prev(self) -> Pane {
        Pane::ALL[(self.number() + 3) % 5]
    }
}

/// Everything that can happen to the state. Keys map to these through `keymap::Keymap`; the
/// mouse, the loader and the terminal produce the last few.
#[derive(Clone, Debug)]
pub enum Action {
    MoveUp,
    MoveDown,
    MoveTop,
    MoveBottom,
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    NextPane,
    PrevPane,
    FocusPane(Pane),
    /// Event or quote: push a view reading its passage in the source pane.
    OpenSelected,
    /// Actor or topic: narrow the timeline to it (toggles).
    FilterToSelected,
    /// Actor: narrow to the quotes this actor said (toggles).
    FilterSpeaker,
    /// Drop the most recent filter.
    ClearFilter,
    /// Pop the view stack; in the main view, drop the most recent filter.
    Back,
    /// Pop the view stack; in the main view, quit.
    QuitView,
    Quit,
    NextMatch,
    PrevMatch,
    NextQuote,
    PrevQuote,
    WindowBack,
    WindowForward,
    /// Full-text search line (`/`).
    OpenTextSearch,
    /// The fuzzy actor finder.
    OpenSearch,
    /// The `:` command line.
    OpenCommand,
    ToggleHelp,
    /// List input problems and articles without a date.
    ShowProblems,
    /// The focused pane takes the whole screen (again: back).
    ToggleMaximise,
    /// Small terminals: show the next side pane.
    CycleSide,
    /// Open the article's URL (or file) with the system opener.
    OpenLink,
    /// Copy the selected quote or event as a citation (OSC 52).
    CopyCitation,
    /// Actor: say it is the same person as another (chosen in the finder).
    MergeActor,
    /// Actor: say it is not a person.
    NotAPerson,
    /// The timeline lists happenings (one row each, `×N` reports) or every report.
    ToggleHappenings,
    /// Only the most reported happenings (again: all).
    ToggleSalient,
    // In the finder popup.
    CloseSearch,
    SearchUp,
    SearchDown,
    SearchDeleteChar,
    AcceptSearch,
    AcceptSearchSpeaker,
    // In the search and command lines.
    PromptAccept,
    PromptCancel,
    PromptDeleteChar,
    PromptClear,
    PromptComplete,
    PromptHistoryUp,
    PromptHistoryDown,
    // In the help and problems popups.
    ClosePopup,
    /// Typed text in the finder (any printable key there).
    SearchInput(char),
    /// Typed text in the search or command line.
    PromptInput(char),
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
    /// The full-text index, built after the first frame, is ready: a search waiting runs.
    TextReady,
    /// The outcome of an effect (a file written, a link opened) for the status line.
    Note(String),
}

/// The name of every key action in the config file's `[keys]` table, with the action.
pub fn named_actions() -> Vec<(&'static str, Action)> {
    use Action as A;
    let mut v = vec![
        ("move_up", A::MoveUp),
        ("move_down", A::MoveDown),
        ("top", A::MoveTop),
        ("bottom", A::MoveBottom),
        ("page_up", A::PageUp),
        ("page_down", A::PageDown),
        ("half_page_up", A::HalfPageUp),
        ("half_page_down", A::HalfPageDown),
        ("next_pane", A::NextPane),
        ("prev_pane", A::PrevPane),
        ("open", A::OpenSelected),
        ("filter", A::FilterToSelected),
        ("filter_speaker", A::FilterSpeaker),
        ("clear_filter", A::ClearFilter),
        ("back", A::Back),
        ("quit_view", A::QuitView),
        ("quit", A::Quit),
        ("next_match", A::NextMatch),
        ("prev_match", A::PrevMatch),
        ("next_quote", A::NextQuote),
        ("prev_quote", A::PrevQuote),
        ("window_back", A::WindowBack),
        ("window_forward", A::WindowForward),
        ("search_text", A::OpenTextSearch),
        ("find_actor", A::OpenSearch),
        ("command", A::OpenCommand),
        ("help", A::ToggleHelp),
        ("problems", A::ShowProblems),
        ("maximise", A::ToggleMaximise),
        ("cycle_side", A::CycleSide),
        ("open_link", A::OpenLink),
        ("copy", A::CopyCitation),
        ("merge_actor", A::MergeActor),
        ("not_a_person", A::NotAPerson),
        ("happenings", A::ToggleHappenings),
        ("key_happenings", A::ToggleSalient),
        ("finder_close", A::CloseSearch),
        ("finder_up", A::SearchUp),
        ("finder_down", A::SearchDown),
        ("finder_delete", A::SearchDeleteChar),
        ("finder_accept", A::AcceptSearch),
        ("finder_accept_speaker", A::AcceptSearchSpeaker),
        ("line_accept", A::PromptAccept),
        ("line_cancel", A::PromptCancel),
        ("line_delete", A::PromptDeleteChar),
        ("line_clear", A::PromptClear),
        ("line_complete", A::PromptComplete),
        ("line_history_up", A::PromptHistoryUp),
        ("line_history_down", A::PromptHistoryDown),
        ("close_popup", A::ClosePopup),
    ];
    for p in Pane::ALL {
        v.push((
            match p {
                Pane::Timeline => "focus_timeline",
                Pane::Actors => "focus_actors",
                Pane::Topics => "focus_topics",
                Pane::Quotes => "focus_quotes",
                Pane::Source => "focus_source",
            },
            A::FocusPane(p),
        ));
    }
    v
}

impl Action {
    /// Every action a key can trigger, so tests can check each has a binding and a help line.
    pub fn key_actions() -> Vec<Action> {
        named_actions().into_iter().map(|(_, a)| a).collect()
    }

    /// The config file's name of a key action.
    pub fn name(&self) -> Option<&'static str> {
        named_actions()
            .into_iter()
            .find(|(_, a)| a.same(self))
            .map(|(n, _)| n)
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
            | Action::HalfPageUp
            | Action::HalfPageDown
            | Action::NextPane
            | Action::PrevPane
            | Action::FocusPane(_)
            | Action::OpenSelected
            | Action::FilterToSelected
            | Action::FilterSpeaker
            | Action::ClearFilter
            | Action::Back
            | Action::QuitView
            | Action::Quit
            | Action::NextMatch
            | Action::PrevMatch
            | Action::NextQuote
            | Action::PrevQuote
            | Action::WindowBack
            | Action::WindowForward
            | Action::OpenTextSearch
            | Action::OpenSearch
            | Action::OpenCommand
            | Action::ToggleHelp
            | Action::ShowProblems
            | Action::ToggleMaximise
            | Action::CycleSide
            | Action::OpenLink
            | Action::CopyCitation
            | Action::MergeActor
            | Action::NotAPerson
            | Action::ToggleHappenings
            | Action::ToggleSalient
            | Action::CloseSearch
            | Action::SearchUp
            | Action::SearchDown
            | Action::SearchDeleteChar
            | Action::AcceptSearch
            | Action::AcceptSearchSpeaker
            | Action::PromptAccept
            | Action::PromptCancel
            | Action::PromptDeleteChar
            | Action::PromptClear
            | Action::PromptComplete
            | Action::PromptHistoryUp
            | Action::PromptHistoryDown
            | Action::ClosePopup => true,
            Action::SearchInput(_)
            | Action::PromptInput(_)
            | Action::ScrollPane(..)
            | Action::ClickPane(..)
            | Action::ClickHistogram(_)
            | Action::Resize(..)
            | Action::LoadProgress(..)
            | Action::Loaded(_)
            | Action::LoadFailed(_)
            | Action::TextReady
            | Action::Note(_) => false,
        }
    }

    /// Equality on the key-bindable part (the loaded data is not comparable).
    pub fn same(&self, other: &Action) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
            && match (self, other) {
                (Action::FocusPane(a), Action::FocusPane(b)) => a == b,
                (Action::SearchInput(a), Action::SearchInput(b)) => a == b,
                (Action::PromptInput(a), Action::PromptInput(b)) => a == b,
                _ => true,
            }
    }
}
