//! The timeline pane: events in date order under month headings, one line each.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::super::action::Pane;
use super::super::format::{
    basis_mark, count, ellipsize, fit, one_line, status_mark, str_width, when_label,
};
use super::super::state::{Overlay, State, TimelineRow};
use super::super::theme::Theme;
use super::{paint_row, pane_block, row_style, scrollbar};
use crate::model::Status;

/// The date column fits the widest visible label ("Nov 20" … "Oct 21–Nov 20") within these bounds.
const DATE_MIN: usize = 6;
const DATE_MAX: usize = 13;

pub struct TimelineView<'a> {
    pub state: &'a State,
    pub theme: Theme,
}

impl Widget for TimelineView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.state;
        let t = self.theme;
        let shown = s.shown_events;
        let detail = if s.loading.is_some() {
            String::new()
        } else if s.filters.is_empty() {
            count(shown, "event", "events")
        } else {
            format!("{shown} of {} events", s.data.corpus.events.len())
        };
        let block = pane_block(s, t, Pane::Timeline, detail);
        let inner = block.inner(area);
        block.render(area, buf);
        let visible_rows = usize::from(inner.height);
        scrollbar(
            buf,
            area,
            s.timeline_rows.len(),
            s.timeline.offset,
            visible_rows,
        );
        if s.loading.is_none() && shown == 0 {
            if let Some(f) = &s.failure {
                let msg = format!(" loading failed: {} · q quits", one_line(f));
                Line::styled(ellipsize(&msg, usize::from(inner.width)), t.warning())
                    .render(inner, buf);
                return;
            }
            let msg = if s.data.corpus.documents.is_empty() {
                " no articles could be read · ! lists the problems"
            } else if s.filters.is_empty() {
                " no events found"
            } else {
                " no events match the filters · Esc removes the last one"
            };
            Line::styled(msg, t.dim()).render(inner, buf);
            return;
        }
        let focused = s.focus == Pane::Timeline && matches!(s.overlay, Overlay::None);
        let width = usize::from(inner.width);
        let visible = || {
            s.timeline_rows
                .iter()
                .enumerate()
                .skip(s.timeline.offset)
                .take(usize::from(inner.height))
        };
        let date_width = visible()
            .filter_map(|(_, r)| match r {
                TimelineRow::Event(e) => {
                    let c = &s.data.corpus;
                    let w = &c.events[*e].when;
                    Some(str_width(&when_label(
                        w.earliest,
                        w.latest,
                        c.when_value(w),
                    )))
                }
                TimelineRow::Heading(..) => None,
            })
            .max()
            .unwrap_or(0)
            .clamp(DATE_MIN, DATE_MAX);
        let rows = visible();
        for (y, (i, row)) in (inner.y..inner.bottom()).zip(rows) {
            let line_area = Rect::new(inner.x, y, inner.width, 1);
            match row {
                TimelineRow::Heading(h, n) => {
                    Line::from(vec![
                        Span::styled(ellipsize(h, width), t.heading()),
                        Span::styled(format!(" · {n}"), t.dim()),
                    ])
                    .render(line_area, buf);
                }
                TimelineRow::Event(e) => {
                    let ev = &s.data.corpus.events[*e];
                    let text = s
                        .data
                        .corpus
                        .documents
                        .get(ev.doc())
                        .map_or("", |d| ev.span().slice(&d.text));
                    let status = status_mark(ev.status);
                    let prefix_width = 1 + 2 + date_width + 1 + 2;
                    let sentence = ellipsize(&one_line(text), width.saturating_sub(prefix_width));
                    let status_style = match ev.status {
                        Status::Planned | Status::Ongoing => t.planned(),
                        _ => t.dim(),
                    };
                    let line = Line::from(vec![
                        Span::raw(" "),
                        Span::styled(format!("{} ", basis_mark(ev.when.basis)), t.dim()),
                        Span::styled(
                            fit(
                                &when_label(
                                    ev.when.earliest,
                                    ev.when.latest,
                                    s.data.corpus.when_value(&ev.when),
                                ),
                                date_width,
                            ),
                            t.date(),
                        ),
                        Span::raw(" "),
                        Span::styled(format!("{status} "), status_style),
                        Span::raw(sentence),
                    ]);
                    line.render(line_area, buf);
                    if i == s.timeline.selected {
                        paint_row(buf, inner, y, row_style(t, true, focused));
                    }
                }
            }
        }
    }
}
