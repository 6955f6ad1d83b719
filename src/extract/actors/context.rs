//! Per-document context for name finding: the tokens plus, for each, whether it opens a sentence,
//! sits in a heading or in an all-caps line (where capitals say nothing), and the words the
//! document also writes in lower case (so a capitalised sentence opener is a common word).

use std::borrow::Cow;
use std::cell::Cell;
use std::hash::Hasher;

use super::lexicon::{FastSet, Lexicon, WordInfo, list};
use super::tokens::{Tok, TokKind, Tokens, tokenize_into};
use crate::extract::segment::Segments;
use crate::fasthash::FxHasher;
use crate::model::Span;

pub struct Doc<'t> {
    pub text: &'t str,
    pub toks: Vec<Tok>,
    /// The tokens' folded forms (see `tokens`).
    folds: String,
    /// First word of a sentence, line or heading.
    pub initial: Vec<bool>,
    /// Inside a heading paragraph or an all-caps line: only strong evidence counts there.
    pub strict: Vec<bool>,
    /// Inside an all-caps line: capitalisation is meaningless.
    pub shouting: Vec<bool>,
    /// Folded words written in lower case somewhere in the document.
    pub lower_words: FastSet<u64>,
    /// What the lexicon's word lists say about each token.
    info: Vec<WordInfo>,
    /// The same for the empty word, which `fold` gives past the last token.
    no_info: WordInfo,
}

/// A document's buffers, kept per thread between documents: the next document reuses their memory
/// instead of allocating (and, for long articles, mapping) it again.
#[derive(Default)]
struct Buffers {
    tokens: Tokens,
    initial: Vec<bool>,
    strict: Vec<bool>,
    shouting: Vec<bool>,
    lower_words: FastSet<u64>,
    info: Vec<WordInfo>,
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
            initial: std::mem::take(&mut self.initial),
            strict: std::mem::take(&mut self.strict),
            shouting: std::mem::take(&mut self.shouting),
            lower_words: std::mem::take(&mut self.lower_words),
            info: std::mem::take(&mut self.info),
        };
        SPARE.with(|s| s.set(Some(Box::new(buffers))));
    }
}

impl<'t> Doc<'t> {
    pub fn new(text: &'t str, segments: &Segments, lex: &Lexicon) -> Self {
        let Buffers {
            mut tokens,
            mut initial,
            mut strict,
            mut shouting,
            mut lower_words,
            mut info,
        } = SPARE.with(Cell::take).map(|b| *b).unwrap_or_default();
        tokenize_into(text, &mut tokens);
        let Tokens { toks, folds } = tokens;
        let n = toks.len();
        for flags in [&mut initial, &mut strict, &mut shouting] {
            flags.clear();
            flags.resize(n, false);
        }
        // Lines: a run of tokens between line breaks.
        let mut line_start = 0;
        for i in 0..=n {
            if i == n || (i > line_start && toks[i].nl_before) {
                let line = &toks[line_start..i];
                let (mut low, mut up) = (0usize, 0usize);
                for t in line.iter().filter(|t| t.kind == TokKind::Word) {
                    let w = t.span.slice(text);
                    if t.folded_in_place() && t.letters < u16::MAX {
                        // ASCII letters are either capitals or lower case.
                        up += usize::from(t.caps);
                        low += usize::from(t.letters - t.caps);
                    } else if t.folded_in_place() {
                        for b in w.bytes() {
                            low += usize::from(b.is_ascii_lowercase());
                            up += usize::from(b.is_ascii_uppercase());
                        }
                    } else {
                        for c in w.chars() {
                            low += usize::from(c.is_lowercase());
                            up += usize::from(c.is_uppercase());
                        }
                    }
                }
                let shout = up >= 2 && low * 10 < up;
                for j in line_start..i {
                    shouting[j] = shout;
                    strict[j] = shout;
                }
                if let Some(j) = (line_start..i).find(|&j| toks[j].kind == TokKind::Word) {
                    initial[j] = true;
                }
                line_start = i;
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
                initial[j] = true;
            }
        }
        for p in segments.paragraphs.iter().filter(|p| p.heading) {
            let a = toks.partition_point(|t| t.span.start < p.span.start);
            let b = toks.partition_point(|t| t.span.start < p.span.end);
            for flag in &mut strict[a..b] {
                *flag = true;
            }
        }
        // After a colon or an opening quote a capital may start a new clause.
        for i in 1..n {
            if toks[i].kind == TokKind::Word
                && toks[i - 1].kind == TokKind::Punct
                && matches!(
                    toks[i - 1].span.slice(text),
                    ":" | "\"" | "“" | "‘" | "(" | "-" | "--" | "—"
                )
            {
                initial[i] = true;
            }
        }
        lower_words.clear();
        lower_words.reserve(n / 2);
        for t in toks.iter().filter(|t| t.kind == TokKind::Word) {
            let lower = match text.as_bytes().get(t.span.start) {
                Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
                _ => t
                    .span
                    .slice(text)
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase),
            };
            if lower {
                lower_words.insert(word_hash(t.fold.slice(&folds)));
            }
        }
        info.clear();
        info.extend(toks.iter().map(|t| lex.word_info(t.fold.slice(&folds))));
        Doc {
            text,
            toks,
            folds,
            info,
            no_info: lex.word_info(""),
            initial,
            strict,
            shouting,
            lower_words,
        }
    }

    /// Whether the document writes this folded word in lower case somewhere.
    pub fn has_lower(&self, fold: &str) -> bool {
        self.lower_words.contains(&word_hash(fold))
    }

    /// Whether token `i`'s folded form is on any of the word lists `lists` (`lexicon::list`).
    pub fn is(&self, i: usize, lists: u32) -> bool {
        self.info.get(i).unwrap_or(&self.no_info).lists & lists != 0
    }

    /// `Lexicon::is_given` of token `i`'s folded form.
    pub fn given(&self, i: usize) -> bool {
        self.is(i, list::GIVEN_ANY)
    }

    /// The longest gazetteer phrase (in tokens) whose first token reads like token `i`.
    pub fn phrase_len(&self, i: usize) -> usize {
        self.info.get(i).unwrap_or(&self.no_info).phrase_len as usize
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
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokKind::Word && (t.cap || (self.shouting[i] && t.upper)))
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

    /// Whether only spaces (no line break) separate token `i` from `i + 1`.
    pub fn joined(&self, i: usize) -> bool {
        self.toks.get(i + 1).is_some_and(|t| !t.nl_before)
    }
}

/// Words are kept as hashes: no copies, and a collision only costs one rare misjudgement.
fn word_hash(w: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(w.as_bytes());
    h.finish()
}
