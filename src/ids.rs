//! Typed ids: which document, actor, topic, quote, event or happening an index means, checked by
//! the compiler.
//!
//! Every list of the corpus is indexed by its own id type (helix-view's `DocumentId` is the
//! model), so an actor's index cannot be passed where a topic's is meant, and a place in a sorted
//! list (`QuotePos`, a place in the browser's quote order) cannot be mistaken for the quote it
//! holds (`QuoteId`). Ids are 32-bit, as the corpus stores them: ingestion rules out more than
//! `u32::MAX` of anything. `IdVec` is a `Vec` indexed by one id type.

use std::fmt;
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut, Index, IndexMut};

/// An index into one kind of list.
pub trait Id: Copy + Ord + fmt::Debug {
    /// The id of the `i`th item (from 0); past `u32::MAX` (which ingestion rules out) it
    /// saturates rather than wraps.
    fn new(i: usize) -> Self;
    /// The id as stored in the corpus's compact lists.
    fn from_raw(raw: u32) -> Self;
    fn raw(self) -> u32;

    /// The position in its list, for slice indexing.
    fn index(self) -> usize {
        self.raw() as usize
    }
}

macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(u32);

        impl Id for $name {
            fn new(i: usize) -> Self {
                $name::new(i)
            }

            fn from_raw(raw: u32) -> Self {
                $name(raw)
            }

            fn raw(self) -> u32 {
                self.0
            }
        }

        impl $name {
            /// The id of the `i`th item (from 0), saturating past `u32::MAX`.
            pub const fn new(i: usize) -> Self {
                $name(if i > u32::MAX as usize { u32::MAX } else { i as u32 })
            }

            /// The position in its list, for slice indexing.
            pub const fn index(self) -> usize {
                self.0 as usize
            }
        }
    )*};
}

ids! {
    /// A document: its place in `Corpus::documents` (input order).
    DocId;
    /// An actor: its place in `Corpus::actors`.
    ActorId;
    /// A topic: its place in `Corpus::topics` (the taxonomy's topics, then key phrases).
    TopicId;
    /// A quote: its place in `Corpus::quotes` (document order); the export calls it `q` and the
    /// place plus one.
    QuoteId;
    /// An event: its place in `Corpus::events`, which are in chronological order; the export
    /// calls it `e` and the place plus one.
    EventId;
    /// A happening: its place in `Corpus::happenings` (chronological, like events); the export
    /// calls it `h` and the place plus one.
    HappeningId;
    /// A place in the browser's quote order (`tui::data::Data::quote_order`), not a quote.
    QuotePos;
}

/// A `Vec` whose items are indexed by the id type `I` (and by no other). Reads as a slice, so
/// iterating, counting and searching need no ids.
#[derive(Clone, PartialEq, Eq)]
pub struct IdVec<I, T> {
    items: Vec<T>,
    id: PhantomData<fn(I) -> I>,
}

impl<I: Id, T> IdVec<I, T> {
    pub const fn new() -> Self {
        IdVec {
            items: Vec::new(),
            id: PhantomData,
        }
    }

    pub fn with_capacity(n: usize) -> Self {
        Vec::with_capacity(n).into()
    }

    /// Appends an item and returns its id.
    pub fn push(&mut self, item: T) -> I {
        let id = I::new(self.items.len());
        self.items.push(item);
        id
    }

    /// The id the next pushed item gets.
    pub fn next_id(&self) -> I {
        I::new(self.items.len())
    }

    pub fn get(&self, id: I) -> Option<&T> {
        self.items.get(id.index())
    }

    pub fn get_mut(&mut self, id: I) -> Option<&mut T> {
        self.items.get_mut(id.index())
    }

    /// Every id, in order.
    pub fn ids(&self) -> impl DoubleEndedIterator<Item = I> + ExactSizeIterator + use<I, T> {
        (0..self.items.len()).map(I::new)
    }

    /// Every item with its id, in order.
    pub fn iter_enumerated(&self) -> impl DoubleEndedIterator<Item = (I, &T)> + ExactSizeIterator {
        self.items.iter().enumerate().map(|(i, t)| (I::new(i), t))
    }

    /// The items as a plain `Vec`, for what only a `Vec` does (`retain`, `extend`); changing the
    /// order changes what the ids mean.
    pub fn as_mut_vec(&mut self) -> &mut Vec<T> {
        &mut self.items
    }

    pub fn into_vec(self) -> Vec<T> {
        self.items
    }
}

impl<I: Id, T> Default for IdVec<I, T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<I, T: fmt::Debug> fmt::Debug for IdVec<I, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.items.fmt(f)
    }
}

impl<I, T> Deref for IdVec<I, T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        &self.items
    }
}

impl<I, T> DerefMut for IdVec<I, T> {
    fn deref_mut(&mut self) -> &mut [T] {
        &mut self.items
    }
}

impl<I: Id, T> Index<I> for IdVec<I, T> {
    type Output = T;

    fn index(&self, id: I) -> &T {
        &self.items[id.index()]
    }
}

impl<I: Id, T> IndexMut<I> for IdVec<I, T> {
    fn index_mut(&mut self, id: I) -> &mut T {
        &mut self.items[id.index()]
    }
}

impl<I, T> From<Vec<T>> for IdVec<I, T> {
    fn from(items: Vec<T>) -> Self {
        IdVec {
            items,
            id: PhantomData,
        }
    }
}

impl<I, T> FromIterator<T> for IdVec<I, T> {
    fn from_iter<It: IntoIterator<Item = T>>(iter: It) -> Self {
        Vec::from_iter(iter).into()
    }
}

impl<I, T> Extend<T> for IdVec<I, T> {
    fn extend<It: IntoIterator<Item = T>>(&mut self, iter: It) {
        self.items.extend(iter);
    }
}

impl<I, T> IntoIterator for IdVec<I, T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a, I, T> IntoIterator for &'a IdVec<I, T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl<'a, I, T> IntoIterator for &'a mut IdVec<I, T> {
    type Item = &'a mut T;
    type IntoIter = std::slice::IterMut<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_index_their_own_list() {
        let mut v: IdVec<ActorId, &str> = IdVec::new();
        let a = v.push("a");
        let b = v.push("b");
        assert_eq!((a.index(), b.index()), (0, 1));
        assert_eq!((v[a], v[b]), ("a", "b"));
        assert_eq!(v.get(ActorId::new(2)), None);
        assert_eq!(v.next_id(), ActorId::new(2));
        assert_eq!(v.ids().collect::<Vec<_>>(), [a, b]);
        assert_eq!(
            v.iter_enumerated().map(|(i, _)| i).collect::<Vec<_>>(),
            [a, b]
        );
        assert_eq!(v.iter().copied().collect::<String>(), "ab");
        assert_eq!(ActorId::new(usize::MAX).raw(), u32::MAX);
        assert_eq!(ActorId::from_raw(7).index(), 7);
        assert!(a < b);
    }
}
