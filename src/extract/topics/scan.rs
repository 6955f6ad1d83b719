//! The keyword search loop: leftmost-longest matches of a prebuilt Aho-Corasick DFA, as
//! `AhoCorasick::find_iter` reports them, in a loop of about half its instructions per byte.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};

/// An ASCII-case-insensitive leftmost-longest DFA over `patterns` (no prefilter: in news text
/// nearly every byte could start a keyword, so it would only slow the loop).
pub(super) fn build<I, P>(patterns: I) -> Option<DFA>
where
    I: IntoIterator<Item = P>,
    P: AsRef<[u8]>,
{
    DFA::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Unanchored)
        .prefilter(false)
        .build(patterns)
        .ok()
}

/// Non-overlapping matches of `dfa` in `hay` as (pattern index, start, end), leftmost first and
/// the longest at a start; the next search begins where a match ends.
pub(super) fn find_iter<'a>(
    dfa: &'a DFA,
    hay: &'a [u8],
) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
    let mut at = 0;
    std::iter::from_fn(move || {
        let m = find_at(dfa, hay, at)?;
        // An empty match (no pattern here is empty) must still move the search on.
        at = if m.2 > m.1 { m.2 } else { m.2 + 1 };
        Some(m)
    })
}

/// The leftmost-longest match starting at or after `at`.
fn find_at(dfa: &DFA, hay: &[u8], mut at: usize) -> Option<(usize, usize, usize)> {
    if at > hay.len() {
        return None;
    }
    let mut sid = dfa.start_state(Anchored::No).ok()?;
    let mut found = None;
    if dfa.is_match(sid) {
        found = Some(matched(dfa, sid, at));
    }
    loop {
        (sid, at) = walk(dfa, hay, sid, at);
        // Without a prefilter only dead and match states are special.
        if !dfa.is_special(sid) || dfa.is_dead(sid) {
            return found;
        }
        if dfa.is_match(sid) {
            found = Some(matched(dfa, sid, at));
        }
        if at >= hay.len() {
            return found;
        }
    }
}

/// Follows `hay` from `at` until a special state or the end; returns the state and the offset
/// after the last byte read. A function of its own, so the loop keeps everything in registers.
#[inline(never)]
fn walk(dfa: &DFA, hay: &[u8], mut sid: StateID, mut at: usize) -> (StateID, usize) {
    while let Some(&b) = hay.get(at) {
        sid = dfa.next_state(Anchored::No, sid, b);
        at += 1;
        if dfa.is_special(sid) {
            break;
        }
    }
    (sid, at)
}

fn matched(dfa: &DFA, sid: StateID, end: usize) -> (usize, usize, usize) {
    let pid = dfa.match_pattern(sid, 0);
    (pid.as_usize(), end - dfa.pattern_len(pid), end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::AhoCorasickBuilder;

    /// The loop reports exactly what the crate's own search does.
    #[test]
    fn same_matches_as_aho_corasick() {
        let patterns = [
            "border",
            "border delimitation",
            "peace",
            "peace treaty",
            "treaty talks",
            "a",
        ];
        let texts = [
            "Border delimitation talks; the PEACE treaty talks resumed.",
            "xborder delimitation treaty talks",
            "",
            "a",
            "peace treat",
        ];
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns)
            .unwrap();
        let dfa = build(patterns).unwrap();
        for text in texts {
            let want: Vec<(usize, usize, usize)> = ac
                .find_iter(text)
                .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
                .collect();
            let got: Vec<_> = find_iter(&dfa, text.as_bytes()).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }
}
