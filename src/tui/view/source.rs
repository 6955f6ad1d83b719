//! The source pane: the article wrapped to the pane, scrolled to the passage being read, with the
//! sentence, quotes, actor mentions and time expressions each in their own style.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::super::action::Pane;
use super::super::data::MarkKind;
use super::super::format::day_long;
use super::super::state::State;
use super::super::theme::Theme;
use super::super::wrap::wrap;
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
            let date = d.published.map_or("no date".into(), day_long);
            format!("{} · {date}", sanitize_line(d.display_name()))
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
        let text = doc.text.as_str();
        let lines = wrap(text, usize::from(inner.width));
        let marks = s.data.marks.get(v.doc).map_or(&[][..], Vec::as_slice);
        scrollbar(buf, area, lines.len(), v.top, usize::from(inner.height));
        for (y, line) in (inner.y..inner.bottom()).zip(lines.iter().skip(v.top)) {
            let spans = styled_segments(text, *line, marks, v.sentence, v.quote, t);
            Line::from(spans).render(Rect::new(inner.x, y, inner.width, 1), buf);
        }
    }
}

/// Cuts one display line at every highlight boundary and styles each piece.
fn styled_segments<'t>(
    text: &'t str,
    line: ByteSpan,
    marks: &[super::super::data::Mark],
    sentence: Option<ByteSpan>,
    quote: Option<ByteSpan>,
    t: Theme,
) -> Vec<Span<'t>> {
    let here: Vec<_> = marks.iter().filter(|m| m.span.overlaps(line)).collect();
    let mut cuts = vec![line.start, line.end];
    for sp in here.iter().map(|m| m.span).chain(sentence).chain(quote) {
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
        if sentence.is_some_and(inside) {
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
                MarkKind::Actor => t.actor(),
                MarkKind::Quote => t.quote(),
            });
        }
        if quote.is_some_and(inside) {
            style = style.patch(t.focus_quote());
        }
        out.push(Span::styled(sanitize_line(raw), style));
    }
    out
}
