//! `update`: the only place the state changes, one action at a time.

use super::action::{Action, Pane};
use super::data::ActorRow;
use super::histogram;
use super::nav::{
    click, fix_offsets, move_in, page, place_source, reading, sync_from_quote, sync_from_timeline,
};
use super::search::Search;
use super::state::{Filter, Overlay, Progress, State};

pub fn update(s: &mut State, action: Action) {
    s.note = None;
    let was_reading = reading(s);
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
        Action::LoadFailed(msg) => {
            s.loading = None;
            s.failure = Some(msg);
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
        Action::ClosePopup | Action::CloseSearch => s.overlay = Overlay::None,
        Action::ShowProblems => s.overlay = Overlay::Problems,
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
        Action::ClickHistogram(x) => click_histogram(s, x),
    }
    // Entering or leaving the source re-flows the layout: keep the passage in view.
    if reading(s) != was_reading
        && let Some(v) = s.source.take()
    {
        s.source = Some(place_source(s, v));
    }
    fix_offsets(s);
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
        s.source.as_ref().and_then(|v| v.quote) == Some(s.data.corpus.quotes[s.quotes[cur]].span());
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

fn click_histogram(s: &mut State, x: u16) {
    let Some(days) = histogram::bars(&s.data, s.width).and_then(|b| b.days_at(&s.data, x)) else {
        return;
    };
    let current = s
        .filters
        .iter()
        .position(|f| matches!(f, Filter::Window(..)));
    match current {
        Some(i) if s.window() == Some(days) => {
            s.filters.remove(i);
        }
        Some(i) => s.filters[i] = Filter::Window(days.0, days.1),
        None => s.filters.push(Filter::Window(days.0, days.1)),
    }
    refilter(s);
}
