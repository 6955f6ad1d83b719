//! The grammar: finds where a time expression starts and ends in the token stream and what it means.
//!
//! Each `core_*` rule tries to read one kind of expression at a token index and returns the index
//! after it and its meaning; `parse_at` adds the leading "the" and modifiers ("early", "the end
//! of") and keeps the longest reading.

use super::lexicon::{Entry, Lexicon, List, Unit, Words};
use super::sem::{Anchor, Part, Sem, YearRef, duration_value};
use super::tokens::{Kind, Token};

mod clock;
mod counts;
mod dates;
mod holidays;
mod names;
mod periods;
mod relative;
mod sets;
#[cfg(test)]
pub mod testing;

/// A recognised expression: tokens `start..end`, its meaning and a modifier (-1 early, 0 mid, 1 late).
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub sem: Sem,
    pub modifier: Option<i32>,
}

pub struct Parser<'a> {
    pub toks: &'a [Token<'a>],
    pub lex: &'a Lexicon,
    /// Each token's lexicon entry (words only), looked up once.
    pub ents: &'a [Option<&'a Entry>],
    pub text: &'a str,
    /// The publication year, when known: a bare number far beyond it is rarely a year.
    pub ref_year: Option<i32>,
}

pub(super) type Core = Option<(usize, Sem)>;

/// Where a rule can start: what the token at its first index may be. `core` tries a rule only at
/// a token its declaration admits, and the gate is built from these declarations alone (the
/// lexicon sets one bit per rule on each word, see `Lexicon::load`), so gate and rule cannot
/// drift apart.
#[derive(Clone, Copy, Debug)]
pub struct Start {
    /// Any number token ("5", "5th", "1990s").
    pub number: bool,
    /// Punctuation it opens with (the apostrophe of "'90s").
    pub punct: &'static [char],
    /// A word with one of these lexicon readings (`Word::MONTH | Word::ORDINAL`).
    pub kinds: u16,
    /// The plural of a word with one of these readings ("Tuesdays").
    pub plural_kinds: u16,
    /// The first word of a holiday name.
    pub holiday: bool,
    /// These words.
    pub words: &'static [&'static str],
    /// A look past the first token, for the start words that need one ("a" opens a count only
    /// before a unit or a count word): `false` where the rule can read nothing from `i`,
    /// whatever the rest. The skip step leaves a token when no rule and no lead of `parse_at`
    /// can open there (`Parser::can_open`).
    pub ahead: Option<fn(&Parser<'_>, usize) -> bool>,
}

impl Start {
    /// Opens nowhere: the base the declarations fill in.
    pub const NOWHERE: Start = Start {
        number: false,
        punct: &[],
        kinds: 0,
        plural_kinds: 0,
        holiday: false,
        words: &[],
        ahead: None,
    };

    /// Whether the rule can open at word `w`, whose lexicon readings are `kinds`, whose singular
    /// (`w` without its final "s") has the readings `plural_kinds`, and which may begin a holiday
    /// name.
    pub fn admits_word(&self, w: &str, kinds: u16, plural_kinds: u16, holiday: bool) -> bool {
        self.kinds & kinds != 0
            || self.plural_kinds & plural_kinds != 0
            || (self.holiday && holiday)
            || self.words.contains(&w)
    }
}

/// One family of the grammar: where it can start, and how it reads an expression from there.
pub trait Rule {
    const START: Start;

    /// The expression at token `i`: the index after it and its meaning.
    fn parse(p: &Parser<'_>, i: usize) -> Core;
}

/// How a modifier stands before what it modifies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lead {
    /// "early November", "later in the year".
    Adverb,
    /// "mid-November", "mid November".
    Prefix,
    /// "the end of November".
    Of,
}

/// The words before an expression that pick a third of it: -1 the first, 0 the middle, 1 the last.
const MODIFIERS: &[(&str, i32, Lead)] = &[
    ("early", -1, Lead::Adverb),
    // "earlier"/"later" compare with the reference: `resolve` cuts a period that holds it there.
    ("earlier", -2, Lead::Adverb),
    ("late", 1, Lead::Adverb),
    ("later", 2, Lead::Adverb),
    ("mid", 0, Lead::Prefix),
    ("end", 1, Lead::Of),
    ("beginning", -1, Lead::Of),
    ("start", -1, Lead::Of),
    ("middle", 0, Lead::Of),
];

/// Approximations `parse_at` reads before a day, a clock time or a shift ("around Nov. 1").
const APPROXIMATIONS: &[&str] = &["around", "nearly", "almost"];

/// Whether `parse_at` can open at word `w` before any rule does: "the", an approximation or a
/// modifier. With the rules' starts, these are every word an expression can begin with.
pub fn is_lead(w: &str) -> bool {
    w == "the" || APPROXIMATIONS.contains(&w) || MODIFIERS.iter().any(|m| m.0 == w)
}

