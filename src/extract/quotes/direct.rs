//! Direct quotes: quotation runs grouped with their attribution, and quoted terms nobody says.
//!
//! A run is attributed by the speech verb right after it (“A,” she said / “A,” said Smith), by
//! the nearest verb before it in its sentence (Smith said the plan was “dead”), by a verb before
//! a colon that introduces it, or by "according to X" in its sentence. Runs split by their
//! attribution (“A,” she said. “B.”) and runs that follow each other are one quote. Short or
//! title-like runs with no attribution are terms (a name, a scare quote).

use super::lexicon::{CueMatch, Frame, Lexicon, NAME_CONTEXT, TITLE};
use super::marks::Run;
use super::speaker::{self, Anaphor, Speaker};
use super::tokens::Tok;
use crate::model::{QuoteKind, Span};

#[derive(Clone, Debug)]
pub struct Found {
    pub span: Span,
    pub kind: QuoteKind,
    pub parts: Vec<Span>,
    pub cue: Option<CueMatch>,
    pub speaker: Option<Speaker>,
}

struct Attr {
    cue: Option<CueMatch>,
    speaker: Option<Speaker>,
    /// Token just past the attribution.
    end: usize,
}

pub struct Ctx<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok<'a>],
    pub lex: &'a Lexicon,
    pub runs: &'a [Run],
    /// Token range of each run, marks included.
    pub run_toks: &'a [(usize, usize)],
}

