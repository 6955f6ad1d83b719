//! Relative references: a day or period counted from the publication date or from the date the
//! text is on ("today", "last week", "next Tuesday", "the previous day", "the past two years",
//! "the year", "the weekend"), weekdays, and the vague references ("now", "recently", "the
//! past", "the near future").

use super::dates::{DayLed, MonthLed};
use super::holidays::Holiday;
#[cfg(test)]
use super::testing::rows;
use super::{Core, Parser, Rule, Start, duration, part, shift};
use crate::extract::temporal::lexicon::{List, Unit, Word};
use crate::extract::temporal::sem::{Anchor, Part, Sem, THIS_WEEK, YearRef};
use crate::extract::temporal::tokens::Kind;

/// The determiners of `Det`: how many of the unit they count (-1 back, 0 this one, 1 ahead) and
/// from what ("last" from the publication date, "previous" from the date the text is on).
const DETERMINERS: &[(&str, i32, Anchor)] = &[
    ("this", 0, Anchor::Reference),
    ("current", 0, Anchor::Reference),
    ("that", 0, Anchor::Text),
    ("same", 0, Anchor::Text),
    ("last", -1, Anchor::Reference),
    ("past", -1, Anchor::Reference),
    ("previous", -1, Anchor::Text),
    ("preceding", -1, Anchor::Text),
    ("prior", -1, Anchor::Text),
    ("next", 1, Anchor::Reference),
    ("coming", 1, Anchor::Reference),
    ("following", 1, Anchor::Text),
];

/// Whether `w` is a determiner of `Det` ("last", "next", "this").
pub fn determiner(w: &str) -> bool {
    DETERMINERS.iter().any(|d| d.0 == w)
}

/// "last week", "this year", "next Tuesday", "last November", "this past spring", "last
/// Thanksgiving", "this morning", "the previous day", "the past two years", "the coming months",
/// "last year's quarter", "the last week of June" (read from "the": a part of the period after
/// "of", valued as that period).
pub struct Det;

impl Rule for Det {
    const START: Start = Start {
        words: &[
            "the",
            "this",
            "current",
            "that",
            "same",
            "last",
            "past",
            "previous",
            "preceding",
            "prior",
            "next",
            "coming",
            "following",
        ],
        ahead: Some(Det::ahead),
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        let w = p.w(i);
        // "this past spring", "this coming week"
        if w == "this" && matches!(p.w(i + 1), "past" | "coming") {
            return Self::parse(p, i + 1);
        }
        // "expected to last six weeks", "will last a year": the verb, not the adjective.
        if w == "last"
            && i > 0
            && matches!(
                p.w(i - 1),
                "to" | "will" | "would" | "could" | "may" | "might" | "can" | "should" | "ll"
            )
        {
            return None;
        }
        // "Suddenly Last Summer", "Wham's Last Christmas": a capitalised determiner inside a
        // sentence, before a capitalised word, is part of a title.
        if p.title_case_word(i) && p.capitalised(i + 1) && i > 0 && p.capitalised(i - 1) {
            return None;
        }
        if let Some(o) = [i, i + 1].into_iter().find(|&o| p.part_of_period(o)) {
            return if o == i { None } else { Self::part_of(p, o) };
        }
        let &(_, n, anchor) = DETERMINERS.iter().find(|d| d.0 == w)?;
        let j = if p.w(i + 1) == "fiscal" { i + 2 } else { i + 1 };
        if let Some(span) = Self::counted(p, w, j) {
            return Some(span);
        }
        if let Some(unit) = p.lx(j).unit().filter(|_| !p.title_case(j)) {
            return Self::unit(p, w, j, unit, n, anchor);
        }
        if let Some(pod) = p.lx(j).part_of_day() {
            return Self::part_of_day(p, w, j, pod);
        }
        Self::named(p, w, j, n, anchor)
    }
}

impl Det {
    /// "the", "this" and "that" open only before a word that can open an expression ("the last
    /// week of", "this week", "that Tuesday").
    fn ahead(p: &Parser<'_>, i: usize) -> bool {
        !matches!(p.w(i), "the" | "this" | "that") || p.entry(i + 1).is_some_and(|e| e.starter)
    }

