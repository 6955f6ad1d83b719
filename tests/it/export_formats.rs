//! Every export format read back by an independent reader (the csv crate, icalendar's parser,
//! serde_json against TimelineJS3's and Timesketch's field names, rusqlite, pulldown-cmark) on the
//! seed and on a fixture whose text has quotes, commas, line breaks, control characters and
//! non-Latin scripts: what goes in comes back.

use std::collections::HashSet;

use dateline::corpus::{Corpus, Source};
use dateline::export::{Format, Selection, Table, export_to_path, write_json, write_view};
use dateline::ids::EventId;
use dateline::ingest::IngestOptions;
use serde_json::Value;

use crate::common::lexicon;

fn tricky() -> Corpus {
    let path = format!(
        "{}/tests/fixtures/export/tricky.jsonl",
        env!("CARGO_MANIFEST_DIR")
    );
    let source = Source {
        paths: vec![path.into()],
        options: IngestOptions::default(),
    };
    Corpus::load(&source, lexicon())
}

fn seed() -> Corpus {
    Corpus::load(&Source::default(), lexicon())
}

fn corpora() -> [(&'static str, Corpus); 2] {
    [("seed", seed()), ("tricky", tricky())]
}

fn written(c: &Corpus, format: Format) -> Vec<u8> {
    let mut out = Vec::new();
    write_view(c, &Selection::default(), format, &mut out).unwrap();
    out
}

fn sentence(c: &Corpus, i: usize) -> &str {
    let e = &c.events[EventId::new(i)];
    e.span().slice(&c.documents[e.doc()].text)
}

/// Whitespace runs as one space, control characters dropped: the one-line form of text.
fn one_line(s: &str) -> String {
    let mut out = String::new();
    let mut space = false;
    for ch in s.trim().chars() {
        if ch.is_whitespace() {
            space = true;
        } else if !ch.is_control() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(ch);
        }
    }
    out
}

fn dated(c: &Corpus) -> Vec<usize> {
    (0..c.events.len())
        .filter(|&i| c.events[EventId::new(i)].when.earliest.is_some())
        .collect()
}

#[test]
fn the_fixture_holds_what_the_round_trips_are_about() {
    let c = tricky();
    let all: String = (0..c.events.len()).map(|i| sentence(&c, i)).collect();
    for needle in [",", "\"", "\u{7}", "\u{1b}", "Ереван", "日本", "المحادثات"] {
        assert!(
            c.documents.iter().any(|d| d.text.contains(needle)),
            "{needle:?}"
        );
    }
    for needle in [",", "\"", "\u{7}", "Ереван", "*", "<script>"] {
        assert!(all.contains(needle), "no event sentence holds {needle:?}");
    }
    assert!(c.events.iter().any(|e| e.when.earliest.is_none()));
    assert!(
        c.quotes.iter().any(|q| q.parts().len() > 1),
        "no direct quote split by its attribution (\"A,\" she said, \"B.\")"
    );
}

#[test]
fn json_is_the_dateline_1_writer_and_reads_back_to_the_same_bytes() {
    for (name, c) in corpora() {
        if name == "tricky" {
            assert!(
                c.timexes.iter().any(|t| t.part.is_some()),
                "the fixture has a sub-event to read back"
            );
        }
        let mut direct = Vec::new();
        write_json(&c, &mut direct, false).unwrap();
        direct.push(b'\n');
        assert_eq!(
            written(&c, Format::Json { pretty: false }),
            direct,
            "{name}"
        );
        let back = dateline::export::read::from_slice(&direct).unwrap();
        let mut again = Vec::new();
        write_json(&back, &mut again, false).unwrap();
        again.push(b'\n');
        assert_eq!(again, direct, "{name}: read back and written again");
        let mut pretty = Vec::new();
        write_json(&c, &mut pretty, true).unwrap();
        let back = dateline::export::read::from_slice(&pretty).unwrap();
        let mut again = Vec::new();
        write_json(&back, &mut again, true).unwrap();
        assert_eq!(again, pretty, "{name}: pretty");
    }
}

#[test]
fn a_bad_export_is_an_error_not_a_panic() {
    let good = {
        let mut v = Vec::new();
        write_json(&tricky(), &mut v, false).unwrap();
        String::from_utf8(v).unwrap()
    };
    let cases = [
        "".to_string(),
        "{}".to_string(),
        good.replace("dateline/1", "dateline/9"),
        good.replace("\"start\":0", "\"start\":99999999"),
        good.replacen("\"doc\":\"tricky-1\"", "\"doc\":\"nowhere\"", 1),
        good[..good.len() / 2].to_string(),
    ];
    for bad in cases {
        assert!(
            dateline::export::read::from_slice(bad.as_bytes()).is_err(),
            "{}",
            &bad[..bad.len().min(80)]
        );
    }
}

