//! Happenings: the events of every article grouped into what happened once (a visit, a vote, a
//! verdict), whatever the outlet, wording and date precision of each report, with a salience
//! from how many articles and sources report it.
//!
//! An event is one sentence of one article. Grouping runs in three steps, each near-linear in
//! the number of events:
//!
//! 1. **Duplicate articles** (`dedup`): the same normalised text under two files or ids. A copy's
//!    events join the happenings of the first copy's events and count once.
//! 2. **Threads within an article** (`threads`): in reading order, a sentence without a date of
//!    its own continues the happening of the sentence before; a dated sentence joins the
//!    article's thread with a compatible date and similar words, or starts one. A written date of
//!    a day or a few that differs from every written date of a thread ("on 21 November" after
//!    "on 20–21 November") names another happening. A dateline ("BAKU, 22 November, KHAZAR.")
//!    has no date of its own and goes with the lede.
//! 3. **Across articles** (`merge`): threads of different articles join when their dates are
//!    compatible and they share participants, places and wording (content words weighted by
//!    their rarity over the corpus). Candidates are blocked by date bucket and shared term, so
//!    no pair of the whole corpus is ever compared. Two threads of one article join here only
//!    when other articles' reports match both clearly (`rules::JOIN_SAME_ARTICLE`).
//!
//! Everything is computed in a fixed order from the corpus alone: the result does not depend on
//! the number of threads.

use std::ops::Deref;

use chrono::NaiveDate;

use super::compact::{Ids, id_list, to_u32};
use super::{Corpus, CorpusWhen};
use crate::ids::{ActorId, DocId, EventId, HappeningId, Id, IdVec};

mod dedup;
mod merge;
mod period;
mod rules;
mod terms;
mod threads;

pub use period::Period;
pub use terms::Words;

/// Something that happened once, and every event (sentence) that reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Happening {
    /// The most precise date its reports agree on; `basis` is the basis of the report it comes
    /// from.
    pub when: CorpusWhen,
    /// The width of `when`, for the heading the happening sits under.
    pub period: Period,
    /// The report whose sentence stands for the happening.
    pub label: EventId,
    /// Distinct articles reporting it; copies of one text (`Happenings::duplicate_of`) count
    /// once.
    pub reports: u32,
    /// Distinct sources (`Document::source`, outlets) of those articles and their copies; an
    /// article without a source counts as a source of its own.
    pub sources: u32,
    events: Box<[u32]>,
    documents: Box<[u32]>,
    actors: Box<[u32]>,
}

impl Happening {
    /// Its reports, in the corpus's (chronological) event order.
    pub fn events(&self) -> Ids<'_, EventId> {
        Ids::new(&self.events)
    }

    /// The articles of its reports in input order, copies of one text included.
    pub fn documents(&self) -> Ids<'_, DocId> {
        Ids::new(&self.documents)
    }

    /// Its participants and places: the actors of its reports, the most often named first.
    pub fn actors(&self) -> Ids<'_, ActorId> {
        Ids::new(&self.actors)
    }

    /// How widely it is reported: each distinct source counts two, each further article from a
    /// source already counted one (`sources + reports`). The key events of a story score
    /// highest.
    pub fn salience(&self) -> u32 {
        self.sources.saturating_add(self.reports)
    }
}

/// The happenings of a corpus, in chronological order (by earliest day, latest day, then first
/// report; undated last), and which happening each event reports. Reads as the list
/// (`IdVec<HappeningId, Happening>`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Happenings {
    list: IdVec<HappeningId, Happening>,
    /// The happening of each event, by `EventId`.
    of_event: Box<[u32]>,
    duplicate_of: IdVec<DocId, Option<DocId>>,
}

impl Deref for Happenings {
    type Target = IdVec<HappeningId, Happening>;

    fn deref(&self) -> &Self::Target {
        &self.list
    }
}