    /// "the last week of June", "the first days of 1990" with "first"/"last" at `o`: the month,
    /// year, part of a year or shift of a month or more after "of".
    fn part_of(p: &Parser<'_>, o: usize) -> Core {
        let k = if p.w(o + 3) == "the" { o + 4 } else { o + 3 };
        match p.core(k) {
            Some((e, sem @ (Sem::Month { .. } | Sem::Year(_) | Sem::Part { .. }))) => {
                Some((e, sem))
            }
            Some((e, sem @ Sem::Shift { unit, .. })) if unit >= Unit::Month => Some((e, sem)),
            _ => None,
        }
    }

    /// "the past two years", "the next five years": durations, with the count at `j`.
    fn counted(p: &Parser<'_>, w: &str, j: usize) -> Core {
        if !matches!(
            w,
            "past" | "last" | "next" | "coming" | "previous" | "following"
        ) || matches!(p.w(j), "a" | "an")
        {
            return None;
        }
        let (k, count) = p.count_at(j)?;
        let unit = p.lx(k).unit()?;
        Some((k + 1, duration(count, unit)))
    }

    /// Determiner `w` before `unit` at `j`: "last week", "the coming weeks" (a span of unknown
    /// length), "the previous day", "the past decade" (the ten years up to now, not the calendar
    /// decade before this one), "last year's quarter", "this year's third quarter".
    fn unit(p: &Parser<'_>, w: &str, j: usize, unit: Unit, n: i32, anchor: Anchor) -> Core {
        let nw = p.w(j);
        let plural = nw.ends_with('s') && unit != Unit::Century || nw == "centuries";
        if plural {
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
            // "The last decade of the 19th century" is a part of that century, which this cannot
            // tell. "The coming decade" is the ten years ahead, not the next calendar decade.
            Unit::Decade | Unit::Century if matches!(w, "past" | "last" | "coming") => {
                if p.w(j + 1) == "of" {
                    return None;
                }
                return Some((j + 1, duration(Some(1.0), unit)));
            }
            _ => Sem::Shift { unit, n, anchor },
        };
        let possessive = unit == Unit::Year && p.punct(j + 1, '\'') && p.w(j + 2) == "s";
        // "last year's quarter": the quarter the text is about, a year back.
        if possessive
            && matches!(p.w(j + 3), "quarter" | "period")
            && anchor == Anchor::Reference
            && n <= 0
        {
            return Some((j + 4, Sem::LastQuarter { years_back: -n }));
        }
        if possessive && let Some((e, q)) = p.quarter_or_half(j + 3) {
            let y = if anchor == Anchor::Reference {
                YearRef::Dir(n)
            } else {
                YearRef::Near
            };
            return Some((e, part(y, q)));
        }
        Some((j + 1, sem))
    }

    /// "this morning", "last night", "the next morning", "that evening": part of day `pod` at `j`.
    fn part_of_day(p: &Parser<'_>, w: &str, j: usize, pod: &str) -> Core {
        let n = match w {
            "this" => 0,
            "last" if p.w(j) == "night" => -1,
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
        let pod = Some(pod.to_string());
        Some((j + 1, Sem::DayRel { n, pod, anchor }))
    }

    /// "next Tuesday", "last Thanksgiving", "last November", "next spring": a named day, month or
    /// season at `j` ("that November" is no such thing).
    fn named(p: &Parser<'_>, w: &str, j: usize, n: i32, anchor: Anchor) -> Core {
        if let Some(wd) = p.lx(j).weekday().filter(|_| p.capitalised(j)) {
            let dir = match w {
                "last" | "past" | "previous" => -1,
                "next" | "coming" | "following" => 1,
                "this" => THIS_WEEK,
                _ => return None,
            };
            return Some((j + 1, Sem::Weekday { wd, dir, pod: None }));
        }
        if let Some((e, Sem::Holiday { h, .. })) = Holiday::parse(p, j) {
            return (anchor == Anchor::Reference).then_some((
                e,
                Sem::Holiday {
                    h,
                    y: YearRef::Dir(n),
                },
            ));
        }
        if let Some(m) = p.lx(j).month().filter(|_| p.capitalised(j)) {
            return (anchor == Anchor::Reference).then_some((
                j + 1,
                Sem::Month {
                    y: YearRef::Dir(n),
                    m,
                },
            ));
        }
        let s = p
            .lx(j)
            .season()
            .filter(|_| !p.on(j + 1, List::SeasonNoun))?;
        (anchor == Anchor::Reference).then(|| (j + 1, part(YearRef::Dir(n), Part::Season(s))))
    }
}

impl Parser<'_> {
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
}

