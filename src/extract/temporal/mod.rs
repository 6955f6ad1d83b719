//! Time expressions: finds TIMEX3 expressions, normalises their values and resolves calendar bounds.
//!
//! One pass of a hand-written tokenizer (`tokens`), a grammar over tokens with word lists from
//! `assets/temporal-*.txt` (`lexicon`, `recognise`, `rules`), and anchoring against the publication
//! date, the clause's tense and earlier dates of the text (`resolve`, `calendar`).

mod calendar;
mod calendar_rules;
mod clock;
mod counts;
mod cues;
mod lexicon;
mod names;
mod recognise;
mod relative;
mod resolve;
mod rules;
mod sem;
mod tokens;

#[cfg(test)]
mod tests;

use chrono::{Datelike, NaiveDate};

use super::Staged;
use super::segment::Segments;
use crate::model::{Span, TimexType};
pub use lexicon::Lexicon;
use recognise::Parser;
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
        let sent = sentence_of[m.start];
        let deadline = matches!(m.sem, Sem::Month { .. } | Sem::Day { .. });
        (ctx.dir, ctx.dir_sure) = direction(&parser, &sentence_of, m.start, m.end, deadline);
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
        if let Some(r) = resolve::resolve(&m.sem, m.modifier, &ctx) {
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
                || counts::unit_filler(next.norm)
        }
        _ => false,
    }
}

/// The longest expression at `i` (`m`, read over all tokens) that does not cross a newline: a
/// paragraph break or the end of a heading line ends any expression ("26 February\n\n1400" is a
/// date and a separate number).
fn parse_within_line(
    parser: &Parser<'_>,
    i: usize,
    m: recognise::Match,
) -> Option<recognise::Match> {
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

/// How near (in `direction`'s distance: two per word before) a past verb must stand to be sure.
const SURE_PAST: usize = 8;

/// Which way the clause around tokens `start..end` points: +1 future, -1 past, 0 unmarked (read
/// as past for weekdays, nearest for dates), and whether the cue is sure. The nearest tense cue wins; cues after the expression
/// count at a longer distance than those before it.
fn direction(
    p: &Parser<'_>,
    sentence_of: &[usize],
    start: usize,
    end: usize,
    deadline: bool,
) -> (i32, bool) {
    let sent = sentence_of[start];
    let cue = |k: usize, before: bool| -> i32 {
        let w = p.w(k);
        // "next to the embassy" is a place, not a time.
        if w == "next" && p.w(k + 1) == "to" {
            return 0;
        }
        // "three days later" moves along the story, it does not point past the publication.
        if w == "later" && k > 0 && p.lx(k - 1).unit().is_some() {
            return 0;
        }
        // "Until Thursday, they had not called him a suspect": a fronted "until" leaves the tense
        // to the clause (but "postponed until Tuesday" sets a deadline ahead).
        if w == "until" && (k == 0 || sentence_of[k - 1] != sent) {
            return 0;
        }
        // "announced the plan Aug. 21", "set aside vacation plans": a noun, not an intention
        // ("plans to open" is one).
        if matches!(w, "plan" | "plans") && p.w(k + 1) != "to" {
            return 0;
        }
        // "a new office, effective Feb. 1": a change takes effect at the date nearest ahead.
        if before && w == "effective" && (k + 1 == start || matches!(p.w(k + 1), "on" | "from")) {
            return 1;
        }
        // "had been due to expire Friday": a plan seen from the past.
        let e = p.entry(k);
        let future = e.is_some_and(|e| e.future);
        if k > 1 && p.w(k - 1) == "been" && p.w(k - 2) == "had" && future {
            return -1;
        }
        // "planned to leave on Thursday", "set to resume Monday", "planned a march on Saturday": a
        // plan for that day (not "was planned in March", when the planning was done). After the
        // day ("On Friday, the government planned to pay") it was made that day.
        if before
            && ((matches!(w, "planned" | "set" | "poised") && p.w(k + 1) == "to")
                || (w == "planned"
                    && !(k > 0
                        && matches!(
                            p.w(k - 1),
                            "was" | "were" | "been" | "be" | "had" | "previously" | "originally"
                        )))
                || p.arranged_future(k)
                || p.reported_future(k, end))
        {
            return 1;
        }
        if future || (w == "ll" && k > 0 && p.w(k - 1) == "'") {
            1
        } else if lexicon::past_cue(e, w) && !p.untensed_past(k) {
            -1
        } else {
            0
        }
    };
    let mut best: Option<(usize, i32, usize)> = None;
    // Distance counts words only: "the U.S." must not push a modal out of reach.
    let mut words = 0;
    for k in (start.saturating_sub(32)..start).rev() {
        if sentence_of[k] != sent || words >= 16 {
            break;
        }
        if p.toks[k].kind == tokens::Kind::Punct {
            continue;
        }
        words += 1;
        let c = cue(k, true);
        if c != 0 {
            best = Some((2 * words, c, k));
            break;
        }
    }
    for (k, &s) in sentence_of.iter().enumerate().skip(end).take(14) {
        // "who will unveil his plans on Monday, said ...": past a comma, a tense belongs to
        // another clause when the expression's own clause already has one.
        if s != sent || p.clause_break(k) || (best.is_some() && p.is_punct_at(k, ',')) {
            break;
        }
        let c = cue(k, false);
        if c != 0 {
            let d = 3 * (k - end + 1);
            if best.is_none_or(|(b, _, _)| d < b) {
                best = Some((d, c, k));
            }
            break;
        }
    }
    // "by February" with no tense cue nearby: a deadline, usually ahead (only for a month or a
    // date; "by Wednesday" as often reports what was done).
    if best.is_none() && deadline && start > 0 && p.w(start - 1) == "by" {
        return (1, false);
    }
    // A modal, or a past verb a few words before ("left the EU in January"), is sure enough that
    // a nearer date on the other side does not overrule it; a reporting verb ("said") or an
    // auxiliary is not, nor is a deadline ("extended to Nov. 20").
    best.map_or((0, false), |(d, c, k)| {
        let sure = if c > 0 {
            matches!(p.w(k), "will" | "shall" | "ll" | "wo")
        } else {
            d <= SURE_PAST
                && k < start
                && p.entry(k).is_some_and(|e| e.past)
                && !matches!(
                    p.w(k),
                    "said"
                        | "told"
                        | "was"
                        | "were"
                        | "had"
                        | "did"
                        | "last"
                        | "earlier"
                        | "ago"
                        | "since"
                )
                && !matches!(p.w(start.saturating_sub(1)), "to" | "until" | "till" | "by")
        };
        (c, sure)
    })
}
