//! Corpus key phrases: recurring multi-word noun phrases ("border delimitation", "peace treaty").
//!
//! Candidates are runs of two or three lower-case content words inside a clause. Documents are
//! scanned in parallel chunks and their phrase sets merged into one bounded table (lossy counting:
//! when it grows past a cap, the rarest entries are dropped), so memory stays flat on 100 MB
//! corpora. Phrases in at least two documents (or twice in a one-document corpus) are kept, the
//! most widespread first, and a second pass finds every mention with one automaton.

use std::collections::HashMap;

use aho_corasick::{AhoCorasickBuilder, MatchKind};
use rayon::prelude::*;

use super::Lexicon;
use crate::model::Span;
use crate::text::slug;

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
    // phrase → (documents, occurrences)
    let mut table: HashMap<String, (u32, u32)> = HashMap::new();
    let mut floor = 0;
    for chunk in texts.chunks(CHUNK) {
        let sets: Vec<HashMap<String, u32>> =
            chunk.par_iter().map(|t| candidates(t, lex)).collect();
        for set in sets {
            for (p, n) in set {
                let e = table.entry(p).or_insert((0, 0));
                e.0 += 1;
                e.1 += n;
            }
        }
        while table.len() > TABLE_CAP {
            floor += 1;
            table.retain(|_, v| v.0 > floor);
        }
    }
    let min_docs = if texts.len() == 1 { 1 } else { 2 };
    let mut kept: Vec<(String, u32, u32)> = table
        .into_iter()
        .filter(|(_, (d, n))| *d >= min_docs && *n >= 2)
        .map(|(p, (d, n))| (p, d, n))
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
    let Ok(ac) = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
    else {
        return Vec::new();
    };
    let found: Vec<Vec<(usize, usize, Span)>> = texts
        .par_iter()
        .enumerate()
        .map(|(doc, text)| {
            ac.find_iter(*text)
                .filter(|m| {
                    !text[..m.start()]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric)
                        && !text[m.end()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric)
                })
                .map(|m| (m.pattern().as_usize(), doc, Span::new(m.start(), m.end())))
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

/// The candidate phrases of one text with their counts.
fn candidates(text: &str, lex: &Lexicon) -> HashMap<String, u32> {
    let mut out: HashMap<String, u32> = HashMap::new();
    let mut window: Vec<String> = Vec::with_capacity(3);
    let mut sentence_start = true;
    for (word, brk) in words(text) {
        if brk {
            window.clear();
        }
        let Some(w) = word else {
            sentence_start = true;
            window.clear();
            continue;
        };
        // Contractions and possessives ("don't", "world's") make no phrase.
        let lower_ok = w.chars().all(|c| c.is_lowercase() || c == '-');
        let cap_ok = sentence_start
            && w.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
            && w.chars().next().is_some_and(char::is_uppercase);
        sentence_start = false;
        let lw = w.to_lowercase();
        let content = (lower_ok || cap_ok)
            && lw.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && !lex.is_stopword(&lw);
        if !content {
            window.clear();
            continue;
        }
        window.push(lw);
        if window.len() > 3 {
            window.remove(0);
        }
        for n in 2..=window.len() {
            let gram = &window[window.len() - n..];
            let first = &gram[0];
            let last = &gram[n - 1];
            if adverb(first) || adverb(last) || last.ends_with("ed") || last.ends_with("ing") {
                continue;
            }
            *out.entry(gram.join(" ")).or_default() += 1;
        }
    }
    out
}

/// "-ly" adverbs, not "supply", "family" or "rally".
fn adverb(w: &str) -> bool {
    w.len() > 5 && w.ends_with("ly") && !w.ends_with("ply") && !w.ends_with("mily")
}

/// Words of a text; `None` marks a sentence end, and the flag a clause break before the word.
fn words(text: &str) -> impl Iterator<Item = (Option<&str>, bool)> {
    let mut rest = text;
    let mut brk = false;
    std::iter::from_fn(move || {
        loop {
            let c = rest.chars().next()?;
            if c.is_alphanumeric() {
                let end = rest
                    .char_indices()
                    .find(|&(i, ch)| {
                        !(ch.is_alphanumeric()
                            || ((ch == '-' || ch == '\'' || ch == '’')
                                && rest[i + ch.len_utf8()..]
                                    .chars()
                                    .next()
                                    .is_some_and(char::is_alphanumeric)))
                    })
                    .map_or(rest.len(), |(i, _)| i);
                let w = &rest[..end];
                rest = &rest[end..];
                let b = brk;
                brk = false;
                return Some((Some(w), b));
            }
            rest = &rest[c.len_utf8()..];
            if matches!(c, '.' | '!' | '?' | '\n') {
                brk = false;
                return Some((None, true));
            }
            if !c.is_whitespace() {
                brk = true;
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets::Assets;

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
