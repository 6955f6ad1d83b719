//! Word wrapping of article text into display lines that stay byte spans of the original, so
//! highlights (sentence, quotes, mentions, dates, search matches) can be painted by offset.
//!
//! Wrapping is local: the source pane only ever wraps the few screens around what it shows, so a
//! keystroke costs the same in a 50 MB article as in a short one. Greedy wrapping depends only on
//! where a line starts, and lines are forced to start at known places — every paragraph start and
//! the first word at or after each multiple of `SEGMENT` bytes (a long run without spaces is cut
//! there too) — so wrapping can resume from the nearest such place before any offset and agree
//! with wrapping the whole text (in a very long paragraph, one line in `SEGMENT` bytes ends a
//! little early).
//!
//! A display line is a `Span`: a text line spans its words; the blank line between paragraphs is
//! the empty span at the `\n` that ends the paragraph before.

use super::format::char_width;
use crate::model::Span;

/// Bytes between forced line starts inside one paragraph.
pub const SEGMENT: usize = 16 * 1024;

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// The first char boundary at or after `i`.
fn ceil_char(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

/// The start of the first word at or after `i` (text length when none), not looking past `limit`.
fn word_at_or_after(text: &str, i: usize, limit: usize) -> usize {
    let b = text.as_bytes();
    let mut j = ceil_char(text, i);
    while j < b.len() && j <= limit && is_space(b[j]) {
        j += 1;
    }
    if j > limit {
        limit.saturating_add(1)
    } else {
        j
    }
}

/// The end of the word (token) starting at `t`: the next space, or the next segment boundary.
fn word_end(text: &str, t: usize) -> usize {
    let b = text.as_bytes();
    let seg_end = ceil_char(text, (t / SEGMENT + 1) * SEGMENT);
    let mut j = t;
    while j < b.len() && j < seg_end && !is_space(b[j]) {
        j += 1;
    }
    // Non-ASCII bytes are never spaces, so `j` is a char boundary unless cut at `seg_end`.
    ceil_char(text, j)
}

fn width_of(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// Where the text's first line starts.
pub fn first_line(text: &str) -> usize {
    word_at_or_after(text, 0, usize::MAX - 1).min(text.len())
}

/// The display line starting at `pos` (a line start: a word, or the `\n` of a blank line) and
/// where the next one starts; None at the end of the text.
pub fn next_line(text: &str, pos: usize, width: usize) -> Option<(Span, usize)> {
    let width = width.max(1);
    let b = text.as_bytes();
    if pos >= b.len() {
        return None;
    }
    if b[pos] == b'\n' {
        let t = word_at_or_after(text, pos + 1, usize::MAX - 1);
        return (t < b.len()).then_some((Span::new(pos, pos), t));
    }
    if is_space(b[pos]) {
        // Not a line start; resume at the next word.
        let t = word_at_or_after(text, pos, usize::MAX - 1);
        return next_line(text, t, width);
    }
    // The first word is measured only as far as the pane is wide: a run without spaces can be a
    // whole segment long, and measuring all of it for each of its display lines made wrapping it
    // quadratic in the segment.
    let seg_end = ceil_char(text, (pos / SEGMENT + 1) * SEGMENT);
    let mut used = 0;
    let mut end = seg_end.min(b.len());
    for (i, c) in text[pos..end].char_indices() {
        if c.is_ascii() && is_space(c as u8) {
            end = pos + i;
            break;
        }
        let cw = char_width(c);
        if used + cw > width && used > 0 {
            // A word wider than the pane: cut it at a char boundary.
            let cut = pos + i;
            return Some((Span::new(pos, cut), cut));
        }
        used += cw;
    }
    if used > width {
        // One character wider than the pane: the line holds it alone.
        return Some((Span::new(pos, end), end));
    }
    let mut prev = pos;
    loop {
        // The gap to the next word: a newline in it ends the paragraph.
        let mut j = end;
        let mut newline = None;
        while j < b.len() && is_space(b[j]) {
            if b[j] == b'\n' {
                newline = Some(j);
            }
            j += 1;
        }
        if j >= b.len() {
            return Some((Span::new(pos, end), b.len()));
        }
        if let Some(nl) = newline {
            return Some((Span::new(pos, end), nl));
        }
        if j / SEGMENT != prev / SEGMENT {
            return Some((Span::new(pos, end), j));
        }
        let e = word_end(text, j);
        let w = width_of(&text[j..e]);
        if used + 1 + w > width {
            return Some((Span::new(pos, end), j));
        }
        used += 1 + w;
        end = e;
        prev = j;
    }
}

/// A line start at or before `x` from which wrapping reaches `x`: the nearest paragraph start or
/// forced start, found by looking back a segment at a time.
pub fn resync(text: &str, x: usize) -> usize {
    let b = text.as_bytes();
    let x = x.min(b.len());
    let mut hi = x;
    loop {
        let k = hi / SEGMENT;
        let lo = k * SEGMENT;
        let mut best: Option<usize> = None;
        if let Some(nl) = memchr::memrchr(b'\n', &b[lo..hi]) {
            let t = word_at_or_after(text, lo + nl + 1, x);
            if t <= x {
                best = Some(t);
            }
        }
        let f = word_at_or_after(text, lo, x);
        if f <= x {
            best = Some(best.map_or(f, |p| p.max(f)));
        }
        if let Some(p) = best {
            return p;
        }
        if lo == 0 {
            return first_line(text);
        }
        hi = lo - 1;
    }
}

/// The start of the display line holding byte `x`.
pub fn line_start(text: &str, x: usize, width: usize) -> usize {
    let mut pos = resync(text, x);
    while let Some((_, next)) = next_line(text, pos, width) {
        if next > x || next <= pos {
            break;
        }
        pos = next;
    }
    pos
}

/// Up to `n` display lines from `pos`.
pub fn lines_from(text: &str, mut pos: usize, width: usize, n: usize) -> Vec<Span> {
    let mut out = Vec::with_capacity(n.min(1024));
    while out.len() < n {
        let Some((line, next)) = next_line(text, pos, width) else {
            break;
        };
        out.push(line);
        if next <= pos {
            break;
        }
        pos = next;
    }
    out
}

/// The line start `n` lines below `pos` (stopping at the last line).
pub fn down(text: &str, mut pos: usize, width: usize, n: usize) -> usize {
    for _ in 0..n {
        match next_line(text, pos, width) {
            Some((_, next)) if next < text.len() => pos = next,
            _ => break,
        }
    }
    pos
}

/// The line start `n` lines above the line start `pos` (stopping at the first line).
pub fn up(text: &str, pos: usize, width: usize, n: usize) -> usize {
    if n == 0 {
        return pos;
    }
    let first = first_line(text);
    let mut target = pos;
    let mut remaining = n;
    loop {
        if target <= first {
            return first;
        }
        let start = resync(text, target - 1);
        let mut starts = vec![start];
        let mut p = start;
        while let Some((_, next)) = next_line(text, p, width) {
            if next >= target || next <= p {
                break;
            }
            starts.push(next);
            p = next;
        }
        if starts.len() >= remaining {
            return starts[starts.len() - remaining];
        }
        remaining -= starts.len();
        target = start;
    }
}

/// The last line start that still fills a pane of `height` lines.
pub fn last_top(text: &str, width: usize, height: usize) -> usize {
    if text.is_empty() {
        return 0;
    }
    let last = line_start(text, text.len().saturating_sub(1), width);
    up(text, last, width, height.saturating_sub(1))
}

/// Every display line of `text` (for tests and short texts).
pub fn wrap(text: &str, width: usize) -> Vec<Span> {
    lines_from(text, first_line(text), width, usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_on_words_and_keeps_offsets() {
        let text = "one two three\nfour\n\nfive";
        let lines = wrap(text, 7);
        let shown: Vec<&str> = lines.iter().map(|s| s.slice(text)).collect();
        assert_eq!(shown, ["one two", "three", "", "four", "", "five"]);
        let wide = wrap("日本語日本語", 4);
        assert_eq!(wide.len(), 3);
    }

    #[test]
    fn local_wrapping_agrees_with_wrapping_everything() {
        let para = "The minister said the talks would resume next week in Geneva. ";
        let mut text = String::new();
        for i in 0..800 {
            text.push_str(para);
            if i % 400 == 399 {
                text.push_str("\n\n");
            }
        }
        text.push_str(&"x".repeat(3 * SEGMENT));
        for width in [7, 40, 79] {
            let all = wrap(&text, width);
            let starts: Vec<usize> = all.iter().map(|l| l.start).collect();
            for probe in (0..text.len()).step_by(4099) {
                let s = line_start(&text, probe, width);
                assert!(starts.binary_search(&s).is_ok(), "{probe} at {width}");
                let i = starts.binary_search(&s).unwrap();
                assert_eq!(
                    lines_from(&text, s, width, 3),
                    all[i..(i + 3).min(all.len())]
                );
                assert_eq!(up(&text, s, width, 5), starts[i.saturating_sub(5)]);
                assert_eq!(
                    down(&text, s, width, 2),
                    starts[(i + 2).min(starts.len() - 1)]
                );
            }
            let last = last_top(&text, width, 10);
            assert_eq!(last, starts[starts.len() - 10]);
        }
    }
}
