//! Periods: how wide a date is (a day, a week … a century, or vague) and the heading a timeline
//! groups it under, so that a year-dated event sits under "2022" once instead of in every month.

use chrono::{Datelike, NaiveDate};

use crate::text::MONTH_NAMES;

/// The width of a date, from a day to a century; `Vague` for "recently", "in the coming years"
/// and the like, `Undated` for none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    /// One day (a time of day included).
    Day,
    /// A week or a weekend, or any span of two to seven days.
    Week,
    Month,
    /// A quarter, a half or a season of a year, or any span of up to six months.
    Season,
    Year,
    Decade,
    Century,
    /// A time the text leaves open ("recently", "a few years ago", "soon").
    Vague,
    #[default]
    Undated,
}

impl Period {
    pub const ALL: [Period; 9] = [
        Period::Day,
        Period::Week,
        Period::Month,
        Period::Season,
        Period::Year,
        Period::Decade,
        Period::Century,
        Period::Vague,
        Period::Undated,
    ];

    /// The period of a date given by its inclusive bounds and its TIMEX3 value: the value's form
    /// decides when it has one dateline knows ("2022" a year, "199" a decade, "PAST_REF" vague),
    /// else the width of the bounds.
    pub fn of(
        earliest: Option<NaiveDate>,
        latest: Option<NaiveDate>,
        value: Option<&str>,
    ) -> Period {
        let by_width = match (earliest, latest) {
            (Some(a), Some(b)) => Self::of_width((b - a).num_days() + 1),
            (Some(_), None) | (None, Some(_)) => Period::Vague,
            (None, None) => Period::Undated,
        };
        match value.and_then(Self::of_value) {
            Some(Period::Vague) => Period::Vague,
            // A value with no bounds ("XXXX-11-21", an unresolved weekday) places nothing.
            Some(_) if earliest.is_none() => Period::Undated,
            // "20–21 November" has the value of its first day and the bounds of both.
            Some(p) => p.max(by_width),
            None => by_width,
        }
    }

    /// The period a TIMEX3 value names, or None for forms it does not settle (durations,
    /// values with unknown digits).
    fn of_value(v: &str) -> Option<Period> {
        if v.ends_with("_REF") {
            return Some(Period::Vague);
        }
        let v = v.strip_prefix('-').unwrap_or(v);
        let b = v.as_bytes();
        let digits =
            |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
        let year_digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
        match (year_digits, b.get(year_digits)) {
            (1 | 2, None) => return Some(Period::Century),
            (3, None) => return Some(Period::Decade),
            (4, None) => return Some(Period::Year),
            (4, Some(b'-')) => {}
            _ => return None,
        }
        let rest = &v[5..];
        let r = rest.as_bytes();
        if r.len() >= 2 && digits(5..7) {
            // "2025-11" or "2025-11-21", with or without a time.
            return Some(if r.len() == 2 {
                Period::Month
            } else if digits(8..10) {
                Period::Day
            } else {
                return None;
            });
        }
        if rest.starts_with('W') && digits(6..8) {
            return Some(Period::Week);
        }
        let season = [
            "Q1", "Q2", "Q3", "Q4", "H1", "H2", "SP", "SU", "FA", "AU", "WI",
        ];
        season
            .iter()
            .any(|s| rest.starts_with(s))
            .then_some(Period::Season)
    }

