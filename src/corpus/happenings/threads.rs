//! Threads within an article: the sentences that continue one happening, in reading order.
//!
//! A sentence with a date of its own (`rules::anchor`) joins the article's thread whose dates
//! overlap its own and whose words and actors it shares (with a bonus for the thread it follows
//! and for a thread with the same date), or starts a thread. A sentence without one continues
//! the thread of the sentence before, unless that thread is background (dated well before the
//! article: then the last thread that was news), and unless another thread of the article
//! matches it clearly better: a quote after a paragraph on last year's verdict belongs to the
//! meeting the article reports, not to the verdict.

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
}

/// A thread: the sentences of one article that report one happening.
#[derive(Clone, Debug, Default)]
pub(super) struct Thread {
    pub doc: DocId,
    pub sentences: usize,
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
    dates: Vec<(Days, Option<Sym>)>,
    /// Sentences added since the vector was last brought up to date: a thread's vector is built
    /// only when a sentence is compared with it, and most articles have one thread.
    pending: Vec<u32>,
    /// Its slot of `Dense` while it is one of its article's most recently continued threads:
    /// then its weights are there, not in `vector`.
    slot: Option<u32>,
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

    fn add(&mut self, i: usize, r: &Report) {
        self.sentences += 1;
        self.pending.push(u32::try_from(i).unwrap_or(u32::MAX));
        if let Some(a) = r.anchor {
            let widen = |h: Option<Days>| Some(h.map_or(a, |h| (h.0.min(a.0), h.1.max(a.1))));
            self.hull = widen(self.hull);
            if r.written {
                self.written = widen(self.written);
            }
            if self.dates.len() < DATES_KEPT {
                self.dates.push((a, r.value));
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

    fn has_same_moment(&self, a: Days, value: Option<Sym>, strings: &Strings) -> bool {
        let v = value.map_or("", |s| strings.get(s));
        self.dates.iter().any(|&(d, w)| {
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
    split_with(reports, terms, strings, true)
}

/// `split`; with `dense` false, every thread keeps its sorted vector (as before `Dense`), which
/// the tests compare with.
fn split_with(
    reports: &[Report],
    terms: &Terms,
    strings: &Strings,
    dense: bool,
) -> (Vec<u32>, Vec<Thread>) {
    let mut thread_of = vec![0u32; reports.len()];
    let mut threads: Vec<Thread> = Vec::new();
    let mut table = dense.then(Dense::default);
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
            table.as_mut(),
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
    mut dense: Option<&mut Dense>,
) {
    let first = threads.len();
    let from = range.start;
    if let Some(d) = dense.as_deref_mut() {
        d.start(range.clone(), terms);
    }
    // The article's threads by recency of use, as indices into `threads`.
    let mut recency: Vec<usize> = Vec::new();
    let mut current: Option<usize> = None;
    let mut last_news: Option<usize> = None;
    let mut scratch = Vec::new();
    for i in range {
        let r = &reports[i];
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
            for &t in compared.iter().chain(&default) {
                settle(
                    &mut threads[t],
                    dense.as_deref_mut(),
                    from,
                    terms,
                    &mut scratch,
                );
            }
        }
        let norm = if choice { norm() } else { 0.0 };
        let local = dense.as_deref().map(|d| (d, d.sentence(i - from)));
        let sim = |t: usize| {
            let thread = &threads[t];
            match (thread.slot, local) {
                (Some(s), Some((d, ids))) => cosine_dense(
                    sentence,
                    ids,
                    norm,
                    terms,
                    &d.slots[s as usize].w,
                    thread.norm,
                ),
                _ => cosine(sentence, norm, terms, thread),
            }
        };
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
                let fits = |t: usize| match (threads[t].hull, threads[t].window) {
                    (Some(h), _) => rules::overlaps(a, h),
                    (None, Some(w)) => rules::overlaps(a, w),
                    (None, None) => false,
                };
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
                best_of(compared.iter().copied().filter(|&t| fits(t)), score)
                    .filter(|&(_, s)| s >= rules::JOIN_IN_ARTICLE)
                    .map(|(t, _)| t)
            }
        };
        let t = chosen.unwrap_or_else(|| {
            threads.push(Thread {
                doc: r.doc,
                guessed: r.guessed,
                window: rules::weak_window(r.published, r.status),
                ..Thread::default()
            });
            threads.len() - 1
        });
        threads[t].add(i, r);
        thread_of[i] = u32::try_from(t).unwrap_or(u32::MAX);
        recency.retain(|&x| x != t);
        recency.push(t);
        if let Some(d) = dense.as_deref_mut()
            && threads[t].slot.is_none()
        {
            d.take(&mut threads[t]);
        }
        if recency.len() > THREADS_COMPARED {
            let old = recency.remove(0);
            if let Some(d) = dense.as_deref_mut() {
                d.give_back(&mut threads[old]);
            }
        }
        current = Some(t);
        if rules::recent(threads[t].hull, r.published) {
            last_news = Some(t);
        }
    }
    for t in &mut threads[first..] {
        settle(t, dense.as_deref_mut(), from, terms, &mut scratch);
        if let Some(d) = dense.as_deref_mut() {
            d.give_back(t);
        }
    }
}

/// Brings `thread`'s weights up to date, in its slot of `dense` when it has one, else in its
/// vector; `from` is the first report of the article.
fn settle(
    thread: &mut Thread,
    dense: Option<&mut Dense>,
    from: usize,
    terms: &Terms,
    scratch: &mut Vec<(Term, f32)>,
) {
    match (thread.slot, dense) {
        (Some(s), Some(d)) => d.settle(s, thread, from, terms),
        _ => thread.settle(terms, scratch),
    }
}

/// The weights of an article's most recently continued threads (those a sentence is compared
/// with) as dense tables over the article's terms, so that adding a sentence to a thread or
/// taking its cosine with one costs a look-up per term of the sentence, where a sorted vector
/// cost a bisection per term and a copy of the vector per sentence added. At most
/// `THREADS_COMPARED + 1` threads have a slot at once; a thread that leaves the most recent
/// gives its slot back and its weights go back into its vector, so memory stays in proportion to
/// the article.
///
/// The sums are the vector's, in the same order: a slot holds -0.0 for a term the thread does
/// not have, and adding a weight (never negative) to -0.0 gives the weight exactly, while a
/// product with -0.0 adds nothing to a dot product (x + -0.0 = x, +0.0 included). The grouping is
/// bit for bit the same.
#[derive(Debug, Default)]
struct Dense {
    /// The article's terms in term order: local number → term.
    vocab: Vec<Term>,
    /// Term → local number, for the article's terms (others hold stale numbers).
    local_of: Vec<u32>,
    /// Sentence `k` of the article as local numbers (in term order, as its terms are):
    /// `ids[starts[k]..starts[k + 1]]`.
    starts: Vec<u32>,
    ids: Vec<u32>,
    slots: Vec<Slot>,
    free: Vec<u32>,
    merged: Vec<u32>,
    fresh: Vec<u32>,
}

#[derive(Debug, Default)]
struct Slot {
    /// A thread's summed weight of each of the article's terms, -0.0 for one it does not have.
    w: Vec<f32>,
    /// The local numbers of the terms it has, sorted (so in term order).
    present: Vec<u32>,
}

impl Dense {
    /// Numbers the terms of the article of reports `range`; every slot is free.
    fn start(&mut self, range: std::ops::Range<usize>, terms: &Terms) {
        debug_assert_eq!(self.free.len(), self.slots.len());
        self.vocab.clear();
        for i in range.clone() {
            self.vocab.extend_from_slice(terms.of(i));
        }
        self.vocab.sort_unstable();
        self.vocab.dedup();
        if self.local_of.len() < terms.len() {
            self.local_of.resize(terms.len(), 0);
        }
        for (l, &t) in self.vocab.iter().enumerate() {
            self.local_of[t as usize] = l as u32;
        }
        self.starts.clear();
        self.ids.clear();
        self.starts.push(0);
        for i in range {
            let local_of = &self.local_of;
            self.ids
                .extend(terms.of(i).iter().map(|&t| local_of[t as usize]));
            self.starts
                .push(u32::try_from(self.ids.len()).unwrap_or(u32::MAX));
        }
        // Free slots hold -0.0 only: resizing keeps that.
        let k = self.vocab.len();
        for s in &mut self.slots {
            s.w.resize(k, -0.0);
        }
    }

    /// Sentence `k` of the article as local numbers.
    fn sentence(&self, k: usize) -> &[u32] {
        &self.ids[self.starts[k] as usize..self.starts[k + 1] as usize]
    }

    /// Gives `thread` a slot, its vector's weights spread into it.
    fn take(&mut self, thread: &mut Thread) {
        let s = self.free.pop().unwrap_or_else(|| {
            self.slots.push(Slot {
                w: vec![-0.0; self.vocab.len()],
                present: Vec::new(),
            });
            u32::try_from(self.slots.len() - 1).unwrap_or(u32::MAX)
        });
        let slot = &mut self.slots[s as usize];
        debug_assert!(slot.present.is_empty());
        for &(t, x) in &thread.vector {
            let l = self.local_of[t as usize];
            slot.w[l as usize] = x;
            slot.present.push(l);
        }
        thread.vector.clear();
        thread.slot = Some(s);
    }

    /// Puts `thread`'s weights back into its vector and frees its slot, if it has one.
    fn give_back(&mut self, thread: &mut Thread) {
        let Some(s) = thread.slot.take() else {
            return;
        };
        let slot = &mut self.slots[s as usize];
        thread.vector.clear();
        thread.vector.extend(
            slot.present
                .iter()
                .map(|&l| (self.vocab[l as usize], slot.w[l as usize])),
        );
        for &l in &slot.present {
            slot.w[l as usize] = -0.0;
        }
        slot.present.clear();
        self.free.push(s);
    }

    /// `Thread::settle` for a thread in slot `s`; `from` is the first report of the article.
    fn settle(&mut self, s: u32, thread: &mut Thread, from: usize, terms: &Terms) {
        if thread.pending.is_empty() {
            return;
        }
        let slot = &mut self.slots[s as usize];
        self.fresh.clear();
        for &i in &thread.pending {
            let i = i as usize;
            let k = i - from;
            let ids = &self.ids[self.starts[k] as usize..self.starts[k + 1] as usize];
            for (&l, &t) in ids.iter().zip(terms.of(i)) {
                let x = &mut slot.w[l as usize];
                if x.is_sign_negative() {
                    self.fresh.push(l);
                }
                *x += terms.weight(t);
            }
        }
        thread.pending.clear();
        if !self.fresh.is_empty() {
            // Each is new once: it is -0.0 no more after its first weight.
            self.fresh.sort_unstable();
            self.merged.clear();
            let (mut a, mut b) = (&slot.present[..], &self.fresh[..]);
            while let (Some(&x), Some(&y)) = (a.first(), b.first()) {
                if x < y {
                    self.merged.push(x);
                    a = &a[1..];
                } else {
                    self.merged.push(y);
                    b = &b[1..];
                }
            }
            self.merged.extend_from_slice(a);
            self.merged.extend_from_slice(b);
            std::mem::swap(&mut slot.present, &mut self.merged);
        }
        let w = &slot.w;
        thread.norm = slot
            .present
            .iter()
            .map(|&l| w[l as usize] * w[l as usize])
            .sum::<f32>()
            .sqrt();
    }
}

/// `cosine` for a thread whose weights are in a slot (`w`, by local number); `ids` are the
/// sentence's terms as local numbers.
fn cosine_dense(
    sentence: &[Term],
    ids: &[u32],
    norm: f32,
    terms: &Terms,
    w: &[f32],
    thread_norm: f32,
) -> f32 {
    if norm == 0.0 || thread_norm == 0.0 {
        return 0.0;
    }
    let mut dot = 0.0f32;
    for (&l, &t) in ids.iter().zip(sentence) {
        // -0.0 for a term the thread does not have: adds nothing.
        dot += w[l as usize] * terms.weight(t);
    }
    dot / (norm * thread_norm)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::happenings::terms::{Sentence, Words};

    /// Articles of random sentences over a small vocabulary, with dates that make many threads
    /// (more than `THREADS_COMPARED` in the long ones, some background, some undated sentences):
    /// the threads with dense slots are bit for bit those of sorted vectors alone.
    #[test]
    fn dense_slots_split_exactly_as_sorted_vectors() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let published = NaiveDate::from_ymd_opt(2005, 6, 1);
        let p = rules::day(published.unwrap_or_default());
        let mut texts: Vec<String> = Vec::new();
        let mut reports: Vec<Report> = Vec::new();
        // (sentences in the article, distinct dates its sentences draw from)
        for (doc, &(len, dates)) in [
            (1, 1),
            (5, 2),
            (30, 4),
            (60, 40),
            (200, 120),
            (12, 3),
            (80, 25),
        ]
        .iter()
        .enumerate()
        {
            for _ in 0..len {
                let words: Vec<String> = (0..1 + next(14))
                    .map(|_| {
                        let a = b"bdfgkmpv"[next(8) as usize] as char;
                        let b = b"aeiou"[next(5) as usize] as char;
                        let c = b"rstlnxz"[next(7) as usize] as char;
                        format!("q{a}{b}{c}")
                    })
                    .collect();
                texts.push(words.join(" "));
                let anchor = (next(3) > 0).then(|| {
                    // Half the dates near publication, half a year or more before.
                    let d = next(dates) as i32;
                    let at = if d % 2 == 0 { p - d } else { p - 200 - 3 * d };
                    (at, at + (next(3) as i32))
                });
                reports.push(Report {
                    doc: DocId::new(doc),
                    published,
                    anchor,
                    written: next(2) == 0,
                    guessed: false,
                    value: None,
                    status: if next(4) == 0 {
                        Status::Planned
                    } else {
                        Status::Past
                    },
                });
            }
        }
        let terms = Terms::new(
            texts.iter().map(|text| Sentence {
                text,
                offset: 0,
                skip: &[],
                actors: &[],
            }),
            &Words::builtin(),
        );
        let strings = Strings::default();
        let (of_dense, dense) = split_with(&reports, &terms, &strings, true);
        let (of_sorted, sorted) = split_with(&reports, &terms, &strings, false);
        assert_eq!(of_dense, of_sorted);
        assert!(sorted.len() > 2 * THREADS_COMPARED, "{}", sorted.len());
        assert_eq!(dense.len(), sorted.len());
        for (a, b) in dense.iter().zip(&sorted) {
            let bits = |t: &Thread| -> Vec<(Term, u32)> {
                t.vector.iter().map(|&(t, w)| (t, w.to_bits())).collect()
            };
            assert_eq!(bits(a), bits(b));
            assert_eq!(a.norm.to_bits(), b.norm.to_bits());
            assert_eq!((a.sentences, a.hull, a.slot), (b.sentences, b.hull, None));
        }
    }
}
