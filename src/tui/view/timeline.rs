//! The timeline pane: events in date order under month (or year, decade, century) headings, one
//! line each, with the outlet when the articles come from more than one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::super::action::Pane;
use super::super::format::{
    basis_mark, count, ellipsize, fit, head, one_line, status_mark, str_width, when_label,
};
use super::super::index::Breadth;
use super::super::state::{Overlay, State, TimelineRow};
use super::super::theme::Theme;
use super::{highlight_matches, paint_row, pane_block, row_style, scrollbar};
use crate::model::Status;

/// The date column fits the widest visible label ("Nov 20" … "Oct 21–Nov 20") within these bounds.
const DATE_MIN: usize = 6;
const DATE_MAX: usize = 13;
/// The outlet column, when shown.
const OUTLET_MAX: usize = 14;

pub struct TimelineView<'a> {
    pub state: &'a State,
    pub theme: Theme,
}

impl Widget for TimelineView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.state;
        let t = self.theme;
        let shown = s.shown_events;
        let rows_total = s.timeline_rows.len() - s.timeline_rows.headings.len();
        let mut detail = if s.loading.is_some() {
            String::new()
        } else if s.happenings_view {
            format!(
                "{} · {}",
                count(rows_total, "happening", "happenings"),
                count(shown, "report", "reports")
            )
        } else if s.filters.is_empty() {
            count(shown, "event", "events")
        } else if s.text_pending() {
            "indexing the text for search…".to_string()
        } else {
            format!("{shown} of {} events", s.data.corpus.events.len())
        };
        if shown > 0 && s.selected_event().is_some() {
            detail.push_str(&format!(
                " · row {} of {rows_total}",
                s.timeline_rows.event_number(s.timeline.selected)
            ));
        }
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
            } else if s.text_pending() {
                // Not "no match": the search has not run yet.
                " indexing the text for search… the matches show when it is done"
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
        let c = &s.data.corpus;
        // In the happenings view a row stands for its happening: its agreed date, its label
        // sentence and how many articles report it.
        let happening = |e: crate::ids::EventId| {
            s.happenings_view
                .then(|| c.happenings.of_event(e).and_then(|h| c.happenings.get(h)))
                .flatten()
        };
        let when_of = |e: crate::ids::EventId| match happening(e) {
            Some(h) => &h.when,
            None => &c.events[e].when,
        };
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
                    let w = when_of(*e);
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
        // The outlet column appears when the articles come from more than one source and
        // there is room for the sentence beside it.
        let outlet_width = if s.data.outlets > 1 && width >= 70 {
            visible()
                .filter_map(|(_, r)| match r {
                    TimelineRow::Event(e) => c.documents[c.events[*e].doc()]
                        .source
                        .as_deref()
                        .map(|o| str_width(&one_line(o))),
                    TimelineRow::Heading(..) => None,
                })
                .max()
                .unwrap_or(0)
                .min(OUTLET_MAX)
        } else {
            0
        };
        let query = s.text_query();
        let window_days = s.window().map(|(a, b)| (b - a).num_days() + 1);
        for (y, (i, row)) in (inner.y..inner.bottom()).zip(visible()) {
            let line_area = Rect::new(inner.x, y, inner.width, 1);
            match row {
                TimelineRow::Heading(h, n) => {
                    let mut spans = vec![
                        Span::styled(ellipsize(h, width), t.heading()),
                        Span::styled(format!(" · {n}"), t.dim()),
                    ];
                    let breadth = s.timeline_rows.breadth(i);
                    if breadth != Breadth::Month {
                        let wider = window_days.is_some_and(|d| d + 1 < breadth.days());
                        spans.push(Span::styled(
                            if wider {
                                " · dated by the whole period, wider than the window"
                            } else {
                                " · dated by the whole period"
                            },
                            t.dim(),
                        ));
                    }
                    Line::from(spans).render(line_area, buf);
                }
                TimelineRow::Event(e) => {
                    let hap = happening(*e);
                    let ev = &c.events[hap.map_or(*e, |h| h.label)];
                    let when = when_of(*e);
                    let doc = c.documents.get(ev.doc());
                    let text = doc.map_or("", |d| ev.span().slice(&d.text));
                    let status = status_mark(ev.status);
                    let outlet_cols = if outlet_width > 0 {
                        outlet_width + 1
                    } else {
                        0
                    };
                    let times = match hap {
                        Some(h) if h.reports > 1 => format!("×{} ", h.reports),
                        _ => String::new(),
                    };
                    let prefix_width = 1 + 2 + date_width + 1 + outlet_cols + 2 + str_width(&times);
                    let room = width.saturating_sub(prefix_width);
                    // Only what fits is prepared: a 50 MB sentence costs what a short one does.
                    let shown_text = head(text, room * 4 + 16);
                    let sentence = ellipsize(&one_line(shown_text), room);
                    let status_style = match ev.status {
                        Status::Planned | Status::Ongoing => t.planned(),
                        _ => t.dim(),
                    };
                    let mut spans = vec![
                        Span::raw(" "),
                        Span::styled(format!("{} ", basis_mark(when.basis)), t.dim()),
                        Span::styled(
                            fit(
                                &when_label(when.earliest, when.latest, c.when_value(when)),
                                date_width,
                            ),
                            t.date(),
                        ),
                        Span::raw(" "),
                    ];
                    if outlet_width > 0 {
                        let outlet = doc.and_then(|d| d.source.as_deref()).unwrap_or("");
                        spans.push(Span::styled(
                            fit(&one_line(outlet), outlet_width) + " ",
                            t.dim(),
                        ));
                    }
                    spans.push(Span::styled(format!("{status} "), status_style));
                    if !times.is_empty() {
                        spans.push(Span::styled(times, t.heading()));
                    }
                    spans.extend(highlight_matches(&sentence, query.as_deref(), t));
                    Line::from(spans).render(line_area, buf);
                    if i == s.timeline.selected {
                        paint_row(buf, inner, y, row_style(t, true, focused));
                    }
                }
            }
        }
    }
}
