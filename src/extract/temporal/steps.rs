//! The tagger's pass over one text, in its four steps: skip the words that cannot open an
//! expression, parse the longest expression at a word, read its context (the clause's tense, the
//! quarter the text is on) and resolve it against the publication date and the text's earlier
//! dates.

use chrono::{Datelike, NaiveDate};

use super::Timex;
use super::cues;
use super::grammar::{Match, Parser};
use super::lexicon::{self, Entry, Lexicon, List};
use super::resolve::{self, Context};
use super::sem::{self, Sem};
use super::tokens::{self, Token};
use crate::extract::segment::Segments;
use crate::model::{Span, TimexType};

/// The time expressions of `text` (`lower` is its ASCII-lower-cased copy), resolved against
/// `reference`.
pub fn tag(
    text: &str,
    lower: &str,
    segments: &Segments,
    reference: Option<NaiveDate>,
    lex: &Lexicon,
) -> Vec<Timex> {
    let mut arena = String::new();
    let (toks, ents) = tokens::tokenize_with(text, lower, &mut arena, lex);
    Pass::new(&toks, &ents, text, segments, reference, lex).run(true)
}

/// One text's tokens and what the pass knows of it so far.
struct Pass<'a> {
    parser: Parser<'a>,
    /// The sentence of each token.
    sentence_of: Vec<usize>,
    ctx: Context,
    /// The quarter the text named last, as (year, quarter, sentence).
    quarter_at: Option<(i32, u32, usize)>,
}

/// What the parse step found at a token.
enum Parsed {
    Expression(Match),
    /// No expression: go on at this token.
    Nothing(usize),
}

