//! The top: a title line with corpus counts, and the events-per-period histogram.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Gauge, Widget};

use super::super::format::{count, month_short, str_width};
use super::super::histogram::{Bars, bars};
use super::super::state::State;
use super::super::theme::Theme;

pub struct TitleView<'a> {
    pub state: &'a State,
    pub theme: Theme,
}

impl Widget for TitleView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.state;
        let t = self.theme;
        let mut spans = vec![Span::styled(
            " dateline ",
            t.key().add_modifier(Modifier::REVERSED),
        )];
        if s.loading.is_some() {
            spans.push(Span::raw(" reading articles…"));
        } else {
            let c = &s.data.corpus;
            let mut parts = vec![
                count(c.documents.len(), "article", "articles"),
                count(c.events.len(), "event", "events"),
                count(s.data.people, "person", "people"),
                count(s.data.spoken_quotes, "quote", "quotes"),
            ];
            // The bulk of the dates, as the histogram shows them; a stray "1st century" or "2100"
            // would otherwise make every archive read "Jan 0 → Dec 2100".
            if let Some((a, b)) = s.data.histogram_range {
                let (before, after) = s.data.outside;
                let mut range = format!("{} → {}", month_short(a), month_short(b));
                match (before, after) {
                    (0, 0) => {}
                    (n, 0) => range.push_str(&format!(" (+{n} before)")),
                    (0, n) => range.push_str(&format!(" (+{n} after)")),
                    (n, m) => range.push_str(&format!(" (+{n} before, {m} after)")),
                }
                parts.push(range);
            }
            // On a narrow terminal a part that does not fit whole is left out, never cut.
            let mut room = usize::from(area.width).saturating_sub(str_width(" dateline "));
            let mut shown: Vec<String> = Vec::new();
            for p in parts {
                let w = str_width(&p) + if shown.is_empty() { 1 } else { 3 };
                if w <= room {
                    room -= w;
                    shown.push(p);
                }
            }
            spans.push(Span::raw(format!(" {}", shown.join(" · "))));
        }
        Line::from(spans).render(area, buf);
    }
}

pub struct HistogramView<'a> {
    pub state: &'a State,
    pub theme: Theme,
}

const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

impl Widget for HistogramView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.state;
        let t = self.theme;
        if let Some(p) = s.loading {
            let ratio = if p.total == 0 {
                0.0
            } else {
                p.done as f64 / p.total as f64
            };
            let label = if p.total == 0 {
                "reading files…".to_string()
            } else {
                format!("extracting {} / {} articles", p.done, p.total)
            };
            Gauge::default()
                .gauge_style(t.bar())
                .ratio(ratio.clamp(0.0, 1.0))
                .label(label)
                .render(Rect { height: 1, ..area }, buf);
            return;
        }
        let (Some((first, last)), Some(geo)) = (s.data.histogram_range, bars(&s.data, area.width))
        else {
            Line::styled(" no dated events", t.dim()).render(area, buf);
            return;
        };
        let Bars {
            left,
            right,
            per,
            widen,
            cols,
            ..
        } = &geo;
        let widen = *widen;
        let max = cols.iter().copied().max().unwrap_or(0).max(1);
        let group = geo.group;
        let column_of = |d| geo.column_of(&s.data, d);
        let selected = s
            .selected_event()
            .and_then(|e| s.data.corpus.events[e].when.earliest)
            .map(column_of);
        let window = s
            .window()
            .map(|(a, b)| (column_of(a.max(first)), column_of(b.min(last))));
        let mut top = vec![Span::styled(left.clone(), t.dim())];
        let mut marks = String::new();
        for (i, &n) in cols.iter().enumerate() {
            let glyph = if n == 0 {
                LEVELS[0]
            } else {
                LEVELS[(1 + n * 6 / max).min(7)]
            };
            let in_window = window.is_some_and(|(a, b)| a <= i && i <= b);
            // Under filters, periods holding shown events stand out from the rest.
            let shown = s.filters.is_empty()
                || s.shown_per_period
                    .get(i * group..((i + 1) * group).min(s.shown_per_period.len()))
                    .is_some_and(|c| c.iter().any(|&n| n > 0));
            let style = match (Some(i) == selected, n == 0) {
                (true, _) => t.selected(),
                (false, true) => t.dim(),
                _ if !shown => t.dim(),
                _ if in_window || !s.filters.is_empty() => t.heading(),
                _ => t.bar(),
            };
            top.push(Span::styled(glyph.to_string().repeat(widen), style));
            let m = match (Some(i) == selected, in_window) {
                (true, _) => '▲',
                (false, true) => '━',
                _ => ' ',
            };
            marks.extend(std::iter::repeat_n(m, widen));
        }
        top.push(Span::styled(right, t.dim()));
        top.push(Span::styled(per, t.dim()));
        Line::from(top).render(Rect { height: 1, ..area }, buf);
        if area.height > 1 {
            let pad = " ".repeat(str_width(left));
            Line::from(vec![Span::raw(pad), Span::styled(marks, t.heading())]).render(
                Rect {
                    y: area.y + 1,
                    height: 1,
                    ..area
                },
                buf,
            );
        }
    }
}
