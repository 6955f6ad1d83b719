//! Grammar rules for determined expressions: "the past two months", "last week", "next Tuesday",
//! "the third quarter" (counts such as "two years ago" are in `counts`).

use super::dates::{Decade, MonthLed};
#[cfg(test)]
use super::testing::rows;
use super::{Core, Parser, Rule, Start, duration, part, shift};
use crate::extract::temporal::lexicon::{List, Unit, Word};
use crate::extract::temporal::sem::{Anchor, Part, Sem, YearRef};
use crate::extract::temporal::tokens::Kind;

impl Parser<'_> {
    /// "the" at `i - 1` and "first week of", "last days of" at `i`.
    fn part_of_period(&self, i: usize) -> bool {
        i > 0
            && self.w(i - 1) == "the"
            && matches!(self.w(i), "first" | "last")
            && self.lx(i + 1).unit().is_some_and(|u| {
                (Unit::Weekend..=Unit::Month).contains(&u)
                    || (u == Unit::Day && self.w(i + 1) == "days")
            })
            && self.w(i + 2) == "of"
    }

    /// "last week", "this year", "next Tuesday", "last November", "the previous day", "the past two years".
    pub fn core_det(&self, i: usize) -> Core {
        // "this past spring", "this coming week"
        if self.w(i) == "this" && matches!(self.w(i + 1), "past" | "coming") {
            return self.core_det(i + 1);
        }
        let w = self.w(i);
        // "expected to last six weeks", "will last a year": the verb, not the adjective.
        if w == "last"
            && i > 0
            && matches!(
                self.w(i - 1),
                "to" | "will" | "would" | "could" | "may" | "might" | "can" | "should" | "ll"
            )
        {
            return None;
        }
        // "the last week of June", "the first days of 1990": a part of the period after "of",
        // valued as that period (not "last week"); read from "the", which the span keeps.
        if let Some(o) = [i, i + 1].into_iter().find(|&o| self.part_of_period(o)) {
            if o == i {
                return None;
            }
            let k = if self.w(o + 3) == "the" { o + 4 } else { o + 3 };
            return match self.core(k) {
                Some((e, sem @ (Sem::Month { .. } | Sem::Year(_) | Sem::Part { .. }))) => {
                    Some((e, sem))
                }
                Some((e, sem @ Sem::Shift { unit, .. })) if unit >= Unit::Month => Some((e, sem)),
                _ => None,
            };
        }
        let (n, anchor) = match w {
            "this" | "current" => (0, Anchor::Reference),
            "that" | "same" => (0, Anchor::Text),
            "last" | "past" => (-1, Anchor::Reference),
            "previous" | "preceding" | "prior" => (-1, Anchor::Text),
            "next" | "coming" => (1, Anchor::Reference),
            "following" => (1, Anchor::Text),
            _ => return None,
        };
        let j = if self.w(i + 1) == "fiscal" {
            i + 2
        } else {
            i + 1
        };
        let nw = self.w(j);
        // "the past two years", "the next five years": durations.
        if matches!(
            w,
            "past" | "last" | "next" | "coming" | "previous" | "following" | "first"
        ) && let Some((k, cnt)) = self.count_at(j)
            && !matches!(nw, "a" | "an")
            && let Some(unit) = self.lx(k).unit()
        {
            let sem = duration(cnt, unit);
            return Some((k + 1, sem));
        }
        if let Some(unit) = self.lx(j).unit().filter(|_| !self.title_case(j)) {
            let plural = nw.ends_with('s') && unit != Unit::Century || nw == "centuries";
            if plural {
                // "the coming weeks", "the past months": a span of unknown length.
                return matches!(w, "past" | "last" | "coming" | "next")
                    .then(|| (j + 1, duration(None, unit)));
            }
            let sem = match unit {
                Unit::Day if anchor == Anchor::Text || w == "next" => {
                    let anchor = if w == "next" { Anchor::Text } else { anchor };
                    Sem::DayRel {
                        n,
                        pod: None,
                        anchor,
                    }
                }
                Unit::Day => return None,
                Unit::Second | Unit::Minute | Unit::Hour => {
                    return (n != 0).then(|| (j + 1, duration(Some(1.0), unit)));
                }
                // "over the past decade", "in the last century": the ten or hundred years up to
                // now, not the calendar decade before this one. "The last decade of the 19th
                // century" is a part of that century, which this cannot tell.
                Unit::Decade | Unit::Century if matches!(w, "past" | "last") => {
                    if self.w(j + 1) == "of" {
                        return None;
                    }
                    return Some((j + 1, duration(Some(1.0), unit)));
                }
                _ => Sem::Shift { unit, n, anchor },
            };
            // "last year's quarter": the quarter the text is about, a year back.
            if unit == Unit::Year
                && self.punct(j + 1, '\'')
                && self.w(j + 2) == "s"
                && matches!(self.w(j + 3), "quarter" | "period")
                && anchor == Anchor::Reference
                && n <= 0
            {
                return Some((j + 4, Sem::LastQuarter { years_back: -n }));
            }
            // "this year's third quarter"
            if unit == Unit::Year
                && self.punct(j + 1, '\'')
                && self.w(j + 2) == "s"
                && let Some((e, p)) = self.quarter_or_half(j + 3)
            {
                let y = if anchor == Anchor::Reference {
                    YearRef::Dir(n)
                } else {
                    YearRef::Near
                };
                return Some((e, part(y, p)));
            }
            return Some((j + 1, sem));
        }
        if let Some(pod) = self.lx(j).part_of_day() {
            let n = match w {
                "this" => 0,
                "last" if nw == "night" => -1,
                "that" | "same" => 0,
                "next" | "following" => 1,
                "previous" => -1,
                _ => return None,
            };
            let anchor = if matches!(w, "this" | "last") {
                Anchor::Reference
            } else {
                Anchor::Text
            };
            return Some((
                j + 1,
                Sem::DayRel {
                    n,
                    pod: Some(pod.to_string()),
                    anchor,
                },
            ));
        }
        if let Some(wd) = self.lx(j).weekday().filter(|_| self.capitalised(j)) {
            let dir = match w {
                "last" | "past" | "previous" => -1,
                "next" | "coming" | "following" => 1,
                "this" => 0,
                _ => return None,
            };
            return Some((j + 1, Sem::Weekday { wd, dir, pod: None }));
        }
        if let Some((e, Sem::Holiday { h, .. })) = self.core_holiday(j) {
            if anchor == Anchor::Text {
                return None;
            }
            return Some((
                e,
                Sem::Holiday {
                    h,
                    y: YearRef::Dir(n),
                },
            ));
        }
        if let Some(m) = self.lx(j).month().filter(|_| self.capitalised(j)) {
            if anchor == Anchor::Text {
                return None;
            }
            return Some((
                j + 1,
                Sem::Month {
                    y: YearRef::Dir(n),
                    m,
                },
            ));
        }
        if let Some(s) = self
            .lx(j)
            .season()
            .filter(|_| !self.on(j + 1, List::SeasonNoun))
        {
            if anchor == Anchor::Text {
                return None;
            }
            return Some((j + 1, part(YearRef::Dir(n), Part::Season(s))));
        }
        None
    }

    /// "third quarter", "first-half", "the fiscal first quarter", "Q3", "the first nine months".
    pub fn core_ordinal(&self, i: usize) -> Core {
        let j = if self.w(i) == "fiscal" { i + 1 } else { i };
        if let Some((e, p)) = self.quarter_or_half(j) {
            // "the last half of the '80s": a part of a decade reads as the decade.
            if matches!(p, Part::Half(_)) && self.w(e) == "of" {
                let d = if self.w(e + 1) == "the" { e + 2 } else { e + 1 };
                if let Some((end, sem @ Sem::Decade(_))) = Decade::parse(self, d) {
                    return Some((end, sem));
                }
            }
            // "of 2025", ", 2025", "of this year", "of last year", "of the year"
            let k = if matches!(self.w(e), "of" | ",") {
                e + 1
            } else {
                e
            };
            if let Some((e2, y)) = self.year_at(k) {
                return Some((e2, part(YearRef::Abs(y), p)));
            }
            if self.w(e) == "of" {
                let dir = match (self.w(k), self.w(k + 1)) {
                    ("this", "year") => Some(0),
                    ("last", "year") => Some(-1),
                    ("next", "year") => Some(1),
                    _ => None,
                };
                if let Some(d) = dir {
                    return Some((k + 2, part(YearRef::Dir(d), p)));
                }
                // "the second half of the year": the year the clause is about, as a bare "the
                // second half".
                if (self.w(k), self.w(k + 1)) == ("the", "year") {
                    return Some((k + 2, part(YearRef::Near, p)));
                }
            }
            return Some((e, part(YearRef::Near, p)));
        }
        // "the first nine months": a duration.
        if self.lx(j).ordinal().is_some_and(|o| o == 1)
            && let Some((k, n)) = self.count_at(j + 1)
            && n.is_some_and(|v| v > 1.0)
            && let Some(unit) = self.lx(k).unit()
        {
            return Some((k + 1, duration(n, unit)));
        }
        None
    }

    /// "third quarter", "third-quarter", "first half", "Q3", "3Q".
    pub fn quarter_or_half(&self, i: usize) -> Option<(usize, Part)> {
        let t = self.toks.get(i)?;
        if self.w(i) == "q" && self.capitalised(i) {
            let n = self.toks.get(i + 1).filter(|_| self.glued(i + 1))?;
            let q = n
                .num
                .filter(|q| (1..=4).contains(q) && n.kind == Kind::Num)?;
            return Some((i + 2, Part::Quarter(q)));
        }
        let o = if t.kind == Kind::Num && t.ordinal {
            t.num?
        } else if matches!(self.w(i), "last" | "final")
            && matches!(self.w(i + 1), "half" | "quarter")
        {
            // "the last half of 1989", "the final quarter of 2018"
            if self.w(i + 1) == "half" { 2 } else { 4 }
        } else {
            self.lx(i).ordinal()?
        };
        let k = if self.punct(i + 1, '-') && self.glued(i + 1) {
            i + 2
        } else {
            i + 1
        };
        match self.w(k) {
            "quarter" if (1..=4).contains(&o) => Some((k + 1, Part::Quarter(o))),
            "half" if (1..=2).contains(&o) => Some((k + 1, Part::Half(o))),
            _ => None,
        }
    }
}

