//! Segmentation: paragraphs, headings and sentences of an article, all as byte spans.

use crate::assets::{Assets, name};
use crate::fasthash::FastSet;
use crate::model::Span;

/// A block of text separated from its neighbours by a line break.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    /// Section heads and titles: kept out of the sentences.
    pub heading: bool,
}

/// One sentence, inside paragraph `paragraph`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segments {
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
}

impl Segments {
    pub fn headings(&self) -> impl Iterator<Item = Span> + '_ {
        self.paragraphs.iter().filter(|p| p.heading).map(|p| p.span)
    }

    /// The index of the sentence holding `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }
}

/// Word lists the segmenter needs.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    abbreviations: FastSet<String>,
    sentence_starters: FastSet<String>,
}

impl Lexicon {
    pub fn load(assets: &Assets) -> Self {
        Lexicon {
            abbreviations: assets
                .lines(name::ABBREVIATIONS_TXT)
                .map(str::to_lowercase)
                .collect(),
            sentence_starters: assets
                .lines(name::SENTENCE_STARTERS_TXT)
                .map(str::to_owned)
                .collect(),
        }
    }
}

/// Splits `text` into paragraphs (headings marked) and sentences.
pub fn segment(text: &str, lex: &Lexicon) -> Segments {
    let mut segs = Segments::default();
    let blocks = paragraph_spans(text);
    let count = blocks.len();
    for (i, (span, blank_after)) in blocks.into_iter().enumerate() {
        let heading = is_heading(text, span, i == 0 && blank_after && count > 1);
        let index = segs.paragraphs.len();
        segs.paragraphs.push(Paragraph { span, heading });
        if !heading {
            split_sentences(text, span, index, lex, &mut segs.sentences);
        }
    }
    segs
}

/// Paragraph spans (trimmed) and whether each is followed by a blank line.
fn paragraph_spans(text: &str) -> Vec<(Span, bool)> {
    let mut out: Vec<(Span, bool)> = Vec::new();
    let mut current: Option<Span> = None;
    let mut pos = 0;
    let bytes = text.as_bytes();
    while pos < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[pos..]).map_or(bytes.len(), |i| pos + i);
        let line = trim_span(text, Span::new(pos, end));
        if line.is_empty() {
            if let Some(p) = current.take() {
                out.push((p, true));
            }
        } else {
            current = match current {
                Some(p) if continues(text, p, line) => Some(Span::new(p.start, line.end)),
                Some(p) => {
                    out.push((p, false));
                    Some(line)
                }
                None => Some(line),
            };
        }
        pos = end + 1;
    }
    if let Some(p) = current {
        out.push((p, false));
    }
    out
}

/// A hard-wrapped line continues its paragraph when the previous line stops mid-sentence and the
/// next one starts in lower case.
fn continues(text: &str, prev: Span, line: Span) -> bool {
    if prev.slice(text).starts_with('#') {
        return false;
    }
    let last = prev.slice(text).chars().next_back().unwrap_or('.');
    let first = line.slice(text).chars().next().unwrap_or('A');
    !matches!(last, '.' | '!' | '?' | ':' | '"' | '”' | '’' | '\'')
        && (first.is_lowercase() || first.is_ascii_digit())
}

fn trim_span(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    Span::new(
        span.start + lead,
        span.end.saturating_sub(trail).max(span.start + lead),
    )
}

fn is_heading(text: &str, span: Span, title_position: bool) -> bool {
    let s = span.slice(text);
    if s.starts_with('#') {
        return true;
    }
    if s.contains('\n') || s.len() > 120 {
        return false;
    }
    let last = s.chars().next_back().unwrap_or('.');
    if matches!(
        last,
        '.' | '!' | '?' | ',' | ';' | ':' | '"' | '”' | '’' | '\'' | ')'
    ) {
        return false;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 14 {
        return false;
    }
    if title_position {
        return true;
    }
    // Title case: most words longer than three letters start with a capital.
    let long: Vec<&&str> = words.iter().filter(|w| w.chars().count() > 3).collect();
    let caps = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    words.len() >= 2 && !long.is_empty() && caps * 5 >= long.len() * 4
}

fn split_sentences(
    text: &str,
    para: Span,
    paragraph: usize,
    lex: &Lexicon,
    out: &mut Vec<Sentence>,
) {
    let s = para.slice(text);
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    // Jump from one candidate full stop, question or exclamation mark to the next.
    while let Some(k) = memchr::memchr3(b'.', b'!', b'?', &bytes[i..]) {
        i += k;
        let b = bytes[i];
        // Swallow runs like "?!" or "..." and closing quotes or brackets.
        let mut j = i + 1;
        while j < bytes.len() && matches!(bytes[j], b'.' | b'!' | b'?') {
            j += 1;
        }
        loop {
            let rest = &s[j..];
            let c = rest.chars().next();
            match c {
                Some(c @ ('"' | '\'' | ')' | ']' | '”' | '’' | '»')) => j += c.len_utf8(),
                _ => break,
            }
        }
        if j < bytes.len() && !(bytes[j] as char).is_whitespace() {
            i = j;
            continue;
        }
        let next_start = skip_ws(s, j);
        if next_start >= bytes.len() {
            break;
        }
        if b == b'.' && j == i + 1 && !ends_sentence(s, i, next_start, lex) {
            i = j;
            continue;
        }
        if starts_sentence(s, next_start) {
            push(out, text, para.start + start, para.start + j, paragraph);
            start = next_start;
        }
        i = next_start;
    }
    push(out, text, para.start + start, para.end, paragraph);
}

fn push(out: &mut Vec<Sentence>, text: &str, start: usize, end: usize, paragraph: usize) {
    let span = trim_span(text, Span::new(start, end));
    if !span.is_empty() {
        out.push(Sentence { span, paragraph });
    }
}

fn skip_ws(s: &str, mut j: usize) -> usize {
    while let Some(c) = s[j..].chars().next() {
        if !c.is_whitespace() {
            break;
        }
        j += c.len_utf8();
    }
    j
}

fn starts_sentence(s: &str, at: usize) -> bool {
    let mut chars = s[at..].chars();
    match chars.next() {
        Some(c) if c.is_uppercase() || c.is_ascii_digit() => true,
        Some('"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '—' | '–' | '-') => true,
        _ => false,
    }
}

/// Whether the period at `dot` ends a sentence, given the word before it and the one after.
fn ends_sentence(s: &str, dot: usize, next: usize, lex: &Lexicon) -> bool {
    let word_start = s[..dot]
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘'))
        .map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    let word = &s[word_start..dot];
    if word.is_empty() {
        return true;
    }
    let next_word: &str = s[next..]
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    // A single capital letter is an initial ("J. Smith"), unless it is a pronoun-like "I" or
    // the name of a medium something is written on ("wrote on X. Rubinyan said ...").
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        let before = s[..word_start].trim_end();
        let prev = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        return matches!(prev, "on" | "via") && before.ends_with(prev);
    }
    let lower = word.to_lowercase();
    if lex.abbreviations.contains(lower.as_str()) || is_dotted_acronym(word) {
        // "Nov. 5", "No. 3": a number follows an abbreviation inside the sentence.
        if next_word.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            return false;
        }
        // "U.S. officials" continues; "in the U.S. The ..." starts anew.
        return lex.sentence_starters.contains(next_word);
    }
    true
}