impl Happenings {
    /// Groups the events of `corpus` into happenings, reading the word lists `words` (those in
    /// force for the rest of the pipeline: `corpus::Lexicon`).
    pub fn build(corpus: &Corpus, words: &Words) -> Happenings {
        let duplicate_of = dedup::duplicates(&corpus.documents);
        let group = group(corpus, &duplicate_of, words);
        assemble(corpus, group, duplicate_of)
    }

    /// The happenings of `corpus` grouped as `group` says (`group[e]` for every event; equal
    /// numbers are one happening): for a corpus whose grouping is already known (read back from
    /// an export or the cache, or cut down to a filtered view).
    pub fn from_groups(corpus: &Corpus, group: Vec<u32>) -> Happenings {
        let duplicate_of = dedup::duplicates(&corpus.documents);
        assemble(corpus, group, duplicate_of)
    }

    /// `from_groups` with the duplicate articles already known too (`duplicate_of[d]` for every
    /// document), so that reopening a cached or exported corpus does not compare its texts again.
    pub fn from_known(
        corpus: &Corpus,
        group: Vec<u32>,
        duplicate_of: IdVec<DocId, Option<DocId>>,
    ) -> Happenings {
        assemble(corpus, group, duplicate_of)
    }

    /// The happening `event` reports; None only for an event of a corpus put together by hand
    /// without its happenings.
    pub fn of_event(&self, event: EventId) -> Option<HappeningId> {
        self.of_event
            .get(event.index())
            .map(|&h| HappeningId::from_raw(h))
    }

    /// The first document (in input order) with the same normalised text as `doc`, when `doc` is
    /// a copy.
    pub fn duplicate_of(&self, doc: DocId) -> Option<DocId> {
        self.duplicate_of.get(doc).copied().flatten()
    }

    /// Every happening, the most salient first (`Happening::salience`; ties in chronological
    /// order): the key events of a story, or an archive's top happenings with `.take(50)`.
    pub fn by_salience(&self) -> Vec<HappeningId> {
        let mut ids: Vec<HappeningId> = self.list.ids().collect();
        ids.sort_by_key(|&h| (std::cmp::Reverse(self.list[h].salience()), h));
        ids
    }
}

