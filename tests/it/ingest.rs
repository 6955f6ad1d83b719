//! Ingestion table tests: front matter, JSONL, bad bytes, empty and binary files, `--date`, folders.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dateline::ingest::{IngestOptions, Ingested, ingest_paths};
use dateline::model::DateBasis;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, bytes).unwrap();
    p
}

fn ingest(paths: &[PathBuf], default_date: Option<NaiveDate>) -> Ingested {
    ingest_paths(paths, &IngestOptions { default_date })
}

#[test]
fn text_files_with_and_without_front_matter() {
    let dir = tempfile::tempdir().unwrap();
    // (file, content, expected date, expected title, expected body)
    type Case<'a> = (&'a str, &'a str, Option<&'a str>, Option<&'a str>, &'a str);
    let cases: &[Case] = &[
        ("a.txt", "Plain body.\n", None, None, "Plain body.\n"),
        (
            "b.md",
            "---\ntitle: Talks\ndate: 2025-11-20\nsource: Wire\nurl: https://x.test/a\nauthor: A. B.\n---\nBody.\n",
            Some("2025-11-20"),
            Some("Talks"),
            "Body.\n",
        ),
        (
            "c.txt",
            "---\npublished: 2024-02-29T23:00:00Z\n---\nLeap.",
            Some("2024-02-29"),
            None,
            "Leap.",
        ),
        (
            "d.txt",
            "\u{feff}---\ndate: 2025-01-03\n---\nBOM.",
            Some("2025-01-03"),
            None,
            "BOM.",
        ),
    ];
    let paths: Vec<PathBuf> = cases
        .iter()
        .map(|c| write(dir.path(), c.0, c.1.as_bytes()))
        .collect();
    let got = ingest(&paths, None);
    assert!(got.diagnostics.is_empty(), "{:?}", got.diagnostics);
    assert_eq!(got.documents.len(), cases.len());
    for (doc, case) in got.documents.iter().zip(cases) {
        assert_eq!(doc.published, case.2.map(date), "{}", case.0);
        assert_eq!(doc.title.as_deref(), case.3, "{}", case.0);
        assert_eq!(doc.text, case.4, "{}", case.0);
        // text_start points at the body inside the file, so editors can jump to text_start + offset.
        assert_eq!(
            &case.1.as_bytes()[doc.text_start..],
            doc.text.as_bytes(),
            "{}",
            case.0
        );
        let basis = if case.2.is_some() {
            DateBasis::Metadata
        } else {
            DateBasis::None
        };
        assert_eq!(doc.date_basis, basis, "{}", case.0);
    }
    assert_eq!(got.documents[1].source.as_deref(), Some("Wire"));
    assert_eq!(got.documents[1].url.as_deref(), Some("https://x.test/a"));
    assert_eq!(got.documents[1].author.as_deref(), Some("A. B."));
}

#[test]
fn bad_dates_and_false_front_matter_never_skip_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(
        dir.path(),
        "bad.txt",
        b"---\ntitle: x\ndate: yesterday\n---\nBody.",
    );
    let unclosed = write(dir.path(), "unclosed.txt", b"---\ntitle: x\nBody.");
    let rule = write(
        dir.path(),
        "rule.md",
        b"---\n\nText under a rule.\n\n---\nMore.",
    );
    let good = write(dir.path(), "good.txt", b"Fine.");
    let got = ingest(&[bad, unclosed, rule, good], None);
    let ids: Vec<&str> = got.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["bad", "unclosed", "rule", "good"]);
    let bad = &got.documents[0];
    assert_eq!((bad.published, bad.date_basis), (None, DateBasis::None));
    assert_eq!(
        (bad.title.as_deref(), bad.text.as_str()),
        (Some("x"), "Body.")
    );
    assert_eq!(got.documents[1].text, "---\ntitle: x\nBody.");
    assert_eq!(
        got.documents[2].text,
        "---\n\nText under a rule.\n\n---\nMore."
    );
    let msgs: Vec<String> = got.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(msgs.len(), 2, "{msgs:?}");
    assert!(
        msgs[0].contains("bad.txt:3: unreadable date \"yesterday\""),
        "{}",
        msgs[0]
    );
    assert!(
        msgs[1].contains("unclosed.txt:3: front matter not read (line 3 is not `key: value`"),
        "{}",
        msgs[1]
    );
    assert!(got.diagnostics.iter().all(|d| !d.skipped));
}

