//! The tense of the clause around an expression: the words that say which way it points (tense
//! cues, passives, arrangements, reported plans, clause breaks), read by `direction`.

use super::grammar::Parser;
use super::lexicon::{self, List};
use super::tokens;

impl Parser<'_> {
    /// Whether the word at `k`, which looks like a past form, says nothing of the tense: a
    /// participle after a form of "be" ("will be released Monday", "is held in May", "to be paid
    /// Friday") takes its tense from the auxiliary, one after a determiner is an adjective or a
    /// noun ("on a still unspecified date", "the proposed merger", "a big hit"), and some words
    /// only end like a past form.
    #[inline]
    pub(super) fn untensed_past(&self, k: usize) -> bool {
        if k > 0 && self.be_form(k - 1) {
            return true;
        }
        let det = |j: usize| {
            matches!(
                self.w(j),
                "a" | "an" | "the" | "its" | "his" | "her" | "their" | "our" | "this" | "these"
            )
        };
        if k > 0 && det(k - 1) {
            return true;
        }
        // An adverb between them ("a newly built", "the previously agreed",
        // `temporal-participle-adverbs.txt`); "-ly" nouns such as "family" or "rally" are not.
        if k > 1 && det(k - 2) && self.on(k - 1, List::ParticipleAdverb) {
            return true;
        }
        let w = self.w(k);
        !self.entry(k).is_some_and(|e| e.on(List::PastCue))
            && w.ends_with("ed")
            && self.on(k, List::NotPastEd)
    }

    /// A present form of "be" at `k` ("is", "are", "am", "be", "being"), not the "am" of "9am".
    fn be_form(&self, k: usize) -> bool {
        match self.w(k) {
            "be" | "being" | "is" | "are" => true,
            "am" => self.toks.get(k).is_some_and(|t| t.space_before),
            _ => false,
        }
    }

    /// Whether the word at `k` opens an arrangement for the future: "is to resume trading
    /// Tuesday", "are to be named on Saturday", "the trial is set for Jan. 15", "the rules, which
    /// come into force on 7 February", "take effect on Jan. 1", "ahead of a speech on Tuesday".
    #[inline]
    pub(super) fn arranged_future(&self, k: usize) -> bool {
        (self.w(k) == "to" && k > 0 && self.be_form(k - 1) && self.w(k - 1) != "be")
            || (self.w(k) == "set" && self.w(k + 1) == "for")
            || (matches!(self.w(k), "come" | "comes") && self.w(k + 1) == "into")
            || (self.w(k) == "take" && self.w(k + 1) == "effect")
            || (self.w(k) == "ahead" && self.w(k + 1) == "of")
    }

    /// A word that ends the clause of an expression before it, so a tense after it belongs to
    /// another verb: "met him on Thursday and will travel to Japan on Saturday" ("and" only
    /// right before a verb: "the Abortion and Reproductive Rights League plans" goes on).
    #[inline]
    pub(super) fn clause_break(&self, k: usize) -> bool {
        match self.w(k) {
            "while" | "whereas" | "although" | "though" | "because" | ";" => true,
            "and" | "but" => {
                let next = self.w(k + 1);
                self.entry(k + 1)
                    .is_some_and(|e| e.on(List::FutureCue) || e.on(List::PastCue))
                    || super::lexicon::past_cue(self.entry(k + 1), next)
            }
            _ => false,
        }
    }

    /// Whether "would" at `k`, before the expression ending at `end`, reports a plan: "said the
    /// bridge would reopen on Friday". Not "would have" (what did not happen), nor before a
    /// day's possessive ("would appeal Wednesday's ruling": the ruling is done).
    #[inline]
    pub(super) fn reported_future(&self, k: usize, end: usize) -> bool {
        self.w(k) == "would"
            && self.w(k + 1) != "have"
            && !(self.punct(end, '\'') && self.w(end + 1) == "s")
    }
}

/// How near (in `direction`'s distance: two per word before) a past verb must stand to be sure.
const SURE_PAST: usize = 8;

