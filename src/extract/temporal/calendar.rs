//! Calendar arithmetic for values and bounds: days, ISO weeks, months, quarters, seasons, decades.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::lexicon::Holiday;

pub type Bounds = (NaiveDate, NaiveDate);

pub fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

pub fn day_value(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub fn month_bounds(y: i32, m: u32) -> Option<Bounds> {
    let first = ymd(y, m, 1)?;
    let next = if m == 12 {
        ymd(y + 1, 1, 1)?
    } else {
        ymd(y, m + 1, 1)?
    };
    Some((first, next.pred_opt()?))
}

pub fn year_bounds(y: i32) -> Option<Bounds> {
    Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?))
}

pub fn quarter_bounds(y: i32, q: u32) -> Option<Bounds> {
    let q = q.clamp(1, 4);
    Some((month_bounds(y, q * 3 - 2)?.0, month_bounds(y, q * 3)?.1))
}

pub fn half_bounds(y: i32, h: u32) -> Option<Bounds> {
    if h <= 1 {
        Some((ymd(y, 1, 1)?, ymd(y, 6, 30)?))
    } else {
        Some((ymd(y, 7, 1)?, ymd(y, 12, 31)?))
    }
}

/// Meteorological seasons of the northern hemisphere; winter runs from December into the next year.
pub fn season_bounds(y: i32, s: &str) -> Option<Bounds> {
    match s {
        "SP" => Some((ymd(y, 3, 1)?, ymd(y, 5, 31)?)),
        "SU" => Some((ymd(y, 6, 1)?, ymd(y, 8, 31)?)),
        "FA" => Some((ymd(y, 9, 1)?, ymd(y, 11, 30)?)),
        "WI" => Some((ymd(y, 12, 1)?, month_bounds(y + 1, 2)?.1)),
        _ => None,
    }
}

pub fn season_of(d: NaiveDate) -> (i32, &'static str) {
    match d.month() {
        3..=5 => (d.year(), "SP"),
        6..=8 => (d.year(), "SU"),
        9..=11 => (d.year(), "FA"),
        12 => (d.year(), "WI"),
        _ => (d.year() - 1, "WI"),
    }
}

/// `decade` is the first three digits: 199 → 1990..1999.
pub fn decade_bounds(decade: i32) -> Option<Bounds> {
    Some((ymd(decade * 10, 1, 1)?, ymd(decade * 10 + 9, 12, 31)?))
}

/// `century` is the first two digits: 19 → 1900..1999.
pub fn century_bounds(century: i32) -> Option<Bounds> {
    Some((ymd(century * 100, 1, 1)?, ymd(century * 100 + 99, 12, 31)?))
}

pub fn week_value(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

pub fn week_bounds(d: NaiveDate) -> Bounds {
    let monday = d - Duration::days(i64::from(d.weekday().num_days_from_monday()));
    (monday, monday + Duration::days(6))
}

pub fn weekend_bounds(d: NaiveDate) -> Bounds {
    let (monday, _) = week_bounds(d);
    (monday + Duration::days(5), monday + Duration::days(6))
}

pub fn add_months(y: i32, m: u32, n: i32) -> (i32, u32) {
    let idx = y * 12 + m as i32 - 1 + n;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32)
}

pub fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    d.checked_add_signed(Duration::try_days(n)?)
}

/// The weekday `wd` (1 = Monday) nearest to `from`: on or before it when `dir` ≤ 0, else on or after.
pub fn nearest_weekday(from: NaiveDate, wd: u32, dir: i32) -> Option<NaiveDate> {
    let target = Weekday::try_from((wd.clamp(1, 7) - 1) as u8).ok()?;
    let cur = i64::from(from.weekday().num_days_from_monday());
    let want = i64::from(target.num_days_from_monday());
    let delta = if dir <= 0 {
        -((cur - want).rem_euclid(7))
    } else {
        (want - cur).rem_euclid(7)
    };
    add_days(from, delta)
}

/// The day of a holiday in year `y`.
pub fn holiday(h: Holiday, y: i32) -> Option<NaiveDate> {
    match h {
        Holiday::Fixed(m, d) => ymd(y, m, d),
        Holiday::Nth(m, wd, n) if n > 0 => {
            let first = nearest_weekday(ymd(y, m, 1)?, wd, 1)?;
            add_days(first, i64::from(n - 1) * 7).filter(|d| d.month() == m)
        }
        Holiday::Nth(m, wd, _) => nearest_weekday(month_bounds(y, m)?.1, wd, -1),
        Holiday::Easter(off) => add_days(easter(y)?, off),
        Holiday::Election => add_days(nearest_weekday(ymd(y, 11, 1)?, 1, 1)?, 1),
    }
}

/// Easter Sunday (Gregorian, anonymous algorithm).
fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(y, month as u32, day as u32)
}

/// Narrows bounds for "early", "mid" and "late": the first, middle or last third.
pub fn narrow(b: Bounds, part: i32) -> Bounds {
    let len = (b.1 - b.0).num_days();
    if len < 2 {
        return b;
    }
    let third = len / 3;
    match part {
        -1 => (b.0, b.0 + Duration::days(third)),
        0 => (b.0 + Duration::days(third), b.1 - Duration::days(third)),
        _ => (b.1 - Duration::days(third), b.1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_helpers() {
        let d = ymd(2025, 11, 20).unwrap();
        assert_eq!(week_value(d), "2025-W47");
        assert_eq!(
            week_bounds(d),
            (ymd(2025, 11, 17).unwrap(), ymd(2025, 11, 23).unwrap())
        );
        assert_eq!(add_months(2025, 1, -1), (2024, 12));
        assert_eq!(add_months(2025, 11, 2), (2026, 1));
        assert_eq!(nearest_weekday(d, 2, -1), ymd(2025, 11, 18));
        assert_eq!(nearest_weekday(d, 2, 1), ymd(2025, 11, 25));
        assert_eq!(nearest_weekday(d, 4, 1), Some(d));
        assert_eq!(
            season_bounds(2025, "WI").unwrap().1,
            ymd(2026, 2, 28).unwrap()
        );
        assert_eq!(month_bounds(2024, 2).unwrap().1, ymd(2024, 2, 29).unwrap());
        assert_eq!(holiday(Holiday::Nth(11, 4, 4), 2025), ymd(2025, 11, 27));
        assert_eq!(holiday(Holiday::Nth(5, 1, -1), 2025), ymd(2025, 5, 26));
        assert_eq!(holiday(Holiday::Easter(0), 2025), ymd(2025, 4, 20));
        assert_eq!(holiday(Holiday::Easter(0), 2000), ymd(2000, 4, 23));
        assert_eq!(holiday(Holiday::Election, 2024), ymd(2024, 11, 5));
        assert_eq!(holiday(Holiday::Election, 1998), ymd(1998, 11, 3));
    }
}
