//! The fuzzy matcher behind the actor finder, kept in this one file so it can be swapped here
//! alone: skim's algorithm from the fuzzy-matcher crate for in-order matches, and a typo-tolerant
//! fallback (a bounded edit distance) for queries whose letters are not all there in order
//! (`pashniyan` for Pashinyan, `erdogn` for Erdoğan), which skim cannot match.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// Scores a candidate string against a query; callers fold both first (case, diacritics).
pub struct Matcher(SkimMatcherV2);

impl Default for Matcher {
    fn default() -> Self {
        Matcher(SkimMatcherV2::default().ignore_case())
    }
}

impl Matcher {
    /// The score of `candidate` for `query` (higher is better), or `None` when it does not match.
    pub fn score(&self, candidate: &str, query: &str) -> Option<i64> {
        self.0.fuzzy_match(candidate, query)
    }

    /// The score and the number of runs of consecutive matched characters (1 when the query
    /// matched as one piece), or `None` when it does not match.
    pub fn score_runs(&self, candidate: &str, query: &str) -> Option<(i64, usize)> {
        let (score, idx) = self.0.fuzzy_indices(candidate, query)?;
        let runs = 1 + idx.windows(2).filter(|w| w[1] != w[0] + 1).count();
        Some((score, runs))
    }

    /// The char indices of `candidate` that `query` matched, or `None` when it does not match.
    pub fn indices(&self, candidate: &str, query: &str) -> Option<Vec<usize>> {
        self.0.fuzzy_indices(candidate, query).map(|(_, idx)| idx)
    }
}

/// How many typing mistakes a query word of `len` bytes may have: none up to 3 letters, one at 4,
/// two from 5 on.
pub fn typo_budget(len: usize) -> u32 {
    match len {
        0..=3 => 0,
        4 => 1,
        _ => 2,
    }
}

/// The edit distance (Levenshtein) between `query` and the closest prefix of `word`, when it is at
/// most `max`. Bytes, folded by the caller. Bit-parallel (Myers' algorithm in Hyyrö's form for
/// whole-string distance): one pass over `word`, a few word operations per byte, which is what
/// lets every name be checked on every keystroke. Queries past 64 bytes are cut.
pub fn prefix_distance(word: &[u8], query: &[u8], max: u32) -> Option<u32> {
    let q = &query[..query.len().min(64)];
    let m = q.len();
    if m == 0 {
        return Some(0);
    }
    let mut peq = [0u64; 256];
    for (i, &c) in q.iter().enumerate() {
        peq[usize::from(c)] |= 1 << i;
    }
    let high = 1u64 << (m - 1);
    let (mut pv, mut mv) = (u64::MAX, 0u64);
    let mut score = m as u32;
    let mut best = score;
    for (j, &c) in word.iter().enumerate() {
        let eq = peq[usize::from(c)];
        let xv = eq | mv;
        let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
        let mut ph = mv | !(xh | pv);
        let mut mh = pv & xh;
        if ph & high != 0 {
            score += 1;
        } else if mh & high != 0 {
            score -= 1;
        }
        ph = (ph << 1) | 1;
        mh <<= 1;
        pv = mh | !(xv | ph);
        mv = ph & xv;
        best = best.min(score);
        // A prefix of n bytes is at least |n - m| edits away: past m + best none can be closer.
        if j + 1 >= m + best as usize {
            break;
        }
    }
    (best <= max).then_some(best)
}

/// The American Soundex code of an ASCII word ("blair" and "blare" are both B460), or None when
/// it does not start with a letter. Names misspelt by ear ("blare" for Blair, "mirzoian" for
/// Mirzoyan) share it even when they are two edits apart, so the finder counts a Soundex match
/// as one typo.
pub fn soundex(word: &[u8]) -> Option<[u8; 4]> {
    let first = *word.first()?;
    if !first.is_ascii_alphabetic() {
        return None;
    }
    let digit = |b: u8| match b.to_ascii_lowercase() {
        b'b' | b'f' | b'p' | b'v' => b'1',
        b'c' | b'g' | b'j' | b'k' | b'q' | b's' | b'x' | b'z' => b'2',
        b'd' | b't' => b'3',
        b'l' => b'4',
        b'm' | b'n' => b'5',
        b'r' => b'6',
        b'h' | b'w' => b'h',
        _ => b'0',
    };
    let mut code = [first.to_ascii_uppercase(), b'0', b'0', b'0'];
    let mut n = 1;
    let mut last = digit(first);
    for &b in &word[1..] {
        if n == 4 || !b.is_ascii_alphabetic() {
            break;
        }
        let d = digit(b);
        match d {
            // h and w do not separate two letters of one code; vowels do.
            b'h' => continue,
            b'0' => last = b'0',
            _ if d == last => {}
            _ => {
                code[n] = d;
                n += 1;
                last = d;
            }
        }
    }
    Some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soundex_codes() {
        for (a, b) in [
            ("blare", "blair"),
            ("pashniyan", "pashinyan"),
            ("mirzoian", "mirzoyan"),
            ("erdogn", "erdogan"),
            ("robert", "rupert"),
        ] {
            assert_eq!(soundex(a.as_bytes()), soundex(b.as_bytes()), "{a} {b}");
        }
        assert_eq!(soundex(b"robert"), Some(*b"R163"));
        assert_eq!(soundex(b"ashcraft"), Some(*b"A261"));
        assert_ne!(soundex(b"blair"), soundex(b"clare"));
        assert_eq!(soundex(b"1st"), None);
    }

    #[test]
    fn typo_distance_to_the_closest_prefix() {
        for (word, query, want) in [
            ("pashinyan", "pashniyan", Some(2)),
            ("mirzoyan", "mirzoian", Some(1)),
            ("erdogan", "erdogn", Some(1)),
            ("blair", "blare", Some(2)),
            ("pashinyan", "pash", Some(0)),
            ("pashinyan", "pashi", Some(0)),
            ("fidan", "pashniyan", None),
            ("", "abc", None),
        ] {
            assert_eq!(
                prefix_distance(word.as_bytes(), query.as_bytes(), 2),
                want,
                "{word} {query}"
            );
        }
        assert_eq!(typo_budget(3), 0);
        assert_eq!(typo_budget(6), 2);
    }

    #[test]
    fn matches_in_order_and_ranks_tighter_matches_higher() {
        let m = Matcher::default();
        assert!(m.score("hakan fidan", "hfd").is_some());
        assert_eq!(m.score("hakan fidan", "zz"), None);
        // A run of matched letters beats the same letters with gaps inside a word.
        assert!(m.score("fidan", "fid") > m.score("fxixd", "fid"));
        assert!(m.score("hakan fidan", "fidan") > m.score("fxixdxaxn", "fidan"));
        assert_eq!(m.indices("nikol pashinyan", "np"), Some(vec![0, 6]));
    }
}
