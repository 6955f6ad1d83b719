//! Tokens for name finding: words (with inner hyphens, apostrophes and acronym dots), numbers,
//! possessive `'s` and single punctuation marks, each with its byte span and folded form.
//!
//! Folded forms live in one buffer per document rather than one `String` per token: the buffer
//! starts as the ASCII-lowercased text (same byte offsets), so an ASCII token's fold is the same
//! range of the buffer as its span in the text; other tokens' folds are appended after it.

use crate::assets::{Assets, name};
use crate::fasthash::FastSet;
use crate::model::Span;
use crate::text::ascii::{self, DIGIT, LETTER, NEWLINE, SPACE};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Number,
    /// `'s` / `’s` after a name.
    Poss,
    Punct,
}

#[derive(Clone, Copy, Debug)]
pub struct Tok {
    pub span: Span,
    /// Where the folded form sits in `Tokens::folds`; equal to `span` when folded in place.
    pub fold: Span,
    /// The word-list bits of the folded form (`lexicon::list`); filled in by `context::Doc`.
    pub lists: u32,
    /// For words: how many lower-case and upper-case letters (both stop at `u16::MAX`, which
    /// means: count again).
    pub lows: u16,
    pub ups: u16,
    /// The longest gazetteer phrase the folded form opens; filled in by `context::Doc`.
    pub phrase_len: u16,
    pub kind: TokKind,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Has at least two letters, all upper case ("NATO", "BRUSSELS", "U.S.").
    pub upper: bool,
    /// A line break lies between this token and the one before.
    pub nl_before: bool,
    /// The folded form holds a hyphen.
    pub hyphen: bool,
    /// `context::Doc`'s per-token flags (sentence-initial, strict, shouting).
    pub flags: u8,
}

impl Tok {
    /// Whether the token opens a line (or the text).
    pub fn nl_before_or_first(&self, index: usize) -> bool {
        self.nl_before || index == 0
    }

    /// Written as an acronym: all capitals, or two or more capitals with fewer small letters
    /// ("BoE", "PwC", "DfES").
    pub fn acronym(&self) -> bool {
        self.upper || (self.ups >= 2 && self.lows < self.ups && self.lows <= 2)
    }

    /// Whether the folded form is the text's own bytes, lower-cased in place (ASCII tokens).
    pub fn folded_in_place(&self) -> bool {
        self.fold == self.span
    }
}

/// The word lists the tokenizer reads, as written (case matters).
#[derive(Clone, Debug, Default)]
pub struct TokenLists {
    /// Abbreviations that keep their period ("Mr", "Corp"): `dotted-abbreviations.txt`.
    pub dotted: FastSet<String>,
    /// Prefixes that make "al-Kabariti" a name: `hyphen-name-prefixes.txt`.
    pub hyphen_prefixes: FastSet<String>,
}

impl TokenLists {
    pub fn load(assets: &Assets) -> Self {
        TokenLists {
            dotted: assets
                .lines(name::DOTTED_ABBREVIATIONS_TXT)
                .map(str::to_string)
                .collect(),
            hyphen_prefixes: assets
                .lines(name::HYPHEN_NAME_PREFIXES_TXT)
                .map(str::to_string)
                .collect(),
        }
    }
}

/// The tokens of one text and the buffer holding their folded forms.
#[derive(Default)]
pub struct Tokens {
    pub toks: Vec<Tok>,
    pub folds: String,
}

impl Tokens {
    /// The folded form of `t`, a token of this text.
    pub fn fold_of(&self, t: &Tok) -> &str {
        t.fold.slice(&self.folds)
    }
}

fn is_apos(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits `text` into tokens; never panics, spans always fall on char boundaries.
pub fn tokenize(text: &str, lists: &TokenLists) -> Tokens {
    let mut tokens = Tokens::default();
    tokenize_into(text, lists, &mut tokens);
    tokens
}

/// The char at byte offset `i` of `text` (a char boundary, or past the end); ASCII needs no
/// decoding.
#[inline]
fn at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text.get(i..).and_then(|s| s.chars().next()),
        None => None,
    }
}

/// Whether the apostrophe of width `w` at `i` opens a possessive `'s`.
fn possessive(text: &str, i: usize, w: usize) -> bool {
    at(text, i + w).is_some_and(|c| c == 's' || c == 'S')
        && !at(text, i + w + 1).is_some_and(char::is_alphanumeric)
        && text
            .get(..i)
            .and_then(|t| t.chars().next_back())
            .is_some_and(|p| !p.is_whitespace())
}

