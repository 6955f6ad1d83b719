//! The fuzzy actor finder: names and aliases of every kind of actor folded once at load, ranked
//! together by match quality and then by mentions, narrowed as the query grows, typos forgiven.

use rayon::prelude::*;

use super::fuzzy::Matcher;
use crate::corpus::Actor;
use crate::ids::{ActorId, IdVec};
use crate::text::fold;

/// How many ranked results the popup keeps; the count of all matches is kept separately.
pub const MAX_RESULTS: usize = 200;

/// Above this many candidates only the most promising are scored by skim, to keep a keystroke
/// under a frame (16 ms) at 100,000 names.
const SCORE_ALL: usize = 2000;

/// One searchable string: an actor's name or one of its aliases, folded into `SearchIndex::text`.
#[derive(Clone, Copy, Debug)]
struct Entry {
    actor: ActorId,
    /// 0 for the name, i for alias i-1.
    field: u16,
    start: u32,
    end: u32,
}

/// What a pass over every entry reads, kept apart from the strings so it stays in cache: the
/// bytes present and the words' initials (bit sets, see `byte_bit`), and the pre-rank.
#[derive(Clone, Copy, Debug)]
struct Summary {
    bytes: u64,
    initials: u64,
    mentions: u32,
}

/// The folded names of every actor, built once per corpus.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    entries: Vec<Entry>,
    /// Every entry's folded string, back to back: a scan reads one block of memory instead of
    /// chasing a pointer per name.
    text: String,
    summaries: Vec<Summary>,
    /// Per actor, its mentions: the order within one match quality.
    rank: IdVec<ActorId, usize>,
    all_sorted: Vec<ActorId>,
}

impl SearchIndex {
    /// The index of `actors`, which are `Corpus::actors` (the `i`th is `ActorId::new(i)`).
    pub fn new(actors: &[Actor]) -> Self {
        let folded: Vec<(ActorId, u16, String)> = actors
            .par_iter()
            .enumerate()
            .flat_map_iter(|(i, a)| {
                std::iter::once(&a.name)
                    .chain(&a.aliases)
                    .enumerate()
                    .map(move |(f, s)| (ActorId::new(i), f as u16, fold(s)))
            })
            .collect();
        let mut text = String::with_capacity(folded.iter().map(|(_, _, s)| s.len()).sum());
        let mut entries = Vec::with_capacity(folded.len());
        for (actor, field, s) in folded {
            // Offsets are u32: past 4 GB of names the rest stay unsearchable rather than wrap.
            let Ok(start) = u32::try_from(text.len()) else {
                break;
            };
            text.push_str(&s);
            let end = u32::try_from(text.len()).unwrap_or(u32::MAX);
            entries.push(Entry {
                actor,
                field,
                start,
                end,
            });
        }
        let rank: IdVec<ActorId, usize> = actors.iter().map(|a| a.mentions.len()).collect();
        let summaries = entries
            .par_iter()
            .map(|e| {
                let folded = &text[e.start as usize..e.end as usize];
                Summary {
                    bytes: folded.bytes().fold(0, |acc, b| acc | byte_bit(b)),
                    initials: initials(folded),
                    mentions: u32::try_from(rank[e.actor]).unwrap_or(u32::MAX),
                }
            })
            .collect();
        let mut all_sorted: Vec<ActorId> = rank.ids().collect();
        all_sorted.sort_by_key(|&i| (std::cmp::Reverse(rank[i]), i));
        SearchIndex {
            entries,
            text,
            summaries,
            rank,
            all_sorted,
        }
    }

    fn folded(&self, e: u32) -> &str {
        let entry = &self.entries[e as usize];
        self.text
            .get(entry.start as usize..entry.end as usize)
            .unwrap_or("")
    }
}

/// One ranked result: which actor, through which name, how well.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub actor: ActorId,
    /// 0 for the name, i for alias i-1.
    pub field: usize,
    /// Match quality, 0 to 4: 4 for the query's letters in a run at the start of a word, 3 for
    /// one typo, and so on. Results rank by quality, then by mentions.
    pub quality: u8,
    pub score: i64,
}

/// The state of one search: the query, the entries still matching it, the ranked hits.
#[derive(Clone, Debug, Default)]
pub struct Search {
    pub query: String,
    folded: String,
    /// Entries matching `folded` in order; `None` means all of them (empty query).
    pool: Option<Vec<u32>>,
    pub hits: Vec<Hit>,
    /// Actors ranked, of which `hits` holds the best `MAX_RESULTS`.
    pub total: usize,
    /// Names and aliases matching the query (a broad query ranks only the likeliest of them).
    pub total_matches: usize,
    pub selected: usize,
}

/// The quality of a skim match: its score against the score of a perfect match of the same
/// query, capped by how scattered it is (a query matched in one run at a word start can reach 4,
/// in two runs 3, in four or more 1), so that `blare` in "Bob Larribeau" ranks below a name that
/// is one typo away.
fn quality(score: i64, perfect: i64, runs: usize) -> u8 {
    let ratio = score.max(0) as f64 / perfect.max(1) as f64;
    let by_score = (ratio.min(1.0) * 4.0).floor() as u8;
    let by_runs = 5u8
        .saturating_sub(u8::try_from(runs).unwrap_or(u8::MAX))
        .max(1);
    by_score.min(by_runs)
}

