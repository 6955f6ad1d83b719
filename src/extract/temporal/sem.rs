//! What a recognised expression means before it is anchored: the tagger's intermediate form.

use super::lexicon::{Holiday, Unit};

/// Which year a month, season or quarter falls in.
#[derive(Clone, Debug, PartialEq)]
pub enum YearRef {
    Abs(i32),
    /// The one nearest the anchor in the clause's direction (a bare "November", "the third quarter").
    Near,
    /// `last` (-1), `this` (0) or `next` (+1) relative to the anchor's own period.
    Dir(i32),
    /// The anchor's year shifted: "January this year" (0), "June last year" (-1).
    Year(i32),
}

/// A part of a year.
#[derive(Clone, Debug, PartialEq)]
pub enum Part {
    Quarter(u32),
    Half(u32),
    Season(&'static str),
}

/// What a shift or a day is counted from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The publication date ("two years ago", "yesterday").
    Reference,
    /// The last date the text mentioned ("the previous day", "a year earlier").
    Text,
}

/// `Sem::Weekday`'s `dir` for "this Friday": the day of the reference's week, whatever the tense
/// ("The same result this Sunday would put them top", written on a Wednesday, is four days on).
pub const THIS_WEEK: i32 = 2;

#[derive(Clone, Debug, PartialEq)]
pub enum Sem {
    /// A day with or without its year; `until` is the last day of a range (month, day, year).
    Day {
        y: Option<i32>,
        m: u32,
        d: u32,
        until: Option<(u32, u32, Option<i32>)>,
    },
    Month {
        y: YearRef,
        m: u32,
    },
    Year(i32),
    /// First three digits: 199 for the 1990s.
    Decade(i32),
    /// First two digits: 19 for the 20th century.
    Century(i32),
    Part {
        y: YearRef,
        part: Part,
    },
    /// The most recently completed quarter ("the quarter", "the latest quarter"), shifted by years.
    LastQuarter {
        years_back: i32,
    },
    /// "the 1988 quarter": the quarter named nearby in that year, else the year.
    QuarterIn(i32),
    /// A unit counted from an anchor: "last week" (-1), "this year" (0), "two years ago" (-2).
    /// Units of a month or more always count from the publication date; a weekend with `n` 0 and
    /// anchor `Text` is "the weekend", whose direction follows the tense.
    Shift {
        unit: Unit,
        n: i32,
        anchor: Anchor,
    },
    /// `dir` 0 follows the clause's tense; -1 "last Friday"; +1 "next Friday"; `THIS_WEEK` "this
    /// Friday", the Friday of the reference's Monday-to-Sunday week.
    Weekday {
        wd: u32,
        dir: i32,
        pod: Option<String>,
    },
    /// Today (0), yesterday (-1), tomorrow (+1), "the previous day" (anchor Text), with a part of day.
    DayRel {
        n: i32,
        pod: Option<String>,
        anchor: Anchor,
    },
    /// A clock time on the anchor day.
    Clock {
        h: u32,
        m: u32,
        day: Option<Box<Sem>>,
    },
    /// A named holiday; `y` is its year when written, else the nearest one.
    Holiday {
        h: Holiday,
        y: YearRef,
    },
    /// The ISO week of a day: "the week of March 6", "Easter week".
    WeekOf(Box<Sem>),
    Duration(String),
    Set(String),
    /// PRESENT_REF, PAST_REF, FUTURE_REF.
    Ref(&'static str),
}

impl Sem {
    /// Whether TimeBank writes a leading "the" into the span of this kind of expression.
    pub fn takes_the(&self) -> bool {
        !matches!(
            self,
            Sem::Day { .. }
                | Sem::Month { .. }
                | Sem::Weekday { .. }
                | Sem::Clock { .. }
                | Sem::Year(_)
                | Sem::Set(_)
                // "over the Christmas period": a holiday is a name.
                | Sem::Holiday { .. }
        )
    }
}

/// A duration value: "P3Y", "PT5H", "PXY" for a vague count; halves go down a unit ("PT5H30M").
pub fn duration_value(n: Option<f64>, unit: Unit) -> String {
    let (des, mult, clock) = unit.designator();
    let t = if clock { "T" } else { "" };
    let Some(n) = n else {
        let des = match des {
            "DE" => "Y",
            "CE" => "C",
            _ => des,
        };
        return format!("P{t}X{des}");
    };
    let n = n * mult;
    let (n, des) = match des {
        "DE" => (n * 10.0, "Y"),
        "CE" => (n * 100.0, "Y"),
        "WE" => (n * 2.0, "D"),
        _ => (n, des),
    };
    if n.fract() == 0.0 {
        return format!("P{t}{}{des}", n as i64);
    }
    let whole = n.trunc() as i64;
    let (sub, sub_des, sub_t) = match (des, clock) {
        ("Y", _) => (12.0, "M", ""),
        ("M", false) => (30.0, "D", ""),
        ("W", _) => (7.0, "D", ""),
        ("D", _) => (24.0, "H", "T"),
        ("H", true) => (60.0, "M", ""),
        ("M", true) => (60.0, "S", ""),
        _ => return format!("P{t}{n}{des}"),
    };
    let part = (n.fract() * sub).round() as i64;
    let head = if whole > 0 {
        format!("{whole}{des}")
    } else {
        String::new()
    };
    format!("P{t}{head}{sub_t}{part}{sub_des}")
}
