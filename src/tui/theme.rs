//! Styles, in colour or (NO_COLOR) with modifiers only: selection stays visible either way. The
//! colours come from a palette the config file's `[theme]` can change.

use ratatui::style::{Color, Modifier, Style};

/// The colour of each role; `[theme]` in the config file sets any of them by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    pub heading: Color,
    pub dim: Color,
    pub border: Color,
    pub focus_border: Color,
    pub planned: Color,
    pub date: Color,
    pub actor: Color,
    pub time: Color,
    pub quote: Color,
    pub selected_idle: Color,
    pub sentence: Color,
    pub matched: Color,
    pub bar: Color,
    pub warning: Color,
    pub key: Color,
}

impl Default for Palette {
    fn default() -> Self {
        Palette {
            heading: Color::Yellow,
            dim: Color::DarkGray,
            border: Color::DarkGray,
            focus_border: Color::Cyan,
            planned: Color::Green,
            date: Color::Cyan,
            actor: Color::LightBlue,
            time: Color::Yellow,
            quote: Color::Magenta,
            selected_idle: Color::DarkGray,
            sentence: Color::Rgb(40, 40, 60),
            matched: Color::LightYellow,
            bar: Color::Blue,
            warning: Color::LightRed,
            key: Color::Cyan,
        }
    }
}

impl Palette {
    /// The role names of `[theme]`, for the config file and its documentation.
    pub const ROLES: [&'static str; 15] = [
        "heading",
        "dim",
        "border",
        "focus_border",
        "planned",
        "date",
        "actor",
        "time",
        "quote",
        "selected_idle",
        "sentence",
        "matched",
        "bar",
        "warning",
        "key",
    ];

    /// Sets role `name` to `color` (a name such as `light-blue`, `#rrggbb`, or an index 0–255).
    pub fn set(&mut self, name: &str, color: &str) -> Result<(), String> {
        let c: Color = color
            .trim()
            .parse()
            .map_err(|_| format!("{color:?} is not a colour (a name, #rrggbb or 0-255)"))?;
        let slot = match name {
            "heading" => &mut self.heading,
            "dim" => &mut self.dim,
            "border" => &mut self.border,
            "focus_border" => &mut self.focus_border,
            "planned" => &mut self.planned,
            "date" => &mut self.date,
            "actor" => &mut self.actor,
            "time" => &mut self.time,
            "quote" => &mut self.quote,
            "selected_idle" => &mut self.selected_idle,
            "sentence" => &mut self.sentence,
            "matched" => &mut self.matched,
            "bar" => &mut self.bar,
            "warning" => &mut self.warning,
            "key" => &mut self.key,
            _ => return Err(format!("no colour role {name:?}")),
        };
        *slot = c;
        Ok(())
    }
}

#[derive(Clone, Copy, Debug, Default)]
pub struct Theme {
    pub color: bool,
    pub palette: Palette,
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        Theme {
            color,
            palette: Palette::default(),
        }
    }

    fn pick(&self, colored: Style, plain: Style) -> Style {
        if self.color { colored } else { plain }
    }

    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The selection in a pane without focus: without colours, reverse video too (an underline
    /// alone disappears on many terminals); the focused pane is the one with the thick border.
    pub fn selected_idle(&self) -> Style {
        self.pick(
            Style::new().bg(self.palette.selected_idle),
            Style::new().add_modifier(Modifier::REVERSED),
        )
    }

    pub fn heading(&self) -> Style {
        self.pick(
            Style::new()
                .fg(self.palette.heading)
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    pub fn dim(&self) -> Style {
        self.pick(
            Style::new().fg(self.palette.dim),
            Style::new().add_modifier(Modifier::DIM),
        )
    }

    pub fn border(&self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new()
                .fg(self.palette.focus_border)
                .add_modifier(Modifier::BOLD),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, true) => Style::new().fg(self.palette.border),
            (false, false) => Style::new(),
        }
    }

    pub fn planned(&self) -> Style {
        self.pick(
            Style::new().fg(self.palette.planned),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    pub fn date(&self) -> Style {
        self.pick(Style::new().fg(self.palette.date), Style::new())
    }

    pub fn actor(&self) -> Style {
        self.pick(
            Style::new().fg(self.palette.actor),
            Style::new().add_modifier(Modifier::UNDERLINED),
        )
    }

    pub fn time(&self) -> Style {
        self.pick(
            Style::new().fg(self.palette.time),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// A sub-event's time: a date of the sentence's parts, not of its event.
    pub fn sub_time(&self) -> Style {
        self.pick(
            Style::new()
                .fg(self.palette.time)
                .add_modifier(Modifier::ITALIC),
            Style::new().add_modifier(Modifier::ITALIC),
        )
    }

    pub fn quote(&self) -> Style {
        self.pick(
            Style::new()
                .fg(self.palette.quote)
                .add_modifier(Modifier::ITALIC),
            Style::new().add_modifier(Modifier::ITALIC),
        )
    }

    /// The passage being read: the quote jumped to.
    pub fn focus_quote(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Black).bg(self.palette.quote),
            Style::new().add_modifier(Modifier::REVERSED | Modifier::ITALIC),
        )
    }

    /// The event sentence being read.
    pub fn sentence(&self) -> Style {
        self.pick(
            Style::new()
                .bg(self.palette.sentence)
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// Characters a search matched (the finder's letters, the full-text search's words).
    pub fn matched(&self) -> Style {
        self.pick(
            Style::new()
                .fg(self.palette.matched)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        )
    }

    /// The search match stepped to with `n`.
    pub fn current_match(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Black).bg(self.palette.matched),
            Style::new().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED),
        )
    }

    pub fn bar(&self) -> Style {
        self.pick(Style::new().fg(self.palette.bar), Style::new())
    }

    pub fn warning(&self) -> Style {
        self.pick(
            Style::new().fg(self.palette.warning),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    pub fn key(&self) -> Style {
        self.pick(
            Style::new()
                .fg(self.palette.key)
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }
}
