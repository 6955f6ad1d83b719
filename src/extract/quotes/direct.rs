//! Direct quotes: quotation runs grouped with their attribution, and quoted terms nobody says.
//!
//! A run is attributed by the speech verb right after it (“A,” she said / “A,” said Smith), by
//! the nearest verb before it in its sentence (Smith said the plan was “dead”), by a verb before
//! a colon that introduces it, or by "according to X" in its sentence. Runs split by their
//! attribution (“A,” she said. “B.”), runs that follow each other, and a paragraph that is only a
//! quotation after an attributed one are one quote. Short or title-like runs with no attribution
//! are terms (a name, a scare quote). The finders live in `attribution`.

use super::attribution::Attr;
use super::lexicon::{CueMatch, Lexicon, NAME_CONTEXT};
use super::marks::Run;
use super::speaker::Speaker;
use super::tokens::Tok;
use crate::model::{QuoteKind, Span};

/// How far the rules read around one token: a sentence longer than this is read in windows of
/// this many tokens around each quotation and speech verb, so each item costs bounded work however
/// long its sentence or paragraph (a document on one line, a wall of marks).
pub const WINDOW: usize = 160;

/// At most this many quotation runs make one quote: a longer chain of runs with nothing between
/// them is no statement, and each quote's memory stays bounded.
pub const MAX_PARTS: usize = 32;

/// A quote as the rules found it, before its speaker is resolved to actors.
#[derive(Clone, Debug)]
pub struct Found {
    pub span: Span,
    pub kind: QuoteKind,
    pub parts: Vec<Span>,
    pub cue: Option<CueMatch>,
    pub speaker: Option<Speaker>,
}

/// One document as the quote rules see it: tokens, quotation runs and word lists.
pub struct Ctx<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok<'a>],
    pub lex: &'a Lexicon,
    pub runs: &'a [Run],
    /// Token range of each run, marks included.
    pub run_toks: &'a [(usize, usize)],
}

impl Ctx<'_> {
    pub(super) fn inner(&self, r: usize) -> &str {
        let s = self.runs[r].span.slice(self.text);
        let s = s.trim_start_matches(['“', '„', '«', '"', '”']);
        s.trim_end_matches(['”', '»', '"', '“'])
    }

    /// A name or title in quotation marks: every longer word capitalised, few words, no full stop inside.
    pub(super) fn title_like(&self, r: usize) -> bool {
        let inner = self.inner(r).trim_end_matches([',', '.', '!', '?', ' ']);
        // At most ten words: stop reading a long quotation at the eleventh.
        let mut buf = [""; 10];
        let mut n = 0;
        for w in inner
            .split(|c: char| c.is_whitespace() || c == '(' || c == ')')
            .filter(|w| w.chars().any(char::is_alphabetic))
        {
            let Some(slot) = buf.get_mut(n) else {
                return false;
            };
            *slot = w;
            n += 1;
        }
        let words = &buf[..n];
        if words.is_empty() || inner.contains(". ") {
            return false;
        }
        words
            .iter()
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
            .all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
            })
            && words
                .iter()
                .any(|w| w.chars().next().is_some_and(char::is_uppercase))
    }

    /// At most four words inside run `r` (counting stops at the fifth).
    pub(super) fn few_words(&self, r: usize) -> bool {
        self.inner(r).split_whitespace().nth(4).is_none()
    }

    pub(super) fn last_inner_char(&self, r: usize) -> char {
        self.inner(r).trim_end().chars().next_back().unwrap_or(' ')
    }

    /// The paragraph a run ends in (a run may reopen across paragraphs).
    pub(super) fn para_of_run(&self, r: usize) -> u32 {
        let (a, b) = self.run_toks[r];
        self.toks[b.max(a + 1) - 1].para
    }

    /// First token of the sentence holding token `i`, at most `WINDOW` tokens back.
    pub(super) fn sentence_start(&self, i: usize) -> usize {
        let s = self.toks[i].sent;
        let floor = i.saturating_sub(WINDOW);
        let mut k = i;
        while k > floor && self.toks[k - 1].sent == s && self.toks[k - 1].para == self.toks[i].para
        {
            k -= 1;
        }
        super::step(i - k);
        k
    }

    /// Token index past the last token of the sentence holding token `i`, at most `WINDOW`
    /// tokens on.
    pub fn sentence_end(&self, i: usize) -> usize {
        let s = self.toks[i].sent;
        let ceiling = self.toks.len().min(i + WINDOW);
        let mut k = i;
        while k < ceiling && self.toks[k].sent == s && self.toks[k].para == self.toks[i].para {
            k += 1;
        }
        super::step(k - i);
        k
    }

    /// The first token from `start` that leaves the paragraph or enters a quotation.
    pub(super) fn narration_limit(&self, start: usize) -> usize {
        let Some(first) = self.toks.get(start) else {
            return start;
        };
        let ceiling = self.toks.len().min(start + WINDOW);
        let mut k = start;
        while k < ceiling && self.toks[k].para == first.para && self.toks[k].run.is_none() {
            k += 1;
        }
        super::step(k - start);
        k
    }
}