/// The words of a folded name.
fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split([' ', '-', '.', '\'', ',', '/'])
        .filter(|w| !w.is_empty())
}

/// The typo distance of a folded name to a folded query: each query word against the name word
/// it is closest to (as a prefix), summed; None past any word's budget.
fn typo_match(name: &str, qwords: &[&str]) -> Option<u32> {
    let mut total = 0;
    for q in qwords {
        let budget = super::fuzzy::typo_budget(q.len());
        // A word that sounds the same (Soundex), from four letters on, makes a typo count one
        // less ("blare" is two edits from "blair" but sounds the same); sounding the same alone
        // counts as two typos.
        let sound = (q.len() >= 4)
            .then(|| super::fuzzy::soundex(q.as_bytes()))
            .flatten();
        let best = words(name)
            .filter_map(|w| {
                let d = super::fuzzy::prefix_distance(w.as_bytes(), q.as_bytes(), budget);
                let by_ear = sound.is_some() && super::fuzzy::soundex(w.as_bytes()) == sound;
                match (d, by_ear) {
                    (Some(d), true) => Some(d.saturating_sub(1).max(d.min(1))),
                    (Some(d), false) => Some(d),
                    (None, true) => Some(2),
                    (None, false) => None,
                }
            })
            .min()?;
        total += best;
    }
    Some(total)
}

impl Search {
    pub fn new(index: &SearchIndex) -> Self {
        let mut s = Search::default();
        s.rerank(index, Vec::new());
        s
    }

    pub fn set_query(&mut self, index: &SearchIndex, query: &str) {
        let folded = fold(query.trim());
        let matcher = Matcher::default();
        let narrowing = !self.folded.is_empty() && folded.starts_with(&self.folded);
        self.query = query.to_string();
        self.selected = 0;
        if folded.is_empty() {
            self.folded.clear();
            self.total_matches = index.entries.len();
            self.pool = None;
            self.rerank(index, Vec::new());
            return;
        }
        // A longer query only ever matches a subset of what the shorter one matched in order.
        // One pass filters and pre-ranks (a word starting with the query's first letter, most
        // mentioned) so a broad query only has the most promising entries scored by skim.
        let q = folded.as_bytes();
        let initial = byte_bit(q[0]);
        let need = q.iter().fold(0, |acc, &b| acc | byte_bit(b));
        // One ASCII letter or digit: its bit alone decides, without reading the string.
        let bits_decide = q.len() == 1 && q[0].is_ascii_alphanumeric();
        let found = |e: u32| {
            let sum = &index.summaries[e as usize];
            let hit = sum.bytes & need == need
                && (bits_decide || is_subsequence(q, index.folded(e).as_bytes()));
            hit.then_some((
                e,
                (sum.initials & initial == 0, std::cmp::Reverse(sum.mentions)),
            ))
        };
        let mut candidates: Vec<(u32, PreRank)> = match (&self.pool, narrowing) {
            (Some(pool), true) => pool.par_iter().filter_map(|&e| found(e)).collect(),
            _ => (0..index.entries.len() as u32)
                .into_par_iter()
                .filter_map(found)
                .collect(),
        };
        if candidates.len() > SCORE_ALL {
            candidates.select_nth_unstable_by_key(SCORE_ALL, |&(e, key)| (key, e));
        }
        let perfect = matcher.score(&folded, &folded).unwrap_or(1);
        let mut scored: Vec<(u32, u8, i64)> = candidates[..candidates.len().min(SCORE_ALL)]
            .par_iter()
            .filter_map(|&(e, _)| {
                matcher
                    .score_runs(index.folded(e), &folded)
                    .map(|(s, runs)| (e, quality(s, perfect, runs), s))
            })
            .collect();
        // Typos: every name is checked (skim needs the letters in order, so its narrowing does
        // not hold for them); a bit set of letters rules most names out without reading them.
        let qwords: Vec<&str> = words(&folded).collect();
        let budget: u32 = qwords
            .iter()
            .map(|w| super::fuzzy::typo_budget(w.len()))
            .sum();
        // A name that sounds like the query starts a word with the query word's first letter.
        let sound_initials = qwords
            .iter()
            .filter(|w| w.len() >= 4)
            .fold(0, |acc, w| acc | byte_bit(w.as_bytes()[0]));
        if folded.len() >= 4 && !qwords.is_empty() {
            let typo: Vec<(u32, u8, i64)> = (0..index.entries.len() as u32)
                .into_par_iter()
                .filter_map(|e| {
                    let sum = &index.summaries[e as usize];
                    let missing = (need & !sum.bytes & !(1 << 63)).count_ones();
                    if missing > budget && sum.initials & sound_initials == 0 {
                        return None;
                    }
                    let d = typo_match(index.folded(e), &qwords)?;
                    let tier = 4u8.saturating_sub(u8::try_from(d).unwrap_or(u8::MAX));
                    Some((e, tier, perfect - 10 * i64::from(d)))
                })
                .collect();
            scored.extend(typo);
        }
        self.total_matches = candidates.len();
        self.pool = Some(candidates.into_iter().map(|(e, _)| e).collect());
        self.folded = folded;
        self.rerank(index, scored);
        if self.total_matches > SCORE_ALL {
            self.total = self.total.max(self.total_matches);
        }
    }

