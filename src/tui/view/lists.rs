//! The actors, topics and quotes panes: scrolled lists with counts.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::super::action::Pane;
use super::super::data::ActorRow;
use super::super::format::{count, ellipsize, fit, head, one_line, str_width, when_label};
use super::super::state::{Filter, Overlay, State};
use super::super::theme::Theme;
use super::{highlight_matches, paint_row, pane_block, row_style, scrollbar};
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
            let n = s.data.actor_rows[..s.actors.selected.min(s.data.actor_rows.len())]
                .iter()
                .filter(|r| matches!(r, ActorRow::Actor(_)))
                .count()
                + 1;
            format!("{} · row {n}", actors.len())
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
                    } else if s.filters.contains(&Filter::Speaker(a)) {
                        "“"
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
            format!("{} · row {}", topics.len(), s.topics.selected + 1)
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
        let speaker_filter = s.filters.iter().rev().find_map(|f| match f {
            Filter::Speaker(a) => s.data.corpus.actors.get(*a).map(|a| a.name.as_str()),
            _ => None,
        });
        let mut detail = if s.loading.is_some() {
            String::new()
        } else {
            let mut d = count(s.quotes.len(), "quote", "quotes");
            if let Some(name) = speaker_filter {
                d.push_str(&format!(" said by {}", one_line(name)));
            }
            if !s.quotes.is_empty() {
                d.push_str(&format!(" · row {}", s.quote_cursor.selected + 1));
            }
            d
        };
        let legend = " · — direct  ~ reported";
        if s.loading.is_none()
            && str_width(&detail) + str_width(legend) + 14 <= usize::from(area.width)
        {
            detail.push_str(legend);
        }
        let block = pane_block(s, t, Pane::Quotes, detail);
        let inner = block.inner(area);
        block.render(area, buf);
        let shown = usize::from(inner.height);
        scrollbar(buf, area, s.quotes.len(), s.quote_cursor.offset, shown);
        if s.loading.is_none() && s.quotes.is_empty() {
            let msg = if s.text_pending() {
                " indexing the text for search…"
            } else {
                " no quotes here"
            };
            Line::styled(msg, t.dim()).render(inner, buf);
            return;
        }
        let c = &s.data.corpus;
        let width = usize::from(inner.width);
        let speaker_w = (width / 4).clamp(8, 22);
        // The date of the event that holds the quote (else the article's).
        let date_of = |q: QuoteId| {
            let quote = &c.quotes[q];
            match s.data.quote_event.get(q).copied().flatten() {
                Some(e) => {
                    let w = &c.events[e].when;
                    when_label(w.earliest, w.latest, c.when_value(w))
                }
                None => when_label(c.documents[quote.doc()].published, None, None),
            }
        };
        let rows: Vec<(usize, QuoteId)> = s
            .quotes
            .iter()
            .copied()
            .enumerate()
            .skip(s.quote_cursor.offset)
            .take(shown)
            .collect();
        let date_w = if width >= 50 {
            rows.iter()
                .map(|&(_, q)| str_width(&date_of(q)))
                .max()
                .unwrap_or(0)
                .min(11)
        } else {
            0
        };
        let query = s.text_query();
        let current_event = s.selected_event();
        for (y, (i, q)) in (inner.y..inner.bottom()).zip(rows) {
            let quote = &c.quotes[q];
            let text = c
                .documents
                .get(quote.doc())
                .map_or("", |d| quote.span().slice(&d.text));
            let in_event = current_event.is_some() && s.data.quote_event[q] == current_event;
            let rest = width.saturating_sub(1 + date_w + usize::from(date_w > 0) + speaker_w + 3);
            let text = one_line(head(text, rest * 4 + 16));
            let (sep, body) = match quote.kind {
                // A direct quote is shown in its own marks; a reported one keeps the marks it
                // has, since they quote part of it ("said both sides had shown “genuine will”").
                QuoteKind::Direct => (" — ", format!("“{}”", strip_marks(&text))),
                _ => (" ~ ", text),
            };
            let mut spans = vec![Span::styled(if in_event { "•" } else { " " }, t.planned())];
            if date_w > 0 {
                spans.push(Span::styled(fit(&date_of(q), date_w) + " ", t.date()));
            }
            spans.push(Span::styled(
                fit(&one_line(&self.speaker(q)), speaker_w),
                t.actor(),
            ));
            spans.push(Span::styled(sep, t.dim()));
            let shown_body = ellipsize(&body, rest);
            spans.extend(
                highlight_matches(&shown_body, query.as_deref(), t)
                    .into_iter()
                    .map(|sp| {
                        let style = t.quote().patch(sp.style);
                        sp.style(style)
                    }),
            );
            Line::from(spans).render(line_at(inner, y), buf);
            if i == s.quote_cursor.selected {
                paint_row(buf, inner, y, row_style(t, true, focused(s, Pane::Quotes)));
            }
        }
    }
}

/// A direct quote's text without the one pair of marks around it (and only that pair).
pub fn strip_marks(text: &str) -> &str {
    const OPEN: [char; 4] = ['“', '"', '«', '„'];
    const CLOSE: [char; 4] = ['”', '"', '»', '“'];
    let mut t = text.trim();
    if let Some(rest) = t.strip_prefix(OPEN) {
        t = rest;
        if let Some(rest) = t.strip_suffix(CLOSE) {
            t = rest;
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::strip_marks;

    #[test]
    fn only_the_outer_pair_of_marks_goes() {
        assert_eq!(
            strip_marks("“asymmetry of agendas”"),
            "asymmetry of agendas"
        );
        assert_eq!(strip_marks("\"a \"b\" c\""), "a \"b\" c");
        assert_eq!(
            strip_marks("who said both sides had shown \"genuine political will\""),
            "who said both sides had shown \"genuine political will\""
        );
    }
}
