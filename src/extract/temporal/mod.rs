//! Time expressions: finds TIMEX3 expressions, normalises their values and resolves calendar bounds.
//!
//! One pass of a hand-written tokenizer (`tokens`), a grammar over tokens with word lists from
//! `assets/temporal-*.txt` (`lexicon`, `grammar`), and anchoring against the publication
//! date, the clause's tense and earlier dates of the text (`resolve`, `calendar`).

mod calendar;
mod cues;
mod grammar;
mod lexicon;
mod resolve;
mod sem;
mod tokens;

#[cfg(test)]
mod tests;

use chrono::{Datelike, NaiveDate};

use super::Staged;
use super::segment::Segments;
use crate::model::{Span, TimexType};
use grammar::Parser;
pub use lexicon::Lexicon;
use lexicon::List;
use resolve::Context;
use sem::Sem;

/// One time expression with its TIMEX3 type and value and, when known, inclusive day bounds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    pub span: Span,
    pub kind: TimexType,
    pub value: String,
    pub earliest: Option<NaiveDate>,
    pub latest: Option<NaiveDate>,
    /// Resolved against the publication date or an earlier expression, not written out in full.
    pub relative: bool,
}

/// Finds the time expressions of `text`, resolving relative ones against `reference`.
pub fn tag(
    text: &str,
    segments: &Segments,
    reference: Option<NaiveDate>,
    lex: &Lexicon,
) -> Staged<Timex> {
    tag_lowered(text, &text.to_ascii_lowercase(), segments, reference, lex)
}

/// `tag`, given `text` with its ASCII letters lower-cased (the pipeline makes that copy once for
/// the stages that read it).
pub fn tag_lowered(
    text: &str,
    lower: &str,
    segments: &Segments,
    reference: Option<NaiveDate>,
    lex: &Lexicon,
) -> Staged<Timex> {
    let mut arena = String::new();
    let (toks, ents) = tokens::tokenize_with(text, lower, &mut arena, lex);
    let sentence_of: Vec<usize> = sentence_index(&toks, segments);
    let parser = Parser {
        toks: &toks,
        lex,
        ents: &ents,
        text,
        ref_year: reference.map(|r| r.year()),
    };
    let mut ctx = Context {
        reference,
        ..Context::default()
    };
    let mut quarter_at: Option<(i32, u32, usize)> = None;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // Most words cannot open a time expression: one hash look-up skips them.
        let skip = match toks[i].kind {
            tokens::Kind::Word => {
                !ents[i].is_some_and(|e| e.starter)
                    // "the" only matters before a word that can open an expression or a number.
                    || (toks[i].norm == "the"
                        && toks.get(i + 1).is_some_and(|t| {
                            t.kind == tokens::Kind::Word
                                && !ents[i + 1].is_some_and(|e| e.starter)
                        }))
                    // "this"/"that" open only "this week", "that Tuesday" (see `core_det`): the next
                    // word must be on a list.
                    || (matches!(toks[i].norm, "this" | "that")
                        && !ents.get(i + 1).is_some_and(|e| e.is_some_and(|e| e.starter)))
                    // "at" opens only "at least"/"at most" before a count; "as" is a starter
                    // only as the plural of "a".
                    || (toks[i].norm == "at"
                        && !toks.get(i + 1).is_some_and(|t| matches!(t.norm, "least" | "most")))
                    || toks[i].norm == "as"
                    // "a"/"an" open only a count ("a year", "a few days", "a-year"): the most
                    // common word of the lexicon, so it is worth a look at the next word first.
                    || (matches!(toks[i].norm, "a" | "an")
                        && !toks.get(i + 1).is_some_and(|t| a_counts(ents[i + 1], t)))
            }
            // An apostrophe opens only a decade ("the '90s"), so it needs a number after it.
            tokens::Kind::Punct => {
                toks[i].norm != "'" || toks.get(i + 1).is_none_or(|t| t.kind != tokens::Kind::Num)
            }
            tokens::Kind::Code => true,
            tokens::Kind::Num => false,
        };
        if skip {
            i += 1;
            continue;
        }
        let Some(full) = parser.parse_at(i) else {
            // `parse_at` after "the" tries everything `parse_at` at the next word would (but the
            // "around" lead and a second "the"), so that word cannot open an expression either.
            let next_too = toks[i].norm == "the"
                && !matches!(parser.w(i + 1), "around" | "nearly" | "almost" | "the");
            i += if next_too { 2 } else { 1 };
            continue;
        };
        let Some(m) = parse_within_line(&parser, i, full) else {
            i += 1;
            continue;
        };
        if m.end <= m.start || m.end > toks.len() || sentence_of[m.start] != sentence_of[m.end - 1]
        {
            i += 1;
            continue;
        }
        // "a couple of chances at the start of the second half": a half of the match.
        if matches!(
            m.sem,
            Sem::Part {
                y: sem::YearRef::Near,
                part: sem::Part::Half(_)
            }
        ) && in_match_report(&ents, &sentence_of, m.start)
        {
            i = m.end;
            continue;
        }
        let sent = sentence_of[m.start];
        let deadline = matches!(m.sem, Sem::Month { .. } | Sem::Day { .. });
        (ctx.dir, ctx.dir_sure) = cues::direction(&parser, &sentence_of, m.start, m.end, deadline);
        ctx.quarter = quarter_at
            .filter(|(_, _, s)| sent <= s + 1)
            .map(|(y, q, _)| (y, q));
        let ago = matches!(parser.w(m.end - 1), "ago" | "earlier");
        let that_quarter = matches!(
            m.sem,
            Sem::Shift {
                unit: lexicon::Unit::Quarter,
                n: 0,
                anchor: sem::Anchor::Text
            }
        );
        if matches!(m.sem, Sem::Shift { .. }) && !ago && !that_quarter {
            ctx.quarter = None;
        }
        // "the latest quarter" is the last one completed, whatever quarter the text named before.
        if matches!(m.sem, Sem::LastQuarter { .. })
            && (m.start..m.end).any(|k| matches!(parser.w(k), "latest" | "recent"))
        {
            ctx.quarter = None;
        }
        // "slammed into the coast overnight": the night before; "could bring storms overnight":
        // tonight.
        let night_before;
        let sem = match &m.sem {
            Sem::DayRel { n: 0, pod, anchor }
                if ctx.dir < 0 && toks[m.start].norm == "overnight" =>
            {
                night_before = Sem::DayRel {
                    n: -1,
                    pod: pod.clone(),
                    anchor: *anchor,
                };
                &night_before
            }
            sem => sem,
        };
        if let Some(r) = resolve::resolve(sem, m.modifier, &ctx) {
            let names_quarter =
                matches!(m.sem, Sem::Part { .. } | Sem::LastQuarter { years_back: 0 });
            if names_quarter && let Some((y, q)) = quarter_of(&r.value) {
                quarter_at = Some((y, q, sent));
            }
            if matches!(
                m.sem,
                Sem::Day { .. } | Sem::Weekday { .. } | Sem::DayRel { .. }
            ) && let Some((d, _)) = r.bounds
            {
                ctx.last_day = Some(d);
            }
            if r.kind != TimexType::Duration
                && r.kind != TimexType::Set
                && !matches!(m.sem, Sem::Ref(_))
                && let Some((e, _)) = r.bounds
            {
                ctx.text_anchor = Some(e);
            }
            let span = Span::new(toks[m.start].start, toks[m.end - 1].end);
            out.push(Timex {
                span,
                kind: r.kind,
                value: r.value,
                earliest: r.bounds.map(|b| b.0),
                latest: r.bounds.map(|b| b.1),
                relative: r.relative,
            });
        }
        i = m.end;
    }
    Staged::new(out)
}

