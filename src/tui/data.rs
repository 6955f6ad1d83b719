//! What the browser derives once from a corpus: list orders, lookups, source marks, search, periods.

use std::sync::{Arc, OnceLock};

use chrono::{Datelike, Duration, NaiveDate};

use super::index::FilterIndex;
use super::search::SearchIndex;
use super::textsearch::TextIndex;
use crate::corpus::Corpus;
use crate::ids::{ActorId, DocId, EventId, HappeningId, IdVec, QuoteId, QuotePos, TopicId};
use crate::model::{ActorKind, QuoteKind, Span};

/// The calendar unit of the histogram and of the `[`/`]` time window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Period {
    #[default]
    Day,
    Week,
    Month,
    Year,
}

impl Period {
    /// The finest period that keeps the corpus span to a readable number of bars.
    pub fn for_span(first: NaiveDate, last: NaiveDate) -> Period {
        let days = (last - first).num_days();
        match days {
            ..=92 => Period::Day,
            93..=730 => Period::Week,
            731..=3650 => Period::Month,
            _ => Period::Year,
        }
    }

    pub const fn name(self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
            Period::Year => "year",
        }
    }

    /// The first day of the period holding `d`.
    pub fn start(self, d: NaiveDate) -> NaiveDate {
        match self {
            Period::Day => d,
            Period::Week => add_days(d, -i64::from(d.weekday().num_days_from_monday())),
            Period::Month => d.with_day(1).unwrap_or(d),
            Period::Year => NaiveDate::from_ymd_opt(d.year(), 1, 1).unwrap_or(d),
        }
    }

    /// The first day of the period `n` periods after the one starting at `start`.
    pub fn shift(self, start: NaiveDate, n: i32) -> NaiveDate {
        match self {
            Period::Day => add_days(start, n.into()),
            Period::Week => add_days(start, 7 * i64::from(n)),
            Period::Month => {
                let m = start.year() * 12 + start.month0() as i32 + n;
                NaiveDate::from_ymd_opt(m.div_euclid(12), m.rem_euclid(12) as u32 + 1, 1)
                    .unwrap_or(start)
            }
            Period::Year => NaiveDate::from_ymd_opt(start.year() + n, 1, 1).unwrap_or(start),
        }
    }

    /// The inclusive day range of the period holding `d`.
    pub fn range(self, d: NaiveDate) -> (NaiveDate, NaiveDate) {
        let s = self.start(d);
        let next = self.shift(s, 1);
        (s, if next > s { add_days(next, -1) } else { s })
    }
}

/// The 2nd to 98th percentile of the days, when there are enough of them to speak of outliers.
fn robust_range(mut days: Vec<NaiveDate>) -> Option<(NaiveDate, NaiveDate)> {
    if days.len() < 100 {
        return None;
    }
    let n = days.len();
    let lo = *days.select_nth_unstable(n * 2 / 100).1;
    let hi = *days.select_nth_unstable(n * 98 / 100).1;
    Some((lo, hi))
}

/// `d` moved by `n` days, staying at the calendar's ends instead of overflowing.
pub fn add_days(d: NaiveDate, n: i64) -> NaiveDate {
    d.checked_add_signed(Duration::days(n)).unwrap_or(if n < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}

/// What kind of thing a highlighted source span is; later kinds paint over earlier ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MarkKind {
    Time,
    Actor,
    Quote,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub span: Span,
    pub kind: MarkKind,
}

/// Marks longer than this are kept apart (see `Data::marks`).
pub const LONG_MARK: usize = 4096;

