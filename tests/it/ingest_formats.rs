//! Input formats as people have them: web pages, RSS/Atom/JSON feeds, dates in every common form,
//! and the README's own front-matter example.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dateline::ingest::{IngestOptions, Ingested, ingest_paths};
use dateline::model::{DateBasis, DateFrom, Document};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

fn day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn ingest(paths: &[PathBuf]) -> Ingested {
    ingest_paths(paths, &IngestOptions::default())
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// The fields a table row checks.
struct Want {
    title: Option<&'static str>,
    published: &'static str,
    from: DateFrom,
    author: Option<&'static str>,
    source: Option<&'static str>,
    url: Option<&'static str>,
    summary_only: bool,
    has: &'static [&'static str],
    lacks: &'static [&'static str],
}

fn check(doc: &Document, w: &Want) {
    let at = &doc.path;
    assert_eq!(doc.title.as_deref(), w.title, "{at} title");
    assert_eq!(doc.published, day(w.published), "{at} date");
    assert_eq!(doc.date_from, w.from, "{at} date_from");
    assert_eq!(doc.date_basis, w.from.basis(), "{at} date_basis");
    assert_eq!(doc.author.as_deref(), w.author, "{at} author");
    assert_eq!(doc.source.as_deref(), w.source, "{at} source");
    assert_eq!(doc.url.as_deref(), w.url, "{at} url");
    assert_eq!(doc.summary_only, w.summary_only, "{at} summary_only");
    for needle in w.has {
        assert!(
            doc.text.contains(needle),
            "{at}: {needle:?} not in {:?}",
            doc.text
        );
    }
    for needle in w.lacks {
        assert!(
            !doc.text.contains(needle),
            "{at}: {needle:?} in {:?}",
            doc.text
        );
    }
}