#[cfg(test)]
#[test]
fn det() {
    rows::<Det>(&[
        ("Talks resumed last week.", "last week", "2025-W46"),
        ("The court will rule next week.", "next week", "2025-W48"),
        ("Output rose this year.", "this year", "2025"),
        ("The tax was raised last year.", "last year", "2024"),
        ("Troops will leave next month.", "next month", "2025-12"),
        ("Sales rose this quarter.", "this quarter", "2025-Q4"),
        (
            "The talks collapsed last Friday.",
            "last Friday",
            "2025-11-14",
        ),
        ("Leaders meet next Monday.", "next Monday", "2025-11-24"),
        // "this Friday" is the Friday of the week of the publication day, whatever the tense.
        (
            "The same result this Sunday would put them top.",
            "this Sunday",
            "2025-11-23",
        ),
        (
            "The minister resigned this Monday.",
            "this Monday",
            "2025-11-17",
        ),
        (
            "The army withdrew last November.",
            "last November",
            "2024-11",
        ),
        ("The sale closes next March.", "next March", "2026-03"),
        (
            "The company expanded last summer.",
            "last summer",
            "2025-SU",
        ),
        (
            "The plant reopened this past spring.",
            "this past spring",
            "2025-SP",
        ),
        (
            "Prices spiked last Thanksgiving.",
            "last Thanksgiving",
            "2024-11-28",
        ),
        (
            "Wham's Last Christmas topped the download chart.",
            "Last Christmas",
            "",
        ),
        (
            "Last Christmas, the shops were empty.",
            "Last Christmas",
            "2024-12-25",
        ),
        (
            "Investment will grow in the coming decade.",
            "the coming decade",
            "P10Y",
        ),
        (
            "Shelling continued into this morning.",
            "this morning",
            "2025-11-20TMO",
        ),
        (
            "Rioters clashed with police last night.",
            "last night",
            "2025-11-19TNI",
        ),
        (
            "The ceasefire began on March 3. The previous day, shells hit the town.",
            "The previous day",
            "2025-03-02",
        ),
        (
            "Prices rose over the past two months.",
            "the past two months",
            "P2M",
        ),
        (
            "Investment will grow in the coming months.",
            "the coming months",
            "PXM",
        ),
        (
            "Unemployment fell in the past year.",
            "the past year",
            "2024",
        ),
        (
            "Growth was weak over the past decade.",
            "the past decade",
            "P10Y",
        ),
        (
            "Profit rose in this year's third quarter.",
            "this year's third quarter",
            "2025-Q3",
        ),
        (
            "Sales fell in the third quarter. Sales for last year's quarter were flat.",
            "last year's quarter",
            "2024-Q3",
        ),
        (
            "Protests peaked in the last week of June.",
            "the last week of June",
            "2025-06",
        ),
        (
            "The trial is expected to last six weeks.",
            "last six weeks",
            "",
        ),
        (
            "She spoke often in the last week of the campaign.",
            "last week",
            "",
        ),
    ]);
}

#[test]
fn every_determiner_opens_det() {
    for (w, _, _) in DETERMINERS {
        assert!(Det::START.words.contains(w), "{w}");
    }
}

/// "today", "yesterday morning", "tonight", "tomorrow", "overnight" (tonight; the night before in
/// the past tense, see `tag_lowered`); "today's youth" is nowadays
/// (`temporal-generic-present.txt`).
pub struct Deictic;

