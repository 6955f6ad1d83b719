//! The `dateline/1` contract: every documented field is present, typed as documented, and consistent.

use std::path::PathBuf;

use dateline::corpus::{Corpus, Source};
use dateline::ingest::IngestOptions;
use serde_json::Value;

/// The kinds of sub-event docs/schema.md documents, for `timexes[].part` and `events[].parts[].kind`.
const PART_KINDS: &[&str] = &[
    "relative",
    "quote",
    "since",
    "participle",
    "subordinate",
    "comparison",
    "reported",
    "modifier",
    "noun",
];

fn export_of(source: &Source) -> Value {
    let corpus = Corpus::load(source, crate::common::lexicon());
    let mut buf = Vec::new();
    dateline::export::write_json(&corpus, &mut buf, false).unwrap();
    serde_json::from_slice(&buf).unwrap()
}

fn fixture_corpus() -> Source {
    Source {
        paths: vec![PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/corpus"
        ))],
        options: IngestOptions::default(),
    }
}

/// Asserts that `obj` has exactly-typed fields: "s" string, "s?" string or null, "n" non-negative
/// integer, "a" array, "o?" object or null, "d?" YYYY-MM-DD or null, "o" object.
fn check(obj: &Value, fields: &[(&str, &str)], what: &str) {
    let map = obj
        .as_object()
        .unwrap_or_else(|| panic!("{what} is not an object"));
    for (name, ty) in fields {
        let v = map
            .get(*name)
            .unwrap_or_else(|| panic!("{what} lacks `{name}`: {obj}"));
        let ok = match *ty {
            "s" => v.is_string(),
            "s?" => v.is_string() || v.is_null(),
            "n" => v.is_u64(),
            "b" => v.is_boolean(),
            "a" => v.is_array(),
            "o" => v.is_object(),
            "o?" => v.is_object() || v.is_null(),
            "d?" => {
                v.is_null()
                    || v.as_str()
                        .is_some_and(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok())
            }
            other => panic!("unknown type {other}"),
        };
        assert!(ok, "{what}.{name} should be {ty}, is {v}");
    }
}

fn one_of(v: &Value, allowed: &[&str], what: &str) {
    let s = v
        .as_str()
        .unwrap_or_else(|| panic!("{what} is not a string: {v}"));
    assert!(
        allowed.contains(&s),
        "{what} = {s:?}, expected one of {allowed:?}"
    );
}

