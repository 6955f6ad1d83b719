//! The grammar: finds where a time expression starts and ends in the token stream and what it means.
//!
//! Each `core_*` rule tries to read one kind of expression at a token index and returns the index
//! after it and its meaning; `parse_at` adds the leading "the" and modifiers ("early", "the end
//! of") and keeps the longest reading.

use super::lexicon::{Entry, Lexicon, Unit, Words};
use super::sem::{Anchor, Part, Sem, YearRef, duration_value};
use super::tokens::{Kind, Token};

/// A recognised expression: tokens `start..end`, its meaning and a modifier (-1 early, 0 mid, 1 late).
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub sem: Sem,
    pub modifier: Option<i32>,
}

pub struct Parser<'a> {
    pub toks: &'a [Token<'a>],
    pub lex: &'a Lexicon,
    /// Each token's lexicon entry (words only), looked up once.
    pub ents: &'a [Option<&'a Entry>],
    pub text: &'a str,
    /// The publication year, when known: a bare number far beyond it is rarely a year.
    pub ref_year: Option<i32>,
}

type Core = Option<(usize, Sem)>;

impl Parser<'_> {
    pub(super) fn w(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &t.norm)
    }

    /// Token `i`'s lexicon entry; `None` past the end.
    pub(super) fn entry(&self, i: usize) -> Option<&Entry> {
        self.ents.get(i).copied().flatten()
    }

    /// Token `i`'s readings in the lexicon (none past the end).
    pub(super) fn lx(&self, i: usize) -> Words<'_> {
        Words(self.entry(i).map_or(&[], |e| e.words.as_slice()))
    }

    /// Token `i` follows `i - 1` with no space ("mid-" "1990s", "p" "." "m").
    fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    fn punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct(c))
    }

    /// A plain number token (no ordinal suffix, no plural).
    fn num(&self, i: usize) -> Option<u32> {
        let t = self.toks.get(i)?;
        (t.kind == Kind::Num && !t.ordinal && !t.plural)
            .then_some(t.num)
            .flatten()
    }

    fn capitalised(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .and_then(|t| self.text[t.start..].chars().next())
            .is_some_and(char::is_uppercase)
    }

    /// Skips a "." glued to an abbreviation ("Nov.").
    fn skip_dot(&self, i: usize) -> usize {
        if self.punct(i, '.') && self.glued(i) {
            i + 1
        } else {
            i
        }
    }

    /// A month name at `i`; abbreviations must carry their dot or be followed by a number.
    fn month_at(&self, i: usize) -> Option<(usize, u32)> {
        let w = self.w(i);
        let m = self.lx(i).month()?;
        if !self.capitalised(i) {
            return None;
        }
        let full = w.len() > 4 || matches!(w, "may" | "june" | "july");
        let after = if full { i + 1 } else { self.skip_dot(i + 1) };
        if !full && after == i + 1 && self.num(i + 1).is_none() {
            return None;
        }
        Some((after, m))
    }

    /// A day of the month: "5", "5th", "21st" (and after a month name "eighth").
    fn day_at(&self, i: usize) -> Option<u32> {
        let t = self.toks.get(i)?;
        if t.kind == Kind::Word {
            let prev_month = i > 0 && self.lx(i - 1).month().is_some();
            return self.lx(i).ordinal().filter(|_| prev_month);
        }
        if t.kind != Kind::Num || t.plural || t.digits > 2 {
            return None;
        }
        t.num.filter(|d| (1..=31).contains(d))
    }

    /// A four-digit year, or an apostrophe year ("'98").
    fn year_at(&self, i: usize) -> Option<(usize, i32)> {
        if let Some(n) = self.num(i)
            && self.toks[i].digits == 4
            && (1000..=2199).contains(&n)
        {
            return Some((i + 1, n as i32));
        }
        None
    }

    /// A bare four-digit number that reads as a year in running text.
    fn standalone_year(&self, i: usize) -> Option<(usize, i32)> {
        let (end, y) = self.year_at(i)?;
        if !(1600..=2100).contains(&y) {
            return None;
        }
        let prev = i.checked_sub(1).map(|p| self.w(p)).unwrap_or("");
        if matches!(
            prev,
            "$" | "#" | "no" | "£" | "€" | "number" | "flight" | "route" | "highway"
        ) || (prev == "." && self.glued(i))
        {
            return None;
        }
        let next = self.w(end);
        if self.entry(end).is_some_and(|e| e.not_year_after) || next == "%" {
            return None;
        }
        if matches!(next, "-" | "/" | ":" | ".") && self.glued(end) && self.num(end + 1).is_some() {
            return None;
        }
        // "2048-bit", "1500-strong": a compound adjective of a quantity.
        if next == "-"
            && self.glued(end)
            && self.glued(end + 1)
            && self.toks.get(end + 1).is_some_and(|t| t.kind == Kind::Word)
        {
            return None;
        }
        // A number well past the publication year is a year only where a preposition or a time
        // word sets it up ("by 2050") or a name or a plan follows ("London's 2012 Olympic bid",
        // "a 2010 target"); "the film 2046" is a title.
        let named = self.toks.get(end).is_some_and(|t| t.kind == Kind::Word)
            && (self.capitalised(end)
                || matches!(
                    next,
                    "target" | "deadline" | "goal" | "election" | "elections" | "budget" | "plan"
                ));
        if let Some(r) = self.ref_year
            && y > r + 2
            && !named
            && !matches!(
                prev,
                "in" | "by"
                    | "until"
                    | "till"
                    | "before"
                    | "after"
                    | "from"
                    | "to"
                    | "through"
                    | "of"
                    | "since"
                    | "for"
                    | "around"
                    | "beyond"
                    | "and"
                    | "or"
                    | "between"
                    | "year"
                    | "fiscal"
                    | "early"
                    | "mid"
                    | "late"
                    | "-"
                    | "end"
                    | "than"
                    | "the"
                    | "due"
                    | "at"
                    | "on"
                    | "within"
                    | ","
                    | "as"
                    | "least"
                    | "come"
                    | "with"
            )
        {
            return None;
        }
        Some((end, y))
    }

    pub(super) fn year_tail_pub(&self, i: usize) -> Option<(usize, i32)> {
        self.year_tail(i)
    }

    fn year_tail(&self, i: usize) -> Option<(usize, i32)> {
        let j = if self.punct(i, ',') { i + 1 } else { i };
        self.year_at(j).or_else(|| self.spelled_year(j))
    }

    /// "nineteen ninety-six", "nineteen eighty four", "two thousand", "the year two thousand".
    pub(super) fn spelled_year(&self, i: usize) -> Option<(usize, i32)> {
        let w = self.w(i);
        if w == "two" && self.w(i + 1) == "thousand" {
            let mut end = i + 2;
            let mut y = 2000;
            let k = if self.w(end) == "and" { end + 1 } else { end };
            if let Some(Some(n)) = self
                .lx(k)
                .number()
                .filter(|_| !matches!(self.w(k), "a" | "an"))
                && (1.0..20.0).contains(&n)
            {
                y += n as i32;
                end = k + 1;
            }
            // "two thousand years" is a count.
            if self.lx(end).unit().is_some() {
                return None;
            }
            return Some((end, y));
        }
        let century = match w {
            "nineteen" => 19,
            "eighteen" => 18,
            _ => return None,
        };
        let tens = self.lx(i + 1).number()??;
        if !(10.0..100.0).contains(&tens) {
            return None;
        }
        let mut end = i + 2;
        let mut yy = tens as i32;
        let k = if self.punct(end, '-') { end + 1 } else { end };
        if tens >= 20.0
            && let Some(Some(u)) = self.lx(k).number()
            && (1.0..10.0).contains(&u)
            && !matches!(self.w(k), "a" | "an")
        {
            yy += u as i32;
            end = k + 1;
        }
        Some((end, century * 100 + yy))
    }

    pub fn parse_at(&self, i: usize) -> Option<Match> {
        let mut best: Option<Match> = None;
        fn consider(best: &mut Option<Match>, m: Match) {
            if best.as_ref().is_none_or(|b| m.end > b.end) {
                *best = Some(m);
            }
        }
        // "around Nov. 1", "around 7:15 p.m."
        if matches!(self.w(i), "around" | "nearly" | "almost")
            && let Some((end, sem)) = self.core(i + 1)
            && matches!(sem, Sem::Day { .. } | Sem::Clock { .. } | Sem::Shift { .. })
        {
            return Some(Match {
                start: i,
                end,
                sem,
                modifier: None,
            });
        }
        // the? modifier? the? core
        let the = self.w(i) == "the";
        let j = if the { i + 1 } else { i };
        let (k, modifier) = self.modifier(j).map_or((j, None), |(k, m)| (k, Some(m)));
        // TimeBank leaves "earlier"/"later" out of the span of "earlier this week" and "later this
        // month" (but keeps "earlier this month", "earlier this year" and "early this week"); the
        // bounds still narrow.
        let loose = self.w(k) == "this"
            && match self.w(j) {
                "earlier" => self.w(k + 1) == "week",
                "later" => matches!(self.w(k + 1), "week" | "month"),
                _ => false,
            };
        if modifier.is_some() {
            let k2 = if self.w(k) == "the" { k + 1 } else { k };
            for start in [k2, k] {
                if let Some((end, sem)) = self.core(start)
                    && !matches!(sem, Sem::Weekday { .. } | Sem::Clock { .. })
                {
                    // "the end of October": the article belongs to the modifier.
                    let phrase = self.w(k.saturating_sub(1)) == "of";
                    let lead = if the && (phrase || sem.takes_the() && !self.hyphenated(k, end)) {
                        i
                    } else {
                        j
                    };
                    consider(
                        &mut best,
                        Match {
                            start: lead,
                            end,
                            sem,
                            modifier,
                        },
                    );
                    break;
                }
            }
        }
        if let Some((end, sem)) = self.core(j) {
            let article = match sem {
                // "the past", "the future": not "the current".
                Sem::Ref(_) => matches!(
                    self.w(j),
                    "past"
                        | "future"
                        | "present"
                        | "near"
                        | "foreseeable"
                        | "distant"
                        | "immediate"
                        | "coming"
                        | "last"
                        | "next"
                ),
                _ => (sem.takes_the() || self.w(j) == "year") && !self.hyphenated(j, end),
            };
            let lead = if the && article { i } else { j };
            consider(
                &mut best,
                Match {
                    start: lead,
                    end,
                    sem,
                    modifier: None,
                },
            );
        }
        if loose && let Some(b) = best.as_mut().filter(|b| b.modifier.is_some()) {
            b.start = k;
        }
        if the && let Some((end, sem)) = self.core(i) {
            consider(
                &mut best,
                Match {
                    start: i,
                    end,
                    sem,
                    modifier: None,
                },
            );
        }
        best
    }

    /// A hyphenated adjective ("third-quarter", "two-year"): TimeBank leaves the article out.
    fn hyphenated(&self, start: usize, end: usize) -> bool {
        // The compound must end the expression: "the year-ago third quarter" keeps its article.
        end >= 2
            && (end.saturating_sub(3).max(start + 1)..end)
                .any(|k| self.punct(k, '-') && self.glued(k) && self.glued(k + 1))
            && self.toks.get(end).is_some_and(|t| t.kind == Kind::Word)
    }

    /// "early", "mid-", "late", "the end of" ...; returns the index after it and the third it picks.
    fn modifier(&self, i: usize) -> Option<(usize, i32)> {
        let w = self.w(i);
        // "earlier in the year", "late in the season"
        let after = if self.w(i + 1) == "in" && self.w(i + 2) == "the" {
            i + 2
        } else {
            i + 1
        };
        match w {
            "early" | "earlier" => return Some((after, -1)),
            "late" | "later" => return Some((after, 1)),
            "mid" if self.punct(i + 1, '-') => return Some((i + 2, 0)),
            "mid" => return Some((i + 1, 0)),
            _ => {}
        }
        if self.w(i + 1) == "of" {
            match w {
                "end" => return Some((i + 2, 1)),
                "beginning" | "start" => return Some((i + 2, -1)),
                "middle" => return Some((i + 2, 0)),
                _ => {}
            }
        }
        None
    }

    fn core(&self, i: usize) -> Core {
        let rules: [fn(&Self, usize) -> Core; 15] = [
            Self::core_holiday,
            Self::core_iso,
            Self::core_month_led,
            Self::core_day_led,
            Self::core_year,
            Self::core_decade,
            Self::core_det,
            Self::core_number,
            Self::core_ordinal,
            Self::core_deictic,
            Self::core_weekday,
            Self::core_clock,
            Self::core_ref,
            Self::core_set,
            Self::core_misc,
        ];
        let mut best: Core = None;
        for rule in rules {
            if let Some((end, sem)) = rule(self, i)
                && best.as_ref().is_none_or(|(e, _)| end > *e)
            {
                best = Some((end, sem));
            }
        }
        best
    }

    /// "2025-11-05" and "11/05/2025".
    fn core_iso(&self, i: usize) -> Core {
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
    pub(super) fn core_month_led_inner(&self, i: usize) -> Core {
        self.core_month_led(i)
    }

    fn core_month_led(&self, i: usize) -> Core {
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
        Some((
            j,
            Sem::Month {
                y: YearRef::Near,
                m,
            },
        ))
    }

    /// "21 November", "21st of November 2025", "21–22 November".
    pub(super) fn core_day_led(&self, i: usize) -> Core {
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
        let until = until.map(|d2| (m, d2, y));
        Some((end, Sem::Day { y, m, d, until }))
    }

    /// "2025", "fiscal 1989", "1989's third quarter" is left to the year and "quarter" rules.
    fn core_year(&self, i: usize) -> Core {
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
        let (e, y) = self.standalone_year(i)?;
        // "1988 second quarter"
        if let Some((e2, p)) = self.quarter_or_half(e) {
            return Some((e2, super::recognise::part(YearRef::Abs(y), p)));
        }
        // "the 1988 quarter", "the 1989 period": the quarter the text is about, in that year.
        if i > 0 && self.w(i - 1) == "the" && matches!(self.w(e), "quarter" | "period") {
            return Some((e + 1, Sem::QuarterIn(y)));
        }
        Some((e, Sem::Year(y)))
    }

    pub(super) fn core_decade_pub(&self, i: usize) -> Core {
        self.core_decade(i)
    }

    /// "the 1990s", "the '90s", "the nineties", "the 20th century".
    fn core_decade(&self, i: usize) -> Core {
        let t = self.toks.get(i)?;
        if t.kind == Kind::Num && t.plural {
            let n = self.text[t.start..t.end]
                .trim_end_matches(['s', 'S'])
                .parse::<i32>()
                .ok()?;
            return match t.end - t.start {
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

/// Reads "P3Y" for a counted unit, "PXY" for a vague one.
pub fn duration(n: Option<f64>, unit: Unit) -> Sem {
    Sem::Duration(duration_value(n, unit))
}

/// Year of an expression like "2025's": "fiscal 2025" has been read as a year already.
pub fn part(y: YearRef, p: Part) -> Sem {
    Sem::Part { y, part: p }
}

/// A shift anchored on the reference.
pub fn shift(unit: Unit, n: i32) -> Sem {
    Sem::Shift {
        unit,
        n,
        anchor: Anchor::Reference,
    }
}
