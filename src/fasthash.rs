//! The fast hashers for the word-list maps every extraction stage probes per token: FxHash for
//! strings, and a packed-key hasher for words of up to seven bytes.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A small fast hasher (the multiply-rotate scheme of rustc's FxHash): the keys are short words
/// from our own lists and the text, so hash flooding is no concern and SipHash costs too much.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.write(&[i]);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

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
