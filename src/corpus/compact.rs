//! Compact storage for the corpus's long lists: u32 offsets and indices, and interned strings.
//!
//! A large corpus holds millions of events, mentions and quotes; at 64-bit offsets, a `String` per
//! value and a `Vec` per index list, their bookkeeping outweighed the article text itself.
//! Ingestion skips documents over 4 GiB, so every offset and index fits in a u32.

use std::num::NonZeroU32;

use crate::fasthash::FastMap;
use crate::model::Span;

/// `x` as a u32; values past `u32::MAX` (which ingestion rules out) saturate rather than wrap.
pub(crate) fn to_u32(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

/// A `Span` in 8 bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Loc {
    start: u32,
    end: u32,
}

impl From<Span> for Loc {
    fn from(s: Span) -> Self {
        Loc {
            start: to_u32(s.start),
            end: to_u32(s.end),
        }
    }
}

impl From<Loc> for Span {
    fn from(l: Loc) -> Self {
        Span::new(l.start as usize, l.end as usize)
    }
}

/// Indices into one of the corpus lists (actors, topics, quotes), read as `usize`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ids<'a>(&'a [u32]);

/// The iterator of `Ids`.
pub type IdIter<'a> =
    std::iter::Map<std::iter::Copied<std::slice::Iter<'a, u32>>, fn(u32) -> usize>;

impl<'a> Ids<'a> {
    pub(crate) fn new(ids: &'a [u32]) -> Self {
        Ids(ids)
    }

    pub fn iter(self) -> IdIter<'a> {
        self.0.iter().copied().map(widen)
    }

    pub fn contains(self, i: usize) -> bool {
        u32::try_from(i).is_ok_and(|i| self.0.contains(&i))
    }

    pub fn len(self) -> usize {
        self.0.len()
    }

    pub fn is_empty(self) -> bool {
        self.0.is_empty()
    }

    pub fn to_vec(self) -> Vec<usize> {
        self.iter().collect()
    }
}

fn widen(i: u32) -> usize {
    i as usize
}

impl<'a> IntoIterator for Ids<'a> {
    type Item = usize;
    type IntoIter = IdIter<'a>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// A list of indices without spare capacity (16 bytes, no allocation when empty).
pub(crate) fn id_list(ids: impl IntoIterator<Item = usize>) -> Box<[u32]> {
    ids.into_iter().map(to_u32).collect()
}

/// A string interned in `Strings`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sym(NonZeroU32);

/// Interned strings: TIMEX3 values repeat endlessly ("2005-06-01", "PAST_REF"), so each distinct
/// value is stored once and the corpus keeps 4-byte `Sym`s.
#[derive(Clone, Debug, Default)]
pub struct Strings {
    list: Vec<Box<str>>,
    index: FastMap<Box<str>, Sym>,
}

impl Strings {
    pub fn intern(&mut self, s: &str) -> Sym {
        if let Some(&sym) = self.index.get(s) {
            return sym;
        }
        let n = NonZeroU32::new(to_u32(self.list.len() + 1)).unwrap_or(NonZeroU32::MAX);
        let sym = Sym(n);
        self.list.push(s.into());
        self.index.insert(s.into(), sym);
        sym
    }

    /// The interned string ("" for a symbol of another table).
    pub fn get(&self, sym: Sym) -> &str {
        self.list
            .get(sym.0.get() as usize - 1)
            .map_or("", |s| s.as_ref())
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interning_gives_one_symbol_per_distinct_string() {
        let mut s = Strings::default();
        let words = ["2005-06-01", "PAST_REF", "2005-06-01", "", "PAST_REF"];
        let syms: Vec<Sym> = words.iter().map(|w| s.intern(w)).collect();
        assert_eq!(s.len(), 3);
        assert_eq!(syms[0], syms[2]);
        assert_eq!(syms[1], syms[4]);
        for (w, sym) in words.iter().zip(&syms) {
            assert_eq!(s.get(*sym), *w);
        }
    }

    #[test]
    fn ids_and_locs_round_trip() {
        let list = id_list([3, 0, 7]);
        let ids = Ids::new(&list);
        assert_eq!(ids.to_vec(), vec![3, 0, 7]);
        assert!(ids.contains(7) && !ids.contains(1) && !ids.contains(usize::MAX));
        let span = Span::new(5, 12);
        assert_eq!(Span::from(Loc::from(span)), span);
        assert_eq!(to_u32(usize::MAX), u32::MAX);
    }
}
