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
    dot(sentence.iter().copied(), terms, thread) / (norm * thread.norm)
}

/// The dot product of a sentence's terms (ascending) with a thread's vector. A sentence has a
/// dozen terms, a thread up to hundreds: each is looked up by bisection in the part of the
/// thread's (sorted) vector not yet passed.
fn dot(sentence: impl Iterator<Item = Term>, terms: &Terms, thread: &Thread) -> f32 {
    let mut rest = &thread.vector[..];
    let mut dot = 0.0f32;
    for s in sentence {
        match rest.binary_search_by_key(&s, |&(t, _)| t) {
            Ok(i) => {
                dot += rest[i].1 * terms.weight(s);
                rest = &rest[i + 1..];
            }
            Err(i) => rest = &rest[i..],
        }
    }
    dot
}

/// Which of the current article's first 64 threads (`MARKED`) have each term in their vector,
/// as one bit per thread: a sentence is compared with up to 16 threads, and most of its terms are
/// in none of them, so `cosine_marked` looks up in a thread's vector only the terms whose bit it
/// has, where `cosine` bisects the vector for every term of the sentence. The bits are set when
/// a thread's vector takes a sentence's terms (`settle_marked`) and only ever grow with it; an
/// article's bits are told from the last article's by its number, so nothing is cleared.
struct Marks {
    /// For each term: the number of the article its bits are of, and the bits.
    of: Vec<(u32, u64)>,
    article: u32,
}

/// An article's threads with a bit of their own in `Marks`; the others are compared by `cosine`.
const MARKED: usize = 64;

impl Marks {
    fn new(terms: usize) -> Marks {
        Marks {
            of: vec![(0, 0); terms],
            article: 0,
        }
    }

    /// Starts the bits of a new article.
    fn next_article(&mut self) {
        self.article = self.article.wrapping_add(1);
        if self.article == 0 {
            // After 2^32 articles the numbers come round: forget every article's bits.
            self.of.fill((0, 0));
            self.article = 1;
        }
    }

    fn bits(&self, t: Term) -> u64 {
        match self.of.get(t as usize) {
            Some(&(a, b)) if a == self.article => b,
            _ => 0,
        }
    }

    fn set(&mut self, t: Term, bit: u64) {
        if let Some(e) = self.of.get_mut(t as usize) {
            if e.0 == self.article {
                e.1 |= bit;
            } else {
                *e = (self.article, bit);
            }
        }
    }
}

/// The bit in `Marks` of an article's thread `t` (an index into `threads`; the article's first
/// thread is `first`), if it has one.
fn bit_of(t: usize, first: usize) -> Option<u64> {
    let local = t.checked_sub(first)?;
    (local < MARKED).then(|| 1u64 << local)
}

/// `Thread::settle`, the bits of `marks` set for every term the thread's vector takes.
///
/// With a bit, the thread's terms are known before its vector is read: a sentence whose terms
/// the vector has all is added in place, and one with new terms is merged into the vector from
/// its back, moving only the pairs after its first new term, where `merge_into` copied the
/// whole vector for every sentence. Each weight is the sum of the same numbers in the same order.
fn settle_marked(
    thread: &mut Thread,
    bit: Option<u64>,
    terms: &Terms,
    marks: &mut Marks,
    scratch: &mut Vec<(Term, f32)>,
) {
    let Some(bit) = bit else {
        thread.settle(terms, scratch);
        return;
    };
    if thread.pending.is_empty() {
        return;
    }
    for &i in &thread.pending {
        let sentence = terms.of(i as usize);
        let mut new = 0;
        for &s in sentence {
            if marks.bits(s) & bit == 0 {
                new += 1;
                marks.set(s, bit);
            }
        }
        add_in_place(&mut thread.vector, sentence, new, terms);
    }
    thread.pending.clear();
    thread.norm = thread
        .vector
        .iter()
        .map(|&(_, w)| w * w)
        .sum::<f32>()
        .sqrt();
}

