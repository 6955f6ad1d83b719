//! The words and actors of each sentence as weighted terms, for telling whether two sentences or
//! threads report the same thing: content words cut to a common stem, weighted by their rarity
//! over the corpus's sentences (idf), so that "the" and "said" weigh nothing and "ceasefire" a lot.
//! Words of time expressions ("in September", "last week") are left out: dates are compared by
//! the date rules, and two sentences that only share "September" share no happening.

use crate::assets::{Assets, name};
use crate::fasthash::{FastSet, FxHasher};
use crate::text;
use std::hash::Hasher;

/// An actor counts as much as this many content words of the same rarity: who took part and
/// where tells happenings apart better than how a sentence words it.
pub(super) const ACTOR_WEIGHT: f32 = 2.0;

/// A term: a stemmed word or an actor, numbered densely over the corpus.
pub(super) type Term = u32;

/// Not a term: what a function word (`Words::stop`) is interned as.
const STOP: Term = Term::MAX;

/// A sentence as terms are taken from it.
pub(super) struct Sentence<'a> {
    pub text: &'a str,
    /// Where `text` starts in its document.
    pub offset: usize,
    /// Byte ranges of the document whose words are not terms (its time expressions), sorted by
    /// start.
    pub skip: &'a [(usize, usize)],
    pub actors: &'a [u32],
}

/// The terms of every sentence, in one flat list (sentence `i` has `terms[offsets[i]..offsets[i + 1]]`,
/// sorted, without repeats), and the weight of every term.
#[derive(Debug, Default)]
pub(super) struct Terms {
    offsets: Vec<u32>,
    terms: Vec<Term>,
    weight: Vec<f32>,
}

impl Terms {
    /// Terms of `sentences`; the words of `words` are never terms.
    pub(super) fn new<'a>(sentences: impl Iterator<Item = Sentence<'a>>, words: &Words) -> Terms {
        // Every key seen, with its term; the function words are there from the start, as
        // `STOP`, so that one look-up per word tells both.
        let mut ids = Table::new();
        for &k in &words.stop {
            ids.get_or_insert_with(k, || STOP);
        }
        // An ASCII word of at most eight bytes is its first eight bytes as one number (no byte of
        // a word is 0): the term of each such word as written, so that a word seen before is
        // neither stemmed nor keyed again. Only words that are terms or function words are
        // entered, and each through `intern`, so terms are numbered as without it.
        let mut raw = Table::new();
        let mut offsets = vec![0u32];
        let mut terms: Vec<Term> = Vec::new();
        let mut df: Vec<u32> = Vec::new();
        let mut intern = |k: u64, df: &mut Vec<u32>| {
            ids.get_or_insert_with(k, || {
                df.push(0);
                (df.len() - 1) as Term
            })
        };
        for s in sentences {
            let start = terms.len();
            // A word overlaps a skipped range when one that starts before its end reaches past its
            // start. Words come in order and `skip` is sorted by start, so the ranges started so
            // far and the furthest they reach are kept as the words go: one pass over both, where
            // comparing every word with every range was quadratic in a sentence of dates (16 MB
            // of "2025 ": 32 s instead of 6).
            let (mut started, mut reach) = (0, 0);
            words_raw(s.text, |a, b, w| {
                let (a, b) = (s.offset + a, s.offset + b);
                while let Some(&(x, y)) = s.skip.get(started).filter(|&&(x, _)| x < b) {
                    debug_assert!(started == 0 || s.skip[started - 1].0 <= x);
                    reach = reach.max(y);
                    started += 1;
                }
                if reach <= a {
                    let t = match w {
                        Word::Ascii { head, tail, n } if n <= 8 => match raw.get(head) {
                            Some(t) => t,
                            None => {
                                let t = intern(stem_packed(head, tail, n), &mut df);
                                raw.get_or_insert_with(head, || t);
                                t
                            }
                        },
                        w => intern(w.key(), &mut df),
                    };
                    if t != STOP {
                        terms.push(t);
                    }
                }
            });
            terms.extend(
                s.actors
                    .iter()
                    .map(|&a| intern(ACTOR_BIT | u64::from(a), &mut df)),
            );
            let mine = &mut terms[start..];
            mine.sort_unstable();
            let mut kept = 0;
            for k in 0..mine.len() {
                if k == 0 || mine[k] != mine[k - 1] {
                    mine[kept] = mine[k];
                    kept += 1;
                }
            }
            terms.truncate(start + kept);
            for &t in &terms[start..] {
                df[t as usize] += 1;
            }
            offsets.push(u32::try_from(terms.len()).unwrap_or(u32::MAX));
        }
        let n = (offsets.len() - 1) as f32;
        let mut weight: Vec<f32> = df.iter().map(|&d| idf(n, d)).collect();
        for (k, id) in ids.iter() {
            if k & ACTOR_BIT != 0 && k & HASH_BIT == 0 && id != STOP {
                weight[id as usize] *= ACTOR_WEIGHT;
            }
        }
        Terms {
            offsets,
            terms,
            weight,
        }
    }

    /// The terms of sentence `i`.
    pub(super) fn of(&self, i: usize) -> &[Term] {
        let (a, b) = (self.offsets[i] as usize, self.offsets[i + 1] as usize);
        &self.terms[a..b]
    }

    pub(super) fn weight(&self, t: Term) -> f32 {
        self.weight[t as usize]
    }

    /// Terms made up for a test: sentence `i` has the (sorted, distinct) terms `sentences[i]`,
    /// and term `t` weighs `weight[t]`.
    #[cfg(test)]
    pub(super) fn from_parts(sentences: &[Vec<Term>], weight: Vec<f32>) -> Terms {
        let mut offsets = vec![0u32];
        let mut terms = Vec::new();
        for s in sentences {
            terms.extend_from_slice(s);
            offsets.push(terms.len() as u32);
        }
        Terms {
            offsets,
            terms,
            weight,
        }
    }

    /// The number of distinct terms.
    pub(super) fn count(&self) -> usize {
        self.weight.len()
    }
}

