//! Anchoring: turns a recognised meaning into a TIMEX3 type, value and inclusive day bounds.
//!
//! Bounds of the vague references: PRESENT_REF is the reference day; PAST_REF and FUTURE_REF get
//! none, as "recently", "a few years ago" and "in the years ahead" name no month (the events
//! stage places them at the publication date, marked by their value). Durations and sets get
//! none. Values and bounds stay within TIMEX3's
//! years 0000 to 9999 (`within_timex`). "early"/"mid"/"late" keep the value (TimeBank puts
//! them in a `mod` attribute) and narrow the bounds to the first, middle or last third.

use chrono::{Datelike, NaiveDate};

use super::calendar::{self as cal, Bounds};
use super::lexicon::{Holiday, Unit};
use super::sem::{Anchor, Part, Sem, THIS_WEEK, YearRef};
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
    /// Whether a past `dir` comes from a verb with no infinitive, purpose or deadline between it
    /// and the expression, so the expression is that verb's own past time.
    pub plain_past: bool,
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
        r.bounds = Some(match (m, ctx.reference) {
            // "earlier this month" is before the reference day and "later this month" after it,
            // not the first or last third ("earlier this month", written on 1 June, cannot run to
            // 10 June); a period the reference is not in ("earlier in 2004") takes the third.
            (-2, Some(d)) if b.0 <= d && d <= b.1 => {
                (b.0, cal::add_days(d, -1).map_or(b.0, |e| e.max(b.0)))
            }
            (2, Some(d)) if b.0 <= d && d <= b.1 => {
                (cal::add_days(d, 1).map_or(b.1, |s| s.min(b.1)), b.1)
            }
            _ => cal::narrow(b, m.signum()),
        });
    }
    Some(within_timex(r, ctx.reference))
}

/// The bounds of a vague reference from `reference`: the day for `PRESENT_REF`, none for
/// `PAST_REF` and `FUTURE_REF` (no month is meant) or past the years TIMEX3 can write.
fn vague_bounds(value: &str, reference: NaiveDate) -> Option<Bounds> {
    match value {
        "PRESENT_REF" => clamp((reference, reference)),
        _ => None,
    }
}

/// Whether day `d` lies in the years TIMEX3 writes (0000 to 9999).
fn in_timex_years(d: NaiveDate) -> bool {
    (0..=9999).contains(&d.year())
}

/// Bounds cut to the years TIMEX3 writes; none when nothing is left.
fn clamp((a, b): Bounds) -> Option<Bounds> {
    let (lo, hi) = (cal::ymd(0, 1, 1)?, cal::ymd(9999, 12, 31)?);
    let (a, b) = (a.max(lo), b.min(hi));
    (a <= b).then_some((a, b))
}