impl Data {
    /// The marks of document `doc` that overlap `range`: found by bisection, so a screen of a
    /// long article costs what a screen of a short one does.
    pub fn marks_in(&self, doc: DocId, range: Span) -> Vec<Mark> {
        let short = self.marks.get(doc).map_or(&[][..], Vec::as_slice);
        let from = short.partition_point(|m| m.span.start + LONG_MARK < range.start);
        let to = short.partition_point(|m| m.span.start < range.end);
        let mut out: Vec<Mark> = short[from..to.max(from)]
            .iter()
            .filter(|m| {
                m.span.overlaps(range) || (m.span.is_empty() && range.contains_offset(m.span.start))
            })
            .copied()
            .collect();
        if let Some(long) = self.long_marks.get(doc) {
            out.extend(long.iter().filter(|m| m.span.overlaps(range)).copied());
        }
        out
    }
}

/// A row of the actors pane: a section heading or an actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActorRow {
    Heading(ActorKind),
    Actor(ActorId),
}

/// The full-text index, filled once: at once by `Data::new`, or after the first frame by the
/// browser's loader (`Data::without_text`, then `TextBuild::run`), so that opening a large archive
/// does not wait for it. Empty until then: a search waits for it with "indexing…" shown.
pub type TextSlot = Arc<OnceLock<TextIndex>>;

/// What builds the full-text index away from the UI: the corpus (shared) and the slot to fill.
pub struct TextBuild {
    corpus: Arc<Corpus>,
    slot: TextSlot,
}

impl TextBuild {
    /// Builds the index into its slot (unless it is there), on the calling thread's rayon pool.
    pub fn run(self) {
        self.slot.get_or_init(|| TextIndex::new(&self.corpus));
    }
}

/// The corpus plus everything the views look up by index.
#[derive(Clone, Debug, Default)]
pub struct Data {
    /// Shared with the thread that builds the full-text index after the first frame.
    pub corpus: Arc<Corpus>,
    /// Actor sections in kind order, each most mentioned first.
    pub actor_rows: Vec<ActorRow>,
    pub people: usize,
    /// Topics, most mentioned first.
    pub topic_order: Vec<TopicId>,
    /// For each quote, the first event that holds it.
    pub quote_event: IdVec<QuoteId, Option<EventId>>,
    /// Direct and reported quotes in timeline order (scare quotes left out).
    pub quote_order: IdVec<QuotePos, QuoteId>,
    /// Per document, the spans to highlight in the source pane, by start (up to `LONG_MARK`
    /// bytes long; longer ones are in `long_marks`), so the marks of a screen are found by
    /// bisection.
    pub marks: IdVec<DocId, Vec<Mark>>,
    pub long_marks: IdVec<DocId, Vec<Mark>>,
    pub search: SearchIndex,
    /// Every article folded for full-text search, once built (`text()`).
    pub text: TextSlot,
    /// How many different outlets (`source`) the articles come from.
    pub outlets: usize,
    /// Per happening, its place when ranked by salience (0 the most reported).
    pub salience_rank: IdVec<HappeningId, u32>,
    /// First and last day of any event.
    pub range: Option<(NaiveDate, NaiveDate)>,
    /// The days the histogram spans: `range` without the few outliers (a stray "1400" or "2100")
    /// that would squash a year of news into one bar. Events outside count in the end bars.
    pub histogram_range: Option<(NaiveDate, NaiveDate)>,
    /// How many dated events start before / after `histogram_range`.
    pub outside: (usize, usize),
    pub period: Period,
    pub undated_events: usize,
    /// Events per period from the first period of `range` to the last.
    pub histogram: Vec<usize>,
    /// Direct and reported quotes.
    pub spoken_quotes: usize,
    /// What makes a filter change cheap.
    pub index: FilterIndex,
}

impl Data {
    /// Everything, the full-text index included (tests, benchmarks, the fuzz target).
    pub fn new(corpus: Corpus) -> Data {
        let data = Data::without_text(corpus);
        data.text_build().run();
        data
    }

    /// The full-text index, once built.
    pub fn text(&self) -> Option<&TextIndex> {
        self.text.get()
    }

    /// The work of building the full-text index, to run on another thread.
    pub fn text_build(&self) -> TextBuild {
        TextBuild {
            corpus: Arc::clone(&self.corpus),
            slot: Arc::clone(&self.text),
        }
    }