#[test]
fn feeds_table() {
    let files = [
        "rss2.xml",
        "atom.xml",
        "jsonfeed.json",
        "latin1.rss",
        "rss1.rdf",
    ];
    let paths: Vec<PathBuf> = files
        .iter()
        .map(|f| fixture(&format!("feeds/{f}")))
        .collect();
    let got = ingest(&paths);
    let rows: &[(&str, Want)] = &[
        (
            "rss2-1",
            Want {
                title: Some("Border talks resume in Geneva"),
                // 23:30 at -05:00 is still the 14th where it was written.
                published: "2025-03-14",
                from: DateFrom::Feed,
                author: Some("Ann Lee"),
                source: Some("Example Wire"),
                url: Some("https://wire.example.test/world/border-talks"),
                summary_only: false,
                has: &[
                    "Foreign ministers met in Geneva on Thursday.",
                    "Talks & dinner followed.",
                ],
                lacks: &["track()", "<p>", "Short summary"],
            },
        ),
        (
            "rss2-2",
            Want {
                title: Some("Summary only & proud"),
                published: "2025-03-15",
                from: DateFrom::Feed,
                author: Some("Bo Wu"),
                source: Some("Example Wire"),
                url: Some("https://wire.example.test/summary"),
                summary_only: true,
                has: &["The council voted on Friday."],
                lacks: &["<em>", "&lt;"],
            },
        ),
        (
            "rss2-3",
            Want {
                title: Some("No date at all"),
                published: "",
                from: DateFrom::None,
                author: None,
                source: Some("Example Wire"),
                url: Some("https://wire.example.test/undated"),
                summary_only: true,
                has: &["Nobody knows when."],
                lacks: &[],
            },
        ),
        (
            "rss2-4",
            Want {
                title: Some("A date nobody can read"),
                published: "",
                from: DateFrom::None,
                author: None,
                source: Some("Example Wire"),
                url: Some("https://wire.example.test/odd"),
                summary_only: true,
                has: &["The date is prose."],
                lacks: &[],
            },
        ),
        (
            "rss2-5",
            Want {
                title: Some("Title only"),
                published: "",
                from: DateFrom::None,
                author: None,
                source: Some("Example Wire"),
                url: None,
                summary_only: true,
                has: &["Title only"],
                lacks: &[],
            },
        ),
        (
            "atom-1",
            Want {
                title: Some("Rates held again"),
                published: "2025-03-14",
                from: DateFrom::Feed,
                author: Some("Cara Diaz"),
                source: Some("Atom Example"),
                url: Some("https://atom.example.test/blog/posts/rates-held"),
                summary_only: false,
                has: &["Decision", "The bank held rates on Friday."],
                lacks: &["<h2>", "&lt;"],
            },
        ),
        (
            "atom-2",
            Want {
                title: Some("Updated only"),
                published: "2025-03-13",
                from: DateFrom::Feed,
                author: Some("Dan Eze, Eve Fox"),
                source: Some("Atom Example"),
                url: Some("https://atom.example.test/blog/posts/updated"),
                summary_only: false,
                has: &["Markets rose on Thursday."],
                lacks: &["<p>"],
            },
        ),
        (
            "atom-3",
            Want {
                title: Some("Summary entry"),
                published: "2025-03-12",
                from: DateFrom::Feed,
                author: None,
                source: Some("Atom Example"),
                url: None,
                summary_only: true,
                has: &["Only a summary here."],
                lacks: &[],
            },
        ),
        (
            "jsonfeed-1",
            Want {
                title: Some("Flood warnings issued"),
                published: "2025-03-10",
                from: DateFrom::Feed,
                author: Some("Gil Ho"),
                source: Some("JSON Example"),
                url: Some("https://json.example.test/a"),
                summary_only: false,
                has: &["Rivers rose on Monday.", "Road closed\nRail delayed"],
                lacks: &["<i>", "<li>"],
            },
        ),
        (
            "jsonfeed-2",
            Want {
                title: Some("Plain text item"),
                published: "2025-03-11",
                from: DateFrom::Feed,
                author: None,
                source: Some("JSON Example"),
                url: Some("https://json.example.test/b"),
                summary_only: false,
                has: &["The vote passed on Tuesday."],
                lacks: &[],
            },
        ),
        (
            "jsonfeed-3",
            Want {
                title: Some("Summary item"),
                published: "",
                from: DateFrom::None,
                author: None,
                source: Some("JSON Example"),
                url: None,
                summary_only: true,
                has: &["A summary and nothing more."],
                lacks: &[],
            },
        ),
        (
            "latin1-1",
            Want {
                title: Some("Café owners «protest»"),
                published: "2025-03-10",
                from: DateFrom::Feed,
                author: None,
                source: Some("Café News"),
                url: Some("http://latin.example.test/cafe"),
                summary_only: true,
                has: &["Owners in Liege protested naïvely on Monday."],
                lacks: &["\u{fffd}"],
            },
        ),
        (
            "rss1-1",
            Want {
                title: Some("Ceasefire agreed"),
                published: "2025-03-09",
                from: DateFrom::Feed,
                author: Some("Hana Ito"),
                source: Some("RDF Example"),
                url: Some("https://rdf.example.test/one"),
                summary_only: true,
                has: &["Both sides agreed a ceasefire on Sunday."],
                lacks: &[],
            },
        ),
    ];
    let ids: Vec<&str> = got.documents.iter().map(|d| d.id.as_str()).collect();
    let want_ids: Vec<&str> = rows.iter().map(|r| r.0).collect();
    assert_eq!(ids, want_ids);
    for (doc, (_, want)) in got.documents.iter().zip(rows) {
        check(doc, want);
    }
    // Unreadable dates are warnings naming the file, line and value; nothing is skipped for them.
    let msgs: Vec<String> = got.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(
        msgs.iter().any(|m| m.ends_with(
            "rss2.xml:30: unreadable date \"sometime last spring\"; the item is read undated"
        )),
        "{msgs:?}"
    );
    assert!(
        msgs.iter()
            .any(|m| m.contains("jsonfeed.json:25: unreadable date \"not a date\"")),
        "{msgs:?}"
    );
    assert!(got.diagnostics.iter().all(|d| !d.skipped), "{msgs:?}");
}

#[test]
fn xml_that_is_not_a_feed_is_reported() {
    let got = ingest(&[fixture("feeds/notafeed.xml")]);
    assert!(got.documents.is_empty());
    let msg = got.diagnostics[0].to_string();
    assert!(
        msg.contains("notafeed.xml: not a readable RSS, Atom or JSON feed"),
        "{msg}"
    );
    assert!(got.diagnostics[0].skipped);
}