#[test]
fn jsonl_has_one_object_per_event_with_its_text_exact() {
    for (name, c) in corpora() {
        let out = String::from_utf8(written(&c, Format::Jsonl)).unwrap();
        let lines: Vec<Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), c.events.len(), "{name}");
        for (i, v) in lines.iter().enumerate() {
            assert_eq!(v["text"], sentence(&c, i), "{name} e{}", i + 1);
            assert_eq!(v["id"], format!("e{}", i + 1));
            let doc = &c.documents[c.events[EventId::new(i)].doc()];
            assert_eq!(v["document"]["id"], doc.id.as_str());
            assert_eq!(v["document"]["title"].as_str(), doc.title.as_deref());
            let actors: Vec<&str> = v["actors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["id"].as_str().unwrap())
                .collect();
            let want: Vec<&str> = c.events[EventId::new(i)]
                .actors()
                .iter()
                .map(|a| c.actors[a].id.as_str())
                .collect();
            assert_eq!(actors, want);
            assert!(v["happening"]["id"].is_string());
        }
    }
}

#[test]
fn csv_tables_read_back_with_the_csv_crate() {
    for (name, c) in corpora() {
        let out = written(&c, Format::Csv(Table::Events));
        let mut r = csv::Reader::from_reader(&out[..]);
        let headers = r.headers().unwrap().clone();
        let col = |n: &str| headers.iter().position(|h| h == n).unwrap();
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), c.events.len(), "{name}");
        for (i, row) in rows.iter().enumerate() {
            assert_eq!(&row[col("sentence")], sentence(&c, i), "{name} row {i}");
            let doc = &c.documents[c.events[EventId::new(i)].doc()];
            assert_eq!(&row[col("title")], doc.title.as_deref().unwrap_or(""));
            assert_eq!(&row[col("outlet")], doc.source.as_deref().unwrap_or(""));
            assert_eq!(&row[col("url")], doc.url.as_deref().unwrap_or(""));
            assert_eq!(
                row[col("start")].parse::<usize>().unwrap(),
                c.events[EventId::new(i)].span().start
            );
            let names: Vec<&str> = c.events[EventId::new(i)]
                .actors()
                .iter()
                .map(|a| c.actors[a].name.as_str())
                .collect();
            assert_eq!(&row[col("actors")], names.join("; "));
            let precision = &row[col("precision")];
            assert_eq!(
                precision.is_empty(),
                c.events[EventId::new(i)].when.earliest.is_none()
            );
        }

        let out = written(&c, Format::Csv(Table::Quotes));
        let mut r = csv::Reader::from_reader(&out[..]);
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), c.quotes.len(), "{name}");
        for (q, row) in c.quotes.iter().zip(&rows) {
            assert_eq!(&row[4], q.span().slice(&c.documents[q.doc()].text));
        }

        let out = written(&c, Format::Csv(Table::Actors));
        let mut r = csv::Reader::from_reader(&out[..]);
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), c.actors.len(), "{name}");
        for (a, row) in c.actors.iter().zip(&rows) {
            assert_eq!((&row[0], &row[1]), (a.id.as_str(), a.name.as_str()));
            assert_eq!(row[6].parse::<usize>().unwrap(), a.mentions.len());
        }
    }
}

/// The text of each top-level list item of a CommonMark document, and of the items under it.
fn list_items(md: &str) -> Vec<(String, Vec<String>)> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut items: Vec<(String, Vec<String>)> = Vec::new();
    let mut depth = 0;
    for ev in Parser::new(md) {
        match ev {
            Event::Start(Tag::Item) => {
                depth += 1;
                if depth == 1 {
                    items.push((String::new(), Vec::new()));
                } else if let Some(last) = items.last_mut() {
                    last.1.push(String::new());
                }
            }
            Event::End(TagEnd::Item) => depth -= 1,
            Event::Text(t) | Event::Code(t) => {
                if let Some(last) = items.last_mut() {
                    match depth {
                        1 => last.0.push_str(&t),
                        d if d > 1 => last.1.last_mut().unwrap().push_str(&t),
                        _ => {}
                    }
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(last) = items.last_mut() {
                    last.0.push('\n');
                }
            }
            _ => {}
        }
    }
    items
}

