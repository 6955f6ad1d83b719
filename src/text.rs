//! Text helpers shared by extraction and views: case and diacritic folding, slugs, safe display.

use chrono::{Datelike, NaiveDate};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower-cases and strips diacritics, so "Erdoğan" and "erdogan" compare equal. ASCII, which most
/// names and words are, takes a fast path with the same result.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.nfkd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'ı' => out.push('i'),
            'ø' | 'Ø' => out.push('o'),
            'ł' | 'Ł' => out.push('l'),
            'đ' | 'Đ' => out.push('d'),
            'ß' => out.push_str("ss"),
            '’' | '‘' => out.push('\''),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// `fold(a) == fold(b)`, without allocating when both are ASCII.
pub fn same_fold(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        fold(a) == fold(b)
    }
}

/// A lower-case ASCII-ish identifier: "Nikol Pashinyan" → "nikol-pashinyan".
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut dash = false;
    for c in fold(s).chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    out
}

/// Replaces control characters (and so escape sequences) with visible stand-ins, keeping newlines
/// out: article text must never drive the terminal. The browser's screen text goes through it;
/// messages on standard error go through `escape_for_terminal`, which shares its test of a char.
pub fn sanitize_line(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => ' ',
            c if is_unsafe_for_terminal(c) => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// Characters that must never reach a terminal as they are: the C0 and C1 controls and DEL (which
/// make up escape sequences such as `ESC ] 0 ; title BEL` or `ESC [ 2 J`), and the bidirectional
/// embeddings, overrides and isolates that make a file name read differently from its bytes.
pub fn is_unsafe_for_terminal(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A message fit for standard error: every character `is_unsafe_for_terminal` is written as a
/// Rust-style escape (`\x1b`, `\n`, `\u{9b}`), so a file name or a line of an article prints as
/// one visible line and can never drive the terminal. Borrowed when there is nothing to escape.
pub fn escape_for_terminal(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(is_unsafe_for_terminal) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_unsafe_for_terminal(c) => {
                let n = u32::from(c);
                if n < 0x80 {
                    out.push_str(&format!("\\x{n:02x}"));
                } else {
                    out.push_str(&format!("\\u{{{n:x}}}"));
                }
            }
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Whether `text[start..end]` stands as whole words: no letter or digit touches either end.
pub fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text
        .get(..start)
        .is_some_and(|t| t.chars().next_back().is_none_or(|c| !c.is_alphanumeric()));
    let after = text
        .get(end..)
        .is_some_and(|t| t.chars().next().is_none_or(|c| !c.is_alphanumeric()));
    before && after
}

/// `w` without the characters that are not letters or digits at either end: the same as
/// `w.trim_matches(|c: char| !c.is_alphanumeric())`, without decoding characters when an end is
/// ASCII (the sub-part rules call it for every word they read, many times per expression).
#[inline]
pub fn trim_to_alnum(w: &str) -> &str {
    // Most words have a letter or digit at both ends, and nothing to trim.
    match (w.as_bytes().first(), w.as_bytes().last()) {
        (Some(f), Some(l)) if f.is_ascii_alphanumeric() && l.is_ascii_alphanumeric() => w,
        _ => trim_to_alnum_bytes(w),
    }
}

fn trim_to_alnum_bytes(w: &str) -> &str {
    let b = w.as_bytes();
    let mut start = 0;
    while let Some(&c) = b.get(start) {
        if !c.is_ascii() || c.is_ascii_alphanumeric() {
            break;
        }
        start += 1;
    }
    let mut end = b.len();
    while end > start {
        let c = b[end - 1];
        if !c.is_ascii() || c.is_ascii_alphanumeric() {
            break;
        }
        end -= 1;
    }
    // The ASCII bytes passed over were whole characters, so `start..end` is on boundaries; a
    // non-ASCII character at an end is left to the decoding trim.
    let rest = w.get(start..end).unwrap_or("");
    match (rest.as_bytes().first(), rest.as_bytes().last()) {
        (Some(f), Some(l)) if !f.is_ascii() || !l.is_ascii() => {
            rest.trim_matches(|c: char| !c.is_alphanumeric())
        }
        _ => rest,
    }
}

/// What each ASCII byte is, from one table, for the tokenizers' byte loops (non-ASCII bytes: 0).
pub mod ascii {
    pub const LETTER: u8 = 1;
    pub const DIGIT: u8 = 2;
    /// White space other than a newline: space, tab, carriage return, vertical tab, form feed.
    pub const SPACE: u8 = 4;
    pub const NEWLINE: u8 = 8;
    /// '.', '!' or '?'.
    pub const SENTENCE_END: u8 = 16;

    pub static CLASS: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut b = 0;
        while b < 128 {
            let c = b as u8;
            t[b] = if c.is_ascii_alphabetic() {
                LETTER
            } else if c.is_ascii_digit() {
                DIGIT
            } else if matches!(c, b' ' | b'\t' | b'\r' | 0x0b | 0x0c) {
                SPACE
            } else if c == b'\n' {
                NEWLINE
            } else if matches!(c, b'.' | b'!' | b'?') {
                SENTENCE_END
            } else {
                0
            };
            b += 1;
        }
        t
    };

    /// The class bits of byte `b`.
    #[inline]
    pub fn class(b: u8) -> u8 {
        CLASS[usize::from(b)]
    }
}

/// The character at byte `i` of `text` and its length; ASCII without decoding.
#[inline]
pub fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// The English month names, January first: the one list behind every date a reader sees (the
/// browser, the exports, period headings) and the month words the command line reads.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "November" for a day in November.
pub fn month_name(d: NaiveDate) -> &'static str {
    MONTH_NAMES[d.month0() as usize]
}

