//! The fast hashers for the word-list maps every extraction stage probes per token: FxHash (from
//! rustc-hash) for strings, and a packed-key hasher of our own for words of up to seven bytes.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// rustc's FxHash from the rustc-hash crate: the keys are short words from our own lists and the
/// text, so hash flooding is no concern and SipHash costs too much. It replaced a private copy of
/// the older FxHash at the same output and 0.3% fewer instructions on the BBC export (callgrind).
pub use rustc_hash::FxHasher;

pub type FastMap<K, V> = HashMap<K, V, rustc_hash::FxBuildHasher>;
pub type FastSet<K> = HashSet<K, rustc_hash::FxBuildHasher>;

/// Hashes `short_key`s: a full 64x64 multiply folds every byte of the word into the low bits the
/// table indexes by (FxHash's plain multiply would leave them to the first letter or two).
#[derive(Default, Clone, Copy, Debug)]
pub struct PackedHasher(u64);

impl Hasher for PackedHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, x: u64) {
        let m = u128::from(x ^ self.0) * 0x9e37_79b9_7f4a_7c15_u128;
        self.0 = (m as u64) ^ ((m >> 64) as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Word lists keyed by `short_key`: most words in news text are short, and a packed key is
/// compared and hashed as one number.
pub type PackedMap<V> = HashMap<u64, V, BuildHasherDefault<PackedHasher>>;

/// A word of at most seven bytes as one number: its bytes, and its length in the top byte (so
/// "a" and "a\0" differ).
pub fn short_key(w: &str) -> Option<u64> {
    let b = w.as_bytes();
    if b.len() > 7 {
        return None;
    }
    let mut key = (b.len() as u64) << 56;
    for (k, &x) in b.iter().enumerate() {
        key |= u64::from(x) << (8 * k);
    }
    Some(key)
}