/// `tokenize`, into the buffers of `tokens` (cleared first), so their memory serves again.
pub fn tokenize_into(text: &str, lists: &TokenLists, tokens: &mut Tokens) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let Tokens { toks: out, folds } = tokens;
    out.clear();
    out.reserve(n / 4 + 8);
    folds.clear();
    folds.push_str(text);
    folds.make_ascii_lowercase();
    let mut i = 0;
    let mut nl = false;
    while let Some(&b) = bytes.get(i) {
        let class = ascii::class(b);
        // ASCII white space, the most common byte between tokens, needs no decoding.
        if class & (SPACE | NEWLINE) != 0 {
            nl |= b == b'\n';
            i += 1;
            continue;
        }
        let start = i;
        let (c, w) = if b.is_ascii() {
            (char::from(b), 1)
        } else {
            match text.get(i..).and_then(|s| s.chars().next()) {
                Some(c) => (c, c.len_utf8()),
                None => break,
            }
        };
        if !b.is_ascii() && c.is_whitespace() {
            i += w;
            continue;
        }
        let kind;
        // A non-ASCII char in the token: its fold is appended, and words are counted again.
        let mut mixed = !b.is_ascii();
        // A hyphen taken into the token: only then can a word be "al-Kabariti".
        let mut hyphen = false;
        // For ASCII words: letters and capitals, as `WordScan::counts`.
        let mut counts = 0u64;
        if class & LETTER != 0 || (mixed && c.is_alphabetic()) {
            let from = if mixed { start + w } else { start };
            let (len, run) = ascii_alnum_run(bytes, from);
            i = from + len;
            counts = run;
            // A char that might continue the word: the rules of `word_tail` decide.
            if bytes
                .get(i)
                .is_some_and(|&d| !d.is_ascii() || matches!(d, b'-' | b'&' | b'\'' | b'.'))
            {
                let tail = word_tail(text, start, i, lists);
                i = tail.end;
                counts = counts.wrapping_add(tail.counts);
                mixed |= tail.mixed;
                hyphen = tail.hyphen;
            }
            kind = TokKind::Word;
        } else if (b == b'\'' || c == '’') && possessive(text, i, w) {
            i += w + 1;
            kind = TokKind::Poss;
        } else if class & DIGIT != 0 {
            i += 1;
            while let Some(&d) = bytes.get(i) {
                if ascii::class(d) & (LETTER | DIGIT) != 0 {
                    i += 1;
                } else if matches!(d, b'.' | b',' | b':' | b'-' | b'/')
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
                {
                    hyphen |= d == b'-';
                    i += 1;
                } else if !d.is_ascii()
                    && let Some(e) = at(text, i).filter(|e| e.is_alphanumeric())
                {
                    mixed = true;
                    i += e.len_utf8();
                } else {
                    break;
                }
            }
            kind = TokKind::Number;
        } else {
            hyphen = b == b'-';
            i += w;
            kind = TokKind::Punct;
        }
        let span = Span::new(start, i);
        let word = kind == TokKind::Word;
        let mut tok = Tok {
            span,
            fold: span,
            lists: 0,
            lows: 0,
            ups: 0,
            phrase_len: 0,
            kind,
            cap: false,
            upper: false,
            nl_before: nl,
            hyphen,
            flags: 0,
        };
        nl = false;
        if !mixed {
            if word {
                // The letters of a word this long could overflow into the capitals' count.
                let (total, up) = if i - start < 1 << 31 {
                    (
                        (counts as u32) as usize,
                        ((counts >> 32) as u32 & !(1 << 31)) as usize,
                    )
                } else {
                    let s = span.slice(text);
                    let up = s.bytes().filter(u8::is_ascii_uppercase).count();
                    (up + s.bytes().filter(u8::is_ascii_lowercase).count(), up)
                };
                tok.lows = saturate(total - up);
                tok.ups = saturate(up);
                tok.upper = total >= 2 && up == total;
                tok.cap = b.is_ascii_uppercase() || hyphen && prefixed_cap(span.slice(text), lists);
            }
            out.push(tok);
            continue;
        }
        let s = span.slice(text);
        if word {
            let (mut lows, mut ups, mut up, mut total) = (0, 0, 0, 0);
            for l in s.chars() {
                lows += usize::from(l.is_lowercase());
                ups += usize::from(l.is_uppercase());
                if l.is_alphabetic() {
                    total += 1;
                    up += usize::from(l.is_uppercase());
                }
            }
            tok.lows = saturate(lows);
            tok.ups = saturate(ups);
            tok.upper = total >= 2 && up == total;
            tok.cap = c.is_uppercase() || hyphen && prefixed_cap(s, lists);
        }
        if kind == TokKind::Punct {
            tok.fold = Span::new(0, 0);
            tok.hyphen = false;
        } else {
            let from = folds.len();
            folds.push_str(&crate::text::fold(s));
            tok.fold = Span::new(from, folds.len());
            tok.hyphen = folds.as_bytes()[from..].contains(&b'-');
        }
        out.push(tok);
    }
}

/// The rest of a word as `word_tail` read it.
struct WordTail {
    end: usize,
    /// Letters (low half) and capitals (high half) of the ASCII runs, as `ascii_alnum_run`.
    counts: u64,
    /// Holds a non-ASCII char.
    mixed: bool,
    /// Took in a hyphen.
    hyphen: bool,
}