/// `r` when its value and bounds lie in years 0000 to 9999; else ("6,000 years ago", "next year"
/// read on 9999-12-31) the vague reference on its side of `reference`, as TIMEX3 writes no
/// year beyond. Issue 16.8.
fn within_timex(r: Resolved, reference: Option<NaiveDate>) -> Resolved {
    let digits = r.value.bytes().take_while(u8::is_ascii_digit).count();
    let value_ok = !r.value.starts_with(['-', '+']) && digits <= 4;
    let bounds_ok = r
        .bounds
        .is_none_or(|(a, b)| in_timex_years(a) && in_timex_years(b));
    if value_ok && bounds_ok {
        return r;
    }
    let past = match (r.bounds, reference) {
        (Some((_, e)), Some(d)) => e < d,
        _ => r.value.starts_with('-'),
    };
    let value = if past { "PAST_REF" } else { "FUTURE_REF" };
    date(
        value.to_string(),
        reference.and_then(|d| vague_bounds(value, d)),
        true,
    )
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

/// `sem` anchored, before a modifier narrows its bounds.
fn resolve_core(sem: &Sem, ctx: &Context) -> Option<Resolved> {
    Some(match sem {
        Sem::Day { y, m, d, until } => resolve_day(*y, *m, *d, *until, ctx)?,
        Sem::Month { y, m } => resolve_month(y, *m, ctx),
        Sem::Year(y) => date(format!("{y:04}"), cal::year_bounds(*y), false),
        Sem::Decade(d) => date(format!("{d:03}"), cal::decade_bounds(*d), false),
        Sem::Century(c) => date(format!("{c:02}"), cal::century_bounds(*c), false),
        Sem::Part { y, part } => resolve_part(y, part, ctx)?,
        Sem::LastQuarter { years_back } => last_quarter(*years_back, ctx),
        Sem::QuarterIn(y) => match ctx.quarter {
            Some((_, q)) => date(format!("{y:04}-Q{q}"), cal::quarter_bounds(*y, q), true),
            None => date(format!("{y:04}"), cal::year_bounds(*y), false),
        },
        Sem::Shift { unit, n, anchor } => resolve_shift(*unit, *n, *anchor, ctx)?,
        Sem::DayRel { n, pod, anchor } => day_rel(*n, pod.as_deref(), *anchor, ctx)?,
        Sem::Weekday { wd, dir, pod } => weekday(*wd, *dir, pod.as_deref(), ctx)?,
        Sem::Clock { h, m, day: on } => clock(*h, *m, on.as_deref(), ctx)?,
        Sem::Holiday { h, y } => resolve_holiday(*h, y, ctx),
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
        Sem::Ref(r) => date(
            (*r).to_string(),
            ctx.reference.and_then(|d| vague_bounds(r, d)),
            true,
        ),
    })
}

/// A written day (`until`, the last day of a range): without its year, the one of the year
/// before, this one and the next nearest the reference in the clause's direction (a bare date
/// with no tense is the past one). A written month and day is explicit even when the year is
/// inferred.
fn resolve_day(
    y: Option<i32>,
    m: u32,
    d: u32,
    until: Option<(u32, u32, Option<i32>)>,
    ctx: &Context,
) -> Option<Resolved> {
    let year = match (y, ctx.reference) {
        (Some(y), _) => Some(y),
        (None, Some(r)) => {
            let c: Vec<_> = (r.year() - 1..=r.year() + 1)
                .filter_map(|y| cal::ymd(y, m, d).map(|dd| (y, dd, dd)))
                .collect();
            pick(&c, r, if ctx.dir == 0 { -1 } else { ctx.dir }, ctx.dir_sure)
        }
        (None, None) => None,
    };
    let Some(year) = year else {
        return Some(date(format!("XXXX-{m:02}-{d:02}"), None, true));
    };
    let start = cal::ymd(year, m, d)?;
    let end = until.and_then(|(m2, d2, y2)| {
        let y2 = y2.unwrap_or(if m2 < m { year + 1 } else { year });
        cal::ymd(y2, m2, d2).filter(|e| *e >= start)
    });
    Some(date(
        cal::day_value(start),
        Some((start, end.unwrap_or(start))),
        false,
    ))
}

/// A month of year `y`: written, counted from the reference's year ("January this year", "last
/// November"), or the nearest one in the clause's direction.
fn resolve_month(y: &YearRef, m: u32, ctx: &Context) -> Resolved {
    let year = match (y, ctx.reference) {
        (YearRef::Abs(y), _) => Some(*y),
        (_, None) => None,
        (YearRef::Year(n), Some(r)) => Some(r.year() + n),
        (YearRef::Dir(n), Some(r)) => Some(match n {
            n if *n < 0 => r.year() - i32::from(m >= r.month()),
            0 => r.year(),
            _ => r.year() + i32::from(m <= r.month()),
        }),
        // "In June, the firm said", written on 1 June: a past event in the month just begun
        // has no past in it but the day itself, which a report would call "today"; it is the
        // June before. So for a future one in a month that ends on the reference day.
        (YearRef::Near, Some(r))
            if m == r.month()
                && ((ctx.dir < 0 && r.day() == 1)
                    || (ctx.dir > 0
                        && cal::month_bounds(r.year(), m).is_some_and(|b| b.1 == r))) =>
        {
            Some(r.year() + ctx.dir.signum())
        }
        (YearRef::Near, Some(r)) => {
            let c: Vec<_> = (r.year() - 1..=r.year() + 1)
                .filter_map(|y| cal::month_bounds(y, m).map(|b| (y, b.0, b.1)))
                .collect();
            // In a plain past-tense clause a bare month is one begun by the reference, however
            // much nearer the next one is: "saw him dropped from a show in August", written on 1
            // June, is last August (issue 14). "has decided to admit them in early March" may
            // still be the March ahead.
            let sure = ctx.dir_sure || ctx.plain_past;
            pick(&c, r, if ctx.dir == 0 { -1 } else { ctx.dir }, sure)
        }
    };
    match year {
        Some(yy) => date(
            format!("{yy:04}-{m:02}"),
            cal::month_bounds(yy, m),
            !matches!(y, YearRef::Abs(_) | YearRef::Near),
        ),
        None => date(format!("XXXX-{m:02}"), None, true),
    }
}

/// The quarter the text is about (or the last one completed before the reference),
/// `years_back` years before.
fn last_quarter(years_back: i32, ctx: &Context) -> Resolved {
    let (y, q) = match (ctx.quarter, ctx.reference) {
        (Some(q), _) => q,
        (None, Some(r)) => {
            let cq = (r.month() - 1) / 3 + 1;
            if cq == 1 {
                (r.year() - 1, 4)
            } else {
                (r.year(), cq - 1)
            }
        }
        (None, None) => return date("XXXX-QX".into(), None, true),
    };
    let y = y - years_back;
    date(format!("{y:04}-Q{q}"), cal::quarter_bounds(y, q), true)
}

/// Today, yesterday, tomorrow (from the reference) or "the previous day" (from the last day the
/// text named, not from a month or year), with a part of the day.
fn day_rel(n: i32, pod: Option<&str>, anchor: Anchor, ctx: &Context) -> Option<Resolved> {
    let base = match anchor {
        Anchor::Text => ctx.last_day.or(ctx.reference),
        Anchor::Reference => ctx.reference,
    };
    let Some(base) = base else {
        return Some(date("XXXX-XX-XX".into(), None, true));
    };
    let d = cal::add_days(base, i64::from(n))?;
    Some(with_pod(day(d, true), pod))
}

/// The weekday `wd` before the reference ("last Friday", -1), after it ("next Friday", 1) or
/// on the clause's side (0). "Tuesday morning" is a TIME, as "this morning" (TIMEX3; TimeBank is
/// split on it).
fn weekday(wd: u32, dir: i32, pod: Option<&str>, ctx: &Context) -> Option<Resolved> {
    let Some(r) = ctx.reference else {
        return Some(date(format!("XXXX-WXX-{wd}"), None, true));
    };
    let d = match dir {
        THIS_WEEK => {
            let from_monday = r.weekday().number_from_monday() as i64;
            cal::add_days(r, wd as i64 - from_monday)?
        }
        d if d < 0 => cal::nearest_weekday(cal::add_days(r, -1)?, wd, -1)?,
        d if d > 0 => cal::nearest_weekday(cal::add_days(r, 1)?, wd, 1)?,
        _ => cal::nearest_weekday(r, wd, if ctx.dir > 0 { 1 } else { -1 })?,
    };
    Some(with_pod(day(d, true), pod))
}

/// A clock time `h:m` on the day written with it, else on the last day the text named, else on
/// the reference day.
fn clock(h: u32, m: u32, on: Option<&Sem>, ctx: &Context) -> Option<Resolved> {
    let base = match on {
        // "Kick-off is at 4.30pm on Sunday": a clock time on a weekday, with no tense to say
        // which, is the nearest one (a timetable more often looks ahead).
        Some(s @ Sem::Weekday { wd, dir: 0, .. }) if ctx.dir == 0 && ctx.reference.is_some() => {
            let r = ctx.reference?.weekday().number_from_monday() as i32;
            let ahead = (*wd as i32 - r).rem_euclid(7);
            let near = Context {
                dir: if ahead <= 3 { 1 } else { -1 },
                ..ctx.clone()
            };
            resolve_core(s, &near)?
        }
        Some(s) => resolve_core(s, ctx)?,
        None => match ctx.last_day.or(ctx.reference) {
            Some(r) => day(r, true),
            None => date("XXXX-XX-XX".into(), None, true),
        },
    };
    let v = base.value.split('T').next().unwrap_or("").to_string();
    Some(Resolved {
        kind: TimexType::Time,
        value: format!("{v}T{h:02}:{m:02}"),
        ..base
    })
}

/// Holiday `h` in year `y`: written, the one before or after the reference ("last
/// Thanksgiving"), or the nearest one in the clause's direction.
fn resolve_holiday(h: Holiday, y: &YearRef, ctx: &Context) -> Resolved {
    let year = match (y, ctx.reference) {
        (YearRef::Abs(y), _) => Some(*y),
        (_, None) => None,
        (YearRef::Year(n), Some(r)) => Some(r.year() + n),
        (YearRef::Dir(n), Some(r)) => {
            let c: Vec<_> = (r.year() - 1..=r.year() + 1)
                .filter_map(|y| cal::holiday(h, y).map(|d| (y, d, d)))
                .collect();
            match n {
                n if *n < 0 => c.iter().rev().find(|c| c.1 < r).map(|c| c.0),
                n if *n > 0 => c.iter().find(|c| c.1 > r).map(|c| c.0),
                _ => Some(r.year()),
            }
        }
        (YearRef::Near, Some(r)) => {
            let c: Vec<_> = (r.year() - 1..=r.year() + 1)
                .filter_map(|y| cal::holiday(h, y).map(|d| (y, d, d)))
                .collect();
            pick(&c, r, ctx.dir, ctx.dir_sure)
        }
    };
    match year.and_then(|y| cal::holiday(h, y)) {
        Some(d) => day(d, !matches!(y, YearRef::Abs(_))),
        None => date("XXXX-XX-XX".into(), None, true),
    }
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

/// A quarter, half or season of year `y`.
fn resolve_part(y: &YearRef, part: &Part, ctx: &Context) -> Option<Resolved> {
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
            Part::Season(_) => season_year(*n, part, bounds, r),
            _ => Some(r.year() + n),
        },
        (YearRef::Year(n), Some(r)) => Some(r.year() + n),
        (YearRef::Near, Some(r)) => nearest_part_year(part, bounds, r, ctx.dir, ctx.plain_past),
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

/// The bounds of a part of a year in a given year.
type PartBounds = fn(i32, &Part) -> Option<Bounds>;

/// The year of "last spring" (`n` -1), "this summer" (0, the current one or else the nearest),
/// "next winter" (1), from reference `r`.
fn season_year(n: i32, part: &Part, bounds: PartBounds, r: NaiveDate) -> Option<i32> {
    let (cy, _) = cal::season_of(r);
    let c: Vec<_> = (cy - 2..=cy + 2)
        .filter_map(|y| bounds(y, part).map(|b| (y, b.0, b.1)))
        .collect();
    let cur = c.iter().find(|(_, s, e)| *s <= r && r <= *e).map(|c| c.0);
    match n {
        0 => cur.or_else(|| pick(&c, r, 0, false)),
        n if n < 0 => c.iter().rev().find(|(_, _, e)| *e < r).map(|c| c.0),
        _ => c.iter().find(|(_, s, _)| *s > r).map(|c| c.0),
    }
}

/// The year of a part of a year written without one, from reference `r` and the clause's
/// direction `dir`. A quarter or half is the latest one begun; a season follows the tense. In a
/// clause about the future, a quarter or half long over is the next one ("the deal should close
/// in the fourth quarter", written in March); one that ended in the last two months is still
/// being reported on.
fn nearest_part_year(
    part: &Part,
    bounds: PartBounds,
    r: NaiveDate,
    dir: i32,
    plain_past: bool,
) -> Option<i32> {
    let c: Vec<_> = (r.year() - 1..=r.year() + 1)
        .filter_map(|y| bounds(y, part).map(|b| (y, b.0, b.1)))
        .collect();
    match part {
        Part::Season(_) if dir > 0 => pick_side(&c, r, 1),
        // "It was a hard time throughout the summer", written on 1 June: a season of a plain past
        // clause is one begun before the reference's month, not the one that opens with it
        // (issue 14); "was planned for the summer" may be this one.
        Part::Season(_) if dir < 0 && plain_past => {
            let month_start = r.with_day(1)?;
            let begun: Vec<_> = c
                .iter()
                .copied()
                .filter(|(_, s, _)| *s < month_start)
                .collect();
            pick_side(&begun, r, -1)
        }
        Part::Season(_) => pick_side(&c, r, -1),
        _ => {
            let latest = pick_side(&c, r, -1);
            let stale = latest
                .and_then(|y| bounds(y, part))
                .is_some_and(|(_, e)| (r - e).num_days() > 60);
            if dir > 0 && stale {
                pick_side(&c, r, 1)
            } else {
                latest
            }
        }
    }
}

fn resolve_shift(unit: Unit, n: i32, anchor: Anchor, ctx: &Context) -> Option<Resolved> {
    let tense_weekend = unit == Unit::Weekend && n == 0 && anchor == Anchor::Text;
    let anchor = if unit == Unit::Weekend {
        Anchor::Reference
    } else {
        anchor
    };
    let Some(base) = anchor_day(ctx, anchor) else {
        return Some(date(unanchored(unit).into(), None, true));
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
        Unit::Weekend => weekend(base, n, tense_weekend, ctx.dir)?,
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

/// The value of a shift of `unit` with nothing to count from.
fn unanchored(unit: Unit) -> &'static str {
    match unit {
        Unit::Day => "XXXX-XX-XX",
        Unit::Week | Unit::Weekend | Unit::Fortnight => "XXXX-WXX",
        Unit::Month => "XXXX-XX",
        Unit::Quarter => "XXXX-QX",
        _ => "XXXX",
    }
}

/// The weekend `n` weeks from `base`, or with `tense` ("the weekend") the one the clause's
/// direction `dir` points to. "this weekend" is the one of this week; with no tense "the
/// weekend" is the nearest one: written on a Thursday, "forecast for the weekend" is ahead; on a
/// Tuesday, the one just past; at the weekend, that one.
fn weekend(base: NaiveDate, n: i32, tense: bool, dir: i32) -> Option<Resolved> {
    let wd = base.weekday().number_from_monday();
    let d = if tense && dir == 0 && wd >= 6 {
        base
    } else if tense {
        let dir = match dir {
            0 if wd >= 4 => 1,
            d if d > 0 => 1,
            _ => -1,
        };
        cal::nearest_weekday(base, if dir > 0 { 6 } else { 7 }, dir)?
    } else {
        cal::add_days(base, i64::from(n) * 7)?
    };
    let b = cal::weekend_bounds(d);
    Some(date(format!("{}-WE", cal::week_value(d)), Some(b), true))
}
