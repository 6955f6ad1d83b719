//! The fuzzy matcher behind people search, kept in this one file so it can be swapped here alone:
//! skim's algorithm from the fuzzy-matcher crate.

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

    /// The char indices of `candidate` that `query` matched, or `None` when it does not match.
    pub fn indices(&self, candidate: &str, query: &str) -> Option<Vec<usize>> {
        self.0.fuzzy_indices(candidate, query).map(|(_, idx)| idx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