#[test]
fn web_pages_table() {
    let files = ["news.html", "legacy.html", "time.html", "urldate.html"];
    let paths: Vec<PathBuf> = files
        .iter()
        .map(|f| fixture(&format!("html/{f}")))
        .collect();
    let got = ingest(&paths);
    assert!(got.diagnostics.is_empty(), "{:?}", got.diagnostics);
    let rows: &[Want] = &[
        Want {
            title: Some("Harbour reopens after storm"),
            // JSON-LD wins over Open Graph, and the day is the one in the article's own zone.
            published: "2025-03-14",
            from: DateFrom::JsonLd,
            author: Some("Ines Joy"),
            source: Some("Coast Herald"),
            url: Some("https://herald.example.test/news/harbour-reopens"),
            summary_only: false,
            has: &[
                "The harbour at Port Ellen reopened on Friday morning",
                "Repairs will take months",
                "\"We have worked around the clock to get the town moving again,\" he said.",
                "coastguard will patrol the shore at high tide.",
            ],
            lacks: &[
                "cookies",
                "Share on Facebook",
                "Related stories",
                "Great news for the town",
                "All rights reserved",
                "not text",
                "color: red",
                "Sport",
            ],
        },
        Want {
            title: Some("Café owners protest"),
            published: "2025-03-10",
            from: DateFrom::OpenGraph,
            author: None,
            source: Some("La Gazette"),
            url: None,
            summary_only: false,
            has: &[
                "Café owners in Liège marched",
                "“terrace tax”",
                "owners’ union",
            ],
            lacks: &["\u{fffd}"],
        },
        Want {
            title: Some("Library extends opening hours"),
            published: "2025-02-03",
            from: DateFrom::TimeElement,
            // The byline, found by the extractor.
            author: Some("Jo King"),
            source: None,
            url: None,
            summary_only: false,
            has: &["The central library will open until nine"],
            lacks: &[],
        },
        Want {
            title: Some("Bridge closed for repairs"),
            published: "2024-11-05",
            from: DateFrom::Url,
            author: None,
            source: None,
            url: Some("https://city.example.test/2024/11/05/bridge-closed-for-repairs/"),
            summary_only: false,
            has: &["The old bridge over the river will close"],
            lacks: &[],
        },
    ];
    assert_eq!(got.documents.len(), rows.len());
    for (doc, want) in got.documents.iter().zip(rows) {
        check(doc, want);
        // Paragraphs stay apart.
        assert!(doc.text.contains("\n\n"), "{}", doc.path);
    }
}

#[test]
fn readme_front_matter_example_reads_as_written() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    // The first fenced block that opens with a front matter line.
    let block = readme
        .split("```")
        .skip(1)
        .step_by(2)
        .map(|b| b.split_once('\n').map_or("", |(_, body)| body))
        .map(|b| {
            let indent = b.len() - b.trim_start_matches(' ').len();
            b.lines()
                .map(|l| l.get(indent..).unwrap_or(l.trim_start()))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .find(|b| b.starts_with("---\n"))
        .expect("README has a front matter example");
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "example.txt", block.as_bytes());
    let got = ingest(&[p]);
    assert!(got.diagnostics.is_empty(), "{:?}", got.diagnostics);
    assert_eq!(got.documents.len(), 1);
    let d = &got.documents[0];
    assert_eq!(d.published, day("2025-03-14"));
    assert_eq!(d.date_basis, DateBasis::Metadata);
    assert_eq!(d.date_from, DateFrom::FrontMatter);
    assert_eq!(d.title.as_deref(), Some("Border talks resume in Geneva"));
    assert_eq!(d.source.as_deref(), Some("Example Wire"));
    assert!(d.text.starts_with("Foreign ministers"), "{:?}", d.text);
}

