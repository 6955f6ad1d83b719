//! Reported statements: a speech verb with a clause ("who said the topic is on the agenda",
//! "responded that ...", "insists it raises ..."), "according to X, ...", and "..., he said."
//!
//! The span runs from the verb (with a relative "who" before it) to the end of the sentence, so it
//! reads as a statement; for "according to" and a trailing "he said" it is the clause alone.

use super::direct::{Ctx, Found};
use super::lexicon::{BE, CueMatch, DET, Frame, NP_PREP, SKIP};
use super::speaker;
use super::tokens::{NO_SENTENCE, Tok};
use crate::model::{QuoteKind, Span};

/// Finds reported statements; `used` are cue tokens the direct quotes already took, sorted.
pub fn find(ctx: &Ctx, used: &[usize]) -> Vec<Found> {
    let toks = ctx.toks;
    let mut out = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        let Some(c) = ctx.lex.cue_at(toks, k) else {
            k += 1;
            continue;
        };
        k = c.end();
        super::step(1);
        if used.binary_search(&c.start).is_ok()
            || c.frame == Frame::Quote
            || toks[c.start].sent == NO_SENTENCE
        {
            continue;
        }
        if let Some(f) = statement(ctx, c) {
            out.push(f);
        }
    }
    out
}

fn statement(ctx: &Ctx, c: CueMatch) -> Option<Found> {
    let toks = ctx.toks;
    let start = ctx.sentence_start(c.start);
    let end = ctx.sentence_end(c.start);
    if speaker::passive(toks, ctx.lex, c.start, start) {
        return None;
    }
    // "The idea, says BT, is to shape ...": an inverted aside names its speaker after the verb,
    // and the statement is the sentence around it.
    if c.start > start
        && toks[c.start - 1].is_punct(',')
        && !c.participle
        && matches!(c.frame, Frame::Clause | Frame::Quote)
        && let Some(sp) = speaker::after(toks, ctx.lex, c.end(), end)
        && sp.first == c.end()
        && toks.get(sp.end).is_some_and(|t| t.is_punct(','))
    {
        let mut last = end;
        while last > sp.end && toks[last - 1].is_punct('.') {
            last -= 1;
        }
        let words = |from: usize, to: usize| toks[from..to].iter().filter(|t| t.word).count();
        if words(start, c.start) >= 2 && words(sp.end, last) >= 2 {
            return Some(Found {
                span: Span::new(toks[start].start(), toks[last - 1].end()),
                kind: QuoteKind::Reported,
                parts: Vec::new(),
                cue: Some(c),
                speaker: Some(sp),
            });
        }
    }
    // Content ends at the sentence end (without its full stop), or later when a quotation that
    // opens in the sentence runs on.
    // A spaced dash ends the statement ("... with Azerbaijan – particularly on ..."), and so does
    // a second attribution (", arguing that ...", ", according to ...").
    let end = (c.end()..end)
        .find(|&i| {
            let t = &toks[i];
            let joins = t.is_punct(',') || matches!(t.lower, "and" | "but" | "while" | "whereas");
            t.run.is_none()
                && ((is_long_dash(t) && i > 0 && toks[i - 1].end() < t.start())
                    || (joins && ctx.lex.cue_at(toks, i + 1).is_some())
                    || (joins
                        && toks
                            .get(i + 1)
                            .is_some_and(|n| n.cap || ctx.lex.pronoun(n).is_some())
                        && ctx
                            .lex
                            .cue_at(toks, i + 2)
                            .is_some_and(|n| n.frame != Frame::According)))
        })
        .unwrap_or(end);
    let mut last = end;
    while last > c.end() && (toks[last - 1].is_punct('.') || toks[last - 1].is_punct(',')) {
        last -= 1;
    }
    let bare = c.end() < end && (toks[c.end()].is_punct(',') || toks[c.end()].is_punct('.'));
    if bare || last <= c.end() && c.frame != Frame::According {
        // "..., he said." / ", they noted,": the clause before the subject is the statement.
        return trailing(ctx, c, start, end);
    }
    let mut content_end = toks[last - 1].end();
    let runs_in = (c.end()..end)
        .filter_map(|i| toks[i].run)
        .collect::<Vec<_>>();
    if let Some(&r) = runs_in.last() {
        content_end = content_end.max(ctx.runs[r as usize].span.end);
    }
    if c.frame == Frame::According {
        return according(ctx, c, start, end);
    }
    let speaker = ctx.subject(c, start);
    // Mixed-frame verbs ("accused", "praised") attribute quoted words only.
    let complement = c.frame != Frame::Mixed && has_complement(ctx, c, end);
    if !complement && runs_in.is_empty() {
        return None;
    }
    // A verb that only introduces a quotation ("said: “...”") leaves no statement of its own.
    let narration = (c.end()..end).any(|i| {
        let t = &toks[i];
        t.word && t.run.is_none() && !t.is("that")
    });
    if !narration {
        return None;
    }
    let from = toks[content_start(ctx, c, end)].start();
    if from >= content_end {
        return None;
    }
    Some(Found {
        span: Span::new(from, content_end),
        kind: QuoteKind::Reported,
        parts: Vec::new(),
        cue: Some(c),
        speaker,
    })
}