    fn rerank(&mut self, index: &SearchIndex, scored: Vec<(u32, u8, i64)>) {
        if self.pool.is_none() {
            self.total = index.all_sorted.len();
            self.hits = index
                .all_sorted
                .iter()
                .take(MAX_RESULTS)
                .map(|&actor| Hit {
                    actor,
                    field: 0,
                    quality: 0,
                    score: 0,
                })
                .collect();
            return;
        }
        // Best field per actor; entries of one actor are adjacent once in entry order.
        let mut scored = scored;
        scored.sort_unstable_by_key(|&(e, q, s)| (e, std::cmp::Reverse((q, s))));
        let mut best: Vec<Hit> = Vec::new();
        for (e, quality, score) in scored {
            let entry = &index.entries[e as usize];
            let hit = Hit {
                actor: entry.actor,
                field: entry.field as usize,
                quality,
                score,
            };
            match best.last_mut() {
                Some(last) if last.actor == hit.actor => {
                    if (hit.quality, hit.score) > (last.quality, last.score) {
                        *last = hit;
                    }
                }
                _ => best.push(hit),
            }
        }
        self.total = best.len();
        let key = |h: &Hit| {
            (
                std::cmp::Reverse(h.quality),
                std::cmp::Reverse(index.rank[h.actor]),
                std::cmp::Reverse(h.score),
                h.actor,
            )
        };
        if best.len() > MAX_RESULTS {
            best.select_nth_unstable_by_key(MAX_RESULTS, key);
            best.truncate(MAX_RESULTS);
        }
        best.sort_unstable_by_key(key);
        self.hits = best;
    }

    pub fn selected_hit(&self) -> Option<Hit> {
        self.hits.get(self.selected).copied()
    }
}

/// Cheap ordering for broad queries: a word starting with the query's first letter, most
/// mentioned.
type PreRank = (bool, std::cmp::Reverse<u32>);

/// One bit per ASCII letter or digit (all other bytes share bit 63).
fn byte_bit(b: u8) -> u64 {
    match b {
        b'a'..=b'z' => 1 << (b - b'a'),
        b'0'..=b'9' => 1 << (26 + b - b'0'),
        _ => 1 << 63,
    }
}

/// The initials of a folded name's words as a bit set.
fn initials(folded: &str) -> u64 {
    let bytes = folded.as_bytes();
    (0..bytes.len())
        .filter(|&i| i == 0 || matches!(bytes[i - 1], b' ' | b'-' | b'.' | b'\''))
        .fold(0, |acc, i| acc | byte_bit(bytes[i]))
}

/// Whether `needle`'s bytes appear in order in `hay`: true for every skim match (a superset for
/// non-ASCII), and much cheaper than scoring.
fn is_subsequence(needle: &[u8], hay: &[u8]) -> bool {
    let mut it = hay.iter();
    needle.iter().all(|b| it.any(|h| h == b))
}

/// Char indices of `text` (as displayed) that the query matched, for highlighting: skim's
/// matched letters, or for a match through typos, the start of each name word a query word
/// matched.
pub fn matched_chars(text: &str, query: &str) -> Vec<usize> {
    let folded_query = fold(query.trim());
    if folded_query.is_empty() {
        return Vec::new();
    }
    // Fold char by char to map each folded char back to the displayed char it came from.
    let mut folded = String::new();
    let mut origin = Vec::new();
    for (i, c) in text.chars().enumerate() {
        let mut buf = [0u8; 4];
        for f in fold(c.encode_utf8(&mut buf)).chars() {
            folded.push(f);
            origin.push(i);
        }
    }
    let matcher = Matcher::default();
    let idx = match matcher.indices(&folded, &folded_query) {
        Some(idx) => idx,
        None => typo_indices(&folded, &folded_query),
    };
    let mut out: Vec<usize> = idx
        .into_iter()
        .filter_map(|i| origin.get(i).copied())
        .collect();
    out.dedup();
    out
}

/// For each query word, the chars of the closest name word's prefix it stands for.
fn typo_indices(folded: &str, query: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = folded.char_indices().collect();
    let char_at = |byte: usize| chars.partition_point(|&(b, _)| b < byte);
    let mut out = Vec::new();
    for q in words(query) {
        let budget = super::fuzzy::typo_budget(q.len());
        let best = words(folded)
            .filter_map(|w| {
                let d = super::fuzzy::prefix_distance(w.as_bytes(), q.as_bytes(), budget)?;
                Some((d, w))
            })
            .min_by_key(|&(d, _)| d);
        if let Some((_, w)) = best {
            let start = w.as_ptr() as usize - folded.as_ptr() as usize;
            let n = w.chars().count().min(q.chars().count());
            let first = char_at(start);
            out.extend(first..first + n);
        }
    }
    out.sort_unstable();
    out
}
