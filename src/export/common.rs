//! What the export formats share: the happenings they speak of, how precisely a date is known,
//! date labels, and text made safe for one line.
//!
//! The formats that speak of happenings (Markdown, iCalendar, JSONL, SQLite) see them through
//! `happenings` alone: the corpus's happenings (`corpus::happenings`), or, for a corpus put
//! together without them, each event as a happening of its own.

use chrono::{Datelike, NaiveDate};

use crate::corpus::{Corpus, CorpusEvent};
use crate::ids::EventId;
use crate::text::month_name;

/// A happening as the formats see it: its events (chronological), the event that stands for
/// it, and its day bounds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Happening {
    /// `h1`, `h2`…: the export's numbering, as in `dateline/1`.
    pub id: String,
    pub events: Vec<EventId>,
    /// The report whose sentence stands for the happening.
    pub label: EventId,
    pub earliest: Option<NaiveDate>,
    pub latest: Option<NaiveDate>,
    /// Distinct articles and sources reporting it.
    pub reports: u32,
    pub sources: u32,
}

/// The happenings of the corpus, chronological (undated last); every event is in exactly one.
pub fn happenings(c: &Corpus) -> Vec<Happening> {
    if c.happenings.is_empty() && !c.events.is_empty() {
        return c
            .events
            .iter_enumerated()
            .map(|(i, e)| Happening {
                id: format!("h{}", i.index() + 1),
                events: vec![i],
                label: i,
                earliest: e.when.earliest,
                latest: e.when.latest.or(e.when.earliest),
                reports: 1,
                sources: 1,
            })
            .collect();
    }
    c.happenings
        .iter_enumerated()
        .map(|(i, h)| Happening {
            id: format!("h{}", i.index() + 1),
            events: h.events().to_vec(),
            label: h.label,
            earliest: h.when.earliest,
            latest: h.when.latest.or(h.when.earliest),
            reports: h.reports,
            sources: h.sources,
        })
        .collect()
}

/// For each event, its happening's place in `hs`.
pub fn happening_of(c: &Corpus, hs: &[Happening]) -> Vec<usize> {
    let mut of = vec![0; c.events.len()];
    for (h, happening) in hs.iter().enumerate() {
        for e in &happening.events {
            if let Some(slot) = of.get_mut(e.index()) {
                *slot = h;
            }
        }
    }
    of
}

/// How precisely a span of days is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Precision {
    Day,
    /// A Monday-to-Sunday ISO week.
    Week,
    Month,
    Year,
    /// Any other span of days.
    Range,
}

impl Precision {
    pub const fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::Range => "range",
        }
    }
}

fn last_of_month(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|n| n.pred_opt())
        .unwrap_or(d)
}

/// The precision of the inclusive day span `a..=b`.
pub fn precision(a: NaiveDate, b: NaiveDate) -> Precision {
    if a == b {
        Precision::Day
    } else if a.day() == 1
        && a.month() == 1
        && b.month() == 12
        && b.day() == 31
        && a.year() == b.year()
    {
        Precision::Year
    } else if a.day() == 1 && b == last_of_month(a) {
        Precision::Month
    } else if a.weekday() == chrono::Weekday::Mon && b.signed_duration_since(a).num_days() == 6 {
        Precision::Week
    } else {
        Precision::Range
    }
}

/// An event's day bounds, the latest defaulting to the earliest.
pub fn days(e: &CorpusEvent) -> Option<(NaiveDate, NaiveDate)> {
    let a = e.when.earliest?;
    Some((a, e.when.latest.unwrap_or(a).max(a)))
}

/// A heading for a span of days, as precise as it is known: "20 November 2025", "November 2025",
/// "2025", "Week 47, 2025", "21–22 November 2025", "30 November – 2 December 2025".
pub fn date_label(a: NaiveDate, b: NaiveDate) -> String {
    match precision(a, b) {
        Precision::Day => format!("{} {} {}", a.day(), month_name(a), a.year()),
        Precision::Month => format!("{} {}", month_name(a), a.year()),
        Precision::Year => a.year().to_string(),
        Precision::Week => format!("Week {}, {}", a.iso_week().week(), a.iso_week().year()),
        Precision::Range if a.year() == b.year() && a.month() == b.month() => {
            format!("{}–{} {} {}", a.day(), b.day(), month_name(a), a.year())
        }
        Precision::Range if a.year() == b.year() => format!(
            "{} {} – {} {} {}",
            a.day(),
            month_name(a),
            b.day(),
            month_name(b),
            a.year()
        ),
        Precision::Range => format!(
            "{} {} {} – {} {} {}",
            a.day(),
            month_name(a),
            a.year(),
            b.day(),
            month_name(b),
            b.year()
        ),
    }
}

/// `s` on one line: line breaks and tabs become spaces, other control characters are dropped,
/// and runs of spaces close up.
pub fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for ch in s.trim().chars() {
        if ch.is_whitespace() {
            space = true;
        } else if !ch.is_control() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(ch);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn precision_and_labels_follow_the_span() {
        let cases = [
            (
                (d(2025, 11, 20), d(2025, 11, 20)),
                "day",
                "20 November 2025",
            ),
            ((d(2025, 11, 1), d(2025, 11, 30)), "month", "November 2025"),
            ((d(2024, 2, 1), d(2024, 2, 29)), "month", "February 2024"),
            ((d(2025, 1, 1), d(2025, 12, 31)), "year", "2025"),
            ((d(2025, 11, 17), d(2025, 11, 23)), "week", "Week 47, 2025"),
            (
                (d(2025, 11, 21), d(2025, 11, 22)),
                "range",
                "21–22 November 2025",
            ),
            (
                (d(2025, 11, 30), d(2025, 12, 2)),
                "range",
                "30 November – 2 December 2025",
            ),
            (
                (d(2024, 12, 30), d(2025, 1, 2)),
                "range",
                "30 December 2024 – 2 January 2025",
            ),
        ];
        for ((a, b), p, label) in cases {
            assert_eq!(precision(a, b).as_str(), p, "{a} {b}");
            assert_eq!(date_label(a, b), label);
        }
    }

    #[test]
    fn one_line_drops_controls_and_folds_breaks() {
        assert_eq!(one_line(" a\r\n b\tc\u{7}d\u{1b}[2J  "), "a b cd[2J");
        assert_eq!(one_line("日本語、テスト"), "日本語、テスト");
    }
}