fn is_dotted_acronym(word: &str) -> bool {
    word.len() >= 3 && word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::load(&Assets::builtin())
    }

    fn sentences(text: &str) -> Vec<&str> {
        let segs = segment(text, &lex());
        segs.sentences.iter().map(|s| s.span.slice(text)).collect()
    }

    #[test]
    fn sentence_table() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", "Two."]),
            (
                "The U.S. envoy met Mr. Smith on Nov. 5 at 5 p.m. local time. He left.",
                &[
                    "The U.S. envoy met Mr. Smith on Nov. 5 at 5 p.m. local time.",
                    "He left.",
                ],
            ),
            (
                "He lives in the U.S. The rest stayed.",
                &["He lives in the U.S.", "The rest stayed."],
            ),
            (
                "“It is over,” he said. “We won.”",
                &["“It is over,” he said.", "“We won.”"],
            ),
            ("\"Go.\" Then silence.", &["\"Go.\"", "Then silence."]),
            (
                "J. R. Smith arrived. Why? Nobody knows!",
                &["J. R. Smith arrived.", "Why?", "Nobody knows!"],
            ),
            (
                "Prices rose 3.5 percent. Shares fell.",
                &["Prices rose 3.5 percent.", "Shares fell."],
            ),
            ("Wait... what happened.", &["Wait... what happened."]),
            (
                "Acme Inc. said profits rose.",
                &["Acme Inc. said profits rose."],
            ),
            (
                "Talks end on Jan. 31. Then what?",
                &["Talks end on Jan. 31.", "Then what?"],
            ),
            // A one-letter medium ends its sentence; an initial does not.
            (
                "Kılıç wrote on X. Rubinyan said the talks were over.",
                &["Kılıç wrote on X.", "Rubinyan said the talks were over."],
            ),
            (
                "The post went up via X. Officials denied it.",
                &["The post went up via X.", "Officials denied it."],
            ),
            (
                "It was signed by J. Smith and sent to R. Jones.",
                &["It was signed by J. Smith and sent to R. Jones."],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(sentences(text), *want, "{text}");
        }
    }

    #[test]
    fn paragraphs_and_headings() {
        let text = "Ad sales boost profit\n\nQuarterly profits rose.\nSecond paragraph here.\n\nTurkey Signals Its Own Conditions\nThe segment also addressed remarks.\n## Markdown head\nwrapped line that\ncontinues here.";
        let segs = segment(text, &lex());
        let paras: Vec<(&str, bool)> = segs
            .paragraphs
            .iter()
            .map(|p| (p.span.slice(text), p.heading))
            .collect();
        assert_eq!(
            paras,
            [
                ("Ad sales boost profit", true),
                ("Quarterly profits rose.", false),
                ("Second paragraph here.", false),
                ("Turkey Signals Its Own Conditions", true),
                ("The segment also addressed remarks.", false),
                ("## Markdown head", true),
                ("wrapped line that\ncontinues here.", false),
            ]
        );
        assert!(
            segs.sentences
                .iter()
                .all(|s| !s.span.slice(text).contains("Signals"))
        );
    }

    #[test]
    fn sentence_lookup_by_offset() {
        let text = "One. Two.";
        let segs = segment(text, &lex());
        assert_eq!(segs.sentence_at(0), Some(0));
        assert_eq!(segs.sentence_at(6), Some(1));
        assert_eq!(segs.sentence_at(4), None);
    }
}
