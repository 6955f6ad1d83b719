//! Five sets of news sentences and paragraphs written by hand by a second author from the TIMEX3
//! guidelines and the project's conventions, without seeing the code
//! (`tests/fixtures/timex/sentences-*.jsonl`, one `{id, date, text, expect: [{text, type, value}]}`
//! per line; `heldback-c.jsonl` is kept out of the tests, see scripts/eval_sentences.py). The tagger must find every expected
//! expression with its exact span, type and value, and nothing else, to the F1 below.

use chrono::NaiveDate;
use dateline::extract::DocInput;
use dateline::extract::temporal::{self, Timex};
use serde::Deserialize;

#[derive(Deserialize)]
struct Sentence {
    id: String,
    date: String,
    text: String,
    expect: Vec<Expected>,
}

#[derive(Deserialize)]
struct Expected {
    text: String,
    #[serde(rename = "type")]
    kind: String,
    value: String,
}

/// (span, type, value) per expression.
type Item = ((usize, usize), String, String);

fn expected(s: &Sentence) -> Vec<Item> {
    let mut from = 0;
    s.expect
        .iter()
        .map(|e| {
            let at = s.text[from..]
                .find(&e.text)
                .map(|i| i + from)
                .unwrap_or_else(|| panic!("{}: {:?} is not in the text", s.id, e.text));
            from = at + e.text.len();
            ((at, from), e.kind.clone(), e.value.clone())
        })
        .collect()
}

fn tagged(t: &[Timex]) -> Vec<Item> {
    t.iter()
        .map(|t| {
            let kind = format!("{:?}", t.kind).to_uppercase();
            ((t.span.start, t.span.end), kind, t.value.to_string())
        })
        .collect()
}

/// Value F1 over exact spans (an expression counts when its span, type and value all match), and
/// the misses and extras for the failure message.
fn score(file: &str) -> (f64, Vec<String>) {
    let lex = crate::common::lexicon();
    let (seg, tmp) = (&lex.segment, &lex.temporal);
    let path = format!("{}/tests/fixtures/timex/{file}", env!("CARGO_MANIFEST_DIR"));
    let data = std::fs::read_to_string(&path).expect("fixture");
    let (mut hit, mut want_n, mut got_n) = (0usize, 0usize, 0usize);
    let mut report = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let s: Sentence = serde_json::from_str(line).expect("fixture line");
        let date = NaiveDate::parse_from_str(&s.date, "%Y-%m-%d").expect("date");
        let doc = DocInput::segmented(&s.text, seg, Some(date));
        let got = tagged(&temporal::tag(&doc, tmp));
        let want = expected(&s);
        want_n += want.len();
        got_n += got.len();
        for w in &want {
            if got.contains(w) {
                hit += 1;
            } else {
                report.push(format!("{} miss {:?} {w:?}", s.id, &s.text[w.0.0..w.0.1]));
            }
        }
        for g in got.iter().filter(|g| !want.contains(g)) {
            report.push(format!("{} extra {:?} {g:?}", s.id, &s.text[g.0.0..g.0.1]));
        }
    }
    let f1 = 2.0 * hit as f64 / (want_n + got_n) as f64;
    (f1, report)
}

fn check(file: &str, at_least: f64) {
    let (f1, report) = score(file);
    // Shown with `cargo test --test it temporal_sentences -- --nocapture`.
    println!("{file}: value F1 {f1:.3} on exact spans");
    assert!(
        f1 >= at_least,
        "{file}: value F1 {f1:.3} < {at_least}:\n{}",
        report.join("\n")
    );
}

#[test]
fn first_set_of_hand_written_sentences() {
    check("sentences-a.jsonl", 0.95);
}

#[test]
fn second_set_of_hand_written_sentences() {
    check("sentences-b.jsonl", 0.90);
}

#[test]
fn third_set_of_hand_written_paragraphs() {
    check("sentences-d.jsonl", 0.95);
}

#[test]
fn fourth_set_of_hand_written_paragraphs() {
    check("sentences-e.jsonl", 0.95);
}

#[test]
fn fifth_set_of_hand_written_paragraphs() {
    check("sentences-f.jsonl", 0.95);
}