    /// Everything but the full-text index: what the first frame needs.
    pub fn without_text(corpus: Corpus) -> Data {
        let mut actor_rows = Vec::new();
        for kind in ActorKind::ALL {
            let mut of_kind: Vec<ActorId> = corpus
                .actors
                .ids()
                .filter(|&i| corpus.actors[i].kind == kind)
                .collect();
            if of_kind.is_empty() {
                continue;
            }
            of_kind.sort_by_key(|&i| (std::cmp::Reverse(corpus.actors[i].mentions.len()), i));
            actor_rows.push(ActorRow::Heading(kind));
            actor_rows.extend(of_kind.into_iter().map(ActorRow::Actor));
        }
        let people = corpus
            .actors
            .iter()
            .filter(|a| a.kind == ActorKind::Person)
            .count();
        let mut topic_order: Vec<TopicId> = corpus.topics.ids().collect();
        topic_order.sort_by_key(|&i| (std::cmp::Reverse(corpus.topics[i].mentions.len()), i));

        let mut quote_event: IdVec<QuoteId, Option<EventId>> =
            vec![None; corpus.quotes.len()].into();
        let mut quote_order: IdVec<QuotePos, QuoteId> = IdVec::new();
        for (ei, e) in corpus.events.iter_enumerated() {
            // Within a sentence the quoted words come before the statement that reports them,
            // so the list opens on what was actually said.
            let mut in_event = e.quotes().to_vec();
            in_event.sort_by_key(|&q| (corpus.quotes[q].kind != QuoteKind::Direct, q));
            for q in in_event {
                if let Some(slot @ None) = quote_event.get_mut(q) {
                    *slot = Some(ei);
                    quote_order.push(q);
                }
            }
        }
        quote_order.extend(corpus.quotes.ids().filter(|&q| quote_event[q].is_none()));
        quote_order
            .as_mut_vec()
            .retain(|&q| corpus.quotes[q].kind != QuoteKind::Term);

        let mut marks: IdVec<DocId, Vec<Mark>> = vec![Vec::new(); corpus.documents.len()].into();
        let mut add = |doc: DocId, span: Span, kind| {
            if let Some(m) = marks.get_mut(doc) {
                m.push(Mark { span, kind });
            }
        };
        for t in &corpus.timexes {
            add(t.doc(), t.span(), MarkKind::Time);
        }
        for a in &corpus.actors {
            for m in &a.mentions {
                add(m.doc(), m.span(), MarkKind::Actor);
            }
        }
        for q in &corpus.quotes {
            if q.kind != QuoteKind::Term {
                add(q.doc(), q.span(), MarkKind::Quote);
            }
        }
        let mut long_marks: IdVec<DocId, Vec<Mark>> =
            vec![Vec::new(); corpus.documents.len()].into();
        for (m, long) in marks.iter_mut().zip(long_marks.iter_mut()) {
            m.sort_by_key(|m| (m.span.start, m.kind));
            if m.iter().any(|m| m.span.len() > LONG_MARK) {
                long.extend(m.iter().filter(|m| m.span.len() > LONG_MARK));
                m.retain(|m| m.span.len() <= LONG_MARK);
            }
        }
        let mut outlets: Vec<&str> = corpus
            .documents
            .iter()
            .filter_map(|d| d.source.as_deref())
            .collect();
        outlets.sort_unstable();
        outlets.dedup();
        let outlets = outlets.len();

        let dated = corpus.events.iter().filter_map(|e| e.when.earliest);
        let first = dated.clone().min();
        let last = corpus
            .events
            .iter()
            .filter_map(|e| e.when.latest.or(e.when.earliest))
            .max();
        let range = first.zip(last);
        let histogram_range = robust_range(dated.collect()).or(range);
        let outside = histogram_range.map_or((0, 0), |(ha, hb)| {
            corpus.events.iter().fold((0, 0), |(before, after), e| {
                // By first day, as the histogram places them.
                let d = e.when.earliest;
                let early = d.is_some_and(|d| d < ha);
                let late = d.is_some_and(|d| d > hb);
                (before + usize::from(early), after + usize::from(late))
            })
        });
        let period = histogram_range.map_or(Period::Day, |(a, b)| Period::for_span(a, b));
        let undated_events = corpus.events.iter().filter(|e| !e.when.is_dated()).count();
        let spoken_quotes = quote_order.len();
        let index = FilterIndex::new(&corpus, &quote_event, &quote_order);
        let mut salience_rank: IdVec<HappeningId, u32> =
            vec![u32::MAX; corpus.happenings.len()].into();
        for (i, h) in corpus.happenings.by_salience().into_iter().enumerate() {
            salience_rank[h] = u32::try_from(i).unwrap_or(u32::MAX);
        }
        let mut data = Data {
            salience_rank,
            index,
            search: SearchIndex::new(&corpus.actors),
            text: TextSlot::default(),
            outlets,
            long_marks,
            histogram: Vec::new(),
            spoken_quotes,
            actor_rows,
            people,
            topic_order,
            quote_event,
            quote_order,
            marks,
            range,
            histogram_range,
            outside,
            period,
            undated_events,
            corpus: Arc::new(corpus),
        };
        data.histogram = data.count_per_period();
        let buckets: Vec<u32> = data
            .corpus
            .events
            .iter()
            .map(|e| {
                e.when.earliest.map_or(u32::MAX, |d| {
                    u32::try_from(data.bucket_of(d)).unwrap_or(u32::MAX)
                })
            })
            .collect();
        data.index.event_bucket = buckets;
        data
    }

