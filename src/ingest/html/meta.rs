//! A web page's metadata, read from its DOM before the article is extracted: title, publication
//! date (and where it was found), authors, outlet and canonical URL.
//!
//! Sources are tried from the most to the least deliberate: JSON-LD (`NewsArticle` and its kin),
//! Open Graph and `article:published_time`, other `<meta>` names, a `<time datetime>` element, and
//! the date in the URL path. The extraction crate's own metadata is weak on dates (it keeps the
//! string, not the day, and not where it came from), so this reader is our own; each source is one
//! function below.

use chrono::NaiveDate;
use dom_query::Document;
use serde_json::Value;

use crate::ingest::dates::read_date;
use crate::model::DateFrom;

/// What the page says about itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageMeta {
    pub headline: Option<String>,
    pub published: Option<NaiveDate>,
    pub date_from: DateFrom,
    pub authors: Vec<String>,
    pub site_name: Option<String>,
    pub url: Option<String>,
    /// JSON-LD `dateCreated`, the last resort before the URL.
    pub created: Option<String>,
    /// Date values found but unreadable, with the source that held them.
    pub unreadable: Vec<(&'static str, String)>,
}

/// JSON-LD `@type`s whose `datePublished` is the page's own publication date.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "BlogPosting",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "AskPublicNewsArticle",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "ScholarlyArticle",
    "TechArticle",
    "Report",
    "WebPage",
    "ItemPage",
];

/// `<meta property=…>` that hold the publication time (Open Graph and its article namespace).
const OG_DATE: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "bt:pubdate",
];

/// `<meta name=…>` (or `itemprop`, `http-equiv`) that hold the publication date, lower case.
const META_DATE: &[&str] = &[
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "published-date",
    "publication_date",
    "datepublished",
    "article.published",
    "article_date_original",
    "original-publish-date",
    "originalpublicationdate",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "cxenseparse:recs:publishtime",
    "ptime",
    "displaydate",
];

/// Reads the metadata of a parsed page.
pub fn read(doc: &Document) -> PageMeta {
    let mut m = PageMeta::default();
    json_ld(doc, &mut m);
    open_graph(doc, &mut m);
    meta_names(doc, &mut m);
    time_element(doc, &mut m);
    if m.url.is_none() {
        m.url = doc
            .select("link[rel=canonical]")
            .attr("href")
            .map(|h| h.trim().to_string())
            .filter(|h| h.starts_with("http"));
    }
    if let Some(c) = m.created.clone() {
        offer_date(&mut m, &c, DateFrom::JsonLd, "JSON-LD dateCreated");
    }
    if m.published.is_none()
        && let Some(d) = m.url.as_deref().and_then(date_in_url)
    {
        m.published = Some(d);
        m.date_from = DateFrom::Url;
    }
    m
}

/// Sets the date if none is set yet; records an unreadable value.
fn offer_date(m: &mut PageMeta, value: &str, from: DateFrom, source: &'static str) {
    if m.published.is_some() || value.trim().is_empty() {
        return;
    }
    match read_date(value) {
        Ok(d) => {
            m.published = Some(d);
            m.date_from = from;
        }
        Err(_) => m.unreadable.push((source, value.trim().to_string())),
    }
}