/// The first token of what a speech verb reports: after the cue, its time or manner ("on Friday",
/// "this week"), its addressee ("told reporters") and a "that"; the cue has its own span.
fn content_start(ctx: &Ctx, c: CueMatch, end: usize) -> usize {
    let toks = ctx.toks;
    let j = c.end();
    // "that" after a few words of time, place or addressee ("said on Friday that", "told
    // reporters in Baku that", "said in a statement that"): the content follows it.
    let lex = ctx.lex;
    let mut k = j;
    while k < end.min(j + 7) {
        let t = &toks[k];
        if t.is("that") {
            return k + 1;
        }
        let after_det = k > j && lex.has(&toks[k - 1], DET);
        let ok = t.word
            && t.run.is_none()
            && (lex.has(t, SKIP | NP_PREP | DET) || t.cap || t.is_number() || after_det)
            && !(k > j && lex.cue_at(toks, k).is_some());
        if !ok {
            break;
        }
        k += 1;
    }
    let mut k = j;
    while k + 1 < end && (toks[k].is_punct(',') || toks[k].is_punct(':')) {
        k += 1;
    }
    k
}

fn is_long_dash(t: &Tok<'_>) -> bool {
    t.is_punct('–') || t.is_punct('—')
}

/// Whether a clause follows the verb: "that ...", a subject and a finite verb, an object then
/// "that", or for describe-type verbs an object then "as".
fn has_complement(ctx: &Ctx, c: CueMatch, end: usize) -> bool {
    let toks = ctx.toks;
    let lex = ctx.lex;
    let mut j = c.end();
    if j >= end {
        return false;
    }
    if c.frame == Frame::As {
        return (j..end.min(j + 10)).any(|i| toks[i].is("as") && toks[i].run.is_none());
    }
    // "said this week that", "said Monday (that)"
    while j + 1 < end && lex.has(&toks[j], SKIP) && toks[j].word {
        j += 1;
    }
    if toks[j].is("that") {
        return true;
    }
    // "told reporters (that)", "assured the public (that)"
    let window_end = end.min(j + 8);
    if let Some(obj) = speaker::after(toks, lex, j, window_end)
        && obj.end < end
        && toks[obj.end].is("that")
    {
        return true;
    }
    // A subject then a finite verb within a few words.
    let t = &toks[j];
    let subjectish =
        t.word && (t.cap || lex.pronoun(t).is_some() || lex.has(t, DET) || t.is_number());
    if !subjectish {
        return false;
    }
    j += 1;
    for i in j..end.min(j + 6) {
        let w = &toks[i];
        if !w.word || w.run.is_some() {
            return false;
        }
        if lex.has(w, BE)
            || (lex.has(w, SKIP)
                && matches!(
                    w.lower,
                    "has"
                        | "have"
                        | "had"
                        | "will"
                        | "would"
                        | "could"
                        | "can"
                        | "should"
                        | "may"
                        | "might"
                        | "must"
                        | "does"
                        | "did"
                        | "do"
                ))
        {
            return true;
        }
        let prev = &toks[i - 1];
        if !w.cap
            && (w.lower.ends_with('s') && !w.lower.ends_with("ss") || w.lower.ends_with("ed"))
            && !lex.has(prev, DET)
        {
            return true;
        }
    }
    false
}

