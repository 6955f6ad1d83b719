//! Words that look like times but name something: titles ("This Week", "Film 2005"), products
//! and events ("Windows 2000", "Euro 2004"), and the words that set a time up instead.

use super::Parser;
use crate::extract::temporal::lexicon::List;
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
    /// title before a surname ("On Christmas I visited", "On the Sunday Mr Smith resigned",
    /// `temporal-name-titles.txt`).
    pub fn name_follows(&self, i: usize) -> bool {
        self.capitalised(i)
            && self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
            && self.lx(i).month().is_none()
            && self.lx(i).weekday().is_none()
            && !self.on(i, List::NameTitle)
    }

    /// Whether the word at `i` sets up a time rather than a name ("On Tuesday Labour said", "the
    /// April IMF meetings", "Since 1980?", `temporal-time-leads.txt`), so a capital after what
    /// follows it names nothing.
    pub fn time_lead(&self, i: usize) -> bool {
        self.on(i, List::TimeLead)
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

#[cfg(test)]
#[test]
fn names_and_leads() {
    use super::testing::with_parser;
    fn at(p: &Parser<'_>, word: &str) -> usize {
        let w = word.to_lowercase();
        (0..p.toks.len())
            .find(|&k| p.toks[k].norm == w)
            .unwrap_or_else(|| panic!("{word}"))
    }
    // (text, word, whether a name follows at it)
    for (text, word, want) in [
        (
            "On Tuesday Labour chairman Ian McCartney spoke.",
            "Labour",
            true,
        ),
        ("On Christmas I visited my parents.", "I", false),
        ("On the Sunday Mr Smith resigned.", "Mr", false),
        ("In June Parliament will vote.", "Parliament", true),
        ("In June parliament will vote.", "parliament", false),
    ] {
        assert_eq!(
            with_parser(text, |p| p.name_follows(at(p, word))),
            want,
            "{text}"
        );
    }
    // (text, word, whether it sets up a time)
    for (text, word, want) in [
        ("Since 1980 the town has grown.", "Since", true),
        ("The April IMF meetings ended.", "The", true),
        ("He joined Labour in 2001.", "Labour", false),
    ] {
        assert_eq!(
            with_parser(text, |p| p.time_lead(at(p, word))),
            want,
            "{text}"
        );
    }
    // (text, number, whether it is part of a name)
    for (text, number, want) in [
        (
            "The firm still runs Windows 2000 on its servers.",
            "2000",
            true,
        ),
        ("Fans flocked to Euro 2004 in Portugal.", "2004", true),
        ("Sales rose in 2004.", "2004", false),
        ("We spent Christmas 2004 at home.", "2004", false),
        ("Sales Rose In 2004", "2004", false),
    ] {
        assert_eq!(
            with_parser(text, |p| p.product_year(at(p, number))),
            want,
            "{text}"
        );
    }
}
