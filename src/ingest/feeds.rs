//! Feeds: RSS 0.9x/1.0/2.0, Atom and JSON Feed files, read with `feed-rs`; each item is one article.
//!
//! An item's text is its full content (`content:encoded`, Atom `content`, JSON Feed `content_html`
//! or `content_text`), HTML turned into text by the same reader as web pages. An item with no
//! content keeps its summary (or, without one, its title) as text and is marked `summary_only`.
//! Dates go through `dates` rather than feed-rs's own reader, which converts to UTC and so can move
//! an evening item to the next day: the day is the one written in the item's own zone.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, NaiveDate, Utc};
use feed_rs::model::{Entry, Feed, Text};

use super::dates::read_date;
use super::{Diagnostic, IngestOptions, html, line_of};
use crate::model::{DateFrom, Document};

pub(crate) fn parse_feed_file(
    shown: &str,
    stem: &str,
    bytes: &[u8],
    opts: &IngestOptions,
) -> (Vec<Document>, Vec<Diagnostic>) {
    let diag = |line: Option<usize>, message: String, skipped: bool| Diagnostic {
        path: shown.to_string(),
        line,
        message,
        skipped,
    };
    let unreadable: Arc<Mutex<Vec<String>>> = Arc::default();
    let sink = Arc::clone(&unreadable);
    let parser = feed_rs::parser::Builder::new()
        // Items without an id would get a random UUID; a hash keeps runs identical.
        .id_generator(|_, _, _| String::new())
        .timestamp_parser(move |s| {
            let day = read_date(s).ok();
            if day.is_none()
                && let Ok(mut v) = sink.lock()
            {
                v.push(s.to_string());
            }
            day.map(as_utc_midnight)
        })
        .build();
    // A leading byte-order mark or blank lines trip the XML reader; the feed starts after them.
    let start = bytes.strip_prefix(b"\xEF\xBB\xBF").map_or(0, |_| 3);
    let start = start
        + bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
    let feed = match parser.parse(&bytes[start..]) {
        Ok(f) => f,
        Err(e) => {
            return (
                Vec::new(),
                vec![diag(
                    None,
                    format!("not a readable RSS, Atom or JSON feed ({e}); skipped"),
                    true,
                )],
            );
        }
    };
    let mut diags = Vec::new();
    let bad_dates = std::mem::take(&mut *unreadable.lock().unwrap_or_else(|p| p.into_inner()));
    for value in bad_dates {
        let line = line_of(bytes, &value);
        let w = format!("unreadable date {value:?}; the item is read undated");
        diags.push(diag(line, w, false));
    }
    let docs = items(&feed, shown, stem, opts, &mut diags);
    (docs, diags)
}

/// The written day kept as midnight UTC, so feed-rs's UTC timestamps carry the local day through.
fn as_utc_midnight(d: NaiveDate) -> DateTime<Utc> {
    d.and_time(chrono::NaiveTime::MIN).and_utc()
}

fn items(
    feed: &Feed,
    shown: &str,
    stem: &str,
    opts: &IngestOptions,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Document> {
    let source = feed.title.as_ref().map(plain).filter(|s| !s.is_empty());
    let base = feed
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .and_then(|l| url::Url::parse(&l.href).ok());
    let mut docs = Vec::new();
    for (i, entry) in feed.entries.iter().enumerate() {
        let n = i + 1;
        let title = entry.title.as_ref().map(plain).filter(|s| !s.is_empty());
        let body = entry
            .content
            .as_ref()
            .and_then(|c| c.body.as_deref())
            .map(|b| to_text(b, true))
            .filter(|t| !t.trim().is_empty());
        let summary = entry
            .summary
            .as_ref()
            .map(plain)
            .filter(|s| !s.trim().is_empty());
        let (text, summary_only) = match (body, &summary, &title) {
            (Some(b), _, _) => (b, false),
            (None, Some(s), _) => (s.clone(), true),
            (None, None, Some(t)) => (t.clone(), true),
            (None, None, None) => {
                diags.push(Diagnostic {
                    path: format!("{shown}#{n}"),
                    line: None,
                    message: "feed item with no title, summary or content; skipped".into(),
                    skipped: true,
                });
                continue;
            }
        };
        let found = entry.published.or(entry.updated).map(|t| t.date_naive());
        let (published, date_from) = opts.date(found, DateFrom::Feed);
        let mut warnings = Vec::new();
        let mut text = text;
        super::charset::scrub_nuls(&mut text, &mut warnings);
        docs.push(Document {
            id: format!("{stem}-{n}"),
            path: format!("{shown}#{n}"),
            title,
            source: source.clone(),
            url: link(entry, base.as_ref()),
            author: authors(entry),
            published,
            date_basis: date_from.basis(),
            date_from,
            summary_only,
            text_start: 0,
            text,
            warnings,
        });
    }
    if docs.is_empty() && diags.is_empty() {
        diags.push(Diagnostic {
            path: shown.to_string(),
            line: None,
            message: "feed with no items, skipped".into(),
            skipped: true,
        });
    }
    docs
}

/// A feed text construct as plain text: HTML (declared, or plainly tagged) goes through the page
/// reader; entities in plain text are already decoded by the XML reader.
fn plain(t: &Text) -> String {
    let sub = t.content_type.subty();
    let html =
        sub.as_str() == "html" || sub.as_str() == "xhtml" || t.content_type.suffix().is_some();
    to_text(&t.content, html)
}

fn to_text(s: &str, declared_html: bool) -> String {
    if declared_html || looks_like_html(s) {
        html::fragment_text(s)
    } else {
        s.trim().to_string()
    }
}

fn looks_like_html(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr(b'<', b).is_some_and(|i| {
        b.get(i + 1)
            .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'/' || *c == b'!')
    }) || (s.contains('&') && s.contains(';'))
}

/// The item's web page: the first link that is not an enclosure, made absolute against the feed's
/// own link when it is relative.
fn link(entry: &Entry, base: Option<&url::Url>) -> Option<String> {
    let l = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or_else(|| entry.links.first())?;
    let href = l.href.trim();
    if href.is_empty() {
        return None;
    }
    match url::Url::parse(href) {
        Ok(u) => Some(u.to_string()),
        Err(url::ParseError::RelativeUrlWithoutBase) => Some(
            base.and_then(|b| b.join(href).ok())
                .map_or_else(|| href.to_string(), |u| u.to_string()),
        ),
        Err(_) => Some(href.to_string()),
    }
}

/// Author names joined by ", "; an RSS `email (Name)` gives the name.
fn authors(entry: &Entry) -> Option<String> {
    let names: Vec<String> = entry
        .authors
        .iter()
        .filter_map(|p| {
            let raw = p.name.as_deref().unwrap_or("").trim();
            if let (Some(open), true) = (raw.find('('), raw.ends_with(')')) {
                let inner = raw[open + 1..raw.len() - 1].trim();
                if !inner.is_empty() {
                    return Some(inner.to_string());
                }
            }
            (!raw.is_empty()).then(|| raw.to_string())
        })
        .collect();
    (!names.is_empty()).then(|| names.join(", "))
}
