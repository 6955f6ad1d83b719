//! Anchoring: turns a recognised meaning into a TIMEX3 type, value and inclusive day bounds.
//!
//! Bounds of the vague references, so that they still order on a timeline: PRESENT_REF is the
//! reference day; PAST_REF is the 30 days before it (ending the day before); FUTURE_REF the 30
//! days after it. Durations and sets get none. "early"/"mid"/"late" keep the value (TimeBank puts
//! them in a `mod` attribute) and narrow the bounds to the first, middle or last third.

use chrono::{Datelike, NaiveDate};

use super::calendar::{self as cal, Bounds};
use super::lexicon::Unit;
use super::sem::{Anchor, Part, Sem, YearRef};
use crate::model::TimexType;

/// What anchoring knows at one point of the text.
#[derive(Clone, Debug, Default)]
pub struct Context {
    pub reference: Option<NaiveDate>,
    /// +1 when the clause points to the future, -1 when it clearly reports the past, 0 unknown.
    pub dir: i32,
    /// Whether `dir` comes from a modal ("will") or a past verb close by, which no nearer date on
    /// the other side overrules.
    pub dir_sure: bool,
    /// The last day the text mentioned, for "the previous day" and "a year earlier".
    pub text_anchor: Option<NaiveDate>,
    /// A quarter named in this or the previous sentence: "a year ago" then means that quarter a
    /// year before, as business news compares quarter with quarter.
    pub quarter: Option<(i32, u32)>,
    /// The last day named by a date, weekday or "yesterday": the day of a bare clock time.
    pub last_day: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    pub kind: TimexType,
    pub value: String,
    pub bounds: Option<Bounds>,
    pub relative: bool,
}

fn date(value: String, bounds: Option<Bounds>, relative: bool) -> Resolved {
    Resolved {
        kind: TimexType::Date,
        value,
        bounds,
        relative,
    }
}

fn day(d: NaiveDate, relative: bool) -> Resolved {
    date(cal::day_value(d), Some((d, d)), relative)
}

pub fn resolve(sem: &Sem, modifier: Option<i32>, ctx: &Context) -> Option<Resolved> {
    let mut r = resolve_core(sem, ctx)?;
    if let (Some(m), Some(b)) = (modifier, r.bounds) {
        r.bounds = Some(cal::narrow(b, m));
    }
    Some(r)
}

fn anchor_day(ctx: &Context, anchor: Anchor) -> Option<NaiveDate> {
    match anchor {
        Anchor::Reference => ctx.reference,
        Anchor::Text => ctx.text_anchor.or(ctx.reference),
    }
}

/// Picks among candidates (years) the one nearest `r`; `dir` (the clause's tense) prefers the
/// candidate on its side unless the other one is more than four times nearer and the tense is not
/// `sure`.
fn pick<T: Copy>(
    cands: &[(T, NaiveDate, NaiveDate)],
    r: NaiveDate,
    dir: i32,
    sure: bool,
) -> Option<T> {
    let dist = |(_, s, e): &(T, NaiveDate, NaiveDate)| {
        if r < *s {
            (*s - r).num_days()
        } else if r > *e {
            (r - *e).num_days()
        } else {
            0
        }
    };
    let nearest = |side: i32| {
        cands
            .iter()
            .filter(|(_, s, e)| match side {
                d if d > 0 => *e >= r,
                d if d < 0 => *s <= r,
                _ => true,
            })
            .min_by_key(|c| (dist(c), c.1 > r))
    };
    let best = nearest(0)?;
    if dir == 0 || dist(best) == 0 {
        return Some(best.0);
    }
    match (nearest(dir), nearest(-dir)) {
        (Some(want), Some(other)) if !sure && dist(other) * 4 < dist(want) => Some(other.0),
        (Some(want), _) => Some(want.0),
        (None, _) => Some(best.0),
    }
}