/// "last week", "this year", "next Tuesday", "the previous day", "the past two years".
pub struct Det;

impl Rule for Det {
    const START: Start = Start {
        words: &[
            "this",
            "the",
            "current",
            "that",
            "same",
            "last",
            "past",
            "previous",
            "preceding",
            "prior",
            "next",
            "coming",
            "following",
        ],
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        p.core_det(i)
    }
}

/// "third quarter", "first-half", "the fiscal first quarter", "Q3", "the first nine months".
pub struct QuarterOrHalf;

impl Rule for QuarterOrHalf {
    const START: Start = Start {
        number: true,
        kinds: Word::ORDINAL,
        words: &["fiscal", "q", "last", "final"],
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        p.core_ordinal(i)
    }
}

/// "the year" (this year; "the year ended June 30" and "the year ahead" are spans, "the year
/// before" the one before the year the text is about), "the end of the month", "the week of
/// March 6", "the weekend" (which one follows the tense).
pub struct TheUnit;

impl Rule for TheUnit {
    const START: Start = Start {
        words: &["year", "month", "week", "weekend"],
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        if i == 0 || p.w(i - 1) != "the" {
            return None;
        }
        let w = p.w(i);
        match w {
            "year" if !p.punct(i + 1, '-') && !p.punct(i + 1, '\'') => Self::year(p, i),
            "month" | "week" if i >= 2 && matches!(p.w(i - 2), "of" | "in") => {
                let unit = if w == "month" {
                    Unit::Month
                } else {
                    Unit::Week
                };
                Some((i + 1, shift(unit, 0)))
            }
            "week" if p.w(i + 1) == "of" => {
                let (e, day) = MonthLed::day(p, i + 2)?;
                Some((e, Sem::WeekOf(Box::new(day))))
            }
            // Which weekend follows the tense (marked by the text anchor; see `resolve`).
            "weekend" => Some((
                i + 1,
                Sem::Shift {
                    unit: Unit::Weekend,
                    n: 0,
                    anchor: Anchor::Text,
                },
            )),
            _ => None,
        }
    }
}

