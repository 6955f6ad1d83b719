//! The two bottom lines: filters, counts and warnings; then key hints from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::super::format::{count, ellipsize};
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
            let events = s
                .timeline_rows
                .iter()
                .filter(|r| matches!(r, super::super::state::TimelineRow::Event(_)))
                .count();
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
        for (keys, label) in hints(self.state) {
            let w = keys.chars().count() + label.chars().count() + 3;
            if used + w > usize::from(area.width) {
                break;
            }
            used += w;
            spans.push(Span::styled(keys, self.theme.key()));
            spans.push(Span::raw(format!(" {}   ", ellipsize(label, 20))));
        }
        Line::from(spans).render(area, buf);
    }
}
