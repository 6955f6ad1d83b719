//! Tokens for name finding: words (with inner hyphens, apostrophes and acronym dots), numbers,
//! possessive `'s` and single punctuation marks, each with its byte span and folded form.

use super::lexicon::fold;
use crate::model::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Number,
    /// `'s` / `’s` after a name.
    Poss,
    Punct,
}

#[derive(Clone, Debug)]
pub struct Tok {
    pub span: Span,
    pub kind: TokKind,
    pub fold: String,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Has at least two letters, all upper case ("NATO", "BRUSSELS", "U.S.").
    pub upper: bool,
    /// A line break lies between this token and the one before.
    pub nl_before: bool,
}

impl Tok {
    /// Whether the token opens a line (or the text).
    pub fn nl_before_or_first(&self, index: usize) -> bool {
        self.nl_before || index == 0
    }
}

fn is_apos(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits `text` into tokens; never panics, spans always fall on char boundaries.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let off = |i: usize| chars.get(i).map_or(text.len(), |&(o, _)| o);
    let mut i = 0;
    let mut nl = false;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() {
            nl |= c == '\n';
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if is_apos(c)
            && at(i + 1).is_some_and(|c| c == 's' || c == 'S')
            && !at(i + 2).is_some_and(char::is_alphanumeric)
            && i > 0
            && !chars[i - 1].1.is_whitespace()
        {
            i += 2;
            kind = TokKind::Poss;
        } else if c.is_ascii_digit() {
            i += 1;
            while i < n {
                let d = chars[i].1;
                if d.is_alphanumeric()
                    || (matches!(d, '.' | ',' | ':' | '-' | '/')
                        && at(i + 1).is_some_and(|x| x.is_ascii_digit()))
                {
                    i += 1;
                } else {
                    break;
                }
            }
            kind = TokKind::Number;
        } else if c.is_alphabetic() {
            i += 1;
            while i < n {
                let d = chars[i].1;
                let next = at(i + 1);
                let inner_join = (d == '-' || d == '&') && next.is_some_and(char::is_alphanumeric);
                // "O'Neill" keeps its apostrophe; "Turkey's" does not.
                let inner_apos = is_apos(d)
                    && next.is_some_and(char::is_alphabetic)
                    && (!matches!(next, Some('s' | 'S'))
                        || at(i + 2).is_some_and(char::is_alphanumeric));
                if d.is_alphanumeric()
                    || is_combining(d)
                    || inner_join
                    || inner_apos
                    || (d == '.' && dotted(&chars, start, i))
                {
                    i += 1;
                } else {
                    break;
                }
            }
            kind = TokKind::Word;
        } else {
            i += 1;
            kind = TokKind::Punct;
        }
        let span = Span::new(off(start), off(i));
        let s = span.slice(text);
        let letters = s.chars().filter(|c| c.is_alphabetic());
        let (mut up, mut total) = (0, 0);
        for l in letters {
            total += 1;
            up += usize::from(l.is_uppercase());
        }
        out.push(Tok {
            span,
            kind,
            fold: if s.is_ascii() {
                s.to_ascii_lowercase()
            } else if kind == TokKind::Punct {
                String::new()
            } else {
                fold(s)
            },
            cap: kind == TokKind::Word
                && (s.chars().next().is_some_and(char::is_uppercase) || prefixed_cap(s)),
            upper: kind == TokKind::Word && total >= 2 && up == total,
            nl_before: nl,
        });
        nl = false;
    }
    out
}

fn is_combining(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// Whether the dot at `i` belongs to the word begun at `start`: initials and dotted acronyms
/// ("J.", "U.S.", "Mr.") keep their dots.
fn dotted(chars: &[(usize, char)], start: usize, i: usize) -> bool {
    let word: String = chars[start..i].iter().map(|&(_, c)| c).collect();
    let next = chars.get(i + 1).map(|&(_, c)| c);
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
        word.as_str(),
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
            let got: Vec<&str> = tokenize(text).iter().map(|t| t.span.slice(text)).collect();
            assert_eq!(got, *want, "{text}");
        }
    }
}