/// A map from keys (never `EMPTY`) to terms, open addressing with linear probing over (key,
/// term) pairs side by side, at most half full. It is probed once for every word of the corpus:
/// one multiply and a compare or two, where a `HashMap` hashed and probed a group of slots at a
/// time for the same answer.
struct Table {
    slots: Vec<(u64, Term)>,
    len: usize,
    /// 64 less the number of bits of a slot's index.
    shift: u32,
}

/// No key: a free slot. No key is this: packed stems have a length of at most 7 in their top
/// byte, hashed ones clear `ACTOR_BIT`, actors clear `HASH_BIT`, and the first eight bytes of an
/// ASCII word are ASCII.
const EMPTY: u64 = u64::MAX;

impl Table {
    fn new() -> Table {
        Table::with_bits(10)
    }

    fn with_bits(bits: u32) -> Table {
        Table {
            slots: vec![(EMPTY, 0); 1 << bits],
            len: 0,
            shift: 64 - bits,
        }
    }

    /// Where the probe for `k` starts: the top bits of a multiply by 2^64 / φ, which every bit of
    /// the key moves.
    #[inline(always)]
    fn home(&self, k: u64) -> usize {
        (k.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    /// The slot of `k`, or the free slot where it would go.
    #[inline(always)]
    fn find(&self, k: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = self.home(k);
        loop {
            let x = self.slots[i].0;
            if x == k || x == EMPTY {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    #[inline(always)]
    fn get(&self, k: u64) -> Option<Term> {
        let (x, t) = self.slots[self.find(k)];
        (x == k).then_some(t)
    }

    #[inline(always)]
    fn get_or_insert_with(&mut self, k: u64, f: impl FnOnce() -> Term) -> Term {
        debug_assert_ne!(k, EMPTY);
        let i = self.find(k);
        if self.slots[i].0 == k {
            return self.slots[i].1;
        }
        let t = f();
        self.slots[i] = (k, t);
        self.len += 1;
        if self.len * 2 > self.slots.len() {
            self.grow();
        }
        t
    }

    fn grow(&mut self) {
        let bits = 64 - self.shift + 1;
        let old = std::mem::replace(self, Table::with_bits(bits));
        for (k, t) in old.iter() {
            let i = self.find(k);
            self.slots[i] = (k, t);
        }
        self.len = old.len;
    }

    fn iter(&self) -> impl Iterator<Item = (u64, Term)> + '_ {
        self.slots.iter().copied().filter(|&(k, _)| k != EMPTY)
    }
}

/// The word lists the grouping reads, from the lists in force (`Assets`: the built-in ones
/// merged with the user's folder), so that a word the user stops for key phrases is no evidence
/// of a happening either.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Words {
    /// The keys of function words and other words that say nothing of a happening ("the",
    /// "said", "would"): never terms. Their idf is low but not nil, and two short threads that
    /// share "the", "and" and "has" would otherwise pass `rules::MIN_SHARED_TERMS`. The list is
    /// `topic-stopwords.txt`, stemmed as words are.
    stop: FastSet<u64>,
}

impl Words {
    /// The lists of `assets`.
    pub fn load(assets: &Assets) -> Words {
        let mut stop = FastSet::default();
        for w in assets.lines(name::TOPIC_STOPWORDS_TXT) {
            words(w, |_, _, k| {
                stop.insert(k);
            });
        }
        Words { stop }
    }

    /// Only the lists compiled into the binary.
    pub fn builtin() -> Words {
        Words::load(&Assets::builtin())
    }
}

/// Rarity over `n` sentences of a term in `df` of them: ln((n + 1) / (df + ½)).
fn idf(n: f32, df: u32) -> f32 {
    ((n + 1.0) / (df as f32 + 0.5)).ln().max(0.0)
}

/// Keys of stems that do not fit a packed key (non-ASCII ones) carry this bit; actors carry
/// `ACTOR_BIT` alone, packed stems neither (their top byte is their length, at most 7).
const HASH_BIT: u64 = 1 << 63;
const ACTOR_BIT: u64 = 1 << 62;

/// Calls `f` with the byte range and the key of every content word of `text`: runs of letters
/// and digits (with inner apostrophes, "Côte d'Ivoire"), except words of one or two letters,
/// stemmed by `stem`.
pub(super) fn words(text: &str, mut f: impl FnMut(usize, usize, u64)) {
    words_raw(text, |a, b, w| f(a, b, w.key()));
}

/// A content word as `words_raw` finds it.
#[derive(Clone, Copy, Debug)]
enum Word {
    /// A word of ASCII letters, digits and inner apostrophes of at most `ASCII_WORD_MAX` bytes,
    /// as `stem_packed` takes it: its first eight bytes and its last eight, lower-cased, and its
    /// length.
    Ascii { head: u64, tail: u64, n: usize },
    /// Any other word: its key.
    Key(u64),
}

impl Word {
    /// The key of its stem.
    #[inline(always)]
    fn key(self) -> u64 {
        match self {
            Word::Ascii { head, tail, n } => stem_packed(head, tail, n),
            Word::Key(k) => k,
        }
    }
}

/// `words`, with an ASCII word given before it is stemmed.
#[inline(always)]
fn words_raw(text: &str, mut f: impl FnMut(usize, usize, Word)) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // Skip to the next word; ASCII bytes that are not letters or digits quickly.
        if matches!(WORD_BYTE[b[i] as usize], OTHER | APOSTROPHE) {
            i += 1;
            continue;
        }
        // One call of `f` for both paths, so that it is compiled into the loop.
        let (start, word) = if let Some((end, w)) = ascii_word_raw(b, i) {
            let start = i;
            i = end;
            let Some(w) = w else { continue };
            (start, w)
        } else {
            let Some((start, end)) = next_word(text, i) else {
                break;
            };
            i = end;
            let w = &text[start..end];
            let digits = w.bytes().all(|c| c.is_ascii_digit());
            if w.chars().count() < 3 && !digits {
                continue;
            }
            (start, Word::Key(key(&stem(w))))
        };
        f(start, i, word);
    }
}

/// What a byte is to `ascii_word`: a letter or digit lower-cased, `APOSTROPHE`, `OTHER` (any
/// other ASCII: the end of a word) or `BEYOND` (part of a character beyond ASCII).
const WORD_BYTE: [u8; 256] = {
    let mut t = [BEYOND; 256];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b.is_ascii_alphanumeric() {
            b.to_ascii_lowercase()
        } else if b == b'\'' {
            APOSTROPHE
        } else {
            OTHER
        };
        i += 1;
    }
    t
};
const OTHER: u8 = 0;
const APOSTROPHE: u8 = 1;
const BEYOND: u8 = 2;