/// A group number for every event: threads within articles (`threads`), merged across articles
/// (`merge`); a copy of an article takes the groups of its first copy's events.
fn group(corpus: &Corpus, duplicate_of: &IdVec<DocId, Option<DocId>>, words: &Words) -> Vec<u32> {
    let by_doc = reading_order(corpus);
    let is_copy = |d: DocId| duplicate_of.get(d).copied().flatten().is_some();
    let order: Vec<EventId> = by_doc
        .iter_enumerated()
        .filter(|&(d, _)| !is_copy(d))
        .flat_map(|(_, evs)| evs.iter().copied())
        .collect();
    let text = |e: EventId| {
        let ev = &corpus.events[e];
        ev.span().slice(&corpus.documents[ev.doc()].text)
    };
    let timexes = timex_spans(corpus);
    // The time expressions that start inside an event's sentence.
    let in_sentence = |e: EventId| {
        let ev = &corpus.events[e];
        let span = ev.span();
        timexes
            .get(ev.doc())
            .map_or((&[][..], &[][..]), |(list, days)| {
                let from = list.partition_point(|&(start, _)| start < span.start);
                let to = list
                    .partition_point(|&(start, _)| start < span.end)
                    .max(from);
                (&list[from..to], &days[from..to])
            })
    };
    let skip = |e: EventId| in_sentence(e).0;
    let terms = terms::Terms::new(
        order.iter().map(|&e| {
            let ev = &corpus.events[e];
            terms::Sentence {
                text: text(e),
                offset: ev.span().start,
                skip: skip(e),
                actors: ev.actors().raw(),
            }
        }),
        words,
    );
    let reports: Vec<threads::Report> = order
        .iter()
        .map(|&e| {
            let ev = &corpus.events[e];
            let w = &ev.when;
            let own = rules::anchor(w.basis, w.earliest, w.latest, corpus.when_value(w));
            let (anchor, value) = match own {
                Some(a) => (Some(a), w.value),
                None => {
                    reported_anchor(corpus, ev).map_or((None, w.value), |(a, v)| (Some(a), Some(v)))
                }
            };
            threads::Report {
                doc: ev.doc(),
                published: corpus.documents[ev.doc()].published,
                anchor,
                written: w.basis == crate::model::WhenBasis::Explicit,
                guessed: corpus.documents[ev.doc()].date_basis == crate::model::DateBasis::Flag,
                value,
                status: ev.status,
                dateline: rules::is_dateline(text(e), ev.span().start, skip(e)),
            }
        })
        .collect();
    let (thread_of, threads) = threads::split(&reports, &terms, &corpus.strings);
    drop(reports);
    drop(terms);
    let cluster_of = merge::merge(&threads);
    let mut group = vec![u32::MAX; corpus.events.len()];
    for (k, &e) in order.iter().enumerate() {
        group[e.index()] = cluster_of[thread_of[k] as usize];
    }
    // Copies take their first copy's groups, sentence by sentence; a copy whose sentences do not
    // line up (its extraction differed) keeps groups of its own.
    let mut next = to_u32(threads.len());
    for (doc, events) in by_doc.iter_enumerated() {
        let Some(orig) = duplicate_of.get(doc).copied().flatten() else {
            continue;
        };
        let originals = &by_doc[orig];
        for (i, &e) in events.iter().enumerate() {
            group[e.index()] = match originals.get(i) {
                Some(&o) if originals.len() == events.len() => group[o.index()],
                _ => {
                    next += 1;
                    next - 1
                }
            };
        }
    }
    // Only an event of a corpus put together by hand can point past the documents.
    for g in group.iter_mut().filter(|g| **g == u32::MAX) {
        *g = next;
        next += 1;
    }
    group
}

/// The spans of each document's time expressions, by start, and alongside them the days of
/// each that names a date or time with both bounds (not a duration or a set).
type TimexSpans = IdVec<DocId, (Vec<(usize, usize)>, Vec<Option<rules::Days>>)>;

fn timex_spans(corpus: &Corpus) -> TimexSpans {
    use crate::model::TimexType;
    let mut by_doc: IdVec<DocId, Vec<(usize, usize, Option<rules::Days>)>> =
        vec![Vec::new(); corpus.documents.len()].into();
    for t in &corpus.timexes {
        if let Some(list) = by_doc.get_mut(t.doc()) {
            let days = match (t.kind, t.earliest, t.latest) {
                (TimexType::Date | TimexType::Time, Some(a), Some(b)) => {
                    Some((rules::day(a), rules::day(b)))
                }
                _ => None,
            };
            list.push((t.span().start, t.span().end, days));
        }
    }
    by_doc
        .into_iter()
        .map(|mut list| {
            list.sort_unstable();
            list.into_iter().map(|(a, b, d)| ((a, b), d)).unzip()
        })
        .collect::<Vec<_>>()
        .into()
}

/// The events of each document in reading order.
fn reading_order(corpus: &Corpus) -> IdVec<DocId, Vec<EventId>> {
    let mut by_doc: IdVec<DocId, Vec<EventId>> = vec![Vec::new(); corpus.documents.len()].into();
    for (i, e) in corpus.events.iter_enumerated() {
        if let Some(list) = by_doc.get_mut(e.doc()) {
            list.push(i);
        }
    }
    for list in by_doc.iter_mut() {
        list.sort_by_key(|&e| (corpus.events[e].span().start, e));
    }
    by_doc
}

