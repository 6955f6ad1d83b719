//! Publication dates as people write them: ISO days and timestamps, RFC 2822, "14 March 2025",
//! "March 14, 2025", numeric days and Unix timestamps, read as the day in the writer's own zone.
//!
//! Every form is one unit below (`FORMS`): its doc, its parser and its table rows side by side;
//! `parse_date` tries them in order. A timestamp's day is the day as written: `2025-03-14T23:30:00-05:00`
//! is the 14th, because the offset is the article's own zone. Only a Unix timestamp, which has no
//! zone, is read in UTC. Years are four digits (0001–9999), so no value leaves TIMEX3's range.

use chrono::NaiveDate;

/// Why a date could not be read: shown to the user after the value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Day and month could each be the other (`03/04/2025`).
    Ambiguous,
    /// No form matched.
    Unreadable,
}

impl DateError {
    pub fn describe(&self) -> &'static str {
        match self {
            DateError::Ambiguous => "day and month are ambiguous; write YYYY-MM-DD",
            DateError::Unreadable => {
                "expected a date such as 2025-03-14, 2025-03-14T10:00:00+01:00, \
                 Fri, 14 Mar 2025 10:00:00 GMT, 14 March 2025 or March 14, 2025"
            }
        }
    }
}

/// One written form of a date.
struct Form {
    /// What the form looks like, for the docs and test failures.
    #[cfg_attr(not(test), allow(dead_code))]
    name: &'static str,
    parse: fn(&str) -> Option<Result<NaiveDate, DateError>>,
    /// (input, expected day or "" for "this form reads it as no date"), checked by the table test.
    #[cfg_attr(not(test), allow(dead_code))]
    rows: &'static [(&'static str, &'static str)],
}

const FORMS: &[Form] = &[
    Form {
        name: "ISO 8601 day or timestamp: YYYY-MM-DD, RFC 3339, YYYY-MM-DD HH:MM[:SS], with or without zone",
        parse: iso,
        rows: &[
            ("2025-03-14", "2025-03-14"),
            ("2025-3-4", "2025-03-04"),
            ("2025-03-14T10:00:00Z", "2025-03-14"),
            ("2025-03-14T10:00:00+01:00", "2025-03-14"),
            ("2025-03-14T23:30:00-05:00", "2025-03-14"),
            ("2025-03-14T00:30:00+09:00", "2025-03-14"),
            ("2025-03-14T10:00:00.123456Z", "2025-03-14"),
            ("2025-03-14T10:00:00", "2025-03-14"),
            ("2025-03-14T10:00", "2025-03-14"),
            ("2025-03-14t10:00:00z", "2025-03-14"),
            ("2025-03-14 10:00", "2025-03-14"),
            ("2025-03-14 10:00:00", "2025-03-14"),
            ("2025-03-14 10:00:00 +0200", "2025-03-14"),
            ("2025-03-14 10:00:00 UTC", "2025-03-14"),
            ("2025-03-14T10:00:00+0100", "2025-03-14"),
            ("2024-02-29", "2024-02-29"),
            ("20250314", "2025-03-14"),
            ("2025-02-30", ""),
            ("2025-13-01", ""),
            ("2025-03-14T25:00:00", ""),
            ("2025-03-14T10:00:00+25:00", ""),
            ("2025-03-14 and more", ""),
        ],
    },
    Form {
        name: "year first with slashes or dots: 2025/03/14, 2025.03.14",
        parse: year_first,
        rows: &[
            ("2025/03/14", "2025-03-14"),
            ("2025/3/4", "2025-03-04"),
            ("2025.03.14", "2025-03-14"),
            ("2025/03/14 10:00", "2025-03-14"),
            ("2025/14/03", ""),
        ],
    },
    Form {
        name: "day and month as numbers: 14/03/2025, 03/14/2025 (only when the order is clear)",
        parse: numeric_day_month,
        rows: &[
            ("14/03/2025", "2025-03-14"),
            ("03/14/2025", "2025-03-14"),
            ("14.03.2025", "2025-03-14"),
            ("14-03-2025", "2025-03-14"),
            ("4/4/2025", "2025-04-04"),
            ("03/04/2025", ""),
            ("32/01/2025", ""),
        ],
    },
    Form {
        name: "month names, any order and punctuation: 14 March 2025, March 14, 2025, 14 Mar 2025, \
               RFC 2822 (Fri, 14 Mar 2025 10:00:00 GMT), with weekday, ordinal, time and zone",
        parse: words,
        rows: &[
            ("Fri, 14 Mar 2025 10:00:00 GMT", "2025-03-14"),
            ("Fri, 14 Mar 2025 10:00:00 +0000", "2025-03-14"),
            ("Fri, 14 Mar 2025 23:30:00 -0500", "2025-03-14"),
            ("14 Mar 2025 10:00:00 EST", "2025-03-14"),
            ("Fri, 14 Mar 25 10:00:00 GMT", "2025-03-14"),
            ("Mon, 02 Jan 06 15:04:05 MST", "2006-01-02"),
            ("Fri, 4 Apr 2025 10:00 UT", "2025-04-04"),
            ("14 March 2025", "2025-03-14"),
            ("March 14, 2025", "2025-03-14"),
            ("March 14 2025", "2025-03-14"),
            ("14 Mar 2025", "2025-03-14"),
            ("Mar 14, 2025", "2025-03-14"),
            ("Mar. 14, 2025", "2025-03-14"),
            ("Sept. 4, 2025", "2025-09-04"),
            ("14th March 2025", "2025-03-14"),
            ("March 14th, 2025", "2025-03-14"),
            ("1st of March, 2025", "2025-03-01"),
            ("Friday, March 14, 2025", "2025-03-14"),
            ("Friday 14 March 2025", "2025-03-14"),
            ("Friday, 14 March, 2025", "2025-03-14"),
            ("14-Mar-2025", "2025-03-14"),
            ("2025-Mar-14", "2025-03-14"),
            ("2025 March 14", "2025-03-14"),
            ("14 MARCH 2025", "2025-03-14"),
            ("march 14, 2025", "2025-03-14"),
            ("March 14, 2025 10:00 AM", "2025-03-14"),
            ("March 14, 2025 at 10:00 a.m. ET", "2025-03-14"),
            ("March 14, 2025, 10:00 pm EDT", "2025-03-14"),
            ("Published March 14, 2025", "2025-03-14"),
            ("Updated: 14 March 2025 10:00 BST", "2025-03-14"),
            ("Fri Mar 14 10:00:00 UTC 2025", "2025-03-14"),
            ("Fri Mar 14 10:00:00 2025", "2025-03-14"),
            ("29 February 2024", "2024-02-29"),
            ("29 February 2025", ""),
            ("March 2025", ""),
            ("March 32, 2025", ""),
            ("14 Smarch 2025", ""),
            ("Fri, 14 Mar", ""),
            ("14 March 2025 March 15 2025", ""),
            ("Mayday 5 2025", ""),
        ],
    },
];