/// Words longer than this take the general path (`stem`), as they always have.
const ASCII_WORD_MAX: usize = 32;

/// The word of ASCII letters and digits at `start`: its end and its key (None for a word too
/// short to count); None when the word has other characters, for the general path.
///
/// The word is never copied: its first eight bytes and its last eight are read as two numbers
/// once its end is found, which is all `stem` needs (a stem is at most six bytes from the start,
/// and its endings reach at most seven bytes back from the end).
#[cfg(test)]
fn ascii_word(b: &[u8], start: usize) -> Option<(usize, Option<u64>)> {
    ascii_word_raw(b, start).map(|(end, w)| (end, w.map(Word::key)))
}

/// `ascii_word` before the stem (`Word::Ascii`): the word's first eight bytes and last eight,
/// lower-cased as `stem_packed` takes them, and its length. Bytes outside the word are 0 in both.
#[inline(always)]
fn ascii_word_raw(b: &[u8], start: usize) -> Option<(usize, Option<Word>)> {
    let mut i = start;
    loop {
        i = letters_end(b, i);
        match b.get(i).map(|&c| WORD_BYTE[c as usize]) {
            // An apostrophe inside the word ("o'neill", "it's"); one before anything else ends it.
            Some(APOSTROPHE) if b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric) => i += 1,
            // A letter beyond ASCII inside the word, or a curly apostrophe: the general path.
            Some(BEYOND) => return None,
            _ => break,
        }
    }
    let n = i - start;
    if n > ASCII_WORD_MAX {
        return None;
    }
    // Every byte of the word is a letter, a digit or an apostrophe: setting bit 5 lower-cases
    // the letters and leaves the others as they are.
    let lower = |x: u64, bytes: usize| {
        let mask = if bytes >= 8 {
            u64::MAX
        } else {
            (1u64 << (8 * bytes)) - 1
        };
        (x & mask) | (0x2020_2020_2020_2020 & mask)
    };
    let head = match b.get(start..start + 8) {
        Some(x) => u64::from_le_bytes(x.try_into().unwrap_or_default()),
        None => {
            let mut x = [0u8; 8];
            let rest = &b[start..];
            x[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(x)
        }
    };
    let tail = match i.checked_sub(8) {
        Some(from) => u64::from_be_bytes(b[from..i].try_into().unwrap_or_default()),
        None => {
            let mut x = [0u8; 8];
            x[8 - i..].copy_from_slice(&b[..i]);
            u64::from_be_bytes(x)
        }
    };
    let (head, tail) = (lower(head, n), lower(tail, n));
    if n < 3 && !(0..n).all(|k| ((head >> (8 * k)) as u8).is_ascii_digit()) {
        return Some((i, None));
    }
    Some((i, Some(Word::Ascii { head, tail, n })))
}

