//! Compact storage for the corpus's long lists: u32 offsets and indices, and interned strings.
//!
//! A large corpus holds millions of events, mentions and quotes; at 64-bit offsets, a `String` per
//! value and a `Vec` per index list, their bookkeeping outweighed the article text itself.
//! Ingestion skips documents over 4 GiB, so every offset and index fits in a u32.

use std::marker::PhantomData;
use std::num::NonZeroU32;

use crate::fasthash::FastMap;
use crate::ids::Id;
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

/// Ids of one of the corpus lists (actors, topics, quotes), stored as u32.
pub struct Ids<'a, I>(&'a [u32], PhantomData<fn() -> I>);

// Derived, these would ask `I` for the same traits; a borrowed list is copied whatever it holds.
impl<I> Clone for Ids<'_, I> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<I> Copy for Ids<'_, I> {}

impl<I> Default for Ids<'_, I> {
    fn default() -> Self {
        Ids(&[], PhantomData)
    }
}

impl<I: Id> std::fmt::Debug for Ids<'_, I> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<I> PartialEq for Ids<'_, I> {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl<I> Eq for Ids<'_, I> {}

/// The iterator of `Ids`.
pub type IdIter<'a, I> = std::iter::Map<std::iter::Copied<std::slice::Iter<'a, u32>>, fn(u32) -> I>;

impl<'a, I: Id> Ids<'a, I> {
    pub(crate) fn new(ids: &'a [u32]) -> Self {
        Ids(ids, PhantomData)
    }

    pub fn iter(self) -> IdIter<'a, I> {
        self.0.iter().copied().map(I::from_raw)
    }

    pub fn contains(self, id: I) -> bool {
        self.0.contains(&id.raw())
    }

    pub fn len(self) -> usize {
        self.0.len()
    }

    pub fn is_empty(self) -> bool {
        self.0.is_empty()
    }

    pub fn to_vec(self) -> Vec<I> {
        self.iter().collect()
    }

    /// The stored form, for rebuilding a list inside the corpus.
    pub(crate) fn raw(self) -> &'a [u32] {
        self.0
    }
}

impl<'a, I: Id> IntoIterator for Ids<'a, I> {
    type Item = I;
    type IntoIter = IdIter<'a, I>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// A list of ids without spare capacity (16 bytes, no allocation when empty).
pub(crate) fn id_list<I: Id>(ids: impl IntoIterator<Item = I>) -> Box<[u32]> {
    ids.into_iter().map(I::raw).collect()
}

/// A string interned in `Strings`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sym(NonZeroU32);

impl Sym {
    /// The symbol's number (from 1), for storing a corpus outside the process.
    pub fn raw(self) -> u32 {
        self.0.get()
    }

    /// The symbol numbered `n`; None for 0.
    pub fn from_raw(n: u32) -> Option<Sym> {
        NonZeroU32::new(n).map(Sym)
    }
}

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

    /// Every string in the order interned: interning them in this order gives the same symbols.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &str> {
        self.list.iter().map(|s| s.as_ref())
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
        use crate::ids::ActorId;
        let [a0, a3, a7] = [0, 3, 7].map(ActorId::new);
        let list = id_list([a3, a0, a7]);
        let ids: Ids<ActorId> = Ids::new(&list);
        assert_eq!(ids.to_vec(), vec![a3, a0, a7]);
        assert!(ids.contains(a7) && !ids.contains(ActorId::new(1)));
        assert!(!ids.contains(ActorId::new(usize::MAX)));
        let span = Span::new(5, 12);
        assert_eq!(Span::from(Loc::from(span)), span);
        assert_eq!(to_u32(usize::MAX), u32::MAX);
    }
}
