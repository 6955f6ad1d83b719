//! Where a passage comes from: the source pane's header (title, outlet, author, date, link) and
//! the citation `y` copies. Shared by the view and by `update`, which needs the header's height to
//! scroll the text under it.

use super::format::{day_long, ellipsize, one_line, str_width};
use crate::model::Document;

/// One header line and whether it is the title (drawn in the heading style).
pub type HeaderLine = (String, bool);

/// Cuts the middle out of a long link so both its site and its last path part stay readable:
/// `https://www.example.test/…/talks-resume-in-geneva`.
pub fn abbreviate_url(url: &str, width: usize) -> String {
    let url = one_line(url);
    if str_width(&url) <= width || width < 12 {
        return ellipsize(&url, width);
    }
    if !url.contains("://") {
        // A file path: its end (folder and name) says the most.
        let chars: Vec<char> = url.chars().collect();
        let mut tail = String::new();
        let mut w = 0;
        for c in chars.iter().rev() {
            let cw = super::format::char_width(*c);
            if w + cw + 1 > width {
                break;
            }
            w += cw;
            tail.insert(0, *c);
        }
        return format!("…{tail}");
    }
    let (scheme, rest) = url.split_once("://").unwrap_or(("", url.as_str()));
    let host_end = rest.find('/').unwrap_or(rest.len());
    let site = if scheme.is_empty() {
        rest[..host_end].to_string()
    } else {
        format!("{scheme}://{}", &rest[..host_end])
    };
    let last = rest[host_end..]
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or("");
    let room = width.saturating_sub(str_width(&site) + 3);
    if room < 6 {
        return ellipsize(&url, width);
    }
    let tail: String = {
        let chars: Vec<char> = last.chars().collect();
        let mut t = String::new();
        let mut w = 0;
        for c in chars.iter().rev() {
            let cw = super::format::char_width(*c);
            if w + cw > room {
                break;
            }
            w += cw;
            t.insert(0, *c);
        }
        t
    };
    format!("{site}/…/{tail}")
}

/// Words of `text` wrapped to `width`, at most `max` lines, the last one ellipsized if cut.
fn wrap_words(text: &str, width: usize, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    let words: Vec<&str> = text.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        let candidate = if cur.is_empty() {
            w.to_string()
        } else {
            format!("{cur} {w}")
        };
        if str_width(&candidate) <= width || cur.is_empty() {
            cur = candidate;
            continue;
        }
        lines.push(std::mem::take(&mut cur));
        if lines.len() == max {
            let last = lines.pop().unwrap_or_default();
            let rest = words[i..].join(" ");
            lines.push(ellipsize(&format!("{last} {rest}"), width));
            return lines;
        }
        cur = w.to_string();
    }
    if !cur.is_empty() {
        lines.push(ellipsize(&cur, width));
    }
    lines
}

/// The header of the source pane for `doc` at `width` columns, in at most `max_lines` lines:
/// the title (wrapped to two lines), then outlet, author and date, then the link (or the file).
pub fn header(doc: &Document, width: usize, max_lines: usize) -> Vec<HeaderLine> {
    let mut meta: Vec<String> = Vec::new();
    if let Some(s) = &doc.source {
        meta.push(one_line(s));
    }
    if let Some(a) = &doc.author {
        meta.push(format!("by {}", one_line(a)));
    }
    meta.push(doc.published.map_or("no date".into(), day_long));
    let meta = meta.join(" · ");
    let link = doc
        .url
        .as_deref()
        .map(|u| abbreviate_url(u, width))
        .unwrap_or_else(|| abbreviate_url(&doc.path, width));
    if max_lines <= 1 {
        return vec![(ellipsize(&meta, width), false)];
    }
    let mut out: Vec<HeaderLine> = Vec::new();
    // Without a title the pane's border already names the article (its id).
    if let Some(title) = doc.title.as_deref().map(one_line) {
        let title_lines = if max_lines >= 4 { 2 } else { 1 };
        out.extend(
            wrap_words(&title, width, title_lines)
                .into_iter()
                .map(|l| (l, true)),
        );
    }
    if out.len() < max_lines {
        out.extend(wrap_words(&meta, width, 1).into_iter().map(|l| (l, false)));
    }
    if out.len() < max_lines {
        out.push((link, false));
    }
    out.truncate(max_lines);
    out
}

/// How many header lines a source pane of `height` rows gives: fewer on small panes so the text
/// keeps most of the room (the last one is a rule under the header).
pub fn header_budget(height: usize) -> usize {
    match height {
        0..=5 => 0,
        6..=11 => 1,
        12..=17 => 3,
        _ => 4,
    }
}

/// The citation `y` copies: `Speaker: “quote” — Outlet, 20 Nov 2025, URL` (or the event's
/// sentence for an event).
pub fn citation(speaker: Option<&str>, text: &str, doc: &Document) -> String {
    let body = one_line(text.trim_matches(['“', '”', '"', '«', '»']));
    let mut out = match speaker {
        Some(s) => format!("{}: “{body}”", one_line(s)),
        None => format!("“{body}”"),
    };
    let mut place: Vec<String> = Vec::new();
    place.push(
        doc.source
            .as_deref()
            .map(one_line)
            .unwrap_or_else(|| one_line(doc.display_name())),
    );
    if let Some(d) = doc.published {
        place.push(day_long(d));
    }
    if let Some(u) = &doc.url {
        place.push(one_line(u));
    }
    out.push_str(" — ");
    out.push_str(&place.join(", "));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn doc() -> Document {
        Document {
            id: "a1".into(),
            path: "/news/a1.md".into(),
            title: Some(
                "Border talks resume in Geneva after a long pause in the negotiations".into(),
            ),
            source: Some("Example Wire".into()),
            url: Some(
                "https://www.example.test/world/europe/2025/11/20/border-talks-resume".into(),
            ),
            author: Some("Staff".into()),
            published: NaiveDate::from_ymd_opt(2025, 11, 20),
            ..Document::default()
        }
    }

    #[test]
    fn header_wraps_the_title_and_abbreviates_the_link() {
        let h = header(&doc(), 40, 4);
        assert_eq!(h.len(), 4, "{h:?}");
        assert!(h[0].1 && h[1].1 && !h[2].1);
        assert_eq!(h[0].0, "Border talks resume in Geneva after a");
        assert_eq!(h[2].0, "Example Wire · by Staff · 20 Nov 2025");
        assert!(
            h[3].0.starts_with("https://www.example.test/…/"),
            "{}",
            h[3].0
        );
        assert!(h.iter().all(|(l, _)| str_width(l) <= 40), "{h:?}");
        assert_eq!(header(&doc(), 40, 1).len(), 1);
    }

    #[test]
    fn citation_reads_like_a_reference() {
        assert_eq!(
            citation(Some("Hakan Fidan"), "“no reason to rush”", &doc()),
            "Hakan Fidan: “no reason to rush” — Example Wire, 20 Nov 2025, https://www.example.test/world/europe/2025/11/20/border-talks-resume"
        );
    }
}