/// Which way the clause around tokens `start..end` points: +1 future, -1 past, 0 unmarked (read
/// as past for weekdays, nearest for dates), whether the cue is sure, and whether a past cue is
/// plain (`Clause::plain_past`). The nearest tense cue wins; cues after the expression count at a
/// longer distance than those before it.
pub(super) fn direction(
    p: &Parser<'_>,
    sentence_of: &[usize],
    start: usize,
    end: usize,
    deadline: bool,
) -> (i32, bool, bool) {
    let clause = Clause {
        p,
        sentence_of,
        sent: sentence_of[start],
        start,
        end,
    };
    let best = clause.nearest_cue();
    // "by February" with no tense cue nearby: a deadline, usually ahead (only for a month or a
    // date; "by Wednesday" as often reports what was done).
    if best.is_none() && deadline && start > 0 && p.w(start - 1) == "by" {
        return (1, false, false);
    }
    best.map_or((0, false, false), |(d, c, k)| {
        (c, clause.sure(d, c, k), c < 0 && clause.plain_past(k))
    })
}

/// The sentence around an expression at tokens `start..end`, read for its tense.
struct Clause<'p, 'a> {
    p: &'p Parser<'a>,
    sentence_of: &'p [usize],
    /// The sentence of the expression.
    sent: usize,
    start: usize,
    end: usize,
}

impl Clause<'_, '_> {
    /// The nearest tense cue in the sentence: the first of up to 16 words before the expression
    /// (distance two per word; "the U.S." must not push a modal out of reach, so marks do not
    /// count) or of 14 tokens after it (distance three per token, plus one), as (distance,
    /// direction, token).
    fn nearest_cue(&self) -> Option<(usize, i32, usize)> {
        let (p, sentence_of) = (self.p, self.sentence_of);
        let mut best: Option<(usize, i32, usize)> = None;
        let mut words = 0;
        for k in (self.start.saturating_sub(32)..self.start).rev() {
            if sentence_of[k] != self.sent || words >= 16 {
                break;
            }
            if p.toks[k].kind == tokens::Kind::Punct {
                continue;
            }
            words += 1;
            let c = self.cue(k, true);
            if c != 0 {
                best = Some((2 * words, c, k));
                break;
            }
        }
        for (k, &s) in sentence_of.iter().enumerate().skip(self.end).take(14) {
            // "who will unveil his plans on Monday, said ...": past a comma, a tense belongs to
            // another clause when the expression's own clause already has one.
            if s != self.sent || p.clause_break(k) || (best.is_some() && p.punct(k, ',')) {
                break;
            }
            let c = self.cue(k, false);
            if c != 0 {
                // A verb right after the expression loses to a participle two words before it:
                // in "a timetable introduced on 4 June will be scrapped", "will" is the main
                // clause's.
                let d = 3 * (k - self.end + 1) + 1;
                if best.is_none_or(|(b, _, _)| d < b) {
                    best = Some((d, c, k));
                }
                break;
            }
        }
        best
    }

    /// The direction the word at `k` (`before` the expression or after it) gives the clause: +1
    /// future, -1 past, 0 none.
    fn cue(&self, k: usize, before: bool) -> i32 {
        let p = self.p;
        let w = p.w(k);
        if self.neutral(k) {
            return 0;
        }
        // "a new office, effective Feb. 1": a change takes effect at the date nearest ahead.
        if before
            && w == "effective"
            && (k + 1 == self.start || matches!(p.w(k + 1), "on" | "from"))
        {
            return 1;
        }
        // "had been due to expire Friday": a plan seen from the past.
        let e = p.entry(k);
        let future = e.is_some_and(|e| e.on(List::FutureCue));
        if k > 1 && p.w(k - 1) == "been" && p.w(k - 2) == "had" && future {
            return -1;
        }
        if before && self.plan(k) {
            return 1;
        }
        if future || (w == "ll" && k > 0 && p.w(k - 1) == "'") {
            1
        } else if lexicon::past_cue(e, w) && !p.untensed_past(k) {
            -1
        } else {
            0
        }
    }

