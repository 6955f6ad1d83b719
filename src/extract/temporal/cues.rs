//! Token tests the rules share, and the words around an expression that say which way its tense
//! points (passives, arrangements, reported plans, clause breaks), read by `direction`.

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
/// as past for weekdays, nearest for dates), and whether the cue is sure. The nearest tense cue
/// wins; cues after the expression count at a longer distance than those before it.
pub(super) fn direction(
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
        let future = e.is_some_and(|e| e.on(List::FutureCue));
        if k > 1 && p.w(k - 1) == "been" && p.w(k - 2) == "had" && future {
            return -1;
        }
        // "planned to leave on Thursday", "set to resume Monday" (`temporal-plan-verbs.txt`),
        // "planned a march on Saturday": a plan for that day (not "was planned in March", when the planning was done). After the
        // day ("On Friday, the government planned to pay") it was made that day.
        if before
            && ((p.on(k, List::PlanVerb) && p.w(k + 1) == "to")
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
        if s != sent || p.clause_break(k) || (best.is_some() && p.punct(k, ',')) {
            break;
        }
        let c = cue(k, false);
        if c != 0 {
            // A verb right after the expression loses to a participle two words before it: in
            // "a timetable introduced on 4 June will be scrapped", "will" is the main clause's.
            let d = 3 * (k - end + 1) + 1;
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
            // A listed past verb (the "-ed" forms are less sure, and so are the reporting verbs
            // and auxiliaries of `temporal-weak-past-cues.txt`) close before the date.
            let near_verb = d <= SURE_PAST
                && k < start
                && p.on(k, List::PastCue)
                && !p.on(k, List::WeakPastCue);
            let deadline = matches!(p.w(start.saturating_sub(1)), "to" | "until" | "till" | "by");
            // "the smallest gain since January": whatever is ahead, "since" looks back.
            let since = k + 1 == start && p.w(k) == "since";
            (near_verb && !deadline) || since
        };
        (c, sure)
    })
}
