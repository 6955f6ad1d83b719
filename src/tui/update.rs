//! `update`: the only place the state changes, one action at a time.

use super::action::{Action, Pane};
use super::data::ActorRow;
use super::effect::Effect;
use super::histogram;
use super::nav::{
    click, fix_offsets, layout, move_in, page, place_source, reading, sync_from_quote,
    sync_from_timeline,
};
use super::search::Search;
use super::state::{Filter, FinderFor, Frame, Overlay, Progress, Prompt, PromptKind, State};
use crate::ids::ActorId;
use crate::model::QuoteKind;

pub fn update(s: &mut State, action: Action) {
    s.note = None;
    let was_reading = reading(s);
    // Pushed views only read the main view's place (see `rebase_reading`).
    let moves_place = !s.stack.is_empty()
        && !matches!(
            action,
            Action::OpenSelected | Action::QuitView | Action::Back | Action::Loaded(_)
        );
    let place_before = moves_place.then(|| place(s));
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
            if let Some(saved) = s.restore.take() {
                saved.apply(s);
            }
            sync_from_timeline(s);
        }
        Action::Note(n) => s.note = Some(n),
        Action::TextReady => {
            if s.text_query().is_some() {
                let keep = match &s.overlay {
                    Overlay::Prompt(p) => p.saved_selection,
                    _ => None,
                };
                s.refilter(keep);
                sync_from_timeline(s);
            }
        }
        Action::Quit => s.quit = true,
        Action::ToggleHelp => {
            s.overlay = match s.overlay {
                Overlay::Help(_) => Overlay::None,
                _ => Overlay::Help(0),
            }
        }
        Action::ClosePopup | Action::CloseSearch => s.overlay = Overlay::None,
        Action::ShowProblems => s.overlay = Overlay::Problems(0),
        Action::MoveDown
        | Action::MoveUp
        | Action::PageDown
        | Action::PageUp
        | Action::HalfPageDown
        | Action::HalfPageUp
        | Action::MoveTop
        | Action::MoveBottom
            if matches!(s.overlay, Overlay::Help(_) | Overlay::Problems(_)) =>
        {
            scroll_popup(s, &action)
        }
        Action::QuitView => match s.stack.pop() {
            Some(f) => pop_to(s, f),
            None => s.quit = true,
        },
        Action::Back => match s.stack.pop() {
            Some(f) => pop_to(s, f),
            None => clear_filter(s),
        },
        _ if s.loading.is_some() => s.note = Some("still loading…".into()),
        Action::OpenSearch => {
            s.overlay = Overlay::Search(Search::new(&s.data.search), FinderFor::Filter)
        }
        Action::SearchInput(c) => edit_search(s, |q| q.push(c)),
        Action::SearchDeleteChar => edit_search(s, |q| {
            q.pop();
        }),
        Action::SearchUp | Action::SearchDown => {
            let down = matches!(action, Action::SearchDown);
            if let Overlay::Search(search, _) = &mut s.overlay {
                let last = search.hits.len().saturating_sub(1);
                search.selected = if down {
                    (search.selected + 1).min(last)
                } else {
                    search.selected.saturating_sub(1)
                };
            }
        }
        Action::AcceptSearch => accept_search(s, false),
        Action::AcceptSearchSpeaker => accept_search(s, true),
        Action::OpenTextSearch => open_prompt(s, PromptKind::Search),
        Action::OpenCommand => open_prompt(s, PromptKind::Command),
        Action::PromptInput(c) => edit_prompt(s, |t| t.push(c)),
        Action::PromptDeleteChar => edit_prompt(s, |t| {
            t.pop();
        }),
        Action::PromptClear => edit_prompt(s, String::clear),
        Action::PromptCancel => cancel_prompt(s),
        Action::PromptAccept => accept_prompt(s),
        Action::PromptComplete => super::command::complete(s),
        Action::PromptHistoryUp => history(s, true),
        Action::PromptHistoryDown => history(s, false),
        Action::MoveDown => move_in(s, s.focus, 1),
        Action::MoveUp => move_in(s, s.focus, -1),
        Action::PageDown => move_in(s, s.focus, page(s, s.focus)),
        Action::PageUp => move_in(s, s.focus, -page(s, s.focus)),
        Action::HalfPageDown => move_in(s, s.focus, (page(s, s.focus) / 2).max(1)),
        Action::HalfPageUp => move_in(s, s.focus, -(page(s, s.focus) / 2).max(1)),
        Action::MoveTop => move_in(s, s.focus, -(i32::MAX / 2)),
        Action::MoveBottom => move_in(s, s.focus, i32::MAX / 2),
        Action::ScrollPane(p, d) => move_in(s, p, d.into()),
        Action::ClickPane(p, row) => click(s, p, row),
        Action::NextPane => s.focus = next_shown(s, true),
        Action::PrevPane => s.focus = next_shown(s, false),
        Action::FocusPane(p) => s.focus = p,
        Action::OpenSelected => open_selected(s),
        Action::FilterToSelected => filter_to_selected(s, false),
        Action::FilterSpeaker => filter_to_selected(s, true),
        Action::ClearFilter => clear_filter(s),
        Action::NextMatch => super::matches::step(s, true),
        Action::PrevMatch => super::matches::step(s, false),
        Action::NextQuote => step_quote(s, true),
        Action::PrevQuote => step_quote(s, false),
        Action::WindowBack => step_window(s, -1),
        Action::WindowForward => step_window(s, 1),
        Action::ClickHistogram(x) => click_histogram(s, x),
        Action::ToggleMaximise => s.maximised = !s.maximised,
        Action::CycleSide => cycle_side(s),
        Action::OpenLink => open_link(s),
        Action::CopyCitation => copy_citation(s),
        Action::MergeActor => match s.selected_actor() {
            Some(a) if s.focus == Pane::Actors => {
                s.overlay = Overlay::Search(Search::new(&s.data.search), FinderFor::Merge(a))
            }
            _ => s.note = Some("select an actor in the actors pane (2) first".into()),
        },
        Action::NotAPerson => not_a_person(s),
        Action::ToggleHappenings => {
            s.happenings_view = !s.happenings_view;
            refilter(s);
            s.note = Some(if s.happenings_view {
                "one row per happening (×N reports); h lists every report".into()
            } else {
                "every report; h groups them into happenings".into()
            });
        }
        Action::ToggleSalient => {
            let salient = Filter::Salient(super::state::SALIENT);
            toggle_filter(s, salient);
        }
    }
    // Entering or leaving the source re-flows the layout: keep the passage in view.
    if reading(s) != was_reading
        && let Some(v) = s.source.take()
    {
        s.source = Some(place_source(s, v));
    }
    if let Some(before) = place_before
        && before != place(s)
    {
        rebase_reading(s);
    }
    fix_offsets(s);
}

