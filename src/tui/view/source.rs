//! The source pane: where the article comes from (title, outlet, author, date, link), then the
//! article wrapped to the pane, scrolled to the passage being read, with the sentence, quotes,
//! actor mentions, time expressions and search matches each in their own style. Only the lines
//! on screen are wrapped and styled, so a long article costs no more than a short one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::super::action::Pane;
use super::super::data::{Mark, MarkKind};
use super::super::provenance::{header, header_budget};
use super::super::state::State;
use super::super::theme::Theme;
use super::super::wrap;
use super::{pane_block, scrollbar};
use crate::model::Span as ByteSpan;
use crate::text::sanitize_line;

pub struct SourceView<'a> {
    pub state: &'a State,
    pub theme: Theme,
}

impl Widget for SourceView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.state;
        let t = self.theme;
        let view = s.source.as_ref();
        let doc = view.and_then(|v| s.data.corpus.documents.get(v.doc));
        let detail = doc.map_or(String::new(), |d| {
            sanitize_line(&super::super::format::ellipsize(
                &d.id,
                usize::from(area.width) / 2,
            ))
        });
        let block = pane_block(s, t, Pane::Source, detail);
        let inner = block.inner(area);
        block.render(area, buf);
        let (Some(v), Some(doc)) = (view, doc) else {
            if s.loading.is_none() {
                Line::styled(" select an event or a quote", t.dim()).render(inner, buf);
            }
            return;
        };
        let width = usize::from(inner.width);
        let budget = header_budget(usize::from(inner.height));
        let mut y = inner.y;
        if budget > 0 {
            for (line, title) in header(doc, width, budget) {
                let style = if title { t.heading() } else { t.dim() };
                Line::styled(line, style).render(Rect::new(inner.x, y, inner.width, 1), buf);
                y += 1;
            }
            Line::styled("─".repeat(width), t.dim())
                .render(Rect::new(inner.x, y, inner.width, 1), buf);
            y += 1;
        }
        let text_area = Rect::new(inner.x, y, inner.width, inner.bottom().saturating_sub(y));
        let text = doc.text.as_str();
        let lines = wrap::lines_from(text, v.top, width, usize::from(text_area.height));
        // The scroll thumb goes by bytes: counting every line of a long article would cost
        // what wrapping all of it does.
        let len = text.len().max(1);
        scrollbar(
            buf,
            area,
            1000,
            v.top * 1000 / len,
            (lines.iter().map(|l| l.len() + 1).sum::<usize>() * 1000 / len).max(1),
        );
        let range = match (lines.first(), lines.last()) {
            (Some(a), Some(b)) => ByteSpan::new(a.start, b.end.max(a.start)),
            _ => return,
        };
        let marks = s.data.marks_in(v.doc, range);
        let matches = s
            .text_query()
            .and_then(|q| s.data.text().map(|t| t.matches_in(v.doc, range, &q)))
            .unwrap_or_default();
        for (y, line) in (text_area.y..text_area.bottom()).zip(lines.iter()) {
            let spans = styled_segments(text, *line, &marks, &matches, v, t);
            Line::from(spans).render(Rect::new(text_area.x, y, text_area.width, 1), buf);
        }
    }
}

/// Cuts one display line at every highlight boundary and styles each piece.
fn styled_segments<'t>(
    text: &'t str,
    line: ByteSpan,
    marks: &[Mark],
    matches: &[ByteSpan],
    v: &super::super::state::SourceView,
    t: Theme,
) -> Vec<Span<'t>> {
    let here: Vec<&Mark> = marks.iter().filter(|m| m.span.overlaps(line)).collect();
    let found: Vec<ByteSpan> = matches
        .iter()
        .copied()
        .filter(|m| m.overlaps(line))
        .collect();
    let mut cuts = vec![line.start, line.end];
    for sp in here
        .iter()
        .map(|m| m.span)
        .chain(found.iter().copied())
        .chain(v.sentence)
        .chain(v.quote)
    {
        cuts.extend(
            [sp.start, sp.end]
                .into_iter()
                .filter(|&c| line.start < c && c < line.end),
        );
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    for w in cuts.windows(2) {
        let piece = ByteSpan::new(w[0], w[1]);
        let Some(raw) = text.get(piece.start..piece.end) else {
            continue;
        };
        let inside = |sp: ByteSpan| sp.contains(piece);
        let mut style = Style::new();
        if v.sentence.is_some_and(inside) {
            style = style.patch(t.sentence());
        }
        let mut kinds: Vec<MarkKind> = here
            .iter()
            .filter(|m| inside(m.span))
            .map(|m| m.kind)
            .collect();
        kinds.sort_unstable();
        for k in kinds {
            style = style.patch(match k {
                MarkKind::Time => t.time(),
                MarkKind::SubTime => t.sub_time(),
                MarkKind::Actor => t.actor(),
                MarkKind::Quote => t.quote(),
            });
        }
        if v.quote.is_some_and(inside) {
            style = style.patch(t.focus_quote());
        }
        if found.iter().any(|m| inside(*m)) {
            style = style.patch(if v.found.is_some_and(inside) {
                t.current_match()
            } else {
                t.matched()
            });
        }
        out.push(Span::styled(sanitize_line(raw), style));
    }
    out
}
