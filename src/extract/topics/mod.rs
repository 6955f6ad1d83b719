//! Topics: a curated taxonomy matched by keywords and phrases, plus key phrases found in the corpus.
//!
//! The taxonomy is `assets/topics.tsv` (format documented at its top; users extend it). Keywords
//! are matched as whole words, ignoring ASCII case, by one Aho-Corasick automaton built once.
//! `phrases` finds recurring multi-word noun phrases across a whole corpus.

mod phrases;
mod scan;

use crate::keytable::KeyTable;
use std::collections::HashMap;

use aho_corasick::dfa::DFA;

use super::DocInput;
use crate::assets::{Assets, name};
use crate::model::Span;

pub use phrases::{KeyPhrase, key_phrases};

/// A topic as found in one document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocTopic {
    /// Stable id, e.g. "prisoners" or "phrase:border-delimitation".
    pub id: String,
    pub label: String,
    pub mentions: Vec<Span>,
}

#[derive(Clone, Debug)]
struct Keyword {
    topic: usize,
    /// Matches any ending ("detain*").
    prefix: bool,
}

/// The taxonomy the topic stage matches, and the stop words of key-phrase discovery.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    topics: Vec<(String, String)>,
    keywords: Vec<Keyword>,
    matcher: Option<DFA>,
    stopwords: StopWords,
}

/// Stop words by their `phrases::word_hash` in the packed-key table: key-phrase discovery asks
/// for every word of the corpus, and most questions end at the table's bit filter.
#[derive(Clone, Debug, Default)]
struct StopWords {
    /// Hash → index into `words`, whose text tells a stop word from another of the same hash.
    table: KeyTable<u32>,
    words: Vec<String>,
}

impl StopWords {
    fn new(mut words: Vec<String>) -> Self {
        words.sort_unstable();
        words.dedup();
        let items: Vec<(u64, u32)> = words
            .iter()
            .enumerate()
            .map(|(i, w)| (phrases::word_hash(w), i as u32))
            .collect();
        StopWords {
            table: KeyTable::new(&items),
            words,
        }
    }

    fn contains(&self, hash: u64, w: &str) -> bool {
        self.table
            .get(hash)
            .and_then(|i| self.words.get(i as usize))
            .is_some_and(|s| s == w)
    }
}

impl Lexicon {
    pub fn load(assets: &Assets) -> Self {
        let mut topics: Vec<(String, String)> = Vec::new();
        let mut by_id: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut keywords = Vec::new();
        for line in assets.lines(name::TOPICS_TSV) {
            let mut cols = line.split('\t').map(str::trim);
            let (Some(id), Some(label), Some(words)) = (cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            if id.is_empty() {
                continue;
            }
            let topic = *by_id.entry(id.to_string()).or_insert_with(|| {
                topics.push((id.to_string(), label.to_string()));
                topics.len() - 1
            });
            for w in words.split(';').map(str::trim).filter(|w| !w.is_empty()) {
                let prefix = w.ends_with('*');
                let w = w.trim_end_matches('*').trim().to_lowercase();
                if w.is_empty() {
                    continue;
                }
                patterns.push(w);
                keywords.push(Keyword { topic, prefix });
            }
        }
        let matcher = scan::build(&patterns);
        let stopwords = StopWords::new(
            assets
                .lines(name::TOPIC_STOPWORDS_TXT)
                .map(str::to_lowercase)
                .collect(),
        );
        Lexicon {
            topics,
            keywords,
            matcher,
            stopwords,
        }
    }

    /// Whether `w` (lower case, with `phrases::word_hash` `hash`) is a stop word.
    pub(crate) fn is_stopword(&self, hash: u64, w: &str) -> bool {
        self.stopwords.contains(hash, w)
    }
}

fn word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Finds taxonomy topics in one document, ordered by their first mention.
pub fn extract(input: &DocInput<'_>, lex: &Lexicon) -> Vec<DocTopic> {
    let Some(ac) = &lex.matcher else {
        return Vec::new();
    };
    let text = input.text;
    let mut found: Vec<Vec<Span>> = vec![Vec::new(); lex.topics.len()];
    for (pattern, start, end) in scan::find_iter(ac, text.as_bytes()) {
        let kw = &lex.keywords[pattern];
        let mut end = end;
        if text[..start].chars().next_back().is_some_and(word_char) {
            continue;
        }
        let rest = &text[end..];
        if kw.prefix {
            end += rest
                .char_indices()
                .find(|&(_, c)| !(word_char(c) || c == '-'))
                .map_or(rest.len(), |(i, _)| i);
        } else if rest.chars().next().is_some_and(word_char) {
            continue;
        }
        found[kw.topic].push(Span::new(start, end));
    }
    let mut items: Vec<DocTopic> = found
        .into_iter()
        .enumerate()
        .filter(|(_, m)| !m.is_empty())
        .map(|(i, mentions)| DocTopic {
            id: lex.topics[i].0.clone(),
            label: lex.topics[i].1.clone(),
            mentions,
        })
        .collect();
    items.sort_by_key(|t| t.mentions[0].start);
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::segment::Segments;

    #[test]
    fn keywords_match_whole_words_and_prefixes() {
        let mut assets = Assets::default();
        assets.merge_text(
            "topics.tsv",
            "prisoners\tPrisoners\tprisoner*; detained\nborders\tBorders\tborder delimitation; border*\n",
        );
        let lex = Lexicon::load(&assets);
        let text =
            "Border delimitation talks; Prisoners were detained. Borderline cases, undetained.";
        let got: Vec<(String, Vec<&str>)> =
            extract(&DocInput::new(text, Segments::default(), None), &lex)
                .into_iter()
                .map(|t| (t.id, t.mentions.iter().map(|m| m.slice(text)).collect()))
                .collect();
        assert_eq!(
            got,
            [
                (
                    "borders".to_string(),
                    vec!["Border delimitation", "Borderline"]
                ),
                ("prisoners".to_string(), vec!["Prisoners", "detained"]),
            ]
        );
    }
}
