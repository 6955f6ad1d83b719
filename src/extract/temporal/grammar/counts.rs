//! Counts and the durations built on them: "two years", "18 months", "a decade", "16-hour",
//! "2 hours 5 minutes", "two to three weeks", then "ago", "earlier", "later", "from now".

#[cfg(test)]
use super::testing::rows;
use super::{Core, Parser, Rule, Start, duration, shift};
use crate::extract::temporal::lexicon::{Unit, Word};
use crate::extract::temporal::sem::{Anchor, Sem};
use crate::extract::temporal::tokens::Kind;

impl Parser<'_> {
    /// "to three" after "two" before a unit ("two to three weeks", "12 to 18 months"): the span is
    /// one expression, valued by its first count. Returns the index after the second count.
    pub fn count_range(&self, i: usize, a: f64) -> Option<usize> {
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

    /// A count: "3", "three", "twenty-five", "a", "a few", "several", "a couple of".
    /// Returns the index after it and the value (`None` when vague).
    pub fn count_at(&self, i: usize) -> Option<(usize, Option<f64>)> {
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
                && self.punct(i + 2, '/')
                && self.glued(i + 2)
                && self.glued(i + 3)
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
            && self.punct(i + 1, '-')
            && self.glued(i + 1)
            && self.glued(i + 2)
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
    pub fn core_number(&self, i: usize) -> Core {
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
        let hyphen = self.punct(k, '-') && self.glued(k) && self.glued(k + 1);
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
            && self.year_at(k + 3).is_none();
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
        let year_like = self.year_at(j).is_some();
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
        if self.punct(end, '-')
            && self.glued(end)
            && matches!(self.w(end + 1), "old" | "earlier" | "ago")
        {
            return None;
        }
        if j == i
            && i > 0
            && matches!(self.w(i - 1), "once" | "twice" | "thrice" | "times")
            && n == Some(1.0)
        {
            return Some((
                end,
                Sem::Set(crate::extract::temporal::sem::duration_value(
                    Some(1.0),
                    unit,
                )),
            ));
        }
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
        // Weeks mix with no other unit in an ISO 8601 duration.
        let calendar = |u: Unit| matches!(u, Unit::Year | Unit::Month | Unit::Day);
        if n.fract() != 0.0 || !(clock(unit) || calendar(unit)) {
            return None;
        }
        let mut value = crate::extract::temporal::sem::duration_value(Some(n), unit);
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
        // "1 hour 43 minutes ago" is a point, read by the count rule alone.
        let shifted = matches!(self.w(e), "ago" | "earlier" | "later" | "before" | "after");
        (merged && !shifted).then_some((e, value))
    }
}

/// Words that may stand between a count and its unit: "20 more years", "eight trading days".
pub fn unit_filler(w: &str) -> bool {
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

/// "two years", "18 months", "a decade", "16-hour", "two years ago", "three days later".
pub struct Count;

impl Rule for Count {
    const START: Start = Start {
        number: true,
        kinds: Word::NUMBER,
        words: &[
            "no",
            "more",
            "less",
            "fewer",
            "at",
            "up",
            "nearly",
            "almost",
            "around",
            "roughly",
            "approximately",
            "a",
            "an",
        ],
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        p.core_number(i)
    }
}

/// A bare plural unit as a span of unknown length: "decades-long" (and "day-long", one day),
/// "the weeks ahead", "over the years", "months ago" (some time back), "in the weeks before
/// the shooting", "after months of talks", "for years", "within minutes", "took months".
pub struct Spans;

impl Rule for Spans {
    const START: Start = Start {
        kinds: Word::UNIT,
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        let unit = p.lx(i).unit()?;
        Self::long(p, i, unit)
            .or_else(|| Self::after_the(p, i, unit))
            .or_else(|| Self::ago(p, i))
            .or_else(|| Self::before_or_of(p, i, unit))
            .or_else(|| Self::led(p, i, unit))
    }
}

impl Spans {
    /// "day-long", "decades-long": how long something lasts.
    fn long(p: &Parser<'_>, i: usize, unit: Unit) -> Core {
        if p.punct(i + 1, '-')
            && p.glued(i + 1)
            && p.glued(i + 2)
            && p.w(i + 2) == "long"
            && !p.title_case_word(i)
        {
            let n = (!p.w(i).ends_with('s')).then_some(1.0);
            return Some((i + 3, duration(n, unit)));
        }
        None
    }

    /// "the weeks ahead", "over the years".
    fn after_the(p: &Parser<'_>, i: usize, unit: Unit) -> Core {
        let w = p.w(i);
        if !(i > 0 && p.w(i - 1) == "the" && w.len() > 3 && w.ends_with('s') && unit >= Unit::Day) {
            return None;
        }
        if p.w(i + 1) == "ahead" {
            return Some((i + 2, duration(None, unit)));
        }
        if i >= 2 && p.w(i - 2) == "over" {
            return Some((i + 1, duration(None, unit)));
        }
        None
    }

    /// "just months ago", "Years ago,": some time back, as "several years ago".
    fn ago(p: &Parser<'_>, i: usize) -> Core {
        (p.w(i + 1) == "ago" && p.w(i).ends_with('s') && (i == 0 || p.count_at(i - 1).is_none()))
            .then_some((i + 2, Sem::Ref("PAST_REF")))
    }

    /// "in the weeks before the shooting", "the years that followed", "after months of talks"
    /// ("two years of age" is an age, and a count is read by `Count`).
    fn before_or_of(p: &Parser<'_>, i: usize, unit: Unit) -> Core {
        let w = p.w(i);
        let prev = i.checked_sub(1).map_or("", |k| p.w(k));
        (w.ends_with('s')
            && !matches!(w, "hours" | "minutes" | "seconds" | "quarters")
            && ((prev == "the" && matches!(p.w(i + 1), "before" | "after" | "that" | "following"))
                || (p.w(i + 1) == "of"
                    && !matches!(p.w(i + 2), "age" | "the" | "a" | "an")
                    && (i == 0 || p.count_at(i - 1).is_none()))))
        .then(|| (i + 1, duration(None, unit)))
    }

    /// "for years", "within weeks", "spent years campaigning", "took months", "within minutes",
    /// "for hours" (but "the minutes of the meeting" are no time).
    fn led(p: &Parser<'_>, i: usize, unit: Unit) -> Core {
        let w = p.w(i);
        let prev = i.checked_sub(1).map_or("", |k| p.w(k));
        (matches!(
            prev,
            "for" | "within" | "over" | "spent" | "spend" | "spends" | "took" | "take" | "takes"
        ) && w.ends_with('s')
            && (!matches!(w, "hours" | "minutes" | "seconds")
                || (matches!(prev, "for" | "within") && p.w(i + 1) != "of")))
            .then(|| (i + 1, duration(None, unit)))
    }
}

#[cfg(test)]
#[test]
fn spans() {
    rows::<Spans>(&[
        (
            "Lawyers emerged from their third day-long meeting.",
            "day-long",
            "P1D",
        ),
        (
            "It is a symbol of the decades-long battle.",
            "decades-long",
            "PXY",
        ),
        (
            "Analysts expect more selling in the weeks ahead.",
            "the weeks ahead",
            "PXW",
        ),
        (
            "Over the years many more patients died.",
            "the years",
            "PXY",
        ),
        (
            "The firm was founded just months ago.",
            "months ago",
            "PAST_REF",
        ),
        (
            "The car was seen in the weeks before the shooting.",
            "weeks",
            "PXW",
        ),
        ("After years of war, the border reopened.", "years", "PXY"),
        ("The camp has been there for years.", "years", "PXY"),
        ("She spent years campaigning for equal pay.", "years", "PXY"),
        ("Rescuers arrived within minutes.", "minutes", "PTXM"),
        ("He read the minutes of the meeting.", "minutes", ""),
        ("The boy is two years of age.", "years", ""),
    ]);
}
