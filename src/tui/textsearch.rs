//! Full-text search: every article folded once at load (case and diacritics, as `text::fold`), so
//! a query is a plain byte search (memchr's `memmem`) over the folded text, mapped back to the
//! article's own offsets for highlighting.
//!
//! A growing query only narrows what the previous one matched, so typing searches the previous
//! matches, not the corpus; the first keystroke checks each event's sentence once, in parallel.

use memchr::memmem::Finder;
use rayon::prelude::*;

use crate::corpus::Corpus;
use crate::ids::{DocId, EventId, Id, IdVec, QuoteId};
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

/// The folded corpus and each event's and quote's place in it.
#[derive(Clone, Debug, Default)]
pub struct TextIndex {
    pub docs: IdVec<DocId, FoldedDoc>,
    events: IdVec<EventId, (u32, u32, u32)>,
    quotes: IdVec<QuoteId, (u32, u32)>,
    /// Every event in document order (then by position): a full scan reads the folded text
    /// front to back instead of jumping between articles in timeline order.
    by_doc: Vec<EventId>,
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
        let events: Vec<(u32, u32, u32)> = (*corpus.events)
            .par_iter()
            .map(|e| {
                let (a, b) = place(e.doc(), e.span());
                (e.doc().raw(), a, b)
            })
            .collect();
        let quotes: Vec<(u32, u32)> = (*corpus.quotes)
            .par_iter()
            .map(|q| place(q.doc(), q.span()))
            .collect();
        let mut by_doc: Vec<EventId> = corpus.events.ids().collect();
        by_doc.par_sort_unstable_by_key(|&e| {
            let ev = &corpus.events[e];
            (ev.doc(), ev.span().start, e)
        });
        TextIndex {
            docs,
            events: events.into(),
            quotes: quotes.into(),
            by_doc,
        }
    }

    fn slice(&self, doc: DocId, (a, b): (u32, u32)) -> &[u8] {
        self.docs
            .get(doc)
            .and_then(|d| d.text.as_bytes().get(a as usize..b as usize))
            .unwrap_or(&[])
    }

    /// Whether event `e`'s sentence holds the folded query.
    pub fn event_has(&self, _corpus: &Corpus, e: EventId, finder: &Finder) -> bool {
        // The event's document is kept here too, so a scan never touches the events themselves.
        let Some(&(doc, a, b)) = self.events.get(e) else {
            return false;
        };
        finder
            .find(self.slice(DocId::from_raw(doc), (a, b)))
            .is_some()
    }

    /// Whether quote `q`'s words hold the folded query.
    pub fn quote_has(&self, corpus: &Corpus, q: QuoteId, finder: &Finder) -> bool {
        let place = self.quotes.get(q).copied().unwrap_or((0, 0));
        finder
            .find(self.slice(corpus.quotes[q].doc(), place))
            .is_some()
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
        match pool {
            Some(p) if p.len() < 1 << 16 => p
                .iter()
                .copied()
                .filter(|&e| self.event_has(corpus, e, &finder))
                .collect(),
            Some(p) => p
                .par_iter()
                .copied()
                .filter(|&e| self.event_has(corpus, e, &finder))
                .collect(),
            None => {
                // Marks in a bit set, in document order, then reads the set in event order: no
                // sort of what may be every event.
                use std::sync::atomic::{AtomicU64, Ordering};
                let n = corpus.events.len();
                let bits: Vec<AtomicU64> = (0..n.div_ceil(64)).map(|_| AtomicU64::new(0)).collect();
                self.by_doc.par_chunks(4096).for_each(|chunk| {
                    for &e in chunk {
                        if self.event_has(corpus, e, &finder) {
                            bits[e.index() / 64]
                                .fetch_or(1u64 << (e.index() % 64), Ordering::Relaxed);
                        }
                    }
                });
                let mut out = Vec::new();
                for (w, word) in bits.iter().enumerate() {
                    let mut x = word.load(Ordering::Relaxed);
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
