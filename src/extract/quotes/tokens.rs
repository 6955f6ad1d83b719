//! Tokens for the quote rules: words and punctuation with byte spans, paragraph and sentence indices.
//!
//! A token is small (48 bytes): offsets and indices are `u32` (`extract` refuses texts of 4 GiB
//! and more), and its lower-cased form borrows from the ASCII-lowercased text, or for words with
//! other characters from one buffer of folds per document, never from a `String` of its own.

use super::lexicon::{Lexicon, WordInfo};
use crate::extract::segment::Segments;
use crate::model::Span;
use crate::text::char_at;

/// No sentence: the token sits in a heading or between sentences.
pub const NO_SENTENCE: u32 = u32::MAX;

#[derive(Clone, Copy, Debug)]
pub struct Tok<'t> {
    start: u32,
    end: u32,
    /// Lower-cased word (curly apostrophes made straight), or the punctuation character.
    pub lower: &'t str,
    pub para: u32,
    pub sent: u32,
    /// The quotation run the token sits in (marks included), if any.
    pub run: Option<u32>,
    /// What the word lists say about the word, looked up once.
    pub info: WordInfo,
    pub word: bool,
    /// Starts with an upper-case letter.
    pub cap: bool,
}

impl Tok<'_> {
    #[inline]
    pub fn start(&self) -> usize {
        self.start as usize
    }

    #[inline]
    pub fn end(&self) -> usize {
        self.end as usize
    }

    #[inline]
    pub fn span(&self) -> Span {
        Span::new(self.start(), self.end())
    }

    #[inline]
    pub fn is(&self, s: &str) -> bool {
        self.lower == s
    }

    /// A word of digits only: "1997", "1441".
    #[inline]
    pub fn is_number(&self) -> bool {
        self.word && self.lower.bytes().all(|b| b.is_ascii_digit())
    }

    /// A conjunction that may open a sentence before its subject: "And", "But", "Yet", "So".
    #[inline]
    pub fn is_opening_conjunction(&self) -> bool {
        self.word && matches!(self.lower, "and" | "but" | "yet" | "so")
    }

    /// A dash standing alone: "-", "–" or "—" (a run of them is one token with the first).
    #[inline]
    pub fn is_dash(&self) -> bool {
        !self.word && matches!(self.lower, "-" | "–" | "—")
    }

    #[inline]
    pub fn is_punct(&self, c: char) -> bool {
        let mut buf = [0u8; 4];
        !self.word
            && self
                .lower
                .as_bytes()
                .starts_with(c.encode_utf8(&mut buf).as_bytes())
    }
}

fn joins(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '&' | '\u{2011}')
}

fn alnum_at(text: &str, i: usize) -> bool {
    char_at(text, i).is_some_and(|(c, _)| c.is_alphanumeric())
}

/// The end of the run of ASCII letters and digits at byte `i`, read eight bytes at a time.
#[inline]
fn alnum_run(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let k = alnum_prefix(u64::from_le_bytes(*chunk));
        i += k;
        if k < 8 {
            return i;
        }
    }
    while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
        i += 1;
    }
    i
}

/// How many of the eight bytes of `chunk` (little-endian) from the first are ASCII letters or
/// digits. Each byte is range-tested in its own lane: with the top bit cleared first, no sum
/// carries into the next byte.
#[inline]
fn alnum_prefix(chunk: u64) -> usize {
    const ONE: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x80 * ONE;
    let low7 = chunk & !HI;
    // Top bit of each lane: set when the lane is >= lo, or when it is > hi.
    let at_least = |x: u64, lo: u64| x + (0x80 - lo) * ONE;
    let above = |x: u64, hi: u64| x + (0x7f - hi) * ONE;
    let folded = low7 | (0x20 * ONE);
    let letter = at_least(folded, b'a'.into()) & !above(folded, b'z'.into());
    let digit = at_least(low7, b'0'.into()) & !above(low7, b'9'.into());
    let alnum = (letter | digit) & !chunk & HI;
    ((!alnum & HI).trailing_zeros() / 8) as usize
}

/// `char::is_whitespace` for an ASCII byte.
fn ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// Paragraph and sentence indices for offsets that only grow: two moving pointers, with the
/// bounds they test cached.
struct Locator<'s> {
    segs: &'s Segments,
    p: usize,
    /// End of paragraph `p`, or `usize::MAX` for the last one (it takes all that follows).
    para_end: usize,
    s: usize,
    /// Start and end of sentence `s`, or `usize::MAX` past the last.
    sent_start: usize,
    sent_end: usize,
}

impl<'s> Locator<'s> {
    fn new(segs: &'s Segments) -> Self {
        let mut l = Locator {
            segs,
            p: 0,
            para_end: usize::MAX,
            s: 0,
            sent_start: usize::MAX,
            sent_end: usize::MAX,
        };
        l.set_para();
        l.set_sent();
        l
    }

    fn set_para(&mut self) {
        let ps = &self.segs.paragraphs;
        self.para_end = if self.p + 1 < ps.len() {
            ps[self.p].span.end
        } else {
            usize::MAX
        };
    }

    fn set_sent(&mut self) {
        (self.sent_start, self.sent_end) = match self.segs.sentences.get(self.s) {
            Some(s) => (s.span.start, s.span.end),
            None => (usize::MAX, usize::MAX),
        };
    }

    #[inline]
    fn at(&mut self, start: usize) -> (u32, u32) {
        while start >= self.para_end {
            self.p += 1;
            self.set_para();
        }
        while start >= self.sent_end {
            self.s += 1;
            self.set_sent();
        }
        let sent = if start >= self.sent_start {
            self.s as u32
        } else {
            NO_SENTENCE
        };
        (self.p as u32, sent)
    }
}

