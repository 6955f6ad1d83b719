//! The tokenizer of the tagger: words, numbers and punctuation with byte spans, in one pass.
//!
//! A token's lower-case form borrows from the ASCII-lower-cased text; words with other letters
//! are lower-cased into one buffer per text, so no token allocates.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Letters (lower-cased in `norm`).
    Word,
    /// A run of digits, possibly with thousands commas, a decimal part or an ordinal suffix.
    Num,
    /// Digits glued to letters that are not an ordinal suffix ("5G", "1990s" is a `Num` with `plural`).
    Code,
    /// One punctuation or symbol character.
    Punct,
}

#[derive(Clone, Debug)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Lower-cased text; for punctuation the character itself (dashes folded to '-', quotes to '\'').
    pub norm: &'a str,
    /// The value of a plain `Num` (no decimal part, no thousands commas).
    pub num: Option<u32>,
    /// Digits in a plain `Num`.
    pub digits: u8,
    /// "21st", "3rd".
    pub ordinal: bool,
    /// "1990s".
    pub plural: bool,
    /// Whitespace (or nothing) separates it from the token before.
    pub space_before: bool,
    /// A newline lies between it and the token before.
    pub newline_before: bool,
}

impl<'a> Token<'a> {
    /// A token with no number readings (the tokenizer fills those in for numbers).
    #[inline]
    fn new(
        start: usize,
        end: usize,
        kind: Kind,
        norm: &'a str,
        space: bool,
        newline: bool,
    ) -> Self {
        Token {
            start,
            end,
            kind,
            norm,
            num: None,
            digits: 0,
            ordinal: false,
            plural: false,
            space_before: space,
            newline_before: newline,
        }
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.norm.starts_with(c)
    }
}

use super::lexicon::{Entry, Lexicon};
use crate::text::{ascii, char_at};

/// Splits `text` into tokens; never slices off a char boundary. `lower` is
/// `text.to_ascii_lowercase()` (same byte offsets), which ASCII tokens borrow their `norm` from;
/// words with other letters borrow theirs from `arena`, which this fills.
#[cfg(test)]
pub fn tokenize<'a>(text: &'a str, lower: &'a str, arena: &'a mut String) -> Vec<Token<'a>> {
    tokenize_with(text, lower, arena, &Lexicon::default()).0
}

/// `tokenize`, and with it each token's lexicon entry (words only), looked up as the word is read.
pub fn tokenize_with<'a, 'l>(
    text: &'a str,
    lower: &'a str,
    arena: &'a mut String,
    lex: &'l Lexicon,
) -> (Vec<Token<'a>>, Vec<Option<&'l Entry>>) {
    debug_assert_eq!(text.len(), lower.len());
    let bytes = text.as_bytes();
    // About one token per four bytes of news text: room enough that the vector rarely grows.
    let mut out = Vec::with_capacity(text.len() / 4 + 16);
    let mut ents = Vec::with_capacity(text.len() / 4 + 16);
    // (token, start and end in `arena`) of the words lower-cased into `arena`.
    let mut owned: Vec<(usize, usize, usize)> = Vec::new();
    arena.clear();
    let mut pos = 0;
    let mut space = true;
    let mut newline = false;
    while let Some(&b) = bytes.get(pos) {
        let i = pos;
        if b.is_ascii_alphabetic() {
            // The common case: an ASCII word, its end found without decoding.
            let rest = bytes.get(i + 1..).unwrap_or(&[]);
            let run = rest
                .iter()
                .position(|&n| ascii::class(n) & ascii::LETTER == 0)
                .unwrap_or(rest.len());
            let end = i + 1 + run;
            if rest.get(run).is_none_or(|&n| n < 0x80) {
                let norm = lower.get(i..end).unwrap_or("");
                out.push(Token::new(i, end, Kind::Word, norm, space, newline));
                ents.push(lex.entry(norm));
                space = false;
                newline = false;
                pos = end;
                continue;
            }
        }
        let (c, len) = if b < 0x80 {
            // ASCII whitespace without decoding: the commonest byte after letters.
            if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
                space = true;
                newline |= b == b'\n';
                pos += 1;
                continue;
            }
            (b as char, 1)
        } else {
            match char_at(text, pos) {
                Some(x) => x,
                None => break,
            }
        };
        if c.is_whitespace() {
            space = true;
            pos += len;
            continue;
        }
        let mut tok = Token::new(i, i + len, Kind::Punct, "", space, newline);
        let mut ent = None;
        space = false;
        newline = false;
        if b.is_ascii_alphabetic() || (b >= 0x80 && c.is_alphabetic()) {
            let mut end = i + len;
            let mut ascii = b < 0x80;
            loop {
                match bytes.get(end) {
                    Some(b) if b.is_ascii_alphabetic() => end += 1,
                    Some(b) if *b >= 0x80 => match char_at(text, end) {
                        Some((d, l)) if d.is_alphabetic() => {
                            end += l;
                            ascii = false;
                        }
                        _ => break,
                    },
                    _ => break,
                }
            }
            pos = end;
            tok.end = end;
            tok.kind = Kind::Word;
            match lower.get(i..end) {
                Some(l) if ascii => {
                    tok.norm = l;
                    ent = lex.entry(l);
                }
                _ => {
                    let from = arena.len();
                    // `str::to_lowercase`, not per char: a final sigma lower-cases to 'ς'.
                    arena.push_str(&text[i..end].to_lowercase());
                    owned.push((out.len(), from, arena.len()));
                }
            }
        } else if b.is_ascii_digit() {
            pos = read_number(text, lower, &mut tok);
        } else {
            pos += len;
            tok.norm = match c {
                '\u{2010}'..='\u{2015}' | '\u{2212}' => "-",
                '\u{2018}' | '\u{2019}' | '`' => "'",
                _ => &text[i..i + len],
            };
        }
        out.push(tok);
        ents.push(ent);
    }
    let arena: &'a String = arena;
    for (k, from, to) in owned {
        let norm = arena.get(from..to).unwrap_or("");
        out[k].norm = norm;
        ents[k] = lex.entry(norm);
    }
    (out, ents)
}