    /// The period of a span of `days` days.
    fn of_width(days: i64) -> Period {
        match days {
            ..=1 => Period::Day,
            2..=7 => Period::Week,
            8..=31 => Period::Month,
            32..=184 => Period::Season,
            185..=366 => Period::Year,
            367..=3653 => Period::Decade,
            _ => Period::Century,
        }
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
            Period::Season => "season",
            Period::Year => "year",
            Period::Decade => "decade",
            Period::Century => "century",
            Period::Vague => "vague",
            Period::Undated => "undated",
        }
    }

    /// Whether the period is a year or wider: a timeline groups such dates under their own
    /// heading ("2022", "1990s") rather than under the month they start in.
    pub const fn is_long(self) -> bool {
        matches!(self, Period::Year | Period::Decade | Period::Century)
    }

    /// The heading of the period that starts at `earliest`: "21 November 2025", "week 47 of 2025",
    /// "November 2025", "Jul–Sep 2025", "2022", "1990s", "21st century", "vague", "undated".
    /// Years before 1 are written BC ("4000 BC").
    pub fn heading(self, earliest: Option<NaiveDate>) -> String {
        let Some(d) = earliest else {
            return Period::Undated.as_str().to_string();
        };
        let y = d.year();
        let year = crate::text::year_label;
        match self {
            Period::Day => format!("{} {} {}", d.day(), crate::text::month_name(d), year(y)),
            Period::Week => {
                let w = d.iso_week();
                format!("week {} of {}", w.week(), year(w.year()))
            }
            Period::Month => format!("{} {}", crate::text::month_name(d), year(y)),
            Period::Season => {
                let q = d.month0() / 3;
                let m = |i: u32| &MONTH_NAMES[i as usize][..3];
                format!("{}–{} {}", m(q * 3), m(q * 3 + 2), year(y))
            }
            Period::Year => year(y),
            // Named as the browser names them (`text::years_label`): 0–9 is "1 BC–AD 9", not a
            // decade "0s BC"; 0–99 (TIMEX3 "00") is the 1st century, not a century BC.
            Period::Decade => {
                let start = y.div_euclid(10) * 10;
                crate::text::years_label(start, start.saturating_add(9))
            }
            Period::Century => {
                // A century period starts at its TIMEX3 first year (2000 for "20") or its strict
                // one (2001); a date inside one counts from the strict start before it.
                let start = if matches!(y.rem_euclid(100), 0 | 1) {
                    y
                } else {
                    y - (y - 1).rem_euclid(100)
                };
                crate::text::years_label(start, start.saturating_add(99))
            }
            Period::Vague | Period::Undated => self.as_str().to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    /// (value, earliest, latest, period)
    type Case = (
        Option<&'static str>,
        Option<NaiveDate>,
        Option<NaiveDate>,
        Period,
    );

    #[test]
    fn periods_come_from_the_value_then_the_width() {
        let cases: [Case; 17] = [
            (
                Some("2025-11-21"),
                day(2025, 11, 21),
                day(2025, 11, 21),
                Period::Day,
            ),
            (
                Some("2025-12-05TMO"),
                day(2025, 12, 5),
                day(2025, 12, 5),
                Period::Day,
            ),
            (
                Some("2025-12-04T17:05"),
                day(2025, 12, 4),
                day(2025, 12, 4),
                Period::Day,
            ),
            (
                Some("2025-W47"),
                day(2025, 11, 17),
                day(2025, 11, 23),
                Period::Week,
            ),
            (
                Some("2025-11"),
                day(2025, 11, 1),
                day(2025, 11, 30),
                Period::Month,
            ),
            (
                Some("2025-Q3"),
                day(2025, 7, 1),
                day(2025, 9, 30),
                Period::Season,
            ),
            (
                Some("2025-SU"),
                day(2025, 6, 1),
                day(2025, 8, 31),
                Period::Season,
            ),
            (
                Some("2022"),
                day(2022, 1, 1),
                day(2022, 12, 31),
                Period::Year,
            ),
            (
                Some("199"),
                day(1990, 1, 1),
                day(1999, 12, 31),
                Period::Decade,
            ),
            (
                Some("20"),
                day(2000, 1, 1),
                day(2099, 12, 31),
                Period::Century,
            ),
            (
                Some("PAST_REF"),
                day(2025, 1, 1),
                day(2025, 11, 20),
                Period::Vague,
            ),
            (Some("FUTURE_REF"), None, None, Period::Vague),
            (Some("XXXX-11-21"), None, None, Period::Undated),
            // A range of days written as one expression ("21–22 November") is a week-wide span.
            (
                Some("2025-11-21"),
                day(2025, 11, 21),
                day(2025, 11, 22),
                Period::Week,
            ),
            (None, day(2025, 11, 21), day(2025, 11, 22), Period::Week),
            (None, day(2025, 1, 1), day(2025, 12, 31), Period::Year),
            (None, None, None, Period::Undated),
        ];
        for (value, a, b, want) in cases {
            assert_eq!(Period::of(a, b, value), want, "{value:?} {a:?}..{b:?}");
        }
    }

    #[test]
    fn headings_name_the_period() {
        let cases = [
            (Period::Day, day(2025, 11, 21), "21 November 2025"),
            (Period::Week, day(2025, 11, 17), "week 47 of 2025"),
            (Period::Month, day(2025, 11, 1), "November 2025"),
            (Period::Season, day(2025, 7, 1), "Jul–Sep 2025"),
            (Period::Year, day(2022, 1, 1), "2022"),
            (Period::Year, day(-3995, 1, 1), "3996 BC"),
            (Period::Decade, day(1990, 1, 1), "1990s"),
            (Period::Century, day(2000, 1, 1), "21st century"),
            (Period::Century, day(1900, 1, 1), "20th century"),
            (Period::Century, day(1401, 1, 1), "15th century"),
            (Period::Century, day(1950, 1, 1), "20th century"),
            (Period::Century, day(0, 1, 1), "1st century"),
            (Period::Century, day(-99, 1, 1), "1st century BC"),
            (Period::Century, day(-100, 1, 1), "1st century BC"),
            (Period::Decade, day(0, 1, 1), "1 BC–AD 9"),
            (Period::Decade, day(2000, 1, 1), "2000s"),
            (Period::Year, day(0, 1, 1), "1 BC"),
            (Period::Vague, day(2025, 1, 1), "vague"),
            (Period::Day, None, "undated"),
        ];
        for (p, d, want) in cases {
            assert_eq!(p.heading(d), want, "{p:?} {d:?}");
        }
        assert!(Period::Year.is_long() && !Period::Month.is_long());
    }
}
