//! Grammar rules for days, references, sets, holidays and the odd phrases of business news (the
//! calendar ones are in `dates`, clock times in `clock`, counts in `counts`, determined
//! ones in `relative`).

use super::dates::{DayLed, MonthLed};
use super::{Core, Parser, Rule, Start, duration};
use crate::extract::temporal::lexicon::{List, Unit, Word};
use crate::extract::temporal::sem::{Anchor, Sem, YearRef};
use crate::extract::temporal::tokens::Kind;

impl Parser<'_> {
    /// "today", "yesterday morning", "tonight", "tomorrow".
    pub fn core_deictic(&self, i: usize) -> Core {
        // "the people of tomorrow": the future in general.
        if i > 0 && self.w(i - 1) == "of" && self.w(i) != "yesterday" {
            return None;
        }
        // "USA Today", "Radio 4's Today programme": in running text a capital "Today" after a word
        // is a title, not a day (but a title-case headline, "Talks Resume Today", is a day).
        if self.w(i) == "today"
            && self.title_case_word(i)
            && self.toks[i - 1].kind == Kind::Word
            && !(i >= 2 && self.capitalised(i - 1) && self.capitalised(i - 2))
        {
            return None;
        }
        // "today's youth", "in today's world": nowadays, not the publication day.
        if self.w(i) == "today"
            && self.punct(i + 1, '\'')
            && self.w(i + 2) == "s"
            && self.on(i + 3, List::GenericPresent)
        {
            return Some((i + 1, Sem::Ref("PRESENT_REF")));
        }
        // "slammed into the coast overnight" (the night before; see `tag_lowered`), not "an
        // overnight stay" or "overnight trading".
        if self.w(i) == "overnight"
            && ((i > 0 && matches!(self.w(i - 1), "a" | "an" | "the"))
                || self.toks.get(i + 1).is_some_and(|t| {
                    t.kind == Kind::Word
                        && !matches!(
                            t.norm,
                            "as" | "and" | "in" | "on" | "into" | "after" | "before"
                        )
                }))
        {
            return None;
        }
        let (n, mut pod) = match self.w(i) {
            "today" => (0, None),
            "tonight" | "overnight" => (0, Some("NI".to_string())),
            "yesterday" => (-1, None),
            "tomorrow" => (1, None),
            _ => return None,
        };
        let mut end = i + 1;
        if pod.is_none()
            && let Some(p) = self.lx(end).part_of_day()
            && !p.starts_with('T')
        {
            pod = Some(p.to_string());
            end += 1;
        }
        Some((
            end,
            Sem::DayRel {
                n,
                pod,
                anchor: Anchor::Reference,
            },
        ))
    }

    /// "Friday", "Tuesday morning", "Tuesdays" (a set).
    pub fn core_weekday(&self, i: usize) -> Core {
        let w = self.w(i);
        if !self.capitalised(i) {
            return None;
        }
        if let Some(wd) = w
            .strip_suffix('s')
            .and_then(|s| self.lex.weekday(s))
            .filter(|_| w.len() > 5)
        {
            return Some((i + 1, Sem::Set(format!("XXXX-WXX-{wd}"))));
        }
        let wd = self.lx(i).weekday()?;
        if w.len() <= 4 && !(self.punct(i + 1, '.') && self.glued(i + 1)) {
            return None;
        }
        let abbrev = w.len() <= 4;
        let mut end = if abbrev && self.punct(i + 1, '.') && self.glued(i + 1) {
            i + 2
        } else {
            i + 1
        };
        // "Monday, Oct. 26": the date says which Monday.
        let k = if self.punct(end, ',') { end + 1 } else { end };
        if let Some((e, sem @ Sem::Day { .. })) = MonthLed::day(self, k) {
            return Some((e, sem));
        }
        // "Saturday, 26 February" (day first, as British news writes it).
        if let Some((e, sem @ Sem::Day { .. })) = DayLed::parse(self, k) {
            return Some((e, sem));
        }
        // "owned by Sun.", "Tears of the Sun.": without a date after it, an abbreviation is a day
        // only where a day is expected ("on Sat.", "until Wed."; not "by", as companies go "by Sun.").
        if abbrev
            && !(i > 0
                && matches!(
                    self.w(i - 1),
                    "on" | "until" | "till" | "since" | "next" | "last" | "this" | "through"
                ))
        {
            return None;
        }
        // "business with Wednesday, who are fourth": a team (Sheffield Wednesday).
        // ("arrested on Friday, who cannot be named" keeps its Friday.)
        if self.punct(end, ',') && self.w(end + 1) == "who" && !(i > 0 && self.time_lead(i - 1)) {
            return None;
        }
        // "The Sunday Times", "the Good Friday Agreement": a title.
        if i > 0
            && (self.w(i - 1) == "the" || (self.title_case_word(i - 1) && !self.time_lead(i - 1)))
            && self.name_follows(end)
            && self.lx(end).part_of_day().is_none()
        {
            return None;
        }
        let mut pod = None;
        if let Some(p) = self.lx(end).part_of_day().filter(|p| !p.starts_with('T')) {
            // "Saturday Night Takeaway", "Monday Night Football": a title.
            if self.capitalised(end)
                && self.capitalised(end + 1)
                && self.toks.get(end + 1).is_some_and(|t| t.kind == Kind::Word)
            {
                return None;
            }
            pod = Some(p.to_string());
            end += 1;
        } else if let Some(p) = self
            .w(end)
            .strip_suffix('s')
            .and_then(|w| self.lex.part_of_day(w))
        {
            // "Tuesday nights": every Tuesday night.
            return Some((end + 1, Sem::Set(format!("XXXX-WXX-{wd}T{p}"))));
        }
        Some((end, Sem::Weekday { wd, dir: 0, pod }))
    }

    /// "now", "currently", "recently", "the past", "the future", "recent years", "at present".
    pub fn core_ref(&self, i: usize) -> Core {
        let w = self.w(i);
        let prev = i.checked_sub(1).map_or("", |p| self.w(p));
        match w {
            "past" if prev == "the" && !self.next_is_timeish(i + 1) => {
                return Some((i + 1, Sem::Ref("PAST_REF")));
            }
            "present" if matches!(prev, "the" | "at") && prev != "the" => {
                return Some((i + 1, Sem::Ref("PRESENT_REF")));
            }
            "near" | "foreseeable" | "distant" | "immediate" if self.w(i + 1) == "future" => {
                return Some((i + 2, Sem::Ref("FUTURE_REF")));
            }
            // "in the near term", "over the long term" (not "the short term rate").
            "near" | "short" | "long"
                if prev == "the"
                    && self.w(i + 1) == "term"
                    && (self.toks.get(i + 2).is_none_or(|t| t.kind != Kind::Word)
                        || matches!(
                            self.w(i + 2),
                            "and" | "or" | "but" | "as" | "is" | "will"
                        )) =>
            {
                return Some((i + 2, Sem::Ref("FUTURE_REF")));
            }
            // "in future years", "future quarters": ahead, as "in the future".
            "future"
                if self.w(i + 1).ends_with('s')
                    && matches!(
                        self.lx(i + 1).unit(),
                        Some(Unit::Year | Unit::Quarter | Unit::Month | Unit::Week)
                    ) =>
            {
                return Some((i + 2, Sem::Ref("FUTURE_REF")));
            }
            "these" if self.w(i + 1) == "days" => return Some((i + 2, Sem::Ref("PRESENT_REF"))),
            _ => {}
        }
        let r = self.lx(i).reference()?;
        if w == "recent" {
            if let Some(u) = self
                .lx(i + 1)
                .unit()
                .filter(|_| self.w(i + 1).ends_with('s'))
            {
                // TimeBank reads "recent months" as a span of unknown length, "recent years"
                // and "recent weeks" as the past.
                if u == Unit::Month {
                    return Some((i + 2, duration(None, u)));
                }
                return Some((i + 2, Sem::Ref("PAST_REF")));
            }
            // "recent visit": TimeBank leaves an adjective on an event noun untagged.
            return None;
        }
        if w == "future" && prev != "the" && !matches!(self.w(i + 1), "." | "," | ";") {
            return None;
        }
        // "the future of the region" is a fate, not a time.
        if w == "future" && self.w(i + 1) == "of" {
            return None;
        }
        // "Now, he says, ..." opens an argument rather than dating it.
        if w == "now" && self.capitalised(i) && self.punct(i + 1, ',') {
            return None;
        }
        Some((i + 1, Sem::Ref(r)))
    }

    fn next_is_timeish(&self, i: usize) -> bool {
        let l = self.lx(i);
        l.unit().is_some()
            || self.count_at(i).is_some()
            || l.weekday().is_some()
            || l.month().is_some()
            || l.season().is_some()
    }

    /// "every week", "each Tuesday", "per year", "daily", "annually".
    pub fn core_set(&self, i: usize) -> Core {
        let w = self.w(i);
        if let Some(v) = self.lx(i).set() {
            // "average daily volume" is a measure, not a recurring time; "the Daily Nation" a title.
            if i > 0 && (self.w(i - 1) == "average" || self.title_case_word(i)) {
                return None;
            }
            return Some((i + 1, Sem::Set(v.to_string())));
        }
        // "per second" is a rate, not a recurring time.
        if !matches!(w, "every" | "each") {
            return None;
        }
        let mut j = i + 1;
        let mut n = Some(1.0);
        if w == "every" && self.w(j) == "other" {
            n = Some(2.0);
            j += 1;
        } else if let Some((k, c)) = self.count_at(j).filter(|_| w == "every") {
            n = c;
            j = k;
        }
        if let Some(unit) = self.lx(j).unit() {
            // "every weekend": each weekend, as "every Tuesday" is each Tuesday.
            if unit == Unit::Weekend && n.is_none_or(|n| n == 1.0) {
                return Some((j + 1, Sem::Set("XXXX-WXX-WE".into())));
            }
            return Some((
                j + 1,
                Sem::Set(crate::extract::temporal::sem::duration_value(n, unit)),
            ));
        }
        if let Some(wd) = self.lx(j).weekday().filter(|_| self.capitalised(j)) {
            let mut end = j + 1;
            let mut v = format!("XXXX-WXX-{wd}");
            if let Some(p) = self.lx(end).part_of_day().filter(|p| !p.starts_with('T')) {
                v.push('T');
                v.push_str(p);
                end += 1;
            }
            return Some((end, Sem::Set(v)));
        }
        if let Some(m) = self.lx(j).month().filter(|_| self.capitalised(j)) {
            return Some((j + 1, Sem::Set(format!("XXXX-{m:02}"))));
        }
        if let Some(p) = self.lx(j).part_of_day().filter(|p| !p.starts_with('T')) {
            return Some((j + 1, Sem::Set(format!("TXX{p}").replace("TXX", "T"))));
        }
        None
    }

    /// "Thanksgiving Day", "Christmas 2024", "last Thanksgiving" (via `core_det`), "Easter week".
    pub fn core_holiday(&self, i: usize) -> Core {
        if !self.entry(i).is_some_and(|e| e.holiday_start) || !self.capitalised(i) {
            return None;
        }
        let start = self.toks.get(i)?.start;
        let mut found = None;
        for k in i..(i + 6).min(self.toks.len()) {
            let name = self.text[start..self.toks[k].end]
                .to_lowercase()
                .replace('’', "'");
            if let Some(h) = self.lex.holiday(&name) {
                found = Some((k + 1, h));
            }
        }
        let (end, h) = found?;
        // "the Good Friday Agreement", "the Easter Rising": a name built on the holiday.
        if self.name_follows(end) {
            return None;
        }
        if self.w(end) == "week" {
            let day = Sem::Holiday {
                h,
                y: YearRef::Near,
            };
            return Some((end + 1, Sem::WeekOf(Box::new(day))));
        }
        if let Some((e, y)) = self.year_tail(end) {
            return Some((
                e,
                Sem::Holiday {
                    h,
                    y: YearRef::Abs(y),
                },
            ));
        }
        Some((
            end,
            Sem::Holiday {
                h,
                y: YearRef::Near,
            },
        ))
    }
}

