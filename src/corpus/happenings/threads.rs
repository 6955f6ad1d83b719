//! Threads within an article: the sentences that continue one happening, in reading order.
//!
//! A sentence with a date of its own (`rules::anchor`) joins the article's thread whose dates
//! overlap its own and whose words and actors it shares (with a bonus for the thread it follows
//! and for a thread with the same date), or starts a thread. A sentence without one continues
//! the thread of the sentence before, unless that thread is background (dated well before the
//! article: then the last thread that was news), and unless another thread of the article
//! matches it clearly better: a quote after a paragraph on last year's verdict belongs to the
//! meeting the article reports, not to the verdict.
//!
//! A sentence whose written date names other days than every written date of a thread
//! (`rules::other_written_day`: the talks "on 20–21 November", then a reception "on 21 November")
//! does not join it, however alike the words: the writer dated them apart.
//!
//! A dateline ("YEREVAN, NOVEMBER 24, ARARAT.": `rules::is_dateline`) reports nothing: its date is
//! when the article was filed, not a date of its own, and it goes with the sentence after it (or,
//! later in an article, the sentence before), so that it neither places the lede's happening on
//! the filing day nor starts a thread that draws the sentences naming the outlet.

use chrono::NaiveDate;

use super::rules::{self, Days, Placement};
use super::terms::{Term, Terms};
use crate::corpus::{Strings, Sym};
use crate::ids::DocId;
use crate::model::Status;

/// At most this many threads of an article (the most recently continued) are compared with a
/// sentence, so that a long article costs time in proportion to its length.
const THREADS_COMPARED: usize = 16;
/// At most this many own dates are kept per thread for `rules::same_moment`.
const DATES_KEPT: usize = 16;

/// One sentence as threading sees it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Report {
    pub doc: DocId,
    pub published: Option<NaiveDate>,
    pub anchor: Option<Days>,
    /// Whether `anchor` is a written date, not one reckoned from the publication date.
    pub written: bool,
    /// Whether the publication date is one given for the whole input (`--date`), not the
    /// article's own.
    pub guessed: bool,
    pub value: Option<Sym>,
    pub status: Status,
    /// Whether the sentence is a dateline (`rules::is_dateline`): it goes with the sentence
    /// after it, and its date is not its own.
    pub dateline: bool,
}

/// A thread: the sentences of one article that report one happening.
#[derive(Clone, Debug, Default)]
pub(super) struct Thread {
    pub doc: DocId,
    pub sentences: usize,
    /// How many of its sentences are datelines: a thread of datelines only is continued by the
    /// next sentence, whatever it says.
    datelines: usize,
    /// The hull of its sentences' own dates.
    pub hull: Option<Days>,
    /// The hull of its sentences' written dates.
    written: Option<Days>,
    /// Whether its article's publication date was given for the whole input (`--date`).
    guessed: bool,
    /// Where its first sentence's article places it when it has no own date.
    pub window: Option<Days>,
    /// Summed term weights of its sentences, sorted by term (once `settle`d).
    pub vector: Vec<(Term, f32)>,
    pub norm: f32,
    /// Its sentences' own dates (at most `DATES_KEPT`), with their values and whether each is
    /// written.
    dates: Vec<(Days, Option<Sym>, bool)>,
    /// Sentences added since the vector was last brought up to date: a thread's vector is built
    /// only when a sentence is compared with it, and most articles have one thread.
    pending: Vec<u32>,
}

impl Thread {
    /// How it is placed in time against threads of other articles; None when it cannot be.
    ///
    /// A date given for the whole input (`--date`) is no evidence that two articles speak of the
    /// same days: neither the window it allows nor dates reckoned from it ("last year", "this
    /// week") place a thread then; only written dates do.
    pub(super) fn placement(&self) -> Option<Placement> {
        if self.guessed {
            return self.written.map(Placement::Dated);
        }
        match (self.hull, self.window) {
            (Some(h), _) => Some(Placement::Dated(h)),
            (None, Some(w)) => Some(Placement::Window(w)),
            (None, None) => None,
        }
    }

    /// A new, empty thread of report `r`'s article, pushed onto `threads`; its index.
    fn start(threads: &mut Vec<Thread>, r: &Report) -> usize {
        threads.push(Thread {
            doc: r.doc,
            guessed: r.guessed,
            window: rules::weak_window(r.published, r.status),
            ..Thread::default()
        });
        threads.len() - 1
    }

