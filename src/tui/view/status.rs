//! The two bottom lines: filters, counts and warnings; then key hints from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::super::format::{count, str_width};
use super::super::keymap::hints;
use super::super::state::State;
use super::super::theme::Theme;

pub struct StatusView<'a> {
    pub state: &'a State,
    pub theme: Theme,
}

impl Widget for StatusView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.state;
        let t = self.theme;
        let mut spans = Vec::new();
        if s.loading.is_some() {
            spans.push(Span::raw(" loading…"));
        } else {
            let events = s.shown_events;
            if s.filters.is_empty() {
                spans.push(Span::styled(" no filters", t.dim()));
            } else {
                spans.push(Span::raw(" filter: "));
                for (i, f) in s.filters.iter().enumerate() {
                    if i > 0 {
                        spans.push(Span::styled(" + ", t.dim()));
                    }
                    spans.push(Span::styled(s.filter_label(f), t.heading()));
                }
            }
            spans.push(Span::styled(
                format!(
                    " · {} of {} · {}",
                    events,
                    count(s.data.corpus.events.len(), "event", "events"),
                    count(s.quotes.len(), "quote", "quotes")
                ),
                t.dim(),
            ));
            let undated = s.data.corpus.undated_documents();
            if undated > 0 {
                let what = if undated == 1 {
                    "1 article has no publication date".to_string()
                } else {
                    format!("{undated} articles have no publication date")
                };
                spans.push(Span::styled(format!(" · ⚠ {what}"), t.warning()));
            }
            let problems = s.data.corpus.diagnostics.len();
            if problems > 0 {
                spans.push(Span::styled(
                    format!(
                        " · ⚠ {}",
                        count(problems, "input problem", "input problems")
                    ),
                    t.warning(),
                ));
            }
            if undated + problems > 0 {
                spans.push(Span::styled(" (! lists them)", t.dim()));
            }
        }
        if let Some(note) = &s.note {
            spans.push(Span::styled(format!(" · {note}"), t.warning()));
        }
        Line::from(spans).render(area, buf);
    }
}

pub struct HintsView<'a> {
    pub state: &'a State,
    pub theme: Theme,
}

impl Widget for HintsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut spans = vec![Span::raw(" ")];
        let mut used = 1;
        for (i, (keys, label)) in hints(self.state).into_iter().enumerate() {
            let sep = if i == 0 { "" } else { "   " };
            let w = sep.len() + str_width(&keys) + 1 + str_width(label);
            if used + w > usize::from(area.width) {
                break;
            }
            used += w;
            spans.push(Span::raw(sep));
            spans.push(Span::styled(keys, self.theme.key()));
            spans.push(Span::raw(format!(" {label}")));
        }
        Line::from(spans).render(area, buf);
    }
}
