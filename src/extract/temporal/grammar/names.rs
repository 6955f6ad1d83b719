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

    /// "Windows 2000", "Euro 2004", "LMA Manager 2005", "the Y Vote Mock Elections 2005": a number
    /// after a capitalised name of up to `NAME_WORDS` words in running text (not after a month,
    /// season or holiday, "Christmas 2004", nor in a title-case headline, "Sales Rose In 2004",
    /// where the capitals run back to the start of the sentence).
    pub fn product_year(&self, i: usize) -> bool {
        /// The longest name looked back over; a bound, so every number costs the same.
        const NAME_WORDS: usize = 5;
        let name_word = |k: usize| {
            self.toks[k].kind == Kind::Word
                && self.capitalised(k)
                && !self.toks[k].newline_before
                && !self.time_lead(k)
                && self
                    .entry(k)
                    .is_none_or(|e| e.kinds == 0 && !e.holiday_start)
        };
        if i < 2 || !name_word(i - 1) || self.w(i - 1) == "fy" {
            return false;
        }
        // Back over the rest of the name to the running text before it.
        let mut k = i - 2;
        let mut words = 1;
        while words < NAME_WORDS && k > 0 && name_word(k) {
            k -= 1;
            words += 1;
        }
        (self.toks[k].kind != Kind::Punct || self.w(k) == ",")
            && !self.toks[k].newline_before
            && !self.capitalised(k)
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
        // A name of several words in running text.
        (
            "The only new entry was another football title, LMA Manager 2005, at seven.",
            "2005",
            true,
        ),
        (
            "Some 600 schools signed up for the Y Vote Mock Elections 2005 run by the society.",
            "2005",
            true,
        ),
        // Capitals back to the sentence's start are a headline, and a month is a date.
        ("Big Profits For Shell In 2004", "2004", false),
        ("The deal was signed in Paris in June 2004.", "2004", false),
    ] {
        assert_eq!(
            with_parser(text, |p| p.product_year(at(p, number))),
            want,
            "{text}"
        );
    }
}