/// Adds the weights of `sentence`'s (sorted) terms into the sorted `vector`, `new` of them terms
/// the vector does not have yet: as `merge_into`, without a copy.
fn add_in_place(vector: &mut Vec<(Term, f32)>, sentence: &[Term], new: usize, terms: &Terms) {
    let old = vector.len();
    vector.resize(old + new, (0, 0.0));
    // From the back: `r` is the end of the old pairs not yet placed, `w` of the places left.
    let (mut r, mut w) = (old, old + new);
    let mut rest = sentence.len();
    while w > r {
        let Some(k) = rest.checked_sub(1) else { break };
        let s = sentence[k];
        rest = k;
        while r > 0 && vector[r - 1].0 > s {
            r -= 1;
            w -= 1;
            vector[w] = vector[r];
        }
        w -= 1;
        vector[w] = match r.checked_sub(1).map(|x| vector[x]) {
            Some((t, x)) if t == s => {
                r -= 1;
                (t, x + terms.weight(s))
            }
            _ => (s, terms.weight(s)),
        };
    }
    // Every new term is placed and the pairs below `r` are where they were: the rest of the
    // sentence's terms are in there.
    let mut below = &mut vector[..r];
    for &s in sentence[..rest].iter().rev() {
        if let Ok(i) = below.binary_search_by_key(&s, |&(t, _)| t) {
            below[i].1 += terms.weight(s);
            below = &mut below[..i];
        }
    }
}