/// "Thanksgiving Day", "Christmas 2024", "Easter week".
pub struct Holiday;

impl Rule for Holiday {
    const START: Start = Start {
        holiday: true,
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        p.core_holiday(i)
    }
}

/// "today", "yesterday morning", "tonight", "tomorrow", "overnight".
pub struct Deictic;

impl Rule for Deictic {
    const START: Start = Start {
        words: &["today", "tonight", "yesterday", "tomorrow", "overnight"],
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        p.core_deictic(i)
    }
}

/// "Friday", "Tuesday morning", "Monday, Oct. 27", "Tuesdays".
pub struct Weekday;

impl Rule for Weekday {
    const START: Start = Start {
        kinds: Word::WEEKDAY,
        plural_kinds: Word::WEEKDAY,
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        p.core_weekday(i)
    }
}

/// "now", "recently", "the past", "the near future", "recent years", "at present".
pub struct Ref;

impl Rule for Ref {
    const START: Start = Start {
        kinds: Word::REF,
        words: &[
            "past",
            "present",
            "near",
            "short",
            "long",
            "foreseeable",
            "distant",
            "immediate",
            "these",
        ],
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        p.core_ref(i)
    }
}

/// "every week", "each Tuesday", "daily", "annually".
pub struct Every;

impl Rule for Every {
    const START: Start = Start {
        kinds: Word::SET,
        words: &["every", "each"],
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        p.core_set(i)
    }
}

#[cfg(test)]
#[test]
fn deictic() {
    super::testing::rows::<Deictic>(&[
        ("The talks resume today.", "today", "2025-11-20"),
        (
            "He left yesterday morning.",
            "yesterday morning",
            "2025-11-19TMO",
        ),
        (
            "Storms will hit the coast tonight.",
            "tonight",
            "2025-11-20TNI",
        ),
        (
            "The storm slammed into the coast overnight.",
            "overnight",
            "2025-11-19TNI",
        ),
        ("The ruling is due tomorrow.", "tomorrow", "2025-11-21"),
        ("In today's world, prices rise.", "today", "PRESENT_REF"),
        ("It was reported by USA Today.", "Today", ""),
        ("They booked an overnight stay.", "overnight", ""),
        ("The people of tomorrow will judge.", "tomorrow", ""),
    ]);
}
