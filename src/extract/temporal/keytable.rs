//! An open-addressed table from packed short-word keys (`fasthash::short_key`) to indices: the
//! tagger looks up every word of a text, and this takes one multiply and usually one probe.

/// Keys are non-zero packed words; a zero key marks an empty slot. Never more than a quarter full.
#[derive(Clone, Debug, Default)]
pub struct KeyTable {
    slots: Vec<(u64, u32)>,
    /// 64 minus log2 of the table size: a slot is the top bits of the multiplied key.
    shift: u32,
}

impl KeyTable {
    /// A table of distinct non-zero keys (zero keys are left out).
    pub fn new(items: &[(u64, u32)]) -> Self {
        let bits = (items.len() * 4 + 16).next_power_of_two().trailing_zeros();
        let mut slots = vec![(0, 0); 1 << bits];
        let shift = 64 - bits;
        let mask = slots.len() - 1;
        for &(key, value) in items.iter().filter(|(k, _)| *k != 0) {
            let mut at = slot(key, shift);
            while slots[at].0 != 0 && slots[at].0 != key {
                at = (at + 1) & mask;
            }
            slots[at] = (key, value);
        }
        KeyTable { slots, shift }
    }

    #[inline]
    pub fn get(&self, key: u64) -> Option<u32> {
        if self.slots.is_empty() || key == 0 {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut at = slot(key, self.shift);
        loop {
            let (k, v) = *self.slots.get(at)?;
            if k == key {
                return Some(v);
            }
            if k == 0 {
                return None;
            }
            at = (at + 1) & mask;
        }
    }
}

#[inline]
fn slot(key: u64, shift: u32) -> usize {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> shift) as usize
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
        assert_eq!(KeyTable::default().get(5), None);
    }
}
