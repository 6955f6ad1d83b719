//! Calendar dates: numeric dates, dates led by a month or by a day, years, decades and centuries,
//! and the readers of their parts (a month name, a day of the month, a year).

#[cfg(test)]
use super::testing::rows;
use super::{Core, Parser, Rule, Start};
use crate::extract::temporal::lexicon::{List, Unit, Word};
use crate::extract::temporal::sem::{Sem, YearRef};
use crate::extract::temporal::tokens::Kind;

/// "2025-11-05" and "11/05/2025": a numeric date, year first with dashes or month first with
/// slashes (a two-digit year from 30 on is of the 1900s).
pub struct Iso;

impl Rule for Iso {
    const START: Start = Start {
        number: true,
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        let t = p.toks.get(i)?;
        let glued3 = p.glued(i + 1) && p.glued(i + 2) && p.glued(i + 3) && p.glued(i + 4);
        if !glued3 || t.kind != Kind::Num {
            return None;
        }
        let (a, b, c) = (p.num(i)?, p.num(i + 2)?, p.num(i + 4)?);
        if p.punct(i + 1, '-') && p.punct(i + 3, '-') && t.digits == 4 {
            let ok = (1..=12).contains(&b) && (1..=31).contains(&c);
            return ok.then_some((i + 5, day(Some(a as i32), b, c)));
        }
        if p.punct(i + 1, '/') && p.punct(i + 3, '/') {
            let y = match p.toks[i + 4].digits {
                4 => c as i32,
                2 if c >= 30 => 1900 + c as i32,
                2 => 2000 + c as i32,
                _ => return None,
            };
            let ok = (1..=12).contains(&a) && (1..=31).contains(&b);
            return ok.then_some((i + 5, day(Some(y), a, b)));
        }
        None
    }
}

#[cfg(test)]
#[test]
fn iso() {
    rows::<Iso>(&[
        (
            "The filing is dated 2025-11-05.",
            "2025-11-05",
            "2025-11-05",
        ),
        (
            "The form dated 11/05/2025 was lost.",
            "11/05/2025",
            "2025-11-05",
        ),
        ("A memo dated 3/7/98 surfaced.", "3/7/98", "1998-03-07"),
        ("It was filed on 12/31/05.", "12/31/05", "2005-12-31"),
        ("The code 2025-13-45 is no date.", "2025-13-45", ""),
    ]);
}

/// A written day with no range.
fn day(y: Option<i32>, m: u32, d: u32) -> Sem {
    Sem::Day {
        y,
        m,
        d,
        until: None,
    }
}

/// "November 21", "Nov. 21–22", "November 21, 2025", "November 2025", "January this year",
/// "November": a date led by a month name.
pub struct MonthLed;

impl Rule for MonthLed {
    const START: Start = Start {
        kinds: Word::MONTH,
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        let (j, m) = p.month_at(i)?;
        if let Some(d) = p.day_at(j)
            && !(p.punct(j + 1, ':') && p.glued(j + 1) && p.glued(j + 2))
        {
            return Some(Self::with_day(p, i, j, m, d));
        }
        Self::with_year(p, j, m).or_else(|| Self::bare(p, i, j, m))
    }
}

impl MonthLed {
    /// Only a day ("Oct. 26"), for the rules that read a date after a weekday or a clock time.
    pub fn day(p: &Parser<'_>, i: usize) -> Core {
        let r = Self::parse(p, i)?;
        matches!(r.1, Sem::Day { .. }).then_some(r)
    }

    /// The month at `i` (its name ending before `j`) with day `d` at `j`, a range to a second
    /// day ("21–22", "21 to 22", "21 through December 3", "21 and 22" after "between") and a year.
    fn with_day(p: &Parser<'_>, i: usize, j: usize, m: u32, d: u32) -> (usize, Sem) {
        let mut end = j + 1;
        let mut until = None;
        let sep = p.w(end);
        if matches!(sep, "-" | "to" | "through" | "and" | "until" | "till") {
            let k = end + 1;
            let (k, m2) = match p.month_at(k) {
                Some((k2, m2)) => (k2, m2),
                None => (k, m),
            };
            if let Some(d2) = p.day_at(k)
                && (m2 != m || d2 > d)
                && (sep != "and" || (i > 0 && p.w(i - 1) == "between"))
            {
                until = Some((m2, d2, None));
                end = k + 1;
            }
        }
        let mut y = None;
        if let Some((e, yy)) = p.year_tail(end) {
            y = Some(yy);
            end = e;
            if let Some((m2, d2, _)) = until {
                until = Some((m2, d2, Some(yy)));
            }
        }
        (end, Sem::Day { y, m, d, until })
    }

