//! Reporting periods of business news: quarters and halves, the fiscal year, "year-end", the
//! "year-ago" quarter, "the latest quarter", "the comparable period last year".

use super::dates::Decade;
#[cfg(test)]
use super::testing::rows;
use super::{Core, Parser, Rule, Start, duration, part, shift};
use crate::extract::temporal::lexicon::{Unit, Word};
use crate::extract::temporal::sem::{Part, Sem, YearRef};
use crate::extract::temporal::tokens::Kind;

/// "third quarter", "first-half", "the fiscal first quarter", "Q3", "the last half of 1989",
/// "the second half of the year", "the first quarter of 2024", "the last half of the '80s" (the
/// decade), "the first nine months" (a duration).
pub struct QuarterOrHalf;

impl Rule for QuarterOrHalf {
    const START: Start = Start {
        number: true,
        kinds: Word::ORDINAL,
        words: &["fiscal", "q", "last", "final"],
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        let j = if p.w(i) == "fiscal" { i + 1 } else { i };
        if let Some((e, q)) = p.quarter_or_half(j) {
            // "the last half of the '80s": a part of a decade reads as the decade.
            if matches!(q, Part::Half(_)) && p.w(e) == "of" {
                let d = if p.w(e + 1) == "the" { e + 2 } else { e + 1 };
                if let Some((end, sem @ Sem::Decade(_))) = Decade::parse(p, d) {
                    return Some((end, sem));
                }
            }
            // "of 2025", ", 2025", "of this year", "of last year", "of the year"
            let k = if matches!(p.w(e), "of" | ",") {
                e + 1
            } else {
                e
            };
            if let Some((e2, y)) = p.year_at(k) {
                return Some((e2, part(YearRef::Abs(y), q)));
            }
            if p.w(e) == "of" {
                let dir = match (p.w(k), p.w(k + 1)) {
                    ("this", "year") => Some(0),
                    ("last", "year") => Some(-1),
                    ("next", "year") => Some(1),
                    _ => None,
                };
                if let Some(d) = dir {
                    return Some((k + 2, part(YearRef::Dir(d), q)));
                }
                // "the second half of the year": the year the clause is about, as a bare "the
                // second half".
                if (p.w(k), p.w(k + 1)) == ("the", "year") {
                    return Some((k + 2, part(YearRef::Near, q)));
                }
            }
            return Some((e, part(YearRef::Near, q)));
        }
        // "the first nine months": a duration.
        if p.lx(j).ordinal().is_some_and(|o| o == 1)
            && let Some((k, n)) = p.count_at(j + 1)
            && n.is_some_and(|v| v > 1.0)
            && let Some(unit) = p.lx(k).unit()
        {
            return Some((k + 1, duration(n, unit)));
        }
        None
    }
}

#[cfg(test)]
#[test]
fn quarter_or_half() {
    rows::<QuarterOrHalf>(&[
        (
            "Profit rose in the third quarter.",
            "the third quarter",
            "2025-Q3",
        ),
        ("Third-quarter profit rose 5%.", "Third-quarter", "2025-Q3"),
        (
            "Revenue fell in the first quarter of 2024.",
            "the first quarter of 2024",
            "2024-Q1",
        ),
        ("Revenue rose in Q2 2025.", "Q2 2025", "2025-Q2"),
        (
            "Output grew in the first half.",
            "the first half",
            "2025-H1",
        ),
        (
            "Output fell in the second half of 2023.",
            "the second half of 2023",
            "2023-H2",
        ),
        (
            "Output doubled in the last half of 2019.",
            "the last half of 2019",
            "2019-H2",
        ),
        (
            "Service revenue fell in the final quarter of 2018.",
            "the final quarter of 2018",
            "2018-Q4",
        ),
        (
            "Growth will pick up in the second half of the year.",
            "the second half of the year",
            "2025-H2",
        ),
        (
            "Sales rose in the fourth quarter of last year.",
            "the fourth quarter of last year",
            "2024-Q4",
        ),
        (
            "Sales have been flat for the last half of the '80s.",
            "the last half of the '80s",
            "198",
        ),
        (
            "Sales rose in the first nine months.",
            "the first nine months",
            "P9M",
        ),
    ]);
}

/// Readers of a part of a year, for the rules here and the ones that read one inside another
/// expression ("this year's third quarter", "1988 second quarter").
impl Parser<'_> {
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

/// "year-end", "year end", "year's end": the end of this year.
pub struct YearEnd;

impl Rule for YearEnd {
    const START: Start = Start {
        words: &["year"],
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        if p.w(i) != "year" {
            return None;
        }
        let k = if p.punct(i + 1, '-') {
            i + 2
        } else if p.punct(i + 1, '\'') && p.w(i + 2) == "s" {
            i + 3
        } else {
            i + 1
        };
        (p.w(k) == "end").then(|| (k + 1, shift(Unit::Year, 0)))
    }
}

#[cfg(test)]
#[test]
fn year_end() {
    rows::<YearEnd>(&[
        ("The bonus is paid at year-end.", "year-end", "2025"),
        ("Rates will rise by year end.", "year end", "2025"),
        (
            "The plant will close by the year's end.",
            "the year's end",
            "2025",
        ),
    ]);
}

/// "year-earlier", "year-ago" and "the year-ago third quarter", "the year-earlier period": the
/// year before, or the quarter the text is about a year before.
pub struct YearAgo;

