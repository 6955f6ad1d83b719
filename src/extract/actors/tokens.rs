//! Tokens for name finding: words (with inner hyphens, apostrophes and acronym dots), numbers,
//! possessive `'s` and single punctuation marks, each with its byte span and folded form.
//!
//! Folded forms live in one buffer per document rather than one `String` per token: the buffer
//! starts as the ASCII-lowercased text (same byte offsets), so an ASCII token's fold is the same
//! range of the buffer as its span in the text; other tokens' folds are appended after it.

use crate::model::Span;

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
    pub kind: TokKind,
    /// Where the folded form sits in `Tokens::folds`; equal to `span` when folded in place.
    pub fold: Span,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Has at least two letters, all upper case ("NATO", "BRUSSELS", "U.S.").
    pub upper: bool,
    /// A line break lies between this token and the one before.
    pub nl_before: bool,
    /// For words folded in place: how many letters, and how many of them capitals (both stop
    /// at `u16::MAX`, which means: count again).
    pub letters: u16,
    pub caps: u16,
}

impl Tok {
    /// Whether the token opens a line (or the text).
    pub fn nl_before_or_first(&self, index: usize) -> bool {
        self.nl_before || index == 0
    }

    /// Whether the folded form is the text's own bytes, lower-cased in place (ASCII tokens).
    pub fn folded_in_place(&self) -> bool {
        self.fold == self.span
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
pub fn tokenize(text: &str) -> Tokens {
    let mut tokens = Tokens::default();
    tokenize_into(text, &mut tokens);
    tokens
}

/// `tokenize`, into the buffers of `tokens` (cleared first), so their memory serves again.
pub fn tokenize_into(text: &str, tokens: &mut Tokens) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let Tokens { toks: out, folds } = tokens;
    out.clear();
    out.reserve(n / 4 + 8);
    folds.clear();
    folds.push_str(text);
    folds.make_ascii_lowercase();
    // The char at byte offset `i` (a char boundary, or past the end); ASCII needs no decoding.
    let at = |i: usize| match bytes.get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text.get(i..).and_then(|s| s.chars().next()),
        None => None,
    };
    let mut i = 0;
    let mut nl = false;
    while let Some(c) = at(i) {
        if c == ' ' {
            i += 1;
            continue;
        }
        let w = c.len_utf8();
        if c.is_whitespace() {
            nl |= c == '\n';
            i += w;
            continue;
        }
        let start = i;
        let kind;
        // For words: letters and upper-case letters, counted on the way over ASCII; `mixed`
        // when a non-ASCII char is part of the word (then counted again below).
        let (mut up, mut total, mut mixed) = (0usize, 0usize, false);
        // A word took in a hyphen: only then can it be "al-Kabariti".
        let mut hyphen = false;
        if is_apos(c)
            && at(i + w).is_some_and(|c| c == 's' || c == 'S')
            && !at(i + w + 1).is_some_and(char::is_alphanumeric)
            && text[..i]
                .chars()
                .next_back()
                .is_some_and(|p| !p.is_whitespace())
        {
            i += w + 1;
            kind = TokKind::Poss;
        } else if c.is_ascii_digit() {
            i += w;
            while let Some(d) = at(i) {
                if d.is_alphanumeric()
                    || (matches!(d, '.' | ',' | ':' | '-' | '/')
                        && at(i + 1).is_some_and(|x| x.is_ascii_digit()))
                {
                    i += d.len_utf8();
                } else {
                    break;
                }
            }
            kind = TokKind::Number;
        } else if c.is_alphabetic() {
            mixed = !c.is_ascii();
            i += w;
            loop {
                // Plain ASCII letters and digits: the common case, no decoding needed.
                while let Some(&b) = bytes.get(i) {
                    let class = ASCII_CLASS[usize::from(b)];
                    if class == 0 {
                        break;
                    }
                    total += usize::from(class & LETTER);
                    up += usize::from((class & CAPITAL) >> 1);
                    i += 1;
                }
                // Other ASCII chars end the word unless a rule below can take them in.
                if bytes
                    .get(i)
                    .is_none_or(|&b| b.is_ascii() && !matches!(b, b'-' | b'&' | b'\'' | b'.'))
                {
                    break;
                }
                let Some(d) = at(i) else { break };
                let dw = d.len_utf8();
                if d.is_alphanumeric() {
                    mixed = true;
                    i += dw;
                    continue;
                }
                let next = at(i + dw);
                let inner_join = (d == '-' || d == '&') && next.is_some_and(char::is_alphanumeric);
                // "O'Neill" keeps its apostrophe; "Turkey's" does not.
                let inner_apos = is_apos(d)
                    && next.is_some_and(char::is_alphabetic)
                    && (!matches!(next, Some('s' | 'S'))
                        || at(i + dw + 1).is_some_and(char::is_alphanumeric));
                if (!d.is_ascii() && is_combining(d))
                    || inner_join
                    || inner_apos
                    || (d == '.' && dotted(&text[start..i], next))
                {
                    mixed |= !d.is_ascii();
                    hyphen |= d == '-';
                    i += dw;
                } else {
                    break;
                }
            }
            kind = TokKind::Word;
        } else {
            i += w;
            kind = TokKind::Punct;
        }
        let span = Span::new(start, i);
        let s = span.slice(text);
        let word = kind == TokKind::Word;
        let ascii = if word { !mixed } else { s.is_ascii() };
        if word {
            if ascii {
                // The first letter was not counted in the loop.
                total += 1;
                up += usize::from(c.is_ascii_uppercase());
            } else {
                (up, total) = (0, 0);
                for l in s.chars().filter(|c| c.is_alphabetic()) {
                    total += 1;
                    up += usize::from(l.is_uppercase());
                }
            }
        }
        let fold = if ascii {
            span
        } else if kind == TokKind::Punct {
            Span::new(0, 0)
        } else {
            let from = folds.len();
            folds.push_str(&crate::text::fold(s));
            Span::new(from, folds.len())
        };
        out.push(Tok {
            span,
            kind,
            fold,
            cap: word && (c.is_uppercase() || hyphen && prefixed_cap(s)),
            upper: word && total >= 2 && up == total,
            nl_before: nl,
            letters: if word && ascii { saturate(total) } else { 0 },
            caps: if word && ascii { saturate(up) } else { 0 },
        });
        nl = false;
    }
}

