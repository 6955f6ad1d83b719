//! Corpus key phrases: recurring multi-word noun phrases ("border delimitation", "peace treaty").
//!
//! Candidates are runs of two or three lower-case content words inside a clause. Documents are
//! scanned in parallel chunks and their phrase sets merged into one bounded table (lossy counting:
//! when it grows past a cap, the rarest entries are dropped), so memory stays flat on 100 MB
//! corpora. Phrases in at least two documents (or twice in a one-document corpus) are kept, the
//! most widespread first, and a second pass finds every mention with one automaton.

use crate::text::ascii;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use rayon::prelude::*;

use super::Lexicon;
use crate::model::Span;
use crate::text::{char_at, slug};

/// A key phrase of the corpus with its mentions as (document index, span).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyPhrase {
    /// "phrase:border-delimitation"
    pub id: String,
    pub label: String,
    pub mentions: Vec<(usize, Span)>,
}

const TABLE_CAP: usize = 400_000;
const CHUNK: usize = 256;

/// The key phrases of a corpus, most widespread first.
pub fn key_phrases(texts: &[&str], lex: &Lexicon) -> Vec<KeyPhrase> {
    if texts.is_empty() {
        return Vec::new();
    }
    // phrase hash → (documents, occurrences, where it was first seen); no strings while counting
    let mut table: Map<Seen> = Map::default();
    let mut floor = 0;
    for (c, chunk) in texts.chunks(CHUNK).enumerate() {
        let sets: Vec<Map<Cand>> = chunk.par_iter().map(|t| candidates(t, lex)).collect();
        for (i, set) in sets.into_iter().enumerate() {
            let doc = c * CHUNK + i;
            for (h, cand) in set {
                let e = table.entry(h).or_insert(Seen {
                    docs: 0,
                    count: 0,
                    doc,
                    span: cand.span,
                });
                e.docs += 1;
                e.count += cand.count;
            }
        }
        while table.len() > TABLE_CAP {
            floor += 1;
            table.retain(|_, v| v.docs > floor);
        }
    }
    let min_docs = if texts.len() == 1 { 1 } else { 2 };
    let mut kept: Vec<(String, u32, u32)> = table
        .into_values()
        .filter(|v| v.docs >= min_docs && v.count >= 2)
        .map(|v| (label(v.span.slice(texts[v.doc])), v.docs, v.count))
        .collect();
    kept.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
    // A two-word phrase that only ever occurs inside a kept three-word one adds nothing.
    let limit = (30 + texts.len() / 50).min(200);
    let mut chosen: Vec<(String, u32, u32)> = Vec::new();
    for k in kept {
        if chosen.len() >= limit {
            break;
        }
        let covered = chosen
            .iter()
            .any(|c| c.0.contains(&k.0) && c.2 >= k.2 || k.0.contains(&c.0) && k.2 >= c.2);
        if !covered {
            chosen.push(k);
        }
    }
    if chosen.is_empty() {
        return Vec::new();
    }
    let patterns: Vec<&str> = chosen.iter().map(|c| c.0.as_str()).collect();
    let Some(dfa) = super::scan::build(&patterns) else {
        return Vec::new();
    };
    let found: Vec<Vec<(usize, usize, Span)>> = texts
        .par_iter()
        .enumerate()
        .map(|(doc, text)| {
            super::scan::find_iter(&dfa, text.as_bytes())
                .filter(|&(_, start, end)| {
                    !text
                        .get(..start)
                        .and_then(|t| t.chars().next_back())
                        .is_some_and(char::is_alphanumeric)
                        && !text
                            .get(end..)
                            .and_then(|t| t.chars().next())
                            .is_some_and(char::is_alphanumeric)
                })
                .map(|(p, start, end)| (p, doc, Span::new(start, end)))
                .collect()
        })
        .collect();
    let mut out: Vec<KeyPhrase> = chosen
        .iter()
        .map(|c| KeyPhrase {
            id: format!("phrase:{}", slug(&c.0)),
            label: c.0.clone(),
            mentions: Vec::new(),
        })
        .collect();
    for (p, doc, span) in found.into_iter().flatten() {
        out[p].mentions.push((doc, span));
    }
    out.retain(|k| !k.mentions.is_empty());
    out
}

/// A phrase in one document: how often, and its first occurrence.
#[derive(Clone, Copy, Debug)]
struct Cand {
    count: u32,
    span: Span,
}

/// A phrase in the corpus table.
#[derive(Clone, Copy, Debug)]
struct Seen {
    docs: u32,
    count: u32,
    doc: usize,
    span: Span,
}

/// Keys are already hashes: hashing them again would only cost time.
#[derive(Clone, Copy, Debug, Default)]
struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type Map<V> = HashMap<u64, V, BuildHasherDefault<Identity>>;