fn clean(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// JSON-LD blocks: the first article-like object of the best rank gives headline, date, authors,
/// publisher and url.
fn json_ld(doc: &Document, m: &mut PageMeta) {
    let mut values = Vec::new();
    for script in doc.select("script[type]").iter() {
        let ty = script.attr("type").unwrap_or_default();
        if !ty.trim().eq_ignore_ascii_case("application/ld+json") {
            continue;
        }
        let raw = script.text();
        if let Ok(v) = serde_json::from_str::<Value>(unwrap_cdata(&raw)) {
            values.push(v);
        }
    }
    let mut found = Vec::new();
    for v in &values {
        articles(v, &mut found, 0);
    }
    // Stable: the first of the best rank (news and blog types before a plain web page).
    found.sort_by_key(|(rank, _)| *rank);
    if let Some((_, a)) = found.first() {
        take_article(a, m);
    }
}

/// Some sites wrap the JSON in an HTML comment or a CDATA section (`//<![CDATA[` … `//]]>`).
fn unwrap_cdata(raw: &str) -> &str {
    let mut s = raw.trim();
    for (open, close) in [
        ("<!--", "-->"),
        ("//<![CDATA[", "//]]>"),
        ("/*<![CDATA[*/", "/*]]>*/"),
        ("<![CDATA[", "]]>"),
    ] {
        if let Some(inner) = s.strip_prefix(open) {
            s = inner.trim_start();
            s = s.strip_suffix(close).unwrap_or(s).trim();
        }
    }
    s
}

/// Article-like objects in a JSON-LD value (top level, arrays, `@graph`, `mainEntity`), ranked:
/// news and blog types before a plain web page.
fn articles<'v>(v: &'v Value, out: &mut Vec<(usize, &'v Value)>, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(items) => {
            for i in items {
                articles(i, out, depth + 1);
            }
        }
        Value::Object(o) => {
            let types: Vec<&str> = match o.get("@type") {
                Some(Value::String(s)) => vec![s.as_str()],
                Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
                _ => vec![],
            };
            if let Some(rank) = types
                .iter()
                .filter_map(|t| ARTICLE_TYPES.iter().position(|a| a == t))
                .min()
            {
                let rank = if rank >= ARTICLE_TYPES.len() - 2 {
                    1
                } else {
                    0
                };
                out.push((rank, v));
            }
            for key in ["@graph", "mainEntity", "mainEntityOfPage"] {
                if let Some(inner) = o.get(key) {
                    articles(inner, out, depth + 1);
                }
            }
        }
        _ => {}
    }
}

fn take_article(a: &Value, m: &mut PageMeta) {
    let s = |k: &str| a.get(k).and_then(Value::as_str).and_then(clean);
    m.headline = s("headline").or_else(|| s("name"));
    // `dateCreated` is when the record was made, often in UTC where `article:published_time`
    // keeps the newsroom's zone; it only fills in after every other source (`read`).
    if let Some(d) = s("datePublished") {
        offer_date(m, &d, DateFrom::JsonLd, "JSON-LD datePublished");
    }
    m.created = s("dateCreated");
    m.authors = names(a.get("author"));
    m.site_name = a
        .get("publisher")
        .and_then(|p| match p {
            Value::Array(v) => v.first(),
            other => Some(other),
        })
        .and_then(|p| p.get("name"))
        .and_then(Value::as_str)
        .and_then(clean);
    m.url = s("url").filter(|u| u.starts_with("http")).or_else(|| {
        a.get("mainEntityOfPage")
            .and_then(|p| p.as_str().or_else(|| p.get("@id").and_then(Value::as_str)))
            .filter(|u| u.starts_with("http"))
            .map(str::to_string)
    });
}

/// Names from a JSON-LD `author`: a string, an object with `name`, or an array of either.
fn names(v: Option<&Value>) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |s: &str| {
        if let Some(n) = clean(s)
            && !n.starts_with("http")
            && !out.contains(&n)
        {
            out.push(n);
        }
    };
    match v {
        Some(Value::String(s)) => push(s),
        Some(Value::Object(o)) => {
            if let Some(n) = o.get("name").and_then(Value::as_str) {
                push(n);
            }
        }
        Some(Value::Array(items)) => {
            for i in items {
                match i {
                    Value::String(s) => push(s),
                    Value::Object(o) => {
                        if let Some(n) = o.get("name").and_then(Value::as_str) {
                            push(n);
                        }
                    }
                    _ => {}
                }
            }
        }
        _ => {}
    }
    out
}

/// `<meta property>` of Open Graph: site name, url, title and the article's publication time.
fn open_graph(doc: &Document, m: &mut PageMeta) {
    for node in doc.select("meta[property], meta[name]").iter() {
        let key = node
            .attr("property")
            .or_else(|| node.attr("name"))
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        let Some(content) = node.attr("content") else {
            continue;
        };
        match key.as_str() {
            k if OG_DATE.contains(&k) => {
                offer_date(m, &content, DateFrom::OpenGraph, "Open Graph");
            }
            "og:site_name" if m.site_name.is_none() => m.site_name = clean(&content),
            "og:url" if m.url.is_none() => {
                m.url = clean(&content).filter(|u| u.starts_with("http"));
            }
            "og:title" if m.headline.is_none() => m.headline = clean(&content),
            "article:author" | "author" | "dc.creator" | "byl" if m.authors.is_empty() => {
                if let Some(a) = clean(&content).filter(|a| !a.starts_with("http")) {
                    m.authors.push(a.trim_start_matches("By ").to_string());
                }
            }
            _ => {}
        }
    }
}

