//! `update`: the only place the state changes, one action at a time.

use ratatui::layout::Rect;

use super::action::{Action, Pane};
use super::data::ActorRow;
use super::layout::{areas, inner};
use super::search::Search;
use super::state::{Cursor, Filter, Overlay, Progress, SourceView, State, TimelineRow};
use super::wrap::{line_of, wrap};

pub fn update(s: &mut State, action: Action) {
    s.note = None;
    match action {
        Action::Resize(w, h) => {
            s.width = w;
            s.height = h;
            match s.source.take() {
                Some(v) => s.source = Some(place_source(s, v)),
                None => sync_from_timeline(s),
            }
        }
        Action::LoadProgress(done, total) => {
            if s.loading.is_some() {
                s.loading = Some(Progress { done, total });
            }
        }
        Action::Loaded(data) => {
            s.set_data(*data);
            sync_from_timeline(s);
        }
        Action::Quit => s.quit = true,
        Action::ToggleHelp => {
            s.overlay = match s.overlay {
                Overlay::Help => Overlay::None,
                _ => Overlay::Help,
            }
        }
        Action::CloseHelp | Action::CloseSearch => s.overlay = Overlay::None,
        _ if s.loading.is_some() => s.note = Some("still loading…".into()),
        Action::OpenSearch => s.overlay = Overlay::Search(Search::new(&s.data.search)),
        Action::SearchInput(c) => edit_search(s, |q| q.push(c)),
        Action::SearchDeleteChar => edit_search(s, |q| {
            q.pop();
        }),
        Action::SearchUp | Action::SearchDown => {
            let down = matches!(action, Action::SearchDown);
            if let Overlay::Search(search) = &mut s.overlay {
                let last = search.hits.len().saturating_sub(1);
                search.selected = if down {
                    (search.selected + 1).min(last)
                } else {
                    search.selected.saturating_sub(1)
                };
            }
        }
        Action::AcceptSearch => accept_search(s),
        Action::MoveDown => move_in(s, s.focus, 1),
        Action::MoveUp => move_in(s, s.focus, -1),
        Action::PageDown => move_in(s, s.focus, page(s, s.focus)),
        Action::PageUp => move_in(s, s.focus, -page(s, s.focus)),
        Action::MoveTop => move_in(s, s.focus, -(i32::MAX / 2)),
        Action::MoveBottom => move_in(s, s.focus, i32::MAX / 2),
        Action::ScrollPane(p, d) => move_in(s, p, d.into()),
        Action::ClickPane(p, row) => click(s, p, row),
        Action::NextPane => s.focus = s.focus.next(),
        Action::PrevPane => s.focus = s.focus.prev(),
        Action::FocusPane(p) => s.focus = p,
        Action::OpenSelected => open_selected(s),
        Action::FilterToSelected => filter_to_selected(s),
        Action::ClearFilter => {
            if s.filters.pop().is_some() {
                refilter(s);
            } else {
                s.note = Some("no filter to clear".into());
            }
        }
        Action::NextQuote => step_quote(s, true),
        Action::PrevQuote => step_quote(s, false),
        Action::WindowBack => step_window(s, -1),
        Action::WindowForward => step_window(s, 1),
    }
    fix_offsets(s);
}

fn screen(s: &State) -> Rect {
    Rect::new(0, 0, s.width, s.height)
}

/// Rows visible inside a pane.
pub fn visible_rows(s: &State, pane: Pane) -> usize {
    usize::from(inner(areas(screen(s)).of(pane)).height).max(1)
}

fn page(s: &State, pane: Pane) -> i32 {
    (visible_rows(s, pane).saturating_sub(1).max(1)) as i32
}

fn edit_search(s: &mut State, edit: impl FnOnce(&mut String)) {
    if let Overlay::Search(search) = &mut s.overlay {
        let mut q = search.query.clone();
        edit(&mut q);
        search.set_query(&s.data.search, &q);
    }
}

fn accept_search(s: &mut State) {
    let Overlay::Search(search) = &s.overlay else {
        return;
    };
    let hit = search.selected_hit();
    s.overlay = Overlay::None;
    let Some(hit) = hit else { return };
    if let Some(row) = s
        .data
        .actor_rows
        .iter()
        .position(|r| *r == ActorRow::Actor(hit.actor))
    {
        s.actors.selected = row;
    }
    if !s.filters.contains(&Filter::Actor(hit.actor)) {
        s.filters.push(Filter::Actor(hit.actor));
        refilter(s);
    }
}

/// Moves the selection of `pane` by `delta` rows (skipping headings), or scrolls the source.
fn move_in(s: &mut State, pane: Pane, delta: i32) {
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
                let max = source_max_top(s, &v);
                v.top = (v.top as i64 + i64::from(delta)).clamp(0, max as i64) as usize;
                s.source = Some(v);
            }
        }
    }
}