/// `ASCII_CLASS` bits: an ASCII letter, and (with it) a capital; digits have only `DIGIT`.
const LETTER: u8 = 1;
const CAPITAL: u8 = 2;
const DIGIT: u8 = 4;

/// What each byte is, for the ASCII letters and digits the word loop runs over (0: anything else).
static ASCII_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            LETTER | CAPITAL
        } else if c.is_ascii_lowercase() {
            LETTER
        } else if c.is_ascii_digit() {
            DIGIT
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
fn dotted(word: &str, next: Option<char>) -> bool {
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
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Prof"
            | "Gen"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Lt"
            | "Col"
            | "Capt"
            | "Sgt"
            | "Maj"
            | "Adm"
            | "Rev"
            | "St"
            | "Jr"
            | "Sr"
            | "Inc"
            | "Corp"
            | "Co"
            | "Ltd"
            | "Cmdr"
            | "Brig"
            | "Fr"
            | "Hon"
            | "Supt"
            | "Insp"
            | "Det"
    )
}

/// "al-Kabariti", "el-Sheikh", "bin-Laden": an Arabic article before a capitalised name.
fn prefixed_cap(s: &str) -> bool {
    s.split_once('-').is_some_and(|(pre, rest)| {
        matches!(
            pre,
            "al" | "el"
                | "ul"
                | "ad"
                | "as"
                | "ash"
                | "bin"
                | "ibn"
                | "abu"
                | "abd"
                | "ben"
                | "van"
                | "de"
                | "d'"
        ) && rest.chars().next().is_some_and(char::is_uppercase)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
        ];
        for (text, want) in cases {
            let got: Vec<&str> = tokenize(text)
                .toks
                .iter()
                .map(|t| t.span.slice(text))
                .collect();
            assert_eq!(got, *want, "{text}");
        }
    }
}
