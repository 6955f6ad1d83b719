//! Grammar rules for calendar dates: ISO and numeric dates, dates led by a month or a day, years,
//! decades and centuries (the shared token helpers and `parse_at` are in `grammar`).

use super::{Core, Parser, Rule, Start};
use crate::extract::temporal::lexicon::{Unit, Word};
use crate::extract::temporal::sem::{Sem, YearRef};
use crate::extract::temporal::tokens::Kind;

impl Parser<'_> {
    /// "2025-11-05" and "11/05/2025".
    pub fn core_iso(&self, i: usize) -> Core {
        let t = self.toks.get(i)?;
        let glued3 =
            self.glued(i + 1) && self.glued(i + 2) && self.glued(i + 3) && self.glued(i + 4);
        if !glued3 || t.kind != Kind::Num {
            return None;
        }
        let (a, b, c) = (self.num(i)?, self.num(i + 2)?, self.num(i + 4)?);
        if self.punct(i + 1, '-') && self.punct(i + 3, '-') && t.digits == 4 {
            let ok = (1..=12).contains(&b) && (1..=31).contains(&c);
            return ok.then_some((
                i + 5,
                Sem::Day {
                    y: Some(a as i32),
                    m: b,
                    d: c,
                    until: None,
                },
            ));
        }
        if self.punct(i + 1, '/') && self.punct(i + 3, '/') {
            let y = match self.toks[i + 4].digits {
                4 => c as i32,
                2 if c >= 30 => 1900 + c as i32,
                2 => 2000 + c as i32,
                _ => return None,
            };
            let ok = (1..=12).contains(&a) && (1..=31).contains(&b);
            return ok.then_some((
                i + 5,
                Sem::Day {
                    y: Some(y),
                    m: a,
                    d: b,
                    until: None,
                },
            ));
        }
        None
    }

    /// "November 21", "Nov. 21–22", "November 21, 2025", "November 2025", "November".
    pub fn core_month_led(&self, i: usize) -> Core {
        let (j, m) = self.month_at(i)?;
        if let Some(d) = self.day_at(j)
            && !(self.punct(j + 1, ':') && self.glued(j + 1) && self.glued(j + 2))
        {
            let mut end = j + 1;
            let mut until = None;
            // Range: "21–22", "21-22", "21 to 22", "21 through 22", "21 and 22" (after "between").
            let sep = self.w(end);
            if matches!(sep, "-" | "to" | "through" | "and" | "until" | "till") {
                let k = end + 1;
                let (k, m2) = match self.month_at(k) {
                    Some((k2, m2)) => (k2, m2),
                    None => (k, m),
                };
                if let Some(d2) = self.day_at(k)
                    && (m2 != m || d2 > d)
                    && (sep != "and" || (i > 0 && self.w(i - 1) == "between"))
                {
                    until = Some((m2, d2, None));
                    end = k + 1;
                }
            }
            let mut y = None;
            if let Some((e, yy)) = self.year_tail(end) {
                y = Some(yy);
                end = e;
                if let Some((m2, d2, _)) = until {
                    until = Some((m2, d2, Some(yy)));
                }
            }
            return Some((end, Sem::Day { y, m, d, until }));
        }
        let k = if self.w(j) == "of" || self.punct(j, ',') {
            j + 1
        } else {
            j
        };
        if let Some((e, y)) = self.year_at(k).or_else(|| self.spelled_year(k)) {
            return Some((
                e,
                Sem::Month {
                    y: YearRef::Abs(y),
                    m,
                },
            ));
        }
        // "between March and May 2013", "from May to August 2021": the first month takes the
        // year written after the second (the one before it when the months wrap).
        if matches!(self.w(j), "and" | "to" | "-" | "through" | "until" | "till")
            && let Some((k2, m2)) = self.month_at(j + 1)
            && let Some((_, y)) = self.year_at(k2).or_else(|| self.spelled_year(k2))
        {
            let y = if m2 < m { y - 1 } else { y };
            return Some((
                j,
                Sem::Month {
                    y: YearRef::Abs(y),
                    m,
                },
            ));
        }
        if self.w(j + 1) == "year" {
            let dir = match self.w(j) {
                "this" => Some(0),
                "last" => Some(-1),
                "next" => Some(1),
                _ => None,
            };
            if let Some(d) = dir {
                return Some((
                    j + 2,
                    Sem::Month {
                        y: YearRef::Year(d),
                        m,
                    },
                ));
            }
        }
        // A bare month name: "May" and "March" open sentences as verbs too often to trust alone.
        let w = self.w(i);
        let starts = i == 0 || self.toks[i].newline_before || self.w(i - 1) == ".";
        if matches!(w, "may" | "march") && starts {
            return None;
        }
        // "the annual March for Life": a named event.
        if i > 0
            && (self.w(i - 1) == "annual"
                || (matches!(self.w(i - 1), "the" | "a")
                    && matches!(self.w(j), "for" | "of" | "on")))
        {
            return None;
        }
        if w == "may" && i > 0 && self.capitalised(i - 1) && !starts {
            // "Theresa May" is a person.
            return None;
        }
        // "Councillor June Whitfield", "April Jones said": a given name before a surname.
        // (Not "In mid-June Parliament will vote": a name follows a word.)
        if matches!(w, "may" | "june" | "april" | "august")
            && !starts
            && self.toks[i - 1].kind == Kind::Word
            && !self.time_lead(i - 1)
            && self.name_follows(j)
        {
            return None;
        }
        // "...," May wrote": a person speaking.
        if w == "may"
            && matches!(
                self.w(j),
                "said" | "says" | "told" | "wrote" | "writes" | "added" | "insisted"
            )
        {
            return None;
        }
        Some((
            j,
            Sem::Month {
                y: YearRef::Near,
                m,
            },
        ))
    }

    /// "21 November", "21st of November 2025", "21–22 November".
    pub fn core_day_led(&self, i: usize) -> Core {
        let d = self.day_at(i)?;
        let mut j = i + 1;
        let mut until = None;
        if matches!(self.w(j), "-" | "to" | "and")
            && let Some(d2) = self.day_at(j + 1)
            && d2 > d
        {
            until = Some(d2);
            j += 2;
        }
        if self.w(j) == "of" {
            j += 1;
        }
        let (mut end, m) = self.month_at(j)?;
        let mut y = None;
        if let Some((e, yy)) = self.year_tail(end) {
            y = Some(yy);
            end = e;
        }
        let mut until = until.map(|d2| (m, d2, y));
        // "8 June to 3 September": one span across months. A year written only after the second
        // date is the first's too (one less when the months wrap); with none, `resolve` wraps.
        if until.is_none()
            && matches!(self.w(end), "-" | "to" | "until" | "through" | "till")
            && let Some(d2) = self.day_at(end + 1)
            && let Some((mut e2, m2)) = self.month_at(end + 2)
            && (m2 != m || d2 > d)
        {
            let mut y2 = None;
            if let Some((e, yy)) = self.year_tail(e2) {
                y2 = Some(yy);
                y = y.or(Some(yy - i32::from(m2 < m)));
                e2 = e;
            }
            until = Some((m2, d2, y2));
            end = e2;
        }
        Some((end, Sem::Day { y, m, d, until }))
    }

    /// "2025", "fiscal 1989", "1989's third quarter" is left to the year and "quarter" rules.
    pub fn core_year(&self, i: usize) -> Core {
        if self.w(i) == "fiscal" {
            let j = if self.w(i + 1) == "year" {
                i + 2
            } else {
                i + 1
            };
            let (e, y) = self.year_at(j)?;
            return Some((e, Sem::Year(y)));
        }
        // "the year 2004", "the year two thousand"
        if self.w(i) == "year"
            && let Some((e, y)) = self.spelled_year(i + 1).or_else(|| self.year_at(i + 1))
        {
            return Some((e, Sem::Year(y)));
        }
        if let Some((e, y)) = self.spelled_year(i) {
            return Some((e, Sem::Year(y)));
        }
        // "the 2023-24 season", "the 2016 season": a season of a sport, valued by its first year.
        if let Some((e, y)) = self.year_at(i) {
            let dash = self.punct(e, '-') && self.glued(e) && self.glued(e + 1);
            let e2 = match self.toks.get(e + 1) {
                // "2023-24", not "2023-99".
                Some(t) if dash && t.digits == 2 && t.num == Some(((y + 1) % 100) as u32) => e + 2,
                _ => e,
            };
            if self.w(e2) == "season" {
                return Some((e2 + 1, Sem::Year(y)));
            }
        }
        let (e, y) = self.standalone_year(i)?;
        // "1988 second quarter"
        if let Some((e2, p)) = self.quarter_or_half(e) {
            return Some((e2, super::part(YearRef::Abs(y), p)));
        }
        // "the 1988 quarter", "the 1989 period": the quarter the text is about, in that year.
        if i > 0 && self.w(i - 1) == "the" && matches!(self.w(e), "quarter" | "period") {
            return Some((e + 1, Sem::QuarterIn(y)));
        }
        Some((e, Sem::Year(y)))
    }

    /// "the 1990s", "the '90s", "the nineties", "the 20th century".
    pub fn core_decade(&self, i: usize) -> Core {
        let t = self.toks.get(i)?;
        if t.kind == Kind::Num && t.plural {
            let n = self.text[t.start..t.end]
                .trim_end_matches(['s', 'S'])
                .parse::<i32>()
                .ok()?;
            return match t.end - t.start {
                // "the 1900s", "the 1800s": the century, as it is mostly meant.
                5 if n % 100 == 0 => Some((i + 1, Sem::Century(n / 100))),
                5 if n % 10 == 0 => Some((i + 1, Sem::Decade(n / 10))),
                // "the 30s"; "in their 30s" is an age.
                3 if n % 10 == 0 && i > 0 && self.w(i - 1) == "the" => {
                    Some((i + 1, Sem::Decade(190 + n / 10)))
                }
                _ => None,
            };
        }
        if t.is_punct('\'') {
            let n = self.toks.get(i + 1)?;
            if n.kind == Kind::Num && n.plural && n.end - n.start == 3 && self.glued(i + 1) {
                let v = self.text[n.start..n.end - 1].parse::<i32>().ok()?;
                return (v % 10 == 0).then_some((i + 2, Sem::Decade(190 + v / 10)));
            }
        }
        if let Some(d) = self.lx(i).decade() {
            // "in his twenties" is an age.
            if i > 0
                && matches!(
                    self.w(i - 1),
                    "his" | "her" | "their" | "my" | "your" | "our"
                )
            {
                return None;
            }
            return Some((i + 1, Sem::Decade(190 + d)));
        }
        let n = if t.kind == Kind::Num && t.ordinal {
            t.num
        } else {
            self.lx(i).ordinal()
        }?;
        let k = if self.punct(i + 1, '-') { i + 2 } else { i + 1 };
        if self.lx(k).unit() == Some(Unit::Century) && self.w(k) == "century" {
            return (1..=21)
                .contains(&n)
                .then_some((k + 1, Sem::Century(n as i32 - 1)));
        }
        None
    }
}

/// "2025-11-05", "11/05/2025".
pub struct Iso;

impl Rule for Iso {
    const START: Start = Start {
        number: true,
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        p.core_iso(i)
    }
}

/// "November 21", "Nov. 21–22, 2025", "November 2025", "November".
pub struct MonthLed;

impl Rule for MonthLed {
    const START: Start = Start {
        kinds: Word::MONTH,
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        p.core_month_led(i)
    }
}

/// "21 November", "21st of November 2025", "8 June to 3 September".
pub struct DayLed;

impl Rule for DayLed {
    const START: Start = Start {
        number: true,
        kinds: Word::ORDINAL,
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        p.core_day_led(i)
    }
}

/// "2025", "fiscal 1989", "the year two thousand", "the 2023-24 season".
pub struct Year;

impl Rule for Year {
    const START: Start = Start {
        number: true,
        words: &["fiscal", "year", "two", "nineteen", "eighteen"],
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        p.core_year(i)
    }
}

/// "the 1990s", "the '90s", "the nineties", "the 20th century".
pub struct Decade;

impl Rule for Decade {
    const START: Start = Start {
        number: true,
        punct: &['\''],
        kinds: Word::DECADE | Word::ORDINAL,
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        p.core_decade(i)
    }
}