/// The end of the run of ASCII letters and digits at `i`: eight bytes at a time while eight
/// are left (`ascii_alnum`), then byte by byte.
#[inline(always)]
fn letters_end(b: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = b.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let other = !ascii_alnum(x) & HIGH_BITS;
        if other != 0 {
            return i + (other.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while b.get(i).is_some_and(|&c| WORD_BYTE[c as usize] > BEYOND) {
        i += 1;
    }
    i
}

const LOW_BITS: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The top bit of each byte of `x` (eight bytes, as loaded) set where the byte is an ASCII
/// letter or digit. Each range test adds to the byte's low seven bits a number that carries into
/// its top bit exactly when the byte is past a bound; no sum carries into the next byte.
#[inline(always)]
fn ascii_alnum(x: u64) -> u64 {
    let low = x & !HIGH_BITS;
    let at_least = |v: u64, lo: u64| v + LOW_BITS * (0x80 - lo);
    let above = |v: u64, hi: u64| v + LOW_BITS * (0x7f - hi);
    let digit = at_least(low, u64::from(b'0')) & !above(low, u64::from(b'9'));
    // Setting bit 5 lower-cases a letter, and makes no other byte a lower-case letter.
    let folded = low | (LOW_BITS * 0x20);
    let letter = at_least(folded, u64::from(b'a')) & !above(folded, u64::from(b'z'));
    (digit | letter) & !x & HIGH_BITS
}

/// The key of `stem` of a lower-case ASCII word of `n` bytes (at most `ASCII_WORD_MAX`) given as
/// its first eight bytes `head` (the first byte lowest) and its last eight `tail` (the last byte
/// lowest), without allocating. Bytes before the start of a short word are 0 in `tail`, which
/// no ending matches.
#[inline(always)]
fn stem_packed(head: u64, tail: u64, n: usize) -> u64 {
    // `end` holds the last bytes of the stem so far, its last byte lowest.
    let (mut end, mut m) = (tail, n);
    let ends = |end: u64, suffix: &[u8]| {
        let mut want = 0u64;
        for &x in suffix {
            want = (want << 8) | u64::from(x);
        }
        end & ((1u64 << (8 * suffix.len())) - 1) == want
    };
    if ends(end, b"'s") {
        end >>= 16;
        m -= 2;
    }
    // Where "-ies" became "-y", the position of the y.
    let mut y = None;
    if m > 4 {
        if ends(end, b"ies") {
            end = ((end >> 24) << 8) | u64::from(b'y');
            m -= 2;
            y = Some(m - 1);
        } else if ends(end, b"es") && !ends(end, b"ses") {
            end >>= 16;
            m -= 2;
        } else if ends(end, b"s") && !ends(end, b"ss") {
            end >>= 8;
            m -= 1;
        }
    }
    if m > 5 {
        if ends(end, b"ing") {
            m -= 3;
        } else if ends(end, b"ed") {
            m -= 2;
        }
    }
    let m = m.min(6);
    let mut key = head & ((1u64 << (8 * m)) - 1);
    if let Some(p) = y.filter(|&p| p < m) {
        key = (key & !(0xff << (8 * p))) | (u64::from(b'y') << (8 * p));
    }
    ((m as u64) << 56) | key
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The next word at or after byte `from`: (start, end).
fn next_word(text: &str, from: usize) -> Option<(usize, usize)> {
    let rest = text.get(from..)?;
    let (off, _) = rest.char_indices().find(|&(_, c)| is_word_char(c))?;
    let start = from + off;
    let mut end = start;
    let mut chars = text[start..].char_indices().peekable();
    while let Some((j, c)) = chars.next() {
        if is_word_char(c) {
            end = start + j + c.len_utf8();
        } else if matches!(c, '\'' | '’') && chars.peek().is_some_and(|&(_, n)| is_word_char(n)) {
            continue;
        } else {
            break;
        }
    }
    Some((start, end))
}

/// A crude English stem, enough to make "meetings", "meeting" and "meet" one term and
/// "released", "releases" and "release" another: case and diacritics folded, a possessive 's
/// dropped, a plural or -ing/-ed ending cut from a long word, and the rest cut to six letters.
pub(super) fn stem(w: &str) -> String {
    let mut s = text::fold(w);
    if s.ends_with("'s") {
        s.truncate(s.len() - 2);
    }
    let n = s.chars().count();
    if n > 4 {
        if s.ends_with("ies") {
            s.truncate(s.len() - 3);
            s.push('y');
        } else if s.ends_with("es") && !s.ends_with("ses") {
            s.truncate(s.len() - 2);
        } else if s.ends_with('s') && !s.ends_with("ss") {
            s.truncate(s.len() - 1);
        }
    }
    let n = s.chars().count();
    if n > 5 {
        if s.ends_with("ing") {
            s.truncate(s.len() - 3);
        } else if s.ends_with("ed") {
            s.truncate(s.len() - 2);
        }
    }
    if let Some((cut, _)) = s.char_indices().nth(6) {
        s.truncate(cut);
    }
    s
}

/// A stem's key: its bytes packed into a number when it fits, else a hash of them.
fn key(stem: &str) -> u64 {
    match crate::fasthash::short_key(stem) {
        Some(k) => k,
        None => {
            let mut h = FxHasher::default();
            h.write(stem.as_bytes());
            (h.finish() & !(HASH_BIT | ACTOR_BIT)) | HASH_BIT
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_join_the_forms_of_a_word() {
        let cases = [
            ("meetings", "meet"),
            ("meeting", "meet"),
            ("Meet", "meet"),
            ("released", "releas"),
            ("releases", "releas"),
            ("release", "releas"),
            ("delegations", "delega"),
            ("talks", "talk"),
            ("Baku's", "baku"),
            ("Baku’s", "baku"),
            ("countries", "countr"),
            ("Qasımov", "qasimo"),
            ("Erdoğan", "erdoga"),
            ("glass", "glass"),
            ("process", "proces"),
            ("2019", "2019"),
        ];
        for (w, want) in cases {
            assert_eq!(stem(w), want, "{w}");
        }
    }

    #[test]
    fn the_ascii_path_stems_as_the_general_one() {
        let text = "Meetings meeting released RELEASES countries allies glass process Baku's \
                    2019 it's talks delegations o'neill ceasefires studies ties";
        let mut fast = Vec::new();
        words(text, |_, _, k| fast.push(k));
        let slow: Vec<u64> = text
            .split_whitespace()
            .filter(|w| w.len() >= 3 || w.bytes().all(|b| b.is_ascii_digit()))
            .map(|w| key(&stem(w)))
            .collect();
        assert_eq!(fast, slow);
    }

    #[test]
    fn the_packed_stem_is_the_stem_of_every_ending_and_length() {
        let endings = [
            "", "s", "ss", "es", "ses", "sses", "ies", "'s", "ies's", "es's", "ing", "ings",
            "ing's", "inges", "ed", "eds", "ed's", "y", "ys", "1", "'t", "ie", "is",
        ];
        let letters = "meetingdelegationsabcdefghijklmnopqrstuvwxyz";
        for len in 0..=34 {
            for start in ["", "O'", "2019", "ZZ"] {
                for end in endings {
                    let w = format!("{start}{}{end}", &letters[..len]);
                    if w.is_empty() || w.starts_with('\'') || w.ends_with('\'') || w.contains("''")
                    {
                        continue;
                    }
                    let want = if w.len() > ASCII_WORD_MAX {
                        None
                    } else if w.len() < 3 && !w.bytes().all(|b| b.is_ascii_digit()) {
                        Some((w.len(), None))
                    } else {
                        Some((w.len(), Some(key(&stem(&w)))))
                    };
                    assert_eq!(ascii_word(w.as_bytes(), 0), want, "{w}");
                    // Within a text, with bytes on both sides of it.
                    let text = format!("Ab {w}, cd");
                    let shifted = want.map(|(end, k)| (end + 3, k));
                    assert_eq!(ascii_word(text.as_bytes(), 3), shifted, "{text}");
                }
            }
        }
    }

    #[test]
    fn eight_bytes_at_a_time_find_the_end_of_a_word_as_one_at_a_time() {
        // Every byte value at every place of a run of letters and digits longer than 16 bytes,
        // read from every start.
        let run = b"aZ09mQx7bY3kLp0Tz8Wq";
        for c in 0..=255u8 {
            for at in 0..run.len() {
                let mut text = run.to_vec();
                text[at] = c;
                for start in 0..text.len() {
                    let mut want = start;
                    while text
                        .get(want)
                        .is_some_and(|&c| WORD_BYTE[c as usize] > BEYOND)
                    {
                        want += 1;
                    }
                    assert_eq!(letters_end(&text, start), want, "{c} at {at} from {start}");
                }
            }
        }
    }

    #[test]
    fn content_words_are_three_letters_or_a_number() {
        let mut got = Vec::new();
        words(
            "On 20–21 Nov. a U.N. team met in Côte d'Ivoire's capital.",
            |_, _, k| got.push(k),
        );
        let want: Vec<u64> = ["20", "21", "nov", "team", "met", "cote", "d'ivoi", "capita"]
            .iter()
            .map(|w| key(w))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn function_words_are_never_terms() {
        // (sentence, its terms): "the", "has", "and", "would", "said" say nothing of a happening.
        let cases = [
            (
                "The minister has said that talks would resume",
                &["minist", "talk", "resume"][..],
            ),
            ("And the others were there too", &[][..]),
            ("Ceasefire agreed in Baku", &["ceasef", "agree", "baku"][..]),
        ];
        for (text, want) in cases {
            let t = Terms::new(
                std::iter::once(Sentence {
                    text,
                    offset: 0,
                    skip: &[],
                    actors: &[],
                }),
                &Words::builtin(),
            );
            assert_eq!(t.of(0).len(), want.len(), "{text}");
        }
    }

    #[test]
    fn terms_are_numbered_as_a_plain_map_numbers_them() {
        // (sentence, actors, time expressions): words first seen inside a time expression and
        // then outside, in other forms, of up to eight bytes and longer, beyond ASCII, function
        // words, actors.
        type Case<'a> = (&'a str, &'a [u32], &'a [(usize, usize)]);
        let cases: [Case; 4] = [
            ("Talks on Monday in Baku; talks resumed.", &[3], &[(9, 15)]),
            (
                "Monday's ceasefire: Erdoğan and Qasımov met internationally, TALKS.",
                &[3, 9],
                &[],
            ),
            ("The delegations met on Monday in Baku's", &[], &[(20, 29)]),
            ("internationally delegation ceasefires 2019 it's", &[9], &[]),
        ];
        let t = Terms::new(
            cases.iter().map(|&(text, actors, skip)| Sentence {
                text,
                offset: 0,
                skip,
                actors,
            }),
            &Words::builtin(),
        );
        let stop = Words::builtin().stop;
        let mut ids: std::collections::HashMap<u64, Term> = Default::default();
        for (i, &(text, actors, skip)) in cases.iter().enumerate() {
            let mut want = Vec::new();
            let mut intern = |k: u64, want: &mut Vec<Term>| {
                let n = ids.len() as Term;
                want.push(*ids.entry(k).or_insert(n));
            };
            words(text, |a, b, k| {
                if !stop.contains(&k) && !skip.iter().any(|&(x, y)| x < b && a < y) {
                    intern(k, &mut want);
                }
            });
            for &a in actors {
                intern(ACTOR_BIT | u64::from(a), &mut want);
            }
            want.sort_unstable();
            want.dedup();
            assert_eq!(t.of(i), &want[..], "{text}");
        }
        assert_eq!(t.count(), ids.len());
    }

    #[test]
    fn the_table_finds_what_a_map_finds() {
        // Packed words, hashed ones and actors, enough to grow the table many times.
        let mut table = Table::new();
        let mut map: std::collections::HashMap<u64, Term> = Default::default();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for i in 0..50_000u64 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let k = match i % 3 {
                0 => (3 << 56) | (seed % 5_000),
                1 => HASH_BIT | (seed & !(HASH_BIT | ACTOR_BIT)),
                _ => ACTOR_BIT | (seed % 20_000),
            };
            let n = map.len() as Term;
            let want = *map.entry(k).or_insert(n);
            assert_eq!(table.get_or_insert_with(k, || n), want, "{k:x}");
            assert_eq!(table.get(k), Some(want));
        }
        assert_eq!(table.get(12345), None);
        let mut all: Vec<(u64, Term)> = table.iter().collect();
        all.sort_unstable();
        let mut want: Vec<(u64, Term)> = map.into_iter().collect();
        want.sort_unstable();
        assert_eq!(all, want);
    }

    #[test]
    fn rare_terms_weigh_more_and_actors_double() {
        let s = [
            ("The talks began in Baku.", &[7u32][..], &[][..]),
            ("The ceasefire held.", &[][..], &[][..]),
            // "on Monday" is a time expression: not a term.
            ("The talks ended on Monday.", &[][..], &[(16, 25)][..]),
        ];
        let t = Terms::new(
            s.iter().map(|&(text, actors, skip)| Sentence {
                text,
                offset: 0,
                skip,
                actors,
            }),
            &Words::builtin(),
        );
        // talk, began, baku, the actor; ceasef, held; ended ("the" is a stopword).
        assert_eq!(t.count(), 7);
        let idf = |df: f32| (4.0f32 / (df + 0.5)).ln();
        let weights = |i: usize| {
            let mut w: Vec<f32> = t.of(i).iter().map(|&x| t.weight(x)).collect();
            w.sort_by(f32::total_cmp);
            w
        };
        let want = [
            vec![idf(2.0), idf(1.0), idf(1.0), 2.0 * idf(1.0)],
            vec![idf(1.0), idf(1.0)],
            vec![idf(2.0), idf(1.0)],
        ];
        for (i, want) in want.iter().enumerate() {
            let got = weights(i);
            assert_eq!(got.len(), want.len(), "{i}");
            for (g, w) in got.iter().zip(want) {
                assert!((g - w).abs() < 1e-6, "{i}: {got:?} {want:?}");
            }
        }
    }
}
