//! Grammar rules for relative, counted, clock and reference expressions (the calendar ones are in
//! `recognise`).

use super::lexicon::Unit;
use super::recognise::{Parser, duration, part, shift};
use super::sem::{Anchor, Part, Sem, YearRef};
use super::tokens::Kind;

type Core = Option<(usize, Sem)>;

impl Parser<'_> {
    fn glued_at(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    fn is_punct_at(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct(c))
    }

    fn cap_at(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .and_then(|t| self.text[t.start..].chars().next())
            .is_some_and(char::is_uppercase)
    }

    /// A unit word written with a capital inside a sentence: a title ("This Week", "60 Minutes").
    fn title_case(&self, i: usize) -> bool {
        i > 0
            && self.cap_at(i)
            && !self.is_punct_at(i - 1, '.')
            && !self.toks[i].newline_before
            && self.lex.unit(self.w(i)).is_some()
    }

    /// "to three" after "two" before a unit ("two to three weeks", "12 to 18 months"): the span is
    /// one expression, valued by its first count. Returns the index after the second count.
    fn count_range(&self, i: usize, a: f64) -> Option<usize> {
        if !matches!(self.w(i), "to" | "or") {
            return None;
        }
        let b = match self.lex.number(self.w(i + 1)) {
            Some(b) => b,
            None => self
                .toks
                .get(i + 1)
                .filter(|t| t.kind == Kind::Num)
                .and_then(|t| t.num.map(f64::from)),
        }?;
        (a < b && self.lex.unit(self.w(i + 2)).is_some()).then_some(i + 2)
    }

    /// A capitalised word inside a sentence.
    fn title_case_word(&self, i: usize) -> bool {
        i > 0 && self.cap_at(i) && !self.is_punct_at(i - 1, '.') && !self.toks[i].newline_before
    }

    /// A count: "3", "three", "twenty-five", "a", "a few", "several", "a couple of".
    /// Returns the index after it and the value (`None` when vague).
    fn count_at(&self, i: usize) -> Option<(usize, Option<f64>)> {
        let t = self.toks.get(i)?;
        if t.kind == Kind::Num && !t.ordinal && !t.plural {
            if i > 0 && matches!(self.w(i - 1), "$" | "£" | "€") {
                return None;
            }
            let v: f64 = self.text[t.start..t.end].replace(',', "").parse().ok()?;
            // "5 1/2"
            if let (Some(a), Some(b)) = (self.toks.get(i + 1), self.toks.get(i + 3))
                && a.kind == Kind::Num
                && self.is_punct_at(i + 2, '/')
                && self.glued_at(i + 2)
                && self.glued_at(i + 3)
                && let (Some(x), Some(y)) = (a.num, b.num)
                && y > x
                && y <= 4
            {
                return Some((i + 4, Some(v + f64::from(x) / f64::from(y))));
            }
            return Some((self.count_range(i + 1, v).unwrap_or(i + 1), Some(v)));
        }
        let w = self.w(i);
        if matches!(w, "a" | "an") {
            match self.w(i + 1) {
                "few" => return Some((i + 2, None)),
                "couple" if self.w(i + 2) == "of" => return Some((i + 3, Some(2.0))),
                "dozen" => return Some((i + 2, Some(12.0))),
                _ => {}
            }
        }
        let n = self.lex.number(w)?;
        if matches!(w, "few" | "many" | "some") && i > 0 && self.w(i - 1) != "the" {
            // "few years" alone is rare; "some years" reads as a count only after "for".
            if !(w == "few" || matches!(self.w(i - 1), "for" | "in")) {
                return None;
            }
        }
        // "twenty-five"
        if let Some(a) = n
            && self.is_punct_at(i + 1, '-')
            && self.glued_at(i + 1)
            && self.glued_at(i + 2)
            && let Some(Some(b)) = self.lex.number(self.w(i + 2))
            && a >= 20.0
            && b < 10.0
        {
            return Some((i + 3, Some(a + b)));
        }
        // "two to three weeks", "12 to 18 months": the span is one expression, valued by its first count.
        if matches!(self.w(i + 1), "to" | "or")
            && let Some(Some(b)) = self.lex.number(self.w(i + 2)).or_else(|| {
                self.toks
                    .get(i + 2)
                    .filter(|t| t.kind == Kind::Num)
                    .map(|t| t.num.map(f64::from))
            })
            && n.is_some_and(|a| a < b)
            && self.lex.unit(self.w(i + 3)).is_some()
        {
            return Some((i + 3, n));
        }
        // "two and a half"
        if let Some(a) = n
            && self.w(i + 1) == "and"
            && matches!(self.w(i + 2), "a" | "one")
            && self.w(i + 3) == "half"
        {
            return Some((i + 4, Some(a + 0.5)));
        }
        // "twenty four"
        if let Some(a) = n
            && a >= 20.0
            && a % 10.0 == 0.0
            && let Some(Some(b)) = self.lex.number(self.w(i + 1))
            && (1.0..10.0).contains(&b)
            && !matches!(self.w(i + 1), "a" | "an")
        {
            return Some((i + 2, Some(a + b)));
        }
        Some((i + 1, n))
    }

    /// "two years", "18 months", "a decade", "16-hour", then "ago", "earlier", "later", "from now".
    pub(super) fn core_number(&self, i: usize) -> Core {
        let mut j = i;
        if (matches!(self.w(j), "more" | "less" | "fewer") && self.w(j + 1) == "than")
            || (self.w(j) == "at" && matches!(self.w(j + 1), "least" | "most"))
            || (self.w(j) == "up" && self.w(j + 1) == "to")
        {
            j += 2;
        } else if matches!(
            self.w(j),
            "nearly" | "almost" | "around" | "roughly" | "approximately"
        ) {
            // TimeBank keeps these approximations in the span (but mostly not "about").
            j += 1;
        }
        let (k, n) = self.count_at(j)?;
        // "$500 million a year", "four flights a week", "24 hours a day": a rate, not a time.
        let shifted = matches!(
            self.w(k + 1),
            "ago" | "earlier" | "later" | "before" | "after"
        );
        if j == i && matches!(self.w(j), "a" | "an") && i > 0 && !shifted {
            let prev = &self.toks[i - 1];
            let counted = i >= 2
                && (self.toks[i - 2].kind == Kind::Num || self.lex.number(self.w(i - 2)).is_some());
            let plural_noun = counted
                && prev.kind == Kind::Word
                && prev.norm.len() > 3
                && prev.norm.ends_with('s');
            if prev.kind == Kind::Num
                || plural_noun
                || matches!(
                    prev.norm.as_str(),
                    "million" | "billion" | "trillion" | "percent" | "%"
                )
            {
                return None;
            }
        }
        let mut k = k;
        let hyphen = self.is_punct_at(k, '-') && self.glued_at(k) && self.glued_at(k + 1);
        if hyphen {
            k += 1;
        }
        let unit = self.lex.unit(self.w(k))?;
        // "a second term", "three-quarters", "a quarter of", "60 Minutes" (a title), "52 years old".
        let fraction = unit == Unit::Quarter
            && (hyphen
                || (matches!(self.w(j), "a" | "one")
                    && !matches!(self.w(i.wrapping_sub(1)), "for" | "in" | "over" | "within")));
        if self.w(k) == "second" || fraction || self.title_case(k) || self.w(k + 1) == "old" {
            return None;
        }
        if n.is_some_and(|v| v >= 1000.0)
            && !matches!(unit, Unit::Second | Unit::Minute | Unit::Hour | Unit::Day)
        {
            return None;
        }
        let mut end = k + 1;
        let mut n = n;
        if !hyphen
            && self.w(end) == "and"
            && matches!(self.w(end + 1), "a" | "one")
            && self.w(end + 2) == "half"
        {
            n = n.map(|v| v + 0.5);
            end += 3;
        }
        // "12-year-old" is an age; "a year-earlier quarter" is read by the misc rule.
        if self.is_punct_at(end, '-')
            && self.glued_at(end)
            && matches!(self.w(end + 1), "old" | "earlier" | "ago")
        {
            return None;
        }
        if j == i
            && i > 0
            && matches!(self.w(i - 1), "once" | "twice" | "thrice" | "times")
            && n == Some(1.0)
        {
            return Some((end, Sem::Set(super::sem::duration_value(Some(1.0), unit))));
        }
        let lead = i;
        let _ = lead;
        let back = |n: Option<f64>| n.map(|v| -(v.round() as i32));
        match self.w(end) {
            "ago" => {
                return Some((
                    end + 1,
                    match back(n) {
                        Some(s) => shift(unit, s),
                        None => Sem::Ref("PAST_REF"),
                    },
                ));
            }
            "or" if self.w(end + 1) == "so" && self.w(end + 2) == "ago" => {
                return Some((
                    end + 3,
                    back(n).map_or(Sem::Ref("PAST_REF"), |s| shift(unit, s)),
                ));
            }
            // TimeBank: "a year earlier" is a date; "a day earlier" a duration that keeps the word;
            // "three days later" a duration without it.
            "earlier" if !hyphen => {
                if unit <= Unit::Day {
                    return Some((end + 1, duration(n, unit)));
                }
                return Some((
                    end + 1,
                    match back(n) {
                        Some(s) => Sem::Shift {
                            unit,
                            n: s,
                            anchor: Anchor::Reference,
                        },
                        None => Sem::Ref("PAST_REF"),
                    },
                ));
            }
            "from" if self.w(end + 1) == "now" => {
                return Some((
                    end + 2,
                    match n {
                        Some(v) => shift(unit, v.round() as i32),
                        None => Sem::Ref("FUTURE_REF"),
                    },
                ));
            }
            _ => {}
        }
        if unit == Unit::Weekend {
            return None;
        }
        Some((end, duration(n, unit)))
    }

    /// "last week", "this year", "next Tuesday", "last November", "the previous day", "the past two years".
    pub(super) fn core_det(&self, i: usize) -> Core {
        // "this past spring", "this coming week"
        if self.w(i) == "this" && matches!(self.w(i + 1), "past" | "coming") {
            return self.core_det(i + 1);
        }
        let w = self.w(i);
        let (n, anchor) = match w {
            "this" | "current" => (0, Anchor::Reference),
            "that" | "same" => (0, Anchor::Text),
            "last" | "past" => (-1, Anchor::Reference),
            "previous" | "preceding" | "prior" => (-1, Anchor::Text),
            "next" | "coming" => (1, Anchor::Reference),
            "following" => (1, Anchor::Text),
            _ => return None,
        };
        let j = if self.w(i + 1) == "fiscal" {
            i + 2
        } else {
            i + 1
        };
        let nw = self.w(j);
        // "the past two years", "the next five years": durations.
        if matches!(
            w,
            "past" | "last" | "next" | "coming" | "previous" | "following" | "first"
        ) && let Some((k, cnt)) = self.count_at(j)
            && !matches!(nw, "a" | "an")
            && let Some(unit) = self.lex.unit(self.w(k))
        {
            let sem = duration(cnt, unit);
            return Some((k + 1, sem));
        }
        if let Some(unit) = self.lex.unit(nw).filter(|_| !self.title_case(j)) {
            let plural = nw.ends_with('s') && unit != Unit::Century || nw == "centuries";
            if plural {
                // "the coming weeks", "the past months": a span of unknown length.
                return matches!(w, "past" | "last" | "coming" | "next")
                    .then(|| (j + 1, duration(None, unit)));
            }
            let sem = match unit {
                Unit::Day if anchor == Anchor::Text || w == "next" => {
                    let anchor = if w == "next" { Anchor::Text } else { anchor };
                    Sem::DayRel {
                        n,
                        pod: None,
                        anchor,
                    }
                }
                Unit::Day => return None,
                Unit::Second | Unit::Minute | Unit::Hour => {
                    return (n != 0).then(|| (j + 1, duration(Some(1.0), unit)));
                }
                _ => Sem::Shift { unit, n, anchor },
            };
            // "this year's third quarter"
            if unit == Unit::Year
                && self.is_punct_at(j + 1, '\'')
                && self.w(j + 2) == "s"
                && let Some((e, p)) = self.quarter_or_half(j + 3)
            {
                let y = if anchor == Anchor::Reference {
                    YearRef::Dir(n)
                } else {
                    YearRef::Near
                };
                return Some((e, part(y, p)));
            }
            return Some((j + 1, sem));
        }
        if let Some(pod) = self.lex.part_of_day(nw) {
            let n = match w {
                "this" => 0,
                "last" if nw == "night" => -1,
                "that" | "same" => 0,
                "next" | "following" => 1,
                "previous" => -1,
                _ => return None,
            };
            let anchor = if matches!(w, "this" | "last") {
                Anchor::Reference
            } else {
                Anchor::Text
            };
            return Some((
                j + 1,
                Sem::DayRel {
                    n,
                    pod: Some(pod.to_string()),
                    anchor,
                },
            ));
        }
        if let Some(wd) = self.lex.weekday(nw).filter(|_| self.cap_at(j)) {
            let dir = match w {
                "last" | "past" | "previous" => -1,
                "next" | "coming" | "following" => 1,
                "this" => 0,
                _ => return None,
            };
            return Some((j + 1, Sem::Weekday { wd, dir, pod: None }));
        }
        if let Some((e, Sem::Holiday { h, .. })) = self.core_holiday(j) {
            if anchor == Anchor::Text {
                return None;
            }
            return Some((
                e,
                Sem::Holiday {
                    h,
                    y: YearRef::Dir(n),
                },
            ));
        }
        if let Some(m) = self.lex.month(nw).filter(|_| self.cap_at(j)) {
            if anchor == Anchor::Text {
                return None;
            }
            return Some((
                j + 1,
                Sem::Month {
                    y: YearRef::Dir(n),
                    m,
                },
            ));
        }
        if let Some(s) = self.lex.season(nw) {
            if anchor == Anchor::Text {
                return None;
            }
            return Some((j + 1, part(YearRef::Dir(n), Part::Season(s))));
        }
        None
    }

    /// "third quarter", "first-half", "the fiscal first quarter", "Q3", "the first nine months".
    pub(super) fn core_ordinal(&self, i: usize) -> Core {
        let j = if self.w(i) == "fiscal" { i + 1 } else { i };
        if let Some((e, p)) = self.quarter_or_half(j) {
            // "of 2025", ", 2025", "of this year", "of last year", "of the year"
            let k = if matches!(self.w(e), "of" | ",") {
                e + 1
            } else {
                e
            };
            if let Some((e2, y)) = self.year_at_pub(k) {
                return Some((e2, part(YearRef::Abs(y), p)));
            }
            if self.w(e) == "of" {
                let dir = match (self.w(k), self.w(k + 1)) {
                    ("this", "year") => Some(0),
                    ("last", "year") => Some(-1),
                    ("next", "year") => Some(1),
                    _ => None,
                };
                if let Some(d) = dir {
                    return Some((k + 2, part(YearRef::Dir(d), p)));
                }
            }
            return Some((e, part(YearRef::Near, p)));
        }
        // "the first nine months": a duration.
        if self.lex.ordinal(self.w(j)).is_some_and(|o| o == 1)
            && let Some((k, n)) = self.count_at(j + 1)
            && n.is_some_and(|v| v > 1.0)
            && let Some(unit) = self.lex.unit(self.w(k))
        {
            return Some((k + 1, duration(n, unit)));
        }
        None
    }

    pub(super) fn year_at_pub(&self, i: usize) -> Option<(usize, i32)> {
        let t = self.toks.get(i)?;
        (t.kind == Kind::Num && t.digits == 4 && !t.ordinal && !t.plural)
            .then_some(t.num)
            .flatten()
            .filter(|n| (1000..=2199).contains(n))
            .map(|n| (i + 1, n as i32))
    }

    /// "third quarter", "third-quarter", "first half", "Q3", "3Q".
    pub(super) fn quarter_or_half(&self, i: usize) -> Option<(usize, Part)> {
        let t = self.toks.get(i)?;
        if self.w(i) == "q" && self.cap_at(i) {
            let n = self.toks.get(i + 1).filter(|_| self.glued_at(i + 1))?;
            let q = n
                .num
                .filter(|q| (1..=4).contains(q) && n.kind == Kind::Num)?;
            return Some((i + 2, Part::Quarter(q)));
        }
        let o = if t.kind == Kind::Num && t.ordinal {
            t.num?
        } else if self.w(i) == "last" && matches!(self.w(i + 1), "half" | "quarter") {
            // "the last half of 1989"
            if self.w(i + 1) == "half" { 2 } else { 4 }
        } else {
            self.lex.ordinal(self.w(i))?
        };
        let k = if self.is_punct_at(i + 1, '-') && self.glued_at(i + 1) {
            i + 2
        } else {
            i + 1
        };
        match self.w(k) {
            "quarter" if (1..=4).contains(&o) => Some((k + 1, Part::Quarter(o))),
            "half" if (1..=2).contains(&o) => Some((k + 1, Part::Half(o))),
            _ => None,
        }
    }

    /// "today", "yesterday morning", "tonight", "tomorrow".
    pub(super) fn core_deictic(&self, i: usize) -> Core {
        // "the people of tomorrow": the future in general.
        if i > 0 && self.w(i - 1) == "of" && self.w(i) != "yesterday" {
            return None;
        }
        let (n, mut pod) = match self.w(i) {
            "today" => (0, None),
            "tonight" => (0, Some("NI".to_string())),
            "yesterday" => (-1, None),
            "tomorrow" => (1, None),
            _ => return None,
        };
        let mut end = i + 1;
        if pod.is_none()
            && let Some(p) = self.lex.part_of_day(self.w(end))
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
    pub(super) fn core_weekday(&self, i: usize) -> Core {
        let w = self.w(i);
        if !self.cap_at(i) {
            return None;
        }
        if let Some(wd) = w
            .strip_suffix('s')
            .and_then(|s| self.lex.weekday(s))
            .filter(|_| w.len() > 5)
        {
            return Some((i + 1, Sem::Set(format!("XXXX-WXX-{wd}"))));
        }
        let wd = self.lex.weekday(w)?;
        if w.len() <= 4 && !(self.is_punct_at(i + 1, '.') && self.glued_at(i + 1)) {
            return None;
        }
        let abbrev = w.len() <= 4;
        let mut end = if abbrev && self.is_punct_at(i + 1, '.') && self.glued_at(i + 1) {
            i + 2
        } else {
            i + 1
        };
        // "Monday, Oct. 26": the date says which Monday.
        let k = if self.is_punct_at(end, ',') {
            end + 1
        } else {
            end
        };
        if let Some((e, sem @ Sem::Day { .. })) = self.core_month_led_pub(k) {
            return Some((e, sem));
        }
        let mut pod = None;
        if let Some(p) = self
            .lex
            .part_of_day(self.w(end))
            .filter(|p| !p.starts_with('T'))
        {
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

    /// "3 p.m.", "10:35 a.m. EDT Thursday", "15:30", "noon".
    pub(super) fn core_clock(&self, i: usize) -> Core {
        // "High Noon" is a film; "high noon" an idiom.
        let title = i > 0 && (self.w(i - 1) == "high" || self.title_case_word(i));
        let (mut end, h, m) = if let Some(p) = self
            .lex
            .part_of_day(self.w(i))
            .filter(|p| p.starts_with('T') && !title)
        {
            let h: u32 = p[1..3].parse().ok()?;
            (i + 1, h, 0)
        } else {
            let h = self
                .toks
                .get(i)
                .filter(|t| t.kind == Kind::Num && !t.ordinal && !t.plural)?
                .num?;
            let (mut k, mut m, mut colon) = (i + 1, 0, false);
            if self.is_punct_at(k, ':') && self.glued_at(k) && self.glued_at(k + 1) {
                let t = self.toks.get(k + 1)?;
                if t.kind != Kind::Num || t.digits != 2 {
                    return None;
                }
                m = t.num?;
                k += 2;
                colon = true;
            }
            let (after, pm) = self.am_pm(k)?;
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
        };
        if matches!(
            self.w(end),
            "edt" | "est" | "gmt" | "utc" | "cet" | "pdt" | "pst" | "cdt" | "cst" | "bst"
        ) {
            end += 1;
        }
        // A day right after: "Thursday", "Nov. 9", "today".
        let k = if self.is_punct_at(end, ',') || self.w(end) == "on" {
            end + 1
        } else {
            end
        };
        let day = [
            Self::core_weekday,
            Self::core_month_led_pub,
            Self::core_deictic,
        ]
        .iter()
        .find_map(|rule| rule(self, k));
        if let Some((e, sem)) = day
            && matches!(
                sem,
                Sem::Weekday { .. } | Sem::Day { .. } | Sem::DayRel { .. }
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

    /// "a.m." / "p.m." / "am" / "pm" / "o'clock" / nothing (`None` when no marker).
    fn am_pm(&self, k: usize) -> Option<(usize, Option<bool>)> {
        let w = self.w(k);
        if matches!(w, "am" | "pm") {
            return Some((k + 1, Some(w == "pm")));
        }
        if matches!(w, "a" | "p")
            && self.is_punct_at(k + 1, '.')
            && self.glued_at(k + 1)
            && self.w(k + 2) == "m"
            && self.glued_at(k + 2)
        {
            let end = if self.is_punct_at(k + 3, '.') && self.glued_at(k + 3) {
                k + 4
            } else {
                k + 3
            };
            return Some((end, Some(w == "p")));
        }
        if w == "o" && self.is_punct_at(k + 1, '\'') && self.w(k + 2) == "clock" {
            return Some((k + 3, Some(false).filter(|_| false)));
        }
        Some((k, None))
    }

    /// "now", "currently", "recently", "the past", "the future", "recent years", "at present".
    pub(super) fn core_ref(&self, i: usize) -> Core {
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
            "these" if self.w(i + 1) == "days" => return Some((i + 2, Sem::Ref("PRESENT_REF"))),
            _ => {}
        }
        let r = self.lex.reference(w)?;
        if w == "recent" {
            if let Some(u) = self
                .lex
                .unit(self.w(i + 1))
                .filter(|_| self.w(i + 1).ends_with('s'))
            {
                let _ = u;
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
        if w == "now" && self.cap_at(i) && self.is_punct_at(i + 1, ',') {
            return None;
        }
        Some((i + 1, Sem::Ref(r)))
    }

    fn next_is_timeish(&self, i: usize) -> bool {
        let w = self.w(i);
        self.lex.unit(w).is_some()
            || self.count_at(i).is_some()
            || self.lex.weekday(w).is_some()
            || self.lex.month(w).is_some()
            || self.lex.season(w).is_some()
    }

    /// "every week", "each Tuesday", "per year", "daily", "annually".
    pub(super) fn core_set(&self, i: usize) -> Core {
        let w = self.w(i);
        if let Some(v) = self.lex.set(w) {
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
        let nw = self.w(j);
        if let Some(unit) = self.lex.unit(nw) {
            return Some((j + 1, Sem::Set(super::sem::duration_value(n, unit))));
        }
        if let Some(wd) = self.lex.weekday(nw).filter(|_| self.cap_at(j)) {
            let mut end = j + 1;
            let mut v = format!("XXXX-WXX-{wd}");
            if let Some(p) = self
                .lex
                .part_of_day(self.w(end))
                .filter(|p| !p.starts_with('T'))
            {
                v.push('T');
                v.push_str(p);
                end += 1;
            }
            return Some((end, Sem::Set(v)));
        }
        if let Some(m) = self.lex.month(nw).filter(|_| self.cap_at(j)) {
            return Some((j + 1, Sem::Set(format!("XXXX-{m:02}"))));
        }
        if let Some(p) = self.lex.part_of_day(nw).filter(|p| !p.starts_with('T')) {
            return Some((j + 1, Sem::Set(format!("TXX{p}").replace("TXX", "T"))));
        }
        None
    }

    /// "Thanksgiving Day", "Christmas 2024", "last Thanksgiving" (via `core_det`), "Easter week".
    pub(super) fn core_holiday(&self, i: usize) -> Core {
        if !self.lex.may_start_holiday(self.w(i)) || !self.cap_at(i) {
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
        if self.w(end) == "week" {
            let day = Sem::Holiday {
                h,
                y: YearRef::Near,
            };
            return Some((end + 1, Sem::WeekOf(Box::new(day))));
        }
        if let Some((e, y)) = self.year_tail_pub(end) {
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

    /// "the quarter", "the year-ago quarter", "year-earlier", "the weekend", seasons, "for years".
    pub(super) fn core_misc(&self, i: usize) -> Core {
        let w = self.w(i);
        // "year-end", "year end", "year's end": the end of this year.
        if w == "year" {
            let k = if self.is_punct_at(i + 1, '-') {
                i + 2
            } else if self.is_punct_at(i + 1, '\'') && self.w(i + 2) == "s" {
                i + 3
            } else {
                i + 1
            };
            if self.w(k) == "end" {
                return Some((k + 1, shift(Unit::Year, 0)));
            }
        }
        let prev = i.checked_sub(1).map_or("", |p| self.w(p));
        // "year-earlier", "year-ago" (+ "quarter"/"period")
        if w == "year"
            && self.is_punct_at(i + 1, '-')
            && self.glued_at(i + 1)
            && matches!(self.w(i + 2), "earlier" | "ago")
        {
            if let Some((e, p)) = self.quarter_or_half(i + 3) {
                return Some((e, part(YearRef::Year(-1), p)));
            }
            if matches!(self.w(i + 3), "quarter" | "period") {
                return Some((i + 4, Sem::LastQuarter { years_back: 1 }));
            }
            return Some((i + 3, shift(Unit::Year, -1)));
        }
        if matches!(w, "latest" | "recent") && matches!(self.w(i + 1), "quarter" | "period") {
            return Some((i + 2, Sem::LastQuarter { years_back: 0 }));
        }
        if w == "comparable" || w == "corresponding" {
            let (e, s) = self.core_misc(i + 1)?;
            return matches!(s, Sem::LastQuarter { .. }).then_some((e, s));
        }
        if prev == "the" {
            match w {
                "quarter" if !self.is_punct_at(i + 1, '-') => {
                    return Some((i + 1, Sem::LastQuarter { years_back: 0 }));
                }
                "year" if !self.is_punct_at(i + 1, '-') && !self.is_punct_at(i + 1, '\'') => {
                    // "the end of the year", "earlier in the year": this year; "for the year": a span.
                    let before = i.checked_sub(2).map_or("", |p| self.w(p));
                    if matches!(before, "of" | "in") {
                        return Some((i + 1, shift(Unit::Year, 0)));
                    }
                    return Some((i + 1, duration(Some(1.0), Unit::Year)));
                }
                // "the end of the month", "the week of March 6"
                "month" | "week" if i >= 2 && matches!(self.w(i - 2), "of" | "in") => {
                    let unit = if w == "month" {
                        Unit::Month
                    } else {
                        Unit::Week
                    };
                    return Some((i + 1, shift(unit, 0)));
                }
                "week" if self.w(i + 1) == "of" => {
                    if let Some((e, day @ Sem::Day { .. })) = self.core_month_led_pub(i + 2) {
                        return Some((e, Sem::WeekOf(Box::new(day))));
                    }
                }
                // Which weekend follows the tense (marked by the text anchor; see `resolve`).
                "weekend" => {
                    return Some((
                        i + 1,
                        Sem::Shift {
                            unit: Unit::Weekend,
                            n: 0,
                            anchor: Anchor::Text,
                        },
                    ));
                }
                _ => {}
            }
        }
        if let Some(s) = self.lex.season(w) {
            let k = if self.w(i + 1) == "of" { i + 2 } else { i + 1 };
            if let Some((e, y)) = self.year_at_pub(k).or_else(|| self.spelled_year(k)) {
                return Some((e, part(YearRef::Abs(y), Part::Season(s))));
            }
            let ctx = matches!(
                prev,
                "in" | "during"
                    | "this"
                    | "the"
                    | "by"
                    | "since"
                    | "until"
                    | "over"
                    | "through"
                    | "early"
                    | "late"
                    | "mid"
            );
            if ctx && matches!(w, "summer" | "winter" | "autumn") {
                return Some((i + 1, part(YearRef::Near, Part::Season(s))));
            }
            return None;
        }
        // "for years", "in months", "within weeks"
        if matches!(prev, "for" | "within" | "over")
            && let Some(unit) = self
                .lex
                .unit(w)
                .filter(|_| w.ends_with('s') && w != "hours" && w != "minutes" && w != "seconds")
        {
            return Some((i + 1, duration(None, unit)));
        }
        None
    }

    pub(super) fn core_month_led_pub(&self, i: usize) -> Core {
        let r = self.core_month_led_inner(i)?;
        matches!(r.1, Sem::Day { .. }).then_some(r)
    }
}