/// Bad input that no form reads, beside the forms' own failing rows.
#[cfg(test)]
const UNREADABLE: &[&str] = &[
    "",
    "   ",
    "tomorrow",
    "yesterday",
    "n/a",
    "0",
    "2025",
    "-0001-01-01",
    "+10000-01-01",
    "10000-01-01",
    "0000-00-00",
    "2025-03-14T",
    "2025-03-14T10",
    "2025-03-14T10:00:00+",
    "14/03",
    "2025/03",
    "Mar 14",
    "14 March 12345",
    "\u{0}2025-03-14",
    "2025‐03‐14x",
    "14 March 2025 garbage",
    "١٤ مارس ٢٠٢٥",
];

/// Reads a publication date written in any of the forms above.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    read_date(s).ok()
}

/// As `parse_date`, saying why a value could not be read.
pub fn read_date(s: &str) -> Result<NaiveDate, DateError> {
    let s = s.trim();
    // Longer than any date people write: not worth tokenising.
    if s.is_empty() || s.len() > 80 {
        return Err(DateError::Unreadable);
    }
    let mut ambiguous = false;
    for form in FORMS {
        match (form.parse)(s) {
            Some(Ok(d)) => return Ok(d),
            Some(Err(DateError::Ambiguous)) => ambiguous = true,
            _ => {}
        }
    }
    Err(if ambiguous {
        DateError::Ambiguous
    } else {
        DateError::Unreadable
    })
}

/// Only the ISO form: `YYYY-MM-DD`, optionally with a time and zone (RFC 3339).
pub fn parse_iso(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.len() > 80 {
        return None;
    }
    iso(s).and_then(Result::ok)
}

/// A Unix timestamp (seconds, or milliseconds when it has 12 or more digits) as its UTC day.
pub fn from_unix(n: i64) -> Option<NaiveDate> {
    let secs = if n.unsigned_abs() >= 100_000_000_000 {
        n.div_euclid(1000)
    } else {
        n
    };
    let d = chrono::DateTime::from_timestamp(secs, 0)?.date_naive();
    in_range(d)
}