/// Whether "a" followed by `next` can begin a count (see `core_number` and `count_at`).
fn a_counts(e: Option<&lexicon::Entry>, next: &tokens::Token<'_>) -> bool {
    match next.kind {
        tokens::Kind::Punct => next.is_punct('-'),
        tokens::Kind::Word => {
            lexicon::Words(e.map_or(&[], |e| e.words.as_slice()))
                .unit()
                .is_some()
                || matches!(
                    next.norm,
                    "few"
                        | "couple"
                        | "dozen"
                        | "hundred"
                        | "thousand"
                        | "to"
                        | "or"
                        | "and"
                        | "while"
                )
                || e.is_some_and(|e| e.on(List::UnitFiller))
        }
        _ => false,
    }
}

/// The longest expression at `i` (`m`, read over all tokens) that does not cross a newline: a
/// paragraph break or the end of a heading line ends any expression ("26 February\n\n1400" is a
/// date and a separate number).
fn parse_within_line(parser: &Parser<'_>, i: usize, m: grammar::Match) -> Option<grammar::Match> {
    let end = m.end.min(parser.toks.len());
    let Some(k) = (i + 1..end).find(|&k| parser.toks[k].newline_before) else {
        return Some(m);
    };
    let cut = Parser {
        toks: &parser.toks[..k],
        lex: parser.lex,
        ents: &parser.ents[..k],
        text: parser.text,
        ref_year: parser.ref_year,
    };
    cut.parse_at(i)
}

/// Whether the sentence of token `at` reads like a match report (a goal, a try, the referee).
fn in_match_report(ents: &[Option<&lexicon::Entry>], sentence_of: &[usize], at: usize) -> bool {
    let s = sentence_of[at];
    let from = sentence_of[..at]
        .iter()
        .rposition(|&x| x != s)
        .map_or(0, |k| k + 1);
    ents[from..]
        .iter()
        .zip(&sentence_of[from..])
        .take_while(|(_, x)| **x == s)
        .any(|(e, _)| e.is_some_and(|e| e.on(List::MatchWord)))
}

fn quarter_of(value: &str) -> Option<(i32, u32)> {
    let (y, q) = value.split_once("-Q")?;
    Some((y.parse().ok()?, q.parse().ok()?))
}

/// For each token, the index of the sentence it lies in (tokens between sentences get the next).
fn sentence_index(toks: &[tokens::Token], segments: &Segments) -> Vec<usize> {
    let mut out = Vec::with_capacity(toks.len());
    let mut s = 0;
    for t in toks {
        while s < segments.sentences.len() && segments.sentences[s].span.end <= t.start {
            s += 1;
        }
        out.push(s);
    }
    out
}