/// `cosine`, with the bits of the sentence's terms (`bits[k]` for `sentence[k]`) telling which
/// terms the thread has (its `bit`): the same products, added in the same order, so the same
/// number. A thread without a bit is compared by `cosine`.
fn cosine_marked(
    sentence: &[Term],
    bits: &[u64],
    bit: Option<u64>,
    norm: f32,
    terms: &Terms,
    thread: &Thread,
) -> f32 {
    let Some(bit) = bit else {
        return cosine(sentence, norm, terms, thread);
    };
    if norm == 0.0 || thread.norm == 0.0 {
        return 0.0;
    }
    let marked = sentence
        .iter()
        .zip(bits)
        .filter(|&(_, &b)| b & bit != 0)
        .map(|(&s, _)| s);
    dot(marked, terms, thread) / (norm * thread.norm)
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
    let mut marks = Marks::new(terms.count());
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
            &mut marks,
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
    marks: &mut Marks,
) {
    let first = threads.len();
    marks.next_article();
    let mut bits: Vec<u64> = Vec::new();
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
                settle_marked(
                    &mut threads[t],
                    bit_of(t, first),
                    terms,
                    marks,
                    &mut scratch,
                );
            }
            if let Some(d) = default {
                settle_marked(
                    &mut threads[d],
                    bit_of(d, first),
                    terms,
                    marks,
                    &mut scratch,
                );
            }
            bits.clear();
            bits.extend(sentence.iter().map(|&s| marks.bits(s)));
        }
        let norm = if choice { norm() } else { 0.0 };
        let sim =
            |t: usize| cosine_marked(sentence, &bits, bit_of(t, first), norm, terms, &threads[t]);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A xorshift generator: the same numbers on every run.
    fn numbers(mut seed: u64) -> impl FnMut(u64) -> u64 {
        move |n| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        }
    }

    /// Sorted sets of terms below `n_terms`, of up to `len` terms each.
    fn sentences(
        next: &mut impl FnMut(u64) -> u64,
        count: usize,
        len: u64,
        n_terms: u64,
    ) -> Vec<Vec<Term>> {
        (0..count)
            .map(|_| {
                let mut s: Vec<Term> = (0..next(len + 1)).map(|_| next(n_terms) as Term).collect();
                s.sort_unstable();
                s.dedup();
                s
            })
            .collect()
    }

    #[test]
    fn a_vector_added_to_in_place_is_the_merged_one_bit_for_bit() {
        // (sentences, terms per sentence at most, distinct terms): from threads of one-word
        // sentences to long threads of long sentences over few terms.
        let mut next = numbers(0x9e37_79b9_7f4a_7c15);
        for (count, len, n_terms) in [
            (1, 0, 5),
            (5, 1, 3),
            (40, 12, 60),
            (60, 30, 400),
            (30, 20, 25),
        ] {
            let list = sentences(&mut next, count, len, n_terms);
            let terms = Terms::from_parts(&list, weights(n_terms));
            let (mut merged, mut scratch) = (Vec::new(), Vec::new());
            let mut in_place: Vec<(Term, f32)> = Vec::new();
            let mut have = std::collections::HashSet::new();
            for s in &list {
                merge_into(&merged, s, &terms, &mut scratch);
                std::mem::swap(&mut merged, &mut scratch);
                let new = s.iter().filter(|&&t| have.insert(t)).count();
                add_in_place(&mut in_place, s, new, &terms);
                assert_eq!(bits(&in_place), bits(&merged), "{count} {len} {n_terms}");
            }
        }
    }

    fn weights(n_terms: u64) -> Vec<f32> {
        (0..n_terms)
            .map(|t| 0.05 + (t % 23) as f32 * 0.61)
            .collect()
    }

    fn bits(v: &[(Term, f32)]) -> Vec<(Term, u32)> {
        v.iter().map(|&(t, w)| (t, w.to_bits())).collect()
    }

    #[test]
    fn marked_threads_settle_and_compare_as_plain_ones_bit_for_bit() {
        let mut next = numbers(0x2545_f491_4f6c_dd1d);
        let n_terms = 300;
        // 70 threads of 20 sentences each (the last 6 past `MARKED`), then 50 sentences to
        // compare with them.
        let (n_threads, per) = (70, 20);
        let list = sentences(&mut next, n_threads * per + 50, 15, n_terms);
        let terms = Terms::from_parts(&list, weights(n_terms));
        let mut marks = Marks::new(n_terms as usize);
        // An article before, whose bits must not count.
        marks.next_article();
        for t in 0..n_terms as Term {
            marks.set(t, u64::MAX);
        }
        marks.next_article();
        let mut scratch = Vec::new();
        let (mut marked, mut plain) = (Vec::new(), Vec::new());
        for k in 0..n_threads {
            let (mut t, mut p) = (Thread::default(), Thread::default());
            for i in k * per..(k + 1) * per {
                t.pending.push(i as u32);
                p.pending.push(i as u32);
                // Settled now and then, as when sentences are compared with the thread.
                if next(3) == 0 {
                    settle_marked(&mut t, bit_of(k, 0), &terms, &mut marks, &mut scratch);
                    p.settle(&terms, &mut scratch);
                }
            }
            settle_marked(&mut t, bit_of(k, 0), &terms, &mut marks, &mut scratch);
            p.settle(&terms, &mut scratch);
            assert_eq!(bits(&t.vector), bits(&p.vector), "thread {k}");
            assert_eq!(t.norm.to_bits(), p.norm.to_bits(), "thread {k}");
            marked.push(t);
            plain.push(p);
        }
        for i in n_threads * per..list.len() {
            let sentence = terms.of(i);
            let norm = sentence
                .iter()
                .map(|&t| terms.weight(t).powi(2))
                .sum::<f32>()
                .sqrt();
            let b: Vec<u64> = sentence.iter().map(|&s| marks.bits(s)).collect();
            for k in 0..n_threads {
                let want = cosine(sentence, norm, &terms, &plain[k]);
                let got = cosine_marked(sentence, &b, bit_of(k, 0), norm, &terms, &marked[k]);
                assert_eq!(got.to_bits(), want.to_bits(), "sentence {i}, thread {k}");
            }
        }
    }
}
