//! Lookups built once at load time so a filter change costs the size of its result, not of the
//! corpus: events and quotes per actor and per topic, the unfiltered timeline, quote positions.

use std::sync::{Arc, OnceLock};

use chrono::{Datelike, NaiveDate};

use super::format::{month_heading, year_label, years_label};
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

/// Per actor and per topic, the items that can pass its filter: what makes an actor, speaker or
/// topic filter cost the length of its list. Built after the first frame (`Data::text_build`, on
/// the loader thread: a fifth of the 100 MB reopen's view index); until then a filter checks every
/// event and quote, which gives the same lists, only slower.
#[derive(Clone, Debug, Default)]
pub struct FilterLists {
    /// Per actor, the events naming it, ascending.
    pub actor_events: IdVec<ActorId, Vec<EventId>>,
    /// Per actor, the events holding a quote it said, ascending.
    pub speaker_events: IdVec<ActorId, Vec<EventId>>,
    /// Per actor, the listed quotes it said, in `quote_order`'s order.
    pub speaker_quotes: IdVec<ActorId, Vec<QuoteId>>,
    /// Per topic, the events about it, ascending.
    pub topic_events: IdVec<TopicId, Vec<EventId>>,
    /// Per actor, the listed quotes passing its filter (spoken by it or in an event naming it),
    /// in `quote_order`'s order.
    pub actor_quotes: IdVec<ActorId, Vec<QuoteId>>,
    /// Per topic, the listed quotes whose event is about it, in `quote_order`'s order.
    pub topic_quotes: IdVec<TopicId, Vec<QuoteId>>,
}

#[derive(Clone, Debug, Default)]
pub struct FilterIndex {
    /// The per-actor and per-topic lists, once built (`FilterLists`).
    pub lists: Arc<OnceLock<FilterLists>>,
    /// Per quote, its place in `quote_order` (None for scare quotes, which are not listed).
    pub quote_pos: IdVec<QuoteId, Option<QuotePos>>,
    /// Dated events spanning more than `SHORT_SPAN_DAYS`, ascending.
    pub long_events: Vec<EventId>,
    /// The timeline without filters.
    pub all_rows: Arc<Timeline>,
    /// The timeline of happenings without filters: the first report of each.
    pub happening_rows: Arc<Timeline>,
    /// The quote list without filters (`quote_order`).
    pub all_quotes: Arc<Vec<QuoteId>>,
    /// Per event, its timeline group (`event_groups`).
    pub event_groups: Vec<u32>,
    /// Per event, its histogram bar (`Data::bucket_of` of its first day; `u32::MAX` undated).
    pub event_bucket: Vec<u32>,
    /// Actors per kind, in `ActorKind::ALL` order.
    pub kind_counts: Vec<usize>,
}

