//! Styles, in colour or (NO_COLOR) with modifiers only: selection stays visible either way.

use ratatui::style::{Color, Modifier, Style};

#[derive(Clone, Copy, Debug)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    fn pick(&self, colored: Style, plain: Style) -> Style {
        if self.color { colored } else { plain }
    }

    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The selection in a pane without focus.
    pub fn selected_idle(&self) -> Style {
        self.pick(
            Style::new().bg(Color::DarkGray),
            Style::new().add_modifier(Modifier::UNDERLINED),
        )
    }

    pub fn heading(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    pub fn dim(&self) -> Style {
        self.pick(
            Style::new().fg(Color::DarkGray),
            Style::new().add_modifier(Modifier::DIM),
        )
    }

    pub fn border(&self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, true) => Style::new().fg(Color::DarkGray),
            (false, false) => Style::new(),
        }
    }

    pub fn planned(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Green),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    pub fn date(&self) -> Style {
        self.pick(Style::new().fg(Color::Cyan), Style::new())
    }

    pub fn actor(&self) -> Style {
        self.pick(
            Style::new().fg(Color::LightBlue),
            Style::new().add_modifier(Modifier::UNDERLINED),
        )
    }

    pub fn time(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Yellow),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    pub fn quote(&self) -> Style {
        self.pick(
            Style::new()
                .fg(Color::Magenta)
                .add_modifier(Modifier::ITALIC),
            Style::new().add_modifier(Modifier::ITALIC),
        )
    }

    /// The passage being read: the quote jumped to.
    pub fn focus_quote(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Black).bg(Color::Magenta),
            Style::new().add_modifier(Modifier::REVERSED | Modifier::ITALIC),
        )
    }

    /// The event sentence being read.
    pub fn sentence(&self) -> Style {
        self.pick(
            Style::new()
                .bg(Color::Rgb(40, 40, 60))
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    pub fn matched(&self) -> Style {
        self.pick(
            Style::new()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        )
    }

    pub fn bar(&self) -> Style {
        self.pick(Style::new().fg(Color::Blue), Style::new())
    }

    pub fn warning(&self) -> Style {
        self.pick(
            Style::new().fg(Color::LightRed),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    pub fn key(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }
}
