//! Clock times and parts of the day: "3 p.m.", "9am on Friday", "4.15am", "10:35 a.m. EDT
//! Thursday", "1400 GMT", "noon", "late afternoon".

use super::dates::{DayLed, MonthLed};
use super::holidays::Holiday;
use super::relative::{Deictic, Weekday};
#[cfg(test)]
use super::testing::rows;
use super::{Core, Parser, Rule, Start};
use crate::extract::temporal::lexicon::{List, Word};
use crate::extract::temporal::sem::{Anchor, Sem};
use crate::extract::temporal::tokens::Kind;

/// "3 p.m.", "10:35 a.m. EDT Thursday", "15:30", "4.15am on 2 February", "1400 GMT", "noon": a
/// clock time, with a time zone (`temporal-time-zones.txt`) and the day it falls on when one
/// follows.
pub struct Clock;

impl Rule for Clock {
    const START: Start = Start {
        number: true,
        kinds: Word::POD,
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        let (end, h, m) = match Self::named(p, i) {
            Some(c) => c,
            None => {
                let t = p
                    .toks
                    .get(i)
                    .filter(|t| t.kind == Kind::Num && !t.ordinal && !t.plural)?;
                match Self::dotted(p, i) {
                    Some(c) => c,
                    None if t.digits == 4 => return Self::four_digits(p, i, t.num?),
                    None => Self::numeric(p, i, t.num?)?,
                }
            }
        };
        let end = if p.on(end, List::TimeZone) {
            end + 1
        } else if p.w(end + 1) == "time" && (p.w(end) == "local" || p.capitalised(end)) {
            // "6am local time", "6 a.m. Moscow time"
            end + 2
        } else {
            end
        };
        Some(Self::on_day(p, end, h, m))
    }
}

impl Clock {
    /// "noon", "midnight" (not "High Noon", a film, nor "high noon", an idiom).
    fn named(p: &Parser<'_>, i: usize) -> Option<(usize, u32, u32)> {
        let title = i > 0 && (p.w(i - 1) == "high" || p.title_case_word(i));
        let pod = p
            .lx(i)
            .part_of_day()
            .filter(|v| v.starts_with('T') && !title)?;
        let h: u32 = pod[1..3].parse().ok()?;
        Some((i + 1, h, 0))
    }

    /// "4.15am", "11.30 pm": a British clock with a full stop, only with its "am" or "pm".
    fn dotted(p: &Parser<'_>, i: usize) -> Option<(usize, u32, u32)> {
        let t = p.toks.get(i).filter(|t| t.num.is_none())?;
        let (hh, mm) = p.text[t.start..t.end].split_once('.')?;
        if !(1..=2).contains(&hh.len()) || mm.len() != 2 {
            return None;
        }
        let (Ok(h), Ok(m)) = (hh.parse::<u32>(), mm.parse::<u32>()) else {
            return None;
        };
        let (after, Some(pm)) = Self::marker(p, i + 1, i)? else {
            return None;
        };
        if !(1..=12).contains(&h) || m >= 60 {
            return None;
        }
        let h = match (pm, h) {
            (true, 1..=11) => h + 12,
            (false, 12) => 0,
            _ => h,
        };
        Some((after, h, m))
    }

    /// "1400 GMT", "2100 local time": a four-digit clock counts only with a time zone after it.
    fn four_digits(p: &Parser<'_>, i: usize, n: u32) -> Core {
        let (h, m) = (n / 100, n % 100);
        if h > 23 || m > 59 {
            return None;
        }
        let end = if p.on(i + 1, List::TimeZone) {
            i + 2
        } else if p.w(i + 1) == "local" && p.w(i + 2) == "time" {
            i + 3
        } else {
            return None;
        };
        Some((end, Sem::Clock { h, m, day: None }))
    }