impl Rule for Deictic {
    const START: Start = Start {
        words: &["today", "tonight", "yesterday", "tomorrow", "overnight"],
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        let w = p.w(i);
        // "the people of tomorrow": the future in general.
        if i > 0 && p.w(i - 1) == "of" && w != "yesterday" {
            return None;
        }
        // "USA Today", "Radio 4's Today programme": in running text a capital "Today" after a
        // word is a title, not a day (but a title-case headline, "Talks Resume Today", is a day).
        if w == "today"
            && p.title_case_word(i)
            && p.toks[i - 1].kind == Kind::Word
            && !(i >= 2 && p.capitalised(i - 1) && p.capitalised(i - 2))
        {
            return None;
        }
        if w == "today"
            && p.punct(i + 1, '\'')
            && p.w(i + 2) == "s"
            && p.on(i + 3, List::GenericPresent)
        {
            return Some((i + 1, Sem::Ref("PRESENT_REF")));
        }
        // Not "an overnight stay" or "overnight trading".
        if w == "overnight"
            && ((i > 0 && matches!(p.w(i - 1), "a" | "an" | "the"))
                || p.toks.get(i + 1).is_some_and(|t| {
                    t.kind == Kind::Word
                        && !matches!(
                            t.norm,
                            "as" | "and" | "in" | "on" | "into" | "after" | "before"
                        )
                }))
        {
            return None;
        }
        let (n, mut pod) = match w {
            "today" => (0, None),
            "tonight" | "overnight" => (0, Some("NI".to_string())),
            "yesterday" => (-1, None),
            "tomorrow" => (1, None),
            _ => return None,
        };
        let mut end = i + 1;
        if pod.is_none()
            && let Some(v) = p.lx(end).part_of_day()
            && !v.starts_with('T')
        {
            pod = Some(v.to_string());
            end += 1;
        }
        let anchor = Anchor::Reference;
        Some((end, Sem::DayRel { n, pod, anchor }))
    }
}

#[cfg(test)]
#[test]
fn deictic() {
    rows::<Deictic>(&[
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
        ("Talks Resume Today", "Today", "2025-11-20"),
        ("It was reported by USA Today.", "Today", ""),
        ("They booked an overnight stay.", "overnight", ""),
        ("The people of tomorrow will judge.", "tomorrow", ""),
    ]);
}

/// "Friday", "Wed.", "Tuesday morning", "Monday, Oct. 27" and "Saturday, 26 February" (the date
/// says which), "Tuesdays" and "Tuesday nights" (sets); not a title ("The Sunday Times",
/// "Saturday Night Takeaway"), a team ("with Wednesday, who are fourth") or an abbreviation
/// where no day is expected ("owned by Sun.").
pub struct Weekday;

impl Rule for Weekday {
    const START: Start = Start {
        kinds: Word::WEEKDAY,
        plural_kinds: Word::WEEKDAY,
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        let w = p.w(i);
        if !p.capitalised(i) {
            return None;
        }
        if let Some(wd) = w
            .strip_suffix('s')
            .and_then(|s| p.lex.weekday(s))
            .filter(|_| w.len() > 5)
        {
            return Some((i + 1, Sem::Set(format!("XXXX-WXX-{wd}"))));
        }
        let wd = p.lx(i).weekday()?;
        let abbrev = w.len() <= 4;
        let dotted = p.punct(i + 1, '.') && p.glued(i + 1);
        if abbrev && !dotted {
            return None;
        }
        let end = if abbrev { i + 2 } else { i + 1 };
        // "Monday, Oct. 26", "Saturday, 26 February" (day first, as British news writes it).
        let k = if p.punct(end, ',') { end + 1 } else { end };
        if let Some((e, sem @ Sem::Day { .. })) = MonthLed::day(p, k) {
            return Some((e, sem));
        }
        if let Some((e, sem @ Sem::Day { .. })) = DayLed::parse(p, k) {
            return Some((e, sem));
        }
        if Self::names_something(p, i, end, abbrev) {
            return None;
        }
        Self::with_part_of_day(p, end, wd)
    }
}