impl FilterLists {
    pub fn new(
        corpus: &Corpus,
        quote_event: &IdVec<QuoteId, Option<EventId>>,
        quote_order: &IdVec<QuotePos, QuoteId>,
    ) -> Self {
        let mut actor_events: IdVec<ActorId, Vec<EventId>> =
            vec![Vec::new(); corpus.actors.len()].into();
        let mut topic_events: IdVec<TopicId, Vec<EventId>> =
            vec![Vec::new(); corpus.topics.len()].into();
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
        }
        let mut actor_quotes: IdVec<ActorId, Vec<QuoteId>> =
            vec![Vec::new(); corpus.actors.len()].into();
        let mut topic_quotes: IdVec<TopicId, Vec<QuoteId>> =
            vec![Vec::new(); corpus.topics.len()].into();
        let mut speaker_quotes: IdVec<ActorId, Vec<QuoteId>> =
            vec![Vec::new(); corpus.actors.len()].into();
        let mut speaker_events: IdVec<ActorId, Vec<EventId>> =
            vec![Vec::new(); corpus.actors.len()].into();
        for &q in quote_order.iter() {
            for a in corpus.quotes[q].speakers() {
                if let Some(l) = speaker_quotes.get_mut(a)
                    && l.last() != Some(&q)
                {
                    l.push(q);
                }
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
        for (i, e) in corpus.events.iter_enumerated() {
            for q in e.quotes() {
                for a in corpus
                    .quotes
                    .get(q)
                    .map(|q| q.speakers())
                    .unwrap_or_default()
                {
                    if let Some(l) = speaker_events.get_mut(a)
                        && l.last() != Some(&i)
                    {
                        l.push(i);
                    }
                }
            }
        }
        FilterLists {
            actor_events,
            topic_events,
            actor_quotes,
            topic_quotes,
            speaker_events,
            speaker_quotes,
        }
    }
}

impl FilterIndex {
    /// Everything but the per-actor and per-topic lists (`FilterLists`), which are built later.
    pub fn new(corpus: &Corpus, quote_order: &IdVec<QuotePos, QuoteId>) -> Self {
        let mut long_events = Vec::new();
        for (i, e) in corpus.events.iter_enumerated() {
            if let (Some(s), Some(l)) = (e.when.earliest, e.when.latest)
                && (l - s).num_days() > SHORT_SPAN_DAYS
            {
                long_events.push(i);
            }
        }
        let mut quote_pos: IdVec<QuoteId, Option<QuotePos>> =
            vec![None; corpus.quotes.len()].into();
        for (pos, &q) in quote_order.iter_enumerated() {
            if let Some(p) = quote_pos.get_mut(q) {
                *p = Some(pos);
            }
        }
        let kind_counts = crate::model::ActorKind::ALL
            .iter()
            .map(|k| corpus.actors.iter().filter(|a| a.kind == *k).count())
            .collect();
        let groups = event_groups(corpus);
        FilterIndex {
            lists: Arc::default(),
            event_bucket: Vec::new(),
            quote_pos,
            long_events,
            all_rows: Arc::new(timeline_rows_with(
                corpus,
                corpus.events.ids().collect(),
                &groups,
            )),
            happening_rows: Arc::new(timeline_rows_with(
                corpus,
                super::state::first_of_each_happening(
                    corpus,
                    &corpus.events.ids().collect::<Vec<_>>(),
                ),
                &groups,
            )),
            event_groups: groups,
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

/// The timeline's rows and where its headings are (for "row n of N").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timeline {
    pub rows: Vec<TimelineRow>,
    /// The rows that are headings, ascending.
    pub headings: Vec<usize>,
    /// Per heading, the breadth of the period it groups (a month, or a year, decade or century).
    pub wide: Vec<Breadth>,
}

impl std::ops::Deref for Timeline {
    type Target = [TimelineRow];

    fn deref(&self) -> &[TimelineRow] {
        &self.rows
    }
}

impl Timeline {
    /// The event number (from 1) of row `row`, counting events only.
    pub fn event_number(&self, row: usize) -> usize {
        let headings = self.headings.partition_point(|&h| h <= row);
        (row + 1).saturating_sub(headings)
    }

    /// The breadth of the period the heading at row `row` groups.
    pub fn breadth(&self, row: usize) -> Breadth {
        self.headings
            .binary_search(&row)
            .ok()
            .and_then(|i| self.wide.get(i).copied())
            .unwrap_or(Breadth::Month)
    }
}

/// How wide a period an event's dates cover exactly, when wider than a month: a year, a decade
/// ("the 1990s") or a century. Such events group under their own heading ("2022", "1990s",
/// "21st century") instead of under the month they start in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Breadth {
    Month = 0,
    Year = 1,
    Decade = 2,
    Century = 3,
}

impl Breadth {
    /// About how many days the period lasts.
    pub const fn days(self) -> i64 {
        match self {
            Breadth::Month => 31,
            Breadth::Year => 365,
            Breadth::Decade => 3652,
            Breadth::Century => 36524,
        }
    }
}

/// The breadth of an event dated `a..=b`.
pub fn breadth(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Breadth {
    let (Some(a), Some(b)) = (a, b) else {
        return Breadth::Month;
    };
    if a.month() != 1 || a.day() != 1 || b.month() != 12 || b.day() != 31 {
        return Breadth::Month;
    }
    match b.year() - a.year() {
        0 => Breadth::Year,
        // A decade by its digits (the 1990s), or a BC one counting down (19–10 BC, the 10s BC).
        9 if a.year().rem_euclid(10) == 0 || (b.year() <= 0 && (1 - b.year()) % 10 == 0) => {
            Breadth::Decade
        }
        99 if matches!(a.year().rem_euclid(100), 0 | 1) => Breadth::Century,
        _ => Breadth::Month,
    }
}

/// The heading of an event's group: its month, or its year, decade or century.
fn group_of(a: Option<NaiveDate>, b: Option<NaiveDate>) -> (Breadth, Option<(i32, u32)>) {
    let Some(d) = a else {
        return (Breadth::Month, None);
    };
    match breadth(a, b) {
        Breadth::Month => (Breadth::Month, Some((d.year(), d.month()))),
        w => (w, Some((d.year(), 0))),
    }
}

fn group_label(w: Breadth, d: NaiveDate) -> String {
    let y = d.year();
    match w {
        Breadth::Month => month_heading(d),
        Breadth::Year => year_label(y),
        Breadth::Decade => years_label(y, y.saturating_add(9)),
        Breadth::Century => years_label(y, y.saturating_add(99)),
    }
}

/// The order of timeline rows: date, wider periods first among events starting the same day,
/// then event order. Rows ascend by this key, so an event's row is found by bisection.
fn row_key(
    corpus: &Corpus,
    e: EventId,
) -> (bool, Option<NaiveDate>, std::cmp::Reverse<Breadth>, EventId) {
    let w = &corpus.events[e].when;
    (
        w.earliest.is_none(),
        w.earliest,
        std::cmp::Reverse(breadth(w.earliest, w.latest)),
        e,
    )
}

/// Each event's group as one number (breadth in the low bits, then month and year), computed
/// once at load so that building the rows of a filter compares numbers instead of dates.
pub fn event_groups(corpus: &Corpus) -> Vec<u32> {
    use rayon::prelude::*;
    (*corpus.events)
        .par_iter()
        .map(|e| {
            let (w, ym) = group_of(e.when.earliest, e.when.latest);
            match ym {
                None => u32::MAX,
                Some((y, m)) => {
                    let y = u32::try_from(i64::from(y) + 300_000).unwrap_or(0);
                    ((y << 4 | m) << 2) | w as u32
                }
            }
        })
        .collect()
}

fn breadth_of_group(g: u32) -> Breadth {
    match g & 3 {
        _ if g == u32::MAX => Breadth::Month,
        1 => Breadth::Year,
        2 => Breadth::Decade,
        3 => Breadth::Century,
        _ => Breadth::Month,
    }
}

/// The timeline rows of `events` (ascending): a heading per month (or per year, decade or century
/// for events dated by one), then its events.
pub fn timeline_rows(corpus: &Corpus, events: impl IntoIterator<Item = EventId>) -> Timeline {
    timeline_rows_with(corpus, events.into_iter().collect(), &event_groups(corpus))
}

/// `timeline_rows` with the groups of `event_groups` at hand.
pub fn timeline_rows_with(corpus: &Corpus, mut events: Vec<EventId>, groups: &[u32]) -> Timeline {
    let group = |e: EventId| groups.get(e.index()).copied().unwrap_or(u32::MAX);
    // Events are in date order already; only among events starting the same day do wider
    // periods move first, so that a year's heading comes before its January.
    let mut i = 0;
    while i < events.len() {
        let day = corpus.events[events[i]].when.earliest;
        let mut j = i + 1;
        let mut mixed = false;
        while j < events.len() && corpus.events[events[j]].when.earliest == day {
            mixed |= group(events[j]) & 3 != group(events[i]) & 3;
            j += 1;
        }
        if mixed && day.is_some() {
            events[i..j].sort_by_key(|&e| (std::cmp::Reverse(breadth_of_group(group(e))), e));
        }
        i = j;
    }
    let mut t = Timeline::default();
    t.rows.reserve(events.len() + events.len() / 8 + 1);
    let mut heading: Option<u32> = None;
    let mut heading_row = 0;
    for e in events {
        let g = group(e);
        if heading != Some(g) {
            let w = &corpus.events[e].when;
            let breadth = breadth_of_group(g);
            let label = w
                .earliest
                .map_or_else(|| "Undated".to_string(), |d| group_label(breadth, d));
            heading_row = t.rows.len();
            t.headings.push(heading_row);
            t.wide.push(breadth);
            t.rows.push(TimelineRow::Heading(label, 0));
            heading = Some(g);
        }
        if let Some(TimelineRow::Heading(_, n)) = t.rows.get_mut(heading_row) {
            *n += 1;
        }
        t.rows.push(TimelineRow::Event(e));
    }
    t
}

/// The row showing event `e`, found by bisection on the rows' order (`row_key`); a heading sorts
/// as the event right under it.
pub fn row_of(rows: &[TimelineRow], corpus: &Corpus, e: EventId) -> Option<usize> {
    corpus.events.get(e)?;
    let target = row_key(corpus, e);
    let key = |i: usize| match rows.get(i) {
        Some(TimelineRow::Event(x)) => Some(row_key(corpus, *x)),
        Some(TimelineRow::Heading(..)) => match rows.get(i + 1) {
            Some(TimelineRow::Event(x)) => Some(row_key(corpus, *x)),
            _ => None,
        },
        None => None,
    };
    let (mut lo, mut hi) = (0, rows.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match key(mid) {
            Some(x) if x < target => lo = mid + 1,
            _ => hi = mid,
        }
    }
    // `lo` may be the heading above `e`.
    [lo, lo + 1]
        .into_iter()
        .find(|&i| rows.get(i) == Some(&TimelineRow::Event(e)))
}