/// The selectable row `delta` steps from `from`, staying in range.
fn step(from: usize, delta: i32, len: usize, selectable: impl Fn(usize) -> bool) -> usize {
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

fn click(s: &mut State, pane: Pane, row: u16) {
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
fn sync_from_timeline(s: &mut State) {
    let Some(e) = s.selected_event() else {
        s.source = None;
        return;
    };
    let event = &s.data.corpus.events[e];
    if let Some(i) = s.quotes.iter().position(|q| event.quotes.contains(q)) {
        s.quote_cursor.selected = i;
    }
    let view = SourceView {
        doc: event.doc,
        sentence: Some(event.span),
        quote: None,
        top: 0,
    };
    s.source = Some(place_source(s, view));
}

/// The quote selection moved: show its event in the timeline and its passage in the source.
fn sync_from_quote(s: &mut State) {
    let Some(q) = s.selected_quote() else { return };
    let event = s.data.quote_event.get(q).copied().flatten();
    if let Some(e) = event
        && let Some(row) = s
            .timeline_rows
            .iter()
            .position(|r| *r == TimelineRow::Event(e))
    {
        s.timeline.selected = row;
    }
    let quote = &s.data.corpus.quotes[q];
    let view = SourceView {
        doc: quote.doc,
        sentence: event.map(|e| s.data.corpus.events[e].span),
        quote: Some(quote.span),
        top: 0,
    };
    s.source = Some(place_source(s, view));
}

fn open_selected(s: &mut State) {
    match s.focus {
        Pane::Timeline if s.selected_event().is_some() => sync_from_timeline(s),
        Pane::Quotes if s.selected_quote().is_some() => sync_from_quote(s),
        _ => return,
    }
    s.focus = Pane::Source;
}

fn filter_to_selected(s: &mut State) {
    let f = match s.focus {
        Pane::Actors => s.selected_actor().map(Filter::Actor),
        Pane::Topics => s.selected_topic().map(Filter::Topic),
        _ => None,
    };
    let Some(f) = f else { return };
    match s.filters.iter().position(|x| *x == f) {
        Some(i) => {
            s.filters.remove(i);
        }
        None => s.filters.push(f),
    }
    refilter(s);
}

fn refilter(s: &mut State) {
    let keep = s.selected_event();
    s.refilter(keep);
    sync_from_timeline(s);
}

fn step_quote(s: &mut State, forward: bool) {
    if s.quotes.is_empty() {
        s.note = Some("no quotes under the current filters".into());
        return;
    }
    let cur = s.quote_cursor.selected.min(s.quotes.len() - 1);
    let showing =
        s.source.as_ref().and_then(|v| v.quote) == Some(s.data.corpus.quotes[s.quotes[cur]].span);
    let next = match (showing, forward) {
        (false, _) => Some(cur),
        (true, true) => (cur + 1 < s.quotes.len()).then_some(cur + 1),
        (true, false) => cur.checked_sub(1),
    };
    match next {
        Some(i) => {
            s.quote_cursor.selected = i;
            sync_from_quote(s);
        }
        None => s.note = Some(if forward { "last quote" } else { "first quote" }.into()),
    }
}

fn step_window(s: &mut State, dir: i32) {
    let Some((first, last)) = s.data.range else {
        s.note = Some("no dated events".into());
        return;
    };
    let period = s.data.period;
    let (a, b) = match s.window() {
        Some((a, _)) => period.range(period.shift(a, dir)),
        None => {
            let base = s
                .selected_event()
                .and_then(|e| s.data.corpus.events[e].when.earliest)
                .unwrap_or(first);
            period.range(base)
        }
    };
    if b < first || a > last {
        s.note = Some(format!(
            "no events {}",
            if dir < 0 { "earlier" } else { "later" }
        ));
        return;
    }
    let w = Filter::Window(a, b);
    match s
        .filters
        .iter()
        .position(|f| matches!(f, Filter::Window(..)))
    {
        Some(i) => s.filters[i] = w,
        None => s.filters.push(w),
    }
    refilter(s);
}

fn source_geometry(s: &State) -> (usize, usize) {
    let r = inner(areas(screen(s)).source);
    (usize::from(r.width).max(1), usize::from(r.height).max(1))
}

fn source_max_top(s: &State, v: &SourceView) -> usize {
    let (w, h) = source_geometry(s);
    let text = s
        .data
        .corpus
        .documents
        .get(v.doc)
        .map_or("", |d| d.text.as_str());
    wrap(text, w).len().saturating_sub(h)
}

/// Scrolls the source so the passage starts a third of the way down the pane.
fn place_source(s: &State, mut v: SourceView) -> SourceView {
    let (w, h) = source_geometry(s);
    let text = s
        .data
        .corpus
        .documents
        .get(v.doc)
        .map_or("", |d| d.text.as_str());
    let lines = wrap(text, w);
    let anchor = v
        .quote
        .or(v.sentence)
        .map_or(0, |sp| line_of(&lines, sp.start));
    let max = lines.len().saturating_sub(h);
    v.top = anchor.saturating_sub(h / 3).min(max);
    v
}

/// Keeps every selection inside its pane's visible rows.
fn fix_offsets(s: &mut State) {
    let th = visible_rows(s, Pane::Timeline);
    let mut c = follow(s.timeline, th);
    // Show the date heading above the first event of a group when scrolling up to it.
    if c.offset == c.selected
        && c.selected > 0
        && matches!(
            s.timeline_rows.get(c.selected - 1),
            Some(TimelineRow::Heading(_))
        )
    {
        c.offset -= 1;
    }
    s.timeline = c;
    s.actors = follow(s.actors, visible_rows(s, Pane::Actors));
    if s.actors.offset == s.actors.selected && s.actors.selected > 0 {
        if let Some(ActorRow::Heading(_)) = s.data.actor_rows.get(s.actors.selected - 1) {
            s.actors.offset -= 1;
        }
    }
    s.topics = follow(s.topics, visible_rows(s, Pane::Topics));
    s.quote_cursor = follow(s.quote_cursor, visible_rows(s, Pane::Quotes));
}

fn follow(mut c: Cursor, height: usize) -> Cursor {
    if c.selected < c.offset {
        c.offset = c.selected;
    } else if c.selected >= c.offset + height {
        c.offset = c.selected + 1 - height;
    }
    c
}
