//! Word wrapping of article text into display lines that stay byte spans of the original, so
//! highlights (sentence, quotes, mentions, dates) can be painted by offset.

use super::format::char_width;
use crate::model::Span;

/// Wraps `text` to `width` columns: one span per display line, an empty span between paragraphs.
pub fn wrap(text: &str, width: usize) -> Vec<Span> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut para_start = 0;
    for para in text.split_inclusive('\n') {
        let start = para_start;
        para_start += para.len();
        let body = para.trim_end_matches(['\n', '\r']);
        if body.trim().is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(Span::new(start, start));
        }
        wrap_paragraph(body, start, width, &mut lines);
    }
    lines
}

fn wrap_paragraph(body: &str, base: usize, width: usize, lines: &mut Vec<Span>) {
    let mut line: Option<(usize, usize)> = None; // (start, end) bytes relative to body
    let mut used = 0;
    for (ws, word) in words(body) {
        let w: usize = word.chars().map(char_width).sum();
        let we = ws + word.len();
        match line {
            Some((ls, _)) if used + 1 + w <= width => {
                line = Some((ls, we));
                used += 1 + w;
            }
            _ => {
                if let Some((ls, le)) = line.take() {
                    lines.push(Span::new(base + ls, base + le));
                }
                if w <= width {
                    line = Some((ws, we));
                    used = w;
                } else {
                    // A word wider than the pane: cut it at char boundaries.
                    let mut cs = ws;
                    used = 0;
                    for (i, c) in word.char_indices() {
                        let cw = char_width(c);
                        if used + cw > width && used > 0 {
                            lines.push(Span::new(base + cs, base + ws + i));
                            cs = ws + i;
                            used = 0;
                        }
                        used += cw;
                    }
                    line = Some((cs, we));
                }
            }
        }
    }
    if let Some((ls, le)) = line {
        lines.push(Span::new(base + ls, base + le));
    }
}

/// Whitespace-separated words with their byte offsets.
fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = 0;
    std::iter::from_fn(move || {
        let tail = &s[rest..];
        let lead = tail.len() - tail.trim_start().len();
        let start = rest + lead;
        if start >= s.len() {
            return None;
        }
        let len = s[start..]
            .find(char::is_whitespace)
            .unwrap_or(s.len() - start);
        rest = start + len;
        Some((start, &s[start..start + len]))
    })
}

/// The display line holding byte `offset`.
pub fn line_of(lines: &[Span], offset: usize) -> usize {
    lines
        .partition_point(|l| l.end <= offset)
        .min(lines.len().saturating_sub(1))
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
        assert_eq!(line_of(&lines, text.find("four").unwrap()), 3);
        let wide = wrap("日本語日本語", 4);
        assert_eq!(wide.len(), 3);
    }
}