/// The look-ahead of the leads: "the" matters only before a word that can open an expression,
/// or before a number or a mark ("the 1990s", "the '90s").
fn lead_ahead(p: &Parser<'_>, i: usize) -> bool {
    p.w(i) != "the"
        || p.toks
            .get(i + 1)
            .is_none_or(|t| t.kind != Kind::Word || p.entry(i + 1).is_some_and(|e| e.starter))
}

/// Every lead word of `is_lead`.
pub fn leads() -> impl Iterator<Item = &'static str> {
    std::iter::once("the")
        .chain(APPROXIMATIONS.iter().copied())
        .chain(MODIFIERS.iter().map(|m| m.0))
}

/// Keeps `m` when it ends later than the best reading so far.
fn keep_longest(best: &mut Option<Match>, m: Match) {
    if best.as_ref().is_none_or(|b| m.end > b.end) {
        *best = Some(m);
    }
}

#[inline(always)]
fn keep_longer(best: &mut Core, r: Core) {
    if let Some((end, sem)) = r
        && best.as_ref().is_none_or(|(e, _)| end > *e)
    {
        *best = Some((end, sem));
    }
}

/// Declares the rules in the order `core` tries them: the longest reading wins and a tie keeps
/// the earlier rule. A rule's bit in a start mask is its place in the list.
macro_rules! rules {
    ($($rule:ty),* $(,)?) => {
        /// Every rule's start, in rule order.
        pub const STARTS: &[Start] = &[$(<$rule as Rule>::START),*];

        /// The rules whose start has a look-ahead, one bit each.
        const AHEAD: u32 = {
            let mut mask = 0;
            let mut r = 0;
            while r < STARTS.len() {
                if STARTS[r].ahead.is_some() {
                    mask |= 1 << r;
                }
                r += 1;
            }
            mask
        };

        /// Every rule's name, in rule order.
        #[cfg(test)]
        pub const NAMES: &[&str] = &[$(stringify!($rule)),*];

        impl Parser<'_> {
            /// The longest reading of the rules that can start at `i`. Direct calls, not a table
            /// of function pointers, so the small rules inline.
            pub(super) fn core(&self, i: usize) -> Core {
                let admitted = self.starts_at(i);
                if admitted == 0 {
                    return None;
                }
                let mut best: Core = None;
                let mut bit = 1u32;
                $(
                    if admitted & bit != 0 {
                        keep_longer(&mut best, <$rule as Rule>::parse(self, i));
                    }
                    bit <<= 1;
                )*
                let _ = bit;
                best
            }

            /// Rule `r` (its place in the list) at `i`, with no gate.
            #[cfg(test)]
            pub(super) fn parse_rule(&self, r: usize, i: usize) -> Core {
                let mut k = 0;
                $(
                    if k == r {
                        return <$rule as Rule>::parse(self, i);
                    }
                    k += 1;
                )*
                let _ = k;
                None
            }
        }
    };
}

rules! {
    holidays::Holiday,
    dates::Iso,
    dates::MonthLed,
    dates::DayLed,
    dates::Year,
    dates::Decade,
    relative::Det,
    counts::Count,
    periods::QuarterOrHalf,
    relative::Deictic,
    relative::Weekday,
    clock::Clock,
    clock::PartOfDay,
    relative::Ref,
    sets::Every,
    // The phrases below were one rule read in this order; no two of them read the same words
    // except where the longer reading wins anyway ("the week-long" over "the week").
    counts::Spans,
    periods::YearEnd,
    periods::YearAgo,
    periods::LatestQuarter,
    periods::Comparable,
    periods::TheQuarter,
    relative::TheUnit,
    holidays::Season,
}

const _: () = assert!(STARTS.len() <= 32, "a start mask has 32 bits");

