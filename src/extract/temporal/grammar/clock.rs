//! Clock times and parts of the day: "3 p.m.", "9am on Friday", "4.15am", "10:35 a.m. EDT
//! Thursday", "noon", "late afternoon".

use super::dates::{DayLed, MonthLed};
use super::{Core, Parser, Rule, Start};
use crate::extract::temporal::lexicon::Word;
use crate::extract::temporal::sem::{Anchor, Sem};
use crate::extract::temporal::tokens::Kind;

impl Parser<'_> {
    /// "late afternoon", "by mid-afternoon", "early morning": a part of the day the text is on
    /// (the modifier before it is read by `parse_at`; alone, "morning" is too often a noun).
    pub fn core_pod(&self, i: usize) -> Core {
        let p = self.lx(i).part_of_day().filter(|p| !p.starts_with('T'))?;
        let prev = if self.punct(i.wrapping_sub(1), '-') && self.glued(i) {
            i.checked_sub(2)
        } else {
            i.checked_sub(1)
        }
        .map(|k| self.w(k))?;
        // "early morning raids" is a modifier of a noun; "late evening," and "the late afternoon."
        // stand alone.
        if !matches!(prev, "early" | "late" | "mid")
            || self.toks.get(i + 1).is_some_and(|t| {
                t.kind == Kind::Word && !matches!(t.norm, "and" | "on" | "when" | "as")
            })
        {
            return None;
        }
        Some((
            i + 1,
            Sem::DayRel {
                n: 0,
                pod: Some(p.to_string()),
                anchor: Anchor::Text,
            },
        ))
    }

    /// "3 p.m.", "10:35 a.m. EDT Thursday", "15:30", "noon".
    pub fn core_clock(&self, i: usize) -> Core {
        // "High Noon" is a film; "high noon" an idiom.
        let title = i > 0 && (self.w(i - 1) == "high" || self.title_case_word(i));
        let (mut end, h, m) = if let Some(p) = self
            .lx(i)
            .part_of_day()
            .filter(|p| p.starts_with('T') && !title)
        {
            let h: u32 = p[1..3].parse().ok()?;
            (i + 1, h, 0)
        } else {
            let t = self
                .toks
                .get(i)
                .filter(|t| t.kind == Kind::Num && !t.ordinal && !t.plural)?;
            // "4.15am", "11.30 pm": British clocks with a full stop.
            if t.num.is_none()
                && let Some((hh, mm)) = self.text[t.start..t.end].split_once('.')
                && (1..=2).contains(&hh.len())
                && mm.len() == 2
                && let (Ok(h), Ok(m)) = (hh.parse::<u32>(), mm.parse::<u32>())
                && let Some((after, Some(pm))) = self.am_pm(i + 1, i)
                && (1..=12).contains(&h)
                && m < 60
            {
                let h = match (pm, h) {
                    (true, 1..=11) => h + 12,
                    (false, 12) => 0,
                    _ => h,
                };
                (after, h, m)
            } else {
                let h = t.num?;
                // "1400 GMT": a four-digit clock only counts with a time zone after it.
                if self.toks.get(i).is_some_and(|t| t.digits == 4) {
                    let (hh, mm) = (h / 100, h % 100);
                    if !is_zone(self.w(i + 1)) || hh > 23 || mm > 59 {
                        return None;
                    }
                    return Some((
                        i + 2,
                        Sem::Clock {
                            h: hh,
                            m: mm,
                            day: None,
                        },
                    ));
                }
                // The "17:18" of "2:17:18" is no clock either.
                if i > 0 && self.punct(i - 1, ':') && self.glued(i) {
                    return None;
                }
                let (mut k, mut m, mut colon) = (i + 1, 0, false);
                if self.punct(k, ':') && self.glued(k) && self.glued(k + 1) {
                    let t = self.toks.get(k + 1)?;
                    if t.kind != Kind::Num || t.digits != 2 {
                        return None;
                    }
                    m = t.num?;
                    k += 2;
                    colon = true;
                    // "a record of 2:17:18": a race time, not a clock.
                    if self.punct(k, ':') && self.glued(k) {
                        return None;
                    }
                }
                let (after, pm) = self.am_pm(k, i)?;
                let h = match pm {
                    Some(true) if (1..=11).contains(&h) => h + 12,
                    Some(false) if h == 12 => 0,
                    Some(_) if h <= 12 => h,
                    None if colon && h <= 23 && m < 60 => h,
                    _ => return None,
                };
                if m >= 60 {
                    return None;
                }
                (after, h, m)
            }
        };
        if is_zone(self.w(end)) {
            end += 1;
        } else if self.w(end + 1) == "time" && (self.w(end) == "local" || self.capitalised(end)) {
            // "6am local time", "6 a.m. Moscow time"
            end += 2;
        }
        // A day right after: "Thursday", "Nov. 9", "today".
        let k = if self.punct(end, ',') || self.w(end) == "on" {
            end + 1
        } else {
            end
        };
        let day = self
            .core_weekday(k)
            .or_else(|| MonthLed::day(self, k))
            .or_else(|| DayLed::parse(self, k))
            .or_else(|| self.core_deictic(k))
            .or_else(|| self.core_holiday(k));
        if let Some((e, sem)) = day
            && matches!(
                sem,
                Sem::Weekday { .. }
                    | Sem::Day { until: None, .. }
                    | Sem::DayRel { .. }
                    | Sem::Holiday { .. }
            )
        {
            return Some((
                e,
                Sem::Clock {
                    h,
                    m,
                    day: Some(Box::new(sem)),
                },
            ));
        }
        Some((end, Sem::Clock { h, m, day: None }))
    }

    /// "a.m." / "p.m." / "am" / "pm" / "o'clock" / nothing (`None` when no marker) at `k`, after
    /// the number at `lead`.
    fn am_pm(&self, k: usize, lead: usize) -> Option<(usize, Option<bool>)> {
        let w = self.w(k);
        if matches!(w, "am" | "pm") {
            return Some((k + 1, Some(w == "pm")));
        }
        if matches!(w, "a" | "p")
            && self.punct(k + 1, '.')
            && self.glued(k + 1)
            && self.w(k + 2) == "m"
            && self.glued(k + 2)
        {
            let end = if self.punct(k + 3, '.') && self.glued(k + 3) {
                k + 4
            } else {
                k + 3
            };
            return Some((end, Some(w == "p")));
        }
        // "at 4 in the morning", "until 9 in the evening": a clock only after a preposition of
        // time ("arrested 4 in the morning" counts people).
        if w == "in"
            && self.w(k + 1) == "the"
            && lead >= 1
            && matches!(
                self.w(lead - 1),
                "at" | "until" | "till" | "by" | "around" | "about" | "before" | "after" | "from"
            )
            && self.toks.get(k + 3).is_none_or(|t| t.kind != Kind::Word)
        {
            match self.w(k + 2) {
                "morning" => return Some((k + 3, Some(false))),
                "afternoon" | "evening" => return Some((k + 3, Some(true))),
                _ => {}
            }
        }
        if w == "o" && self.punct(k + 1, '\'') && self.w(k + 2) == "clock" {
            return Some((k + 3, None));
        }
        Some((k, None))
    }
}

fn is_zone(w: &str) -> bool {
    matches!(
        w,
        "edt"
            | "est"
            | "et"
            | "gmt"
            | "utc"
            | "cet"
            | "cest"
            | "pdt"
            | "pst"
            | "pt"
            | "cdt"
            | "cst"
            | "mdt"
            | "mst"
            | "bst"
    )
}

/// "3 p.m.", "10:35 a.m. EDT Thursday", "15:30", "noon".
pub struct Clock;

impl Rule for Clock {
    const START: Start = Start {
        number: true,
        kinds: Word::POD,
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        p.core_clock(i)
    }
}

/// "late afternoon", "by mid-afternoon", "early morning".
pub struct PartOfDay;

impl Rule for PartOfDay {
    const START: Start = Start {
        kinds: Word::POD,
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        p.core_pod(i)
    }
}