/// Builds the happenings from a grouping: `group[e]` is a group number for every event (any
/// numbers; equal numbers are one happening).
fn assemble(
    corpus: &Corpus,
    group: Vec<u32>,
    duplicate_of: IdVec<DocId, Option<DocId>>,
) -> Happenings {
    // Events by group, in event order: a counting sort by group number, so that no group has a
    // list of its own.
    let members = Members::new(&group);
    let facts = DocFacts::new(corpus, &duplicate_of);
    let mut scratch = Scratch::default();
    let built: Vec<Happening> = members
        .groups()
        .map(|events| happening(corpus, events, &facts, &mut scratch))
        .collect();
    // Chronological order: by earliest day (undated last), latest day, then first report. The
    // keys are sorted, not the happenings: no two happenings share a first report, so the keys
    // are distinct and an unstable sort of them is the order a stable sort of the list was.
    let mut keys: Vec<(ChronoKey, u32)> = built
        .iter()
        .enumerate()
        .map(|(i, h)| {
            (
                (
                    h.when.earliest.is_none(),
                    h.when.earliest,
                    h.when.latest,
                    h.events.first().copied(),
                ),
                to_u32(i),
            )
        })
        .collect();
    keys.sort_unstable();
    let mut slots: Vec<Option<Happening>> = built.into_iter().map(Some).collect();
    let list: Vec<Happening> = keys
        .iter()
        .filter_map(|&(_, i)| slots.get_mut(i as usize).and_then(Option::take))
        .collect();
    drop(slots);
    let mut of_event = vec![0u32; group.len()].into_boxed_slice();
    for (i, h) in list.iter().enumerate() {
        for &e in h.events.iter() {
            of_event[e as usize] = to_u32(i);
        }
    }
    Happenings {
        list: list.into(),
        of_event,
        duplicate_of,
    }
}

/// Where a happening sorts: undated last, by earliest day, latest day, then first report.
type ChronoKey = (bool, Option<NaiveDate>, Option<NaiveDate>, Option<u32>);

/// The members of each group of a grouping, in one flat list: group `g` has
/// `events[start[g]..start[g + 1]]`, in event order.
#[derive(Debug, PartialEq, Eq)]
struct Members {
    start: Vec<u32>,
    events: Vec<u32>,
}

impl Members {
    fn new(group: &[u32]) -> Members {
        let n_groups = group.iter().map(|&g| g as usize + 1).max().unwrap_or(0);
        let mut start = vec![0u32; n_groups + 1];
        for &g in group {
            start[g as usize + 1] += 1;
        }
        for g in 0..n_groups {
            start[g + 1] += start[g];
        }
        let mut next = start.clone();
        let mut events = vec![0u32; group.len()];
        for (e, &g) in group.iter().enumerate() {
            let at = &mut next[g as usize];
            events[*at as usize] = to_u32(e);
            *at += 1;
        }
        Members { start, events }
    }

    /// The events of each group that has any, by group number.
    fn groups(&self) -> impl Iterator<Item = &[u32]> {
        self.start
            .windows(2)
            .map(|w| &self.events[w[0] as usize..w[1] as usize])
            .filter(|m| !m.is_empty())
    }
}

/// What a happening needs to know of each document, worked out once for all happenings.
struct DocFacts<'a> {
    duplicate_of: &'a IdVec<DocId, Option<DocId>>,
    /// The source each document counts as: `NAMED` and the number of its (trimmed) source name,
    /// or, for a document without one, its first copy's number: an article without a source is a
    /// source of its own.
    source: Vec<u64>,
}

const NAMED: u64 = 1 << 32;