impl Weekday {
    /// Whether the weekday at `i` (ending before `end`) names something else: an abbreviation
    /// where no day is expected ("owned by Sun.", "Tears of the Sun."; "on Sat.", "until Wed."
    /// are days), a team ("business with Wednesday, who are fourth"; "arrested on Friday, who
    /// cannot be named" keeps its Friday), a title ("The Sunday Times", "the Good Friday
    /// Agreement").
    fn names_something(p: &Parser<'_>, i: usize, end: usize, abbrev: bool) -> bool {
        if abbrev
            && !(i > 0
                && matches!(
                    p.w(i - 1),
                    "on" | "until" | "till" | "since" | "next" | "last" | "this" | "through"
                ))
        {
            return true;
        }
        if p.punct(end, ',') && p.w(end + 1) == "who" && !(i > 0 && p.time_lead(i - 1)) {
            return true;
        }
        i > 0
            && (p.w(i - 1) == "the" || (p.title_case_word(i - 1) && !p.time_lead(i - 1)))
            && p.name_follows(end)
            && p.lx(end).part_of_day().is_none()
    }

    /// Weekday `wd` ending before `end`, with a part of the day after it ("Tuesday morning"; not
    /// "Monday Night Football", a title), or every such one ("Tuesday nights").
    fn with_part_of_day(p: &Parser<'_>, end: usize, wd: u32) -> Core {
        if let Some(v) = p.lx(end).part_of_day().filter(|v| !v.starts_with('T')) {
            if p.capitalised(end)
                && p.capitalised(end + 1)
                && p.toks.get(end + 1).is_some_and(|t| t.kind == Kind::Word)
            {
                return None;
            }
            let pod = Some(v.to_string());
            return Some((end + 1, Sem::Weekday { wd, dir: 0, pod }));
        }
        if let Some(v) = p
            .w(end)
            .strip_suffix('s')
            .and_then(|w| p.lex.part_of_day(w))
        {
            return Some((end + 1, Sem::Set(format!("XXXX-WXX-{wd}T{v}"))));
        }
        Some((
            end,
            Sem::Weekday {
                wd,
                dir: 0,
                pod: None,
            },
        ))
    }
}

#[cfg(test)]
#[test]
fn weekday() {
    rows::<Weekday>(&[
        ("Ministers met on Tuesday.", "Tuesday", "2025-11-18"),
        ("Ministers will meet on Tuesday.", "Tuesday", "2025-11-25"),
        // The present progressive arranges the day ahead.
        (
            "The two sides are meeting on Tuesday.",
            "Tuesday",
            "2025-11-25",
        ),
        (
            "The band is flying to Paris on Monday.",
            "Monday",
            "2025-11-24",
        ),
        (
            "Police raided the house Tuesday morning.",
            "Tuesday morning",
            "2025-11-18TMO",
        ),
        (
            "On Monday, Oct. 27, the talks resumed.",
            "Monday, Oct. 27",
            "2025-10-27",
        ),
        (
            "The final was on Saturday, 26 February.",
            "Saturday, 26 February",
            "2025-02-26",
        ),
        (
            "The bill passed on Wed. after a long debate.",
            "Wed.",
            "2025-11-19",
        ),
        ("The market opens on Sundays.", "Sundays", "XXXX-WXX-7"),
        (
            "The club meets on Tuesday nights.",
            "Tuesday nights",
            "XXXX-WXX-2TNI",
        ),
        ("The Sunday Times broke the story.", "Sunday", ""),
        (
            "The grid runs on Solaris, the system owned by Sun.",
            "Sun",
            "",
        ),
        (
            "They did business with Wednesday, who are fourth.",
            "Wednesday",
            "",
        ),
        ("He hosts Saturday Night Takeaway.", "Saturday Night", ""),
    ]);
}

/// Words that open a reference by themselves, without a lexicon reading: "the past", "at
/// present", "the near future", "the long term" (`parse_at` keeps "the" before them).
const REF_OPENERS: &[&str] = &[
    "past",
    "present",
    "near",
    "short",
    "long",
    "foreseeable",
    "distant",
    "immediate",
];