/// Other `<meta>` tags (`name`, `itemprop`, `http-equiv`) known to hold the publication date,
/// and Parse.ly's JSON `parsely-page`.
fn meta_names(doc: &Document, m: &mut PageMeta) {
    if m.published.is_some() {
        return;
    }
    for node in doc.select("meta").iter() {
        let key = node
            .attr("name")
            .or_else(|| node.attr("itemprop"))
            .or_else(|| node.attr("http-equiv"))
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        let content = node.attr("content").unwrap_or_default();
        if META_DATE.contains(&key.as_str()) {
            offer_date(m, &content, DateFrom::Meta, "meta");
        } else if key == "parsely-page"
            && let Ok(v) = serde_json::from_str::<Value>(&content)
            && let Some(d) = v.get("pub_date").and_then(Value::as_str)
        {
            offer_date(m, d, DateFrom::Meta, "meta parsely-page");
        }
    }
    // `itemprop="datePublished"` on any element (schema.org microdata).
    if m.published.is_none() {
        for node in doc.select("[itemprop=datePublished]").iter() {
            let v = node
                .attr("content")
                .or_else(|| node.attr("datetime"))
                .unwrap_or_else(|| node.text());
            offer_date(m, &v, DateFrom::Meta, "itemprop datePublished");
            if m.published.is_some() {
                break;
            }
        }
    }
}

/// A `<time datetime>`: one marked as the publication time (`pubdate`, a class or itemprop naming
/// publication) first, else the first in the page's article, else the first at all.
fn time_element(doc: &Document, m: &mut PageMeta) {
    if m.published.is_some() {
        return;
    }
    let times = doc.select("time[datetime]");
    let marked = times.iter().find(|t| {
        t.has_attr("pubdate")
            || t.attr("class").is_some_and(|c| {
                let c = c.to_ascii_lowercase();
                c.contains("publish") || c.contains("posted") || c.contains("dateline")
            })
    });
    let pick = marked
        .or_else(|| doc.select("article time[datetime]").iter().next())
        .or_else(|| times.iter().next());
    if let Some(t) = pick {
        let v = t.attr("datetime").unwrap_or_default();
        offer_date(m, &v, DateFrom::TimeElement, "<time datetime>");
    }
}

/// The date in a URL path: `/2025/03/14/`, `/2025-03-14/`, `/20250314/`, `/2025/mar/14/`.
pub fn date_in_url(url: &str) -> Option<NaiveDate> {
    let path = url.split(['?', '#']).next()?;
    let path = path.split_once("://").map_or(path, |(_, rest)| rest);
    let parts: Vec<&str> = path.split('/').skip(1).collect();
    for w in parts.windows(3) {
        let y = w[0];
        if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) {
            let day: String = w[2].chars().take_while(char::is_ascii_digit).collect();
            if (1..=2).contains(&day.len()) {
                let month = if w[1].bytes().all(|b| b.is_ascii_digit()) && w[1].len() <= 2 {
                    w[1].parse().ok()
                } else {
                    month_word(w[1])
                };
                if let Some(mo) = month
                    && let Some(d) = plausible(y, mo, &day)
                {
                    return Some(d);
                }
            }
        }
    }
    for p in &parts {
        let digits: String = p.chars().take_while(char::is_ascii_digit).collect();
        if digits.len() == 8
            && (p.len() == 8 || !p.as_bytes()[8].is_ascii_digit())
            && let Some(d) = plausible(&digits[..4], digits[4..6].parse().ok()?, &digits[6..])
        {
            return Some(d);
        }
        if p.len() >= 10
            && p.as_bytes()[4] == b'-'
            && p.as_bytes()[7] == b'-'
            && let Some(head) = p.get(..10)
            && let Ok(d) = NaiveDate::parse_from_str(head, "%Y-%m-%d")
            && plausible_year(d)
        {
            return Some(d);
        }
    }
    None
}