    fn count_per_period(&self) -> Vec<usize> {
        let Some((_, last)) = self.histogram_range else {
            return Vec::new();
        };
        let mut bars = vec![0; (self.bucket_of(last) + 1).min(100_000)];
        for e in &self.corpus.events {
            if let Some(d) = e.when.earliest
                && let Some(x) = bars.get_mut(self.bucket_of(d))
            {
                *x += 1;
            }
        }
        bars
    }

    /// The histogram bar of day `d`; days outside the histogram's range go to the end bars.
    pub fn bucket_of(&self, d: NaiveDate) -> usize {
        match self.histogram_range {
            Some((first, last)) => self.bucket(self.period.start(first), d.clamp(first, last)),
            None => 0,
        }
    }

    /// The index of the period holding `d`, counting from the one starting at `start`.
    pub fn bucket(&self, start: NaiveDate, d: NaiveDate) -> usize {
        let days = (d - start).num_days().max(0) as usize;
        match self.period {
            Period::Day => days,
            Period::Week => days / 7,
            Period::Month => ((d.year() - start.year()) * 12 + d.month0() as i32
                - start.month0() as i32)
                .max(0) as usize,
            Period::Year => (d.year() - start.year()).max(0) as usize,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_step_and_stay_in_the_calendar() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        for (p, day, start, end) in [
            (Period::Day, "2025-11-20", "2025-11-20", "2025-11-20"),
            (Period::Week, "2025-11-20", "2025-11-17", "2025-11-23"),
            (Period::Month, "2025-11-20", "2025-11-01", "2025-11-30"),
            (Period::Year, "2025-11-20", "2025-01-01", "2025-12-31"),
        ] {
            assert_eq!(p.range(d(day)), (d(start), d(end)), "{p:?}");
        }
        assert_eq!(Period::Month.shift(d("2025-12-01"), 1), d("2026-01-01"));
        assert_eq!(Period::Month.shift(d("2025-01-01"), -1), d("2024-12-01"));
        // The ends of the calendar do not panic.
        for p in [Period::Day, Period::Week, Period::Month, Period::Year] {
            let _ = p.range(NaiveDate::MAX);
            let _ = p.range(NaiveDate::MIN);
            let _ = p.shift(NaiveDate::MAX, 1);
            let _ = p.shift(NaiveDate::MIN, -1);
        }
    }
}
