//! Quotes: direct quotations, reported speech and quoted terms, with cue and speaker.
//!
//! `marks` pairs quotation marks into runs, `direct` groups runs with their attribution (found by
//! `attribution`) or calls them terms, `reported` finds statements attributed by a speech verb, `speaker` reads the
//! speaker's mention from the text and `resolve` maps it to the document's actors.

mod attribution;
mod direct;
mod lexicon;
mod marks;
mod reported;
mod resolve;
mod speaker;
mod tokens;

use super::DocInput;
use super::actors::DocActor;
use crate::model::{QuoteKind, Span};

pub use lexicon::Lexicon;

thread_local! {
    /// Tokens the rules of this thread have visited (see `work`).
    static WORK: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Tokens visited by the quote rules on this thread so far: a deterministic measure of the stage's
/// work, which the scaling tests compare across input sizes (no test is timed).
pub fn work() -> u64 {
    WORK.with(std::cell::Cell::get)
}

/// Counts `n` tokens visited.
#[inline]
pub(crate) fn step(n: usize) {
    WORK.with(|w| w.set(w.get() + n as u64));
}

/// A quote in one document. `speakers` index the document's actors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub span: Span,
    pub kind: QuoteKind,
    /// The speech verb or phrase ("said", "according to").
    pub cue: Option<Span>,
    /// The mention that names the speaker ("Fidan", "he", "The commentators").
    pub speaker_span: Option<Span>,
    pub speakers: Vec<usize>,
    /// The quotation runs of a direct quote split by its attribution (“A,” she said, “B.”);
    /// empty for other kinds.
    pub parts: Vec<Span>,
}

/// Finds the quotes of one document and attributes them to its `actors` (the actors stage's).
pub fn extract(input: &DocInput<'_>, actors: &[DocActor], lex: &Lexicon) -> Vec<Quote> {
    let (text, lowered, segments) = (input.text, input.lowered.as_str(), &input.segments);
    // Tokens keep 32-bit offsets. Ingestion never passes a text this long (it skips them with a
    // diagnostic, `crate::ingest::MAX_TEXT_BYTES`), so only a library caller can meet this.
    if u32::try_from(text.len()).is_err() {
        return Vec::new();
    }
    let paragraphs: Vec<Span> = segments.paragraphs.iter().map(|p| p.span).collect();
    let runs = marks::runs(text, &paragraphs);
    let mut folds = String::new();
    let mut toks = tokens::tokenize(text, lowered, &mut folds, segments, lex);
    let mut run_toks = Vec::with_capacity(runs.len());
    for (r, run) in runs.iter().enumerate() {
        let a = tokens::first_at(&toks, run.span.start);
        let mut b = a;
        while b < toks.len() && toks[b].end() <= run.span.end {
            toks[b].run = Some(r as u32);
            b += 1;
        }
        run_toks.push((a, b));
    }
    let ctx = direct::Ctx {
        text,
        toks: &toks,
        lex,
        runs: &runs,
        run_toks: &run_toks,
    };
    let (mut found, mut used) = direct::find(&ctx);
    used.sort_unstable();
    found.extend(reported::find(&ctx, &used));
    found.sort_by_key(|f| (f.span.start, f.span.end));
    // One statement found twice (as the narration of an attribution that closes the sentence
    // and by `reported`): keep one, with a speaker if either has one.
    found.dedup_by(|later, kept| {
        let same = later.span == kept.span && later.kind == kept.kind;
        if same && kept.speaker.is_none() && later.speaker.is_some() {
            std::mem::swap(later, kept);
        }
        same
    });
    continue_reported(&toks, &mut found);
    let sentences: Vec<Span> = segments.sentences.iter().map(|s| s.span).collect();
    let run_spans: Vec<Span> = runs.iter().map(|r| r.span).collect();
    let discourse = resolve::Discourse {
        text,
        lex,
        sentences: &sentences,
        runs: &run_spans,
    };
    let speakers = resolve::resolve(&discourse, &found, actors);
    found
        .into_iter()
        .zip(speakers)
        .map(|(f, speakers)| Quote {
            span: f.span,
            kind: f.kind,
            cue: f
                .cue
                .map(|c| Span::new(toks[c.start].start(), toks[c.end() - 1].end())),
            speaker_span: f.speaker.map(|s| s.span),
            speakers,
            parts: if f.kind == QuoteKind::Direct && f.parts.len() > 1 {
                f.parts
            } else {
                Vec::new()
            },
        })
        .collect()
}

/// A paragraph that is only an unattributed quotation, right after a paragraph that ends with a
/// reported statement, goes on with that statement's speaker: "Carter said that the critics were
/// wrong.¶“That is because this region ...”" (news continues a speaker this way).
fn continue_reported(toks: &[tokens::Tok<'_>], found: &mut [direct::Found]) {
    for i in 1..found.len() {
        let (before, rest) = found.split_at_mut(i);
        let q = &mut rest[0];
        if q.kind != QuoteKind::Direct || q.speaker.is_some() || q.cue.is_some() {
            continue;
        }
        let first = tokens::first_at(toks, q.span.start);
        let Some(t) = toks.get(first) else { continue };
        // The quotation opens its paragraph.
        if first > 0 && toks[first - 1].para == t.para {
            continue;
        }
        let para_before = first > 0 && toks[first - 1].para + 1 == t.para;
        if !para_before {
            continue;
        }
        // The outermost statement that ends the paragraph just before ("Okafor said that critics
        // had predicted ..." holds "critics had predicted ..."): nothing but punctuation after it.
        let ends_para = |f: &direct::Found| {
            let after = tokens::first_at(toks, f.span.end);
            toks[after.min(first)..first].iter().all(|t| !t.word)
        };
        // Only the paragraph before is read, so each item is looked at for one quotation.
        let in_para_before = |f: &&direct::Found| {
            toks.get(tokens::first_at(toks, f.span.start))
                .is_some_and(|s| s.para + 1 == t.para)
        };
        let prev = before
            .iter()
            .rev()
            .take_while(in_para_before)
            .filter(|f| f.kind == QuoteKind::Reported && f.speaker.is_some() && ends_para(f))
            .min_by_key(|f| f.span.start);
        if let Some(prev) = prev {
            q.speaker = prev.speaker.clone();
        }
    }
}
