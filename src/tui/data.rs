//! What the browser derives once from a corpus: list orders, lookups, source marks, search, periods.

use std::sync::{Arc, OnceLock};

use chrono::{Datelike, Duration, NaiveDate};

use super::index::{FilterIndex, FilterLists};
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
    /// A time expression that dates a part of its sentence with an event of its own (a sub-event:
    /// a relative clause, a participial phrase, …), not the sentence's event.
    SubTime,
    Actor,
    Quote,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub span: Span,
    pub kind: MarkKind,
}

/// How a time expression is marked: a sub-event's apart from the others.
fn time_kind(t: &crate::corpus::CorpusTimex) -> MarkKind {
    if t.part.is_some() {
        MarkKind::SubTime
    } else {
        MarkKind::Time
    }
}

/// Marks longer than this are kept apart from the others (`Marks::of`).
pub const LONG_MARK: usize = 4096;

/// A document with more marks than this has them sorted once at load, so that a screen of it is
/// found by bisection; the marks of a smaller one are sorted when a screen of it is drawn.
const SORTED_OVER: usize = 1024;

/// The spans to highlight in the source pane, every document's in one list.
///
/// Sorting every document's marks at load was a third of the time before a large archive's first
/// frame (44,000 articles, 3 million marks): now only documents with more than `SORTED_OVER`
/// marks are sorted at load (by start, the short ones before those over `LONG_MARK` bytes); a
/// smaller document's marks are picked out and sorted when drawn, which costs less than one wrapped
/// line of text.
#[derive(Clone, Debug, Default)]
pub struct Marks {
    /// Where each document's marks begin in `all` (one more entry than documents).
    starts: Vec<usize>,
    /// Every mark, by document; within a document in the order found (time expressions, then
    /// actors' mentions by actor, then quotes), or sorted when it has more than `sorted_over`.
    all: Vec<Mark>,
    sorted_over: usize,
}

impl Marks {
    /// The marks of `corpus`, sorting at once those of documents with more than `sorted_over`.
    pub fn new(corpus: &Corpus, sorted_over: usize) -> Marks {
        let n = corpus.documents.len();
        let each = |f: &mut dyn FnMut(DocId, Mark)| {
            for t in &corpus.timexes {
                f(
                    t.doc(),
                    Mark {
                        span: t.span(),
                        kind: time_kind(t),
                    },
                );
            }
            for a in &corpus.actors {
                for m in &a.mentions {
                    f(
                        m.doc(),
                        Mark {
                            span: m.span(),
                            kind: MarkKind::Actor,
                        },
                    );
                }
            }
            for q in &corpus.quotes {
                if q.kind != QuoteKind::Term {
                    f(
                        q.doc(),
                        Mark {
                            span: q.span(),
                            kind: MarkKind::Quote,
                        },
                    );
                }
            }
        };
        let mut starts = vec![0usize; n + 1];
        each(&mut |d, _| {
            if let Some(c) = starts.get_mut(d.index() + 1) {
                *c += 1;
            }
        });
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let empty = Mark {
            span: Span::new(0, 0),
            kind: MarkKind::Time,
        };
        let mut all = vec![empty; starts[n]];
        let mut next = starts.clone();
        each(&mut |d, m| {
            if d.index() < n {
                all[next[d.index()]] = m;
                next[d.index()] += 1;
            }
        });
        for d in 0..n {
            let mine = &mut all[starts[d]..starts[d + 1]];
            if mine.len() > sorted_over {
                mine.sort_by_key(|m| (m.span.len() > LONG_MARK, m.span.start, m.kind));
            }
        }
        Marks {
            starts,
            all,
            sorted_over,
        }
    }