#[test]
fn markdown_parses_to_one_item_per_happening_with_its_sentence_as_text() {
    for (name, c) in corpora() {
        let md = String::from_utf8(written(&c, Format::Markdown)).unwrap();
        let items = list_items(&md);
        // One bullet per happening, its label sentence first, its events' quotes under it.
        assert_eq!(items.len(), c.happenings.len(), "{name}:\n{md}");
        for ((text, quotes), h) in items.iter().zip(c.happenings.iter()) {
            let want = one_line(sentence(&c, h.label.index()));
            assert!(
                text.starts_with(&format!("{want} — ")),
                "{name}: {text:?} does not start with {want:?}"
            );
            assert!(!text.contains('\n'), "{text:?}");
            let mut qs: Vec<_> = h
                .events()
                .iter()
                .flat_map(|e| c.events[e].quotes().to_vec())
                .collect();
            qs.sort();
            qs.dedup();
            assert_eq!(quotes.len(), qs.len(), "{name}: {text}");
        }
        // Headings are dates, in order, with the undated last.
        let headings: Vec<&str> = md.lines().filter_map(|l| l.strip_prefix("## ")).collect();
        assert!(!headings.is_empty());
        if c.happenings.iter().any(|h| h.when.earliest.is_none()) {
            assert_eq!(headings.last(), Some(&"Undated"));
        }
    }
}

#[test]
fn timelinejs_uses_the_documented_fields() {
    for (name, c) in corpora() {
        let v: Value = serde_json::from_slice(&written(&c, Format::TimelineJs)).unwrap();
        assert!(v["title"]["text"]["headline"].is_string());
        let events = v["events"].as_array().unwrap();
        let dated = dated(&c);
        assert_eq!(events.len(), dated.len(), "{name}");
        for (slide, &i) in events.iter().zip(&dated) {
            let obj = slide.as_object().unwrap();
            for key in obj.keys() {
                assert!(
                    [
                        "start_date",
                        "end_date",
                        "text",
                        "group",
                        "unique_id",
                        "media"
                    ]
                    .contains(&key.as_str()),
                    "{key} is not a TimelineJS3 slide field"
                );
            }
            let e = &c.events[EventId::new(i)];
            let start = &slide["start_date"];
            let first = e.when.earliest.unwrap();
            assert_eq!(
                start["year"].as_i64(),
                Some(i64::from(chrono::Datelike::year(&first)))
            );
            for key in start.as_object().unwrap().keys() {
                assert!(["year", "month", "day"].contains(&key.as_str()), "{key}");
            }
            if let Some(end) = slide.get("end_date") {
                let last = e.when.latest.unwrap();
                assert_eq!(
                    end["day"].as_u64(),
                    Some(u64::from(chrono::Datelike::day(&last)))
                );
            }
            let html = slide["text"]["text"].as_str().unwrap();
            let unescaped = html
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
            assert!(unescaped.contains(&one_line(sentence(&c, i))), "{html}");
            assert!(!html.contains("<script>"));
            assert_eq!(slide["unique_id"], format!("e{}", i + 1));
        }
    }
}

#[test]
fn timesketch_lines_have_the_required_fields() {
    for (name, c) in corpora() {
        let out = String::from_utf8(written(&c, Format::Timesketch)).unwrap();
        let dated = dated(&c);
        let lines: Vec<Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), dated.len(), "{name}");
        for (v, &i) in lines.iter().zip(&dated) {
            assert_eq!(v["message"], one_line(sentence(&c, i)));
            let when =
                chrono::DateTime::parse_from_rfc3339(v["datetime"].as_str().unwrap()).unwrap();
            assert_eq!(
                when.date_naive(),
                c.events[EventId::new(i)].when.earliest.unwrap()
            );
            assert_eq!(v["timestamp"].as_i64(), Some(when.timestamp_micros()));
            assert!(!v["timestamp_desc"].as_str().unwrap().is_empty());
            // Attributes are flat: Timesketch indexes strings and numbers.
            for (k, x) in v.as_object().unwrap() {
                assert!(x.is_string() || x.is_number(), "{k}: {x}");
            }
        }
    }
}

/// Undoes RFC 5545 TEXT escaping.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(ch) = chars.next() {
        if ch == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(c) => out.push(c),
                None => {}
            }
        } else {
            out.push(ch);
        }
    }
    out
}

