//! Moving around: selections, scrolling, what the quotes and source panes follow, and keeping
//! every selection in view. Sizes come from `layout`, the same function the views draw with.

use ratatui::layout::Rect;

use super::action::Pane;
use super::data::ActorRow;
use super::index::row_of;
use super::layout::{Areas, ViewShape, areas, inner};
use super::provenance::header_budget;
use super::state::{Cursor, SourceView, State, TimelineRow};
use super::wrap;
use crate::ids::QuoteId;

pub(crate) fn screen(s: &State) -> Rect {
    Rect::new(0, 0, s.width, s.height)
}

/// The screen's areas for the state's size and view.
pub fn layout(s: &State) -> Areas {
    areas(
        screen(s),
        ViewShape {
            focus: s.focus,
            maximised: s.maximised,
            side: s.side,
        },
    )
}

/// Whether the layout is in reading mode (see `layout::areas`).
pub(crate) fn reading(s: &State) -> bool {
    s.focus == Pane::Source
}

/// Rows visible inside a pane.
pub fn visible_rows(s: &State, pane: Pane) -> usize {
    usize::from(inner(layout(s).of(pane)).height).max(1)
}

pub(crate) fn page(s: &State, pane: Pane) -> i32 {
    let rows = match pane {
        Pane::Source => source_geometry(s).1,
        _ => visible_rows(s, pane),
    };
    (rows.saturating_sub(1).max(1)) as i32
}

/// Moves the selection of `pane` by `delta` rows (skipping headings), or scrolls the source.
pub(crate) fn move_in(s: &mut State, pane: Pane, delta: i32) {
    match pane {
        Pane::Timeline => {
            let rows = &s.timeline_rows;
            let sel = step(s.timeline.selected, delta, rows.len(), |i| {
                matches!(rows[i], TimelineRow::Event(_))
            });
            if sel != s.timeline.selected {
                s.timeline.selected = sel;
                sync_from_timeline(s);
            }
        }
        Pane::Actors => {
            let rows = &s.data.actor_rows;
            s.actors.selected = step(s.actors.selected, delta, rows.len(), |i| {
                matches!(rows[i], ActorRow::Actor(_))
            });
        }
        Pane::Topics => {
            s.topics.selected = step(s.topics.selected, delta, s.data.topic_order.len(), |_| true)
        }
        Pane::Quotes => {
            let sel = step(s.quote_cursor.selected, delta, s.quotes.len(), |_| true);
            if sel != s.quote_cursor.selected {
                s.quote_cursor.selected = sel;
                sync_from_quote(s);
            }
        }
        Pane::Source => {
            if let Some(mut v) = s.source.take() {
                v.top = scrolled(s, &v, delta);
                s.source = Some(v);
            }
        }
    }
}

/// The source's first line after scrolling `delta` lines, kept between the top and the last
/// screenful. Only the lines passed over are wrapped.
fn scrolled(s: &State, v: &SourceView, delta: i32) -> usize {
    let (w, _) = source_geometry(s);
    let text = source_text(s, v);
    let n = delta.unsigned_abs() as usize;
    // Huge jumps (g, G) go to the ends directly instead of walking every line.
    if delta >= 0 {
        let last = source_max_top(s, v);
        if n >= 1 << 20 {
            last
        } else {
            wrap::down(text, v.top, w, n).min(last)
        }
    } else if n >= 1 << 20 {
        wrap::first_line(text)
    } else {
        wrap::up(text, v.top, w, n)
    }
}

/// The selectable row `delta` steps from `from`, staying in range.
pub(crate) fn step(
    from: usize,
    delta: i32,
    len: usize,
    selectable: impl Fn(usize) -> bool,
) -> usize {
    if len == 0 {
        return 0;
    }
    let target = (from as i64 + i64::from(delta)).clamp(0, len as i64 - 1) as usize;
    let forward = || (target..len).find(|&i| selectable(i));
    let backward = || (0..=target).rev().find(|&i| selectable(i));
    let found = if delta >= 0 {
        forward().or_else(backward)
    } else {
        backward().or_else(forward)
    };
    found.unwrap_or(from)
}

pub(crate) fn click(s: &mut State, pane: Pane, row: u16) {
    s.focus = pane;
    let offset = match pane {
        Pane::Timeline => s.timeline.offset,
        Pane::Actors => s.actors.offset,
        Pane::Topics => s.topics.offset,
        Pane::Quotes => s.quote_cursor.offset,
        Pane::Source => return,
    };
    let target = offset + usize::from(row);
    let current = match pane {
        Pane::Timeline => s.timeline.selected,
        Pane::Actors => s.actors.selected,
        Pane::Topics => s.topics.selected,
        _ => s.quote_cursor.selected,
    };
    move_in(s, pane, target as i32 - current as i32);
}