    /// "3 p.m.", "10:35", "9 in the evening": hour `h` at `i`, its minutes after a colon and its
    /// marker (a 24-hour clock needs its colon).
    fn numeric(p: &Parser<'_>, i: usize, h: u32) -> Option<(usize, u32, u32)> {
        // The "17:18" of "2:17:18" is no clock either.
        if i > 0 && p.punct(i - 1, ':') && p.glued(i) {
            return None;
        }
        let (mut k, mut m, mut colon) = (i + 1, 0, false);
        if p.punct(k, ':') && p.glued(k) && p.glued(k + 1) {
            let t = p.toks.get(k + 1)?;
            if t.kind != Kind::Num || t.digits != 2 {
                return None;
            }
            m = t.num?;
            k += 2;
            colon = true;
            // "a record of 2:17:18": a race time, not a clock.
            if p.punct(k, ':') && p.glued(k) {
                return None;
            }
        }
        let (after, pm) = Self::marker(p, k, i)?;
        let h = match pm {
            Some(true) if (1..=11).contains(&h) => h + 12,
            Some(false) if h == 12 => 0,
            Some(_) if h <= 12 => h,
            // "but 3:39 was the best he could achieve": a bare colon time is a clock only
            // after a word that sets a time up ("at 21:40", "from 9:30 to 11:00"); else it is a
            // race or a duration.
            None if colon && h <= 23 && m < 60 && Self::clock_lead(p, i) => h,
            _ => return None,
        };
        (m < 60).then_some((after, h, m))
    }

    /// Whether the word before the number at `i` sets up a clock time: a preposition of time, a
    /// word of approximation, or nothing (a line or sentence that opens with it, "10:35 Trains
    /// resume").
    fn clock_lead(p: &Parser<'_>, i: usize) -> bool {
        i == 0
            || p.toks[i].newline_before
            || p.punct(i - 1, '.')
            || p.punct(i - 1, '-')
            || p.punct(i - 1, '(')
            || matches!(
                p.w(i - 1),
                "at" | "by"
                    | "until"
                    | "till"
                    | "from"
                    | "to"
                    | "before"
                    | "after"
                    | "around"
                    | "about"
                    | "between"
                    | "and"
                    | "since"
                    | "approximately"
                    | "nearly"
                    | "shortly"
                    | "just"
                    | "or"
                    | "past"
                    | "on"
            )
    }

    /// "a.m." / "p.m." / "am" / "pm" / "in the morning" / "o'clock" / nothing (`None` when no
    /// marker) at `k`, after the number at `lead`.
    fn marker(p: &Parser<'_>, k: usize, lead: usize) -> Option<(usize, Option<bool>)> {
        let w = p.w(k);
        if matches!(w, "am" | "pm") {
            return Some((k + 1, Some(w == "pm")));
        }
        if matches!(w, "a" | "p")
            && p.punct(k + 1, '.')
            && p.glued(k + 1)
            && p.w(k + 2) == "m"
            && p.glued(k + 2)
        {
            let end = if p.punct(k + 3, '.') && p.glued(k + 3) {
                k + 4
            } else {
                k + 3
            };
            return Some((end, Some(w == "p")));
        }
        // "at 4 in the morning", "until 9 in the evening": a clock only after a preposition of
        // time ("arrested 4 in the morning" counts people).
        if w == "in"
            && p.w(k + 1) == "the"
            && lead >= 1
            && matches!(
                p.w(lead - 1),
                "at" | "until" | "till" | "by" | "around" | "about" | "before" | "after" | "from"
            )
            && p.toks.get(k + 3).is_none_or(|t| t.kind != Kind::Word)
        {
            match p.w(k + 2) {
                "morning" => return Some((k + 3, Some(false))),
                "afternoon" | "evening" => return Some((k + 3, Some(true))),
                _ => {}
            }
        }
        if w == "o" && p.punct(k + 1, '\'') && p.w(k + 2) == "clock" {
            return Some((k + 3, None));
        }
        Some((k, None))
    }