/// "Nov" for a day in November: the name's first three letters.
pub fn month_abbr(d: NaiveDate) -> &'static str {
    &month_name(d)[..3]
}

/// A year as a reader writes it: "2025"; year 0 and before (ISO years, 0 = 1 BC) as "1 BC", so
/// that no heading reads "January 0".
pub fn year_label(y: i32) -> String {
    year_label_i64(y.into())
}

/// "21st", "2nd", "11th", "112th".
fn ordinal(n: i64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The whole years `a..=b` (ISO/TIMEX3 astronomical years: 0 is 1 BC, -1 is 2 BC) as a reader
/// names them: a year ("2025", "1 BC"), a decade ("1990s", "2000s", "10s BC"), a century ("21st
/// century", "1st century", "1st century BC"), else the span ("1950–1975", "51–21 BC",
/// "6 BC–AD 5"). A century is both its strict span (2001–2100, 1–100, 100–1 BC) and TIMEX3's
/// (2000–2099, "20"; 0–99 astronomical, "00"), so both read as one century; a decade is ten years
/// named by their common digits, so 0–9 (1 BC–AD 9) and -10..-1 (11–2 BC) are spans.
pub fn years_label(a: i32, b: i32) -> String {
    let (a, b) = (i64::from(a.min(b)), i64::from(a.max(b)));
    if a == b {
        return year_label_i64(a);
    }
    if b - a == 9 {
        if a > 0 && a % 10 == 0 {
            return format!("{a}s");
        }
        // BC decades count down: the 10s BC are 19–10 BC.
        let last_bc = 1 - b;
        if b <= 0 && last_bc % 10 == 0 {
            return format!("{last_bc}s BC");
        }
    }
    if b - a == 99 && matches!(a.rem_euclid(100), 0 | 1) {
        return if a >= 0 {
            format!("{} century", ordinal(a / 100 + 1))
        } else {
            // Counted from the last BC year, as AD centuries are from the first: 100–1 BC and
            // 101–2 BC are both the 1st century BC.
            format!("{} century BC", ordinal((-a - 99) / 100 + 1))
        };
    }
    if b <= 0 {
        format!("{}–{} BC", 1 - a, 1 - b)
    } else if a <= 0 {
        format!("{} BC–AD {b}", 1 - a)
    } else {
        format!("{a}–{b}")
    }
}

fn year_label_i64(y: i64) -> String {
    if y > 0 {
        y.to_string()
    } else {
        format!("{} BC", 1 - y)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_to_alnum_is_the_char_trim() {
        // '|' separates the cases; the first is the empty word.
        let cases = "|,|--|word|\"word,\"|(2004)|’s|“Quote”|é|«x»|a-b|—|'Tis|café,|,naïve|x\u{2019}|\u{2013}5\u{2013}|..|日本.|9";
        for w in cases.split('|') {
            assert_eq!(
                trim_to_alnum(w),
                w.trim_matches(|c: char| !c.is_alphanumeric()),
                "{w:?}"
            );
        }
    }

    #[test]
    fn ascii_classes_match_char() {
        for b in 0..=255u8 {
            let c = char::from(b);
            let k = ascii::class(b);
            let ascii = b.is_ascii();
            assert_eq!(k & ascii::LETTER != 0, ascii && c.is_alphabetic(), "{b}");
            assert_eq!(k & ascii::DIGIT != 0, c.is_ascii_digit(), "{b}");
            assert_eq!(
                k & (ascii::SPACE | ascii::NEWLINE) != 0,
                ascii && c.is_whitespace(),
                "{b}"
            );
        }
    }

    #[test]
    fn folding_and_slugs() {
        assert_eq!(fold("Erdoğan"), "erdogan");
        assert_eq!(fold("Ümit Özdağ"), "umit ozdag");
        assert_eq!(fold("İstanbul"), "istanbul");
        assert_eq!(fold("The U.S. Army"), "the u.s. army");
        assert_eq!(fold("Ørsted’s"), "orsted's");
        assert!(same_fold("Erdoğan", "ERDOGAN"));
        assert!(same_fold("Hakan Fidan", "hakan fidan"));
        assert!(!same_fold("Fidan", "Fidans"));
        assert_eq!(slug("Nikol Pashinyan"), "nikol-pashinyan");
        assert_eq!(slug("  U.S. Under-Secretary "), "u-s-under-secretary");
        assert_eq!(sanitize_line("a\x1b[31mb\tc"), "a\u{fffd}[31mb c");
        assert!(on_word_boundaries("the visit, then", 4, 9));
        assert!(matches!(
            escape_for_terminal("plain é"),
            std::borrow::Cow::Borrowed(_)
        ));

        assert!(!on_word_boundaries("revisit", 2, 7));
        assert!(!on_word_boundaries("é", 1, 2));
    }

    #[test]
    fn escapes_every_terminal_control_in_messages() {
        let cases = [
            ("a\x1b]0;pwned\x07b.txt", "a\\x1b]0;pwned\\x07b.txt"),
            ("\x1b[2J", "\\x1b[2J"),
            ("two\nlines\r\t", "two\\nlines\\r\\t"),
            ("del\x7f c1\u{9b}31m", "del\\x7f c1\\u{9b}31m"),
            ("evil\u{202e}txt.exe", "evil\\u{202e}txt.exe"),
            ("Erdoğan’s “quote” 中文", "Erdoğan’s “quote” 中文"),
        ];
        for (input, want) in cases {
            assert_eq!(escape_for_terminal(input), want, "{input:?}");
            assert!(
                !escape_for_terminal(input)
                    .chars()
                    .any(is_unsafe_for_terminal)
            );
        }
    }
}
