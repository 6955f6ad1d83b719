//! Reporting periods of business news: quarters and halves, the fiscal year, "year-end", the
//! "year-ago" quarter, "the latest quarter", "the comparable period last year".

#[cfg(test)]
use super::testing::rows;
use super::{Core, Parser, Rule, Start, duration, part, shift};
use crate::extract::temporal::lexicon::Unit;
use crate::extract::temporal::sem::{Part, Sem, YearRef};

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