impl Parser<'_> {
    pub(super) fn w(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.norm)
    }

    /// Token `i`'s lexicon entry; `None` past the end.
    pub(super) fn entry(&self, i: usize) -> Option<&Entry> {
        self.ents.get(i).copied().flatten()
    }

    /// Whether token `i` is a word on `list`.
    #[inline]
    pub(super) fn on(&self, i: usize, list: List) -> bool {
        if list.indexed() {
            self.entry(i).is_some_and(|e| e.on(list))
        } else {
            self.lex.is(self.w(i), list)
        }
    }

    /// Whether an expression can open at token `i`: a rule's start or a lead of `parse_at`
    /// admits it and, where it declares one, its look-ahead passes. Most words fail at their
    /// entry.
    #[inline]
    pub(super) fn can_open(&self, i: usize) -> bool {
        // Only words have entries, and a word without one opens nothing.
        if let Some(Some(e)) = self.ents.get(i) {
            return e.starter
                && (e.rules & !AHEAD != 0
                    || (e.lead && lead_ahead(self, i))
                    || self.any_ahead(e.rules, i));
        }
        let admitted = match self.toks.get(i).map(|t| (t.kind, t.norm)) {
            Some((Kind::Num, _)) => self.lex.number_rules(),
            Some((Kind::Punct, norm)) => self.lex.punct_rules(norm),
            _ => return false,
        };
        admitted & !AHEAD != 0 || self.any_ahead(admitted, i)
    }

    /// Whether the look-ahead of one of the `admitted` rules passes at `i`.
    fn any_ahead(&self, admitted: u32, i: usize) -> bool {
        let mut bits = admitted;
        while bits != 0 {
            let r = bits.trailing_zeros() as usize;
            if STARTS[r].ahead.is_none_or(|ahead| ahead(self, i)) {
                return true;
            }
            bits &= bits - 1;
        }
        false
    }

    /// Where to go on when `parse_at(i)` read nothing. After "the" the next word cannot open an
    /// expression either: `parse_at` at "the" tried everything `parse_at` at that word would,
    /// unless it is an approximation or a second "the".
    pub(super) fn after_nothing(&self, i: usize) -> usize {
        let next = self.w(i + 1);
        if self.w(i) == "the" && !APPROXIMATIONS.contains(&next) && next != "the" {
            i + 2
        } else {
            i + 1
        }
    }

    /// The rules that can start at token `i`, one bit each in the order of `STARTS`.
    #[inline]
    pub(super) fn starts_at(&self, i: usize) -> u32 {
        let Some(t) = self.toks.get(i) else {
            return 0;
        };
        match t.kind {
            Kind::Word => self.entry(i).map_or(0, |e| e.rules),
            Kind::Num => self.lex.number_rules(),
            Kind::Punct => self.lex.punct_rules(t.norm),
            Kind::Code => 0,
        }
    }

    /// Token `i`'s readings in the lexicon (none past the end).
    pub(super) fn lx(&self, i: usize) -> Words<'_> {
        Words(self.entry(i).map_or(&[], |e| e.words.as_slice()))
    }

    /// Token `i` follows `i - 1` with no space ("mid-" "1990s", "p" "." "m").
    pub(super) fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    pub(super) fn punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct(c))
    }

    /// A plain number token (no ordinal suffix, no plural).
    pub(super) fn num(&self, i: usize) -> Option<u32> {
        let t = self.toks.get(i)?;
        (t.kind == Kind::Num && !t.ordinal && !t.plural)
            .then_some(t.num)
            .flatten()
    }

    pub(super) fn capitalised(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .and_then(|t| self.text[t.start..].chars().next())
            .is_some_and(char::is_uppercase)
    }

    /// Skips a "." glued to an abbreviation ("Nov.").
    pub(super) fn skip_dot(&self, i: usize) -> usize {
        if self.punct(i, '.') && self.glued(i) {
            i + 1
        } else {
            i
        }
    }

    /// The longest expression at `i`: an approximation before a day, a clock time or a shift
    /// ("around Nov. 1"), else "the"? modifier? "the"? and a rule ("the end of the month",
    /// "early November"), a rule after "the" or alone, or a rule read from "the" itself ("the
    /// last week of June").
    pub fn parse_at(&self, i: usize) -> Option<Match> {
        if let Some(m) = self.approximate(i) {
            return Some(m);
        }
        let the = self.w(i) == "the";
        let j = if the { i + 1 } else { i };
        let mut best = self.modified(i, j, the);
        if let Some((end, sem)) = self.core(j) {
            let start = if the && self.keeps_article(j, end, &sem) {
                i
            } else {
                j
            };
            keep_longest(
                &mut best,
                Match {
                    start,
                    end,
                    sem,
                    modifier: None,
                },
            );
        }
        if let Some(k) = self.loose(j)
            && let Some(b) = best.as_mut().filter(|b| b.modifier.is_some())
        {
            b.start = k;
        }
        if the && let Some((end, sem)) = self.core(i) {
            keep_longest(
                &mut best,
                Match {
                    start: i,
                    end,
                    sem,
                    modifier: None,
                },
            );
        }
        best
    }

    /// "around Nov. 1", "nearly two years ago", "around 7:15 p.m.": an approximation at `i`
    /// before a day, a clock time or a shift.
    fn approximate(&self, i: usize) -> Option<Match> {
        if !APPROXIMATIONS.contains(&self.w(i)) {
            return None;
        }
        let (end, sem) = self.core(i + 1)?;
        matches!(sem, Sem::Day { .. } | Sem::Clock { .. } | Sem::Shift { .. }).then_some(Match {
            start: i,
            end,
            sem,
            modifier: None,
        })
    }

    /// A modifier at `j` (after "the" at `i` when `the`) and the rule it modifies: "early
    /// November", "the end of the month", "late Wednesday" (a weekday keeps only "early" and
    /// "late"; "earlier Sunday" and a clock time keep none).
    fn modified(&self, i: usize, j: usize, the: bool) -> Option<Match> {
        let (k, third) = self.modifier(j)?;
        let k2 = if self.w(k) == "the" { k + 1 } else { k };
        for start in [k2, k] {
            if let Some((end, sem)) = self.core(start)
                && (!matches!(sem, Sem::Weekday { .. } | Sem::Clock { .. })
                    || (matches!(sem, Sem::Weekday { .. })
                        && matches!(self.w(j), "early" | "late")))
            {
                // "the end of October": the article belongs to the modifier.
                let phrase = self.w(k.saturating_sub(1)) == "of";
                let lead = if the && (phrase || sem.takes_the() && !self.hyphenated(k, end)) {
                    i
                } else {
                    j
                };
                return Some(Match {
                    start: lead,
                    end,
                    sem,
                    modifier: Some(third),
                });
            }
        }
        None
    }

    /// Whether "the" before the rule's reading `sem` of `j..end` belongs to the expression, as
    /// TimeBank writes it: "the past", "the future" (not "the current"); not "the weeks before
    /// the shooting", nor a hyphenated adjective ("the third-quarter results").
    fn keeps_article(&self, j: usize, end: usize, sem: &Sem) -> bool {
        match sem {
            Sem::Ref(_) => {
                relative::ref_opener(self.w(j))
                    || matches!(self.w(j), "future" | "coming" | "last" | "next")
            }
            Sem::Duration(_)
                if end == j + 1
                    && matches!(self.w(end), "before" | "after" | "that" | "following") =>
            {
                false
            }
            _ => {
                (sem.takes_the() || self.w(j) == "year" || self.w(end - 1) == "season")
                    && !self.hyphenated(j, end)
            }
        }
    }

    /// TimeBank leaves "earlier"/"later" out of the span of "earlier this week" and "later this
    /// month" (but keeps "earlier this month", "earlier this year" and "early this week"); the
    /// bounds still narrow. Where the span starts instead, for a modifier at `j`.
    fn loose(&self, j: usize) -> Option<usize> {
        let (k, _) = self.modifier(j)?;
        let loose = self.w(k) == "this"
            && match self.w(j) {
                "earlier" => self.w(k + 1) == "week",
                "later" => matches!(self.w(k + 1), "week" | "month"),
                _ => false,
            };
        loose.then_some(k)
    }

    /// A hyphenated adjective ("third-quarter", "two-year"): TimeBank leaves the article out.
    pub(super) fn hyphenated(&self, start: usize, end: usize) -> bool {
        // The compound must end the expression: "the year-ago third quarter" keeps its article.
        end >= 2
            && (end.saturating_sub(3).max(start + 1)..end)
                .any(|k| self.punct(k, '-') && self.glued(k) && self.glued(k + 1))
            && self.toks.get(end).is_some_and(|t| t.kind == Kind::Word)
    }

    /// "early", "mid-", "late", "the end of" ... (`MODIFIERS`); returns the index after it and
    /// the third it picks.
    pub(super) fn modifier(&self, i: usize) -> Option<(usize, i32)> {
        let w = self.w(i);
        let &(_, third, form) = MODIFIERS.iter().find(|m| m.0 == w)?;
        match form {
            // "earlier in the year", "late in the season"
            Lead::Adverb if self.w(i + 1) == "in" && self.w(i + 2) == "the" => Some((i + 2, third)),
            Lead::Adverb => Some((i + 1, third)),
            Lead::Prefix if self.punct(i + 1, '-') => Some((i + 2, third)),
            Lead::Prefix => Some((i + 1, third)),
            Lead::Of if self.w(i + 1) == "of" => Some((i + 2, third)),
            Lead::Of => None,
        }
    }
}

/// Reads "P3Y" for a counted unit, "PXY" for a vague one.
pub fn duration(n: Option<f64>, unit: Unit) -> Sem {
    Sem::Duration(duration_value(n, unit))
}

/// Year of an expression like "2025's": "fiscal 2025" has been read as a year already.
pub fn part(y: YearRef, p: Part) -> Sem {
    Sem::Part { y, part: p }
}

/// A shift anchored on the reference.
pub fn shift(unit: Unit, n: i32) -> Sem {
    Sem::Shift {
        unit,
        n,
        anchor: Anchor::Reference,
    }
}
