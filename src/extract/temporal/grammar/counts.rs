//! Counts and durations: "two years", "18 months", "a decade", "16-hour", "2 hours 5 minutes",
//! "two to three weeks", "two years ago", "a year from now", and a bare unit as a span of
//! unknown length ("for years", "the weeks ahead").

#[cfg(test)]
use super::testing::rows;
use super::{Core, Parser, Rule, Start, duration, shift};
use crate::extract::temporal::lexicon::{List, Unit, Word};
use crate::extract::temporal::sem::{Sem, duration_value};
use crate::extract::temporal::tokens::Kind;

/// "two years", "18 months", "a decade", "16-hour", "more than three hours", "20 more years"
/// (`temporal-unit-fillers.txt`), "two years ago", "a year earlier", "three days", "a year from
/// now", "2 hours 5 minutes", "for a while"; not a rate ("$500 million a year",
/// `temporal-rate-words.txt`), a share ("a quarter of the market"), an age ("52 years old") or
/// a title ("60 Minutes").
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
        ahead: Some(Count::ahead),
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        let j = Self::lead(p, i);
        let (k, n) = p.count_at(j)?;
        if j == i && p.w(i) == "a" && p.w(k) == "while" {
            return Self::a_while(p, i, k);
        }
        let shifted = matches!(p.w(k + 1), "ago" | "earlier" | "later" | "before" | "after");
        if j == i && !shifted && Self::rate(p, i) {
            return None;
        }
        let (k, n, hyphen) = Self::to_unit(p, k, n);
        let unit = p.lx(k).unit()?;
        // "will one day be", "could one day replace": some day ahead, not a span of a day.
        if unit == Unit::Day && j == i && p.w(i) == "one" && !shifted && i > 0 && modal(p.w(i - 1))
        {
            return Some((k + 1, Sem::Ref("FUTURE_REF")));
        }
        if Self::not_a_span(p, i, j, k, unit, hyphen, n) {
            return None;
        }
        let mut end = k + 1;
        let mut n = n;
        if !hyphen
            && p.w(end) == "and"
            && matches!(p.w(end + 1), "a" | "one")
            && p.w(end + 2) == "half"
        {
            n = n.map(|v| v + 0.5);
            end += 3;
        }
        // "12-year-old" is an age; "a year-earlier quarter" is read by `YearAgo`.
        if p.punct(end, '-') && p.glued(end) && matches!(p.w(end + 1), "old" | "earlier" | "ago") {
            return None;
        }
        if j == i
            && i > 0
            && matches!(p.w(i - 1), "once" | "twice" | "thrice" | "times")
            && n == Some(1.0)
        {
            return Some((end, Sem::Set(duration_value(Some(1.0), unit))));
        }
        if let Some(point) = Self::shifted(p, end, n, unit, hyphen) {
            return Some(point);
        }
        if unit == Unit::Weekend {
            return None;
        }
        if let Some(v) = n
            && let Some((e, value)) = p.compound_duration(end, v, unit)
        {
            return Some((e, Sem::Duration(value)));
        }
        Some((end, duration(n, unit)))
    }
}

impl Count {
    /// "a"/"an", the commonest words of the lexicon, open only a count ("a year", "a few days",
    /// "a-year", "an additional year"); "at" only "at least"/"at most".
    fn ahead(p: &Parser<'_>, i: usize) -> bool {
        match p.w(i) {
            "a" | "an" => p.toks.get(i + 1).is_some_and(|next| match next.kind {
                Kind::Punct => next.is_punct('-'),
                Kind::Word => {
                    p.lx(i + 1).unit().is_some()
                        || matches!(
                            next.norm,
                            "few"
                                | "couple"
                                | "dozen"
                                | "hundred"
                                | "thousand"
                                | "to"
                                | "or"
                                | "and"
                                | "while"
                        )
                        || p.on(i + 1, List::UnitFiller)
                }
                _ => false,
            }),
            "at" => matches!(p.w(i + 1), "least" | "most"),
            _ => true,
        }
    }