/// FNV-1a of a word, lower-cased on the fly.
pub(super) fn word_hash(w: &str) -> u64 {
    let mut h: u64 = FNV_SEED;
    if w.is_ascii() {
        for b in w.bytes() {
            h ^= u64::from(b.to_ascii_lowercase());
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        return h;
    }
    for c in w.chars().flat_map(char::to_lowercase) {
        let mut buf = [0; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The phrase as a label: lower case, single spaces.
fn label(s: &str) -> String {
    if s.is_ascii() {
        // No allocation per word in the common case: ASCII letters lower-case one by one.
        let mut out = String::with_capacity(s.len());
        for w in s.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        }
        return out;
    }
    s.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The candidate phrases of one text, by hash, with their counts and first spans.
#[inline(never)]
fn candidates(text: &str, lex: &Lexicon) -> Map<Cand> {
    let mut out: Map<Cand> = Map::with_capacity_and_hasher(text.len() / 64, Default::default());
    let mut window = Window::default();
    let mut sentence_start = true;
    let mut lowered = String::new();
    let bytes = text.as_bytes();
    let mut pos = 0;
    // A clause break (punctuation other than a sentence end) since the last word.
    let mut brk = false;
    while let Some(&b) = bytes.get(pos) {
        // Between words: ASCII bytes are classed by one table look-up.
        let c = if b < 0x80 {
            let class = ascii::class(b);
            if class & (ascii::LETTER | ascii::DIGIT) == 0 {
                pos += 1;
                if class & (ascii::SENTENCE_END | ascii::NEWLINE) != 0 {
                    brk = false;
                    sentence_start = true;
                    window.clear();
                } else if class & ascii::SPACE == 0 {
                    brk = true;
                }
                continue;
            }
            char::from(b)
        } else {
            let Some((c, n)) = char_at(text, pos) else {
                break;
            };
            if !c.is_alphanumeric() {
                pos += n;
                if !c.is_whitespace() {
                    brk = true;
                }
                continue;
            }
            c
        };
        let (word, facts) = scan_word(text, pos, c);
        pos = word.end;
        if brk {
            window.clear();
        }
        brk = false;
        let w = word.slice(text);
        // Contractions and possessives ("don't", "world's") make no phrase.
        let (lower_ok, cap_ok) = match facts {
            Some(f) => (
                f.lower && f.rest_lower,
                sentence_start && f.upper && f.rest_lower,
            ),
            None => (
                w.chars().all(|c| c.is_lowercase() || c == '-'),
                sentence_start
                    && w.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
                    && w.chars().next().is_some_and(char::is_uppercase),
            ),
        };
        sentence_start = false;
        let lw: &str = if lower_ok {
            w
        } else if cap_ok {
            lowered.clear();
            if facts.is_some() {
                lowered.push_str(w);
                lowered.make_ascii_lowercase();
            } else {
                lowered.extend(w.chars().flat_map(char::to_lowercase));
            }
            &lowered
        } else {
            window.clear();
            continue;
        };
        let letters = match facts {
            // Lower-casing keeps ASCII letters letters.
            Some(f) => f.letters,
            None => lw.chars().filter(|c| c.is_alphabetic()).count(),
        };
        if letters < 3 {
            window.clear();
            continue;
        }
        let hash = match facts {
            Some(f) => f.hash,
            None => word_hash(lw),
        };
        if lex.is_stopword(hash, lw) {
            window.clear();
            continue;
        }
        let adv = adverb(lw);
        let last_ok = !(adv || lw.ends_with("ed") || lw.ends_with("ing"));
        window.push((hash, word, last_ok, !adv));
        if !last_ok {
            continue;
        }
        let ws = window.as_slice();
        let last = ws[ws.len() - 1];
        let mut h = last.0;
        for first in ws[..ws.len() - 1].iter().rev() {
            h = (h.rotate_left(17) ^ first.0).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            if !first.3 {
                continue;
            }
            let e = out.entry(h).or_insert(Cand {
                count: 0,
                span: Span::new(first.1.start, last.1.end),
            });
            e.count += 1;
        }
    }
    out
}

/// The last three usable words: (word hash, span, usable at the end of a phrase, usable at its
/// start).
#[derive(Default)]
struct Window {
    items: [(u64, Span, bool, bool); 3],
    len: usize,
}

impl Window {
    fn clear(&mut self) {
        self.len = 0;
    }

    fn push(&mut self, item: (u64, Span, bool, bool)) {
        if self.len == 3 {
            self.items.rotate_left(1);
            self.items[2] = item;
        } else {
            self.items[self.len] = item;
            self.len += 1;
        }
    }

    fn as_slice(&self) -> &[(u64, Span, bool, bool)] {
        &self.items[..self.len]
    }
}

/// "-ly" adverbs, not "supply", "family" or "rally".
fn adverb(w: &str) -> bool {
    w.len() > 5 && w.ends_with("ly") && !w.ends_with("ply") && !w.ends_with("mily")
}

#[derive(Clone, Copy)]
struct AsciiFacts {
    /// The first byte is a lower-case letter.
    lower: bool,
    /// The first byte is an upper-case letter.
    upper: bool,
    /// Every byte after the first is a lower-case letter or a hyphen.
    rest_lower: bool,
    /// Letters, counted as bytes other than hyphens: right whenever the word is usable (a letter
    /// then lower-case letters and hyphens), which is the only time it is read.
    letters: usize,
    /// `word_hash` of the word.
    hash: u64,
}

/// Per byte of a word: its ASCII lower case in the low byte, and flags above.
const W_ALNUM: u16 = 0x100;
/// An ASCII letter or digit that is not a lower-case letter.
const W_NOT_LOWER: u16 = 0x200;

/// What the inner word loop asks of each byte, read from one table (non-ASCII bytes: no flags).
static WORD_BYTE: [u16; 256] = {
    let mut t = [0; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.to_ascii_lowercase() as u16;
        if c.is_ascii_alphanumeric() {
            t[b] |= W_ALNUM;
            if !c.is_ascii_lowercase() {
                t[b] |= W_NOT_LOWER;
            }
        }
        b += 1;
    }
    t
};

const FNV_SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// One FNV-1a step over an ASCII byte, lower-cased as `word_hash` does.
#[inline]
fn fnv(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3)
}

/// The word starting at `at` with alphanumeric char `c`; `facts` are read while scanning an ASCII
/// word (None for other words). A hyphen or apostrophe stays inside only before an alphanumeric.
#[inline]
fn scan_word(text: &str, at: usize, c: char) -> (Span, Option<AsciiFacts>) {
    let bytes = text.as_bytes();
    let mut end = at + c.len_utf8();
    let mut ascii = c.is_ascii();
    let mut rest_lower = true;
    let mut hyphens = 0;
    // `word_hash` of an ASCII word, folded in while scanning it.
    let mut hash = fnv(FNV_SEED, bytes[at]);
    loop {
        // Runs of ASCII letters and digits need none of the checks below, and each byte only one
        // table look-up.
        let mut seen = 0;
        while let Some(&b) = bytes.get(end) {
            let info = WORD_BYTE[usize::from(b)];
            if info & W_ALNUM == 0 {
                break;
            }
            seen |= info;
            hash = (hash ^ u64::from(info & 0xff)).wrapping_mul(0x0100_0000_01b3);
            end += 1;
        }
        rest_lower &= seen & W_NOT_LOWER == 0;
        // After the run only a hyphen, an apostrophe or a non-ASCII char can continue the word.
        match bytes.get(end) {
            None => break,
            Some(&b) if b < 0x80 && b != b'-' && b != b'\'' => break,
            _ => {}
        }
        let Some((ch, m)) = char_at(text, end) else {
            break;
        };
        let inner = ch.is_alphanumeric()
            || (matches!(ch, '-' | '\'' | '’')
                && char_at(text, end + m).is_some_and(|(d, _)| d.is_alphanumeric()));
        if !inner {
            break;
        }
        ascii &= ch.is_ascii();
        rest_lower &= ch.is_ascii_lowercase() || ch == '-';
        hyphens += usize::from(ch == '-');
        if let Ok(b) = u8::try_from(ch) {
            hash = fnv(hash, b);
        }
        end += m;
    }
    let facts = ascii.then_some(AsciiFacts {
        lower: c.is_ascii_lowercase(),
        upper: c.is_ascii_uppercase(),
        rest_lower,
        letters: end - at - hyphens,
        hash,
    });
    (Span::new(at, end), facts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets::Assets;

    #[test]
    fn labels_are_lower_case_with_single_spaces() {
        let cases = [
            ("Border delimitation", "border delimitation"),
            ("peace \n\t treaty", "peace treaty"),
            ("Café  Owners", "café owners"),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(label(input), want, "{input:?}");
        }
    }

    #[test]
    fn recurring_phrases_across_documents() {
        let lex = Lexicon::load(&Assets::builtin());
        let texts = [
            "Talks on border delimitation resumed. The peace treaty is close.",
            "Border delimitation was discussed, and the peace treaty too.",
            "Nothing here about that, said the minister.",
        ];
        let got: Vec<(String, usize)> = key_phrases(&texts, &lex)
            .into_iter()
            .map(|k| (k.id, k.mentions.len()))
            .collect();
        assert_eq!(
            got,
            [
                ("phrase:border-delimitation".to_string(), 2),
                ("phrase:peace-treaty".to_string(), 2)
            ]
        );
    }
}
