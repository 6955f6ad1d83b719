//! An open-addressed table from packed short-word keys (`fasthash::short_key`) to values: the
//! word-list lookup the temporal and quote tokenizers make for every word of a text.
//!
//! A miss (most words are on no list) usually ends at a 512-byte bit filter that stays in cache;
//! a hit takes one multiply and, with the table at most a quarter full, about one probe.

/// Keys are non-zero packed words; a zero key marks an empty slot.
#[derive(Clone, Debug, Default)]
pub struct KeyTable<V> {
    /// One bit per hash (other bits than the slot's), set for the keys present.
    filter: Vec<u64>,
    keys: Vec<u64>,
    values: Vec<V>,
    /// 64 minus log2 of the table size: a slot is the top bits of the multiplied key.
    shift: u32,
}

const FILTER_WORDS: usize = 64;
const MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;

/// The filter word and bit of `key`: bits 20..32 of its hash (slots take the top bits).
#[inline]
fn filter_bit(key: u64) -> (usize, u64) {
    let h = (key.wrapping_mul(MULTIPLIER) >> 20) as usize & (FILTER_WORDS * 64 - 1);
    (h / 64, 1u64 << (h % 64))
}

impl<V: Copy + Default> KeyTable<V> {
    /// A table of `items`; zero keys are left out, and a repeated key keeps its last value.
    pub fn new(items: &[(u64, V)]) -> Self {
        let size = (items.len() * 4).next_power_of_two().max(16);
        let mut t = KeyTable {
            filter: vec![0; FILTER_WORDS],
            keys: vec![0; size],
            values: vec![V::default(); size],
            shift: 64 - size.trailing_zeros(),
        };
        for &(key, value) in items.iter().filter(|(k, _)| *k != 0) {
            let (word, bit) = filter_bit(key);
            t.filter[word] |= bit;
            let mut at = t.slot(key);
            while t.keys[at] != 0 && t.keys[at] != key {
                at = (at + 1) & (size - 1);
            }
            t.keys[at] = key;
            t.values[at] = value;
        }
        t
    }

    #[inline]
    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(MULTIPLIER) >> self.shift) as usize
    }

    #[inline]
    pub fn get(&self, key: u64) -> Option<V> {
        let (word, bit) = filter_bit(key);
        if key == 0 || self.filter.get(word).is_none_or(|w| w & bit == 0) {
            return None;
        }
        let mask = self.keys.len().wrapping_sub(1);
        let mut at = self.slot(key) & mask;
        loop {
            let k = *self.keys.get(at)?;
            if k == key {
                return self.values.get(at).copied();
            }
            if k == 0 {
                return None;
            }
            at = (at + 1) & mask;
        }
    }

    #[inline]
    pub fn contains(&self, key: u64) -> bool {
        self.get(key).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_was_put_and_nothing_else() {
        let items: Vec<(u64, u32)> = (1..200u64).map(|k| (k * 7919, k as u32)).collect();
        let table = KeyTable::new(&items);
        for &(k, v) in &items {
            assert_eq!(table.get(k), Some(v));
        }
        for k in [0, 1, 2, 7918, 7920, u64::MAX] {
            assert_eq!(table.get(k), None, "{k}");
        }
        assert_eq!(KeyTable::<u32>::default().get(5), None);
        assert_eq!(KeyTable::new(&[(0u64, 1u32)]).get(0), None);
    }
}