    /// The marks of document `doc` that overlap `range`, by start (later kinds after earlier ones
    /// at one start), those over `LONG_MARK` bytes last.
    pub fn in_range(&self, doc: DocId, range: Span) -> Vec<Mark> {
        let d = doc.index();
        let (Some(&from), Some(&to)) = (self.starts.get(d), self.starts.get(d + 1)) else {
            return Vec::new();
        };
        let mine = &self.all[from..to];
        let short_here = |m: &&Mark| {
            m.span.overlaps(range) || (m.span.is_empty() && range.contains_offset(m.span.start))
        };
        let long_here = |m: &&Mark| m.span.overlaps(range);
        let key = |m: &Mark| (m.span.start, m.kind);
        if mine.len() > self.sorted_over {
            // Sorted: the short ones by bisection, then the long ones.
            let split = mine.partition_point(|m| m.span.len() <= LONG_MARK);
            let (short, long) = mine.split_at(split);
            let a = short.partition_point(|m| m.span.start + LONG_MARK < range.start);
            let b = short.partition_point(|m| m.span.start < range.end);
            let mut out: Vec<Mark> = short[a..b.max(a)]
                .iter()
                .filter(short_here)
                .copied()
                .collect();
            out.extend(long.iter().filter(long_here).copied());
            return out;
        }
        let mut out: Vec<Mark> = mine
            .iter()
            .filter(|m| m.span.len() <= LONG_MARK)
            .filter(short_here)
            .copied()
            .collect();
        out.sort_by_key(key);
        let mut long: Vec<Mark> = mine
            .iter()
            .filter(|m| m.span.len() > LONG_MARK)
            .filter(long_here)
            .copied()
            .collect();
        long.sort_by_key(key);
        out.extend(long);
        out
    }
}