/// Strictly on one side (for quarters and seasons: the latest one begun, or the next one).
fn pick_side<T: Copy>(cands: &[(T, NaiveDate, NaiveDate)], r: NaiveDate, dir: i32) -> Option<T> {
    let it = cands
        .iter()
        .filter(|(_, s, e)| if dir > 0 { *e >= r } else { *s <= r });
    if dir > 0 {
        it.min_by_key(|c| c.1).map(|c| c.0)
    } else {
        it.max_by_key(|c| c.1).map(|c| c.0)
    }
}

fn resolve_core(sem: &Sem, ctx: &Context) -> Option<Resolved> {
    let rf = ctx.reference;
    Some(match sem {
        Sem::Day { y, m, d, until } => {
            let year = match (y, rf) {
                (Some(y), _) => Some(*y),
                (None, Some(r)) => {
                    let c: Vec<_> = (r.year() - 1..=r.year() + 1)
                        .filter_map(|y| cal::ymd(y, *m, *d).map(|dd| (y, dd, dd)))
                        .collect();
                    pick(&c, r, if ctx.dir == 0 { -1 } else { ctx.dir }, ctx.dir_sure)
                }
                (None, None) => None,
            };
            let Some(year) = year else {
                return Some(date(format!("XXXX-{m:02}-{d:02}"), None, true));
            };
            let start = cal::ymd(year, *m, *d)?;
            let end = until.and_then(|(m2, d2, y2)| {
                let y2 = y2.unwrap_or(if m2 < *m { year + 1 } else { year });
                cal::ymd(y2, m2, d2).filter(|e| *e >= start)
            });
            // A written month and day is explicit even when the year is inferred.
            date(
                cal::day_value(start),
                Some((start, end.unwrap_or(start))),
                false,
            )
        }
        Sem::Month { y, m } => {
            let year = match (y, rf) {
                (YearRef::Abs(y), _) => Some(*y),
                (_, None) => None,
                (YearRef::Year(n), Some(r)) => Some(r.year() + n),
                (YearRef::Dir(n), Some(r)) => Some(match n {
                    n if *n < 0 => r.year() - i32::from(*m >= r.month()),
                    0 => r.year(),
                    _ => r.year() + i32::from(*m <= r.month()),
                }),
                (YearRef::Near, Some(r)) => {
                    let c: Vec<_> = (r.year() - 1..=r.year() + 1)
                        .filter_map(|y| cal::month_bounds(y, *m).map(|b| (y, b.0, b.1)))
                        .collect();
                    pick(&c, r, if ctx.dir == 0 { -1 } else { ctx.dir }, ctx.dir_sure)
                }
            };
            match year {
                Some(yy) => date(
                    format!("{yy:04}-{m:02}"),
                    cal::month_bounds(yy, *m),
                    !matches!(y, YearRef::Abs(_) | YearRef::Near),
                ),
                None => date(format!("XXXX-{m:02}"), None, true),
            }
        }
        Sem::Year(y) => date(format!("{y:04}"), cal::year_bounds(*y), false),
        Sem::Decade(d) => date(format!("{d:03}"), cal::decade_bounds(*d), false),
        Sem::Century(c) => date(format!("{c:02}"), cal::century_bounds(*c), false),
        Sem::Part { y, part } => resolve_part(y, part, ctx)?,
        Sem::LastQuarter { years_back } => {
            let (y, q) = match (ctx.quarter, rf) {
                (Some(q), _) => q,
                (None, Some(r)) => {
                    let cq = (r.month() - 1) / 3 + 1;
                    if cq == 1 {
                        (r.year() - 1, 4)
                    } else {
                        (r.year(), cq - 1)
                    }
                }
                (None, None) => return Some(date("XXXX-QX".into(), None, true)),
            };
            let y = y - years_back;
            date(format!("{y:04}-Q{q}"), cal::quarter_bounds(y, q), true)
        }
        Sem::QuarterIn(y) => match ctx.quarter {
            Some((_, q)) => date(format!("{y:04}-Q{q}"), cal::quarter_bounds(*y, q), true),
            None => date(format!("{y:04}"), cal::year_bounds(*y), false),
        },
        Sem::Shift { unit, n, anchor } => resolve_shift(*unit, *n, *anchor, ctx)?,
        Sem::DayRel { n, pod, anchor } => {
            // "the previous day" counts from the last day the text named, not from a month or year.
            let base = match anchor {
                Anchor::Text => ctx.last_day.or(rf),
                Anchor::Reference => rf,
            };
            let Some(base) = base else {
                return Some(date("XXXX-XX-XX".into(), None, true));
            };
            let d = cal::add_days(base, i64::from(*n))?;
            with_pod(day(d, true), pod.as_deref())
        }
        Sem::Weekday { wd, dir, pod } => {
            let Some(r) = rf else {
                return Some(date(format!("XXXX-WXX-{wd}"), None, true));
            };
            let d = match dir {
                d if *d < 0 => cal::nearest_weekday(cal::add_days(r, -1)?, *wd, -1)?,
                d if *d > 0 => cal::nearest_weekday(cal::add_days(r, 1)?, *wd, 1)?,
                _ => cal::nearest_weekday(r, *wd, if ctx.dir > 0 { 1 } else { -1 })?,
            };
            // "Tuesday morning" is a TIME, as "this morning" (TIMEX3; TimeBank is split on it).
            with_pod(day(d, true), pod.as_deref())
        }
        Sem::Clock { h, m, day: on } => {
            let base = match on.as_deref() {
                // "Kick-off is at 4.30pm on Sunday": a clock time on a weekday, with no tense to
                // say which, is the nearest one (a timetable more often looks ahead).
                Some(s @ Sem::Weekday { wd, dir: 0, .. }) if ctx.dir == 0 && rf.is_some() => {
                    let r = rf?.weekday().number_from_monday() as i32;
                    let ahead = (*wd as i32 - r).rem_euclid(7);
                    let near = Context {
                        dir: if ahead <= 3 { 1 } else { -1 },
                        ..ctx.clone()
                    };
                    resolve_core(s, &near)?
                }
                Some(s) => resolve_core(s, ctx)?,
                None => match ctx.last_day.or(rf) {
                    Some(r) => day(r, true),
                    None => date("XXXX-XX-XX".into(), None, true),
                },
            };
            let v = base.value.split('T').next().unwrap_or("").to_string();
            Resolved {
                kind: TimexType::Time,
                value: format!("{v}T{h:02}:{m:02}"),
                ..base
            }
        }
        Sem::Holiday { h, y } => {
            let year = match (y, rf) {
                (YearRef::Abs(y), _) => Some(*y),
                (_, None) => None,
                (YearRef::Year(n), Some(r)) => Some(r.year() + n),
                (YearRef::Dir(n), Some(r)) => {
                    let c: Vec<_> = (r.year() - 1..=r.year() + 1)
                        .filter_map(|y| cal::holiday(*h, y).map(|d| (y, d, d)))
                        .collect();
                    match n {
                        n if *n < 0 => c.iter().rev().find(|c| c.1 < r).map(|c| c.0),
                        n if *n > 0 => c.iter().find(|c| c.1 > r).map(|c| c.0),
                        _ => Some(r.year()),
                    }
                }
                (YearRef::Near, Some(r)) => {
                    let c: Vec<_> = (r.year() - 1..=r.year() + 1)
                        .filter_map(|y| cal::holiday(*h, y).map(|d| (y, d, d)))
                        .collect();
                    pick(&c, r, ctx.dir, ctx.dir_sure)
                }
            };
            match year.and_then(|y| cal::holiday(*h, y)) {
                Some(d) => day(d, !matches!(y, YearRef::Abs(_))),
                None => date("XXXX-XX-XX".into(), None, true),
            }
        }
        Sem::WeekOf(inner) => {
            let r = resolve_core(inner, ctx)?;
            match r.bounds {
                Some((d, _)) => date(cal::week_value(d), Some(cal::week_bounds(d)), r.relative),
                None => date("XXXX-WXX".into(), None, true),
            }
        }
        Sem::Duration(v) => Resolved {
            kind: TimexType::Duration,
            value: v.clone(),
            bounds: None,
            relative: false,
        },
        Sem::Set(v) => Resolved {
            kind: TimexType::Set,
            value: v.clone(),
            bounds: None,
            relative: false,
        },
        Sem::Ref(r) => {
            let bounds = rf.and_then(|d| match *r {
                "PRESENT_REF" => Some((d, d)),
                "PAST_REF" => Some((cal::add_days(d, -30)?, cal::add_days(d, -1)?)),
                _ => Some((cal::add_days(d, 1)?, cal::add_days(d, 30)?)),
            });
            date((*r).to_string(), bounds, true)
        }
    })
}