    /// Where the count starts after "no more than", "at least", "up to", "nearly" ... at `i`
    /// (TimeBank keeps these in the span, but mostly not "about").
    fn lead(p: &Parser<'_>, i: usize) -> usize {
        let mut j = i;
        if p.w(j) == "no" && matches!(p.w(j + 1), "more" | "less" | "fewer") {
            j += 1;
        }
        if (matches!(p.w(j), "more" | "less" | "fewer") && p.w(j + 1) == "than")
            || (p.w(j) == "at" && matches!(p.w(j + 1), "least" | "most"))
            || (p.w(j) == "up" && p.w(j + 1) == "to")
        {
            j + 2
        } else if matches!(
            p.w(j),
            "nearly" | "almost" | "around" | "roughly" | "approximately"
        ) {
            j + 1
        } else {
            j
        }
    }

    /// "for a while": a span of unknown length; "a while ago": some time back. Not "once in a
    /// while", which is how often. `k` is the index of "while".
    fn a_while(p: &Parser<'_>, i: usize, k: usize) -> Core {
        if i >= 2 && p.w(i - 1) == "in" && p.w(i - 2) == "once" {
            return None;
        }
        if p.w(k + 1) == "ago" {
            return Some((k + 2, Sem::Ref("PAST_REF")));
        }
        Some((k + 1, Sem::Duration("PXX".into())))
    }

    /// Whether "a" or "an" at `i` makes a rate: "$500 million a year", "four flights a week",
    /// "24 hours a day".
    fn rate(p: &Parser<'_>, i: usize) -> bool {
        if !matches!(p.w(i), "a" | "an") || i == 0 {
            return false;
        }
        let prev = &p.toks[i - 1];
        let counted = i >= 2 && (p.toks[i - 2].kind == Kind::Num || p.lx(i - 2).number().is_some());
        let plural_noun =
            counted && prev.kind == Kind::Word && prev.norm.len() > 3 && prev.norm.ends_with('s');
        prev.kind == Kind::Num || plural_noun || prev.norm == "%" || p.on(i - 1, List::RateWord)
    }

    /// From the count ending before `k` to its unit: "two thousand years", "three hundred days",
    /// "20 more years", "eight trading days", "16-hour". The index of the unit, the count and
    /// whether a hyphen joins them.
    fn to_unit(p: &Parser<'_>, k: usize, n: Option<f64>) -> (usize, Option<f64>, bool) {
        let (mut k, mut n) = (k, n);
        if let Some(v) = n {
            match p.w(k) {
                "hundred" => (n, k) = (Some(v * 100.0), k + 1),
                "thousand" => (n, k) = (Some(v * 1000.0), k + 1),
                _ => {}
            }
        }
        if p.on(k, List::UnitFiller) && p.lx(k + 1).unit().is_some() {
            k += 1;
        }
        let hyphen = p.punct(k, '-') && p.glued(k) && p.glued(k + 1);
        if hyphen {
            k += 1;
        }
        (k, n, hyphen)
    }

    /// Whether the count at `j` (after the lead at `i`) and the unit at `k` name no span: "a
    /// second term", "three-quarters", "a quarter of the market", "three quarters of the vote"
    /// (a share, unless a time follows: "a quarter of a century"), "60 Minutes" (a title), "52
    /// years old", "the 1996 fiscal year" (a year; "2,000 years" counts them).
    fn not_a_span(
        p: &Parser<'_>,
        i: usize,
        j: usize,
        k: usize,
        unit: Unit,
        hyphen: bool,
        n: Option<f64>,
    ) -> bool {
        let share_of = p.w(k + 1) == "of"
            && matches!(
                p.w(k + 2),
                "a" | "an" | "the" | "its" | "their" | "his" | "her" | "our" | "all" | "this"
            )
            && p.lx(k + 3).unit().is_none()
            && p.year_at(k + 3).is_none();
        let fraction = unit == Unit::Quarter
            && (hyphen
                || share_of
                || (matches!(p.w(j), "a" | "one")
                    && !matches!(p.w(i.wrapping_sub(1)), "for" | "in" | "over" | "within")));
        let age = p.w(k + 1) == "old" || (p.w(k + 1) == "of" && p.w(k + 2) == "age");
        if p.w(k) == "second" || fraction || p.title_case(k) || age {
            return true;
        }
        let year_like = p.year_at(j).is_some();
        n.is_some_and(|v| v >= 1000.0)
            && !matches!(unit, Unit::Second | Unit::Minute | Unit::Hour | Unit::Day)
            && (year_like || !p.w(k).ends_with('s'))
    }