/// Whether `w` opens a reference by itself (`REF_OPENERS`).
pub fn ref_opener(w: &str) -> bool {
    REF_OPENERS.contains(&w)
}

/// "now", "currently", "recently" (the `ref` words of `temporal-lexicon.txt`), "the past", "at
/// present", "the near future", "the long term", "future years", "these days", "recent weeks";
/// not "recent visit", "the future of the region" or an argument's "Now, ...".
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
        if let Some(phrase) = Self::phrase(p, i) {
            return Some(phrase);
        }
        let w = p.w(i);
        let prev = i.checked_sub(1).map_or("", |k| p.w(k));
        let r = p.lx(i).reference()?;
        if w == "recent" {
            // TimeBank reads "recent months" as a span of unknown length, "recent years" and
            // "recent weeks" as the past; "recent visit", an adjective on an event noun, it
            // leaves untagged.
            let u = p.lx(i + 1).unit().filter(|_| p.w(i + 1).ends_with('s'))?;
            if u == Unit::Month {
                return Some((i + 2, duration(None, u)));
            }
            return Some((i + 2, Sem::Ref("PAST_REF")));
        }
        if w == "future" && prev != "the" && !matches!(p.w(i + 1), "." | "," | ";") {
            return None;
        }
        if w == "future" && p.w(i + 1) == "of" {
            return None;
        }
        if w == "now" && p.capitalised(i) && p.punct(i + 1, ',') {
            return None;
        }
        Some((i + 1, Sem::Ref(r)))
    }
}

impl Ref {
    /// The references of more than a lexicon word: "the past" (not "the past two years"), "at
    /// present", "the near future", "in the near term", "over the long term" (not "the short
    /// term rate"), "in future years", "these days".
    fn phrase(p: &Parser<'_>, i: usize) -> Core {
        let prev = i.checked_sub(1).map_or("", |k| p.w(k));
        let next = p.w(i + 1);
        match p.w(i) {
            "past" if prev == "the" && !p.next_is_timeish(i + 1) => {
                Some((i + 1, Sem::Ref("PAST_REF")))
            }
            "present" if prev == "at" => Some((i + 1, Sem::Ref("PRESENT_REF"))),
            "near" | "foreseeable" | "distant" | "immediate" if next == "future" => {
                Some((i + 2, Sem::Ref("FUTURE_REF")))
            }
            "near" | "short" | "long"
                if prev == "the"
                    && next == "term"
                    && (p.toks.get(i + 2).is_none_or(|t| t.kind != Kind::Word)
                        || matches!(p.w(i + 2), "and" | "or" | "but" | "as" | "is" | "will")) =>
            {
                Some((i + 2, Sem::Ref("FUTURE_REF")))
            }
            "future"
                if next.ends_with('s')
                    && matches!(
                        p.lx(i + 1).unit(),
                        Some(Unit::Year | Unit::Quarter | Unit::Month | Unit::Week)
                    ) =>
            {
                Some((i + 2, Sem::Ref("FUTURE_REF")))
            }
            "these" if next == "days" => Some((i + 2, Sem::Ref("PRESENT_REF"))),
            _ => None,
        }
    }
}

impl Parser<'_> {
    /// Whether a unit, a count, a weekday, a month or a season is at `i`.
    fn next_is_timeish(&self, i: usize) -> bool {
        let l = self.lx(i);
        l.unit().is_some()
            || self.count_at(i).is_some()
            || l.weekday().is_some()
            || l.month().is_some()
            || l.season().is_some()
    }
}