/// The timeline selection moved: bring its quotes into view and show it in the source.
pub(crate) fn sync_from_timeline(s: &mut State) {
    let Some(e) = s.selected_event() else {
        s.source = None;
        return;
    };
    let event = &s.data.corpus.events[e];
    // The shown quotes keep `quote_order`'s order, so each of the event's quotes is found by
    // bisection on its place there; the earliest shown one wins.
    let pos = |q: QuoteId| s.data.index.quote_pos.get(q).copied().flatten();
    let first = event
        .quotes()
        .iter()
        .filter_map(|q| {
            let p = pos(q)?;
            s.quotes.binary_search_by_key(&Some(p), |&x| pos(x)).ok()
        })
        .min();
    if let Some(i) = first {
        s.quote_cursor.selected = i;
    }
    // The first search match in the sentence is the one `n` steps on from.
    let found = s.text_query().and_then(|q| {
        s.data
            .text()?
            .matches_in(event.doc(), event.span(), &q)
            .first()
            .copied()
    });
    let view = SourceView {
        doc: event.doc(),
        sentence: Some(event.span()),
        quote: None,
        found,
        top: 0,
    };
    s.source = Some(place_source(s, view));
}

/// The quote selection moved: show its event in the timeline and its passage in the source.
pub(crate) fn sync_from_quote(s: &mut State) {
    let Some(q) = s.selected_quote() else { return };
    let event = s.data.quote_event.get(q).copied().flatten();
    if let Some(e) = event
        && let Some(row) = row_of(&s.timeline_rows, &s.data.corpus, e)
    {
        s.timeline.selected = row;
    }
    let quote = &s.data.corpus.quotes[q];
    let view = SourceView {
        doc: quote.doc(),
        sentence: event.map(|e| s.data.corpus.events[e].span()),
        quote: Some(quote.span()),
        found: None,
        top: 0,
    };
    s.source = Some(place_source(s, view));
}

/// The source pane's text area: its width and the rows under the provenance header.
pub(crate) fn source_geometry(s: &State) -> (usize, usize) {
    let r = inner(layout(s).source);
    let h = usize::from(r.height);
    let header = header_budget(h);
    let rule = usize::from(header > 0);
    (
        usize::from(r.width).max(1),
        h.saturating_sub(header + rule).max(1),
    )
}

/// The text of the article the source pane shows ("" when it is gone).
fn source_text<'s>(s: &'s State, v: &SourceView) -> &'s str {
    s.data
        .corpus
        .documents
        .get(v.doc)
        .map_or("", |d| d.text.as_str())
}

pub(crate) fn source_max_top(s: &State, v: &SourceView) -> usize {
    let (w, h) = source_geometry(s);
    wrap::last_top(source_text(s, v), w, h)
}

/// Scrolls the source so the passage starts a third of the way down the pane.
pub(crate) fn place_source(s: &State, mut v: SourceView) -> SourceView {
    let (w, h) = source_geometry(s);
    let text = source_text(s, &v);
    let anchor = v.found.or(v.quote).or(v.sentence).map_or(0, |sp| sp.start);
    let line = wrap::line_start(text, anchor, w);
    let top = wrap::up(text, line, w, h / 3);
    let last = wrap::last_top(text, w, h);
    v.top = top.min(last.max(wrap::first_line(text)));
    v
}

/// Keeps every selection inside its pane's visible rows, and no list scrolled past its end.
pub(crate) fn fix_offsets(s: &mut State) {
    let th = visible_rows(s, Pane::Timeline);
    let mut c = follow(s.timeline, th);
    c.offset = c.offset.min(s.timeline_rows.len().saturating_sub(th));
    // Show the date heading above the first event of a group when scrolling up to it.
    if c.offset == c.selected
        && c.selected > 0
        && matches!(
            s.timeline_rows.get(c.selected - 1),
            Some(TimelineRow::Heading(..))
        )
    {
        c.offset -= 1;
    }
    s.timeline = c;
    let ah = visible_rows(s, Pane::Actors);
    s.actors = follow(s.actors, ah);
    s.actors.offset = s
        .actors
        .offset
        .min(s.data.actor_rows.len().saturating_sub(ah));
    if s.actors.offset == s.actors.selected
        && s.actors.selected > 0
        && let Some(ActorRow::Heading(_)) = s.data.actor_rows.get(s.actors.selected - 1)
    {
        s.actors.offset -= 1;
    }
    let h = visible_rows(s, Pane::Topics);
    s.topics = follow(s.topics, h);
    s.topics.offset = s
        .topics
        .offset
        .min(s.data.topic_order.len().saturating_sub(h));
    let h = visible_rows(s, Pane::Quotes);
    s.quote_cursor = follow(s.quote_cursor, h);
    s.quote_cursor.offset = s.quote_cursor.offset.min(s.quotes.len().saturating_sub(h));
}

pub(crate) fn follow(mut c: Cursor, height: usize) -> Cursor {
    if c.selected < c.offset {
        c.offset = c.selected;
    } else if c.selected >= c.offset + height {
        c.offset = c.selected + 1 - height;
    }
    c
}
