//! Views: short-lived widgets that borrow the state and draw it; they never change it.

mod header;
mod lists;
mod popup;
mod source;
mod status;
mod timeline;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, BorderType, Borders, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState,
    StatefulWidget, Widget, Wrap,
};

use super::action::Pane;
use super::layout::{MIN_HEIGHT, MIN_WIDTH, too_small};
use super::nav::layout;
use super::state::{Overlay, State};
use super::theme::Theme;
use crate::text::fold;

pub use lists::{ActorsView, QuotesView, TopicsView, strip_marks};
pub use popup::{HelpView, ProblemsView, SearchView};
pub use popup::{help_groups, help_height, help_lines, popup_rows, problems_height};
pub use source::SourceView;
pub use timeline::TimelineView;

/// The whole screen.
pub struct Screen<'a> {
    pub state: &'a State,
}

impl<'a> Screen<'a> {
    pub fn new(state: &'a State) -> Self {
        Screen { state }
    }
}

impl Widget for Screen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.state;
        let theme = Theme {
            color: s.theme.color && s.color,
            ..s.theme
        };
        if too_small(area.width, area.height) {
            let msg = format!(
                "dateline needs at least {MIN_WIDTH}×{MIN_HEIGHT}; this terminal is {}×{}.\nEnlarge it, or press q to quit.",
                area.width, area.height
            );
            Paragraph::new(msg)
                .alignment(Alignment::Center)
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        let a = layout(s);
        header::TitleView { state: s, theme }.render(a.title, buf);
        header::HistogramView { state: s, theme }.render(a.histogram, buf);
        // Panes folded away on a small terminal have no area and are not drawn.
        let shown = |r: Rect| r.width > 2 && r.height > 2;
        if shown(a.timeline) {
            TimelineView { state: s, theme }.render(a.timeline, buf);
        }
        if shown(a.actors) {
            ActorsView { state: s, theme }.render(a.actors, buf);
        }
        if shown(a.topics) {
            TopicsView { state: s, theme }.render(a.topics, buf);
        }
        if shown(a.quotes) {
            QuotesView { state: s, theme }.render(a.quotes, buf);
        }
        if shown(a.source) {
            SourceView { state: s, theme }.render(a.source, buf);
        }
        status::StatusView { state: s, theme }.render(a.status, buf);
        status::HintsView { state: s, theme }.render(a.hints, buf);
        match &s.overlay {
            Overlay::None | Overlay::Prompt(_) => {}
            Overlay::Help(_) => HelpView { state: s, theme }.render(area, buf),
            Overlay::Problems(_) => ProblemsView { state: s, theme }.render(area, buf),
            Overlay::Search(search, purpose) => SearchView {
                state: s,
                search,
                purpose: *purpose,
                theme,
            }
            .render(area, buf),
        }
    }
}

/// `text` (a display line) in pieces, the matches of the folded `query` in the match style.
pub(crate) fn highlight_matches<'a>(text: &str, query: Option<&str>, t: Theme) -> Vec<Span<'a>> {
    let Some(q) = query.filter(|q| !q.is_empty()) else {
        return vec![Span::raw(text.to_string())];
    };
    // The folded line, and for each folded byte the display byte of the char it came from.
    let (folded, origin): (String, Vec<usize>) = if text.is_ascii() {
        (text.to_ascii_lowercase(), (0..=text.len()).collect())
    } else {
        let mut f = String::with_capacity(text.len());
        let mut o = Vec::with_capacity(text.len() + 1);
        for (i, c) in text.char_indices() {
            let mut b = [0u8; 4];
            let piece = fold(c.encode_utf8(&mut b));
            o.extend(std::iter::repeat_n(i, piece.len()));
            f.push_str(&piece);
        }
        o.push(text.len());
        (f, o)
    };
    let mut out = Vec::new();
    let mut at = 0;
    for m in memchr::memmem::find_iter(folded.as_bytes(), q.as_bytes()) {
        let (a, b) = (origin[m], origin[(m + q.len()).min(origin.len() - 1)]);
        if a < at || b <= a {
            continue;
        }
        if a > at {
            out.push(Span::raw(text[at..a].to_string()));
        }
        out.push(Span::styled(text[a..b].to_string(), t.matched()));
        at = b;
    }
    if at < text.len() {
        out.push(Span::raw(text[at..].to_string()));
    }
    out
}

/// A pane's border with its number, name and a detail ("21 events").
pub(crate) fn pane_block<'a>(s: &State, theme: Theme, pane: Pane, detail: String) -> Block<'a> {
    let focused = s.focus == pane && matches!(s.overlay, Overlay::None);
    let mut title = vec![
        Span::styled(format!(" {} ", pane.number()), theme.key()),
        Span::styled(format!("{} ", pane.title()), theme.border(focused)),
    ];
    if !detail.is_empty() {
        title.push(Span::styled(format!("· {detail} "), theme.dim()));
    }
    Block::new()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(theme.border(focused))
        .title(Line::from(title))
}

/// The style of a list row: selected (focused or not) or plain.
pub(crate) fn row_style(theme: Theme, selected: bool, focused: bool) -> Style {
    match (selected, focused) {
        (true, true) => theme.selected(),
        (true, false) => theme.selected_idle(),
        _ => Style::new(),
    }
}

/// Fills a row with `style` so a selection reads as a bar across the pane.
pub(crate) fn paint_row(buf: &mut Buffer, area: Rect, y: u16, style: Style) {
    buf.set_style(Rect::new(area.x, y, area.width, 1), style);
}

/// A scroll thumb on a pane's right border when its `total` rows do not fit in `visible`.
pub(crate) fn scrollbar(buf: &mut Buffer, pane: Rect, total: usize, offset: usize, visible: usize) {
    if total <= visible || pane.height < 3 {
        return;
    }
    let mut state = ScrollbarState::new(total - visible + 1)
        .position(offset)
        .viewport_content_length(visible);
    Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .track_symbol(None)
        .thumb_symbol("█")
        .render(pane.inner(Margin::new(0, 1)), buf, &mut state);
}