/// A Unix timestamp written as a string of 9 to 13 digits (what JSON exports write for numbers).
pub fn unix_string(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if (9..=13).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) {
        from_unix(s.parse().ok()?)
    } else {
        None
    }
}

fn in_range(d: NaiveDate) -> Option<NaiveDate> {
    use chrono::Datelike;
    (1..=9999).contains(&d.year()).then_some(d)
}

fn ymd(y: u32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d).and_then(in_range)
}

/// Leading ASCII digits: (value, count). At most 9 digits are read so the value cannot overflow.
fn digits(b: &[u8]) -> (u32, usize) {
    let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if n == 0 || n > 9 {
        return (0, n);
    }
    let v = b[..n]
        .iter()
        .fold(0u32, |acc, c| acc * 10 + u32::from(c - b'0'));
    (v, n)
}

/// `HH:MM[:SS[.fff]]` then an optional zone (`Z`, `±HH:MM`, `±HHMM`, a zone word); the whole rest.
fn valid_time_and_zone(rest: &[u8]) -> bool {
    let (h, n) = digits(rest);
    if n != 2 || h > 23 || rest.get(2) != Some(&b':') {
        return false;
    }
    let (mi, n) = digits(&rest[3..]);
    if n != 2 || mi > 59 {
        return false;
    }
    let mut i = 5;
    if rest.get(i) == Some(&b':') {
        let (sec, n) = digits(&rest[i + 1..]);
        if n != 2 || sec > 60 {
            return false;
        }
        i += 3;
        if matches!(rest.get(i), Some(b'.' | b',')) {
            let (_, n) = digits(&rest[i + 1..]);
            if n == 0 {
                return false;
            }
            i += 1 + n;
        }
    }
    let zone = std::str::from_utf8(&rest[i..]).unwrap_or("!").trim();
    zone.is_empty() || zone.eq_ignore_ascii_case("z") || is_offset(zone) || is_zone_word(zone)
}

/// `+01:00`, `-0500`, `+01`.
fn is_offset(z: &str) -> bool {
    let b = z.as_bytes();
    if b.len() < 3 || !matches!(b[0], b'+' | b'-') {
        return false;
    }
    let (h, n) = digits(&b[1..]);
    if n == 4 {
        return h / 100 <= 18 && h % 100 <= 59 && b.len() == 5;
    }
    if n != 2 || h > 18 {
        return false;
    }
    match &b[3..] {
        [] => true,
        [b':', rest @ ..] => {
            let (m, n) = digits(rest);
            n == 2 && m <= 59 && rest.len() == 2
        }
        _ => false,
    }
}

/// Zone abbreviations that appear after times in news and feeds.
fn is_zone_word(z: &str) -> bool {
    const ZONES: &[&str] = &[
        "gmt", "ut", "utc", "z", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et",
        "ct", "mt", "pt", "akst", "akdt", "hst", "ast", "adt", "nst", "ndt", "bst", "ist", "cet",
        "cest", "eet", "eest", "wet", "west", "msk", "jst", "kst", "hkt", "sgt", "aest", "aedt",
        "acst", "acdt", "awst", "nzst", "nzdt", "sast", "wat", "cat", "eat",
    ];
    ZONES.iter().any(|w| z.eq_ignore_ascii_case(w))
}

/// `YYYY-MM-DD`, then nothing, or `T`/space and a time with an optional zone; also `YYYYMMDD`.
fn iso(s: &str) -> Option<Result<NaiveDate, DateError>> {
    let b = s.as_bytes();
    let (y, n) = digits(b);
    if n == 8 && b.len() == 8 {
        return Some(ymd(y / 10000, y / 100 % 100, y % 100).ok_or(DateError::Unreadable));
    }
    if n != 4 || b.get(4) != Some(&b'-') {
        return None;
    }
    let (m, mn) = digits(&b[5..]);
    if !(1..=2).contains(&mn) || b.get(5 + mn) != Some(&b'-') {
        return None;
    }
    let at = 6 + mn;
    let (d, dn) = digits(&b[at..]);
    if !(1..=2).contains(&dn) {
        return None;
    }
    let rest = &b[at + dn..];
    let ok = match rest.first() {
        None => true,
        Some(b'T' | b't' | b' ') => valid_time_and_zone(&rest[1..]),
        _ => false,
    };
    ok.then(|| ymd(y, m, d).ok_or(DateError::Unreadable))
}

