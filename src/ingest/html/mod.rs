//! Saved web pages: the article body as clean text and the page's metadata, never panicking or
//! hanging on any page.
//!
//! Main-text extraction is `dom_smoothie` (a port of Readability.js, the reader behind Firefox
//! Reader View) over `dom_query`'s html5ever DOM, chosen by measurement (README, "Web pages");
//! `text` turns the article it finds into text. Metadata is `meta`, our own
//! reader over the same DOM, because dates need their source and their own time zone. Two guards
//! keep time linear: tags nested deeper than `MAX_DEPTH` are dropped before parsing (the HTML
//! tree builder checks scopes against its stack of open elements, quadratic in the depth), and a
//! page with more than `MAX_ELEMENTS` elements is read as plain text without the article search.

pub mod meta;
mod text;

use dom_query::Document as Dom;

use super::charset::decode_html;
use super::{Diagnostic, IngestOptions};
use crate::model::{DateFrom, Document};

/// Deeper nesting than this is flattened before parsing. Real pages stay under 100 levels (the
/// deepest of the 130 test pages has 38); at 256 the extractor still takes about 0.05 s.
pub const MAX_DEPTH: usize = 256;

/// More elements than this skip the article search (its scoring passes grow faster than the page).
pub const MAX_ELEMENTS: usize = 200_000;

/// A web page read: metadata and the article text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    pub title: Option<String>,
    pub meta: meta::PageMeta,
    pub text: String,
    pub warnings: Vec<String>,
}

pub(crate) fn parse_page_file(
    shown: &str,
    stem: &str,
    bytes: &[u8],
    opts: &IngestOptions,
) -> (Vec<Document>, Vec<Diagnostic>) {
    let diag = |message: String, skipped: bool| Diagnostic {
        path: shown.to_string(),
        line: None,
        message,
        skipped,
    };
    let page = read_page_bytes(bytes);
    let mut diags: Vec<Diagnostic> = page
        .warnings
        .iter()
        .map(|w| diag(w.clone(), false))
        .collect();
    for (source, value) in &page.meta.unreadable {
        // Only worth saying when no other source gave the date.
        if page.meta.published.is_none() {
            diags.push(Diagnostic {
                line: super::line_of(bytes, value),
                ..diag(
                    format!("unreadable date {value:?} in {source}; the page is read undated"),
                    false,
                )
            });
        }
    }
    if page.text.trim().is_empty() {
        diags.push(diag("web page with no article text, skipped".into(), true));
        return (Vec::new(), diags);
    }
    let (published, date_from) = opts.date(page.meta.published, page.meta.date_from);
    let authors = &page.meta.authors;
    let doc = Document {
        id: stem.to_string(),
        path: shown.to_string(),
        title: page.title,
        source: page.meta.site_name.clone(),
        url: page.meta.url.clone(),
        author: (!authors.is_empty()).then(|| authors.join(", ")),
        published,
        date_basis: date_from.basis(),
        date_from,
        summary_only: false,
        text_start: 0,
        text: page.text,
        warnings: diags.iter().map(|d| d.message.clone()).collect(),
    };
    (vec![doc], diags)
}

/// Reads a web page from its bytes (charset as `charset::decode_html` finds it).
pub fn read_page_bytes(bytes: &[u8]) -> Page {
    read_page(&decode_html(bytes).0)
}

/// Reads a decoded web page.
pub fn read_page(html: &str) -> Page {
    let mut warnings = Vec::new();
    let flat;
    let html = match flatten_deep(html, MAX_DEPTH) {
        Some(f) => {
            warnings.push(format!(
                "tags nested more than {MAX_DEPTH} deep; the deeper tags are ignored"
            ));
            flat = f;
            &flat
        }
        None => html,
    };
    let dom = Dom::from(html);
    let mut meta = meta::read(&dom);
    let cfg = dom_smoothie::Config {
        // The text is ours (`text`); the crate's raw mode is its cheapest.
        text_mode: dom_smoothie::TextMode::Raw,
        max_elements_to_parse: MAX_ELEMENTS,
        ..Default::default()
    };
    // The extractor is a third party's code over any page anyone saved: should it ever panic, the
    // page is read as plain text rather than the run lost.
    let article = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        dom_smoothie::Readability::with_document(dom, None, Some(cfg)).and_then(|mut r| r.parse())
    }));
    let article = match article {
        Ok(a) => a,
        Err(_) => {
            warnings.push("the article extractor failed on this page; read as plain text".into());
            Err(dom_smoothie::ReadabilityError::GrabFailed)
        }
    };
    let (title, text) = match article {
        Ok(a) => {
            if meta.authors.is_empty()
                && let Some(b) = a.byline.as_deref().and_then(byline)
            {
                meta.authors.push(b);
            }
            if meta.site_name.is_none() {
                meta.site_name = a.site_name.clone().filter(|s| !s.trim().is_empty());
            }
            if meta.published.is_none()
                && let Some(d) = a
                    .published_time
                    .as_deref()
                    .and_then(super::dates::parse_date)
            {
                meta.published = Some(d);
                meta.date_from = DateFrom::Meta;
            }
            let title = Some(a.title.trim().to_string()).filter(|t| !t.is_empty());
            let content = Dom::fragment(a.content);
            (title, text::text_of(&content.root()))
        }
        Err(e) => {
            if matches!(e, dom_smoothie::ReadabilityError::TooManyElements(..)) {
                warnings.push(format!(
                    "over {MAX_ELEMENTS} elements; read as plain text without looking for the article"
                ));
            }
            let dom = Dom::from(html);
            let title = dom.select("title").text().trim().to_string();
            (Some(title).filter(|t| !t.is_empty()), body_text(&dom))
        }
    };
    Page {
        title: title.or_else(|| meta.headline.clone()),
        meta,
        text,
        warnings,
    }
}

