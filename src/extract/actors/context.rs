//! Per-document context for name finding: the tokens plus, for each, whether it opens a sentence,
//! sits in a heading or in an all-caps line (where capitals say nothing), and the words the
//! document also writes in lower case (so a capitalised sentence opener is a common word).

use std::borrow::Cow;
use std::cell::Cell;

use super::lexicon::{Lexicon, list};
use super::tokens::{Tok, TokKind, Tokens, tokenize_into};
use super::words::{Word, Words, word_key};
use crate::extract::segment::Segments;
use crate::model::Span;

/// `Tok::flags` bits.
mod flag {
    /// First word of a sentence, line or heading, or after a colon or an opening quote.
    pub const INITIAL: u8 = 1;
    /// Inside a heading paragraph or an all-caps line: only strong evidence counts there.
    pub const STRICT: u8 = 1 << 1;
    /// Inside an all-caps line: capitalisation is meaningless.
    pub const SHOUTING: u8 = 1 << 2;
}

pub struct Doc<'t> {
    pub text: &'t str,
    /// The tokens, with their word-list bits and flags filled in.
    pub toks: Vec<Tok>,
    /// The tokens' folded forms (see `tokens`).
    folds: String,
    /// The document's distinct words: which of them it writes in lower case somewhere.
    words: Words,
    /// The word-list bits and phrase length of the empty word, which `fold` gives past the last
    /// token.
    no_lists: u32,
    no_phrase_len: u16,
}

/// A document's buffers, kept per thread between documents: the next document reuses their memory
/// instead of allocating (and, for long articles, mapping) it again.
#[derive(Default)]
struct Buffers {
    tokens: Tokens,
    words: Words,
}

thread_local! {
    static SPARE: Cell<Option<Box<Buffers>>> = const { Cell::new(None) };
}

/// Buffers larger than this (in tokens) go back to the allocator rather than stay with a thread.
const KEEP_TOKENS: usize = 1 << 18;

impl Drop for Doc<'_> {
    fn drop(&mut self) {
        if self.toks.capacity() > KEEP_TOKENS {
            return;
        }
        let buffers = Buffers {
            tokens: Tokens {
                toks: std::mem::take(&mut self.toks),
                folds: std::mem::take(&mut self.folds),
            },
            words: std::mem::take(&mut self.words),
        };
        SPARE.with(|s| s.set(Some(Box::new(buffers))));
    }
}

/// Lower-case and upper-case letters of one line's words, to tell an all-caps line.
#[derive(Default)]
struct Caps {
    low: usize,
    up: usize,
}

impl Caps {
    #[inline]
    fn add(&mut self, t: &Tok, text: &str) {
        if t.lows < u16::MAX && t.ups < u16::MAX {
            self.low += usize::from(t.lows);
            self.up += usize::from(t.ups);
        } else {
            for c in t.span.slice(text).chars() {
                self.low += usize::from(c.is_lowercase());
                self.up += usize::from(c.is_uppercase());
            }
        }
    }

    /// Whether the line is in capitals: its tokens are shouting (and strict).
    fn shouts(&self) -> bool {
        self.up >= 2 && self.low * 10 < self.up
    }
}