    /// A count of `unit` ending before `end` that points back or ahead: "two years ago", "ten
    /// years or so ago", "a year earlier" (a date; "a day earlier" a duration that keeps the
    /// word, as TimeBank has it), "a year from now".
    fn shifted(p: &Parser<'_>, end: usize, n: Option<f64>, unit: Unit, hyphen: bool) -> Core {
        let back = n.map(|v| -(v.round() as i32));
        let point = |past: &'static str| back.map_or(Sem::Ref(past), |s| shift(unit, s));
        match p.w(end) {
            "ago" => Some((end + 1, point("PAST_REF"))),
            "or" if p.w(end + 1) == "so" && p.w(end + 2) == "ago" => {
                Some((end + 3, point("PAST_REF")))
            }
            "earlier" if !hyphen && unit <= Unit::Day => Some((end + 1, duration(n, unit))),
            "earlier" if !hyphen => Some((end + 1, point("PAST_REF"))),
            "from" if p.w(end + 1) == "now" => Some((
                end + 2,
                n.map_or(Sem::Ref("FUTURE_REF"), |v| shift(unit, v.round() as i32)),
            )),
            _ => None,
        }
    }
}

/// A modal verb: "will", "could".
fn modal(w: &str) -> bool {
    matches!(
        w,
        "will" | "would" | "could" | "might" | "may" | "can" | "shall" | "should"
    )
}

#[cfg(test)]
#[test]
fn count() {
    rows::<Count>(&[
        ("He served three years in prison.", "three years", "P3Y"),
        ("The talks lasted 18 months.", "18 months", "P18M"),
        (
            "The country waited a decade for reform.",
            "a decade",
            "P10Y",
        ),
        ("They signed a two-year contract.", "two-year", "P2Y"),
        ("It ended a 16-hour standoff.", "16-hour", "PT16H"),
        (
            "The trial could take several years.",
            "several years",
            "PXY",
        ),
        ("Rescuers have a few days left.", "a few days", "PXD"),
        ("The flight took 5 1/2 hours.", "5 1/2 hours", "PT5H30M"),
        (
            "The project will take two and a half years.",
            "two and a half years",
            "P2Y6M",
        ),
        (
            "They met for more than three hours.",
            "more than three hours",
            "PT3H",
        ),
        (
            "The mission lasts twenty-five days.",
            "twenty-five days",
            "P25D",
        ),
        (
            "Repairs will take two to three weeks.",
            "two to three weeks",
            "P2W",
        ),
        ("Shares fell for 20 more years.", "20 more years", "P20Y"),
        (
            "The town has stood for 2,000 years.",
            "2,000 years",
            "P2000Y",
        ),
        (
            "The marathon was won in 2 hours 5 minutes 59 seconds.",
            "2 hours 5 minutes 59 seconds",
            "PT2H5M59S",
        ),
        (
            "He was jailed for two years and six months.",
            "two years and six months",
            "P2Y6M",
        ),
        ("The plant closed two years ago.", "two years ago", "2023"),
        (
            "He resigned three months ago.",
            "three months ago",
            "2025-08",
        ),
        ("The fire started 10 days ago.", "10 days ago", "2025-11-10"),
        (
            "The program ends a year from now.",
            "a year from now",
            "2026",
        ),
        (
            "He said the region will one day be at peace.",
            "one day",
            "FUTURE_REF",
        ),
        ("They have known each other for a while.", "a while", "PXX"),
        ("Elections are held twice a year.", "a year", "P1Y"),
        ("The firm earns $500 million a year.", "a year", ""),
        (
            "Pension funds hold more than a quarter of the bond market.",
            "a quarter",
            "",
        ),
        ("The boy, a 12-year-old, was unhurt.", "12-year", ""),
        ("He is 52 years old.", "52 years", ""),
        ("We go there once in a while.", "a while", ""),
    ]);
}

