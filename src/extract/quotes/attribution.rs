//! Attribution finders: where a quotation's speech verb and speaker are, around it in the text.
//!
//! After it (“A,” she said / “A,” said Smith), before it in its sentence (Smith said the plan was
//! “dead”), before a colon that introduces it, "according to X" in its sentence, a trailing
//! "..., he said." that closes its sentence, a line that signs it ("- Bernie Sanders."), or, for a
//! short quotation, the subject of its clause. A passive verb's "by X" names the speaker.

use super::direct::{Ctx, Found};
use super::lexicon::{BE, BOUNDARY, CueMatch, DET, Frame, NP_PREP, RELATIVE, SKIP, TITLE};
use super::speaker::{self, Anaphor, Speaker};
use super::tokens::Tok;
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
        // The quote ended a sentence and a new one begins: not an attribution.
        let ended = matches!(self.last_inner_char(r), '.');
        if let Some(c) = self.lex.cue_at(toks, j) {
            // "“...” Asked which ...": a capitalised verb after a full stop opens a new sentence.
            if ended && toks[j].cap {
                return None;
            }
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
        // Long enough for a name and its description ("..., Fred Kagan, director of the
        // Critical Threats Project at the American Enterprise Institute, said").
        // Inside a bracket any mark goes: "Rep. Earl Blumenauer (D-Ore.) said".
        let mut bracket = 0usize;
        for k in j + 1..limit.min(j + 32) {
            let tk = &toks[k];
            let dot_ok = tk.is_punct('.')
                && k + 1 < limit
                && (toks[k + 1].word && toks[k + 1].cap || toks[k + 1].is_punct(','));
            if tk.is_punct('(') {
                bracket += 1;
            } else if tk.is_punct(')') {
                bracket = bracket.saturating_sub(1);
            } else if !(tk.word || tk.is_punct(',') || dot_ok || (bracket > 0 && tk.run.is_none()))
            {
                break;
            }
            if let Some(c) = self.lex.cue_at(toks, k) {
                if c.participle || c.frame == Frame::According {
                    break;
                }
                let sp = speaker::before(toks, self.lex, k, j)?;
                // After a quotation that ended its sentence, a new sentence that goes on past
                // its verb ("“... is ongoing.” He said the FBI ...", "He added, “...”") is a new
                // statement, not this one's attribution.
                let goes_on = ended && toks[j].cap && {
                    let rest = &toks[c.end()..self.sentence_end(c.start)];
                    rest.iter().any(|t| t.run.is_some())
                        || rest.iter().filter(|t| t.word).count() > 5
                };
                // "“...,” the party's nominee, Jo Reyes, tweeted": a name set off after a
                // description that opens the attribution.
                // Or opened by a possessive: "Sanders's campaign manager, Jeff Weaver, said".
                let described = sp.first > j
                    && toks[sp.first - 1].is_punct(',')
                    && (self.lex.has(&toks[j], DET)
                        || toks[j..sp.first - 1]
                            .iter()
                            .take(2)
                            .any(|t| t.lower.ends_with("'s") || t.lower.ends_with("s'")))
                    && toks[j..sp.first - 1].iter().all(|t| t.word);
                // "“... sign.” The border dispute continues.": after a full stop, a verb that
                // only introduces quotations ("continues", "reads") opens a new sentence.
                let new_sentence = ended
                    && toks[j].cap
                    && self.lex.pronoun(&toks[j]).is_none()
                    && (k > j + 4 || c.frame == Frame::Quote);
                if (sp.first != j && !described) || new_sentence || goes_on {
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
            if c.end() > first {
                continue;
            }
            if speaker::passive(toks, self.lex, c.start, start) {
                // "Sanders was asked by host Bill Maher, ..., “...”": the agent speaks.
                if toks.get(c.end()).is_some_and(|t| t.is("by")) && c.end() + 1 < first {
                    let limit = self.narration_limit(c.end() + 1).min(first);
                    if let Some(sp) = speaker::after(toks, self.lex, c.end() + 1, limit) {
                        return Some(Attr {
                            cue: Some(c),
                            speaker: Some(sp),
                            end: c.end(),
                        });
                    }
                }
                continue;
            }
            // "ask", "continue": cues only right before the quotation ("asked: “...”"), or
            // after a place or time set off by a comma ("asks at a school in Ames, “...”").
            if c.frame == Frame::Quote && toks[c.end()..first].iter().any(|t| t.word) {
                let between = &toks[c.end()..first];
                let set_off = between.len() <= 10
                    && between
                        .first()
                        .is_some_and(|t| self.lex.has(t, NP_PREP) || t.is("on"))
                    && between.last().is_some_and(|t| t.is_punct(','))
                    && between.iter().all(|t| t.run.is_none() && !t.is_punct('.'));
                if !set_off {
                    continue;
                }
            }
            // "Said Comey, “...”", "But, said Solovey, “...”": an inverted verb that opens its
            // sentence names the speaker after it.
            let opens = c.start == start
                || toks[start..c.start]
                    .iter()
                    .all(|t| t.is_punct(',') || t.is_opening_conjunction());
            let speaker = self.subject(c, start).or_else(|| {
                (opens && (toks[c.start].cap || c.start > start))
                    .then(|| speaker::after(toks, self.lex, c.end(), first))
                    .flatten()
            });
            // A speech verb inside the clause another one reports belongs to that statement:
            // "Bolton said he would advise Trump on “...”", "Israel said Clinton called on
            // members to be “...”": the outer verb and its subject attribute the quotation.
            let inner_at = speaker.as_ref().map_or(c.start, |s| s.first);
            // "groups the marchers, whom he described as “peaceful”": a relative clause with a
            // subject of its own is that subject's statement.
            let own_clause = speaker.as_ref().is_some_and(|s| {
                s.end == c.start
                    && s.first > start
                    && s.anaphor.is_some()
                    && matches!(toks[s.first - 1].lower, "who" | "whom" | "which")
            });
            // "Cost estimates, he added, were “...”": an attribution set off by commas is the
            // sentence's own, not the complement of a verb before it.
            let aside = speaker.as_ref().is_some_and(|s| {
                s.end == c.start
                    && s.first > start
                    && toks[s.first - 1].is_punct(',')
                    && toks.get(c.end()).is_some_and(|t| t.is_punct(','))
            });
            if !own_clause
                && !aside
                && let Some(outer) = self.outer_cue(start, inner_at)
            {
                return Some(outer);
            }
            return Some(Attr {
                cue: Some(c),
                speaker,
                end: c.end(),
            });
        }
        None
    }

    /// The outermost clause-taking speech verb of the sentence from token `start` whose
    /// complement holds token `at`: its subject lies before it and no coordinated clause
    /// (", and", "but", "while") nor a quotation stands between it and `at`.
    fn outer_cue(&self, start: usize, at: usize) -> Option<Attr> {
        let toks = self.toks;
        let mut best = None;
        let mut k = at;
        while k > start {
            k -= 1;
            let t = &toks[k];
            if t.run.is_some()
                || t.is_punct(';')
                || matches!(t.lower, "but" | "while" | "whereas" | "although" | "though")
                || (t.is("and") && k > start && toks[k - 1].is_punct(','))
                // "..., with Sen. John McCain calling it a “Chinese menu”": a clause of its own.
                || (t.is("with") && k > start && toks[k - 1].is_punct(','))
            {
                break;
            }
            let Some(c) = self.lex.cue_at(toks, k) else {
                continue;
            };
            if c.frame != Frame::Clause
                || c.participle
                || c.end() > at
                || speaker::passive(toks, self.lex, c.start, start)
            {
                continue;
            }
            // "While Trump affirmed that ..., he also stated “...”": a verb in a clause fronted by
            // a subordinator reports nothing past the comma that closes that clause.
            let fronted = matches!(
                toks[start].lower,
                "while" | "though" | "although" | "as" | "when" | "if" | "because" | "after"
            ) && toks[c.end()..at].iter().any(|t| t.is_punct(','));
            if fronted {
                break;
            }
            if let Some(sp) = speaker::before(toks, self.lex, c.start, start) {
                best = Some(Attr {
                    cue: Some(c),
                    speaker: Some(sp),
                    end: c.end(),
                });
            }
        }
        best
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
            return self
                .earlier_subject(start, c.start)
                .or_else(|| speaker::main_subject(toks, self.lex, start, c.start));
        }
        let sp = speaker::before(toks, self.lex, c.start, start);
        // "Trump released a new radio ad calling it “...”": a phrase right after a verb is its
        // object, and the participle's subject is the main clause's.
        // So is a phrase after a preposition: "..., at one point calling the mayor a “liar”".
        if c.participle
            && let Some(obj) = &sp
            && (self.object(obj.first, start)
                || obj.first > start
                    && self.lex.has(&toks[obj.first - 1], NP_PREP)
                    && !toks[obj.first - 1].cap)
        {
            let start = self.sentence_start(c.start);
            return speaker::main_subject(toks, self.lex, start, obj.first);
        }
        sp.or_else(|| {
            let start = self.sentence_start(c.start);
            // "Mr Justice Ainsworth, who heard ..., said he would ... and indicated that ...":
            // a verb joined by "and" shares the subject of the speech verb before it.
            // Also "..., and then predicted:", "... but called it": adverbs and "but" too.
            let mut k = c.start;
            while k > start && self.lex.has(&toks[k - 1], SKIP) && !toks[k - 1].cap {
                k -= 1;
            }
            // "Trump said before adding:": so does a participle after "before" or "while".
            let joined = k > start
                && (matches!(toks[k - 1].lower, "and" | "but")
                    || (c.participle && matches!(toks[k - 1].lower, "before" | "while")));
            joined
                .then(|| self.earlier_subject(start, k - 1))
                .flatten()
                .or_else(|| speaker::main_subject(toks, self.lex, start, c.start))
        })
    }

    /// The subject of the last speech verb before token `before` in the sentence from `start`
    /// that has one (after an inverted verb, the name that follows it).
    fn earlier_subject(&self, start: usize, before: usize) -> Option<Speaker> {
        let toks = self.toks;
        for k in (start..before).rev() {
            if let Some(m) = self.lex.cue_at(toks, k)
                && !m.participle
                && m.frame != Frame::According
            {
                // "“...,” said Rep. Bobby Scott at the time, adding that “...”": an inverted
                // verb's subject follows it.
                let inverted = k > start
                    && (toks[k - 1].run.is_some()
                        || (toks[k - 1].is_punct(',')
                            && k > start + 1
                            && toks[k - 2].run.is_some()));
                let s = if inverted {
                    speaker::after(toks, self.lex, m.end(), self.narration_limit(m.end()))
                } else {
                    speaker::before(toks, self.lex, k, start)
                };
                if s.is_some() {
                    return s;
                }
            }
        }
        None
    }

    /// Whether the phrase at token `first` follows a verb ("released a statement"), so it is an
    /// object, not a subject.
    fn object(&self, first: usize, start: usize) -> bool {
        let Some(prev) = first
            .checked_sub(1)
            .filter(|&p| p >= start)
            .map(|p| &self.toks[p])
        else {
            return false;
        };
        prev.word
            && !prev.cap
            && prev.run.is_none()
            && self.lex.pronoun(prev).is_none()
            && !self
                .lex
                .has(prev, BOUNDARY | NP_PREP | RELATIVE | SKIP | BE | DET)
    }

    /// A verb before a colon that introduces the quote: "Cruz continued:", "Smith told CNN:"; or
    /// a comma after what a speaker issues: "Trump issued a statement, “...”".
    pub(super) fn colon_attr(&self, first: usize) -> Option<Attr> {
        let toks = self.toks;
        let introduces = |t: &Tok<'_>| {
            t.is_punct(':')
                || t.is_punct(',')
                    && first >= 2
                    && toks[first - 2].run.is_none()
                    && self.lex.statement_noun(toks[first - 2].lower)
        };
        if first == 0 || !introduces(&toks[first - 1]) {
            return None;
        }
        let colon = first - 1;
        let start = self.sentence_start(colon);
        // A digest's "Headline that shares blame - HuffPollster: “...”": the name after the dash
        // speaks, not a speech word of the headline before it.
        if let Some(sp) = speaker::before(toks, self.lex, colon, start)
            && sp.end == colon
            && sp.first > start
            && toks[sp.first - 1].is_dash()
        {
            return Some(Attr {
                cue: None,
                speaker: Some(sp),
                end: colon,
            });
        }
        for k in (start.max(colon.saturating_sub(20))..colon).rev() {
            if toks[k].run.is_some() {
                break;
            }
            if let Some(c) = self.lex.cue_at(toks, k) {
                // An inverted verb opening the sentence: "Stated Stone:", "Continued Stone:".
                let speaker = self.subject(c, start).or_else(|| {
                    (c.start == start)
                        .then(|| speaker::after(toks, self.lex, c.end(), colon))
                        .flatten()
                });
                return Some(Attr {
                    cue: Some(c),
                    speaker,
                    end: colon,
                });
            }
        }
        // "Cecile Richards: “...”": a name alone before the colon, the whole of its sentence
        // (not the last words of one: "... in a 30-minute shooting spree: “...”").
        let named = speaker::before(toks, self.lex, colon, start).and_then(|sp| {
            // "Trump issued the following statement:": the subject of the verb before it.
            if sp.end == colon && sp.first > start && self.lex.statement_noun(toks[colon - 1].lower)
            {
                return speaker::main_subject(toks, self.lex, start, sp.first).map(|s| Attr {
                    cue: None,
                    speaker: Some(s),
                    end: colon,
                });
            }
            // A headline's "- Jeffrey M. Jones:" or "More from Jones:" opens a name too.
            let opens =
                sp.first == start || toks[sp.first - 1].is("from") || toks[sp.first - 1].is_dash();
            (sp.end == colon && opens).then_some(Attr {
                cue: None,
                speaker: Some(sp),
                end: colon,
            })
        });
        named.or_else(|| self.colon_subject(start, colon))
    }

    /// "Kaine has adopted the stance of many Catholics: “I'm pro-life ...”": a clause that opens
    /// with a person's name or a personal pronoun and ends in a colon before a quotation gives
    /// the quotation to that subject. A thing ("The numbers tell the story:") gives nothing.
    fn colon_subject(&self, start: usize, colon: usize) -> Option<Attr> {
        let toks = self.toks;
        if !toks[colon].is_punct(':') || colon - start > 24 {
            return None;
        }
        let sp = speaker::main_subject(toks, self.lex, start, colon)?;
        let head = &toks[sp.first];
        let person = match self.lex.pronoun(head) {
            Some(_) => matches!(head.lower, "he" | "she" | "they" | "we" | "i"),
            None => head.cap && !self.lex.has(head, DET) && sp.anaphor.is_none(),
        };
        (sp.first == start && person).then_some(Attr {
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

    /// Whether a speaker phrase refers to someone: a pronoun or a definite description ("he",
    /// "the minister"), or a capitalised word that is no title or determiner ("Clinton", "the
    /// White House"; not "The rejection of the treaty").
    pub(super) fn names(&self, sp: &Speaker) -> bool {
        matches!(sp.anaphor, Some(Anaphor::Singular | Anaphor::Plural))
            || self.toks[sp.first..sp.end]
                .iter()
                .any(|t| t.cap && t.word && !self.lex.has(t, TITLE | DET))
    }

    /// The clause around a quotation at token `first` when its subject names someone: a statement
    /// from the verb after the subject to the end of the sentence.
    /// A quotation of more than a few words (`long`) must stand close to the verb, in its clause.
    pub(super) fn clause_of(&self, first: usize, floor: usize, long: bool) -> Option<Found> {
        let toks = self.toks;
        let start = self.sentence_start(first).max(floor);
        let sp = speaker::main_subject(toks, self.lex, start, first)?;
        if !self.names(&sp) || sp.end >= first {
            return None;
        }
        let verb = sp.end;
        // "The remaining two were dressed ... to demonstrate the “...”": a passive's subject
        // says nothing.
        if verb > sp.first && self.lex.has(&toks[verb - 1], BE) {
            return None;
        }
        // "A camper van trundled into view, decked out in ... - “...”": a longer quotation
        // further on, past a dash, a colon or a participle's comma, is no longer the verb's.
        let gap = &toks[verb + 1..first];
        if long
            && (gap.len() > 15
                || gap
                    .iter()
                    .any(|t| t.is_dash() || t.is_punct(':') || t.is_punct(';') || t.run.is_some()))
        {
            return None;
        }
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

    /// A line that signs the quotation before it: "“...”" then a paragraph "- Bernie Sanders." or
    /// "—President Obama, tweeting after the speech." (a dash, a name, and nothing after it but a
    /// description). `from` is the token after the quotation.
    pub(super) fn signature_attr(&self, from: usize) -> Option<Attr> {
        let toks = self.toks;
        let dash = toks.get(from)?;
        if from == 0 || dash.para == toks[from - 1].para || !dash.is_dash() {
            return None;
        }
        let para_end = (from..toks.len())
            .find(|&k| toks[k].para != dash.para)
            .unwrap_or(toks.len());
        // A signature is short; a dash that opens a long paragraph opens narration.
        if para_end - from > 24 {
            return None;
        }
        let sp = speaker::after(toks, self.lex, from + 1, para_end)?;
        let rest = toks.get(sp.end);
        let signs = rest.is_none_or(|t| t.para != dash.para || t.is_punct('.') || t.is_punct(','));
        (signs && toks[sp.first].cap).then_some(Attr {
            cue: None,
            speaker: Some(sp),
            end: para_end,
        })
    }
}