    /// Whether the word at `k` looks like a tense cue but is none here: "next to the embassy" (a
    /// place), "three days later" (moves along the story, it does not point past the
    /// publication), a fronted "until" ("Until Thursday, they had not called him a suspect"
    /// leaves the tense to the clause; "postponed until Tuesday" sets a deadline ahead), "the
    /// plan", "vacation plans" (a noun; "plans to open" is an intention).
    fn neutral(&self, k: usize) -> bool {
        let p = self.p;
        match p.w(k) {
            "next" => p.w(k + 1) == "to",
            "later" => k > 0 && p.lx(k - 1).unit().is_some(),
            "until" => k == 0 || self.sentence_of[k - 1] != self.sent,
            "plan" | "plans" => p.w(k + 1) != "to",
            _ => false,
        }
    }

    /// Whether the word at `k`, before the expression, makes a plan for its day: "planned to
    /// leave on Thursday", "set to resume Monday" (`temporal-plan-verbs.txt`), "planned a march
    /// on Saturday" (not "was planned in March", when the planning was done), an arrangement
    /// ("is set for", "take effect") or a reported plan ("would reopen"). After the day ("On
    /// Friday, the government planned to pay") it was made that day.
    fn plan(&self, k: usize) -> bool {
        let p = self.p;
        (p.on(k, List::PlanVerb) && p.w(k + 1) == "to")
            || (p.w(k) == "planned"
                && !(k > 0
                    && matches!(
                        p.w(k - 1),
                        "was" | "were" | "been" | "be" | "had" | "previously" | "originally"
                    )))
            || p.arranged_future(k)
            || p.reported_future(k, self.end)
            || self.progressive(k)
    }

    /// "are meeting on Thursday", "is flying to Paris on Monday": the present progressive before
    /// a day arranges it, ahead (a report of what is going on names no day).
    fn progressive(&self, k: usize) -> bool {
        let p = self.p;
        let w = p.w(k);
        w.len() > 4
            && w.ends_with("ing")
            && k > 0
            && matches!(p.w(k - 1), "is" | "are" | "am" | "re")
    }

    /// Whether the past cue at token `k` dates the expression itself: no infinitive, purpose or
    /// deadline stands between them ("was dropped from a show in August", "In July a virus
    /// slowed down searches"), as it does in "has decided to admit them in early March", "was
    /// planned for early March" or "talks supposed to conclude by May", whose month may be ahead.
    fn plain_past(&self, k: usize) -> bool {
        let (from, to) = if k < self.start {
            (k + 1, self.start)
        } else {
            (self.end, k)
        };
        !(from..to).any(|j| matches!(self.p.w(j), "to" | "for" | "by" | "until" | "till"))
    }

    /// Whether cue `c` at token `k`, `d` away, is sure enough that a nearer date on the other side
    /// does not overrule it: a modal ("will"), or a past verb a few words before the date ("left
    /// the EU in January"), but not a reporting verb ("said") or an auxiliary, nor before a
    /// deadline ("extended to Nov. 20"); "the smallest gain since January": whatever is ahead,
    /// "since" looks back.
    fn sure(&self, d: usize, c: i32, k: usize) -> bool {
        let p = self.p;
        if c > 0 {
            return matches!(p.w(k), "will" | "shall" | "ll" | "wo");
        }
        // The "-ed" forms are less sure than the listed past verbs, and so are the reporting
        // verbs and auxiliaries of `temporal-weak-past-cues.txt`.
        let near_verb = d <= SURE_PAST
            && k < self.start
            && p.on(k, List::PastCue)
            && !p.on(k, List::WeakPastCue);
        let deadline = matches!(
            p.w(self.start.saturating_sub(1)),
            "to" | "until" | "till" | "by"
        );
        let since = k + 1 == self.start && p.w(k) == "since";
        // "The appointment of a minister in July was taken as a sign": a past auxiliary right
        // after the expression is the verb of the subject it ends, whose time is past.
        let subject_of_past = k == self.end && matches!(p.w(k), "was" | "were");
        (near_verb && !deadline) || since || subject_of_past
    }
}