/// "According to X, ..." and "..., according to X."
fn according(ctx: &Ctx, c: CueMatch, start: usize, end: usize) -> Option<Found> {
    let toks = ctx.toks;
    let speaker = ctx.subject(c, start)?;
    let span = if c.start == start || (c.start == start + 1 && !toks[start].word) {
        let mut i = speaker.end;
        while i < end && (toks[i].is_punct(',') || !toks[i].word && toks[i].run.is_none()) {
            i += 1;
        }
        let mut last = end;
        while last > i && toks[last - 1].is_punct('.') {
            last -= 1;
        }
        if i >= last {
            return None;
        }
        Span::new(toks[i].start(), toks[last - 1].end())
    } else {
        let mut last = c.start;
        while last > start && !toks[last - 1].word && toks[last - 1].run.is_none() {
            last -= 1;
        }
        if last <= start {
            return None;
        }
        Span::new(toks[start].start(), toks[last - 1].end())
    };
    Some(Found {
        span,
        kind: QuoteKind::Reported,
        parts: Vec::new(),
        cue: Some(c),
        speaker: Some(speaker),
    })
}

/// "..., he said." and ", they noted,": the sentence without the attribution is the statement.
fn trailing(ctx: &Ctx, c: CueMatch, start: usize, end: usize) -> Option<Found> {
    let toks = ctx.toks;
    if c.participle || c.frame == Frame::As {
        return None;
    }
    let speaker = speaker::before(toks, ctx.lex, c.start, start)?;
    if speaker.first <= start || !toks[speaker.first - 1].is_punct(',') {
        return None;
    }
    let mut last = end;
    while last > start && toks[last - 1].is_punct('.') {
        last -= 1;
    }
    let comma = speaker.first - 1;
    // "Mook acknowledged that the contests were split, which is an outcome, he said, ...": a
    // pronoun's aside in the middle of a sentence whose subject opens it with a speech verb of
    // its own names that speaker again; it is no statement of its own ("Surveys suggest growth,
    // the bank said." keeps its speaker: the aside ends the sentence and names someone).
    let pronoun =
        speaker.end == speaker.first + 1 && ctx.lex.pronoun(&toks[speaker.first]).is_some();
    let goes_on = c.end() + 1 < last && toks[c.end()].is_punct(',');
    if pronoun
        && goes_on
        && (start..comma).any(|k| {
            toks[k].run.is_none()
                && ctx.lex.cue_at(toks, k).is_some_and(|o| {
                    !o.participle
                        && speaker::before(toks, ctx.lex, k, start)
                            .is_some_and(|s| s.first == start)
                })
        })
    {
        return None;
    }
    // The statement must hold narration, not only a quotation the direct rules own.
    let words = (start..comma)
        .filter(|&i| toks[i].word && toks[i].run.is_none())
        .count();
    if words < 2 || comma <= start + 2 {
        return None;
    }
    let tail = c.end() < last && toks[c.end()].is_punct(',');
    let span_end = if tail {
        toks[last - 1].end()
    } else {
        toks[comma - 1].end()
    };
    Some(Found {
        span: Span::new(toks[start].start(), span_end),
        kind: QuoteKind::Reported,
        parts: Vec::new(),
        cue: Some(c),
        speaker: Some(speaker),
    })
}