fn check_export(e: &Value) {
    assert_eq!(e["format"], "dateline/1");
    let docs = e["documents"].as_array().unwrap();
    let doc_ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    let text_of = |id: &str| {
        docs.iter().find(|d| d["id"] == id).unwrap()["text"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let in_doc = |v: &Value, what: &str| {
        let doc = v["doc"].as_str().unwrap();
        assert!(doc_ids.contains(&doc), "{what}: unknown doc {doc}");
        let (s, t) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        let text = text_of(doc);
        assert!(
            s < t && t <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(t),
            "{what}: bad span {s}..{t}"
        );
        text[s..t].to_string()
    };
    for d in docs {
        check(
            d,
            &[
                ("id", "s"),
                ("path", "s"),
                ("title", "s?"),
                ("source", "s?"),
                ("url", "s?"),
                ("published", "d?"),
                ("date_basis", "s"),
                ("date_from", "s"),
                ("summary_only", "b"),
                ("duplicate_of", "s?"),
                ("text_start", "n"),
                ("text", "s"),
                ("warnings", "a"),
            ],
            "document",
        );
        one_of(
            &d["date_basis"],
            &["metadata", "flag", "none"],
            "date_basis",
        );
        one_of(
            &d["date_from"],
            &[
                "front_matter",
                "jsonl",
                "json_ld",
                "open_graph",
                "meta",
                "time_element",
                "url",
                "feed",
                "flag",
                "none",
                "metadata",
            ],
            "date_from",
        );
        if let Some(orig) = d["duplicate_of"].as_str() {
            let first = doc_ids.iter().position(|&i| i == orig).unwrap();
            let this = doc_ids.iter().position(|&i| i == d["id"]).unwrap();
            assert!(first < this, "a copy points at an earlier document");
            assert!(
                docs[first]["duplicate_of"].is_null(),
                "copies point at the first copy"
            );
        }
    }
    for t in e["timexes"].as_array().unwrap() {
        check(
            t,
            &[
                ("doc", "s"),
                ("start", "n"),
                ("end", "n"),
                ("text", "s"),
                ("type", "s"),
                ("value", "s"),
                ("earliest", "d?"),
                ("latest", "d?"),
                ("part", "s?"),
            ],
            "timex",
        );
        if !t["part"].is_null() {
            one_of(&t["part"], PART_KINDS, "timex.part");
        }
        one_of(
            &t["type"],
            &["DATE", "TIME", "DURATION", "SET"],
            "timex.type",
        );
        assert_eq!(in_doc(t, "timex"), t["text"].as_str().unwrap());
    }
    let actor_ids: Vec<&str> = e["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    for a in e["actors"].as_array().unwrap() {
        check(
            a,
            &[
                ("id", "s"),
                ("name", "s"),
                ("kind", "s"),
                ("roles", "a"),
                ("aliases", "a"),
                ("mentions", "a"),
            ],
            "actor",
        );
        one_of(
            &a["kind"],
            &["person", "organization", "place", "group"],
            "actor.kind",
        );
        for m in a["mentions"].as_array().unwrap() {
            check(m, &[("doc", "s"), ("start", "n"), ("end", "n")], "mention");
            in_doc(m, "actor mention");
        }
    }
    let topic_ids: Vec<&str> = e["topics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    for t in e["topics"].as_array().unwrap() {
        check(
            t,
            &[("id", "s"), ("label", "s"), ("mentions", "a")],
            "topic",
        );
        for m in t["mentions"].as_array().unwrap() {
            in_doc(m, "topic mention");
        }
    }
    let quote_ids: Vec<&str> = e["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["id"].as_str().unwrap())
        .collect();
    for q in e["quotes"].as_array().unwrap() {
        check(
            q,
            &[
                ("id", "s"),
                ("doc", "s"),
                ("start", "n"),
                ("end", "n"),
                ("kind", "s"),
                ("speakers", "a"),
                ("speaker_text", "s?"),
                ("speaker_span", "o?"),
                ("cue", "s?"),
            ],
            "quote",
        );
        one_of(&q["kind"], &["direct", "reported", "term"], "quote.kind");
        in_doc(q, "quote");
        for s in q["speakers"].as_array().unwrap() {
            assert!(
                actor_ids.contains(&s.as_str().unwrap()),
                "quote speaker {s} is no actor"
            );
        }
    }
    let mut last: Option<(bool, String)> = None;
    for ev in e["events"].as_array().unwrap() {
        check(
            ev,
            &[
                ("id", "s"),
                ("doc", "s"),
                ("start", "n"),
                ("end", "n"),
                ("text", "s"),
                ("when", "o"),
                ("status", "s"),
                ("actors", "a"),
                ("topics", "a"),
                ("quotes", "a"),
                ("happening", "s"),
                ("parts", "a"),
            ],
            "event",
        );
        // Sub-events: each a marked expression inside the sentence, in text order.
        let (start, end) = (ev["start"].as_u64().unwrap(), ev["end"].as_u64().unwrap());
        let mut at = start;
        for p in ev["parts"].as_array().unwrap() {
            check(
                p,
                &[
                    ("start", "n"),
                    ("end", "n"),
                    ("text", "s"),
                    ("kind", "s"),
                    ("when", "o"),
                ],
                "event.parts[]",
            );
            one_of(&p["kind"], PART_KINDS, "part.kind");
            let (s, t) = (p["start"].as_u64().unwrap(), p["end"].as_u64().unwrap());
            assert!(at <= s && s < t && t <= end, "a part outside its sentence");
            at = t;
            let timex = e["timexes"]
                .as_array()
                .unwrap()
                .iter()
                .find(|x| x["doc"] == ev["doc"] && x["start"] == p["start"] && x["end"] == p["end"])
                .expect("a part is a time expression");
            assert_eq!(timex["part"], p["kind"]);
            assert_eq!(timex["value"], p["when"]["value"]);
        }
        check(
            &ev["when"],
            &[
                ("earliest", "d?"),
                ("latest", "d?"),
                ("value", "s?"),
                ("basis", "s"),
            ],
            "event.when",
        );
        one_of(
            &ev["when"]["basis"],
            &["explicit", "relative", "document", "inherited", "unknown"],
            "when.basis",
        );
        one_of(
            &ev["status"],
            &["past", "ongoing", "planned", "unknown"],
            "event.status",
        );
        assert_eq!(in_doc(ev, "event"), ev["text"].as_str().unwrap());
        for a in ev["actors"].as_array().unwrap() {
            assert!(actor_ids.contains(&a.as_str().unwrap()));
        }
        for t in ev["topics"].as_array().unwrap() {
            assert!(topic_ids.contains(&t.as_str().unwrap()));
        }
        for q in ev["quotes"].as_array().unwrap() {
            assert!(quote_ids.contains(&q.as_str().unwrap()));
        }
        // Chronological: dated events by earliest day, then undated ones.
        let key = (
            ev["when"]["earliest"].is_null(),
            ev["when"]["earliest"].as_str().unwrap_or("").to_string(),
        );
        if let Some(prev) = &last {
            assert!(*prev <= key, "events out of order: {prev:?} then {key:?}");
        }
        last = Some(key);
    }
    check_happenings(e, &doc_ids, &actor_ids);
}

/// `happenings[]`: typed as documented, chronological, and each event in exactly the happening
/// it names.
fn check_happenings(e: &Value, doc_ids: &[&str], actor_ids: &[&str]) {
    let events = e["events"].as_array().unwrap();
    let haps = e["happenings"].as_array().unwrap();
    assert!(!haps.is_empty() || events.is_empty());
    let event_index = |id: &str| -> usize { id[1..].parse::<usize>().unwrap() - 1 };
    let mut seen = vec![0; events.len()];
    let mut last: Option<(bool, String, String)> = None;
    for (i, h) in haps.iter().enumerate() {
        check(
            h,
            &[
                ("id", "s"),
                ("when", "o"),
                ("label", "s"),
                ("label_event", "s"),
                ("events", "a"),
                ("documents", "a"),
                ("actors", "a"),
                ("reports", "n"),
                ("sources", "n"),
                ("salience", "n"),
            ],
            "happening",
        );
        check(
            &h["when"],
            &[
                ("earliest", "d?"),
                ("latest", "d?"),
                ("value", "s?"),
                ("period", "s"),
            ],
            "happening.when",
        );
        one_of(
            &h["when"]["period"],
            &[
                "day", "week", "month", "season", "year", "decade", "century", "vague", "undated",
            ],
            "happening.when.period",
        );
        let id = format!("h{}", i + 1);
        assert_eq!(h["id"], id.as_str());
        let evs: Vec<usize> = h["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| event_index(x.as_str().unwrap()))
            .collect();
        assert!(!evs.is_empty(), "{id} has no events");
        assert!(evs.windows(2).all(|w| w[0] < w[1]), "{id}: events in order");
        let label = event_index(h["label_event"].as_str().unwrap());
        assert!(
            evs.contains(&label),
            "{id}: the label is one of its reports"
        );
        assert_eq!(h["label"], events[label]["text"]);
        let mut docs_of_events: Vec<&str> = evs
            .iter()
            .map(|&x| events[x]["doc"].as_str().unwrap())
            .collect();
        docs_of_events.sort_by_key(|d| doc_ids.iter().position(|x| x == d));
        docs_of_events.dedup();
        let docs: Vec<&str> = h["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d.as_str().unwrap())
            .collect();
        assert_eq!(
            docs, docs_of_events,
            "{id}: documents are those of its events"
        );
        let (reports, sources) = (
            h["reports"].as_u64().unwrap(),
            h["sources"].as_u64().unwrap(),
        );
        assert!(
            sources >= 1 && 1 <= reports && reports <= docs.len() as u64,
            "{h}"
        );
        assert_eq!(h["salience"].as_u64().unwrap(), reports + sources);
        for a in h["actors"].as_array().unwrap() {
            assert!(actor_ids.contains(&a.as_str().unwrap()));
        }
        for &x in &evs {
            seen[x] += 1;
            assert_eq!(events[x]["happening"], id.as_str());
        }
        // Chronological, undated last.
        let key = (
            h["when"]["earliest"].is_null(),
            h["when"]["earliest"].as_str().unwrap_or("").to_string(),
            h["when"]["latest"].as_str().unwrap_or("").to_string(),
        );
        if let Some(prev) = &last {
            assert!(
                *prev <= key,
                "happenings out of order: {prev:?} then {key:?}"
            );
        }
        last = Some(key);
    }
    assert!(
        seen.iter().all(|&n| n == 1),
        "every event in exactly one happening"
    );
}

#[test]
fn seed_export_follows_the_schema() {
    let e = export_of(&Source::default());
    check_export(&e);
    let doc = &e["documents"][0];
    assert_eq!(doc["published"], "2025-11-20");
    assert_eq!(doc["date_basis"], "metadata");
    let body = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/seed-000.body.txt"
    ))
    .unwrap();
    assert_eq!(doc["text"], body.as_str());
    let headings: Vec<(u64, u64)> = doc["headings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (h["start"].as_u64().unwrap(), h["end"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        headings,
        [(620, 667), (1409, 1456), (2343, 2376), (3074, 3114)]
    );
    // Every sentence is an event; none is a heading.
    assert!(e["events"].as_array().unwrap().len() >= 20);
}

/// Issue 14: a date in what someone said is a sub-event of the saying, exported beside the event
/// and marked on its expression.
#[test]
fn sub_events_are_exported_with_their_expressions() {
    let e = export_of(&Source {
        paths: vec![PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/export/tricky.jsonl"
        ))],
        options: IngestOptions::default(),
    });
    check_export(&e);
    let said = e["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|ev| ev["text"].as_str().unwrap().contains("we will sign in May"))
        .unwrap();
    assert_ne!(said["when"]["value"], "2025-05");
    let parts = said["parts"].as_array().unwrap();
    assert_eq!(parts.len(), 1);
    assert_eq!(parts[0]["kind"], "quote");
    assert_eq!(parts[0]["text"], "May");
    assert_eq!(parts[0]["when"]["value"], "2025-05");
}

#[test]
fn fixture_corpus_export_follows_the_schema() {
    let e = export_of(&fixture_corpus());
    check_export(&e);
    let ids: Vec<&str> = e["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["2025-03-talks", "wire-1", "wire-2", "undated-note"]);
    let talks = &e["documents"][0];
    assert_eq!(talks["title"], "Border talks resume in Geneva");
    assert_eq!(talks["url"], "https://example.test/border-talks");
    let undated = &e["documents"][3];
    assert!(undated["published"].is_null());
    assert_eq!(undated["date_basis"], "none");
    // Events of the undated article come last, without bounds.
    let last = e["events"].as_array().unwrap().last().unwrap();
    assert_eq!(last["doc"], "undated-note");
    assert!(last["when"]["earliest"].is_null());
}