/// A byline as a name: "By Ann Lee" → "Ann Lee"; long sentences are not bylines.
fn byline(b: &str) -> Option<String> {
    let b = b.split_whitespace().collect::<Vec<_>>().join(" ");
    let b = b
        .strip_prefix("By ")
        .or_else(|| b.strip_prefix("by "))
        .or_else(|| b.strip_prefix("BY "))
        .unwrap_or(&b)
        .trim();
    (!b.is_empty() && b.len() <= 120).then(|| b.to_string())
}

/// Text of a whole page without its scripts, styles and page furniture.
fn body_text(dom: &Dom) -> String {
    dom.select("script, style, noscript, template, nav, header, footer, aside, form, iframe, svg")
        .remove();
    match dom.select("body").nodes().first() {
        Some(body) => text::text_of(body),
        None => text::text_of(&dom.root()),
    }
}

/// An HTML fragment (a feed item's content) as text, by the same formatter as page bodies.
pub fn fragment_text(html: &str) -> String {
    let flat;
    let html = match flatten_deep(html, MAX_DEPTH) {
        Some(f) => {
            flat = f;
            &flat
        }
        None => html,
    };
    text::text_of(&Dom::fragment(html).root())
}

/// Elements that never hold children.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "frame",
];

/// Elements whose end tag is optional: left open, they close themselves, so they do not deepen.
const SELF_CLOSING: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rp", "rt", "rtc",
    "tbody", "thead", "tfoot", "colgroup", "caption", "html", "head", "body",
];

/// Elements whose content is raw text, where a `<` is not a tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed",
];

/// When start tags nest deeper than `limit`, the page without the tags beyond it (their text
/// kept); `None` for ordinary pages. One pass over the bytes; the nesting is estimated the way a
/// lenient parser sees it (void and self-closing elements do not nest).
pub fn flatten_deep(html: &str, limit: usize) -> Option<String> {
    // The first pass only measures; ordinary pages stop there.
    if scan(html, limit, None) <= limit {
        return None;
    }
    let mut out = String::with_capacity(html.len());
    scan(html, limit, Some(&mut out));
    Some(out)
}

/// Walks the tags of `html`, returning the deepest nesting seen; with `out`, copies the page there
/// without the tags nested deeper than `limit`.
fn scan(html: &str, limit: usize, mut out: Option<&mut String>) -> usize {
    let b = html.as_bytes();
    let (mut depth, mut deepest, mut copied, mut i) = (0usize, 0usize, 0usize, 0usize);
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let lt = i + off;
        let rest = &b[lt + 1..];
        if rest.starts_with(b"!--") {
            i = memchr::memmem::find(&b[lt + 4..], b"-->").map_or(b.len(), |e| lt + 4 + e + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        let name_len = b[name_start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-' || **c == b':')
            .count();
        if name_len == 0 || !b[name_start].is_ascii_alphabetic() {
            i = lt + 1;
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let end = tag_end(b, name_start + name_len);
        let nests = !VOID.contains(&name.as_str()) && !SELF_CLOSING.contains(&name.as_str());
        let mut keep = true;
        if closing {
            if nests {
                keep = depth <= limit;
                depth = depth.saturating_sub(1);
            }
        } else if nests && !(end >= 2 && b[end - 2] == b'/') {
            depth += 1;
            deepest = deepest.max(depth);
            keep = depth <= limit;
        }
        if let (Some(o), false) = (out.as_deref_mut(), keep) {
            o.push_str(&html[copied..lt]);
            copied = end;
        }
        i = end;
        if !closing && RAW_TEXT.contains(&name.as_str()) {
            // Skip to the matching end tag: a `<` in a script is not a tag.
            let close = format!("</{name}");
            i = find_ci(&b[end..], close.as_bytes()).map_or(b.len(), |e| end + e);
        }
    }
    if let Some(o) = out {
        o.push_str(&html[copied..]);
    }
    deepest
}

/// The offset just past the `>` that ends a tag begun before `from`, skipping quoted attribute
/// values; the end of the input when it never closes.
fn tag_end(b: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (k, &c) in b[from..].iter().enumerate() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b'>' => return from + k + 1,
            None => {}
        }
    }
    b.len()
}

/// ASCII case-insensitive search.
fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let first = needle[0];
    let mut i = 0;
    while let Some(off) = memchr::memchr(first, &hay[i..]) {
        let at = i + off;
        if hay.len() - at >= needle.len() && hay[at..at + needle.len()].eq_ignore_ascii_case(needle)
        {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_flattened_and_shallow_pages_left_alone() {
        assert_eq!(flatten_deep("<div><p>a<p>b</div>", 3), None);
        let deep = format!("{}x{}", "<div>".repeat(10), "</div>".repeat(10));
        let flat = flatten_deep(&deep, 3).unwrap();
        assert_eq!(flat, "<div><div><div>x</div></div></div>");
        // A `<` inside a script is no tag.
        let s = "<script>if (a <div) {}</script><div><div>x</div></div>";
        assert_eq!(flatten_deep(s, 2), None);
        // Unclosed tags at the end, stray `<`.
        assert_eq!(flatten_deep("<div a='>'", 3), None);
        assert_eq!(flatten_deep("a < b <", 3), None);
    }

    #[test]
    fn fragments_keep_paragraphs_and_drop_scripts() {
        let t = fragment_text("<p>One &amp; two.</p><script>x()</script><p>Three</p>");
        assert_eq!(t, "One & two.\n\nThree");
    }
}
