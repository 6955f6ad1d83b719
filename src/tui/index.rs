//! Lookups built once at load time so a filter change costs the size of its result, not of the
//! corpus: events and quotes per actor and per topic, the unfiltered timeline, quote positions.

use std::sync::Arc;

use chrono::{Datelike, NaiveDate};

use super::format::month_heading;
use crate::corpus::Corpus;
use crate::ids::{ActorId, EventId, IdVec, QuoteId, QuotePos, TopicId};

/// Dated events spanning more days than this are kept aside, so a window looks up the rest by
/// their first day alone.
const SHORT_SPAN_DAYS: i64 = 62;

/// A row of the timeline pane.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TimelineRow {
    /// A month (or "Undated") and how many shown events it holds.
    Heading(String, usize),
    Event(EventId),
}

#[derive(Clone, Debug, Default)]
pub struct FilterIndex {
    /// Per actor, the events naming it, ascending.
    pub actor_events: IdVec<ActorId, Vec<EventId>>,
    /// Per topic, the events about it, ascending.
    pub topic_events: IdVec<TopicId, Vec<EventId>>,
    /// Per actor, the listed quotes passing its filter (spoken by it or in an event naming it),
    /// in `quote_order`'s order.
    pub actor_quotes: IdVec<ActorId, Vec<QuoteId>>,
    /// Per topic, the listed quotes whose event is about it, in `quote_order`'s order.
    pub topic_quotes: IdVec<TopicId, Vec<QuoteId>>,
    /// Per quote, its place in `quote_order` (None for scare quotes, which are not listed).
    pub quote_pos: IdVec<QuoteId, Option<QuotePos>>,
    /// Dated events spanning more than `SHORT_SPAN_DAYS`, ascending.
    pub long_events: Vec<EventId>,
    /// The timeline without filters.
    pub all_rows: Arc<Vec<TimelineRow>>,
    /// The quote list without filters (`quote_order`).
    pub all_quotes: Arc<Vec<QuoteId>>,
    /// Actors per kind, in `ActorKind::ALL` order.
    pub kind_counts: Vec<usize>,
}

impl FilterIndex {
    pub fn new(
        corpus: &Corpus,
        quote_event: &IdVec<QuoteId, Option<EventId>>,
        quote_order: &IdVec<QuotePos, QuoteId>,
    ) -> Self {
        let mut actor_events: IdVec<ActorId, Vec<EventId>> =
            vec![Vec::new(); corpus.actors.len()].into();
        let mut topic_events: IdVec<TopicId, Vec<EventId>> =
            vec![Vec::new(); corpus.topics.len()].into();
        let mut long_events = Vec::new();
        for (i, e) in corpus.events.iter_enumerated() {
            for a in e.actors() {
                if let Some(l) = actor_events.get_mut(a)
                    && l.last() != Some(&i)
                {
                    l.push(i);
                }
            }
            for t in e.topics() {
                if let Some(l) = topic_events.get_mut(t)
                    && l.last() != Some(&i)
                {
                    l.push(i);
                }
            }
            if let (Some(s), Some(l)) = (e.when.earliest, e.when.latest)
                && (l - s).num_days() > SHORT_SPAN_DAYS
            {
                long_events.push(i);
            }
        }
        let mut quote_pos: IdVec<QuoteId, Option<QuotePos>> =
            vec![None; corpus.quotes.len()].into();
        let mut actor_quotes: IdVec<ActorId, Vec<QuoteId>> =
            vec![Vec::new(); corpus.actors.len()].into();
        let mut topic_quotes: IdVec<TopicId, Vec<QuoteId>> =
            vec![Vec::new(); corpus.topics.len()].into();
        for (pos, &q) in quote_order.iter_enumerated() {
            if let Some(p) = quote_pos.get_mut(q) {
                *p = Some(pos);
            }
            let ev = quote_event
                .get(q)
                .copied()
                .flatten()
                .and_then(|e| corpus.events.get(e));
            if let Some(ev) = ev {
                for t in ev.topics() {
                    if let Some(l) = topic_quotes.get_mut(t)
                        && l.last() != Some(&q)
                    {
                        l.push(q);
                    }
                }
            }
            let event_actors = ev.map(|ev| ev.actors()).unwrap_or_default();
            for a in corpus.quotes[q].speakers().iter().chain(event_actors) {
                if let Some(l) = actor_quotes.get_mut(a)
                    && l.last() != Some(&q)
                {
                    l.push(q);
                }
            }
        }
        let kind_counts = crate::model::ActorKind::ALL
            .iter()
            .map(|k| corpus.actors.iter().filter(|a| a.kind == *k).count())
            .collect();
        FilterIndex {
            actor_events,
            topic_events,
            actor_quotes,
            topic_quotes,
            quote_pos,
            long_events,
            all_rows: Arc::new(timeline_rows(corpus, corpus.events.ids())),
            all_quotes: Arc::new(quote_order.to_vec()),
            kind_counts,
        }
    }

    /// The events that may fall in the window `a..=b` (a superset, ascending): those starting
    /// in it or shortly before, and the long ones starting before its end.
    pub fn window_candidates(&self, corpus: &Corpus, a: NaiveDate, b: NaiveDate) -> Vec<EventId> {
        let events = &corpus.events;
        // Dated events come first, by first day.
        let starts_before =
            |d: NaiveDate| events.partition_point(|e| e.when.earliest.is_some_and(|s| s < d));
        let from = starts_before(super::data::add_days(a, -SHORT_SPAN_DAYS - 1));
        let to = events.partition_point(|e| e.when.earliest.is_some_and(|s| s <= b));
        let mut out: Vec<EventId> = (from..to.max(from)).map(EventId::new).collect();
        out.extend(
            self.long_events
                .iter()
                .copied()
                .filter(|e| e.index() < from),
        );
        out.sort_unstable();
        out
    }
}

/// The timeline rows of `events` (ascending): a heading per month, then its events.
pub fn timeline_rows(
    corpus: &Corpus,
    events: impl IntoIterator<Item = EventId>,
) -> Vec<TimelineRow> {
    let mut rows = Vec::new();
    // (year, month) of the current heading; None for "Undated". Compared, not formatted, per event.
    let mut heading: Option<Option<(i32, u32)>> = None;
    let mut heading_row = 0;
    for e in events {
        let date = corpus.events[e].when.earliest;
        let key = date.map(|d| (d.year(), d.month()));
        if heading != Some(key) {
            let label = date.map_or_else(|| "Undated".to_string(), month_heading);
            heading_row = rows.len();
            rows.push(TimelineRow::Heading(label, 0));
            heading = Some(key);
        }
        if let Some(TimelineRow::Heading(_, n)) = rows.get_mut(heading_row) {
            *n += 1;
        }
        rows.push(TimelineRow::Event(e));
    }
    rows
}

/// The row showing event `e`, found by bisection: event rows ascend, and a heading sorts as the
/// event right under it.
pub fn row_of(rows: &[TimelineRow], e: EventId) -> Option<usize> {
    let key = |i: usize| match rows.get(i) {
        Some(TimelineRow::Event(x)) => Some(*x),
        Some(TimelineRow::Heading(..)) => match rows.get(i + 1) {
            Some(TimelineRow::Event(x)) => Some(*x),
            _ => None,
        },
        None => None,
    };
    let (mut lo, mut hi) = (0, rows.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match key(mid) {
            Some(x) if x < e => lo = mid + 1,
            _ => hi = mid,
        }
    }
    // `lo` may be the heading above `e`.
    [lo, lo + 1]
        .into_iter()
        .find(|&i| rows.get(i) == Some(&TimelineRow::Event(e)))
}