    /// The clock `h:m` ending at `end`, on the day written right after it ("Thursday", ", Nov.
    /// 9", "on 2 February", "today", "on Christmas Day").
    fn on_day(p: &Parser<'_>, end: usize, h: u32, m: u32) -> (usize, Sem) {
        let k = if p.punct(end, ',') || p.w(end) == "on" {
            end + 1
        } else {
            end
        };
        let day = Weekday::parse(p, k)
            .or_else(|| MonthLed::day(p, k))
            .or_else(|| DayLed::parse(p, k))
            .or_else(|| Deictic::parse(p, k))
            .or_else(|| Holiday::parse(p, k));
        if let Some((e, sem)) = day
            && matches!(
                sem,
                Sem::Weekday { .. }
                    | Sem::Day { until: None, .. }
                    | Sem::DayRel { .. }
                    | Sem::Holiday { .. }
            )
        {
            let day = Some(Box::new(sem));
            return (e, Sem::Clock { h, m, day });
        }
        (end, Sem::Clock { h, m, day: None })
    }
}

#[cfg(test)]
#[test]
fn clock() {
    rows::<Clock>(&[
        (
            "The blast happened at 3 p.m. near the station.",
            "3 p.m.",
            "2025-11-20T15:00",
        ),
        ("The polls close at 8 pm.", "8 pm", "2025-11-20T20:00"),
        (
            "The train left at 10:35 a.m.",
            "10:35 a.m.",
            "2025-11-20T10:35",
        ),
        (
            "The shooting happened at 21:40 in the centre.",
            "21:40",
            "2025-11-20T21:40",
        ),
        ("The leaders met at noon.", "noon", "2025-11-20T12:00"),
        (
            "The match kicks off at 1400 GMT.",
            "1400 GMT",
            "2025-11-20T14:00",
        ),
        (
            "Markets in Tokyo open at 6am local time.",
            "6am local time",
            "2025-11-20T06:00",
        ),
        (
            "The shops stay open until 9 in the evening.",
            "9 in the evening",
            "2025-11-20T21:00",
        ),
        (
            "The deadline will expire at 5 p.m. EST Friday.",
            "5 p.m. EST Friday",
            "2025-11-21T17:00",
        ),
        (
            "The lorry left the road at 4.15am on 2 February.",
            "4.15am on 2 February",
            "2025-02-02T04:15",
        ),
        (
            "The special will air at 7.40pm on Christmas Day.",
            "7.40pm on Christmas Day",
            "2025-12-25T19:40",
        ),
        ("She won in 2:17:18 in Berlin.", "17:18", ""),
        ("Police arrested 4 in the morning.", "4 in the morning", ""),
        ("The index rose 4.15 points.", "4.15", ""),
        ("It was high noon for the party.", "noon", ""),
        ("The town had 1400 homes.", "1400", ""),
    ]);
}

/// "late afternoon", "by mid-afternoon", "the early morning": a part of the day the text is on.
/// The modifier before it is read by `parse_at`; alone, "morning" is too often a noun, and
/// before a noun ("early morning raids") it modifies the noun.
pub struct PartOfDay;

impl Rule for PartOfDay {
    const START: Start = Start {
        kinds: Word::POD,
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        let pod = p.lx(i).part_of_day().filter(|v| !v.starts_with('T'))?;
        let prev = if p.punct(i.wrapping_sub(1), '-') && p.glued(i) {
            i.checked_sub(2)
        } else {
            i.checked_sub(1)
        }
        .map(|k| p.w(k))?;
        // "late evening," and "the late afternoon." stand alone.
        if !matches!(prev, "early" | "late" | "mid")
            || p.toks.get(i + 1).is_some_and(|t| {
                t.kind == Kind::Word && !matches!(t.norm, "and" | "on" | "when" | "as")
            })
        {
            return None;
        }
        Some((
            i + 1,
            Sem::DayRel {
                n: 0,
                pod: Some(pod.to_string()),
                anchor: Anchor::Text,
            },
        ))
    }
}

#[cfg(test)]
#[test]
fn part_of_day() {
    rows::<PartOfDay>(&[
        (
            "By mid afternoon, officials said the raid was over.",
            "mid afternoon",
            "2025-11-20TAF",
        ),
        (
            "The rebels attacked on Monday and withdrew in the late afternoon.",
            "the late afternoon",
            "2025-11-17TAF",
        ),
        (
            "Shelling resumed by mid-afternoon.",
            "mid-afternoon",
            "2025-11-20TAF",
        ),
        ("Early morning raids were reported.", "Early morning", ""),
        ("He works in the morning.", "morning", ""),
    ]);
}