/// Where the user is: the filters, the view and the selections. A pushed view moves it only
/// through what the user does in it (`:goto`, a search, a filter, `'` or `n` to another quote or
/// match).
type Place = (Vec<Filter>, bool, usize, usize);

fn place(s: &State) -> Place {
    (
        s.filters.clone(),
        s.happenings_view,
        s.timeline.selected,
        s.quote_cursor.selected,
    )
}

/// The place moved while a reading view is pushed: the views under it go back to the new place,
/// not the old one. As in tig, a command or search run while reading acts on the main view, and
/// `Esc`/`q` then leaves the reading view for the main view at the place reached (it used to put
/// back the selection from before, undoing a `:goto`). A pushed list with filters of its own (a
/// happening's reports) keeps its own place: only the reading views above it follow.
fn rebase_reading(s: &mut State) {
    for f in s.stack.iter_mut().rev() {
        if f.filters.is_some() {
            break;
        }
        f.timeline = s.timeline;
        f.quote_cursor = s.quote_cursor;
        f.source = s.source.clone();
    }
}

fn scroll_popup(s: &mut State, action: &Action) {
    let rows = usize::from(s.height.saturating_sub(6)).max(1);
    let total = match s.overlay {
        Overlay::Help(_) => super::view::help_height(s),
        Overlay::Problems(_) => super::view::problems_height(s),
        _ => 0,
    };
    let max = total.saturating_sub(rows);
    let (Overlay::Help(top) | Overlay::Problems(top)) = &mut s.overlay else {
        return;
    };
    *top = match action {
        Action::MoveDown => *top + 1,
        Action::MoveUp => top.saturating_sub(1),
        Action::PageDown => *top + rows.saturating_sub(1).max(1),
        Action::PageUp => top.saturating_sub(rows.saturating_sub(1).max(1)),
        Action::HalfPageDown => *top + (rows / 2).max(1),
        Action::HalfPageUp => top.saturating_sub((rows / 2).max(1)),
        Action::MoveTop => 0,
        _ => max,
    }
    .min(max);
}

