//! Attribution finders: where a quotation's speech verb and speaker are, around it in the text.
//!
//! After it (“A,” she said / “A,” said Smith), before it in its sentence (Smith said the plan was
//! “dead”), before a colon that introduces it, "according to X" in its sentence, a trailing
//! "..., he said." that closes its sentence, or, for a short quotation, the subject of its clause.

use super::direct::{Ctx, Found};
use super::lexicon::{BE, BOUNDARY, CueMatch, DET, Frame, NP_PREP, RELATIVE, SKIP, TITLE};
use super::speaker::{self, Anaphor, Speaker};
use crate::model::{QuoteKind, Span};

pub(super) struct Attr {
    pub cue: Option<CueMatch>,
    pub speaker: Option<Speaker>,
    /// Token just past the attribution.
    pub end: usize,
}

impl Ctx<'_> {
    /// The attribution right after run `r`: “...,” he said / “...,” said Smith.
    pub(super) fn after_attr(&self, r: usize) -> Option<Attr> {
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
    pub(super) fn before_attr(&self, first: usize, floor: usize) -> Option<Attr> {
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
        speaker::before(toks, self.lex, c.start, start).or_else(|| {
            let start = self.sentence_start(c.start);
            speaker::main_subject(toks, self.lex, start, c.start)
        })
    }

    /// A verb before a colon that introduces the quote: "Cruz continued:", "Smith told CNN:".
    pub(super) fn colon_attr(&self, first: usize) -> Option<Attr> {
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
    pub(super) fn continues(&self, from: usize, q: usize) -> bool {
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
    pub(super) fn clause_of(&self, first: usize, floor: usize) -> Option<Found> {
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
        // The clause's verb must be a speech verb or a finite verb of its own ("pointed", "calls"):
        // after "is", "will" or "went on" the quoted words are not the subject's.
        let cue = match self.lex.cue_at(toks, verb) {
            Some(c) => c,
            None => {
                let t = toks.get(verb)?;
                let finite = t.word
                    && !t.cap
                    && t.run.is_none()
                    && (t.lower.ends_with("ed")
                        || t.lower.ends_with('s') && !t.lower.ends_with("ss"))
                    && !self
                        .lex
                        .has(t, BE | SKIP | NP_PREP | DET | BOUNDARY | RELATIVE);
                if !finite {
                    return None;
                }
                CueMatch {
                    start: verb,
                    len: 1,
                    frame: Frame::Mixed,
                    participle: false,
                }
            }
        };
        let end = self.sentence_end(first);
        let mut last = end;
        while last > first
            && (toks[last - 1].is_punct('.') || toks[last - 1].is_punct(','))
            && toks[last - 1].run.is_none()
        {
            last -= 1;
        }
        let stop = toks.get(last.saturating_sub(1))?.end();
        let run_end = self.runs[toks[first].run? as usize].span.end;
        Some(Found {
            span: Span::new(toks[verb].start(), stop.max(run_end)),
            kind: QuoteKind::Reported,
            parts: Vec::new(),
            cue: Some(cue),
            speaker: Some(sp),
        })
    }

    /// An attribution closing the sentence after the quotation: "... “stagnant” for a month, he said."
    pub(super) fn trailing_attr(&self, from: usize) -> Option<Attr> {
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
    pub(super) fn according_attr(&self, first: usize) -> Option<Attr> {
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