/// Reads the number starting at `tok.start`; returns the byte offset after it.
fn read_number<'a>(text: &'a str, lower: &'a str, tok: &mut Token<'a>) -> usize {
    let bytes = text.as_bytes();
    let start = tok.start;
    let mut end = start;
    let mut j = start;
    let mut plain = true;
    while let Some(&d) = bytes.get(j) {
        if d.is_ascii_digit() {
            end = j + 1;
            j += 1;
        } else if (d == b',' || d == b'.')
            && bytes.get(j + 1).is_some_and(u8::is_ascii_digit)
            && (d == b'.' || digits_then_stop(bytes, j + 1))
        {
            // "1,700" and "3.5" are quantities, never years or days.
            plain = false;
            j += 1;
        } else {
            break;
        }
    }
    tok.end = end;
    tok.kind = Kind::Num;
    let digits = &text[start..end];
    if plain && digits.len() <= 9 {
        tok.num = digits.parse().ok();
        tok.digits = digits.len() as u8;
    }
    // Letters glued on: an ordinal suffix, a plural "s", or a code like "5G".
    let mut suffix_end = end;
    while let Some((d, l)) = char_at(text, suffix_end) {
        if d.is_alphanumeric() {
            suffix_end += l;
        } else {
            break;
        }
    }
    // "9am", "4.15pm" (British style): the clock and its "am" are two tokens, as in "9 am".
    if matches!(lower.get(end..suffix_end), Some("am" | "pm")) {
        tok.norm = lower.get(start..end).unwrap_or("");
        return end;
    }
    if suffix_end > end {
        tok.end = suffix_end;
        match lower.get(end..suffix_end).unwrap_or("") {
            "st" | "nd" | "rd" | "th" => tok.ordinal = true,
            "s" => tok.plural = true,
            _ => {
                tok.kind = Kind::Code;
                tok.num = None;
            }
        }
    }
    tok.norm = lower.get(start..tok.end).unwrap_or("");
    suffix_end
}

/// True when exactly three digits follow `at` (a thousands group), so "5,2" is not glued.
fn digits_then_stop(bytes: &[u8], at: usize) -> bool {
    bytes.len() >= at + 3
        && bytes[at..at + 3].iter().all(u8::is_ascii_digit)
        && !bytes.get(at + 3).is_some_and(u8::is_ascii_digit)
}