#[cfg(test)]
#[test]
fn reference() {
    rows::<Ref>(&[
        ("The group recently expanded.", "recently", "PAST_REF"),
        ("Costs may rise in the future.", "the future", "FUTURE_REF"),
        ("Such talks were rare in the past.", "the past", "PAST_REF"),
        ("The current government fell.", "current", "PRESENT_REF"),
        (
            "Attacks have risen in recent weeks.",
            "recent weeks",
            "PAST_REF",
        ),
        (
            "Officials have raised concerns in recent months.",
            "recent months",
            "PXM",
        ),
        (
            "Inflation is falling these days.",
            "these days",
            "PRESENT_REF",
        ),
        (
            "No deal is likely in the near future.",
            "the near future",
            "FUTURE_REF",
        ),
        (
            "At present, the border is closed.",
            "present",
            "PRESENT_REF",
        ),
        (
            "Rates will stay low over the long term.",
            "the long term",
            "FUTURE_REF",
        ),
        (
            "Profits will rise in future years.",
            "future years",
            "FUTURE_REF",
        ),
        (
            "The segment also addressed recent remarks by the minister.",
            "recent",
            "",
        ),
        ("They debated the future of the region.", "future", ""),
        ("Now, he says, the war is over.", "Now", ""),
    ]);
}

#[test]
fn every_ref_opener_opens_ref() {
    for w in REF_OPENERS {
        assert!(Ref::START.words.contains(w), "{w}");
    }
}

/// "the year" (this year; "the year ended June 30" and "the year ahead" are spans, "the year
/// before" the one before the year the text is about), "the end of the month", "the week of
/// March 6", "the weekend" (which one follows the tense).
pub struct TheUnit;

impl Rule for TheUnit {
    const START: Start = Start {
        words: &["year", "month", "week", "weekend"],
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        if i == 0 || p.w(i - 1) != "the" {
            return None;
        }
        let w = p.w(i);
        match w {
            "year" if !p.punct(i + 1, '-') && !p.punct(i + 1, '\'') => Self::year(p, i),
            "month" | "week" if i >= 2 && matches!(p.w(i - 2), "of" | "in") => {
                let unit = if w == "month" {
                    Unit::Month
                } else {
                    Unit::Week
                };
                Some((i + 1, shift(unit, 0)))
            }
            "week" if p.w(i + 1) == "of" => {
                let (e, day) = MonthLed::day(p, i + 2)?;
                Some((e, Sem::WeekOf(Box::new(day))))
            }
            // Which weekend follows the tense (marked by the text anchor; see `resolve`).
            "weekend" => Some((
                i + 1,
                Sem::Shift {
                    unit: Unit::Weekend,
                    n: 0,
                    anchor: Anchor::Text,
                },
            )),
            _ => None,
        }
    }
}

impl TheUnit {
    /// "the year" at `i` (after "the"); not an award's title ("Player of the Year"), and "the
    /// year 2004" is read by `Year`.
    fn year(p: &Parser<'_>, i: usize) -> Core {
        if p.capitalised(i) && i >= 2 && p.w(i - 2) == "of" {
            return None;
        }
        if p.on_span_end(i + 1) {
            return Some((i + 1, duration(Some(1.0), Unit::Year)));
        }
        if p.w(i + 1) == "ahead" {
            return Some((i + 2, duration(Some(1.0), Unit::Year)));
        }
        if matches!(p.w(i + 1), "before" | "earlier") {
            let sem = Sem::Shift {
                unit: Unit::Year,
                n: -1,
                anchor: Anchor::Text,
            };
            return Some((i + 2, sem));
        }
        if p.year_at(i + 1).is_some() {
            return None;
        }
        Some((i + 1, shift(Unit::Year, 0)))
    }
}

#[cfg(test)]
#[test]
fn the_unit() {
    rows::<TheUnit>(&[
        (
            "The stock hit a high for the year in June.",
            "the year",
            "2025",
        ),
        (
            "Net income rose in the year ended June 30.",
            "the year",
            "P1Y",
        ),
        (
            "The company expects growth in the year ahead.",
            "the year ahead",
            "P1Y",
        ),
        (
            "Sales rose to $1bn in 2004, up from $900m the year before.",
            "the year before",
            "2003",
        ),
        (
            "Payments are due at the end of the month.",
            "the end of the month",
            "2025-11",
        ),
        (
            "Talks are set for the week of December 8.",
            "the week of December 8",
            "2025-W50",
        ),
        (
            "Crowds gathered over the weekend.",
            "the weekend",
            "2025-W46-WE",
        ),
        (
            "She was named Sportswoman of the Year by the magazine.",
            "Year",
            "",
        ),
    ]);
}