fn month_word(w: &str) -> Option<u32> {
    const M: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let w = w.to_ascii_lowercase();
    M.iter()
        .position(|m| w.len() >= 3 && w.starts_with(m))
        .map(|i| i as u32 + 1)
}

fn plausible(y: &str, m: u32, d: &str) -> Option<NaiveDate> {
    let d = NaiveDate::from_ymd_opt(y.parse().ok()?, m, d.parse().ok()?)?;
    plausible_year(d).then_some(d)
}

/// URLs hold many numbers; only years of the web count as dates.
fn plausible_year(d: NaiveDate) -> bool {
    use chrono::Datelike;
    (1990..=2100).contains(&d.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn dates_in_urls() {
        let rows = [
            ("https://x.test/news/2025/03/14/talks-resume", "2025-03-14"),
            ("https://x.test/2025/mar/14/talks", "2025-03-14"),
            ("https://x.test/world/2025-03-14-talks.html", "2025-03-14"),
            ("https://x.test/a/20250314/talks", "2025-03-14"),
            ("https://x.test/20250314.html", "2025-03-14"),
            ("https://x.test/2025/03/talks", ""),
            ("https://x.test/story/123456789/talks", ""),
            ("https://x.test/1234/56/78/x", ""),
            ("https://x.test/?d=2025/03/14", ""),
            ("https://x.test/2025-03-1\u{e9}t\u{e9}", ""),
        ];
        for (url, want) in rows {
            assert_eq!(date_in_url(url), day(want), "{url}");
        }
    }

    #[test]
    fn sources_in_order_with_their_basis() {
        type Row = (&'static str, &'static str, DateFrom);
        let rows: &[Row] = &[
            (
                r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"X"},{"@type":"NewsArticle","headline":"H","datePublished":"2025-03-14T23:30:00-05:00","author":[{"@type":"Person","name":"Ann Lee"},"Bo Wu"],"publisher":{"name":"Wire"}}]}</script><meta property="article:published_time" content="2025-01-01">"#,
                "2025-03-14",
                DateFrom::JsonLd,
            ),
            (
                r#"<meta property="article:published_time" content="2025-03-14T00:30:00+09:00"><meta name="date" content="2025-01-01">"#,
                "2025-03-14",
                DateFrom::OpenGraph,
            ),
            (
                r#"<meta name="DC.date.issued" content="14 March 2025">"#,
                "2025-03-14",
                DateFrom::Meta,
            ),
            (
                r#"<meta name="parsely-page" content='{"pub_date": "2025-03-14T10:00:00Z"}'>"#,
                "2025-03-14",
                DateFrom::Meta,
            ),
            (
                r#"<body><span itemprop="datePublished" content="2025-03-14">14 March</span></body>"#,
                "2025-03-14",
                DateFrom::Meta,
            ),
            (
                r#"<body><time datetime="2020-01-01">old</time><article><time datetime="2025-03-14T10:00">Fri</time></article></body>"#,
                "2025-03-14",
                DateFrom::TimeElement,
            ),
            (
                r#"<link rel="canonical" href="https://x.test/2025/03/14/talks"><body>x</body>"#,
                "2025-03-14",
                DateFrom::Url,
            ),
            (
                r#"<meta name="date" content="not a date"><body>x</body>"#,
                "",
                DateFrom::None,
            ),
        ];
        for (html, want, from) in rows {
            let m = read(&Document::from(*html));
            assert_eq!((m.published, m.date_from), (day(want), *from), "{html}");
        }
        let m = read(&Document::from(rows[0].0));
        assert_eq!(m.authors, ["Ann Lee", "Bo Wu"]);
        assert_eq!(m.headline.as_deref(), Some("H"));
        assert_eq!(m.site_name.as_deref(), Some("Wire"));
        let m = read(&Document::from(rows[7].0));
        assert_eq!(m.unreadable, [("meta", "not a date".to_string())]);
    }
}
