//! The application state: plain data, no terminal. `update` is the only writer.

use std::sync::Arc;

use chrono::NaiveDate;

use super::action::Pane;
use super::data::{ActorRow, Data};
use super::index::{row_of, timeline_rows};
use super::search::Search;
use crate::ids::{ActorId, DocId, EventId, IdVec, QuoteId, QuotePos, TopicId};
use crate::model::Span;

/// One narrowing of the timeline; filters combine (all must hold).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Filter {
    Actor(ActorId),
    Topic(TopicId),
    /// Inclusive days.
    Window(NaiveDate, NaiveDate),
}

pub use super::index::TimelineRow;

/// A scrolled list: the selected row and the first visible row.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: usize,
    pub offset: usize,
}

/// What the source pane shows: a document, a passage in it, and the first visible wrapped line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceView {
    pub doc: DocId,
    /// The event sentence being read.
    pub sentence: Option<Span>,
    /// The quote being read, highlighted above everything else.
    pub quote: Option<Span>,
    pub top: usize,
}

/// The popup over the panes, if any.
#[derive(Clone, Debug, Default)]
pub enum Overlay {
    #[default]
    None,
    Help,
    Problems,
    Search(Search),
}

/// Loading progress: articles done of total.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

#[derive(Debug, Default)]
pub struct State {
    pub data: Data,
    /// Some while the corpus is still loading.
    pub loading: Option<Progress>,
    pub width: u16,
    pub height: u16,
    pub focus: Pane,
    pub overlay: Overlay,
    pub filters: Vec<Filter>,
    /// Shared with `data.index.all_rows` while no filter is set.
    pub timeline_rows: Arc<Vec<TimelineRow>>,
    pub timeline: Cursor,
    /// Events passing the filters (the event rows of `timeline_rows`).
    pub shown_events: usize,
    /// Shown events per histogram period (empty without filters).
    pub shown_per_period: Vec<usize>,
    /// Quotes passing the filters, in `data.quote_order`'s order.
    pub quotes: Arc<Vec<QuoteId>>,
    pub quote_cursor: Cursor,
    pub actors: Cursor,
    pub topics: Cursor,
    pub source: Option<SourceView>,
    /// A one-off note for the status line ("no more quotes").
    pub note: Option<String>,
    pub quit: bool,
    /// Loading failed with this message; the panes stay empty.
    pub failure: Option<String>,
    pub color: bool,
}

impl State {
    /// A state still waiting for its corpus.
    pub fn loading(width: u16, height: u16, color: bool) -> State {
        State {
            loading: Some(Progress::default()),
            width,
            height,
            color,
            ..State::default()
        }
    }

    /// A ready state over `data`, exactly as after loading in the background.
    pub fn new(data: Data, width: u16, height: u16) -> State {
        let mut s = State::loading(width, height, true);
        super::update::update(&mut s, super::action::Action::Loaded(Box::new(data)));
        s
    }

    pub fn set_data(&mut self, data: Data) {
        self.data = data;
        self.loading = None;
        self.filters.clear();
        self.actors.selected = self.first_actor_row().unwrap_or(0);
        self.refilter(None);
    }

    fn first_actor_row(&self) -> Option<usize> {
        self.data
            .actor_rows
            .iter()
            .position(|r| matches!(r, ActorRow::Actor(_)))
    }

    /// Whether event `e` passes every filter.
    pub fn event_passes(&self, e: EventId) -> bool {
        let ev = &self.data.corpus.events[e];
        self.filters.iter().all(|f| match *f {
            Filter::Actor(a) => ev.actors().contains(a),
            Filter::Topic(t) => ev.topics().contains(t),
            Filter::Window(a, b) => match (ev.when.earliest, ev.when.latest.or(ev.when.earliest)) {
                (Some(s), Some(e)) => s <= b && a <= e,
                _ => false,
            },
        })
    }

    /// Whether quote `q` passes: its event passes, or (for actor filters) its speaker is the actor.
    pub fn quote_passes(&self, q: QuoteId) -> bool {
        let quote = &self.data.corpus.quotes[q];
        let event = self.data.quote_event.get(q).copied().flatten();
        let ev = event.map(|e| &self.data.corpus.events[e]);
        self.filters.iter().all(|f| match *f {
            Filter::Actor(a) => {
                quote.speakers().contains(a) || ev.is_some_and(|ev| ev.actors().contains(a))
            }
            Filter::Topic(t) => ev.is_some_and(|ev| ev.topics().contains(t)),
            Filter::Window(a, b) => {
                ev.is_some_and(
                    |ev| match (ev.when.earliest, ev.when.latest.or(ev.when.earliest)) {
                        (Some(s), Some(e)) => s <= b && a <= e,
                        _ => false,
                    },
                )
            }
        })
    }

