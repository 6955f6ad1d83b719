//! iCalendar (RFC 5545): one all-day or multi-day VEVENT per dated happening, with a stable UID,
//! text escaped (§3.3.11) and lines folded at 75 octets (§3.1) without splitting a character.
//!
//! Written by hand rather than through the icalendar crate's builder, whose events get a random
//! UID and the current time as DTSTAMP: an export must give the same bytes for the same articles,
//! and a calendar that re-imports it must recognise the same events (the tests read the output
//! back with that crate's parser).

use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};

use super::common::{Happening, happenings, one_line};
use super::timelinejs::headline;
use crate::corpus::Corpus;
use crate::fasthash::FastMap;

/// Content lines are at most this many octets, without the CRLF.
const FOLD_AT: usize = 75;

pub(super) fn write(c: &Corpus, out: &mut dyn Write) -> io::Result<()> {
    let mut w = Lines {
        out: io::BufWriter::with_capacity(1 << 16, out),
    };
    w.line("BEGIN:VCALENDAR")?;
    w.line("VERSION:2.0")?;
    w.line(&format!(
        "PRODID:-//dateline//dateline {}//EN",
        env!("CARGO_PKG_VERSION")
    ))?;
    w.line("CALSCALE:GREGORIAN")?;
    w.line("X-WR-CALNAME:dateline timeline")?;
    let mut seen: FastMap<u64, u32> = FastMap::default();
    for h in happenings(c) {
        vevent(c, &h, &mut seen, &mut w)?;
    }
    w.line("END:VCALENDAR")?;
    w.out.flush()
}

/// A date RFC 5545 can write: years 1 to 9999.
fn ical_date(d: NaiveDate) -> Option<String> {
    (1..=9999)
        .contains(&d.year())
        .then(|| format!("{:04}{:02}{:02}", d.year(), d.month(), d.day()))
}

fn vevent(
    c: &Corpus,
    h: &Happening,
    seen: &mut FastMap<u64, u32>,
    w: &mut Lines<'_>,
) -> io::Result<()> {
    let (Some(a), Some(b), Some(first)) = (h.earliest, h.latest, c.events.get(h.label)) else {
        return Ok(());
    };
    let end = b.max(a).succ_opt();
    let (Some(start), Some(end)) = (ical_date(a), end.and_then(ical_date)) else {
        return Ok(());
    };
    let d = &c.documents[first.doc()];
    let e = first;
    let sentence = one_line(e.span().slice(&d.text));
    // Stable across runs and exports: the article and the sentence, not their positions, so a
    // filtered or re-run export names the same happening the same way; the n-th repeat of a
    // sentence in one article gets its own.
    let key = xxhash_rust::xxh3::xxh3_64(format!("{}\u{0}{}", d.id, sentence).as_bytes());
    let n = seen.entry(key).or_default();
    *n += 1;
    let uid = if *n == 1 {
        format!("{key:016x}@dateline")
    } else {
        format!("{key:016x}-{n}@dateline")
    };
    let stamp = d
        .published
        .and_then(ical_date)
        .unwrap_or_else(|| "19700101".into());
    w.line("BEGIN:VEVENT")?;
    w.line(&format!("UID:{uid}"))?;
    w.line(&format!("DTSTAMP:{stamp}T000000Z"))?;
    w.line(&format!("DTSTART;VALUE=DATE:{start}"))?;
    w.line(&format!("DTEND;VALUE=DATE:{end}"))?;
    w.line(&format!("SUMMARY:{}", text(&headline(&sentence, 120))))?;
    let mut desc = sentence.clone();
    let mut sources: Vec<String> = Vec::new();
    for &ev in &h.events {
        let e = &c.events[ev];
        let d = &c.documents[e.doc()];
        for q in e.quotes() {
            let quote = &c.quotes[q];
            let who: Vec<&str> = quote
                .speakers()
                .iter()
                .map(|a| c.actors[a].name.as_str())
                .collect();
            if !who.is_empty() {
                desc.push_str(&format!(
                    "\n{} — {}",
                    one_line(quote.span().slice(&d.text)),
                    who.join(", ")
                ));
            }
        }
        let name = [d.source.as_deref(), d.title.as_deref(), d.url.as_deref()]
            .into_iter()
            .flatten()
            .map(one_line)
            .collect::<Vec<_>>()
            .join(" · ");
        let name = if name.is_empty() { d.id.clone() } else { name };
        if !sources.contains(&name) {
            sources.push(name);
        }
    }
    for s in &sources {
        desc.push_str(&format!("\nSource: {s}"));
    }
    w.line(&format!("DESCRIPTION:{}", text(&desc)))?;
    if let Some(url) = d.url.as_deref().and_then(uri) {
        w.line(&format!("URL:{url}"))?;
    }
    let mut cats: Vec<String> = Vec::new();
    for &ev in &h.events {
        for t in c.events[ev].topics() {
            let label = text(&one_line(&c.topics[t].label));
            if !label.is_empty() && !cats.contains(&label) {
                cats.push(label);
            }
        }
    }
    if !cats.is_empty() {
        w.line(&format!("CATEGORIES:{}", cats.join(",")))?;
    }
    w.line("TRANSP:TRANSPARENT")?;
    w.line("END:VEVENT")
}