/// Back to the view under the top of the stack.
fn pop_to(s: &mut State, f: Frame) {
    if let Some((filters, view)) = f.filters {
        s.filters = filters;
        s.happenings_view = view;
        s.refilter(None);
    }
    s.focus = f.focus;
    s.timeline = f.timeline;
    s.quote_cursor = f.quote_cursor;
    s.source = f.source;
    if s.timeline.selected >= s.timeline_rows.len() || s.quote_cursor.selected >= s.quotes.len() {
        sync_from_timeline(s);
    }
}

/// The next (or previous) pane that is on screen; every pane on a large screen.
fn next_shown(s: &State, forward: bool) -> Pane {
    let shown = layout(s).shown();
    let mut p = s.focus;
    for _ in 0..5 {
        p = if forward { p.next() } else { p.prev() };
        // On a small screen every pane takes its turn: focusing one shows it.
        if shown.contains(&p) || layout(s).collapsed {
            return p;
        }
    }
    p
}

fn cycle_side(s: &mut State) {
    let order = [Pane::Quotes, Pane::Source, Pane::Actors, Pane::Topics];
    let current = if s.focus == Pane::Timeline {
        s.side
    } else {
        s.focus
    };
    let i = order
        .iter()
        .position(|&p| p == current)
        .unwrap_or(order.len() - 1);
    let next = order[(i + 1) % order.len()];
    s.side = next;
    if s.focus != Pane::Timeline {
        s.focus = next;
    }
    if !super::layout::compact(s.width, s.height) {
        s.note = Some(format!(
            "side pane: {} (shown beside on a small terminal)",
            next.title()
        ));
    }
}

fn clear_filter(s: &mut State) {
    if s.filters.pop().is_some() {
        refilter(s);
    } else {
        s.note = Some("no filter to clear".into());
    }
}

fn edit_search(s: &mut State, edit: impl FnOnce(&mut String)) {
    if let Overlay::Search(search, _) = &mut s.overlay {
        let mut q = search.query.clone();
        edit(&mut q);
        search.set_query(&s.data.search, &q);
    }
}

fn accept_search(s: &mut State, speaker: bool) {
    let Overlay::Search(search, purpose) = &s.overlay else {
        return;
    };
    let hit = search.selected_hit();
    let purpose = *purpose;
    s.overlay = Overlay::None;
    let Some(hit) = hit else { return };
    if let FinderFor::Merge(selected) = purpose {
        merge_into(s, selected, hit.actor);
        return;
    }
    if let Some(row) = s
        .data
        .actor_rows
        .iter()
        .position(|r| *r == ActorRow::Actor(hit.actor))
    {
        s.actors.selected = row;
    }
    let f = if speaker {
        Filter::Speaker(hit.actor)
    } else {
        Filter::Actor(hit.actor)
    };
    if !s.filters.contains(&f) {
        s.filters.push(f);
        refilter(s);
    }
}

fn open_selected(s: &mut State) {
    // A happening reported more than once: its reports, listed in the timeline.
    if s.focus == Pane::Timeline
        && s.happenings_view
        && let Some(e) = s.selected_event()
        && let Some(h) = s.data.corpus.happenings.of_event(e)
        && s.data.corpus.happenings[h].events().len() > 1
    {
        let frame = Frame {
            filters: Some((s.filters.clone(), true)),
            focus: s.focus,
            source: s.source.clone(),
            timeline: s.timeline,
            quote_cursor: s.quote_cursor,
        };
        s.stack.push(frame);
        s.filters.push(Filter::Happening(h));
        s.happenings_view = false;
        refilter(s);
        s.timeline.offset = 0;
        s.note = Some("the reports of this happening · Esc goes back".into());
        return;
    }
    let frame = Frame {
        filters: None,
        focus: s.focus,
        source: s.source.clone(),
        timeline: s.timeline,
        quote_cursor: s.quote_cursor,
    };
    match s.focus {
        Pane::Timeline if s.selected_event().is_some() => sync_from_timeline(s),
        Pane::Quotes if s.selected_quote().is_some() => sync_from_quote(s),
        _ => return,
    }
    s.stack.push(frame);
    s.focus = Pane::Source;
}