/// Reads on from `i` in the word that starts at `start`, where a char other than an ASCII letter
/// or digit may join it: inner hyphens, apostrophes, acronym dots, non-ASCII letters and marks.
#[inline(never)]
fn word_tail(text: &str, start: usize, mut i: usize, lists: &TokenLists) -> WordTail {
    let bytes = text.as_bytes();
    let (mut counts, mut mixed, mut hyphen) = (0u64, false, false);
    loop {
        // Other ASCII chars end the word unless a rule below can take them in.
        if bytes
            .get(i)
            .is_none_or(|&d| d.is_ascii() && !matches!(d, b'-' | b'&' | b'\'' | b'.'))
        {
            break;
        }
        let Some(d) = at(text, i) else { break };
        let dw = d.len_utf8();
        if d.is_alphanumeric() {
            mixed = true;
            i += dw;
        } else {
            let next = at(text, i + dw);
            let inner_join = (d == '-' || d == '&') && next.is_some_and(char::is_alphanumeric);
            // "O'Neill" keeps its apostrophe; "Turkey's" does not.
            let inner_apos = is_apos(d)
                && next.is_some_and(char::is_alphabetic)
                && (!matches!(next, Some('s' | 'S'))
                    || at(text, i + dw + 1).is_some_and(char::is_alphanumeric));
            if (!d.is_ascii() && is_combining(d))
                || inner_join
                || inner_apos
                || (d == '.' && dotted(text.get(start..i).unwrap_or(""), next, lists))
            {
                mixed |= !d.is_ascii();
                hyphen |= d == '-';
                i += dw;
            } else {
                break;
            }
        }
        let (len, run) = ascii_alnum_run(bytes, i);
        i += len;
        counts = counts.wrapping_add(run);
    }
    WordTail {
        end: i,
        counts,
        mixed,
        hyphen,
    }
}

/// The run of ASCII letters and digits at `i`: its length, and its letters (low half) and
/// capitals (high half) summed from `LETTER_COUNT`.
#[inline(always)]
fn ascii_alnum_run(bytes: &[u8], i: usize) -> (usize, u64) {
    let rest = bytes.get(i..).unwrap_or(&[]);
    let mut counts = 0u64;
    let mut n = 0;
    for &d in rest {
        let v = LETTER_COUNT[usize::from(d)];
        if v == 0 {
            break;
        }
        counts = counts.wrapping_add(v);
        n += 1;
    }
    (n, counts)
}

/// What a word adds up per ASCII byte: 1 for a letter, and `1 << 32` more for a capital; digits
/// add only the top bit (which carries away), so that every letter or digit counts nonzero.
static LETTER_COUNT: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            1 | 1 << 32
        } else if c.is_ascii_lowercase() {
            1
        } else if c.is_ascii_digit() {
            1 << 63
        } else {
            0
        };
        b += 1;
    }
    t
};

fn saturate(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

fn is_combining(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// Whether the dot after `word` (followed by `next`) belongs to it: initials and dotted acronyms
/// ("J.", "U.S.", "Mr.") keep their dots.
fn dotted(word: &str, next: Option<char>, lists: &TokenLists) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    // "U.S" + "." or "U" + ".S."
    let segs_short = word.split('.').all(|p| p.chars().count() <= 2);
    if word.contains('.') && segs_short {
        return true;
    }
    if letters == 1 && word.chars().next().is_some_and(char::is_uppercase) {
        return true;
    }
    if next.is_some_and(char::is_alphabetic) && letters <= 2 {
        return true;
    }
    lists.dotted.contains(word)
}

/// "al-Kabariti", "el-Sheikh", "bin-Laden": a listed prefix before a capitalised name.
fn prefixed_cap(s: &str, lists: &TokenLists) -> bool {
    s.split_once('-').is_some_and(|(pre, rest)| {
        lists.hyphen_prefixes.contains(pre) && rest.chars().next().is_some_and(char::is_uppercase)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn space_class_is_char_white_space() {
        for b in 0..128u8 {
            let space = ascii::class(b) & (SPACE | NEWLINE) != 0;
            assert_eq!(space, char::from(b).is_whitespace(), "{b}");
        }
    }

    #[test]
    fn token_table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Turkey’s Foreign Minister",
                &["Turkey", "’s", "Foreign", "Minister"],
            ),
            ("U.S. Under Secretary", &["U.S.", "Under", "Secretary"]),
            ("Mr. Pashinyan said.", &["Mr.", "Pashinyan", "said", "."]),
            (
                "Yerevan–Baku–Yerevan",
                &["Yerevan", "–", "Baku", "–", "Yerevan"],
            ),
            (
                "Lebanese-Armenian O'Neill",
                &["Lebanese-Armenian", "O'Neill"],
            ),
            (
                "M. Atherton 1996-08-22 3.5",
                &["M.", "Atherton", "1996-08-22", "3.5"],
            ),
            ("farmers' union", &["farmers", "'", "union"]),
            (
                "Gen. Odierno and Acme Corp.",
                &["Gen.", "Odierno", "and", "Acme", "Corp."],
            ),
            ("the gen. of", &["the", "gen", ".", "of"]),
        ];
        let lists = TokenLists::load(&Assets::builtin());
        for (text, want) in cases {
            let got: Vec<&str> = tokenize(text, &lists)
                .toks
                .iter()
                .map(|t| t.span.slice(text))
                .collect();
            assert_eq!(got, *want, "{text}");
        }
    }
}
