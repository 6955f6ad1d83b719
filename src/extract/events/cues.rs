//! The status-cue automaton run over a whole text: every occurrence of every phrase, by a plain
//! loop over the automaton's states or, faster, over the same automaton as a compact table.

use aho_corasick::Anchored;
use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;

/// Every occurrence of every phrase of `dfa` in `hay`, to `push(start, end, pattern)`: at each
/// byte, all the patterns of the state reached (a standard automaton, so each once), as the
/// overlapping search reports them.
pub(super) fn dfa_occurrences(dfa: &DFA, hay: &[u8], push: &mut impl FnMut(usize, usize, usize)) {
    let Ok(mut sid) = dfa.start_state(Anchored::No) else {
        return;
    };
    for (at, &b) in hay.iter().enumerate() {
        sid = dfa.next_state(Anchored::No, sid, b);
        if !dfa.is_special(sid) {
            continue;
        }
        if dfa.is_dead(sid) {
            break;
        }
        if dfa.is_match(sid) {
            for k in 0..dfa.match_len(sid) {
                let pid = dfa.match_pattern(sid, k);
                let end = at + 1;
                let Some(start) = end.checked_sub(dfa.pattern_len(pid)) else {
                    continue;
                };
                push(start, end, pid.as_usize());
            }
        }
    }
}

/// A standard automaton as one table of 16-bit state ids, premultiplied by the number of byte
/// classes, with the match states numbered last: a step is two loads and an add, and a
/// `u16` index into a table of 2^16 entries needs no bounds check.
#[derive(Clone, Debug)]
pub(super) struct CueTable {
    classes: [u8; 256],
    trans: Box<[u16; 1 << 16]>,
    start: u16,
    stride: usize,
    /// Ids from this one on are match states.
    first_match: u16,
    /// For each match state (in order), its range of `matched`.
    ranges: Vec<(usize, usize)>,
    /// (pattern, length) of the matches of each match state, in the automaton's order.
    matched: Vec<(usize, usize)>,
}

impl CueTable {
    /// The table of `dfa`, or None when its states and classes do not fit 16 bits or it has a
    /// dead state (an unanchored standard automaton has none).
    pub(super) fn new(dfa: &DFA) -> Option<Self> {
        let start = dfa.start_state(Anchored::No).ok()?;
        let mut index: crate::fasthash::FastMap<usize, usize> = Default::default();
        let mut states = vec![start];
        index.insert(start.as_usize(), 0);
        let mut rows: Vec<[usize; 256]> = Vec::new();
        while let Some(&sid) = states.get(rows.len()) {
            let mut row = [0; 256];
            for (b, slot) in (0..=255u8).zip(row.iter_mut()) {
                let next = dfa.next_state(Anchored::No, sid, b);
                if dfa.is_dead(next) {
                    return None;
                }
                *slot = *index.entry(next.as_usize()).or_insert_with(|| {
                    states.push(next);
                    states.len() - 1
                });
            }
            rows.push(row);
        }
        // Bytes with the same column in every row share a class.
        let mut class_of_column: crate::fasthash::FastMap<Vec<usize>, u8> = Default::default();
        let mut classes = [0u8; 256];
        for (b, class) in classes.iter_mut().enumerate() {
            let column: Vec<usize> = rows.iter().map(|r| r[b]).collect();
            let next = class_of_column.len();
            *class = *class_of_column
                .entry(column)
                .or_insert(u8::try_from(next).ok()?);
        }
        let stride = class_of_column.len();
        if states.len() * stride > 1 << 16 {
            return None;
        }
        // Non-match states first, then match states, each in discovery order.
        let mut order: Vec<usize> = (0..states.len()).collect();
        order.sort_by_key(|&i| dfa.is_match(states[i]));
        let mut id = vec![0u16; states.len()];
        for (new, &old) in order.iter().enumerate() {
            id[old] = u16::try_from(new * stride).ok()?;
        }
        let first_match = order
            .iter()
            .position(|&i| dfa.is_match(states[i]))
            .map_or(Some(u16::MAX), |n| u16::try_from(n * stride).ok())?;
        let mut trans: Box<[u16; 1 << 16]> =
            vec![0u16; 1 << 16].into_boxed_slice().try_into().ok()?;
        let (mut ranges, mut matched) = (Vec::new(), Vec::new());
        for &old in &order {
            let base = usize::from(id[old]);
            for b in 0..256 {
                trans[base + usize::from(classes[b])] = id[rows[old][b]];
            }
            let sid = states[old];
            if dfa.is_match(sid) {
                let from = matched.len();
                for k in 0..dfa.match_len(sid) {
                    let pid = dfa.match_pattern(sid, k);
                    matched.push((pid.as_usize(), dfa.pattern_len(pid)));
                }
                ranges.push((from, matched.len()));
            }
        }
        Some(CueTable {
            classes,
            trans,
            start: id[0],
            stride,
            first_match,
            ranges,
            matched,
        })
    }

    /// `dfa_occurrences` by the table.
    pub(super) fn occurrences(&self, hay: &[u8], push: &mut impl FnMut(usize, usize, usize)) {
        // The hot loop only steps and notes match states (few); the matches are read after.
        let (trans, classes, first) = (&*self.trans, &self.classes, self.first_match);
        let mut ends: Vec<(usize, u16)> = Vec::new();
        let mut s = self.start;
        for (at, &b) in hay.iter().enumerate() {
            s = trans[usize::from(s.wrapping_add(u16::from(classes[usize::from(b)])))];
            if s >= first {
                ends.push((at + 1, s));
            }
        }
        for (end, s) in ends {
            let m = usize::from(s - first) / self.stride;
            let Some(&(from, to)) = self.ranges.get(m) else {
                continue;
            };
            for &(p, len) in self.matched.get(from..to).unwrap_or_default() {
                if let Some(start) = end.checked_sub(len) {
                    push(start, end, p);
                }
            }
        }
    }
}
