//! Grammar rules for counted and determined expressions: "two years ago", "the past two months",
//! "last week", "next Tuesday", "the third quarter".

use super::lexicon::Unit;
use super::recognise::{Parser, duration, part, shift};
use super::sem::{Anchor, Part, Sem, YearRef};
use super::tokens::Kind;

type Core = Option<(usize, Sem)>;

impl Parser<'_> {
    /// A unit word written with a capital inside a sentence: a title ("This Week", "60 Minutes").
    pub(super) fn title_case(&self, i: usize) -> bool {
        i > 0
            && self.cap_at(i)
            && !self.is_punct_at(i - 1, '.')
            && !self.toks[i].newline_before
            && self.lx(i).unit().is_some()
    }

    /// "to three" after "two" before a unit ("two to three weeks", "12 to 18 months"): the span is
    /// one expression, valued by its first count. Returns the index after the second count.
    pub(super) fn count_range(&self, i: usize, a: f64) -> Option<usize> {
        if !matches!(self.w(i), "to" | "or") {
            return None;
        }
        let b = match self.lx(i + 1).number() {
            Some(b) => b,
            None => self
                .toks
                .get(i + 1)
                .filter(|t| t.kind == Kind::Num)
                .and_then(|t| t.num.map(f64::from)),
        }?;
        (a < b && self.lx(i + 2).unit().is_some()).then_some(i + 2)
    }

    /// A capitalised word inside a sentence.
    pub(super) fn title_case_word(&self, i: usize) -> bool {
        i > 0 && self.cap_at(i) && !self.is_punct_at(i - 1, '.') && !self.toks[i].newline_before
    }

    /// A count: "3", "three", "twenty-five", "a", "a few", "several", "a couple of".
    /// Returns the index after it and the value (`None` when vague).
    pub(super) fn count_at(&self, i: usize) -> Option<(usize, Option<f64>)> {
        let t = self.toks.get(i)?;
        if t.kind == Kind::Num && !t.ordinal && !t.plural {
            if i > 0 && matches!(self.w(i - 1), "$" | "£" | "€") {
                return None;
            }
            let s = &self.text[t.start..t.end];
            // Thousands commas are rare: strip them (an allocation) only when present.
            let v: f64 = if s.contains(',') {
                s.replace(',', "").parse().ok()?
            } else {
                s.parse().ok()?
            };
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
                "hundred" => return Some((i + 2, Some(100.0))),
                "thousand" => return Some((i + 2, Some(1000.0))),
                _ => {}
            }
        }
        let n = self.lx(i).number()?;
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
            && let Some(Some(b)) = self.lx(i + 2).number()
            && a >= 20.0
            && b < 10.0
        {
            return Some((i + 3, Some(a + b)));
        }
        // "two to three weeks", "12 to 18 months": the span is one expression, valued by its first count.
        if matches!(self.w(i + 1), "to" | "or")
            && let Some(Some(b)) = self.lx(i + 2).number().or_else(|| {
                self.toks
                    .get(i + 2)
                    .filter(|t| t.kind == Kind::Num)
                    .map(|t| t.num.map(f64::from))
            })
            && n.is_some_and(|a| a < b)
            && self.lx(i + 3).unit().is_some()
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
            && let Some(Some(b)) = self.lx(i + 1).number()
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
        if self.w(j) == "no" && matches!(self.w(j + 1), "more" | "less" | "fewer") {
            j += 1;
        }
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
        // "for a while": a span of unknown length; "a while ago": some time back. Not "once in a
        // while", which is how often.
        if j == i && self.w(i) == "a" && self.w(k) == "while" {
            if i >= 2 && self.w(i - 1) == "in" && self.w(i - 2) == "once" {
                return None;
            }
            if self.w(k + 1) == "ago" {
                return Some((k + 2, Sem::Ref("PAST_REF")));
            }
            return Some((k + 1, Sem::Duration("PXX".into())));
        }
        // "$500 million a year", "four flights a week", "24 hours a day": a rate, not a time.
        let shifted = matches!(
            self.w(k + 1),
            "ago" | "earlier" | "later" | "before" | "after"
        );
        if j == i && matches!(self.w(j), "a" | "an") && i > 0 && !shifted {
            let prev = &self.toks[i - 1];
            let counted =
                i >= 2 && (self.toks[i - 2].kind == Kind::Num || self.lx(i - 2).number().is_some());
            let plural_noun = counted
                && prev.kind == Kind::Word
                && prev.norm.len() > 3
                && prev.norm.ends_with('s');
            if prev.kind == Kind::Num
                || plural_noun
                || matches!(
                    prev.norm,
                    "million" | "billion" | "trillion" | "percent" | "%"
                )
            {
                return None;
            }
        }
        let mut k = k;
        let mut n = n;
        // "two thousand years", "three hundred days"
        if let Some(v) = n {
            match self.w(k) {
                "hundred" => (n, k) = (Some(v * 100.0), k + 1),
                "thousand" => (n, k) = (Some(v * 1000.0), k + 1),
                _ => {}
            }
        }
        // "20 more years", "an additional year", "eight trading days"
        if unit_filler(self.w(k)) && self.lx(k + 1).unit().is_some() {
            k += 1;
        }
        let hyphen = self.is_punct_at(k, '-') && self.glued_at(k) && self.glued_at(k + 1);
        if hyphen {
            k += 1;
        }
        let unit = self.lx(k).unit()?;
        // "will one day be", "could one day replace": some day ahead, not a span of a day.
        if unit == Unit::Day
            && j == i
            && self.w(i) == "one"
            && !shifted
            && i > 0
            && matches!(
                self.w(i - 1),
                "will" | "would" | "could" | "might" | "may" | "can" | "shall" | "should"
            )
        {
            return Some((k + 1, Sem::Ref("FUTURE_REF")));
        }
        // "a second term", "three-quarters", "a quarter of", "60 Minutes" (a title), "52 years old".
        // "more than a quarter of the market", "three quarters of the vote": a share, unless a
        // time follows ("a quarter of a century").
        // "several quarters of losses" stays a span.
        let share_of = self.w(k + 1) == "of"
            && matches!(
                self.w(k + 2),
                "a" | "an" | "the" | "its" | "their" | "his" | "her" | "our" | "all" | "this"
            )
            && self.lx(k + 3).unit().is_none()
            && self.year_at_pub(k + 3).is_none();
        let fraction = unit == Unit::Quarter
            && (hyphen
                || share_of
                || (matches!(self.w(j), "a" | "one")
                    && !matches!(self.w(i.wrapping_sub(1)), "for" | "in" | "over" | "within")));
        let age = self.w(k + 1) == "old" || (self.w(k + 1) == "of" && self.w(k + 2) == "age");
        if self.w(k) == "second" || fraction || self.title_case(k) || age {
            return None;
        }
        // "the 1996 fiscal year" names a year; "2,000 years", "two thousand years" count them.
        let year_like = self
            .toks
            .get(j)
            .is_some_and(|t| t.kind == Kind::Num && t.digits == 4);
        if n.is_some_and(|v| v >= 1000.0)
            && !matches!(unit, Unit::Second | Unit::Minute | Unit::Hour | Unit::Day)
            && (year_like || !self.w(k).ends_with('s'))
        {
            return None;
        }
        let mut end = k + 1;
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
        if let Some(v) = n
            && let Some((e, value)) = self.compound_duration(end, v, unit)
        {
            return Some((e, Sem::Duration(value)));
        }
        Some((end, duration(n, unit)))
    }

    /// "1 hour 43 minutes", "four minutes and 28 seconds", "two years and six months": a whole
    /// count of a unit followed by counts of smaller units of the same kind, as one duration.
    fn compound_duration(&self, end: usize, n: f64, unit: Unit) -> Option<(usize, String)> {
        let clock = |u: Unit| matches!(u, Unit::Hour | Unit::Minute | Unit::Second);
        let calendar = |u: Unit| matches!(u, Unit::Year | Unit::Month | Unit::Week | Unit::Day);
        if n.fract() != 0.0 || !(clock(unit) || calendar(unit)) {
            return None;
        }
        let mut value = super::sem::duration_value(Some(n), unit);
        let (mut e, mut last, mut merged) = (end, unit, false);
        loop {
            let k = if matches!(self.w(e), "and" | ",") {
                e + 1
            } else {
                e
            };
            let Some((k2, Some(n2))) = self.count_at(k) else {
                break;
            };
            let Some(u2) = self.lx(k2).unit() else {
                break;
            };
            if u2 >= last
                || n2.fract() != 0.0
                || clock(u2) != clock(unit)
                || !(clock(u2) || calendar(u2))
            {
                break;
            }
            let (des, _, _) = u2.designator();
            value.push_str(&format!("{}{des}", n2 as u64));
            (e, last, merged) = (k2 + 1, u2, true);
        }
        merged.then_some((e, value))
    }

    /// "the" at `i - 1` and "first week of", "last days of" at `i`.
    fn part_of_period(&self, i: usize) -> bool {
        i > 0
            && self.w(i - 1) == "the"
            && matches!(self.w(i), "first" | "last")
            && self.lx(i + 1).unit().is_some_and(|u| {
                (Unit::Weekend..=Unit::Month).contains(&u)
                    || (u == Unit::Day && self.w(i + 1) == "days")
            })
            && self.w(i + 2) == "of"
    }

    /// "last week", "this year", "next Tuesday", "last November", "the previous day", "the past two years".
    pub(super) fn core_det(&self, i: usize) -> Core {
        // "this past spring", "this coming week"
        if self.w(i) == "this" && matches!(self.w(i + 1), "past" | "coming") {
            return self.core_det(i + 1);
        }
        let w = self.w(i);
        // "the last week of June", "the first days of 1990": a part of the period after "of",
        // valued as that period (not "last week"); read from "the", which the span keeps.
        if let Some(o) = [i, i + 1].into_iter().find(|&o| self.part_of_period(o)) {
            if o == i {
                return None;
            }
            let k = if self.w(o + 3) == "the" { o + 4 } else { o + 3 };
            return match self.core(k) {
                Some((e, sem @ (Sem::Month { .. } | Sem::Year(_) | Sem::Part { .. }))) => {
                    Some((e, sem))
                }
                Some((e, sem @ Sem::Shift { unit, .. })) if unit >= Unit::Month => Some((e, sem)),
                _ => None,
            };
        }
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
            && let Some(unit) = self.lx(k).unit()
        {
            let sem = duration(cnt, unit);
            return Some((k + 1, sem));
        }
        if let Some(unit) = self.lx(j).unit().filter(|_| !self.title_case(j)) {
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
                // "over the past decade", "in the last century": the ten or hundred years up to
                // now, not the calendar decade before this one. "The last decade of the 19th
                // century" is a part of that century, which this cannot tell.
                Unit::Decade | Unit::Century if matches!(w, "past" | "last") => {
                    if self.w(j + 1) == "of" {
                        return None;
                    }
                    return Some((j + 1, duration(Some(1.0), unit)));
                }
                _ => Sem::Shift { unit, n, anchor },
            };
            // "last year's quarter": the quarter the text is about, a year back.
            if unit == Unit::Year
                && self.is_punct_at(j + 1, '\'')
                && self.w(j + 2) == "s"
                && matches!(self.w(j + 3), "quarter" | "period")
                && anchor == Anchor::Reference
                && n <= 0
            {
                return Some((j + 4, Sem::LastQuarter { years_back: -n }));
            }
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
        if let Some(pod) = self.lx(j).part_of_day() {
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
        if let Some(wd) = self.lx(j).weekday().filter(|_| self.cap_at(j)) {
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
        if let Some(m) = self.lx(j).month().filter(|_| self.cap_at(j)) {
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
        if let Some(s) = self.lx(j).season() {
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
            // "the last half of the '80s": a part of a decade reads as the decade.
            if matches!(p, Part::Half(_)) && self.w(e) == "of" {
                let d = if self.w(e + 1) == "the" { e + 2 } else { e + 1 };
                if let Some((end, sem @ Sem::Decade(_))) = self.core_decade(d) {
                    return Some((end, sem));
                }
            }
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
                // "the second half of the year": the year the clause is about, as a bare "the
                // second half".
                if (self.w(k), self.w(k + 1)) == ("the", "year") {
                    return Some((k + 2, part(YearRef::Near, p)));
                }
            }
            return Some((e, part(YearRef::Near, p)));
        }
        // "the first nine months": a duration.
        if self.lx(j).ordinal().is_some_and(|o| o == 1)
            && let Some((k, n)) = self.count_at(j + 1)
            && n.is_some_and(|v| v > 1.0)
            && let Some(unit) = self.lx(k).unit()
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
            self.lx(i).ordinal()?
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
}

/// Words that may stand between a count and its unit: "20 more years", "eight trading days".
pub(super) fn unit_filler(w: &str) -> bool {
    matches!(
        w,
        "more"
            | "additional"
            | "extra"
            | "full"
            | "straight"
            | "consecutive"
            | "trading"
            | "business"
            | "working"
            | "calendar"
    )
}
