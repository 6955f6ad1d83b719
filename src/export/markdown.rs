//! A Markdown brief (CommonMark): a title, a heading per date as precisely as it is known, one
//! bullet per happening with its sources as links, and its quotes under it with speaker and outlet.
//! Article text is escaped so that it can never become markup, and kept on one line.

use std::io::{self, Write};

use super::common::{Happening, date_label, happenings, one_line};
use super::select::Selection;
use crate::corpus::Corpus;
use crate::ids::{DocId, QuoteId};

pub(super) fn write(c: &Corpus, selection: &Selection, out: &mut dyn Write) -> io::Result<()> {
    let mut w = io::BufWriter::with_capacity(1 << 16, out);
    let docs = c.documents.len();
    let title = match selection.describe() {
        s if s.is_empty() => "Timeline".to_string(),
        s => format!("Timeline: {s}"),
    };
    writeln!(w, "# {}\n", escape(&title))?;
    writeln!(
        w,
        "{} events from {} article{}.",
        c.events.len(),
        docs,
        if docs == 1 { "" } else { "s" }
    )?;
    let mut heading: Option<String> = None;
    for h in happenings(c) {
        let label = match (h.earliest, h.latest) {
            (Some(a), Some(b)) => date_label(a, b.max(a)),
            _ => "Undated".to_string(),
        };
        if heading.as_deref() != Some(label.as_str()) {
            writeln!(w, "\n## {label}\n")?;
            heading = Some(label);
        }
        bullet(c, &h, &mut w)?;
    }
    w.flush()
}

fn bullet(c: &Corpus, h: &Happening, w: &mut dyn Write) -> io::Result<()> {
    let Some(e) = c.events.get(h.label) else {
        return Ok(());
    };
    let text = one_line(e.span().slice(&c.documents[e.doc()].text));
    let mut sources: Vec<DocId> = h.events.iter().map(|&e| c.events[e].doc()).collect();
    sources.sort_unstable();
    sources.dedup();
    let links: Vec<String> = sources.iter().map(|&d| source_link(c, d)).collect();
    writeln!(
        w,
        "- {} — {}",
        escape_start(&escape(&text)),
        links.join(", ")
    )?;
    let mut quotes: Vec<QuoteId> = h
        .events
        .iter()
        .flat_map(|&e| c.events[e].quotes().iter())
        .collect();
    quotes.sort_unstable();
    quotes.dedup();
    for q in quotes {
        let quote = &c.quotes[q];
        let d = &c.documents[quote.doc()];
        let said = one_line(quote.span().slice(&d.text));
        let speakers: Vec<&str> = quote
            .speakers()
            .iter()
            .map(|a| c.actors[a].name.as_str())
            .collect();
        let who = if speakers.is_empty() {
            quote
                .speaker_span()
                .map(|s| one_line(s.slice(&d.text)))
                .unwrap_or_else(|| "unattributed".into())
        } else {
            speakers.join(", ")
        };
        let outlet = d.source.as_deref().map(one_line).unwrap_or_default();
        let tail = if outlet.is_empty() {
            escape(&who)
        } else {
            format!("{} ({})", escape(&who), escape(&outlet))
        };
        writeln!(w, "  - {} — {}", escape_start(&escape(&said)), tail)?;
    }
    Ok(())
}

/// "[Outlet: Title](url)", or the same words in italics without a link, or the document id.
fn source_link(c: &Corpus, d: DocId) -> String {
    let doc = &c.documents[d];
    let name = match (doc.source.as_deref(), doc.title.as_deref()) {
        (Some(s), Some(t)) => format!("{}: {}", one_line(s), one_line(t)),
        (Some(s), None) => one_line(s),
        (None, Some(t)) => one_line(t),
        (None, None) => one_line(&doc.id),
    };
    match doc
        .url
        .as_deref()
        .map(link_target)
        .filter(|u| !u.is_empty())
    {
        Some(url) => format!("[{}](<{url}>)", escape(&name)),
        None => format!("*{}*", escape(&name)),
    }
}

/// A URL as a CommonMark pointy-bracket destination: no spaces, controls or angle brackets.
fn link_target(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for ch in url.trim().chars() {
        match ch {
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            ' ' => out.push_str("%20"),
            '\\' => out.push_str("%5C"),
            c if c.is_control() || c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    out
}

/// Backslash-escapes the ASCII punctuation that could start markup inside a line.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for ch in s.chars() {
        if matches!(
            ch,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// Escapes what would make a list item's text a block of its own: a leading list marker,
/// heading, quote or thematic break, or an ordered-list number ("1." / "1)").
fn escape_start(s: &str) -> String {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if matches!(s.as_bytes().first(), Some(b'-' | b'+' | b'=')) {
        format!("\\{s}")
    } else if (1..=9).contains(&digits) && matches!(s.as_bytes().get(digits), Some(b'.' | b')')) {
        format!("{}\\{}", &s[..digits], &s[digits..])
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_looks_like_markup_is_escaped() {
        let cases = [
            ("*bold* and _it_", "\\*bold\\* and \\_it\\_"),
            ("[a](b) <x> #1 | `c`", "\\[a\\](b) \\<x\\> \\#1 \\| \\`c\\`"),
            ("AT&amp;T", "AT\\&amp;T"),
        ];
        for (input, want) in cases {
            assert_eq!(escape(input), want);
        }
        assert_eq!(escape_start("- not a list"), "\\- not a list");
        assert_eq!(escape_start("1999. A year"), "1999\\. A year");
        assert_eq!(escape_start("2 cats"), "2 cats");
        assert_eq!(
            link_target(" https://x.test/a b<c>\n"),
            "https://x.test/a%20b%3Cc%3E"
        );
    }
}