    /// Rebuilds the timeline and quote lists after the filters changed, keeping `keep` selected
    /// when it still passes. Costs the size of the smallest filter's lists, not of the corpus.
    pub fn refilter(&mut self, keep: Option<EventId>) {
        self.shown_per_period.clear();
        if self.filters.is_empty() {
            let ix = &self.data.index;
            self.timeline_rows = Arc::clone(&ix.all_rows);
            self.quotes = Arc::clone(&ix.all_quotes);
            self.shown_events = self.data.corpus.events.len();
        } else {
            let events: Vec<EventId> = self
                .event_candidates()
                .into_iter()
                .filter(|&e| self.event_passes(e))
                .collect();
            self.shown_events = events.len();
            self.shown_per_period = vec![0; self.data.histogram.len()];
            for &e in &events {
                if let Some(d) = self.data.corpus.events[e].when.earliest
                    && let Some(n) = self.shown_per_period.get_mut(self.data.bucket_of(d))
                {
                    *n += 1;
                }
            }
            let quotes: Vec<QuoteId> = self
                .quote_candidates(&events)
                .into_iter()
                .filter(|&q| self.quote_passes(q))
                .collect();
            self.timeline_rows = Arc::new(timeline_rows(&self.data.corpus, events));
            self.quotes = Arc::new(quotes);
        }
        let keep_row = keep.and_then(|e| row_of(&self.timeline_rows, e));
        let selected = keep_row.or_else(|| self.opening_row()).unwrap_or(0);
        self.timeline = Cursor {
            selected,
            // The opening row's date heading stays in view above it.
            offset: if keep_row.is_some() {
                0
            } else {
                selected.saturating_sub(1)
            },
        };
        self.quote_cursor = Cursor::default();
    }

    /// Where the timeline opens: on the first event where the bulk of the dates begins (the
    /// histogram's range, which leaves out a stray "1st century" in an archive of 2005 news),
    /// else on the first event. Every non-empty timeline opens on a heading, so that is row 1.
    fn opening_row(&self) -> Option<usize> {
        if self.timeline_rows.is_empty() {
            return None;
        }
        let bulk = self.data.histogram_range.map(|(start, _)| start);
        let events = &self.data.corpus.events;
        let at_bulk = bulk.and_then(|start| {
            self.timeline_rows.iter().position(
                |r| matches!(r, TimelineRow::Event(e) if events[*e].when.earliest >= Some(start)),
            )
        });
        Some(at_bulk.unwrap_or(1))
    }

    /// The shortest of the index lists (per actor, per topic) that the actor and topic filters
    /// name: every passing item is on each of them. None when only a window filters.
    fn shortest_list<'a, T>(
        &self,
        per_actor: &'a IdVec<ActorId, Vec<T>>,
        per_topic: &'a IdVec<TopicId, Vec<T>>,
    ) -> Option<&'a [T]> {
        self.filters
            .iter()
            .filter_map(|f| match *f {
                Filter::Actor(a) => Some(per_actor.get(a).map_or(&[][..], Vec::as_slice)),
                Filter::Topic(t) => Some(per_topic.get(t).map_or(&[][..], Vec::as_slice)),
                Filter::Window(..) => None,
            })
            .min_by_key(|l| l.len())
    }

    /// A superset of the events passing the filters, ascending: the shortest actor or topic
    /// list, else the events near the time window.
    fn event_candidates(&self) -> Vec<EventId> {
        let ix = &self.data.index;
        if let Some(l) = self.shortest_list(&ix.actor_events, &ix.topic_events) {
            return l.to_vec();
        }
        match self.window() {
            Some((a, b)) => ix.window_candidates(&self.data.corpus, a, b),
            None => self.data.corpus.events.ids().collect(),
        }
    }

    /// A superset of the listed quotes passing the filters, in `quote_order`'s order, given the
    /// events that pass.
    fn quote_candidates(&self, events: &[EventId]) -> Vec<QuoteId> {
        let ix = &self.data.index;
        if let Some(l) = self.shortest_list(&ix.actor_quotes, &ix.topic_quotes) {
            return l.to_vec();
        }
        // Only a window: a quote passes through the event that holds it, which passes.
        let mut pos: Vec<QuotePos> = events
            .iter()
            .flat_map(|&e| {
                self.data.corpus.events[e]
                    .quotes()
                    .iter()
                    .filter(move |&q| self.data.quote_event.get(q).copied().flatten() == Some(e))
            })
            .filter_map(|q| ix.quote_pos.get(q).copied().flatten())
            .collect();
        pos.sort_unstable();
        pos.dedup();
        pos.into_iter().map(|p| self.data.quote_order[p]).collect()
    }

    pub fn selected_event(&self) -> Option<EventId> {
        match self.timeline_rows.get(self.timeline.selected) {
            Some(TimelineRow::Event(e)) => Some(*e),
            _ => None,
        }
    }

    pub fn selected_quote(&self) -> Option<QuoteId> {
        self.quotes.get(self.quote_cursor.selected).copied()
    }

    pub fn selected_actor(&self) -> Option<ActorId> {
        match self.data.actor_rows.get(self.actors.selected) {
            Some(ActorRow::Actor(a)) => Some(*a),
            _ => None,
        }
    }

    pub fn selected_topic(&self) -> Option<TopicId> {
        self.data.topic_order.get(self.topics.selected).copied()
    }

    pub fn filter_label(&self, f: &Filter) -> String {
        let c = &self.data.corpus;
        match *f {
            Filter::Actor(a) => c.actors.get(a).map_or("?".into(), |a| a.name.clone()),
            Filter::Topic(t) => c
                .topics
                .get(t)
                .map_or("?".into(), |t| format!("#{}", t.label)),
            Filter::Window(a, b) if a == b => a.format("%Y-%m-%d").to_string(),
            Filter::Window(a, b) => format!("{} → {}", a.format("%Y-%m-%d"), b.format("%Y-%m-%d")),
        }
    }

    pub fn window(&self) -> Option<(NaiveDate, NaiveDate)> {
        self.filters.iter().find_map(|f| match *f {
            Filter::Window(a, b) => Some((a, b)),
            _ => None,
        })
    }
}
