//! The distinct words of one document: each folded word once, with what the word lists say
//! about it and whether the document writes it in lower case. The lexicon is asked once per word
//! rather than once per token, and the table is small enough to stay in cache.

use std::hash::Hasher;

use crate::fasthash::FxHasher;
use crate::model::Span;

/// What one distinct word carries.
#[derive(Clone, Copy, Debug, Default)]
pub struct Word {
    /// `lexicon::list` bits.
    pub lists: u32,
    /// The longest gazetteer phrase it opens, in tokens.
    pub phrase_len: u16,
    /// Written in lower case somewhere in the document.
    pub lower: bool,
}

/// Where `Words::insert` puts a word `Words::find` did not find.
pub struct Vacant(usize);

#[derive(Clone, Copy, Default)]
struct Slot {
    /// `word_key`; 0 marks an empty slot (the empty word lives apart).
    key: u64,
    /// Where the folded form sits in the fold buffer, to tell long words of one hash apart.
    fold: Span,
    word: Word,
}

/// Open addressing with linear probing on `word_key`s: short words compare as one number, long
/// ones by key and then by their folded text, so the table is exact.
#[derive(Default)]
pub struct Words {
    slots: Vec<Slot>,
    /// `64 - log2(slots.len())`: an index is the top bits of the key times a constant.
    shift: u32,
    len: usize,
    /// The empty word (whose key is 0).
    empty: Option<Word>,
}

const MIN_SLOTS: usize = 64;

impl Words {
    /// Empties the table, sized for about `words` distinct words.
    pub fn reset(&mut self, words: usize) {
        let size = (words * 2).next_power_of_two().max(MIN_SLOTS);
        self.slots.clear();
        self.slots.resize(size, Slot::default());
        self.shift = 64 - size.trailing_zeros();
        self.len = 0;
        self.empty = None;
    }

    /// The slots the table holds (used or not).
    #[cfg(test)]
    pub fn capacity(&self) -> usize {
        self.slots.len()
    }

    fn index(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    /// Where the word at `span` in `folds` (keyed `key`) sits, or the empty slot where it would
    /// go, and whether it is there. The table's spans point into `folds` too.
    #[inline]
    fn find_slot(&self, key: u64, span: Span, folds: &[u8]) -> (usize, bool) {
        let mask = self.slots.len() - 1;
        let mut i = self.index(key);
        loop {
            let s = &self.slots[i];
            if s.key == 0 {
                return (i, false);
            }
            // Packed keys (top bit clear) are the words themselves; hashed ones need a look.
            if s.key == key
                && (key >> 63 == 0
                    || folds.get(s.fold.start..s.fold.end) == folds.get(span.start..span.end))
            {
                return (i, true);
            }
            i = (i + 1) & mask;
        }
    }

    /// The entry of the word at `span` in `folds`, keyed `key`: `Ok` when the table has it, else
    /// `Err` with the place to `insert` it.
    #[inline]
    pub fn find(&mut self, key: u64, span: Span, folds: &[u8]) -> Result<&mut Word, Vacant> {
        if key == 0 {
            return self.empty.as_mut().ok_or(Vacant(usize::MAX));
        }
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        match self.find_slot(key, span, folds) {
            (i, true) => Ok(&mut self.slots[i].word),
            (i, false) => Err(Vacant(i)),
        }
    }

    /// Adds the word `find` did not find; the table must not have changed since.
    pub fn insert(&mut self, at: Vacant, key: u64, span: Span, word: Word) -> &mut Word {
        if key == 0 {
            return self.empty.insert(word);
        }
        self.len += 1;
        let slot = &mut self.slots[at.0];
        *slot = Slot {
            key,
            fold: span,
            word,
        };
        &mut slot.word
    }

    /// The entry of the word at `span` in `folds`, keyed `key`, if the document has the word.
    pub fn get(&self, key: u64, span: Span, folds: &[u8]) -> Option<&Word> {
        if key == 0 {
            return self.empty.as_ref();
        }
        if self.slots.is_empty() {
            return None;
        }
        match self.find_slot(key, span, folds) {
            (i, true) => Some(&self.slots[i].word),
            _ => None,
        }
    }

    fn grow(&mut self) {
        let old = std::mem::take(&mut self.slots);
        let (len, empty) = (self.len, self.empty);
        self.reset(old.len().max(MIN_SLOTS / 2));
        self.len = len;
        self.empty = empty;
        let mask = self.slots.len() - 1;
        for s in old.into_iter().filter(|s| s.key != 0) {
            // Keys already in the table are distinct: the first free slot is theirs.
            let mut i = self.index(s.key);
            while self.slots[i].key != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = s;
        }
    }
}

/// A folded word as one number: a short word packed (`short_key`, so it compares exactly), a
/// longer one hashed with the top bit set (packed keys never have it). `fold` is the span of the
/// word in `folds`.
#[inline]
pub fn word_key(folds: &[u8], fold: Span) -> u64 {
    let len = fold.len();
    if len <= 7 {
        // Eight bytes at once where the buffer has them: the word and what follows, masked.
        if let Some(chunk) = folds
            .get(fold.start..fold.start + 8)
            .and_then(|b| <[u8; 8]>::try_from(b).ok())
        {
            let bytes = u64::from_le_bytes(chunk) & ((1u64 << (8 * len)) - 1);
            return bytes | (len as u64) << 56;
        }
        let mut key = (len as u64) << 56;
        for (k, &x) in folds
            .get(fold.start..fold.end)
            .unwrap_or(&[])
            .iter()
            .enumerate()
        {
            key |= u64::from(x) << (8 * k);
        }
        return key;
    }
    let mut h = FxHasher::default();
    h.write(folds.get(fold.start..fold.end).unwrap_or(&[]));
    h.finish() | 1 << 63
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_lookups() {
        let folds = "the cat saw the caterpillars and the caterpillar a";
        let fb = folds.as_bytes();
        let mut at = 0;
        let spans: Vec<Span> = folds
            .split(' ')
            .map(|w| {
                let s = Span::new(at, at + w.len());
                at += w.len() + 1;
                s
            })
            .collect();
        let mut words = Words::default();
        words.reset(2);
        for (i, s) in spans.iter().enumerate() {
            let key = word_key(fb, *s);
            let fold = s.slice(folds);
            assert_eq!(
                crate::fasthash::short_key(fold),
                (key >> 63 == 0).then_some(key)
            );
            let w = match words.find(key, *s, fb) {
                Ok(w) => w,
                Err(at) => words.insert(
                    at,
                    key,
                    *s,
                    Word {
                        lists: i as u32,
                        ..Word::default()
                    },
                ),
            };
            w.lower |= fold.starts_with('c');
        }
        let cases = [
            ("the", Some((0, false))),
            ("cat", Some((1, true))),
            ("caterpillars", Some((4, true))),
            ("caterpillar", Some((7, true))),
            ("a", Some((8, false))),
            ("dog", None),
        ];
        let other = "dog caterpillar";
        for (w, want) in cases {
            // Look words up at another place of the buffer, as a later token would.
            let buf = format!("{folds} {other} {w}");
            let span = Span::new(buf.len() - w.len(), buf.len());
            let key = word_key(buf.as_bytes(), span);
            let got = words
                .get(key, span, buf.as_bytes())
                .map(|x| (x.lists, x.lower));
            assert_eq!(got, want, "{w}");
        }
    }
}