#[test]
fn jsonl_bad_lines_are_reported_and_the_rest_read() {
    let dir = tempfile::tempdir().unwrap();
    let body = concat!(
        "{\"id\": \"a\", \"title\": \"T\", \"date\": \"2025-11-20\", \"source\": \"S\", \"url\": \"u\", \"text\": \"First.\"}\n",
        "{not json}\n",
        "\n",
        "{\"id\": \"c\"}\n",
        "{\"text\": 5}\n",
        "[1, 2]\n",
        "{\"id\": \"f\", \"date\": \"20 Nov\", \"text\": \"Bad date.\"}\n",
        "{\"text\": \"No id, no date.\"}\n",
        "{\"id\": 7, \"date\": \"2025-11-21T08:00:00+02:00\", \"text\": \"Numeric id.\"}\n",
    );
    let p = write(dir.path(), "feed.jsonl", body.as_bytes());
    let got = ingest(&[p], Some(date("2025-01-01")));
    let ids: Vec<&str> = got.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a", "f", "feed-8", "7"]);
    let lines: Vec<Option<usize>> = got.diagnostics.iter().map(|d| d.line).collect();
    assert_eq!(lines, [Some(2), Some(4), Some(5), Some(6), Some(7)]);
    // An unreadable date is a warning: the article is read, with the `--date` fallback.
    assert!(!got.diagnostics[4].skipped);
    assert_eq!(got.documents[1].published, Some(date("2025-01-01")));
    let msgs: Vec<String> = got.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(
        msgs[0].contains("feed.jsonl:2: invalid JSON"),
        "{}",
        msgs[0]
    );
    assert!(
        msgs[1].contains("missing required field `text`"),
        "{}",
        msgs[1]
    );
    assert!(msgs[2].contains("`text` must be a string"), "{}", msgs[2]);
    assert!(msgs[3].contains("expected a JSON object"), "{}", msgs[3]);
    assert!(
        msgs[4].contains("feed.jsonl:7: unreadable date in `date`: \"20 Nov\""),
        "{}",
        msgs[4]
    );
    let a = &got.documents[0];
    assert_eq!(
        (a.published, a.date_basis),
        (Some(date("2025-11-20")), DateBasis::Metadata)
    );
    assert_eq!(
        (a.title.as_deref(), a.source.as_deref(), a.url.as_deref()),
        (Some("T"), Some("S"), Some("u"))
    );
    let b = &got.documents[2];
    assert_eq!(
        (b.published, b.date_basis),
        (Some(date("2025-01-01")), DateBasis::Flag)
    );
    assert_eq!(got.documents[3].published, Some(date("2025-11-21")));
}

#[test]
fn bad_bytes_empty_and_binary_files() {
    let dir = tempfile::tempdir().unwrap();
    let latin1 = write(dir.path(), "latin1.txt", b"Caf\xe9 owners met on Monday.");
    let empty = write(dir.path(), "empty.txt", b"");
    let blank = write(dir.path(), "blank.md", b"  \n\n\t\n");
    let binary = write(dir.path(), "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let missing = dir.path().join("missing.txt");
    let got = ingest(&[latin1, empty, blank, binary, missing], None);
    assert_eq!(got.documents.len(), 1);
    let doc = &got.documents[0];
    assert_eq!(doc.text, "Caf\u{fffd} owners met on Monday.");
    assert_eq!(doc.warnings.len(), 1);
    assert!(
        doc.warnings[0].contains("invalid UTF-8 at byte 3"),
        "{:?}",
        doc.warnings
    );
    let msgs: Vec<String> = got.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(msgs.len(), 5, "{msgs:?}");
    assert!(msgs[0].contains("latin1.txt: invalid UTF-8"));
    assert!(msgs[1].contains("empty.txt: empty file, skipped"));
    assert!(msgs[2].contains("blank.md: empty file, skipped"));
    assert!(msgs[3].contains("image.txt: binary file, skipped"));
    assert!(msgs[4].contains("missing.txt"));
    assert!(!got.diagnostics[0].skipped && got.diagnostics[1..].iter().all(|d| d.skipped));
}

#[test]
fn date_flag_only_fills_missing_dates() {
    let dir = tempfile::tempdir().unwrap();
    let dated = write(dir.path(), "dated.txt", b"---\ndate: 2020-05-05\n---\nA.");
    let undated = write(dir.path(), "undated.txt", b"B.");
    let got = ingest(&[dated, undated], Some(date("2025-11-20")));
    let got: Vec<_> = got
        .documents
        .iter()
        .map(|d| (d.published, d.date_basis))
        .collect();
    assert_eq!(
        got,
        [
            (Some(date("2020-05-05")), DateBasis::Metadata),
            (Some(date("2025-11-20")), DateBasis::Flag)
        ]
    );
}

#[test]
fn folders_are_recursive_sorted_and_ids_unique() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "sport/001.txt", b"Sport.");
    write(dir.path(), "business/001.txt", b"Business.");
    write(dir.path(), "business/002.md", b"Two.");
    write(dir.path(), "README.TXT", b"About this archive.");
    write(dir.path(), "notes.csv", b"a,b");
    write(dir.path(), ".hidden/x.txt", b"Hidden.");
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sport/loop")).unwrap();
    let before: Vec<_> = std::fs::read(dir.path().join("sport/001.txt"))
        .into_iter()
        .collect();
    let got = ingest(&[dir.path().to_path_buf()], None);
    let ids: Vec<&str> = got.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["business/001", "002", "sport/001"]);
    assert!(got.diagnostics.is_empty(), "{:?}", got.diagnostics);
    // Input files are never modified.
    let after: Vec<_> = std::fs::read(dir.path().join("sport/001.txt"))
        .into_iter()
        .collect();
    assert_eq!(before, after);
}

#[test]
fn bundled_seed_is_the_seed_article_with_its_date() {
    let doc = dateline::ingest::bundled_seed(&IngestOptions::default());
    assert_eq!(doc.id, "000_55d5bc292107d184");
    assert_eq!(doc.published, Some(date("2025-11-20")));
    assert_eq!(doc.date_basis, DateBasis::Metadata);
    let body = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/seed-000.body.txt"
    ))
    .unwrap();
    assert_eq!(doc.text, body);
}