impl<'t> Doc<'t> {
    pub fn new(text: &'t str, segments: &Segments, lex: &Lexicon) -> Self {
        let Buffers {
            mut tokens,
            mut words,
        } = SPARE.with(Cell::take).map(|b| *b).unwrap_or_default();
        tokenize_into(text, &lex.tokens, &mut tokens);
        let Tokens { mut toks, folds } = tokens;
        let n = toks.len();
        // Sized for a news article; a long document grows the table as it meets new words rather
        // than reserving a slot per token up front.
        words.reset((n / 2).min(1 << 12));
        let fb = folds.as_bytes();
        // One pass: lines (a run of tokens between line breaks), clause openers, lower-case
        // words and what the word lists say about each token.
        let mut caps = Caps::default();
        // All-caps lines, marked after the pass (they are rare).
        let mut shouting: Vec<(usize, usize)> = Vec::new();
        let mut line_start = 0;
        let mut line_has_word = false;
        let mut after_opener = false;
        for (i, t) in toks.iter_mut().enumerate() {
            if i > line_start && t.nl_before {
                if caps.shouts() {
                    shouting.push((line_start, i));
                }
                caps = Caps::default();
                line_start = i;
                line_has_word = false;
            }
            // Punctuation: one byte or none, looked up in the lexicon's small table.
            if t.kind == TokKind::Punct {
                let fold = fb.get(t.fold.start..t.fold.end).unwrap_or(&[]);
                let info = lex.tiny_info(fold).unwrap_or_default();
                t.lists = info.lists;
                t.phrase_len = u16::try_from(info.phrase_len).unwrap_or(u16::MAX);
                after_opener = matches!(
                    text.as_bytes().get(t.span.start..t.span.end).unwrap_or(&[]),
                    b":" | b"\"" | b"(" | b"-"
                ) || matches!(t.span.slice(text), "“" | "‘" | "—");
                continue;
            }
            let opener = std::mem::take(&mut after_opener);
            let key = word_key(fb, t.fold);
            let word = match words.find(key, t.fold, fb) {
                Ok(word) => word,
                Err(vacant) => {
                    let info = lex.word_info_keyed(t.fold.slice(&folds), key, t.hyphen);
                    let word = Word {
                        lists: info.lists,
                        phrase_len: u16::try_from(info.phrase_len).unwrap_or(u16::MAX),
                        lower: false,
                    };
                    words.insert(vacant, key, t.fold, word)
                }
            };
            t.lists = word.lists;
            t.phrase_len = word.phrase_len;
            if t.kind == TokKind::Word {
                caps.add(t, text);
                // After a colon or an opening quote a capital may start a new clause.
                if !line_has_word || opener {
                    t.flags |= flag::INITIAL;
                }
                line_has_word = true;
                word.lower |= match text.as_bytes().get(t.span.start) {
                    Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
                    _ => t
                        .span
                        .slice(text)
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase),
                };
            }
        }
        if caps.shouts() {
            shouting.push((line_start, n));
        }
        for (a, b) in shouting {
            for t in &mut toks[a..b] {
                t.flags |= flag::STRICT | flag::SHOUTING;
            }
        }
        let mut s = 0;
        for sent in &segments.sentences {
            while s < n && toks[s].span.start < sent.span.start {
                s += 1;
            }
            let mut j = s;
            while j < n && toks[j].kind != TokKind::Word && toks[j].span.start < sent.span.end {
                j += 1;
            }
            if j < n {
                toks[j].flags |= flag::INITIAL;
            }
        }
        for p in segments.paragraphs.iter().filter(|p| p.heading) {
            let a = toks.partition_point(|t| t.span.start < p.span.start);
            let b = toks.partition_point(|t| t.span.start < p.span.end);
            for t in &mut toks[a..b] {
                t.flags |= flag::STRICT;
            }
        }
        let empty = lex.word_info("");
        Doc {
            text,
            toks,
            folds,
            words,
            no_lists: empty.lists,
            no_phrase_len: u16::try_from(empty.phrase_len).unwrap_or(u16::MAX),
        }
    }

    /// The slots of the table of distinct words.
    #[cfg(test)]
    pub fn words_capacity(&self) -> usize {
        self.words.capacity()
    }

    fn flag(&self, i: usize, f: u8) -> bool {
        self.toks.get(i).is_some_and(|t| t.flags & f != 0)
    }

    /// First word of a sentence, line or heading (or of a clause after a colon or quote).
    pub fn initial(&self, i: usize) -> bool {
        self.flag(i, flag::INITIAL)
    }

    /// Inside a heading paragraph or an all-caps line: only strong evidence counts there.
    pub fn strict(&self, i: usize) -> bool {
        self.flag(i, flag::STRICT)
    }

    /// Inside an all-caps line: capitalisation is meaningless.
    pub fn shouting(&self, i: usize) -> bool {
        self.flag(i, flag::SHOUTING)
    }

    /// Whether the document writes token `i`'s folded word in lower case somewhere.
    pub fn has_lower(&self, i: usize) -> bool {
        let span = self.toks.get(i).map_or(Span::new(0, 0), |t| t.fold);
        let folds = self.folds.as_bytes();
        self.words
            .get(word_key(folds, span), span, folds)
            .is_some_and(|w| w.lower)
    }

    /// Whether token `i`'s folded form is on any of the word lists `lists` (`lexicon::list`).
    pub fn is(&self, i: usize, lists: u32) -> bool {
        self.toks.get(i).map_or(self.no_lists, |t| t.lists) & lists != 0
    }

    /// `Lexicon::is_given` of token `i`'s folded form.
    pub fn given(&self, i: usize) -> bool {
        self.is(i, list::GIVEN_ANY)
    }

    /// The longest gazetteer phrase (in tokens) whose first token reads like token `i`.
    pub fn phrase_len(&self, i: usize) -> usize {
        usize::from(
            self.toks
                .get(i)
                .map_or(self.no_phrase_len, |t| t.phrase_len),
        )
    }

    pub fn s(&self, i: usize) -> &'t str {
        self.toks.get(i).map_or("", |t| t.span.slice(self.text))
    }

    pub fn fold(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| self.tok_fold(t))
    }

    /// The folded form of `t`, one of this document's tokens.
    pub fn tok_fold(&self, t: &Tok) -> &str {
        t.fold.slice(&self.folds)
    }

    /// A capitalised word, or any word in an all-caps line.
    pub fn is_cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.kind == TokKind::Word && (t.cap || (t.flags & flag::SHOUTING != 0 && t.upper))
        })
    }

    /// The folded key of tokens `a..b`, joined by single spaces.
    pub fn key(&self, a: usize, b: usize) -> Cow<'_, str> {
        let toks = &self.toks[a..b];
        let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
            return Cow::Borrowed("");
        };
        // Tokens folded in place and one space apart: the key is the folded text itself.
        let bytes = self.text.as_bytes();
        let plain = toks.iter().all(Tok::folded_in_place)
            && toks.windows(2).all(|w| {
                w[1].span.start == w[0].span.end + 1 && bytes.get(w[0].span.end) == Some(&b' ')
            });
        if plain {
            return Cow::Borrowed(Span::new(first.span.start, last.span.end).slice(&self.folds));
        }
        let mut k = String::new();
        for t in toks {
            if !k.is_empty() {
                k.push(' ');
            }
            k.push_str(self.tok_fold(t));
        }
        Cow::Owned(k)
    }

    /// The text from token `a` to token `b - 1`, as written.
    pub fn span_text(&self, a: usize, b: usize) -> &'t str {
        match (
            self.toks.get(a),
            b.checked_sub(1).and_then(|l| self.toks.get(l)),
        ) {
            (Some(x), Some(y)) if x.span.start <= y.span.end => {
                self.text.get(x.span.start..y.span.end).unwrap_or("")
            }
            _ => "",
        }
    }

    /// Whether only spaces (no line break) separate token `i` from `i + 1`.
    pub fn joined(&self, i: usize) -> bool {
        self.toks.get(i + 1).is_some_and(|t| !t.nl_before)
    }
}