    fn add(&mut self, i: usize, r: &Report) {
        self.sentences += 1;
        if r.dateline {
            self.datelines += 1;
            self.pending.push(u32::try_from(i).unwrap_or(u32::MAX));
            return;
        }
        self.pending.push(u32::try_from(i).unwrap_or(u32::MAX));
        if let Some(a) = r.anchor {
            let widen = |h: Option<Days>| Some(h.map_or(a, |h| (h.0.min(a.0), h.1.max(a.1))));
            self.hull = widen(self.hull);
            if r.written {
                self.written = widen(self.written);
            }
            if self.dates.len() < DATES_KEPT {
                self.dates.push((a, r.value, r.written));
            }
        }
    }

    /// Adds the pending sentences' term weights into the vector; `scratch` is a buffer kept
    /// between calls.
    fn settle(&mut self, terms: &Terms, scratch: &mut Vec<(Term, f32)>) {
        for &i in &self.pending {
            merge_into(&self.vector, terms.of(i as usize), terms, scratch);
            std::mem::swap(&mut self.vector, scratch);
        }
        if !self.pending.is_empty() {
            self.pending.clear();
            self.norm = self.vector.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
        }
    }

    /// Whether a sentence's written date `a` names another happening than this thread's
    /// written dates (`rules::other_written_day`).
    fn written_elsewhere(&self, a: Days) -> bool {
        let mut written = self.dates.iter().filter(|d| d.2).map(|d| d.0).peekable();
        written.peek().is_some() && written.all(|d| rules::other_written_day(a, d))
    }

    fn has_same_moment(&self, a: Days, value: Option<Sym>, strings: &Strings) -> bool {
        let v = value.map_or("", |s| strings.get(s));
        self.dates.iter().any(|&(d, w, _)| {
            let w = w.map_or("", |s| strings.get(s));
            rules::same_moment(a, v, d, w)
        })
    }
}

/// Writes into `out` the sorted `vector` with the weights of `sentence`'s (sorted) terms added.
fn merge_into(
    vector: &[(Term, f32)],
    sentence: &[Term],
    terms: &Terms,
    out: &mut Vec<(Term, f32)>,
) {
    out.clear();
    out.reserve(vector.len() + sentence.len());
    let mut rest = vector;
    for &s in sentence {
        let n = rest.partition_point(|&(t, _)| t < s);
        out.extend_from_slice(&rest[..n]);
        rest = &rest[n..];
        match rest.first() {
            Some(&(t, w)) if t == s => {
                out.push((t, w + terms.weight(s)));
                rest = &rest[1..];
            }
            _ => out.push((s, terms.weight(s))),
        }
    }
    out.extend_from_slice(rest);
}

/// Cosine similarity of a sentence (its terms, weighted by `terms`) and a thread.
fn cosine(sentence: &[Term], norm: f32, terms: &Terms, thread: &Thread) -> f32 {
    if norm == 0.0 || thread.norm == 0.0 {
        return 0.0;
    }
    // A sentence has a dozen terms, a thread up to hundreds: look each up by bisection in the
    // part of the thread's (sorted) vector not yet passed.
    let mut rest = &thread.vector[..];
    let mut dot = 0.0f32;
    for &s in sentence {
        match rest.binary_search_by_key(&s, |&(t, _)| t) {
            Ok(i) => {
                dot += rest[i].1 * terms.weight(s);
                rest = &rest[i + 1..];
            }
            Err(i) => rest = &rest[i..],
        }
    }
    dot / (norm * thread.norm)
}

/// Splits the reports (grouped by article, each article's in reading order) into threads:
/// returns every report's thread and the threads.
pub(super) fn split(
    reports: &[Report],
    terms: &Terms,
    strings: &Strings,
) -> (Vec<u32>, Vec<Thread>) {
    let mut thread_of = vec![0u32; reports.len()];
    let mut threads: Vec<Thread> = Vec::new();
    let mut start = 0;
    while start < reports.len() {
        let doc = reports[start].doc;
        let end = start
            + reports[start..]
                .iter()
                .position(|r| r.doc != doc)
                .unwrap_or(reports.len() - start);
        split_article(
            start..end,
            reports,
            terms,
            strings,
            &mut thread_of,
            &mut threads,
        );
        start = end;
    }
    (thread_of, threads)
}