/// Whether at most `max_words` words of narration lie between token `from` and token `to`, with
/// no new attribution among them: a speech verb there introduces someone else's words ("…,” he
/// said. “…” Tory leader Michael Howard said he would be remembered with “affection”).
fn clean_gap(toks: &[Tok<'_>], from: usize, to: usize, max_words: usize, lex: &Lexicon) -> bool {
    if from > to || to - from > 60 {
        return false;
    }
    let gap = &toks[from..to];
    let words = gap.iter().filter(|t| t.word).count();
    words <= max_words
        && !gap.iter().enumerate().any(|(i, t)| {
            t.is("that")
                || t.is_punct(':')
                || lex
                    .cue_at(toks, from + i)
                    .is_some_and(|c| c.participle || max_words > 0)
        })
}

/// Groups the runs into direct quotes and terms; also returns the cue tokens the quotes consumed.
pub fn find(ctx: &Ctx) -> (Vec<Found>, Vec<usize>) {
    let n = ctx.runs.len();
    let title: Vec<bool> = (0..n).map(|r| ctx.title_like(r)).collect();
    // A title after a possessive or a word like "on", "host of", "told": a show, a book, a name.
    let name: Vec<bool> = (0..n)
        .map(|r| {
            let first = ctx.run_toks[r].0;
            title[r]
                && first > 0
                && (ctx.lex.has(&ctx.toks[first - 1], NAME_CONTEXT)
                    || ctx.toks[first - 1].lower.ends_with("'s")
                    || ctx.toks[first - 1].lower.ends_with("s'"))
        })
        .collect();
    let mut out: Vec<Found> = Vec::new();
    let mut used = Vec::new();
    let mut done = vec![false; n];
    let mut last_direct: Option<(u32, Option<Speaker>)> = None;
    for r0 in 0..n {
        if done[r0] {
            continue;
        }
        done[r0] = true;
        if name[r0] {
            let span = ctx.runs[r0].span;
            out.push(Found {
                span,
                kind: QuoteKind::Term,
                parts: vec![span],
                cue: None,
                speaker: None,
            });
            continue;
        }
        let mut para = ctx.para_of_run(r0);
        let mut group = vec![r0];
        let mut attr: Option<Attr> = None;
        // The attribution follows the quotation (or closes its sentence).
        let mut after = false;
        loop {
            let last = *group.last().unwrap_or(&r0);
            let a = ctx.after_attr(last);
            let resume = a.as_ref().map_or(ctx.run_toks[last].1, |a| a.end);
            // The next run of the paragraph that is not a title: it may continue this quote.
            let next = (last + 1..n).find(|&q| !title[q] || ctx.para_of_run(q) != para);
            let next = next.filter(|&q| ctx.para_of_run(q) == para && !done[q]);
            let skipped_titles = next.is_some_and(|q| q > last + 1);
            if group.len() >= MAX_PARTS {
                break;
            }
            if a.is_some() && attr.is_none() {
                attr = a;
                after = true;
            } else if a.is_some() && last != r0 {
                // A second attribution opens the next statement, maybe someone else's: its
                // quotation is that statement's (“A,” said Smith, an analyst. “B,” he said.).
                group.pop();
                done[last] = false;
                break;
            }
            match next {
                Some(q)
                    if !skipped_titles
                        && clean_gap(ctx.toks, resume, ctx.run_toks[q].0, 0, ctx.lex) =>
                {
                    group.push(q);
                    done[q] = true;
                }
                // The rest of the attribution's sentence may lie between ("…,” said Smith, the
                // club's chairman. “…”), but not another sentence of narration.
                Some(q)
                    if resume != ctx.run_toks[last].1
                        && clean_gap(ctx.toks, resume, ctx.run_toks[q].0, 40, ctx.lex)
                        && ctx.toks[resume..ctx.run_toks[q].0]
                            .iter()
                            .all(|t| !t.word || t.sent == ctx.toks[resume - 1].sent) =>
                {
                    group.push(q);
                    done[q] = true;
                }
                // A list of quotations: “A,” “B” and “C”.
                Some(q)
                    if !skipped_titles
                        && ctx.toks[ctx.run_toks[last].1..ctx.run_toks[q].0]
                            .iter()
                            .all(|t| t.is_punct(',') || t.is("and") || t.is("or")) =>
                {
                    group.push(q);
                    done[q] = true;
                }
                // A paragraph that is only a quotation continues the attributed quote before it.
                None if attr.is_some()
                    && last + 1 < n
                    && !done[last + 1]
                    && ctx.continues(resume, last + 1) =>
                {
                    group.push(last + 1);
                    done[last + 1] = true;
                    para = ctx.para_of_run(last + 1);
                }
                _ => break,
            }
        }
        if let Some(a) = &attr
            && let Some(c) = a.cue
        {
            used.push(c.start);
        }
        let first_tok = ctx.run_toks[r0].0;
        let floor = if r0 > 0 { ctx.run_toks[r0 - 1].1 } else { 0 };
        let single = group.len() == 1;
        if attr.is_none() {
            if let Some(a) = ctx.colon_attr(first_tok) {
                if let Some(c) = a.cue {
                    used.push(c.start);
                }
                attr = Some(a);
            } else if let Some(a) = ctx.before_attr(first_tok, floor).map(|a| {
                // "Okafor, host of radio's “Morning Call,” thanked the nurses for “...”": a
                // short quoted title earlier in the sentence does not hide the verb's subject.
                let title_before = r0 > 0
                    && ctx.few_words(r0 - 1)
                    && ctx.toks[ctx.run_toks[r0 - 1].0].sent == ctx.toks[first_tok].sent;
                // Nor is the phrase after the verb its subject then ("thanked the nurses").
                let inverted = a
                    .speaker
                    .as_ref()
                    .zip(a.cue)
                    .is_some_and(|(s, c)| s.first >= c.end());
                if (a.speaker.is_none() || inverted) && title_before {
                    let floor = if r0 > 1 { ctx.run_toks[r0 - 2].1 } else { 0 };
                    ctx.before_attr(first_tok, floor)
                        .filter(|b| b.speaker.is_some())
                        .unwrap_or(a)
                } else {
                    a
                }
            }) {
                // A title after narration is a name even in a reported sentence.
                let c = a.cue.map_or(first_tok, |c| c.end());
                let narration = ctx.toks[c..first_tok]
                    .iter()
                    .filter(|t| t.word && !t.is("that"))
                    .count();
                let last_tok = ctx.run_toks[*group.last().unwrap_or(&r0)].1;
                if !(single && title[r0] && narration > 0) {
                    // "The rejection signals “the beginning of the end” for the EU, said Geert
                    // Wilders": a verb whose subject names nobody gives way to an attribution
                    // that closes the sentence.
                    // The closing attribution is looked for only then.
                    let names = a.speaker.as_ref().is_some_and(|s| ctx.names(s));
                    match (!names).then(|| ctx.trailing_attr(last_tok)).flatten() {
                        Some(t) => {
                            // The verb's statement is the attribution's: no statement of its own.
                            if let Some(c) = a.cue {
                                used.push(c.start);
                            }
                            after = true;
                            attr = Some(t);
                        }
                        None => attr = Some(a),
                    }
                }
            } else if let Some(a) = ctx.according_attr(first_tok) {
                after = a.cue.is_some_and(|c| c.start > first_tok);
                attr = Some(a);
            } else if let Some(a) = ctx.trailing_attr(ctx.run_toks[*group.last().unwrap_or(&r0)].1)
            {
                attr = Some(a);
                after = true;
            } else if let Some(a) = ctx.signature_attr(ctx.run_toks[*group.last().unwrap_or(&r0)].1)
            {
                attr = Some(a);
            }
        }
        // Narration before a quotation attributed after it belongs to the statement:
        // "America needs leaders “who understand ...,” Clinton said."
        if after && let Some(a) = &attr {
            let start = ctx.sentence_start(first_tok).max(floor);
            let lead = &ctx.toks[start..first_tok];
            let words = lead.iter().filter(|t| t.word).count();
            let cue_inside = (start..first_tok).any(|k| ctx.lex.cue_at(ctx.toks, k).is_some());
            if words >= 2 && !cue_inside {
                let end = ctx.runs[*group.last().unwrap_or(&r0)].span.end;
                out.push(Found {
                    span: Span::new(ctx.toks[start].start(), end),
                    kind: QuoteKind::Reported,
                    parts: Vec::new(),
                    cue: a.cue,
                    speaker: a.speaker.clone(),
                });
            }
        }
        let parts: Vec<Span> = group.iter().map(|&q| ctx.runs[q].span).collect();
        let span = Span::new(parts[0].start, parts[parts.len() - 1].end);
        let kind;
        let mut speaker = None;
        let mut cue = None;
        // A short quotation in a clause whose subject is a name or pronoun: the subject's words
        // ("Trump has pointed to the case as the “rigged system”"); the clause is a statement.
        if attr.is_none()
            && single
            && !title[r0]
            && let Some(stmt) = ctx.clause_of(first_tok, floor, !ctx.few_words(r0))
        {
            attr = Some(Attr {
                cue: stmt.cue,
                speaker: stmt.speaker.clone(),
                end: first_tok,
            });
            out.push(stmt);
        }
        match attr {
            Some(a) => {
                kind = QuoteKind::Direct;
                speaker = a.speaker;
                cue = a.cue;
            }
            None if single && (title[r0] || ctx.few_words(r0)) => kind = QuoteKind::Term,
            None => {
                kind = QuoteKind::Direct;
                if let Some((p, s)) = &last_direct
                    && para <= p + 1
                {
                    speaker = s.clone();
                }
            }
        }
        if kind == QuoteKind::Direct {
            last_direct = Some((
                ctx.para_of_run(*group.last().unwrap_or(&r0)),
                speaker.clone(),
            ));
        }
        out.push(Found {
            span,
            kind,
            parts,
            cue,
            speaker,
        });
    }
    (out, used)
}