impl<'a> DocFacts<'a> {
    fn new(corpus: &Corpus, duplicate_of: &'a IdVec<DocId, Option<DocId>>) -> DocFacts<'a> {
        let mut names: crate::fasthash::FastMap<&str, u32> = Default::default();
        let source = corpus
            .documents
            .iter_enumerated()
            .map(|(d, doc)| match doc.source.as_deref().map(str::trim) {
                Some(s) if !s.is_empty() => {
                    let n = to_u32(names.len());
                    NAMED | u64::from(*names.entry(s).or_insert(n))
                }
                _ => u64::from(canonical(duplicate_of, d).raw()),
            })
            .collect();
        DocFacts {
            duplicate_of,
            source,
        }
    }

    fn is_copy(&self, d: DocId) -> bool {
        self.duplicate_of.get(d).copied().flatten().is_some()
    }
}

/// `d`'s first copy, or `d`.
fn canonical(duplicate_of: &IdVec<DocId, Option<DocId>>, d: DocId) -> DocId {
    duplicate_of.get(d).copied().flatten().unwrap_or(d)
}

/// Buffers kept from one happening to the next.
#[derive(Default)]
struct Scratch {
    documents: Vec<DocId>,
    keys: Vec<u64>,
    firsts: Vec<u32>,
    actors: Vec<ActorId>,
    counted: Vec<(usize, ActorId)>,
}

/// One happening from its events (in event order).
fn happening(
    corpus: &Corpus,
    events: &[u32],
    facts: &DocFacts<'_>,
    scratch: &mut Scratch,
) -> Happening {
    let ev = |e: u32| &corpus.events[EventId::from_raw(e)];
    let documents = &mut scratch.documents;
    documents.clear();
    documents.extend(events.iter().map(|&e| ev(e).doc()));
    documents.sort_unstable();
    documents.dedup();
    let keys = &mut scratch.keys;
    let distinct = |keys: &mut Vec<u64>| {
        keys.sort_unstable();
        keys.dedup();
        keys.len()
    };
    keys.clear();
    keys.extend(
        documents
            .iter()
            .map(|&d| u64::from(canonical(facts.duplicate_of, d).raw())),
    );
    let articles = distinct(keys);
    // Sources by name; an article without one is its own source (by its first copy).
    keys.clear();
    keys.extend(
        documents
            .iter()
            .map(|&d| match facts.source.get(d.index()) {
                Some(&s) => s,
                None => u64::from(canonical(facts.duplicate_of, d).raw()),
            }),
    );
    let sources = distinct(keys);
    // Copies of an article count once: the label, date and actors come from first copies.
    scratch.firsts.clear();
    scratch.firsts.extend(
        events
            .iter()
            .copied()
            .filter(|&e| !facts.is_copy(ev(e).doc())),
    );
    let counted = if scratch.firsts.is_empty() {
        events
    } else {
        &scratch.firsts[..]
    };
    let label = label(corpus, counted);
    let when = agreed_when(corpus, counted, label);
    let period = Period::of(when.earliest, when.latest, corpus.when_value(&when));
    actors_by_count(corpus, counted, &mut scratch.actors, &mut scratch.counted);
    Happening {
        when,
        period,
        label,
        reports: to_u32(articles),
        sources: to_u32(sources),
        actors: id_list(scratch.counted.iter().map(|&(_, a)| a)),
        documents: id_list(scratch.documents.iter().copied()),
        events: events.into(),
    }
}

/// The actors of the events, the most often named first (ties by id), into `counted` (with
/// their counts); `all` is a buffer.
fn actors_by_count(
    corpus: &Corpus,
    events: &[u32],
    all: &mut Vec<ActorId>,
    counted: &mut Vec<(usize, ActorId)>,
) {
    all.clear();
    all.extend(
        events
            .iter()
            .flat_map(|&e| corpus.events[EventId::from_raw(e)].actors()),
    );
    all.sort_unstable();
    counted.clear();
    counted.extend(all.chunk_by(|a, b| a == b).map(|run| (run.len(), run[0])));
    counted.sort_by_key(|&(n, a)| (std::cmp::Reverse(n), a));
}

/// The report that stands for a happening: one with a date of its own (written before
/// relative), the most precise, naming the most actors, the earliest in event order.
fn label(corpus: &Corpus, events: &[u32]) -> EventId {
    use crate::model::WhenBasis;
    let rank = |e: EventId| {
        let ev = &corpus.events[e];
        let own = match ev.when.basis {
            WhenBasis::Explicit => 0,
            WhenBasis::Relative => 1,
            _ => 2,
        };
        let width = match (ev.when.earliest, ev.when.latest) {
            (Some(a), Some(b)) => (b - a).num_days(),
            _ => i64::MAX,
        };
        (own, width, std::cmp::Reverse(ev.actors().len()), e)
    };
    events
        .iter()
        .map(|&e| EventId::from_raw(e))
        .min_by_key(|&e| rank(e))
        .unwrap_or_default()
}

/// The date of a happening: the most precise date of a report that the most reports with dates
/// of their own agree with (overlap), else the label's.
fn agreed_when(corpus: &Corpus, events: &[u32], label: EventId) -> CorpusWhen {
    use crate::model::WhenBasis;
    let own: Vec<CorpusWhen> = events
        .iter()
        .map(|&e| corpus.events[EventId::from_raw(e)].when)
        .filter(|w| {
            matches!(w.basis, WhenBasis::Explicit | WhenBasis::Relative)
                && w.earliest.is_some()
                && w.latest.is_some()
                && !is_vague(corpus, w)
        })
        .collect();
    if own.is_empty() {
        return corpus.events.get(label).map(|e| e.when).unwrap_or_default();
    }
    // Distinct date ranges, each with the number of own-dated reports overlapping it; at most a
    // few hundred are compared, the narrowest first, so a huge happening stays cheap.
    let mut ranges: Vec<CorpusWhen> = own.clone();
    ranges.sort_by_key(|w| {
        (
            w.latest.zip(w.earliest).map(|(b, a)| (b - a).num_days()),
            w.earliest,
            w.latest,
        )
    });
    ranges.dedup_by_key(|w| (w.earliest, w.latest));
    ranges.truncate(256);
    let overlaps =
        |a: &CorpusWhen, b: &CorpusWhen| a.earliest <= b.latest && b.earliest <= a.latest;
    ranges
        .iter()
        .enumerate()
        .max_by_key(|(i, r)| {
            (
                own.iter().filter(|w| overlaps(r, w)).count(),
                std::cmp::Reverse(*i),
            )
        })
        .map(|(_, r)| *r)
        .unwrap_or_default()
}

/// Whether a date is one the text leaves open ("recently", "soon"): no better than none for
/// telling happenings apart.
fn is_vague(corpus: &Corpus, when: &CorpusWhen) -> bool {
    Period::of(when.earliest, when.latest, corpus.when_value(when)) == Period::Vague
}

/// The date of what a report says happened when the report has no date of its own: "Hovhannisyan
/// said the talks on 20–21 November were difficult" is dated by its saying (the article's frame)
/// but reports the talks, so it meets the other reports of the talks on their days. The first
/// dated reported sub-event of the sentence (issue 14's sub-events, `PartKind::Reported`).
fn reported_anchor(
    corpus: &Corpus,
    ev: &super::items::CorpusEvent,
) -> Option<(rules::Days, super::Sym)> {
    corpus
        .timexes_in(ev.doc(), ev.span())
        .filter(|t| t.part == Some(crate::model::PartKind::Reported))
        .find_map(|t| {
            rules::anchor(
                crate::model::WhenBasis::Explicit,
                t.earliest,
                t.latest,
                Some(corpus.strings.get(t.value)),
            )
            .map(|a| (a, t.value))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_list_each_groups_events_in_event_order() {
        // (group of each event, the events of each group that has any, by group number)
        let cases: [(&[u32], &[&[u32]]); 5] = [
            (&[], &[]),
            (&[0], &[&[0]]),
            (&[2, 0, 2, 1, 0], &[&[1, 4], &[3], &[0, 2]]),
            // Group numbers with gaps: the empty groups are left out.
            (&[5, 3, 5, 9], &[&[1], &[0, 2], &[3]]),
            (&[4, 4, 4], &[&[0, 1, 2]]),
        ];
        for (group, want) in cases {
            let m = Members::new(group);
            let got: Vec<&[u32]> = m.groups().collect();
            assert_eq!(got, want, "{group:?}");
        }
    }
}
