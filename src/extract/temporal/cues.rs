//! Token tests the rules share, and the words around an expression that say which way its tense
//! points (passives, arrangements, reported plans, clause breaks).

use super::recognise::Parser;

impl Parser<'_> {
    pub(super) fn glued_at(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    pub(super) fn is_punct_at(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct(c))
    }

    pub(super) fn cap_at(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .and_then(|t| self.text[t.start..].chars().next())
            .is_some_and(char::is_uppercase)
    }

    /// Whether the word at `k`, which looks like a past form, says nothing of the tense: a
    /// participle after a form of "be" ("will be released Monday", "is held in May", "to be paid
    /// Friday") takes its tense from the auxiliary, one after a determiner is an adjective or a
    /// noun ("on a still unspecified date", "the proposed merger", "a big hit"), and some words
    /// only end like a past form.
    #[inline]
    pub(super) fn untensed_past(&self, k: usize) -> bool {
        if k > 0 && matches!(self.w(k - 1), "be" | "being" | "is" | "are" | "am") {
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
        if k > 1 && det(k - 2) && (self.w(k - 1) == "still" || self.w(k - 1).ends_with("ly")) {
            return true;
        }
        let w = self.w(k);
        !self.entry(k).is_some_and(|e| e.past) && w.ends_with("ed") && self.lex.is_not_past_ed(w)
    }

    /// Whether the word at `k` opens an arrangement for the future: "is to resume trading
    /// Tuesday", "are to be named on Saturday", "the trial is set for Jan. 15", "the rules, which
    /// come into force on 7 February".
    #[inline]
    pub(super) fn arranged_future(&self, k: usize) -> bool {
        (self.w(k) == "to" && k > 0 && matches!(self.w(k - 1), "is" | "are" | "am"))
            || (self.w(k) == "set" && self.w(k + 1) == "for")
            || (matches!(self.w(k), "come" | "comes") && self.w(k + 1) == "into")
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
                self.entry(k + 1).is_some_and(|e| e.future || e.past)
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
            && !(self.is_punct_at(end, '\'') && self.w(end + 1) == "s")
    }
}
