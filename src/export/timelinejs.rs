//! TimelineJS3 JSON (the "JSON format" of timeline.knightlab.com/docs/json-format.html): a
//! `title` slide and one slide per dated event, with `start_date`/`end_date` as
//! {year, month, day} to the precision the date is known, `text` {headline, text} (HTML), the
//! first topic as `group` and the source article as a link. Undated events have no slide.

use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::common::{Precision, days, one_line, precision};
use crate::corpus::Corpus;

#[derive(Serialize)]
struct Timeline {
    title: Slide,
    events: Vec<Slide>,
}

#[derive(Serialize)]
struct Slide {
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<Date>,
    text: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unique_id: Option<String>,
}

#[derive(Serialize)]
struct Text {
    headline: String,
    text: String,
}

#[derive(Serialize)]
struct Date {
    year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<u32>,
}

fn date(d: NaiveDate, month: bool, day: bool) -> Date {
    Date {
        year: d.year(),
        month: month.then(|| d.month()),
        day: day.then(|| d.day()),
    }
}

/// HTML text with `&`, `<`, `>` and quotes escaped.
pub(super) fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The first words of `s`, at most `max` characters, cut at a space, with "…" when cut.
pub(super) fn headline(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let at = cut.rfind(' ').filter(|&i| i > max / 2).unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end())
}

pub(super) fn write(c: &Corpus, out: &mut dyn Write) -> io::Result<()> {
    let mut events = Vec::new();
    for (i, e) in c.events.iter_enumerated() {
        let Some((a, b)) = days(e) else { continue };
        let (start, end) = match precision(a, b) {
            Precision::Day => (date(a, true, true), None),
            Precision::Month => (date(a, true, false), None),
            Precision::Year => (date(a, false, false), None),
            Precision::Week | Precision::Range => (date(a, true, true), Some(date(b, true, true))),
        };
        let d = &c.documents[e.doc()];
        let sentence = one_line(e.span().slice(&d.text));
        let mut body = format!("<p>{}</p>", html(&sentence));
        for q in e.quotes() {
            let quote = &c.quotes[q];
            let who: Vec<&str> = quote
                .speakers()
                .iter()
                .map(|a| c.actors[a].name.as_str())
                .collect();
            if !who.is_empty() {
                body.push_str(&format!(
                    "<blockquote>{} — {}</blockquote>",
                    html(&one_line(quote.span().slice(&d.text))),
                    html(&who.join(", "))
                ));
            }
        }
        let name = match (d.source.as_deref(), d.title.as_deref()) {
            (Some(s), Some(t)) => format!("{}: {}", one_line(s), one_line(t)),
            (Some(s), None) => one_line(s),
            (None, Some(t)) => one_line(t),
            (None, None) => one_line(&d.id),
        };
        match d.url.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
            Some(url) => body.push_str(&format!(
                "<p><a href=\"{}\">{}</a></p>",
                html(&one_line(url)),
                html(&name)
            )),
            None => body.push_str(&format!("<p>{}</p>", html(&name))),
        }
        events.push(Slide {
            start_date: Some(start),
            end_date: end,
            text: Text {
                headline: html(&headline(&sentence, 90)),
                text: body,
            },
            group: e.topics().iter().next().map(|t| c.topics[t].label.clone()),
            unique_id: Some(format!("e{}", i.index() + 1)),
        });
    }
    let docs = c.documents.len();
    let timeline = Timeline {
        title: Slide {
            start_date: None,
            end_date: None,
            text: Text {
                headline: "Timeline".into(),
                text: format!(
                    "<p>{} dated events from {} article{}, extracted by dateline.</p>",
                    events.len(),
                    docs,
                    if docs == 1 { "" } else { "s" }
                ),
            },
            group: None,
            unique_id: None,
        },
        events,
    };
    serde_json::to_writer(&mut *out, &timeline)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines_cut_at_a_space_and_html_is_escaped() {
        assert_eq!(headline("short", 10), "short");
        assert_eq!(headline("one two three four", 12), "one two…");
        assert_eq!(
            html("<b>\"A&B\"</b>"),
            "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;"
        );
    }
}