#[test]
fn ics_parses_with_folded_lines_escaped_text_and_stable_uids() {
    for (name, c) in corpora() {
        let raw = String::from_utf8(written(&c, Format::Ics)).unwrap();
        assert!(raw.ends_with("\r\n"));
        for line in raw.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
            assert!(!line.contains('\n') && !line.contains('\r'));
            assert!(line.chars().all(|ch| !ch.is_control() || ch == '\t'));
        }
        let unfolded = icalendar::parser::unfold(&raw);
        let cal = icalendar::parser::read_calendar(&unfolded).unwrap();
        assert!(raw.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(cal.properties.iter().any(|p| p.name == "PRODID"));
        let events: Vec<_> = cal
            .components
            .iter()
            .filter(|x| x.name == "VEVENT")
            .collect();
        let dated: Vec<_> = c
            .happenings
            .iter()
            .filter(|h| h.when.earliest.is_some())
            .collect();
        assert_eq!(events.len(), dated.len(), "{name}");
        let mut uids = HashSet::new();
        let mut uid_of_label = std::collections::HashMap::new();
        for (ev, h) in events.iter().zip(&dated) {
            let prop = |n: &str| {
                ev.properties
                    .iter()
                    .find(|p| p.name == n)
                    .map(|p| p.val.as_str().to_string())
            };
            assert!(uids.insert(prop("UID").unwrap()), "UIDs are unique");
            assert!(prop("DTSTAMP").unwrap().ends_with('Z'));
            let start = h.when.earliest.unwrap();
            let end = h
                .when
                .latest
                .unwrap_or(start)
                .max(start)
                .succ_opt()
                .unwrap();
            assert_eq!(prop("DTSTART").unwrap(), start.format("%Y%m%d").to_string());
            assert_eq!(prop("DTEND").unwrap(), end.format("%Y%m%d").to_string());
            let desc = unescape(&prop("DESCRIPTION").unwrap());
            assert_eq!(
                desc.lines().next().unwrap(),
                one_line(sentence(&c, h.label.index()))
            );
            uid_of_label.insert(
                desc.lines().next().unwrap().to_string(),
                prop("UID").unwrap(),
            );
        }
        // The same articles give the same calendar; a filtered view gives a happening whose
        // label report it keeps the same UID.
        assert_eq!(written(&c, Format::Ics), raw.as_bytes());
        if let Some(actor) = c.actors.iter().find(|a| a.mentions.len() > 1) {
            let sel = Selection {
                actors: vec![actor.id.clone()],
                ..Selection::default()
            };
            let mut out = Vec::new();
            write_view(&c, &sel, Format::Ics, &mut out).unwrap();
            let sub = String::from_utf8(out).unwrap();
            let cal = icalendar::parser::unfold(&sub);
            let cal = icalendar::parser::read_calendar(&cal).unwrap();
            let mut same = 0;
            for ev in cal.components.iter().filter(|x| x.name == "VEVENT") {
                let prop = |n: &str| {
                    ev.properties
                        .iter()
                        .find(|p| p.name == n)
                        .map(|p| p.val.as_str().to_string())
                        .unwrap()
                };
                let desc = unescape(&prop("DESCRIPTION"));
                if let Some(uid) = uid_of_label.get(desc.lines().next().unwrap()) {
                    assert_eq!(&prop("UID"), uid);
                    same += 1;
                }
            }
            if name == "seed" {
                assert!(same > 0, "no happening of the view kept its label report");
            }
        }
    }
}

#[cfg(feature = "sqlite")]
#[test]
fn sqlite_holds_every_table_with_keys_and_answers_queries() {
    for (name, c) in corpora() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.sqlite");
        std::fs::write(&path, written(&c, Format::Sqlite)).unwrap();
        let db = rusqlite::Connection::open(&path).unwrap();
        let count = |table: &str| -> usize {
            db.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| {
                r.get::<_, i64>(0)
            })
            .unwrap() as usize
        };
        for table in dateline::export::SQLITE_TABLES {
            count(table);
        }
        assert_eq!(count("documents"), c.documents.len(), "{name}");
        assert_eq!(count("events"), c.events.len());
        assert_eq!(count("actors"), c.actors.len());
        assert_eq!(count("topics"), c.topics.len());
        assert_eq!(count("quotes"), c.quotes.len());
        assert_eq!(count("timexes"), c.timexes.len());
        let mentions: usize = c.actors.iter().map(|a| a.mentions.len()).sum::<usize>()
            + c.topics.iter().map(|t| t.mentions.len()).sum::<usize>();
        assert_eq!(count("mentions"), mentions);
        let fk: Vec<String> = db
            .prepare("PRAGMA foreign_key_check")
            .unwrap()
            .query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert!(fk.is_empty(), "{fk:?}");
        let indexes = db
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
                [],
                |r| r.get::<_, i64>(0),
            )
            .unwrap();
        assert!(indexes >= 10, "{indexes}");
        // Text comes back exactly, and joins answer what the corpus says.
        let mut st = db.prepare("SELECT text FROM events ORDER BY id").unwrap();
        let texts: Vec<String> = st
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        for (i, t) in texts.iter().enumerate() {
            assert_eq!(t, sentence(&c, i));
        }
        for (i, a) in c.actors.iter().enumerate().take(20) {
            let n: i64 = db
                .query_row(
                    "SELECT count(*) FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
                     WHERE a.actor = ?1",
                    [&a.id],
                    |r| r.get(0),
                )
                .unwrap();
            let want = c
                .events
                .iter()
                .filter(|e| e.actors().iter().any(|x| x.index() == i))
                .count();
            assert_eq!(n as usize, want, "{}", a.id);
        }
    }
}