fn with_pod(mut r: Resolved, pod: Option<&str>) -> Resolved {
    if let Some(p) = pod {
        r.kind = TimexType::Time;
        if p.starts_with('T') {
            r.value.push_str(p);
        } else {
            r.value.push('T');
            r.value.push_str(p);
        }
    }
    r
}

fn resolve_part(y: &YearRef, part: &Part, ctx: &Context) -> Option<Resolved> {
    type PartBounds = fn(i32, &Part) -> Option<Bounds>;
    let (label, bounds): (String, PartBounds) = match part {
        Part::Quarter(q) => (format!("Q{q}"), |y, p| match p {
            Part::Quarter(q) => cal::quarter_bounds(y, *q),
            _ => None,
        }),
        Part::Half(h) => (format!("H{h}"), |y, p| match p {
            Part::Half(h) => cal::half_bounds(y, *h),
            _ => None,
        }),
        Part::Season(s) => ((*s).to_string(), |y, p| match p {
            Part::Season(s) => cal::season_bounds(y, s),
            _ => None,
        }),
    };
    let year = match (y, ctx.reference) {
        (YearRef::Abs(y), _) => Some(*y),
        (_, None) => None,
        (YearRef::Dir(n), Some(r)) => match part {
            Part::Season(_) => {
                let (cy, _) = cal::season_of(r);
                let c: Vec<_> = (cy - 2..=cy + 2)
                    .filter_map(|y| bounds(y, part).map(|b| (y, b.0, b.1)))
                    .collect();
                let cur = c.iter().find(|(_, s, e)| *s <= r && r <= *e).map(|c| c.0);
                match n {
                    0 => cur.or_else(|| pick(&c, r, 0, false)),
                    n if *n < 0 => c.iter().rev().find(|(_, _, e)| *e < r).map(|c| c.0),
                    _ => c.iter().find(|(_, s, _)| *s > r).map(|c| c.0),
                }
            }
            _ => Some(r.year() + n),
        },
        (YearRef::Year(n), Some(r)) => Some(r.year() + n),
        (YearRef::Near, Some(r)) => {
            let c: Vec<_> = (r.year() - 1..=r.year() + 1)
                .filter_map(|y| bounds(y, part).map(|b| (y, b.0, b.1)))
                .collect();
            // A quarter or half without a year is the latest one begun; a season follows the tense.
            // In a clause about the future, a quarter or half long over is the next one ("the
            // deal should close in the fourth quarter", written in March); one that ended in the
            // last two months is still being reported on.
            match part {
                Part::Season(_) if ctx.dir > 0 => pick_side(&c, r, 1),
                Part::Season(_) => pick_side(&c, r, -1),
                _ => {
                    let latest = pick_side(&c, r, -1);
                    let stale = latest
                        .and_then(|y| bounds(y, part))
                        .is_some_and(|(_, e)| (r - e).num_days() > 60);
                    if ctx.dir > 0 && stale {
                        pick_side(&c, r, 1)
                    } else {
                        latest
                    }
                }
            }
        }
    };
    Some(match year {
        Some(yy) => date(
            format!("{yy:04}-{label}"),
            bounds(yy, part),
            !matches!(y, YearRef::Abs(_)),
        ),
        None => date(format!("XXXX-{label}"), None, true),
    })
}

