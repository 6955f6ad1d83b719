//! Tokens for the quote rules: words and punctuation with byte spans, paragraph and sentence indices.

use std::borrow::Cow;

use crate::extract::segment::Segments;
use crate::model::Span;

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
}

impl Tok<'_> {
    pub fn is(&self, s: &str) -> bool {
        self.lower == s
    }

    pub fn is_punct(&self, c: char) -> bool {
        !self.word && self.lower.starts_with(c)
    }
}

fn joins(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '&' | '\u{2011}')
}

/// Splits `text` into tokens; paragraphs and sentences come from `segs`.
pub fn tokenize<'t>(text: &'t str, segs: &Segments) -> Vec<Tok<'t>> {
    let mut out: Vec<Tok> = Vec::with_capacity(text.len() / 5);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric()
            || ((c == '@' || c == '#') && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric()))
        {
            let mut end = i + c.len_utf8();
            let mut last = c;
            while let Some(&(j, d)) = chars.peek() {
                let next = text[j + d.len_utf8()..].chars().next();
                // A joiner stays inside the word only between two alphanumerics; a plural
                // possessive keeps its apostrophe ("Sanders’ campaign").
                let inner =
                    d.is_alphanumeric() || (joins(d) && next.is_some_and(char::is_alphanumeric));
                let possessive = matches!(d, '\'' | '’') && matches!(last, 's' | 'S') && !inner;
                if !(inner || possessive) {
                    break;
                }
                end = j + d.len_utf8();
                last = d;
                chars.next();
                if possessive {
                    break;
                }
            }
            let raw = &text[i..end];
            // Most words are lower-case ASCII already: borrow them instead of allocating.
            let lower = if raw.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
                Cow::Borrowed(raw)
            } else {
                let mut l = String::with_capacity(raw.len());
                raw.chars().for_each(|ch| push_lower(&mut l, ch));
                Cow::Owned(l)
            };
            out.push(Tok {
                span: Span::new(i, end),
                lower,
                word: true,
                cap: c.is_uppercase(),
                para: 0,
                sent: NO_SENTENCE,
                run: None,
            });
        } else {
            out.push(Tok {
                span: Span::new(i, i + c.len_utf8()),
                lower: Cow::Borrowed(&text[i..i + c.len_utf8()]),
                word: false,
                cap: false,
                para: 0,
                sent: NO_SENTENCE,
                run: None,
            });
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