impl Rule for YearAgo {
    const START: Start = Start {
        words: &["year"],
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        if !(p.w(i) == "year"
            && p.punct(i + 1, '-')
            && p.glued(i + 1)
            && matches!(p.w(i + 2), "earlier" | "ago"))
        {
            return None;
        }
        if let Some((e, q)) = p.quarter_or_half(i + 3) {
            return Some((e, part(YearRef::Year(-1), q)));
        }
        if matches!(p.w(i + 3), "quarter" | "period") {
            return Some((i + 4, Sem::LastQuarter { years_back: 1 }));
        }
        Some((i + 3, shift(Unit::Year, -1)))
    }
}

#[cfg(test)]
#[test]
fn year_ago() {
    rows::<YearAgo>(&[
        (
            "Profit fell in the year-ago third quarter.",
            "the year-ago third quarter",
            "2024-Q3",
        ),
        (
            "Sales rose from the year-earlier period.",
            "the year-earlier period",
            "2024-Q3",
        ),
        ("Sales were up 5% from year-ago levels.", "year-ago", "2024"),
    ]);
}

/// "the latest quarter", "the most recent period": the last quarter completed, whatever quarter
/// the text named before.
pub struct LatestQuarter;

impl Rule for LatestQuarter {
    const START: Start = Start {
        words: &["latest", "recent"],
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        (matches!(p.w(i), "latest" | "recent") && matches!(p.w(i + 1), "quarter" | "period"))
            .then_some((i + 2, Sem::LastQuarter { years_back: 0 }))
    }
}

#[cfg(test)]
#[test]
fn latest_quarter() {
    rows::<LatestQuarter>(&[
        (
            "Fourth-quarter sales will rise. Profit fell in the latest quarter.",
            "the latest quarter",
            "2025-Q3",
        ),
        (
            "Profit rose in the most recent period.",
            "recent period",
            "2025-Q3",
        ),
    ]);
}

/// "the corresponding period last year", "the same quarter a year ago", "the comparable year-ago
/// quarter": the quarter the text is about, a year back.
pub struct Comparable;

impl Rule for Comparable {
    const START: Start = Start {
        words: &["comparable", "corresponding", "same"],
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        let w = p.w(i);
        if !matches!(w, "comparable" | "corresponding" | "same") {
            return None;
        }
        if matches!(p.w(i + 1), "quarter" | "period")
            && let Some(e) = p.a_year_back(i + 2)
        {
            return Some((e, Sem::LastQuarter { years_back: 1 }));
        }
        if w == "same" {
            return None;
        }
        let (e, s) = YearAgo::parse(p, i + 1)
            .or_else(|| LatestQuarter::parse(p, i + 1))
            .or_else(|| Comparable::parse(p, i + 1))?;
        matches!(s, Sem::LastQuarter { .. }).then_some((e, s))
    }
}

#[cfg(test)]
#[test]
fn comparable() {
    rows::<Comparable>(&[
        (
            "It lost money, against a profit in the corresponding period last year.",
            "the corresponding period last year",
            "2024-Q3",
        ),
        (
            "Sales rose from the same quarter a year ago.",
            "the same quarter a year ago",
            "2024-Q3",
        ),
        (
            "Sales rose from the comparable year-ago quarter.",
            "the comparable year-ago quarter",
            "2024-Q3",
        ),
    ]);
}

/// "the quarter" (the last one completed; with "ended Sept. 30" the quarter of that day; with "a
/// year ago" a year back), "the fiscal year" (a span before "ended", else this year).
pub struct TheQuarter;

impl Rule for TheQuarter {
    const START: Start = Start {
        words: &["quarter", "fiscal"],
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        if i == 0 || p.w(i - 1) != "the" {
            return None;
        }
        match p.w(i) {
            "quarter" if !p.punct(i + 1, '-') => {
                if matches!(p.w(i + 1), "ended" | "ending")
                    && let Some((_, Sem::Day { y, m, .. })) = super::dates::MonthLed::day(p, i + 2)
                {
                    let y = y.map_or(YearRef::Near, YearRef::Abs);
                    return Some((i + 1, part(y, Part::Quarter((m - 1) / 3 + 1))));
                }
                if let Some(e) = p.a_year_back(i + 1) {
                    return Some((e, Sem::LastQuarter { years_back: 1 }));
                }
                Some((i + 1, Sem::LastQuarter { years_back: 0 }))
            }
            "fiscal" if p.w(i + 1) == "year" => {
                if p.on_span_end(i + 2) {
                    return Some((i + 2, duration(Some(1.0), Unit::Year)));
                }
                Some((i + 2, shift(Unit::Year, 0)))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
#[test]
fn the_quarter() {
    rows::<TheQuarter>(&[
        ("Sales fell in the quarter.", "the quarter", "2025-Q3"),
        (
            "The company earned $5 million for the quarter ended Sept. 30.",
            "the quarter",
            "2025-Q3",
        ),
        (
            "For the quarter a year ago, it earned $5 million.",
            "the quarter a year ago",
            "2024-Q3",
        ),
        (
            "In the fiscal year ended Jan. 31, sales rose.",
            "the fiscal year",
            "P1Y",
        ),
        (
            "Sales will rise in the fiscal year.",
            "the fiscal year",
            "2025",
        ),
    ]);
}

impl Parser<'_> {
    /// "a year ago", "a year earlier", "last year" after a quarter or period: the index after it.
    fn a_year_back(&self, i: usize) -> Option<usize> {
        match (self.w(i), self.w(i + 1), self.w(i + 2)) {
            ("a" | "one", "year", "ago" | "earlier") => Some(i + 3),
            ("last", "year", _) => Some(i + 2),
            _ => None,
        }
    }

    /// A word after "the year" or "the fiscal year" that makes it a span: "the year ended June
    /// 30", "the year to March".
    pub fn on_span_end(&self, i: usize) -> bool {
        matches!(
            self.w(i),
            "ended" | "ending" | "to" | "beginning" | "starting"
        )
    }
}
