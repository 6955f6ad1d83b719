//! Words that look like times but name something: titles ("This Week", "Film 2005"), products
//! and events ("Windows 2000", "Euro 2004"), and the words that set a time up instead.

use super::Parser;
use crate::extract::temporal::tokens::Kind;

impl Parser<'_> {
    /// A unit word written with a capital inside a sentence: a title ("This Week", "60 Minutes").
    pub fn title_case(&self, i: usize) -> bool {
        self.title_case_word(i) && self.lx(i).unit().is_some()
    }

    /// A word written with a capital inside a sentence (not after a full stop or at a line's start).
    pub fn title_case_word(&self, i: usize) -> bool {
        i > 0 && self.capitalised(i) && !self.punct(i - 1, '.') && !self.toks[i].newline_before
    }

    /// Whether a name follows at `i`: a capitalised word that is no month or weekday, nor "I" or a
    /// title before a surname ("On Christmas I visited", "On the Sunday Mr Smith resigned").
    pub fn name_follows(&self, i: usize) -> bool {
        self.capitalised(i)
            && self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
            && self.lx(i).month().is_none()
            && self.lx(i).weekday().is_none()
            && !matches!(
                self.w(i),
                "i" | "mr" | "mrs" | "ms" | "dr" | "sir" | "lord" | "lady"
            )
    }

    /// Whether the word at `i` sets up a time rather than a name ("On Tuesday Labour said", "the
    /// April IMF meetings", "Since 1980?"), so a capital after what follows it names nothing.
    pub fn time_lead(&self, i: usize) -> bool {
        matches!(
            self.w(i),
            "on" | "in"
                | "at"
                | "by"
                | "since"
                | "until"
                | "till"
                | "from"
                | "of"
                | "the"
                | "last"
                | "next"
                | "this"
                | "that"
                | "every"
                | "each"
                | "early"
                | "late"
                | "mid"
                | "during"
                | "before"
                | "after"
                | "through"
                | "between"
                | "and"
                | "or"
                | "for"
                | "to"
        )
    }

    /// "Windows 2000", "Euro 2004": a number after a capitalised name in running text (not after a
    /// month, season or holiday, "Christmas 2004", nor in a title-case headline, "Sales Rose In
    /// 2004").
    pub fn product_year(&self, i: usize) -> bool {
        i >= 2
            && self.toks[i - 1].kind == Kind::Word
            && self.capitalised(i - 1)
            && !self.toks[i - 1].newline_before
            && !self.time_lead(i - 1)
            && (self.toks[i - 2].kind != Kind::Punct || self.w(i - 2) == ",")
            && !self.toks[i - 2].newline_before
            && !self.capitalised(i - 2)
            && self
                .entry(i - 1)
                .is_none_or(|e| e.kinds == 0 && !e.holiday_start)
            && self.w(i - 1) != "fy"
    }
}