impl Data {
    /// The marks of document `doc` that overlap `range` (`Marks::in_range`).
    pub fn marks_in(&self, doc: DocId, range: Span) -> Vec<Mark> {
        self.marks.in_range(doc, range)
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
    /// The filter index's per-actor and per-topic lists, built first (they take a tenth of the
    /// time of the full-text index) from the quotes' events and list order.
    lists: Arc<OnceLock<FilterLists>>,
    quote_event: IdVec<QuoteId, Option<EventId>>,
    quote_order: IdVec<QuotePos, QuoteId>,
}

impl TextBuild {
    /// Builds the filter lists and then the full-text index into their slots (unless they are
    /// there), on the calling thread's rayon pool.
    pub fn run(self) {
        self.lists
            .get_or_init(|| FilterLists::new(&self.corpus, &self.quote_event, &self.quote_order));
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
    /// Per document, the spans to highlight in the source pane (`marks_in`).
    pub marks: Marks,
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

    /// The work left after the first frame (the filter lists, the full-text index), to run on
    /// another thread.
    pub fn text_build(&self) -> TextBuild {
        TextBuild {
            corpus: Arc::clone(&self.corpus),
            slot: Arc::clone(&self.text),
            lists: Arc::clone(&self.index.lists),
            quote_event: self.quote_event.clone(),
            quote_order: self.quote_order.clone(),
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

        let marks = Marks::new(&corpus, SORTED_OVER);
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
        let index = FilterIndex::new(&corpus, &quote_order);
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
        // Each event's bar, then the bars: events come in date order, so a bar is worked out
        // once per day rather than once per event (twice, as it was, was a tenth of the time
        // before a large archive's first frame).
        let mut last: Option<(NaiveDate, u32)> = None;
        let buckets: Vec<u32> = data
            .corpus
            .events
            .iter()
            .map(|e| {
                e.when.earliest.map_or(u32::MAX, |d| match last {
                    Some((day, b)) if day == d => b,
                    _ => {
                        let b = u32::try_from(data.bucket_of(d)).unwrap_or(u32::MAX);
                        last = Some((d, b));
                        b
                    }
                })
            })
            .collect();
        data.histogram = match data.histogram_range {
            Some((_, end)) => {
                let mut bars = vec![0; (data.bucket_of(end) + 1).min(100_000)];
                for &b in &buckets {
                    if let Some(x) = bars.get_mut(b as usize) {
                        *x += 1;
                    }
                }
                bars
            }
            None => Vec::new(),
        };
        data.index.event_bucket = buckets;
        data
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

    /// A corpus whose marks overlap, repeat, sit empty, run past `LONG_MARK` and come from every
    /// kind in every order, over two documents and one without marks.
    fn marked() -> Corpus {
        use crate::corpus::{Actor, CorpusQuote, CorpusTimex, Mention};
        use crate::model::{Document, TimexType};
        let text = "word ".repeat(4000);
        let doc = |id: &str| Document {
            id: id.into(),
            text: text.clone(),
            ..Document::default()
        };
        let mut c = Corpus {
            documents: vec![doc("a"), doc("b"), doc("c")].into(),
            ..Corpus::default()
        };
        let sym = c.strings.intern("2025");
        let spans = |seed: usize| -> Vec<Span> {
            (0..300)
                .map(|i| {
                    let start = (i * 7919 + seed * 104_729) % 19_000;
                    let len = match i % 9 {
                        0 => 0,
                        1 => LONG_MARK + 1 + i,
                        _ => (i * 31) % 60,
                    };
                    Span::new(start, (start + len).min(text.len()))
                })
                .collect()
        };
        for (n, s) in spans(1).into_iter().enumerate() {
            let d = DocId::new(n % 2 * 2);
            let mut t = CorpusTimex::from_parts(d, s, TimexType::Date, sym, None, None);
            // Every fifth a sub-event's.
            if n % 5 == 0 {
                t.part = Some(crate::model::PartKind::Relative);
            }
            c.timexes.push(t);
        }
        for k in 0..5 {
            c.actors.push(Actor {
                id: format!("person:{k}"),
                name: format!("P{k}"),
                kind: ActorKind::Person,
                roles: Vec::new(),
                aliases: Vec::new(),
                country: None,
                mentions: spans(k + 2)
                    .into_iter()
                    .enumerate()
                    .map(|(n, s)| Mention::new(DocId::new((n + k) % 2 * 2), s))
                    .collect(),
            });
        }
        for (n, s) in spans(9).into_iter().enumerate() {
            let kind = [QuoteKind::Direct, QuoteKind::Reported, QuoteKind::Term][n % 3];
            let q = CorpusQuote::new(DocId::new(n % 2 * 2), s, kind, None, None, []);
            c.quotes.push(q);
        }
        c
    }

    /// What the marks of a screen were when every document's marks were sorted at load.
    fn sorted_at_load(c: &Corpus, doc: DocId, range: Span) -> Vec<Mark> {
        let mut all = Vec::new();
        for t in c.timexes.iter().filter(|t| t.doc() == doc) {
            all.push(Mark {
                span: t.span(),
                kind: time_kind(t),
            });
        }
        for a in &c.actors {
            for m in a.mentions.iter().filter(|m| m.doc() == doc) {
                all.push(Mark {
                    span: m.span(),
                    kind: MarkKind::Actor,
                });
            }
        }
        for q in c
            .quotes
            .iter()
            .filter(|q| q.doc() == doc && q.kind != QuoteKind::Term)
        {
            all.push(Mark {
                span: q.span(),
                kind: MarkKind::Quote,
            });
        }
        all.sort_by_key(|m| (m.span.start, m.kind));
        let (short, long): (Vec<Mark>, Vec<Mark>) =
            all.into_iter().partition(|m| m.span.len() <= LONG_MARK);
        let mut out: Vec<Mark> = short
            .into_iter()
            .filter(|m| {
                m.span.overlaps(range) || (m.span.is_empty() && range.contains_offset(m.span.start))
            })
            .collect();
        out.extend(long.into_iter().filter(|m| m.span.overlaps(range)));
        out
    }

    /// Issue 14: the time of a sub-event is marked apart from the times that date events.
    #[test]
    fn a_sub_event_time_is_marked_apart() {
        let c = marked();
        let marks = Marks::new(&c, SORTED_OVER);
        let kinds: Vec<MarkKind> = marks
            .in_range(DocId::new(0), Span::new(0, 20_000))
            .into_iter()
            .map(|m| m.kind)
            .collect();
        assert!(kinds.contains(&MarkKind::SubTime) && kinds.contains(&MarkKind::Time));
    }

    #[test]
    fn a_screen_has_the_same_marks_whether_sorted_at_load_or_when_drawn() {
        let c = marked();
        let at_load = Marks::new(&c, 0);
        let when_drawn = Marks::new(&c, usize::MAX);
        let default = Marks::new(&c, SORTED_OVER);
        let mut seen = 0;
        for d in 0..4 {
            let doc = DocId::new(d);
            for (a, b) in [
                (0, 20_000),
                (0, 0),
                (100, 100),
                (5000, 5400),
                (18_990, 20_000),
            ] {
                let range = Span::new(a, b);
                let want = sorted_at_load(&c, doc, range);
                seen += want.len();
                assert_eq!(at_load.in_range(doc, range), want, "{d} {a}..{b}");
                assert_eq!(when_drawn.in_range(doc, range), want, "{d} {a}..{b}");
                assert_eq!(default.in_range(doc, range), want, "{d} {a}..{b}");
            }
        }
        assert!(seen > 1000, "{seen}");
    }

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