impl TheUnit {
    /// "the year" at `i` (after "the"); not an award's title ("Player of the Year"), and "the
    /// year 2004" is read by `Year`.
    fn year(p: &Parser<'_>, i: usize) -> Core {
        if p.capitalised(i) && i >= 2 && p.w(i - 2) == "of" {
            return None;
        }
        if p.on_span_end(i + 1) {
            return Some((i + 1, duration(Some(1.0), Unit::Year)));
        }
        if p.w(i + 1) == "ahead" {
            return Some((i + 2, duration(Some(1.0), Unit::Year)));
        }
        if matches!(p.w(i + 1), "before" | "earlier") {
            let sem = Sem::Shift {
                unit: Unit::Year,
                n: -1,
                anchor: Anchor::Text,
            };
            return Some((i + 2, sem));
        }
        if p.year_at(i + 1).is_some() {
            return None;
        }
        Some((i + 1, shift(Unit::Year, 0)))
    }
}

#[cfg(test)]
#[test]
fn the_unit() {
    rows::<TheUnit>(&[
        (
            "The stock hit a high for the year in June.",
            "the year",
            "2025",
        ),
        (
            "Net income rose in the year ended June 30.",
            "the year",
            "P1Y",
        ),
        (
            "The company expects growth in the year ahead.",
            "the year ahead",
            "P1Y",
        ),
        (
            "Sales rose to $1bn in 2004, up from $900m the year before.",
            "the year before",
            "2003",
        ),
        (
            "Payments are due at the end of the month.",
            "the end of the month",
            "2025-11",
        ),
        (
            "Talks are set for the week of December 8.",
            "the week of December 8",
            "2025-W50",
        ),
        (
            "Crowds gathered over the weekend.",
            "the weekend",
            "2025-W46-WE",
        ),
        (
            "She was named Sportswoman of the Year by the magazine.",
            "Year",
            "",
        ),
    ]);
}
