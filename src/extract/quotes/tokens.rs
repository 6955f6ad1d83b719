//! Tokens for the quote rules: words and punctuation with byte spans, paragraph and sentence indices.

use std::borrow::Cow;

use super::lexicon::{Lexicon, WordInfo};
use crate::extract::segment::Segments;
use crate::model::Span;
use crate::text::char_at;

/// No sentence: the token sits in a heading or between sentences.
pub const NO_SENTENCE: usize = usize::MAX;

#[derive(Clone, Debug)]
pub struct Tok<'t> {
    pub span: Span,
    /// Lower-cased word (curly apostrophes made straight), or the punctuation character.
    pub lower: Cow<'t, str>,
    pub word: bool,
    /// Starts with an upper-case letter.
    pub cap: bool,
    pub para: usize,
    pub sent: usize,
    /// The quotation run the token sits in (marks included), if any.
    pub run: Option<usize>,
    /// What the word lists say about the word, looked up once.
    pub info: WordInfo,
}

impl Tok<'_> {
    pub fn is(&self, s: &str) -> bool {
        self.lower == s
    }

    /// A word of digits only: "1997", "1441".
    pub fn is_number(&self) -> bool {
        self.word && self.lower.bytes().all(|b| b.is_ascii_digit())
    }

    pub fn is_punct(&self, c: char) -> bool {
        !self.word && self.lower.starts_with(c)
    }
}

fn joins(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '&' | '\u{2011}')
}

fn alnum_at(text: &str, i: usize) -> bool {
    char_at(text, i).is_some_and(|(c, _)| c.is_alphanumeric())
}

/// Splits `text` into tokens; paragraphs and sentences come from `segs`, word classes from `lex`.
/// `lowered` is `text` with ASCII letters lower-cased (same length): ASCII words borrow from it.
pub fn tokenize<'t>(
    text: &'t str,
    lowered: &'t str,
    segs: &Segments,
    lex: &Lexicon,
) -> Vec<Tok<'t>> {
    let mut out: Vec<Tok> = Vec::with_capacity(text.len() / 4 + 16);
    let mut i = 0;
    while let Some((c, n)) = char_at(text, i) {
        if c.is_whitespace() {
            i += n;
            continue;
        }
        if c.is_alphanumeric() || ((c == '@' || c == '#') && alnum_at(text, i + n)) {
            let mut end = i + n;
            let mut last = c;
            let mut ascii = c.is_ascii();
            let bytes = text.as_bytes();
            loop {
                // Runs of ASCII letters and digits need none of the checks below.
                let run = bytes[end..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
                if run > 0 {
                    end += run;
                    last = char::from(bytes[end - 1]);
                }
                let Some((d, dn)) = char_at(text, end) else {
                    break;
                };
                // A joiner stays inside the word only between two alphanumerics; a plural
                // possessive keeps its apostrophe ("Sanders’ campaign").
                let inner = d.is_alphanumeric() || (joins(d) && alnum_at(text, end + dn));
                let possessive = matches!(d, '\'' | '’') && matches!(last, 's' | 'S') && !inner;
                if !(inner || possessive) {
                    break;
                }
                end += dn;
                last = d;
                ascii &= d.is_ascii();
                if possessive {
                    break;
                }
            }
            // ASCII words borrow their lower case from `lowered`; others are folded here.
            let lower = if ascii {
                Cow::Borrowed(&lowered[i..end])
            } else {
                let mut l = String::with_capacity(end - i);
                text[i..end].chars().for_each(|ch| push_lower(&mut l, ch));
                Cow::Owned(l)
            };
            let info = lex.info(&lower);
            out.push(Tok {
                span: Span::new(i, end),
                lower,
                word: true,
                cap: c.is_uppercase(),
                para: 0,
                sent: NO_SENTENCE,
                run: None,
                info,
            });
            i = end;
        } else {
            out.push(Tok {
                span: Span::new(i, i + n),
                lower: Cow::Borrowed(&text[i..i + n]),
                word: false,
                cap: false,
                para: 0,
                sent: NO_SENTENCE,
                run: None,
                info: WordInfo::default(),
            });
            i += n;
        }
    }
    locate(&mut out, segs);
    out
}

fn push_lower(s: &mut String, c: char) {
    match c {
        '’' | '‘' => s.push('\''),
        '\u{2011}' => s.push('-'),
        c if c.is_ascii() => s.push(c.to_ascii_lowercase()),
        c => s.extend(c.to_lowercase()),
    }
}

/// Fills in paragraph and sentence indices with two moving pointers.
fn locate(toks: &mut [Tok<'_>], segs: &Segments) {
    let mut p = 0;
    let mut s = 0;
    for t in toks.iter_mut() {
        while p + 1 < segs.paragraphs.len() && segs.paragraphs[p].span.end <= t.span.start {
            p += 1;
        }
        t.para = p;
        while s < segs.sentences.len() && segs.sentences[s].span.end <= t.span.start {
            s += 1;
        }
        if s < segs.sentences.len() && segs.sentences[s].span.start <= t.span.start {
            t.sent = s;
        }
    }
}

/// The index of the first token starting at or after `offset`.
pub fn first_at(toks: &[Tok<'_>], offset: usize) -> usize {
    toks.partition_point(|t| t.span.start < offset)
}
