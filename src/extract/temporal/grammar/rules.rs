//! Grammar rules for days, references, sets, holidays and the odd phrases of business news (the
//! calendar ones are in `dates`, clock times in `clock`, counts in `counts`, determined
//! ones in `relative`).

use super::{Core, Parser, Rule, Start};
use crate::extract::temporal::lexicon::{Unit, Word};
use crate::extract::temporal::sem::{Sem, YearRef};

impl Parser<'_> {
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
