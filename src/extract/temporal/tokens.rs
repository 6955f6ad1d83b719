//! The tokenizer of the tagger: words, numbers and punctuation with byte spans, in one pass.
//!
//! A token's lower-case form borrows from the text unless lower-casing changes it, so most tokens
//! cost no allocation.

use std::borrow::Cow;

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
    pub norm: Cow<'a, str>,
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

impl Token<'_> {
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.norm.starts_with(c)
    }
}

/// Splits `text` into tokens; never slices off a char boundary.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut it = text.char_indices().peekable();
    let mut space = true;
    let mut newline = false;
    while let Some(&(i, c)) = it.peek() {
        if c.is_whitespace() {
            space = true;
            newline |= c == '\n';
            it.next();
            continue;
        }
        let mut tok = Token {
            start: i,
            end: i + c.len_utf8(),
            kind: Kind::Punct,
            norm: Cow::Borrowed(""),
            num: None,
            digits: 0,
            ordinal: false,
            plural: false,
            space_before: space,
            newline_before: newline,
        };
        space = false;
        newline = false;
        if c.is_alphabetic() {
            let mut end = i;
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphabetic() {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            tok.end = end;
            tok.kind = Kind::Word;
            tok.norm = lower(&text[i..end]);
        } else if c.is_ascii_digit() {
            read_number(text, &mut it, &mut tok);
        } else {
            it.next();
            tok.norm = match c {
                '\u{2010}'..='\u{2015}' | '\u{2212}' => Cow::Borrowed("-"),
                '\u{2018}' | '\u{2019}' | '`' => Cow::Borrowed("'"),
                _ => Cow::Borrowed(&text[i..i + c.len_utf8()]),
            };
        }
        out.push(tok);
    }
    out
}

fn read_number<'a>(
    text: &'a str,
    it: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
    tok: &mut Token<'a>,
) {
    let bytes = text.as_bytes();
    let start = tok.start;
    let mut end = start;
    let mut plain = true;
    while let Some(&(j, d)) = it.peek() {
        if d.is_ascii_digit() {
            end = j + 1;
            it.next();
        } else if (d == ',' || d == '.')
            && bytes.get(j + 1).is_some_and(u8::is_ascii_digit)
            && (d == '.' || digits_then_stop(bytes, j + 1))
        {
            // "1,700" and "3.5" are quantities, never years or days.
            plain = false;
            it.next();
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
    while let Some(&(j, d)) = it.peek() {
        if d.is_alphanumeric() {
            suffix_end = j + d.len_utf8();
            it.next();
        } else {
            break;
        }
    }
    if suffix_end > end {
        let suffix = lower_ascii(&text[end..suffix_end]);
        tok.end = suffix_end;
        match &*suffix {
            "st" | "nd" | "rd" | "th" => tok.ordinal = true,
            "s" => tok.plural = true,
            _ => {
                tok.kind = Kind::Code;
                tok.num = None;
            }
        }
    }
    tok.norm = lower_ascii(&text[start..tok.end]);
}

/// The lower-case form of a word, borrowed when it is ASCII without capitals (most words).
fn lower(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        lower_ascii(s)
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

/// ASCII letters lower-cased, anything else kept (numbers and their suffixes).
fn lower_ascii(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// True when exactly three digits follow `at` (a thousands group), so "5,2" is not glued.
fn digits_then_stop(bytes: &[u8], at: usize) -> bool {
    bytes.len() >= at + 3
        && bytes[at..at + 3].iter().all(u8::is_ascii_digit)
        && !bytes.get(at + 3).is_some_and(u8::is_ascii_digit)
}