impl Ctx<'_> {
    fn inner(&self, r: usize) -> &str {
        let s = self.runs[r].span.slice(self.text);
        let s = s.trim_start_matches(['“', '„', '«', '"', '”']);
        s.trim_end_matches(['”', '»', '"', '“'])
    }

    /// A name or title in quotation marks: every longer word capitalised, few words, no full stop inside.
    fn title_like(&self, r: usize) -> bool {
        let inner = self.inner(r).trim_end_matches([',', '.', '!', '?', ' ']);
        let words: Vec<&str> = inner
            .split(|c: char| c.is_whitespace() || c == '(' || c == ')')
            .filter(|w| w.chars().any(char::is_alphabetic))
            .collect();
        if words.is_empty() || words.len() > 10 || inner.contains(". ") {
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

    fn word_count(&self, r: usize) -> usize {
        self.inner(r).split_whitespace().count()
    }

    fn last_inner_char(&self, r: usize) -> char {
        self.inner(r).trim_end().chars().next_back().unwrap_or(' ')
    }

    /// The paragraph a run ends in (a run may reopen across paragraphs).
    fn para_of_run(&self, r: usize) -> usize {
        let (a, b) = self.run_toks[r];
        self.toks[b.max(a + 1) - 1].para
    }

    /// First token of the sentence holding token `i`.
    fn sentence_start(&self, i: usize) -> usize {
        let s = self.toks[i].sent;
        let mut k = i;
        while k > 0 && self.toks[k - 1].sent == s && self.toks[k - 1].para == self.toks[i].para {
            k -= 1;
        }
        k
    }

    /// Token index past the last token of the sentence holding token `i`.
    pub fn sentence_end(&self, i: usize) -> usize {
        let s = self.toks[i].sent;
        let mut k = i;
        while k < self.toks.len()
            && self.toks[k].sent == s
            && self.toks[k].para == self.toks[i].para
        {
            k += 1;
        }
        k
    }

    /// The first token from `start` that leaves the paragraph or enters a quotation.
    fn narration_limit(&self, start: usize) -> usize {
        let Some(first) = self.toks.get(start) else {
            return start;
        };
        let mut k = start;
        while k < self.toks.len() && self.toks[k].para == first.para && self.toks[k].run.is_none() {
            k += 1;
        }
        k
    }

    /// The attribution right after run `r`: “...,” he said / “...,” said Smith.
    fn after_attr(&self, r: usize) -> Option<Attr> {
        let toks = self.toks;
        let (_, mut j) = self.run_toks[r];
        if j < toks.len() && toks[j].is_punct(',') {
            j += 1;
        }
        let t = toks.get(j)?;
        if t.para != self.para_of_run(r) || t.run.is_some() {
            return None;
        }
        let limit = self.narration_limit(j);
        if let Some(c) = self.lex.cue_at(toks, j) {
            if c.frame == Frame::According || !c.participle {
                let speaker = speaker::after(toks, self.lex, c.end(), limit);
                let end = speaker.as_ref().map_or(c.end(), |s| s.end);
                return Some(Attr {
                    cue: Some(c),
                    speaker,
                    end,
                });
            }
            return None;
        }
        // The quote ended a sentence and a new one begins: not an attribution.
        let ended = matches!(self.last_inner_char(r), '.');
        for k in j + 1..limit.min(j + 16) {
            let tk = &toks[k];
            let dot_ok = tk.is_punct('.')
                && k + 1 < limit
                && (toks[k + 1].word && toks[k + 1].cap || toks[k + 1].is_punct(','));
            if !(tk.word || tk.is_punct(',') || tk.is_punct('(') || tk.is_punct(')') || dot_ok) {
                break;
            }
            if let Some(c) = self.lex.cue_at(toks, k) {
                if c.participle || c.frame == Frame::According {
                    break;
                }
                let sp = speaker::before(toks, self.lex, k, j)?;
                if sp.first != j
                    || (ended && toks[j].cap && self.lex.pronoun(&toks[j]).is_none() && k > j + 4)
                {
                    return None;
                }
                return Some(Attr {
                    cue: Some(c),
                    speaker: Some(sp),
                    end: c.end(),
                });
            }
        }
        None
    }

    /// The nearest speech verb before token `first` in its sentence, after token `floor`.
    fn before_attr(&self, first: usize, floor: usize) -> Option<Attr> {
        let toks = self.toks;
        let start = self.sentence_start(first).max(floor);
        for k in (start..first).rev() {
            let Some(c) = self.lex.cue_at(toks, k) else {
                continue;
            };
            if c.end() > first || speaker::passive(toks, self.lex, c.start, start) {
                continue;
            }
            // "ask", "continue": cues only right before the quotation ("asked: “...”").
            if c.frame == Frame::Quote && toks[c.end()..first].iter().any(|t| t.word) {
                continue;
            }
            let speaker = self.subject(c, start);
            return Some(Attr {
                cue: Some(c),
                speaker,
                end: c.end(),
            });
        }
        None
    }

    /// The speaker of cue `c`: its subject, the phrase after "according to", or for ", adding" the
    /// subject of the sentence's main verb.
    pub fn subject(&self, c: CueMatch, start: usize) -> Option<Speaker> {
        let toks = self.toks;
        if c.frame == Frame::According {
            return speaker::after(toks, self.lex, c.end(), self.narration_limit(c.end()));
        }
        if c.participle && c.start > start && toks[c.start - 1].is_punct(',') {
            // The main clause may lie before an earlier quotation of the same sentence.
            let start = self.sentence_start(c.start);
            for k in (start..c.start).rev() {
                if let Some(m) = self.lex.cue_at(toks, k)
                    && !m.participle
                    && m.frame != Frame::According
                    && let Some(s) = speaker::before(toks, self.lex, k, start)
                {
                    return Some(s);
                }
            }
            return speaker::main_subject(toks, self.lex, start, c.start);
        }
        speaker::before(toks, self.lex, c.start, start)
            .or_else(|| speaker::main_subject(toks, self.lex, start, c.start))
    }

    /// A verb before a colon that introduces the quote: "Cruz continued:", "Smith told CNN:".
    fn colon_attr(&self, first: usize) -> Option<Attr> {
        let toks = self.toks;
        if first == 0 || !toks[first - 1].is_punct(':') {
            return None;
        }
        let colon = first - 1;
        let start = self.sentence_start(colon);
        for k in (start.max(colon.saturating_sub(20))..colon).rev() {
            if toks[k].run.is_some() {
                break;
            }
            if let Some(c) = self.lex.cue_at(toks, k) {
                let speaker = self.subject(c, start);
                return Some(Attr {
                    cue: Some(c),
                    speaker,
                    end: colon,
                });
            }
        }
        // "Cecile Richards: “...”": a name alone before the colon.
        let sp = speaker::before(toks, self.lex, colon, start)?;
        (sp.end == colon).then_some(Attr {
            cue: None,
            speaker: Some(sp),
            end: colon,
        })
    }

    /// Whether run `q` opens the next paragraph, only punctuation lies between token `from` and it,
    /// and its paragraph has no speech verb of its own.
    fn continues(&self, from: usize, q: usize) -> bool {
        let toks = self.toks;
        let first = self.run_toks[q].0;
        if from == 0 || first == 0 || from > first {
            return false;
        }
        let here = toks[from - 1].para;
        let p = toks[first].para;
        p == here + 1
            && toks[first - 1].para != p
            && toks[from..first].iter().all(|t| !t.word)
            && !(first..toks.len())
                .take_while(|&k| toks[k].para == p)
                .any(|k| toks[k].run.is_none() && self.lex.cue_at(toks, k).is_some())
    }

    /// The clause around a quotation at token `first` when its subject names someone: a statement
    /// from the verb after the subject to the end of the sentence.
    fn clause_of(&self, first: usize, floor: usize) -> Option<Found> {
        let toks = self.toks;
        let start = self.sentence_start(first).max(floor);
        let sp = speaker::main_subject(toks, self.lex, start, first)?;
        let named = matches!(sp.anaphor, Some(Anaphor::Singular | Anaphor::Plural))
            || toks[sp.first..sp.end]
                .iter()
                .any(|t| t.cap && t.word && !self.lex.has(t, TITLE));
        if !named || sp.end >= first {
            return None;
        }
        let verb = sp.end;
        let end = self.sentence_end(first);
        let mut last = end;
        while last > first
            && (toks[last - 1].is_punct('.') || toks[last - 1].is_punct(','))
            && toks[last - 1].run.is_none()
        {
            last -= 1;
        }
        let stop = toks.get(last.saturating_sub(1))?.span.end;
        let run_end = self.runs[toks[first].run?].span.end;
        Some(Found {
            span: Span::new(toks[verb].span.start, stop.max(run_end)),
            kind: QuoteKind::Reported,
            parts: Vec::new(),
            cue: Some(CueMatch {
                start: verb,
                len: 1,
                frame: Frame::Mixed,
                participle: false,
            }),
            speaker: Some(sp),
        })
    }

    /// An attribution closing the sentence after the quotation: "... “stagnant” for a month, he said."
    fn trailing_attr(&self, from: usize) -> Option<Attr> {
        let toks = self.toks;
        if from >= toks.len() || toks[from].para != toks[from.saturating_sub(1)].para {
            return None;
        }
        let end = self.sentence_end(from);
        for k in from..end {
            if toks[k].run.is_some() {
                return None;
            }
            let Some(c) = self.lex.cue_at(toks, k) else {
                continue;
            };
            if c.frame == Frame::According || c.participle {
                return None;
            }
            let speaker = if k > 0 && toks[k - 1].is_punct(',') {
                speaker::after(toks, self.lex, c.end(), self.narration_limit(c.end()))
            } else {
                speaker::before(toks, self.lex, k, from)
                    .filter(|sp| sp.first > 0 && toks[sp.first - 1].is_punct(','))
            };
            return speaker.map(|sp| Attr {
                cue: Some(c),
                speaker: Some(sp),
                end: c.end(),
            });
        }
        None
    }

    /// "according to X" anywhere in the sentence of token `first`.
    fn according_attr(&self, first: usize) -> Option<Attr> {
        let start = self.sentence_start(first);
        let end = self.sentence_end(first);
        (start..end).find_map(|k| {
            let c = self.lex.cue_at(self.toks, k)?;
            (c.frame == Frame::According).then(|| Attr {
                cue: Some(c),
                speaker: self.subject(c, start),
                end: c.end(),
            })
        })
    }
}

/// Whether only punctuation lies between token `from` and token `to`, within one paragraph.
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
                || lex.cue_at(toks, from + i).is_some_and(|c| c.participle)
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
    let mut last_direct: Option<(usize, Option<Speaker>)> = None;
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
            if a.is_some() && attr.is_none() {
                attr = a;
                after = true;
            }
            match next {
                Some(q)
                    if !skipped_titles
                        && clean_gap(ctx.toks, resume, ctx.run_toks[q].0, 0, ctx.lex) =>
                {
                    group.push(q);
                    done[q] = true;
                }
                Some(q)
                    if resume != ctx.run_toks[last].1
                        && clean_gap(ctx.toks, resume, ctx.run_toks[q].0, 40, ctx.lex) =>
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
            } else if let Some(a) = ctx.before_attr(first_tok, floor) {
                // A title after narration is a name even in a reported sentence.
                let c = a.cue.map_or(first_tok, |c| c.end());
                let narration = ctx.toks[c..first_tok]
                    .iter()
                    .filter(|t| t.word && !t.is("that"))
                    .count();
                if !(single && title[r0] && narration > 0) {
                    attr = Some(a);
                }
            } else if let Some(a) = ctx.according_attr(first_tok) {
                after = a.cue.is_some_and(|c| c.start > first_tok);
                attr = Some(a);
            } else if let Some(a) = ctx.trailing_attr(ctx.run_toks[*group.last().unwrap_or(&r0)].1)
            {
                attr = Some(a);
                after = true;
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
                    span: Span::new(ctx.toks[start].span.start, end),
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
            && ctx.word_count(r0) <= 4
            && let Some(stmt) = ctx.clause_of(first_tok, floor)
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
            None if single && (title[r0] || ctx.word_count(r0) <= 4) => kind = QuoteKind::Term,
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
