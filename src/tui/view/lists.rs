//! The actors, topics and quotes panes: scrolled lists with counts.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::super::action::Pane;
use super::super::data::ActorRow;
use super::super::format::{count, ellipsize, fit, one_line, str_width};
use super::super::state::{Filter, Overlay, State};
use super::super::theme::Theme;
use super::{paint_row, pane_block, row_style, scrollbar};
use crate::ids::QuoteId;
use crate::model::{ActorKind, QuoteKind};

fn focused(s: &State, pane: Pane) -> bool {
    s.focus == pane && matches!(s.overlay, Overlay::None)
}

fn line_at(inner: Rect, y: u16) -> Rect {
    Rect::new(inner.x, y, inner.width, 1)
}

pub struct ActorsView<'a> {
    pub state: &'a State,
    pub theme: Theme,
}

impl Widget for ActorsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.state;
        let t = self.theme;
        let actors = &s.data.corpus.actors;
        let detail = if actors.is_empty() {
            String::new()
        } else {
            actors.len().to_string()
        };
        let block = pane_block(s, t, Pane::Actors, detail);
        let inner = block.inner(area);
        block.render(area, buf);
        let shown = usize::from(inner.height);
        scrollbar(buf, area, s.data.actor_rows.len(), s.actors.offset, shown);
        if s.loading.is_none() && actors.is_empty() {
            Line::styled(" no actors found", t.dim()).render(inner, buf);
            return;
        }
        let width = usize::from(inner.width);
        let name_w = (width * 11 / 20).clamp(8, 24);
        let rows = s.data.actor_rows.iter().enumerate().skip(s.actors.offset);
        for (y, (i, row)) in (inner.y..inner.bottom()).zip(rows) {
            match *row {
                ActorRow::Heading(kind) => {
                    let n = ActorKind::ALL
                        .iter()
                        .position(|k| *k == kind)
                        .and_then(|i| s.data.index.kind_counts.get(i))
                        .copied()
                        .unwrap_or(0);
                    Line::from(vec![
                        Span::styled(kind.plural_label(), t.heading()),
                        Span::styled(format!(" {n}"), t.dim()),
                    ])
                    .render(line_at(inner, y), buf);
                }
                ActorRow::Actor(a) => {
                    let actor = &actors[a];
                    let mark = if s.filters.contains(&Filter::Actor(a)) {
                        "✓"
                    } else {
                        " "
                    };
                    let mut about: Vec<&str> =
                        actor.roles.iter().map(String::as_str).take(1).collect();
                    about.extend(actor.country.as_deref());
                    let rest = width.saturating_sub(name_w + 6);
                    Line::from(vec![
                        Span::styled(mark, t.planned()),
                        Span::raw(fit(&one_line(&actor.name), name_w)),
                        Span::styled(format!("{:>4} ", actor.mentions.len()), t.date()),
                        Span::styled(ellipsize(&one_line(&about.join(", ")), rest), t.dim()),
                    ])
                    .render(line_at(inner, y), buf);
                    if i == s.actors.selected {
                        paint_row(buf, inner, y, row_style(t, true, focused(s, Pane::Actors)));
                    }
                }
            }
        }
    }
}

pub struct TopicsView<'a> {
    pub state: &'a State,
    pub theme: Theme,
}

impl Widget for TopicsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.state;
        let t = self.theme;
        let topics = &s.data.corpus.topics;
        let detail = if topics.is_empty() {
            String::new()
        } else {
            topics.len().to_string()
        };
        let block = pane_block(s, t, Pane::Topics, detail);
        let inner = block.inner(area);
        block.render(area, buf);
        let shown = usize::from(inner.height);
        scrollbar(buf, area, s.data.topic_order.len(), s.topics.offset, shown);
        if s.loading.is_none() && topics.is_empty() {
            Line::styled(" no topics found", t.dim()).render(inner, buf);
            return;
        }
        let width = usize::from(inner.width);
        let rows = s.data.topic_order.iter().enumerate().skip(s.topics.offset);
        for (y, (i, &ti)) in (inner.y..inner.bottom()).zip(rows) {
            let topic = &topics[ti];
            let mark = if s.filters.contains(&Filter::Topic(ti)) {
                "✓"
            } else {
                " "
            };
            Line::from(vec![
                Span::styled(mark, t.planned()),
                Span::raw(fit(&one_line(&topic.label), width.saturating_sub(6))),
                Span::styled(format!("{:>4} ", topic.mentions.len()), t.date()),
            ])
            .render(line_at(inner, y), buf);
            if i == s.topics.selected {
                paint_row(buf, inner, y, row_style(t, true, focused(s, Pane::Topics)));
            }
        }
    }
}

pub struct QuotesView<'a> {
    pub state: &'a State,
    pub theme: Theme,
}

impl QuotesView<'_> {
    /// Who said it: the speakers' names, else the words naming them, else "unattributed".
    fn speaker(&self, q: QuoteId) -> String {
        let c = &self.state.data.corpus;
        let quote = &c.quotes[q];
        let names: Vec<&str> = quote
            .speakers()
            .iter()
            .filter_map(|a| c.actors.get(a).map(|a| a.name.as_str()))
            .collect();
        if !names.is_empty() {
            return names.join(", ");
        }
        let text = c.documents.get(quote.doc()).map_or("", |d| d.text.as_str());
        match quote.speaker_span().map(|sp| sp.slice(text)) {
            Some(s) if !s.is_empty() => s.to_string(),
            _ => "unattributed".into(),
        }
    }
}

impl Widget for QuotesView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.state;
        let t = self.theme;
        let detail = if s.loading.is_some() {
            String::new()
        } else if area.width >= 60 {
            format!(
                "{} · — direct  ~ reported",
                count(s.quotes.len(), "quote", "quotes")
            )
        } else {
            count(s.quotes.len(), "quote", "quotes")
        };
        let block = pane_block(s, t, Pane::Quotes, detail);
        let inner = block.inner(area);
        block.render(area, buf);
        let shown = usize::from(inner.height);
        scrollbar(buf, area, s.quotes.len(), s.quote_cursor.offset, shown);
        if s.loading.is_none() && s.quotes.is_empty() {
            Line::styled(" no quotes here", t.dim()).render(inner, buf);
            return;
        }
        let width = usize::from(inner.width);
        let speaker_w = (width / 3).clamp(8, 24);
        let current_event = s.selected_event();
        let rows = s.quotes.iter().enumerate().skip(s.quote_cursor.offset);
        for (y, (i, &q)) in (inner.y..inner.bottom()).zip(rows) {
            let quote = &s.data.corpus.quotes[q];
            let text = s
                .data
                .corpus
                .documents
                .get(quote.doc())
                .map_or("", |d| quote.span().slice(&d.text));
            let text = one_line(text.trim_matches(['“', '”', '"', '«', '»']));
            let in_event = current_event.is_some() && s.data.quote_event[q] == current_event;
            let (sep, body) = match quote.kind {
                QuoteKind::Direct => (" — ", format!("“{text}”")),
                _ => (" ~ ", text),
            };
            let rest = width.saturating_sub(1 + speaker_w + str_width(sep));
            Line::from(vec![
                Span::styled(if in_event { "•" } else { " " }, t.planned()),
                Span::styled(fit(&one_line(&self.speaker(q)), speaker_w), t.actor()),
                Span::styled(sep, t.dim()),
                Span::styled(ellipsize(&body, rest), t.quote()),
            ])
            .render(line_at(inner, y), buf);
            if i == s.quote_cursor.selected {
                paint_row(buf, inner, y, row_style(t, true, focused(s, Pane::Quotes)));
            }
        }
    }
}