/// `2025/03/14` or `2025.03.14`, optionally followed by a time.
fn year_first(s: &str) -> Option<Result<NaiveDate, DateError>> {
    let b = s.as_bytes();
    let (y, n) = digits(b);
    let sep = *b.get(4)?;
    if n != 4 || !matches!(sep, b'/' | b'.') {
        return None;
    }
    let (m, mn) = digits(&b[5..]);
    if !(1..=2).contains(&mn) || b.get(5 + mn) != Some(&sep) {
        return None;
    }
    let at = 6 + mn;
    let (d, dn) = digits(&b[at..]);
    if !(1..=2).contains(&dn) {
        return None;
    }
    let rest = &b[at + dn..];
    let ok = match rest.first() {
        None => true,
        Some(b' ' | b'T') => valid_time_and_zone(&rest[1..]),
        _ => false,
    };
    ok.then(|| ymd(y, m, d).ok_or(DateError::Unreadable))
}

/// `DD/MM/YYYY` or `MM/DD/YYYY` (also with `.` or `-`): read only when one number is over 12 or
/// both are the same; otherwise the value is ambiguous and reported so.
fn numeric_day_month(s: &str) -> Option<Result<NaiveDate, DateError>> {
    let b = s.as_bytes();
    let (a, an) = digits(b);
    if !(1..=2).contains(&an) {
        return None;
    }
    let sep = *b.get(an)?;
    if !matches!(sep, b'/' | b'.' | b'-') {
        return None;
    }
    let (c, cn) = digits(&b[an + 1..]);
    if !(1..=2).contains(&cn) || b.get(an + 1 + cn) != Some(&sep) {
        return None;
    }
    let at = an + 2 + cn;
    let (y, yn) = digits(&b[at..]);
    if yn != 4 {
        return None;
    }
    let rest = &b[at + 4..];
    let ok = match rest.first() {
        None => true,
        Some(b' ') => valid_time_and_zone(&rest[1..]),
        _ => false,
    };
    if !ok {
        return None;
    }
    Some(if a == c || a > 12 {
        ymd(y, c, a).ok_or(DateError::Unreadable)
    } else if c > 12 {
        ymd(y, a, c).ok_or(DateError::Unreadable)
    } else {
        Err(DateError::Ambiguous)
    })
}

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
];

/// A month name, full or cut to at least three letters (`Mar`, `Sept`).
fn month(word: &str) -> Option<u32> {
    if word.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .find(|(name, _)| name.len() >= word.len() && name[..word.len()].eq_ignore_ascii_case(word))
        .map(|&(_, m)| m)
}

fn is_weekday(word: &str) -> bool {
    const DAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    word.len() >= 3
        && DAYS
            .iter()
            .any(|d| d.len() >= word.len() && d[..word.len()].eq_ignore_ascii_case(word))
}

/// Words that may stand around a date without changing it.
fn is_filler(word: &str) -> bool {
    const FILLER: &[&str] = &[
        "on",
        "at",
        "of",
        "the",
        "published",
        "updated",
        "posted",
        "am",
        "pm",
        "a",
        "p",
        "m",
    ];
    FILLER.iter().any(|f| word.eq_ignore_ascii_case(f)) || is_zone_word(word)
}

/// Month-name dates in any order: a month word, a day (1–31, with or without an ordinal suffix)
/// and a year (four digits, or two in RFC 2822), with weekdays, times, zones and a few filler words
/// around them. Any other word makes it no date, so free text is never read as one.
fn words(s: &str) -> Option<Result<NaiveDate, DateError>> {
    let mut month_no = None;
    let mut day = None;
    let mut year = None;
    let mut two_digit_year = None;
    for raw in s.split(|c: char| c.is_whitespace() || matches!(c, ',' | '/')) {
        if raw.is_empty() {
            continue;
        }
        // `14-Mar-2025`: split on dashes unless it is a zone offset.
        if raw.contains('-') && !is_offset(raw) {
            for part in raw.split('-') {
                if !token(
                    part,
                    &mut month_no,
                    &mut day,
                    &mut year,
                    &mut two_digit_year,
                )? {
                    return None;
                }
            }
            continue;
        }
        if !token(raw, &mut month_no, &mut day, &mut year, &mut two_digit_year)? {
            return None;
        }
    }
    let m = month_no?;
    let d = day?;
    let y = match (year, two_digit_year) {
        (Some(y), _) => y,
        // RFC 822 two-digit years: 70–99 are the 1900s.
        (None, Some(y)) if y >= 70 => 1900 + y,
        (None, Some(y)) => 2000 + y,
        (None, None) => return None,
    };
    Some(ymd(y, m, d).ok_or(DateError::Unreadable))
}