impl Parser<'_> {
    /// A count: "3", "three", "twenty-five", "a", "a few", "several", "a couple of", "5 1/2",
    /// "two to three" before a unit. Returns the index after it and the value (`None` when
    /// vague).
    pub fn count_at(&self, i: usize) -> Option<(usize, Option<f64>)> {
        let t = self.toks.get(i)?;
        if t.kind == Kind::Num && !t.ordinal && !t.plural {
            return self.numeral_count(i);
        }
        if matches!(self.w(i), "a" | "an") {
            match self.w(i + 1) {
                "few" => return Some((i + 2, None)),
                "couple" if self.w(i + 2) == "of" => return Some((i + 3, Some(2.0))),
                "dozen" => return Some((i + 2, Some(12.0))),
                "hundred" => return Some((i + 2, Some(100.0))),
                "thousand" => return Some((i + 2, Some(1000.0))),
                _ => {}
            }
        }
        self.spelled_count(i)
    }

    /// A count in digits at `i`: "3", "1,700", "5 1/2", "12 to 18" before a unit; not a price.
    fn numeral_count(&self, i: usize) -> Option<(usize, Option<f64>)> {
        let t = self.toks.get(i)?;
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
        Some((self.count_range(i + 1, v).unwrap_or(i + 1), Some(v)))
    }

    /// A count in words at `i`: "three", "several", "twenty-five", "twenty four", "two and a
    /// half", "two to three" before a unit ("few years" alone is rare; "some years" reads as a
    /// count only after "for" or "in").
    fn spelled_count(&self, i: usize) -> Option<(usize, Option<f64>)> {
        let w = self.w(i);
        let n = self.lx(i).number()?;
        if matches!(w, "few" | "many" | "some")
            && i > 0
            && self.w(i - 1) != "the"
            && !(w == "few" || matches!(self.w(i - 1), "for" | "in"))
        {
            return None;
        }
        let Some(a) = n else {
            return Some((i + 1, n));
        };
        if self.punct(i + 1, '-')
            && self.glued(i + 1)
            && self.glued(i + 2)
            && let Some(Some(b)) = self.lx(i + 2).number()
            && a >= 20.0
            && b < 10.0
        {
            return Some((i + 3, Some(a + b)));
        }
        if let Some(e) = self.count_range(i + 1, a) {
            return Some((e, n));
        }
        if self.w(i + 1) == "and" && matches!(self.w(i + 2), "a" | "one") && self.w(i + 3) == "half"
        {
            return Some((i + 4, Some(a + 0.5)));
        }
        if a >= 20.0
            && a % 10.0 == 0.0
            && let Some(Some(b)) = self.lx(i + 1).number()
            && (1.0..10.0).contains(&b)
            && !matches!(self.w(i + 1), "a" | "an")
        {
            return Some((i + 2, Some(a + b)));
        }
        Some((i + 1, n))
    }

    /// "to three" after "two" before a unit ("two to three weeks", "12 to 18 months"): the span is
    /// one expression, valued by its first count `a`. Returns the index after the second count.
    fn count_range(&self, i: usize, a: f64) -> Option<usize> {
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

    /// "1 hour 43 minutes", "four minutes and 28 seconds", "two years and six months": a whole
    /// count `n` of `unit` ending before `end` followed by counts of smaller units of the same
    /// kind, as one duration ("1 hour 43 minutes ago" is a point, read by `Count` alone).
    fn compound_duration(&self, end: usize, n: f64, unit: Unit) -> Option<(usize, String)> {
        let clock = |u: Unit| matches!(u, Unit::Hour | Unit::Minute | Unit::Second);
        // Weeks mix with no other unit in an ISO 8601 duration.
        let calendar = |u: Unit| matches!(u, Unit::Year | Unit::Month | Unit::Day);
        if n.fract() != 0.0 || !(clock(unit) || calendar(unit)) {
            return None;
        }
        let mut value = duration_value(Some(n), unit);
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
        let shifted = matches!(self.w(e), "ago" | "earlier" | "later" | "before" | "after");
        (merged && !shifted).then_some((e, value))
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

    /// "for years", "within weeks", "spent years campaigning", "took months"
    /// (`temporal-span-leads.txt`), "within minutes", "for hours" (but "the minutes of the
    /// meeting" are no time).
    fn led(p: &Parser<'_>, i: usize, unit: Unit) -> Core {
        let w = p.w(i);
        let prev = i.checked_sub(1).map_or("", |k| p.w(k));
        (i > 0
            && p.on(i - 1, List::SpanLead)
            && w.ends_with('s')
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