fn filter_to_selected(s: &mut State, speaker: bool) {
    let f = match (s.focus, speaker) {
        (Pane::Actors, false) => s.selected_actor().map(Filter::Actor),
        (Pane::Actors, true) => s.selected_actor().map(Filter::Speaker),
        (Pane::Topics, false) => s.selected_topic().map(Filter::Topic),
        _ => None,
    };
    let Some(f) = f else { return };
    toggle_filter(s, f);
}

pub(crate) fn toggle_filter(s: &mut State, f: Filter) {
    match s.filters.iter().position(|x| *x == f) {
        Some(i) => {
            s.filters.remove(i);
        }
        None => s.filters.push(f),
    }
    refilter(s);
}

pub(crate) fn refilter(s: &mut State) {
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
    let period = s.step_period();
    let (a, b) = match s.window() {
        Some((a, _)) => period.range(period.shift(period.start(a), dir)),
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
    s.set_window(a, b);
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

fn open_prompt(s: &mut State, kind: PromptKind) {
    s.overlay = Overlay::Prompt(Prompt {
        kind,
        text: String::new(),
        history_pos: None,
        saved: s.filters.clone(),
        saved_selection: s.selected_event(),
        completions: Vec::new(),
        completion: 0,
    });
}

fn edit_prompt(s: &mut State, edit: impl FnOnce(&mut String)) {
    let Overlay::Prompt(p) = &mut s.overlay else {
        return;
    };
    edit(&mut p.text);
    p.completions.clear();
    p.history_pos = None;
    if p.kind == PromptKind::Search {
        let text = p.text.clone();
        apply_search(s, &text);
    }
}

/// Narrows to the text as it is typed: the search filter replaces any earlier one.
/// Narrows from two characters on: one letter is in nearly every sentence, so it would only
/// cost a scan of the corpus per keystroke to show almost everything.
fn apply_search(s: &mut State, text: &str) {
    let before = s.filters.len();
    s.filters.retain(|f| !matches!(f, Filter::Text(_)));
    let removed = s.filters.len() != before;
    if text.trim().chars().count() >= 2 {
        s.filters.push(Filter::Text(text.to_string()));
    } else if !removed {
        return;
    }
    refilter(s);
}

fn cancel_prompt(s: &mut State) {
    let Overlay::Prompt(p) = std::mem::take(&mut s.overlay) else {
        return;
    };
    if p.kind == PromptKind::Search && s.filters != p.saved {
        s.filters = p.saved;
        s.refilter(p.saved_selection);
        sync_from_timeline(s);
    }
}

fn accept_prompt(s: &mut State) {
    let Overlay::Prompt(p) = std::mem::take(&mut s.overlay) else {
        return;
    };
    let text = p.text.trim().to_string();
    match p.kind {
        PromptKind::Search => {
            remember(&mut s.search_history, &text);
            if s.text_pending() {
                s.note =
                    Some("indexing the text for search: the matches show when it is done".into());
            } else if !text.is_empty() && s.shown_events == 0 {
                s.note = Some(format!("no match for “{text}” · Esc removes the search"));
            }
        }
        PromptKind::Command => {
            remember(&mut s.command_history, &text);
            if !text.is_empty() {
                super::command::run(s, &text);
            }
        }
    }
}

fn remember(history: &mut Vec<String>, line: &str) {
    if line.is_empty() {
        return;
    }
    history.retain(|l| l != line);
    history.push(line.to_string());
    // The history is saved with the state; a few hundred lines are plenty.
    if history.len() > 200 {
        history.remove(0);
    }
}

fn history(s: &mut State, older: bool) {
    let Overlay::Prompt(p) = &mut s.overlay else {
        return;
    };
    let list = match p.kind {
        PromptKind::Search => &s.search_history,
        PromptKind::Command => &s.command_history,
    };
    if list.is_empty() {
        return;
    }
    let pos = match (p.history_pos, older) {
        (None, true) => Some(list.len() - 1),
        (None, false) => None,
        (Some(i), true) => Some(i.saturating_sub(1)),
        (Some(i), false) => (i + 1 < list.len()).then_some(i + 1),
    };
    p.history_pos = pos;
    p.text = pos.map(|i| list[i].clone()).unwrap_or_default();
    p.completions.clear();
    if p.kind == PromptKind::Search {
        let text = p.text.clone();
        apply_search(s, &text);
    }
}

fn open_link(s: &mut State) {
    let Some(doc) = s
        .source
        .as_ref()
        .and_then(|v| s.data.corpus.documents.get(v.doc))
    else {
        s.note = Some("select an event or a quote first".into());
        return;
    };
    let url = match &doc.url {
        Some(u) => u.trim().to_string(),
        None => match std::path::Path::new(&doc.path).canonicalize() {
            Ok(p) => format!("file://{}", p.display()),
            Err(_) => format!("file://{}", doc.path),
        },
    };
    if super::effect::safe_url(&url) {
        s.effects.push(Effect::OpenUrl(url));
        s.note = Some("opening the article…".into());
    } else {
        s.note = Some("this article's link is not an http(s) or file link; not opened".into());
    }
}

fn copy_citation(s: &mut State) {
    let c = &s.data.corpus;
    let cite = match s.focus {
        Pane::Quotes => s.selected_quote().map(|q| {
            let quote = &c.quotes[q];
            let doc = &c.documents[quote.doc()];
            let names: Vec<&str> = quote
                .speakers()
                .iter()
                .filter_map(|a| c.actors.get(a).map(|a| a.name.as_str()))
                .collect();
            let speaker = if names.is_empty() {
                quote
                    .speaker_span()
                    .map(|sp| sp.slice(&doc.text).to_string())
            } else {
                Some(names.join(", "))
            };
            let cited = match quote.kind {
                QuoteKind::Reported => super::provenance::Cited::Reported,
                _ => super::provenance::Cited::Words,
            };
            super::provenance::citation(
                speaker.as_deref().filter(|s| !s.is_empty()),
                quote.span().slice(&doc.text),
                cited,
                doc,
            )
        }),
        _ => s.selected_event().map(|e| {
            let ev = &c.events[e];
            let doc = &c.documents[ev.doc()];
            let words = super::provenance::Cited::Words;
            super::provenance::citation(None, ev.span().slice(&doc.text), words, doc)
        }),
    };
    match cite {
        Some(text) => {
            s.effects.push(Effect::Copy(text));
            s.note = Some("citation copied".into());
        }
        None => s.note = Some("nothing selected to cite".into()),
    }
}

/// `m` on actor `selected`, then `picked` in the finder: one person, under the selected name.
fn merge_into(s: &mut State, selected: ActorId, picked: ActorId) {
    let c = &s.data.corpus;
    if selected == picked {
        s.note = Some("that is the same actor".into());
        return;
    }
    let (Some(a), Some(b)) = (c.actors.get(selected), c.actors.get(picked)) else {
        return;
    };
    // The corrections file keeps a line's first name, so the actor selected in the pane (the
    // one `m` was pressed on) comes first: the name picked in the finder is the other name.
    let line = crate::corpus::corrections::same_line(&a.name, &b.name);
    s.effects.push(Effect::SaveCorrection(line));
    s.note = Some(format!("{} = {}: saving…", a.name, b.name));
}

fn not_a_person(s: &mut State) {
    match s.selected_actor() {
        Some(a) if s.focus == Pane::Actors => {
            let name = s.data.corpus.actors[a].name.clone();
            let line = crate::corpus::corrections::not_person_line(&name);
            s.effects.push(Effect::SaveCorrection(line));
            s.note = Some(format!("{name} is not a person: saving…"));
        }
        _ => s.note = Some("select an actor in the actors pane (2) first".into()),
    }
}
