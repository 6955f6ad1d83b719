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
    let meta = meta_line(doc, width);
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

/// Outlet, author and date on one line of `width` columns: when they do not fit the author goes
/// first, then the outlet is shortened; the date is never cut.
fn meta_line(doc: &Document, width: usize) -> String {
    let date = doc.published.map_or("no date".into(), day_long);
    let source = doc.source.as_deref().map(one_line);
    let author = doc.author.as_deref().map(|a| format!("by {}", one_line(a)));
    let join = |parts: &[Option<&str>]| {
        parts
            .iter()
            .flatten()
            .copied()
            .chain([date.as_str()])
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let full = join(&[source.as_deref(), author.as_deref()]);
    if str_width(&full) <= width {
        return full;
    }
    let Some(source) = source else {
        return ellipsize(&full, width);
    };
    let room = width.saturating_sub(str_width(&date) + 3);
    if room < 4 {
        return ellipsize(&full, width);
    }
    format!("{} · {date}", ellipsize(&source, room))
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

/// How a cited text stands to its speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cited {
    /// The speaker's own words, or the article's sentence: in quotation marks.
    Words,
    /// Reported speech, the article's paraphrase: never in quotation marks of its own, which
    /// would pass the paraphrase off as the speaker's words (the marks inside it stay).
    Reported,
}

/// The citation `y` copies: `Speaker: “quote” — Outlet, 20 Nov 2025, URL` (or the event's
/// sentence for an event); reported speech as `Speaker (reported): content — …`.
pub fn citation(speaker: Option<&str>, text: &str, cited: Cited, doc: &Document) -> String {
    let mut out = match cited {
        Cited::Words => {
            let body = one_line(text.trim_matches(['“', '”', '"', '«', '»']));
            match speaker {
                Some(s) => format!("{}: “{body}”", one_line(s)),
                None => format!("“{body}”"),
            }
        }
        Cited::Reported => {
            let body = one_line(text.trim());
            match speaker {
                Some(s) => format!("{} (reported): {body}", one_line(s)),
                None => format!("reported: {body}"),
            }
        }
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
    fn a_narrow_header_drops_the_author_then_shortens_the_outlet_never_the_date() {
        let meta = |w| header(&doc(), w, 1).remove(0).0;
        assert_eq!(meta(30), "Example Wire · 20 Nov 2025");
        assert_eq!(meta(22), "Example… · 20 Nov 2025");
        assert_eq!(meta(60), "Example Wire · by Staff · 20 Nov 2025");
    }

    #[test]
    fn citation_reads_like_a_reference() {
        assert_eq!(
            citation(
                Some("Hakan Fidan"),
                "“no reason to rush”",
                Cited::Words,
                &doc()
            ),
            "Hakan Fidan: “no reason to rush” — Example Wire, 20 Nov 2025, https://www.example.test/world/europe/2025/11/20/border-talks-resume"
        );
    }

    /// Reported speech is the article's paraphrase: cited without quotation marks around it,
    /// keeping the marks of the words it quotes, even at its ends.
    #[test]
    fn reported_speech_is_not_cited_as_the_speakers_words() {
        let url = "https://www.example.test/world/europe/2025/11/20/border-talks-resume";
        let rows = [
            (
                Some("Hakan Fidan"),
                "Ankara sees no reason to rush normalization",
                format!(
                    "Hakan Fidan (reported): Ankara sees no reason to rush normalization — Example Wire, 20 Nov 2025, {url}"
                ),
            ),
            (
                Some("Stella Meghrabyans"),
                "the “asymmetry of agendas” is natural",
                format!(
                    "Stella Meghrabyans (reported): the “asymmetry of agendas” is natural — Example Wire, 20 Nov 2025, {url}"
                ),
            ),
            (
                None,
                "“alarming signals” continue",
                format!("reported: “alarming signals” continue — Example Wire, 20 Nov 2025, {url}"),
            ),
        ];
        for (speaker, text, want) in rows {
            assert_eq!(citation(speaker, text, Cited::Reported, &doc()), want);
        }
    }
}
