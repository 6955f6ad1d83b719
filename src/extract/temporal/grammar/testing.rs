//! Test support for the rules: the built-in lexicons loaded once, texts to run the grammar over,
//! and the table rows each rule carries beside it.

use std::sync::OnceLock;

use chrono::NaiveDate;

use super::{NAMES, Parser, Rule, STARTS, Start};
use crate::assets::Assets;
use crate::extract::segment;
use crate::extract::temporal::Timex;
use crate::extract::temporal::lexicon::Lexicon;
use crate::extract::temporal::steps::tag;
use crate::extract::temporal::tokens::{self, Kind, Token};

/// The reference date of the rows: a Thursday (2025-W47).
pub const REFERENCE: &str = "2025-11-20";

/// (text, the expression in it, its value at `REFERENCE`); an empty value means the text must
/// hold no expression with that span.
pub type Row = (&'static str, &'static str, &'static str);

struct Lexicons {
    temporal: Lexicon,
    segment: segment::Lexicon,
}

fn lexicons() -> &'static Lexicons {
    static L: OnceLock<Lexicons> = OnceLock::new();
    L.get_or_init(|| {
        let assets = Assets::builtin();
        Lexicons {
            temporal: Lexicon::load(&assets),
            segment: segment::Lexicon::load(&assets),
        }
    })
}

pub fn lexicon() -> &'static Lexicon {
    &lexicons().temporal
}

/// The sentences of `text`.
pub fn segments(text: &str) -> segment::Segments {
    segment::segment(text, &lexicons().segment)
}

/// The tagger's expressions in `text`, published on `reference`.
pub fn tagged(text: &str, reference: &str) -> Vec<Timex> {
    let segments = segment::segment(text, &lexicons().segment);
    let day = NaiveDate::parse_from_str(reference, "%Y-%m-%d").ok();
    let lower = text.to_ascii_lowercase();
    tag(text, &lower, &segments, day, lexicon())
}

/// Runs `f` on a parser over `text`.
pub fn with_parser<T>(text: &str, f: impl FnOnce(&Parser<'_>) -> T) -> T {
    let lower = text.to_ascii_lowercase();
    let mut arena = String::new();
    let (toks, ents) = tokens::tokenize_with(text, &lower, &mut arena, lexicon());
    let p = Parser {
        toks: &toks,
        lex: lexicon(),
        ents: &ents,
        text,
        ref_year: Some(2025),
    };
    f(&p)
}

/// The texts of the hand-written sentence sets (not the held-back one) and the seed article.
pub fn texts() -> Vec<String> {
    let sets = [
        include_str!("../../../../tests/fixtures/timex/sentences-a.jsonl"),
        include_str!("../../../../tests/fixtures/timex/sentences-b.jsonl"),
        include_str!("../../../../tests/fixtures/timex/sentences-d.jsonl"),
        include_str!("../../../../tests/fixtures/timex/sentences-e.jsonl"),
        include_str!("../../../../tests/fixtures/timex/sentences-f.jsonl"),
    ];
    let mut out: Vec<String> = sets
        .iter()
        .flat_map(|s| s.lines())
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    out.push(include_str!("../../../../tests/fixtures/seed-000.body.txt").to_string());
    out
}

/// Whether `start` admits token `t`, read straight from the declaration.
pub fn admits(start: &Start, t: &Token<'_>, lex: &Lexicon) -> bool {
    let kinds = |w: &str| lex.get(w).iter().fold(0, |a, r| a | r.bit());
    match t.kind {
        Kind::Num => start.number,
        Kind::Punct => t
            .norm
            .chars()
            .next()
            .is_some_and(|c| start.punct.contains(&c)),
        Kind::Word => start.admits_word(
            t.norm,
            kinds(t.norm),
            t.norm.strip_suffix('s').map_or(0, kinds),
            lex.may_start_holiday(t.norm),
        ),
        Kind::Code => false,
    }
}

/// Checks a rule's table: each row through the whole tagger, and for each expression found, that
/// rule `R` reads it from one of its tokens to its end (the row sits beside the rule that reads
/// it) at a token its declaration admits.
pub fn rows<R: Rule>(rows: &[Row]) {
    let name = std::any::type_name::<R>().rsplit("::").next().unwrap_or("");
    let bit = NAMES
        .iter()
        .position(|n| n.rsplit("::").next() == Some(name))
        .map(|r| 1u32 << r)
        .unwrap_or_else(|| panic!("{name} is not in the rule list"));
    let failures: Vec<String> = rows
        .iter()
        .filter_map(|row| check_row(row, bit, R::parse).err())
        .collect();
    assert!(failures.is_empty(), "{name}:\n{}", failures.join("\n"));
}

/// One row of `rows`: the tagger's reading, then the rule's (`parse`, whose start bit is `bit`).
fn check_row(
    &(text, span, value): &Row,
    bit: u32,
    parse: fn(&Parser<'_>, usize) -> super::Core,
) -> Result<(), String> {
    let found = tagged(text, REFERENCE);
    let at = found.iter().find(|t| t.span.slice(text) == span);
    match at {
        Some(t) if value.is_empty() => return Err(format!("{text:?} tags {span:?} as {t:?}")),
        None if value.is_empty() => return Ok(()),
        None => {
            let got: Vec<(&str, &str)> = found
                .iter()
                .map(|t| (t.span.slice(text), t.value.as_str()))
                .collect();
            return Err(format!("{text:?} does not tag {span:?} (tags {got:?})"));
        }
        Some(t) if t.value != value => {
            return Err(format!(
                "{text:?} tags {span:?} as {:?}, not {value:?}",
                t.value
            ));
        }
        Some(_) => {}
    }
    let t = at.expect("a match");
    let read = with_parser(text, |p| {
        (0..p.toks.len())
            .filter(|&k| p.toks[k].start >= t.span.start && p.toks[k].end <= t.span.end)
            .any(|k| {
                p.starts_at(k) & bit != 0
                    && parse(p, k).is_some_and(|(e, _)| {
                        p.toks
                            .get(e.wrapping_sub(1))
                            .is_some_and(|x| x.end == t.span.end)
                    })
            })
    });
    if read {
        Ok(())
    } else {
        Err(format!("{text:?} {span:?} is not read by this rule"))
    }
}

#[test]
fn the_gate_is_the_declarations() {
    for text in texts() {
        with_parser(&text, |p| {
            for (i, t) in p.toks.iter().enumerate() {
                let want = STARTS
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| admits(s, t, p.lex))
                    .fold(0u32, |a, (r, _)| a | 1 << r);
                assert_eq!(p.starts_at(i), want, "{:?} in {text:?}", t.norm);
            }
        });
    }
}

#[test]
fn no_rule_reads_from_where_it_cannot_start() {
    for text in texts() {
        with_parser(&text, |p| {
            for i in 0..p.toks.len() {
                for (r, name) in NAMES.iter().enumerate() {
                    if p.starts_at(i) & 1 << r == 0 {
                        let got = p.parse_rule(r, i);
                        assert!(
                            got.is_none(),
                            "{name} reads {got:?} at {:?}",
                            p.toks[i].norm
                        );
                    }
                }
            }
        });
    }
}