fn resolve_shift(unit: Unit, n: i32, anchor: Anchor, ctx: &Context) -> Option<Resolved> {
    let tense_weekend = unit == Unit::Weekend && n == 0 && anchor == Anchor::Text;
    let anchor = if unit == Unit::Weekend {
        Anchor::Reference
    } else {
        anchor
    };
    let Some(base) = anchor_day(ctx, anchor) else {
        let v = match unit {
            Unit::Day => "XXXX-XX-XX",
            Unit::Week | Unit::Weekend | Unit::Fortnight => "XXXX-WXX",
            Unit::Month => "XXXX-XX",
            Unit::Quarter => "XXXX-QX",
            _ => "XXXX",
        };
        return Some(date(v.into(), None, true));
    };
    Some(match unit {
        Unit::Day => day(cal::add_days(base, i64::from(n))?, true),
        // "43 minutes ago", "two hours later": the day they fall on, to a day's precision (the
        // text gives no clock to count from).
        Unit::Second | Unit::Minute | Unit::Hour => {
            let secs = i64::from(n)
                * match unit {
                    Unit::Hour => 3600,
                    Unit::Minute => 60,
                    _ => 1,
                };
            day(cal::add_days(base, secs / 86_400)?, true)
        }
        Unit::Week | Unit::Fortnight => {
            let mult = if unit == Unit::Fortnight { 14 } else { 7 };
            let d = cal::add_days(base, i64::from(n) * mult)?;
            date(cal::week_value(d), Some(cal::week_bounds(d)), true)
        }
        Unit::Weekend => {
            // "the weekend" follows the tense; "this weekend" is the one of this week. With no
            // tense, the nearest one: written on a Thursday, "forecast for the weekend" is ahead;
            // on a Tuesday, the one just past; at the weekend, that one.
            let wd = base.weekday().number_from_monday();
            let d = if tense_weekend && ctx.dir == 0 && wd >= 6 {
                base
            } else if tense_weekend {
                let dir = match ctx.dir {
                    0 if wd >= 4 => 1,
                    d if d > 0 => 1,
                    _ => -1,
                };
                cal::nearest_weekday(base, if dir > 0 { 6 } else { 7 }, dir)?
            } else {
                cal::add_days(base, i64::from(n) * 7)?
            };
            let b = cal::weekend_bounds(d);
            date(format!("{}-WE", cal::week_value(d)), Some(b), true)
        }
        Unit::Month => {
            let (y, m) = cal::add_months(base.year(), base.month(), n);
            date(format!("{y:04}-{m:02}"), cal::month_bounds(y, m), true)
        }
        // "that quarter", "the same quarter": the one the text just named.
        Unit::Quarter if n == 0 && anchor == Anchor::Text && ctx.quarter.is_some() => {
            let (y, q) = ctx.quarter?;
            date(format!("{y:04}-Q{q}"), cal::quarter_bounds(y, q), true)
        }
        Unit::Quarter => {
            let idx = base.year() * 4 + (base.month() as i32 - 1) / 3 + n;
            let (y, q) = (idx.div_euclid(4), (idx.rem_euclid(4) + 1) as u32);
            date(format!("{y:04}-Q{q}"), cal::quarter_bounds(y, q), true)
        }
        Unit::Year => {
            if n < 0
                && let Some((qy, q)) = ctx.quarter
            {
                let y = qy + n;
                return Some(date(
                    format!("{y:04}-Q{q}"),
                    cal::quarter_bounds(y, q),
                    true,
                ));
            }
            let y = base.year() + n;
            date(format!("{y:04}"), cal::year_bounds(y), true)
        }
        Unit::Decade => {
            let d = (base.year() + 10 * n).div_euclid(10);
            date(format!("{d:03}"), cal::decade_bounds(d), true)
        }
        Unit::Century => {
            let c = (base.year() + 100 * n).div_euclid(100);
            date(format!("{c:02}"), cal::century_bounds(c), true)
        }
    })
}