#[test]
fn every_date_key_and_form_in_front_matter_and_jsonl() {
    let dir = tempfile::tempdir().unwrap();
    // (key, value as written, day)
    let rows = [
        ("date", "2025-03-14", "2025-03-14"),
        ("published", "Fri, 14 Mar 2025 10:00:00 GMT", "2025-03-14"),
        ("published_at", "14 March 2025", "2025-03-14"),
        ("pubDate", "March 14, 2025", "2025-03-14"),
        ("datePublished", "2025/03/14", "2025-03-14"),
        ("date", "2025-03-14 23:59", "2025-03-14"),
        ("date", "2025-03-14T23:30:00-05:00", "2025-03-14"),
        ("date", "14 Mar 2025", "2025-03-14"),
    ];
    let mut paths = Vec::new();
    let mut jsonl = String::new();
    for (i, (key, value, _)) in rows.iter().enumerate() {
        let body = format!("---\n{key}: {value}  # a comment\n---\nArticle {i}.\n");
        paths.push(write(dir.path(), &format!("fm{i}.txt"), body.as_bytes()));
        jsonl.push_str(&format!(
            "{{\"id\": \"j{i}\", \"{key}\": \"{value}\", \"text\": \"Article {i}.\"}}\n"
        ));
    }
    // Unix timestamps, seconds and milliseconds, as numbers and strings.
    jsonl.push_str("{\"id\": \"u1\", \"date\": 1741946400, \"text\": \"Unix.\"}\n");
    jsonl.push_str("{\"id\": \"u2\", \"published\": 1741946400000, \"text\": \"Unix ms.\"}\n");
    jsonl
        .push_str("{\"id\": \"u3\", \"datePublished\": \"1741946400\", \"text\": \"Unix str.\"}\n");
    jsonl.push_str("{\"id\": \"bad\", \"date\": \"31/31/2025\", \"text\": \"Bad.\"}\n");
    jsonl.push_str("{\"id\": \"obj\", \"date\": {\"y\": 2025}, \"text\": \"Object.\"}\n");
    paths.push(write(dir.path(), "all.jsonl", jsonl.as_bytes()));
    let got = ingest(&paths);
    let n = rows.len();
    assert_eq!(got.documents.len(), 2 * n + 5);
    for (i, (_, value, want)) in rows.iter().enumerate() {
        let fm = &got.documents[i];
        let js = &got.documents[n + i];
        assert_eq!(fm.published, day(want), "front matter {value:?}");
        assert_eq!(fm.date_from, DateFrom::FrontMatter);
        assert_eq!(js.published, day(want), "jsonl {value:?}");
        assert_eq!(js.date_from, DateFrom::Jsonl);
    }
    for d in &got.documents[2 * n..2 * n + 3] {
        assert_eq!(d.published, day("2025-03-14"), "{}", d.id);
    }
    for d in &got.documents[2 * n + 3..] {
        assert_eq!(
            (d.published, d.date_from),
            (None, DateFrom::None),
            "{}",
            d.id
        );
        assert_eq!(d.warnings.len(), 1, "{}", d.id);
    }
    let msgs: Vec<String> = got.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(msgs.len(), 2, "{msgs:?}");
    assert!(
        msgs[0].contains("all.jsonl:12: unreadable date in `date`: \"31/31/2025\""),
        "{}",
        msgs[0]
    );
    assert!(
        msgs[1].contains("all.jsonl:13: unreadable date in `date`: an object"),
        "{}",
        msgs[1]
    );
}

#[test]
fn an_unreadable_page_date_is_a_warning_naming_file_line_and_value() {
    let dir = tempfile::tempdir().unwrap();
    let page = "<html><head><title>Quiet day</title>\n\
        <meta name=\"date\" content=\"the day before yesterday\">\n</head><body><article>\
        <p>Nothing much happened in the town today, and the council met only briefly to approve \
        the minutes of its last meeting before adjourning for the holiday.</p></article></body></html>";
    let p = write(dir.path(), "page.html", page.as_bytes());
    let got = ingest(&[p]);
    assert_eq!(got.documents.len(), 1);
    assert_eq!(
        (got.documents[0].published, got.documents[0].date_from),
        (None, DateFrom::None)
    );
    let msgs: Vec<String> = got.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(
        msgs[0].ends_with(
            "page.html:2: unreadable date \"the day before yesterday\" in meta; the page is read undated"
        ),
        "{msgs:?}"
    );
}