#[test]
fn filters_apply_to_every_format() {
    let c = seed();
    let sel = Selection {
        actors: vec!["Pashinyan".into()],
        ..Selection::default()
    };
    let picked = sel.apply(&c).unwrap();
    assert!(!picked.events.is_empty() && picked.events.len() < c.events.len());
    for format in [
        Format::Json { pretty: false },
        Format::Jsonl,
        Format::Csv(Table::Events),
        Format::Markdown,
        Format::TimelineJs,
        Format::Timesketch,
        Format::Ics,
        Format::Sqlite,
    ] {
        let mut via_view = Vec::new();
        write_view(&c, &sel, format, &mut via_view).unwrap();
        let mut direct = Vec::new();
        write_view(&picked, &Selection::default(), format, &mut direct).unwrap();
        if format == Format::Markdown {
            // The brief's title names its filters.
            assert!(String::from_utf8_lossy(&via_view).starts_with("# Timeline: actor Pashinyan"));
        } else if format != Format::Sqlite {
            assert_eq!(via_view, direct, "{}", format.name());
        }
        assert_ne!(via_view, written(&c, format), "{}", format.name());
    }
    let bad = Selection {
        topics: vec!["no such topic".into()],
        ..Selection::default()
    };
    let err = write_view(&c, &bad, Format::Jsonl, &mut Vec::new()).unwrap_err();
    assert!(err.to_string().contains("no topic named"), "{err}");
}

#[test]
fn a_view_exported_to_a_file_takes_the_format_its_name_names() {
    let c = seed();
    let sel = Selection {
        actors: vec!["Pashinyan".into()],
        ..Selection::default()
    };
    let dir = tempfile::tempdir().unwrap();
    for (file, want) in [
        ("view.json", Format::Json { pretty: false }),
        ("view.jsonl", Format::Jsonl),
        ("view.csv", Format::Csv(Table::Events)),
        ("view.quotes.csv", Format::Csv(Table::Quotes)),
        ("view.md", Format::Markdown),
        ("view.timeline.json", Format::TimelineJs),
        ("view.timesketch.jsonl", Format::Timesketch),
        ("view.ics", Format::Ics),
        ("view.sqlite", Format::Sqlite),
        ("view.txt", Format::Json { pretty: true }),
    ] {
        if want == Format::Sqlite && !cfg!(feature = "sqlite") {
            continue;
        }
        let path = dir.path().join(file);
        let got = export_to_path(&c, &sel, &path).unwrap();
        let want = match want {
            // A plain `.json` name is the browser's indented dateline/1.
            Format::Json { .. } => Format::Json { pretty: true },
            f => f,
        };
        assert_eq!(got, want, "{file}");
        let bytes = std::fs::read(&path).unwrap();
        if want != Format::Sqlite {
            let mut direct = Vec::new();
            write_view(&c, &sel, want, &mut direct).unwrap();
            assert_eq!(bytes, direct, "{file}");
        } else {
            #[cfg(feature = "sqlite")]
            {
                let db = rusqlite::Connection::open(&path).unwrap();
                let n: i64 = db
                    .query_row("SELECT count(*) FROM events", [], |r| r.get(0))
                    .unwrap();
                assert_eq!(n as usize, sel.apply(&c).unwrap().events.len());
            }
        }
    }
    // A view the corpus cannot give is an error, and nothing is written.
    let bad = Selection {
        actors: vec!["Nobody Atall".into()],
        ..Selection::default()
    };
    let path = dir.path().join("bad.csv");
    let err = export_to_path(&c, &bad, &path).unwrap_err();
    assert!(err.to_string().contains("no actor named"), "{err}");
    assert!(!path.exists());
}