    /// Month `m` (its name ending before `j`) with a year: "November 2025", "November of 2025",
    /// "between March and May 2013" (the first month takes the year written after the second,
    /// the one before it when the months wrap), "January this year", "June last year".
    fn with_year(p: &Parser<'_>, j: usize, m: u32) -> Core {
        let month = |y| Sem::Month { y, m };
        let k = if p.w(j) == "of" || p.punct(j, ',') {
            j + 1
        } else {
            j
        };
        if let Some((e, y)) = p.year_at(k).or_else(|| p.spelled_year(k)) {
            return Some((e, month(YearRef::Abs(y))));
        }
        if matches!(p.w(j), "and" | "to" | "-" | "through" | "until" | "till")
            && let Some((k2, m2)) = p.month_at(j + 1)
            && let Some((_, y)) = p.year_at(k2).or_else(|| p.spelled_year(k2))
        {
            let y = if m2 < m { y - 1 } else { y };
            return Some((j, month(YearRef::Abs(y))));
        }
        if p.w(j + 1) == "year" {
            let dir = match p.w(j) {
                "this" => 0,
                "last" => -1,
                "next" => 1,
                _ => return None,
            };
            return Some((j + 2, month(YearRef::Year(dir))));
        }
        None
    }

    /// A bare month name, unless the word is a verb ("May I ask", "March on"), a named event
    /// ("the annual March for Life") or a person ("Theresa May", "April Jones said", "May wrote").
    fn bare(p: &Parser<'_>, i: usize, j: usize, m: u32) -> Core {
        let w = p.w(i);
        let starts = i == 0 || p.toks[i].newline_before || p.w(i - 1) == ".";
        // Month names that are verbs too open sentences as verbs too often to trust alone.
        if starts && p.on(i, List::VerbMonth) {
            return None;
        }
        if i > 0
            && (p.w(i - 1) == "annual"
                || (matches!(p.w(i - 1), "the" | "a") && matches!(p.w(j), "for" | "of" | "on")))
        {
            return None;
        }
        if w == "may" && i > 0 && p.capitalised(i - 1) && !starts {
            return None;
        }
        // A given name before a surname ("Councillor June Whitfield"); not "In mid-June
        // Parliament will vote": a name follows a word.
        if p.on(i, List::NameMonth)
            && !starts
            && p.toks[i - 1].kind == Kind::Word
            && !p.time_lead(i - 1)
            && p.name_follows(j)
        {
            return None;
        }
        // "...," May wrote": a person speaking.
        if w == "may" && p.on(j, List::SpeechVerb) {
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
}

#[cfg(test)]
#[test]
fn month_led() {
    rows::<MonthLed>(&[
        ("The vote was held on Nov. 5.", "Nov. 5", "2025-11-05"),
        (
            "The law took effect on November 5th.",
            "November 5th",
            "2025-11-05",
        ),
        (
            "He was born on March 3, 1961.",
            "March 3, 1961",
            "1961-03-03",
        ),
        (
            "The deal was reached Sept. 30, 1989, in Paris.",
            "Sept. 30, 1989",
            "1989-09-30",
        ),
        (
            "Talks are planned for November 21-22 in Geneva.",
            "November 21-22",
            "2025-11-21",
        ),
        (
            "The fair runs Dec. 1 to 3 in Berlin.",
            "Dec. 1 to 3",
            "2025-12-01",
        ),
        (
            "The exhibition runs November 28 through December 3.",
            "November 28 through December 3",
            "2025-11-28",
        ),
        (
            "Voting takes place between December 5 and 7.",
            "December 5 and 7",
            "2025-12-05",
        ),
        (
            "Women's Day is on March eighth.",
            "March eighth",
            "2025-03-08",
        ),
        (
            "The factory closed in November 2019.",
            "November 2019",
            "2019-11",
        ),
        ("Prices rose in Jan. 2024.", "Jan. 2024", "2024-01"),
        (
            "The men rigged the rate between March and May 2013.",
            "March",
            "2013-03",
        ),
        (
            "The talks resumed in January this year.",
            "January this year",
            "2025-01",
        ),
        (
            "The accord was signed in June last year.",
            "June last year",
            "2024-06",
        ),
        ("Inflation peaked in October.", "October", "2025-10"),
        (
            "Ministers will meet again in February.",
            "February",
            "2026-02",
        ),
        ("In June I will decide whether to stay.", "June", "2026-06"),
        ("Theresa May met the press.", "May", ""),
        ("May I ask a question?", "May", ""),
        ("Councillor June Whitfield opened the fete.", "June", ""),
        ("\"We will win,\" May said.", "May", ""),
        ("Thousands joined the annual March for Life.", "March", ""),
        ("The Nov figures rose.", "Nov", ""),
    ]);
}

/// A bare month in the month the article is written, at the month's edge: a past event in the
/// month just begun is the one before (a report on its first day would say "today"), a future
/// one in the month about to end the next; inside the month, or with no tense, it is this one.
#[cfg(test)]
#[test]
fn bare_month_at_the_months_edge() {
    use super::testing::tagged;
    for (text, published, want) in [
        (
            "In June, the software giant said it would act.",
            "2005-06-01",
            "2004-06",
        ),
        (
            "Sales rose in June, the firm said.",
            "2005-06-20",
            "2005-06",
        ),
        ("The fair will open in June.", "2005-06-30", "2006-06"),
        ("The fair will open in June.", "2005-06-01", "2005-06"),
        ("June is the busiest month.", "2005-06-01", "2005-06"),
    ] {
        let got = tagged(text, published);
        assert_eq!(
            got.first().map(|t| t.value.to_string()).as_deref(),
            Some(want),
            "{text} ({published})"
        );
    }
}

/// "21 November", "21st of November 2025", "21–22 November", "8 June to 3 September": a date led
/// by the day of the month.
pub struct DayLed;

impl Rule for DayLed {
    const START: Start = Start {
        number: true,
        kinds: Word::ORDINAL,
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        let d = p.day_at(i)?;
        let mut j = i + 1;
        let mut until = None;
        if matches!(p.w(j), "-" | "to" | "and")
            && let Some(d2) = p.day_at(j + 1)
            && d2 > d
        {
            until = Some(d2);
            j += 2;
        }
        if p.w(j) == "of" {
            j += 1;
        }
        let (mut end, m) = p.month_at(j)?;
        let mut y = None;
        if let Some((e, yy)) = p.year_tail(end) {
            y = Some(yy);
            end = e;
        }
        let mut until = until.map(|d2| (m, d2, y));
        // "8 June to 3 September": one span across months. A year written only after the second
        // date is the first's too (one less when the months wrap); with none, `resolve` wraps.
        if until.is_none()
            && matches!(p.w(end), "-" | "to" | "until" | "through" | "till")
            && let Some(d2) = p.day_at(end + 1)
            && let Some((mut e2, m2)) = p.month_at(end + 2)
            && (m2 != m || d2 > d)
        {
            let mut y2 = None;
            if let Some((e, yy)) = p.year_tail(e2) {
                y2 = Some(yy);
                y = y.or(Some(yy - i32::from(m2 < m)));
                e2 = e;
            }
            until = Some((m2, d2, y2));
            end = e2;
        }
        Some((end, Sem::Day { y, m, d, until }))
    }
}

#[cfg(test)]
#[test]
fn day_led() {
    rows::<DayLed>(&[
        (
            "Parliament met on 17 November.",
            "17 November",
            "2025-11-17",
        ),
        (
            "The law took effect on 5 November 2025.",
            "5 November 2025",
            "2025-11-05",
        ),
        (
            "The treaty was signed on the 21st of May 2019.",
            "21st of May 2019",
            "2019-05-21",
        ),
        (
            "The festival runs 12–14 December.",
            "12–14 December",
            "2025-12-12",
        ),
        (
            "The show ran from 8 June to 3 September.",
            "8 June to 3 September",
            "2025-06-08",
        ),
        (
            "The festival ran from 28 December to 2 January 2023.",
            "28 December to 2 January 2023",
            "2022-12-28",
        ),
        ("He scored 17 goals in 20 games.", "17", ""),
    ]);
}

/// "2025", "fiscal 1989", "the year 2004", "nineteen ninety-six", "the 2023-24 season" (valued by
/// its first year), "1988 second quarter", "the 1988 quarter" (that year's quarter the text is
/// about).
pub struct Year;

impl Rule for Year {
    const START: Start = Start {
        number: true,
        words: &["fiscal", "year", "two", "nineteen", "eighteen"],
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        if p.w(i) == "fiscal" {
            let j = if p.w(i + 1) == "year" { i + 2 } else { i + 1 };
            let (e, y) = p.year_at(j)?;
            return Some((e, Sem::Year(y)));
        }
        if p.w(i) == "year"
            && let Some((e, y)) = p.spelled_year(i + 1).or_else(|| p.year_at(i + 1))
        {
            return Some((e, Sem::Year(y)));
        }
        if let Some((e, y)) = p.spelled_year(i) {
            return Some((e, Sem::Year(y)));
        }
        if let Some(season) = Self::season(p, i) {
            return Some(season);
        }
        let (e, y) = p.standalone_year(i)?;
        if let Some((e2, part)) = p.quarter_or_half(e) {
            return Some((e2, super::part(YearRef::Abs(y), part)));
        }
        if i > 0 && p.w(i - 1) == "the" && matches!(p.w(e), "quarter" | "period") {
            return Some((e + 1, Sem::QuarterIn(y)));
        }
        Some((e, Sem::Year(y)))
    }
}

impl Year {
    /// "the 2023-24 season" ("2023-24", not "2023-99"), "the 2016 season": a season of a sport.
    fn season(p: &Parser<'_>, i: usize) -> Core {
        let (e, y) = p.year_at(i)?;
        let dash = p.punct(e, '-') && p.glued(e) && p.glued(e + 1);
        let e2 = match p.toks.get(e + 1) {
            Some(t) if dash && t.digits == 2 && t.num == Some(((y + 1) % 100) as u32) => e + 2,
            _ => e,
        };
        (p.w(e2) == "season").then_some((e2 + 1, Sem::Year(y)))
    }
}

#[cfg(test)]
#[test]
fn year() {
    rows::<Year>(&[
        ("The law dates from 1998.", "1998", "1998"),
        ("Sales fell in fiscal 2024.", "fiscal 2024", "2024"),
        (
            "The estate was sold in nineteen ninety-six.",
            "nineteen ninety-six",
            "1996",
        ),
        (
            "The year 2004 shows that our strategy works.",
            "The year 2004",
            "2004",
        ),
        (
            "He joined before the 2023-24 season.",
            "the 2023-24 season",
            "2023",
        ),
        (
            "Profit rose in the 1988 second quarter.",
            "the 1988 second quarter",
            "1988-Q2",
        ),
        (
            "Profit fell in the third quarter, against a gain in the 1988 quarter.",
            "the 1988 quarter",
            "1988-Q3",
        ),
        ("The target is net zero by 2050.", "2050", "2050"),
        ("He wore London's 2036 Olympic bid slogan.", "2036", "2036"),
        ("Flight 1549 landed safely.", "1549", ""),
        ("Wong Kar-wai's film 2046 opened in Cannes.", "2046", ""),
        ("The software uses 2048-bit encryption.", "2048", ""),
        (
            "Films show at resolutions of 2048 * 1080 pixels.",
            "2048",
            "",
        ),
        (
            "The show may be transmitted at about 1900 on Sundays.",
            "1900",
            "",
        ),
        ("It airs from 1930 on BBC One.", "1930", ""),
        ("The bridge opened at 1900 hours.", "1900", ""),
        (
            "The law dates from 1930 and was never used.",
            "1930",
            "1930",
        ),
        ("The tradition goes back to 1900.", "1900", "1900"),
        ("The company employs 2000 workers at the plant.", "2000", ""),
        (
            "The firm still runs Windows 2000 on its servers.",
            "2000",
            "",
        ),
        (
            "Orwell's Nineteen Eighty-Four is on the list.",
            "Nineteen Eighty-Four",
            "",
        ),
    ]);
}

/// "the 1990s", "the '90s", "the nineties", "the 1900s" (the century, as it is mostly meant),
/// "the 20th century".
pub struct Decade;

impl Rule for Decade {
    const START: Start = Start {
        number: true,
        punct: &['\''],
        kinds: Word::DECADE | Word::ORDINAL,
        ahead: Some(Decade::ahead),
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        let t = p.toks.get(i)?;
        if t.kind == Kind::Num && t.plural {
            let n = p.text[t.start..t.end]
                .trim_end_matches(['s', 'S'])
                .parse::<i32>()
                .ok()?;
            return match t.end - t.start {
                5 if n % 100 == 0 => Some((i + 1, Sem::Century(n / 100))),
                5 if n % 10 == 0 => Some((i + 1, Sem::Decade(n / 10))),
                // "the 30s"; "in their 30s" is an age.
                3 if n % 10 == 0 && i > 0 && p.w(i - 1) == "the" => {
                    Some((i + 1, Sem::Decade(190 + n / 10)))
                }
                _ => None,
            };
        }
        if t.is_punct('\'') {
            let n = p.toks.get(i + 1)?;
            if n.kind == Kind::Num && n.plural && n.end - n.start == 3 && p.glued(i + 1) {
                let v = p.text[n.start..n.end - 1].parse::<i32>().ok()?;
                return (v % 10 == 0).then_some((i + 2, Sem::Decade(190 + v / 10)));
            }
        }
        if let Some(d) = p.lx(i).decade() {
            // "in his twenties" is an age.
            if i > 0 && possessive(p.w(i - 1)) {
                return None;
            }
            return Some((i + 1, Sem::Decade(190 + d)));
        }
        let n = if t.kind == Kind::Num && t.ordinal {
            t.num
        } else {
            p.lx(i).ordinal()
        }?;
        let k = if p.punct(i + 1, '-') { i + 2 } else { i + 1 };
        if p.lx(k).unit() == Some(Unit::Century) && p.w(k) == "century" {
            // "20th Century Fox", "21st Century Media": a name.
            if p.capitalised(k)
                && !p.toks.get(k + 1).is_none_or(|t| t.newline_before)
                && p.name_follows(k + 1)
            {
                return None;
            }
            return (1..=21)
                .contains(&n)
                .then_some((k + 1, Sem::Century(n as i32 - 1)));
        }
        None
    }
}

impl Decade {
    /// An apostrophe opens only a decade ("the '90s"), so it needs a number after it.
    fn ahead(p: &Parser<'_>, i: usize) -> bool {
        !p.punct(i, '\'') || p.toks.get(i + 1).is_some_and(|t| t.kind == Kind::Num)
    }
}

/// A possessive determiner: "his", "their".
fn possessive(w: &str) -> bool {
    matches!(w, "his" | "her" | "their" | "my" | "your" | "our")
}

#[cfg(test)]
#[test]
fn decade() {
    rows::<Decade>(&[
        ("The city boomed in the 1990s.", "the 1990s", "199"),
        ("Growth slowed in the '80s.", "the '80s", "198"),
        ("Music changed in the sixties.", "the sixties", "196"),
        ("The house was built in the 1900s.", "the 1900s", "19"),
        (
            "The building dates from the 19th century.",
            "the 19th century",
            "18",
        ),
        (
            "It was the worst war of the twentieth century.",
            "the twentieth century",
            "19",
        ),
        ("He moved there in his twenties.", "twenties", ""),
        ("Both men are in their 30s.", "30s", ""),
    ]);
}

/// Readers of the parts of a date, for the rules here and the ones that read a date inside
/// another expression.
impl Parser<'_> {
    /// A month name at `i`; abbreviations must carry their dot or stand next to a number ("Sept
    /// 6", "6 Sept").
    pub fn month_at(&self, i: usize) -> Option<(usize, u32)> {
        let w = self.w(i);
        let m = self.lx(i).month()?;
        if !self.capitalised(i) {
            return None;
        }
        let full = w.len() > 4 || matches!(w, "may" | "june" | "july");
        let after = if full { i + 1 } else { self.skip_dot(i + 1) };
        let day_before = i > 0 && self.day_at(i - 1).is_some();
        if !full && after == i + 1 && self.num(i + 1).is_none() && !day_before {
            return None;
        }
        Some((after, m))
    }

    /// A day of the month: "5", "5th", "21st" (and after a month name "eighth").
    pub fn day_at(&self, i: usize) -> Option<u32> {
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

    /// A four-digit number from 1000 to 2199.
    pub fn year_at(&self, i: usize) -> Option<(usize, i32)> {
        if let Some(n) = self.num(i)
            && self.toks[i].digits == 4
            && (1000..=2199).contains(&n)
        {
            return Some((i + 1, n as i32));
        }
        None
    }

    /// A year after a date, written or spelled, perhaps after a comma: ", 2025".
    pub fn year_tail(&self, i: usize) -> Option<(usize, i32)> {
        let j = if self.punct(i, ',') { i + 1 } else { i };
        self.year_at(j).or_else(|| self.spelled_year(j))
    }

    /// A bare four-digit number that reads as a year in running text: not a price, a flight or
    /// a route ("flight 1549", `temporal-not-year-before.txt`), a quantity ("1990 shares",
    /// "2048-bit"), part of a name ("Windows 2000") or of a longer number.
    pub fn standalone_year(&self, i: usize) -> Option<(usize, i32)> {
        let (end, y) = self.year_at(i)?;
        if !(1600..=2100).contains(&y) {
            return None;
        }
        let prev = i.checked_sub(1).map(|p| self.w(p)).unwrap_or("");
        if matches!(prev, "$" | "#" | "£" | "€")
            || i.checked_sub(1).is_some_and(|p| self.on(p, List::NotYearBefore))
            || (prev == "." && self.glued(i))
            // "FM2005", "Windows2000": part of a name.
            || (self.glued(i) && i > 0 && self.toks[i - 1].kind == Kind::Word)
            || self.product_year(i)
        {
            return None;
        }
        let next = self.w(end);
        if self.on(end, List::NotYearAfter) || next == "%" {
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
        // "2048 * 1080 pixels", "1920 x 1080": a dimension.
        if matches!(next, "*" | "x" | "×") && self.num(end + 1).is_some() {
            return None;
        }
        if self.far_year_unset(i, end, y) || self.clock_sense(i, end, y) {
            return None;
        }
        Some((end, y))
    }

    /// Whether the four digits `y` at `i` are a 24-hour clock: "at 1900", "at about 1900", or a
    /// clock followed by the day or channel it is on ("from 1930 on BBC One", "until 1700 on
    /// Friday"). A year ending in 60 to 99 can be no clock.
    fn clock_sense(&self, i: usize, end: usize, y: i32) -> bool {
        if y / 100 > 23 || y % 100 > 59 {
            return false;
        }
        let mut k = i;
        while k > 0
            && matches!(
                self.w(k - 1),
                "about" | "around" | "approximately" | "roughly"
            )
        {
            k -= 1;
        }
        let Some(prev) = k.checked_sub(1).map(|k| self.w(k)) else {
            return false;
        };
        prev == "at"
            || (matches!(prev, "from" | "until" | "till")
                && self.w(end) == "on"
                && self.capitalised(end + 1)
                && self.lx(end + 1).month().is_none())
    }

    /// Whether year `y` at `i` lies well past the publication year with nothing to set it up: a
    /// far year is a year only after a preposition or a time word ("by 2050",
    /// `temporal-far-year-leads.txt`) or before a name or a plan ("London's 2012 Olympic bid",
    /// "a 2010 target", `temporal-year-plans.txt`); "the film 2046" is a title.
    fn far_year_unset(&self, i: usize, end: usize, y: i32) -> bool {
        let Some(r) = self.ref_year else {
            return false;
        };
        if y <= r + 2 {
            return false;
        }
        let named = self.toks.get(end).is_some_and(|t| t.kind == Kind::Word)
            && (self.capitalised(end) || self.on(end, List::YearPlan));
        let led = i
            .checked_sub(1)
            .is_some_and(|p| self.on(p, List::FarYearLead) || matches!(self.w(p), "-" | ","));
        !named && !led
    }

    /// "nineteen ninety-six", "nineteen eighty four", "two thousand", "two thousand and five".
    pub fn spelled_year(&self, i: usize) -> Option<(usize, i32)> {
        let w = self.w(i);
        // "Orwell's Nineteen Eighty-Four": a capital inside a sentence makes it a title.
        if i > 0 && self.capitalised(i) && !self.toks[i].newline_before && !self.punct(i - 1, '.') {
            return None;
        }
        if w == "two" && self.w(i + 1) == "thousand" {
            return self.spelled_two_thousands(i);
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

    /// "two thousand", "two thousand and five", "two thousand nineteen" at `i` ("two thousand
    /// years" is a count).
    fn spelled_two_thousands(&self, i: usize) -> Option<(usize, i32)> {
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
        if self.lx(end).unit().is_some() {
            return None;
        }
        Some((end, y))
    }
}