/// Splits `text` into tokens; paragraphs and sentences come from `segs`, word classes from `lex`.
/// `lowered` is `text` with ASCII letters lower-cased (same length): ASCII words borrow from it;
/// the folds of other words go to `folds`. `text` must be shorter than 4 GiB.
pub fn tokenize<'t>(
    text: &'t str,
    lowered: &'t str,
    folds: &'t mut String,
    segs: &Segments,
    lex: &Lexicon,
) -> Vec<Tok<'t>> {
    let mut out: Vec<Tok> = Vec::with_capacity(text.len() / 5 + 16);
    // Tokens whose lower form sits in `folds` (index, range): set once `folds` is complete.
    let mut folded: Vec<(usize, usize, usize)> = Vec::new();
    folds.clear();
    let bytes = text.as_bytes();
    let low = lowered.as_bytes();
    let mut loc = Locator::new(segs);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if ascii_space(b) {
            i += 1;
            continue;
        }
        let (c, n) = if b.is_ascii() {
            (char::from(b), 1)
        } else {
            let Some(cn) = char_at(text, i) else { break };
            if cn.0.is_whitespace() {
                i += cn.1;
                continue;
            }
            cn
        };
        let (para, sent) = loc.at(i);
        let word = if b.is_ascii() {
            b.is_ascii_alphanumeric() || ((b == b'@' || b == b'#') && alnum_at(text, i + 1))
        } else {
            c.is_alphanumeric()
        };
        if !word {
            // A row of one mark ("...", "--", a wall of quotation marks) is one token: no rule
            // reads its marks one by one, and each token costs memory.
            let mut n = n;
            while text.as_bytes()[i + n..].starts_with(&text.as_bytes()[i..i + char_len(c)]) {
                n += char_len(c);
            }
            out.push(Tok {
                start: i as u32,
                end: (i + n) as u32,
                lower: &text[i..i + char_len(c)],
                para,
                sent,
                run: None,
                info: WordInfo::default(),
                word: false,
                cap: false,
            });
            i += n;
            continue;
        }
        let mut end = i + n;
        let mut ascii = b.is_ascii();
        loop {
            // Runs of ASCII letters and digits need none of the checks below.
            end = alnum_run(bytes, end);
            let Some(&db) = bytes.get(end) else { break };
            // Only these ASCII characters may continue a word after its letters and digits.
            if db.is_ascii() && !matches!(db, b'\'' | b'-' | b'.' | b'&') {
                break;
            }
            let Some((d, dn)) = char_at(text, end) else {
                break;
            };
            // A joiner stays inside the word only between two alphanumerics; a plural
            // possessive keeps its apostrophe ("Sanders’ campaign").
            let inner = d.is_alphanumeric() || (joins(d) && alnum_at(text, end + dn));
            // The char before `end` is an 's' exactly when its last byte is (UTF-8).
            let last_s = end > i && matches!(bytes[end - 1], b's' | b'S');
            let possessive = matches!(d, '\'' | '’') && last_s && !inner;
            if !(inner || possessive) {
                break;
            }
            end += dn;
            ascii &= d.is_ascii();
            if possessive {
                break;
            }
        }
        // ASCII words borrow their lower case from `lowered`; others are folded into `folds`.
        let (lower, info) = if ascii {
            let lower = &lowered[i..end];
            (lower, lex.info_ascii(lower, low, i))
        } else {
            let from = folds.len();
            text[i..end].chars().for_each(|ch| push_lower(folds, ch));
            folded.push((out.len(), from, folds.len()));
            ("", lex.info(&folds[from..]))
        };
        out.push(Tok {
            start: i as u32,
            end: end as u32,
            lower,
            para,
            sent,
            run: None,
            info,
            word: true,
            cap: c.is_uppercase(),
        });
        i = end;
    }
    let folds: &'t String = folds;
    for (k, a, b) in folded {
        out[k].lower = &folds[a..b];
    }
    out
}

fn char_len(c: char) -> usize {
    c.len_utf8()
}

fn push_lower(s: &mut String, c: char) {
    match c {
        '’' | '‘' => s.push('\''),
        '\u{2011}' => s.push('-'),
        c if c.is_ascii() => s.push(c.to_ascii_lowercase()),
        c => s.extend(c.to_lowercase()),
    }
}

/// The index of the first token starting at or after `offset`.
pub fn first_at(toks: &[Tok<'_>], offset: usize) -> usize {
    toks.partition_point(|t| t.start() < offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alnum_runs_match_a_byte_loop() {
        let cases = [
            ("", 0, 0),
            ("abc", 0, 3),
            ("abcdefghij klm", 0, 10),
            ("Zz09Aa@`[{/:xyz", 0, 6),
            ("héllo", 0, 1),
            ("0123456789abcdefXYZ!", 0, 19),
            ("  word", 2, 6),
            ("a\u{10}\u{19}bcdefgh", 0, 1),
        ];
        for (text, from, want) in cases {
            assert_eq!(alnum_run(text.as_bytes(), from), want, "{text:?}");
        }
        // Every byte value, at every position of an eight-byte chunk.
        for b in 0..=255u8 {
            for pos in 0..8 {
                let mut chunk = *b"abcdefgh";
                chunk[pos] = b;
                let want = if b.is_ascii_alphanumeric() { 8 } else { pos };
                assert_eq!(
                    alnum_prefix(u64::from_le_bytes(chunk)),
                    want,
                    "{b} at {pos}"
                );
            }
        }
    }
}