fn split_article(
    range: std::ops::Range<usize>,
    reports: &[Report],
    terms: &Terms,
    strings: &Strings,
    thread_of: &mut [u32],
    threads: &mut Vec<Thread>,
) {
    let first = threads.len();
    // The article's threads by recency of use, as indices into `threads`.
    let mut recency: Vec<usize> = Vec::new();
    let mut current: Option<usize> = None;
    let mut last_news: Option<usize> = None;
    let mut scratch = Vec::new();
    for i in range {
        let r = &reports[i];
        // A dateline goes with the sentence before it, or the sentence after it with the
        // dateline; nothing is compared.
        let led = current.filter(|&c| r.dateline || threads[c].datelines == threads[c].sentences);
        if led.is_some() || r.dateline {
            let t = led.unwrap_or_else(|| Thread::start(threads, r));
            if !r.dateline && threads[t].datelines == threads[t].sentences {
                // Placed by what the article reports, not by its dateline.
                threads[t].window = rules::weak_window(r.published, r.status);
            }
            threads[t].add(i, r);
            thread_of[i] = u32::try_from(t).unwrap_or(u32::MAX);
            recency.retain(|&x| x != t);
            recency.push(t);
            current = Some(t);
            if !r.dateline && rules::recent(threads[t].hull, r.published) {
                last_news = Some(t);
            }
            continue;
        }
        let sentence = terms.of(i);
        let norm = || {
            sentence
                .iter()
                .map(|&t| terms.weight(t).powi(2))
                .sum::<f32>()
                .sqrt()
        };
        let compared = &recency[recency.len().saturating_sub(THREADS_COMPARED)..];
        let default = current.map(|cur| match last_news {
            Some(news) if !rules::recent(threads[cur].hull, r.published) => news,
            _ => cur,
        });
        // Only threads a choice is made among are brought up to date; an undated sentence of
        // an article with one thread compares nothing.
        let choice = match (r.anchor, default) {
            (None, None) => false,
            (None, Some(d)) => compared.iter().any(|&t| t != d),
            (Some(_), _) => !compared.is_empty(),
        };
        if choice {
            for &t in compared {
                threads[t].settle(terms, &mut scratch);
            }
            if let Some(d) = default {
                threads[d].settle(terms, &mut scratch);
            }
        }
        let norm = if choice { norm() } else { 0.0 };
        let sim = |t: usize| cosine(sentence, norm, terms, &threads[t]);
        let chosen = match (r.anchor, current) {
            (None, None) => None,
            (None, Some(_)) if !choice => default,
            (None, Some(cur)) => {
                let default = default.unwrap_or(cur);
                let own = sim(default);
                let bonus = |t: usize| if t == cur { rules::CONTINUES } else { 0.0 };
                let best = best_of(compared.iter().copied(), |t| sim(t) + bonus(t));
                Some(match best {
                    Some((t, s)) if t != default && s >= rules::JOIN_IN_ARTICLE && s > own => t,
                    _ => default,
                })
            }
            (Some(a), _) => {
                let score = |t: usize| {
                    let mut s = sim(t);
                    if Some(t) == current {
                        s += rules::CONTINUES;
                    }
                    if threads[t].has_same_moment(a, r.value, strings) {
                        s += rules::SAME_MOMENT;
                    }
                    s
                };
                let open = |t: usize| {
                    fits(&threads[t], a) && !(r.written && threads[t].written_elsewhere(a))
                };
                best_of(compared.iter().copied().filter(|&t| open(t)), score)
                    .filter(|&(_, s)| s >= rules::JOIN_IN_ARTICLE)
                    .map(|(t, _)| t)
            }
        };
        let t = chosen.unwrap_or_else(|| Thread::start(threads, r));
        threads[t].add(i, r);
        thread_of[i] = u32::try_from(t).unwrap_or(u32::MAX);
        recency.retain(|&x| x != t);
        recency.push(t);
        if recency.len() > THREADS_COMPARED {
            recency.remove(0);
        }
        current = Some(t);
        if rules::recent(threads[t].hull, r.published) {
            last_news = Some(t);
        }
    }
    for t in &mut threads[first..] {
        t.settle(terms, &mut scratch);
    }
}

/// Whether an own date `a` fits a thread: overlaps its own dates, or its window when it has none.
fn fits(t: &Thread, a: Days) -> bool {
    match (t.hull, t.window) {
        (Some(h), _) => rules::overlaps(a, h),
        (None, Some(w)) => rules::overlaps(a, w),
        (None, None) => false,
    }
}

/// The item with the highest score; the earliest of equals.
fn best_of(
    items: impl Iterator<Item = usize>,
    score: impl Fn(usize) -> f32,
) -> Option<(usize, f32)> {
    let mut best: Option<(usize, f32)> = None;
    for t in items {
        let s = score(t);
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((t, s));
        }
    }
    best
}