impl<'a> Pass<'a> {
    fn new(
        toks: &'a [Token<'a>],
        ents: &'a [Option<&'a Entry>],
        text: &'a str,
        segments: &Segments,
        reference: Option<NaiveDate>,
        lex: &'a Lexicon,
    ) -> Self {
        Pass {
            parser: Parser {
                toks,
                lex,
                ents,
                text,
                ref_year: reference.map(|r| r.year()),
            },
            sentence_of: sentence_index(toks, segments),
            ctx: Context {
                reference,
                ..Context::default()
            },
            quarter_at: None,
        }
    }

    /// Every expression of the text; `skip` off parses at every token (a test that the skip
    /// step skips only what could not be read).
    fn run(mut self, skip: bool) -> Vec<Timex> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.parser.toks.len() {
            if skip && self.skip(i) {
                i += 1;
                continue;
            }
            let m = match self.parse(i, skip) {
                Parsed::Expression(m) => m,
                Parsed::Nothing(next) => {
                    i = next;
                    continue;
                }
            };
            let night_before = self.context(&m);
            if let Some(t) = self.resolve(&m, night_before.as_ref().unwrap_or(&m.sem)) {
                out.push(t);
            }
            i = m.end;
        }
        out
    }

    /// Step 1: whether token `i` cannot open an expression (`Parser::can_open`: most words of a
    /// text are on no list and fail at their entry).
    fn skip(&self, i: usize) -> bool {
        !self.parser.can_open(i)
    }

    /// Step 2: the longest expression at token `i` within its line and sentence; none for "the
    /// second half" of a match report ("a couple of chances at the start of the second half").
    fn parse(&self, i: usize, skip: bool) -> Parsed {
        let p = &self.parser;
        let Some(full) = p.parse_at(i) else {
            return Parsed::Nothing(if skip { p.after_nothing(i) } else { i + 1 });
        };
        let Some(m) = parse_within_line(p, i, full) else {
            return Parsed::Nothing(i + 1);
        };
        if m.end <= m.start
            || m.end > p.toks.len()
            || self.sentence_of[m.start] != self.sentence_of[m.end - 1]
        {
            return Parsed::Nothing(i + 1);
        }
        if matches!(
            m.sem,
            Sem::Part {
                y: sem::YearRef::Near,
                part: sem::Part::Half(_)
            }
        ) && in_match_report(p.ents, &self.sentence_of, m.start)
        {
            return Parsed::Nothing(m.end);
        }
        Parsed::Expression(m)
    }

    /// Step 3: what the clause around `m` says: its tense (`ctx.dir`), the quarter the text is
    /// on, and for "overnight" in the past tense the night before ("slammed into the coast
    /// overnight"; "could bring storms overnight" is tonight), returned as the meaning to
    /// resolve instead of `m.sem`.
    fn context(&mut self, m: &Match) -> Option<Sem> {
        let p = &self.parser;
        let deadline = matches!(m.sem, Sem::Month { .. } | Sem::Day { .. });
        (self.ctx.dir, self.ctx.dir_sure, self.ctx.plain_past) =
            cues::direction(p, &self.sentence_of, m.start, m.end, deadline);
        self.ctx.quarter = self.quarter_in_view(m);
        match &m.sem {
            Sem::DayRel { n: 0, pod, anchor }
                if self.ctx.dir < 0 && p.w(m.start) == "overnight" =>
            {
                Some(Sem::DayRel {
                    n: -1,
                    pod: pod.clone(),
                    anchor: *anchor,
                })
            }
            _ => None,
        }
    }

    /// The quarter named in this sentence or the one before, which "a year ago" and "that
    /// quarter" refer to; not for other shifts, nor for "the latest quarter" (the last one
    /// completed, whatever quarter the text named before).
    fn quarter_in_view(&self, m: &Match) -> Option<(i32, u32)> {
        let p = &self.parser;
        let sent = self.sentence_of[m.start];
        let ago = matches!(p.w(m.end - 1), "ago" | "earlier");
        let that_quarter = matches!(
            m.sem,
            Sem::Shift {
                unit: lexicon::Unit::Quarter,
                n: 0,
                anchor: sem::Anchor::Text
            }
        );
        if matches!(m.sem, Sem::Shift { .. }) && !ago && !that_quarter {
            return None;
        }
        if matches!(m.sem, Sem::LastQuarter { .. })
            && (m.start..m.end).any(|k| matches!(p.w(k), "latest" | "recent"))
        {
            return None;
        }
        self.quarter_at
            .filter(|(_, _, s)| sent <= s + 1)
            .map(|(y, q, _)| (y, q))
    }

    /// Step 4: `sem` (the meaning of `m`, or what the context made of it) anchored, and what
    /// the text is on afterwards: the quarter it named, the last day, the last date.
    fn resolve(&mut self, m: &Match, sem: &Sem) -> Option<Timex> {
        let r = resolve::resolve(sem, m.modifier, &self.ctx)?;
        let names_quarter = matches!(m.sem, Sem::Part { .. } | Sem::LastQuarter { years_back: 0 });
        if names_quarter && let Some((y, q)) = quarter_of(&r.value) {
            self.quarter_at = Some((y, q, self.sentence_of[m.start]));
        }
        if matches!(
            m.sem,
            Sem::Day { .. } | Sem::Weekday { .. } | Sem::DayRel { .. }
        ) && let Some((d, _)) = r.bounds
        {
            self.ctx.last_day = Some(d);
        }
        if r.kind != TimexType::Duration
            && r.kind != TimexType::Set
            && !matches!(m.sem, Sem::Ref(_))
            && let Some((e, _)) = r.bounds
        {
            self.ctx.text_anchor = Some(e);
        }
        let toks = self.parser.toks;
        Some(Timex {
            span: Span::new(toks[m.start].start, toks[m.end - 1].end),
            kind: r.kind,
            value: r.value.into(),
            earliest: r.bounds.map(|b| b.0),
            latest: r.bounds.map(|b| b.1),
            relative: r.relative,
        })
    }
}

/// The longest expression at `i` (`m`, read over all tokens) that does not cross a newline: a
/// paragraph break or the end of a heading line ends any expression ("26 February\n\n1400" is a
/// date and a separate number).
fn parse_within_line(parser: &Parser<'_>, i: usize, m: Match) -> Option<Match> {
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

/// Whether the sentence of token `at` reads like a match report (`temporal-match-words.txt`: a
/// goal, a try, the referee).
fn in_match_report(ents: &[Option<&Entry>], sentence_of: &[usize], at: usize) -> bool {
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
fn sentence_index(toks: &[Token], segments: &Segments) -> Vec<usize> {
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

#[cfg(test)]
#[test]
fn skipping_changes_nothing() {
    use super::grammar::testing;
    let lex = testing::lexicon();
    let day = NaiveDate::from_ymd_opt(2025, 11, 20);
    for text in testing::texts() {
        let lower = text.to_ascii_lowercase();
        let segments = testing::segments(&text);
        let mut arena = String::new();
        let (toks, ents) = tokens::tokenize_with(&text, &lower, &mut arena, lex);
        let run = |skip| Pass::new(&toks, &ents, &text, &segments, day, lex).run(skip);
        assert_eq!(run(true), run(false), "{text}");
    }
}