/// A URI value: an absolute http(s) URL with nothing that would need escaping.
fn uri(url: &str) -> Option<&str> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        .then_some(url)
        .filter(|u| {
            !u.chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == '"')
        })
}

/// A TEXT value (§3.3.11): backslash, semicolon and comma escaped, line breaks as `\n`, other
/// control characters (which TEXT does not allow) dropped.
pub(crate) fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes content lines, CRLF-terminated and folded.
struct Lines<'a> {
    out: io::BufWriter<&'a mut dyn Write>,
}

impl Lines<'_> {
    fn line(&mut self, line: &str) -> io::Result<()> {
        self.out.write_all(fold(line).as_bytes())
    }
}

/// A content line folded at `FOLD_AT` octets, each continuation starting with one space (which
/// counts), never inside a UTF-8 character; with the final CRLF.
pub(crate) fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / FOLD_AT * 3 + 2);
    let mut room = FOLD_AT;
    let mut used = 0;
    for ch in line.chars() {
        let n = ch.len_utf8();
        if used + n > room {
            out.push_str("\r\n ");
            used = 1;
            room = FOLD_AT;
        }
        out.push(ch);
        used += n;
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_values_escape_their_specials() {
        let cases = [
            ("a,b;c\\d", "a\\,b\\;c\\\\d"),
            ("line\r\nnext\nlast", "line\\nnext\\nlast"),
            ("bell\u{7}\ttab", "bell tab"),
            ("Ереван 日本", "Ереван 日本"),
        ];
        for (input, want) in cases {
            assert_eq!(text(input), want);
        }
    }

    #[test]
    fn folded_lines_fit_in_75_octets_and_unfold_to_the_original() {
        let long = format!(
            "SUMMARY:{}",
            "Ереван—日本語テキスト, mixed ASCII text ".repeat(9)
        );
        let folded = fold(&long);
        assert!(folded.ends_with("\r\n"));
        for l in folded.trim_end_matches("\r\n").split("\r\n") {
            assert!(l.len() <= FOLD_AT, "{} octets: {l}", l.len());
        }
        assert_eq!(folded.trim_end_matches("\r\n").replace("\r\n ", ""), long);
        assert_eq!(fold("short"), "short\r\n");
    }

    #[test]
    fn only_plain_http_urls_become_uris() {
        assert_eq!(uri(" https://x.test/a?b=1 "), Some("https://x.test/a?b=1"));
        assert_eq!(uri("HTTP://X.TEST"), Some("HTTP://X.TEST"));
        assert_eq!(uri("javascript:alert(1)"), None);
        assert_eq!(uri("https://x.test/a b"), None);
    }
}
