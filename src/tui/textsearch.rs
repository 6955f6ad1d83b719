//! Full-text search: every article folded once at load (case and diacritics, as `text::fold`), so
//! a query is a plain byte search (memchr's `memmem`) over the folded text, mapped back to the
//! article's own offsets for highlighting.
//!
//! The event sentences are folded a second time into one contiguous haystack (separated by a byte
//! no query holds, with a sorted table of where each starts), so a search of the corpus is one
//! `memmem` pass over one buffer, each hit found to its sentence by binary search. A growing query
//! only narrows what the previous one matched: a few matches are rechecked one by one, many by the
//! same one pass.

use memchr::memmem::Finder;
use rayon::prelude::*;

use crate::corpus::Corpus;
use crate::ids::{DocId, EventId, IdVec, QuoteId};
use crate::model::Span;
use crate::text::fold;

/// One article folded, with the places where folded and original offsets stop moving together.
#[derive(Clone, Debug, Default)]
pub struct FoldedDoc {
    pub text: String,
    /// (original, folded) offsets at the start and the end of every non-ASCII character; between
    /// two checkpoints the bytes map one to one unless the run is a single folded character.
    map: Vec<(u32, u32)>,
}

impl FoldedDoc {
    pub fn new(text: &str) -> FoldedDoc {
        if text.is_ascii() {
            return FoldedDoc {
                text: text.to_ascii_lowercase(),
                map: Vec::new(),
            };
        }
        let mut out = String::with_capacity(text.len());
        let mut map = Vec::new();
        let mut run = 0;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i].is_ascii() {
                i += 1;
                continue;
            }
            out.push_str(&text[run..i].to_ascii_lowercase());
            let c = text[i..].chars().next().unwrap_or('\u{fffd}');
            let len = c.len_utf8();
            map.push((to_u32(i), to_u32(out.len())));
            let mut buf = [0u8; 4];
            out.push_str(&fold(c.encode_utf8(&mut buf)));
            map.push((to_u32(i + len), to_u32(out.len())));
            i += len;
            run = i;
        }
        out.push_str(&text[run..].to_ascii_lowercase());
        FoldedDoc { text: out, map }
    }

    /// The folded offset of original offset `o`.
    pub fn to_folded(&self, o: usize) -> usize {
        let i = self.map.partition_point(|&(orig, _)| orig as usize <= o);
        match i.checked_sub(1).map(|i| (i, self.map[i])) {
            None => o,
            // Inside a folded character: its start.
            Some((i, (orig, folded))) if i % 2 == 0 => {
                if o == orig as usize {
                    folded as usize
                } else {
                    self.map
                        .get(i + 1)
                        .map_or(folded as usize, |m| m.1 as usize)
                }
            }
            Some((_, (orig, folded))) => folded as usize + (o - orig as usize),
        }
    }

    /// The original offset of folded offset `f`; inside a folded character, its start (or its end
    /// when `end`).
    pub fn to_original(&self, f: usize, end: bool) -> usize {
        let i = self
            .map
            .partition_point(|&(_, folded)| folded as usize <= f);
        match i.checked_sub(1).map(|i| (i, self.map[i])) {
            None => f,
            Some((i, (orig, folded))) if i % 2 == 0 => {
                let next = self.map.get(i + 1).copied().unwrap_or((orig, folded));
                if f == folded as usize {
                    orig as usize
                } else if end {
                    next.0 as usize
                } else {
                    orig as usize
                }
            }
            Some((_, (orig, folded))) => orig as usize + (f - folded as usize),
        }
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Between two sentences in the haystack: 0xFF never occurs in UTF-8, so no query (a `&str`) can
/// match across it.
const SEP: u8 = 0xFF;

/// The folded corpus, each quote's place in it, and every distinct event sentence folded once more
/// into one contiguous haystack, so the first keystroke of a search is one `memmem` pass (SIMD)
/// over one buffer instead of 800,000 short searches (46 ms of CPU at 100 MB before; see the
/// README's figures).
#[derive(Clone, Debug, Default)]
pub struct TextIndex {
    pub docs: IdVec<DocId, FoldedDoc>,
    quotes: IdVec<QuoteId, (u32, u32)>,
    /// Every distinct event sentence (by document and folded span, in document order), each
    /// followed by `SEP`.
    hay: Vec<u8>,
    /// Where sentence `i` starts in `hay`; one more entry at the end (`hay.len()`).
    starts: Vec<usize>,
    /// The events of sentence `i`: `events_of[first[i]..first[i + 1]]`.
    first: Vec<u32>,
    events_of: Vec<EventId>,
    /// The sentence of each event.
    sentence_of: IdVec<EventId, u32>,
}

impl TextIndex {
    pub fn new(corpus: &Corpus) -> TextIndex {
        let docs: Vec<FoldedDoc> = (*corpus.documents)
            .par_iter()
            .map(|d| FoldedDoc::new(&d.text))
            .collect();
        let docs: IdVec<DocId, FoldedDoc> = docs.into();
        let place = |doc: DocId, sp: Span| {
            docs.get(doc).map_or((0, 0), |d| {
                (to_u32(d.to_folded(sp.start)), to_u32(d.to_folded(sp.end)))
            })
        };
        let mut keyed: Vec<(DocId, u32, u32, EventId)> = (0..corpus.events.len())
            .into_par_iter()
            .map(|i| {
                let e = EventId::new(i);
                let ev = &corpus.events[e];
                let (a, b) = place(ev.doc(), ev.span());
                (ev.doc(), a, b, e)
            })
            .collect();
        keyed.par_sort_unstable();
        let slice = |doc: DocId, a: u32, b: u32| -> &[u8] {
            docs.get(doc)
                .and_then(|d| d.text.as_bytes().get(a as usize..b as usize))
                .unwrap_or(&[])
        };
        // The exact size first: the haystack is as large as the sentences, so it is never
        // grown (and copied) on the way.
        let mut size = 0;
        let mut last = None;
        for &(doc, a, b, _) in &keyed {
            if last != Some((doc, a, b)) {
                last = Some((doc, a, b));
                size += slice(doc, a, b).len() + 1;
            }
        }
        let mut hay = Vec::with_capacity(size);
        let mut starts = Vec::new();
        let mut first = Vec::new();
        let mut events_of = Vec::with_capacity(keyed.len());
        let mut sentence_of: IdVec<EventId, u32> = vec![0; corpus.events.len()].into();
        let mut last = None;
        for &(doc, a, b, e) in &keyed {
            if last != Some((doc, a, b)) {
                last = Some((doc, a, b));
                starts.push(hay.len());
                first.push(to_u32(events_of.len()));
                hay.extend_from_slice(slice(doc, a, b));
                hay.push(SEP);
            }
            sentence_of[e] = to_u32(starts.len() - 1);
            events_of.push(e);
        }
        starts.push(hay.len());
        first.push(to_u32(events_of.len()));
        let quotes: Vec<(u32, u32)> = (*corpus.quotes)
            .par_iter()
            .map(|q| place(q.doc(), q.span()))
            .collect();
        TextIndex {
            docs,
            quotes: quotes.into(),
            hay,
            starts,
            first,
            events_of,
            sentence_of,
        }
    }

    fn slice(&self, doc: DocId, (a, b): (u32, u32)) -> &[u8] {
        self.docs
            .get(doc)
            .and_then(|d| d.text.as_bytes().get(a as usize..b as usize))
            .unwrap_or(&[])
    }

    /// The folded text of sentence `i` (without its separator).
    fn sentence(&self, i: usize) -> &[u8] {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) if b > a => &self.hay[a..b - 1],
            _ => &[],
        }
    }

    /// Whether event `e`'s sentence holds the folded query.
    pub fn event_has(&self, _corpus: &Corpus, e: EventId, finder: &Finder) -> bool {
        self.sentence_of
            .get(e)
            .is_some_and(|&i| finder.find(self.sentence(i as usize)).is_some())
    }

    /// Whether quote `q`'s words hold the folded query.
    pub fn quote_has(&self, corpus: &Corpus, q: QuoteId, finder: &Finder) -> bool {
        let place = self.quotes.get(q).copied().unwrap_or((0, 0));
        finder
            .find(self.slice(corpus.quotes[q].doc(), place))
            .is_some()
    }

    /// The sentences in `range` holding the query, ascending: `memmem` over the haystack, each hit
    /// found to its sentence by binary search, then on from that sentence's end (one hit per
    /// sentence, however often a short query occurs in it).
    fn sentences_matching(&self, finder: &Finder, range: std::ops::Range<usize>) -> Vec<usize> {
        let n = finder.needle().len();
        let mut out = Vec::new();
        let (mut i, end) = (range.start, range.end);
        while i < end {
            let (from, to) = (self.starts[i], self.starts[end]);
            let Some(h) = finder.find(&self.hay[from..to]) else {
                break;
            };
            let h = from + h;
            // The last sentence starting at or before the hit: most often the one the search
            // started in or the next, so those are looked at before a binary search.
            if h >= self.starts[i + 1] {
                i += 1;
                if h >= self.starts[i + 1] {
                    i += self.starts[i..end].partition_point(|&s| s <= h) - 1;
                }
            }
            // The separator keeps a hit inside one sentence; checked all the same.
            if h + n < self.starts[i + 1] {
                out.push(i);
            }
            i += 1;
        }
        out
    }

    /// The events (ascending) among `pool` (all when None) whose sentence holds `query` (folded).
    pub fn events_matching(
        &self,
        corpus: &Corpus,
        query: &str,
        pool: Option<&[EventId]>,
    ) -> Vec<EventId> {
        if query.is_empty() {
            return pool.map_or_else(|| corpus.events.ids().collect(), <[_]>::to_vec);
        }
        let finder = Finder::new(query.as_bytes());
        let sentences = self.starts.len().saturating_sub(1);
        match pool {
            // A pool much smaller than the corpus: its own sentences, one by one.
            Some(p) if p.len() < sentences / 8 => {
                if p.len() < 1 << 16 {
                    p.iter()
                        .copied()
                        .filter(|&e| self.event_has(corpus, e, &finder))
                        .collect()
                } else {
                    p.par_iter()
                        .copied()
                        .filter(|&e| self.event_has(corpus, e, &finder))
                        .collect()
                }
            }
            _ => {
                let n = corpus.events.len();
                let mut bits = vec![0u64; n.div_ceil(64)];
                // Chunks of sentences searched in parallel, each one pass over its bytes.
                let chunk = sentences
                    .div_ceil(rayon::current_num_threads().max(1) * 4)
                    .max(1);
                let found: Vec<Vec<usize>> = (0..sentences.div_ceil(chunk))
                    .into_par_iter()
                    .map(|c| {
                        let range = c * chunk..((c + 1) * chunk).min(sentences);
                        self.sentences_matching(&finder, range)
                    })
                    .collect();
                for i in found.into_iter().flatten() {
                    let (a, b) = (self.first[i] as usize, self.first[i + 1] as usize);
                    for &e in &self.events_of[a..b] {
                        bits[e.index() / 64] |= 1u64 << (e.index() % 64);
                    }
                }
                // A pool narrows what the corpus matched (a grown query only drops events).
                if let Some(p) = pool {
                    let mut keep = vec![0u64; bits.len()];
                    for e in p {
                        if let Some(w) = keep.get_mut(e.index() / 64) {
                            *w |= 1u64 << (e.index() % 64);
                        }
                    }
                    for (b, k) in bits.iter_mut().zip(&keep) {
                        *b &= k;
                    }
                }
                let mut out = Vec::new();
                for (w, &word) in bits.iter().enumerate() {
                    let mut x = word;
                    while x != 0 {
                        let b = x.trailing_zeros() as usize;
                        out.push(EventId::new(w * 64 + b));
                        x &= x - 1;
                    }
                }
                out
            }
        }
    }

    /// The matches of `query` (folded) inside `range` of document `doc`, in original offsets.
    pub fn matches_in(&self, doc: DocId, range: Span, query: &str) -> Vec<Span> {
        let Some(d) = self.docs.get(doc) else {
            return Vec::new();
        };
        if query.is_empty() {
            return Vec::new();
        }
        let (a, b) = (d.to_folded(range.start), d.to_folded(range.end));
        let Some(hay) = d.text.as_bytes().get(a..b) else {
            return Vec::new();
        };
        memchr::memmem::find_iter(hay, query.as_bytes())
            .take(10_000)
            .map(|i| {
                Span::new(
                    d.to_original(a + i, false),
                    d.to_original(a + i + query.len(), true),
                )
            })
            .collect()
    }

    /// The first match of `query` after (or, backwards, before) original offset `from` in `doc`.
    pub fn next_in_doc(&self, doc: DocId, from: usize, query: &str, forward: bool) -> Option<Span> {
        let d = self.docs.get(doc)?;
        if query.is_empty() {
            return None;
        }
        let f = d.to_folded(from);
        let bytes = d.text.as_bytes();
        let at = if forward {
            let start = (f + 1).min(bytes.len());
            memchr::memmem::find(&bytes[start..], query.as_bytes()).map(|i| start + i)?
        } else {
            memchr::memmem::rfind(&bytes[..f.min(bytes.len())], query.as_bytes())?
        };
        Some(Span::new(
            d.to_original(at, false),
            d.to_original(at + query.len(), true),
        ))
    }
}

/// The folded form of a typed query (what the index searches for).
pub fn fold_query(q: &str) -> String {
    fold(q.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_offsets_map_back() {
        let text = "Erdoğan met “Pashinyan” in İzmir.";
        let d = FoldedDoc::new(text);
        assert!(
            d.text.starts_with("erdogan met “pashinyan” in izmir"),
            "{}",
            d.text
        );
        let i = d.text.find("pashinyan").unwrap();
        let a = d.to_original(i, false);
        let b = d.to_original(i + "pashinyan".len(), true);
        assert_eq!(&text[a..b], "Pashinyan");
        let i = d.text.find("erdogan").unwrap();
        let (a, b) = (
            d.to_original(i, false),
            d.to_original(i + "erdogan".len(), true),
        );
        assert_eq!(&text[a..b], "Erdoğan");
        let i = d.text.find("izmir").unwrap();
        let (a, b) = (
            d.to_original(i, false),
            d.to_original(i + "izmir".len(), true),
        );
        assert_eq!(&text[a..b], "İzmir");
        for o in [0, 5, 7, 13, text.len()] {
            let f = d.to_folded(o);
            assert!(f <= d.text.len());
        }
    }
}