/// Reads one token into the slots. `None`: the token cannot be part of a date (stop);
/// `Some(false)`: a second month, day or year (stop); `Some(true)`: read or ignored.
fn token(
    raw: &str,
    month_no: &mut Option<u32>,
    day: &mut Option<u32>,
    year: &mut Option<u32>,
    two_digit_year: &mut Option<u32>,
) -> Option<bool> {
    let w = raw.trim_end_matches('.').trim_start_matches('(');
    let w = w.trim_end_matches([')', ':']);
    if w.is_empty() {
        return Some(true);
    }
    let b = w.as_bytes();
    if b[0].is_ascii_digit() {
        if w.contains(':') {
            return Some(valid_time_and_zone(w.as_bytes()) || valid_clock(w));
        }
        let (v, n) = digits(b);
        let suffix = &w[n..];
        if n == 4 && suffix.is_empty() {
            if year.is_some() {
                return Some(false);
            }
            *year = Some(v);
            return Some(true);
        }
        let ordinal = suffix.is_empty()
            || ["st", "nd", "rd", "th"]
                .iter()
                .any(|s| suffix.eq_ignore_ascii_case(s));
        if n <= 2 && ordinal {
            if day.is_none() && (1..=31).contains(&v) {
                *day = Some(v);
                return Some(true);
            }
            // A second small number after the day: a two-digit year (RFC 822 `14 Mar 25`).
            if day.is_some() && suffix.is_empty() && n == 2 && two_digit_year.is_none() {
                *two_digit_year = Some(v);
                return Some(true);
            }
            return Some(false);
        }
        return None;
    }
    if matches!(b[0], b'+' | b'-') {
        return is_offset(w).then_some(true);
    }
    if !w.bytes().all(|c| c.is_ascii_alphabetic() || c == b'.') {
        return None;
    }
    if let Some(m) = month(w) {
        // "may" is both a month and a verb; one month word only.
        if month_no.is_some() {
            return Some(false);
        }
        *month_no = Some(m);
        return Some(true);
    }
    if is_weekday(w) || w.split('.').all(|p| p.is_empty() || is_filler(p)) {
        return Some(true);
    }
    None
}

/// `10:00` or `9:05:30` on a 12- or 24-hour clock.
fn valid_clock(w: &str) -> bool {
    let mut parts = w.split(':');
    let ok = |p: Option<&str>, max: u32| {
        p.is_some_and(|p| {
            (1..=2).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_digit()) && {
                p.parse::<u32>().is_ok_and(|v| v <= max)
            }
        })
    };
    ok(parts.next(), 23) && ok(parts.next(), 59) && {
        match parts.next() {
            None => true,
            p => ok(p, 60) && parts.next().is_none(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_reads_its_rows() {
        let mut n = 0;
        for form in FORMS {
            for &(input, want) in form.rows {
                n += 1;
                let got = parse_date(input).map(|d| d.format("%Y-%m-%d").to_string());
                let want = (!want.is_empty()).then(|| want.to_string());
                assert_eq!(got, want, "{input:?} ({})", form.name);
            }
        }
        for &input in UNREADABLE {
            n += 1;
            assert_eq!(parse_date(input), None, "{input:?}");
        }
        assert!(n >= 60, "the table holds {n} rows");
    }

    #[test]
    fn the_flag_form_is_iso_only() {
        assert!(parse_iso("2025-03-14").is_some());
        assert!(parse_iso("2025-03-14T10:00:00+01:00").is_some());
        assert!(parse_iso("20/11/2025").is_none());
        assert!(parse_iso("-0001-01-01").is_none());
        assert!(parse_iso("14 March 2025").is_none());
    }

    #[test]
    fn ambiguous_numeric_days_say_so() {
        assert_eq!(read_date("03/04/2025"), Err(DateError::Ambiguous));
        assert_eq!(read_date("garbage"), Err(DateError::Unreadable));
    }

    #[test]
    fn unix_timestamps_are_utc_days() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert_eq!(from_unix(1_741_946_400), d("2025-03-14"));
        assert_eq!(from_unix(1_741_946_400_000), d("2025-03-14"));
        assert_eq!(from_unix(0), d("1970-01-01"));
        assert_eq!(from_unix(i64::MAX), None);
        assert_eq!(from_unix(i64::MIN), None);
        assert_eq!(unix_string("1741946400"), d("2025-03-14"));
        assert_eq!(unix_string("2025"), None);
    }
}
