//! Display text: dates at their precision, histogram periods, and width-aware truncation.

use chrono::{Datelike, Duration, NaiveDate};
use unicode_width::UnicodeWidthChar;

use crate::model::{Status, WhenBasis};
use crate::text::sanitize_line;

pub use crate::text::{month_abbr, year_label, years_label};

/// "October 2025": the heading a timeline groups events under.
pub fn month_heading(d: NaiveDate) -> String {
    format!("{} {}", crate::text::month_name(d), year_label(d.year()))
}

/// "Oct 2025".
pub fn month_short(d: NaiveDate) -> String {
    format!("{} {}", month_abbr(d), year_label(d.year()))
}

/// "20 Nov 2025".
pub fn day_long(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), month_abbr(d), year_label(d.year()))
}

/// The first `max` bytes of `s` (cut at a char boundary): what a one-line row can show of a
/// sentence, so a row costs the same for a sentence of 50 MB as for one of 50 bytes.
pub fn head(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
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

/// The date of an event at the precision it is known: "2025-10", "wk 47", "Nov 21–22", "Nov 20".
pub fn when_label(
    earliest: Option<NaiveDate>,
    latest: Option<NaiveDate>,
    value: Option<&str>,
) -> String {
    // Vague references carry a window only so they sort; the label says what the text said.
    match value {
        Some("PAST_REF") => return "recent".into(),
        Some("FUTURE_REF") => return "coming".into(),
        _ => {}
    }
    let (Some(a), Some(b)) = (earliest, latest.or(earliest)) else {
        return match value {
            Some("PRESENT_REF") => "now".into(),
            _ => "undated".into(),
        };
    };
    if a == b {
        return format!("{} {}", month_abbr(a), a.day());
    }
    if a.day() == 1 && b == last_of_month(a) {
        // ISO's four-digit years; before 1 AD (and past 9999) the month is written out.
        return if (1..=9999).contains(&a.year()) {
            format!("{:04}-{:02}", a.year(), a.month())
        } else {
            month_short(a)
        };
    }
    if a.month() == 1 && a.day() == 1 && b.month() == 12 && b.day() == 31 && a.year() == b.year() {
        return year_label(a.year());
    }
    if a.weekday().num_days_from_monday() == 0 && a.checked_add_signed(Duration::days(6)) == Some(b)
    {
        return format!("wk {}", a.iso_week().week());
    }
    // Decades, centuries ("the 1990s", "the 15th century") and other whole years.
    if a.month() == 1 && a.day() == 1 && b.month() == 12 && b.day() == 31 {
        return years_label(a.year(), b.year());
    }
    if a.year() == b.year() && a.month() == b.month() {
        return format!("{} {}–{}", month_abbr(a), a.day(), b.day());
    }
    if a.year() == b.year() {
        return format!(
            "{} {}–{} {}",
            month_abbr(a),
            a.day(),
            month_abbr(b),
            b.day()
        );
    }
    if a.year() <= 0 && b.year() > 0 {
        // Across the start of the era, the AD side says so: "Dec 1 BC–Jan AD 1".
        return format!("{}–{} AD {}", month_short(a), month_abbr(b), b.year());
    }
    format!("{}–{}", month_short(a), month_short(b))
}

/// One glyph for how the date is known.
pub const fn basis_mark(b: WhenBasis) -> char {
    match b {
        WhenBasis::Explicit => '●',
        WhenBasis::Relative => '◐',
        WhenBasis::Document => '○',
        WhenBasis::Inherited => '↳',
        WhenBasis::Unknown => '·',
    }
}

pub const fn basis_help(b: WhenBasis) -> &'static str {
    match b {
        WhenBasis::Explicit => "date written",
        WhenBasis::Relative => "relative date",
        WhenBasis::Document => "publication date",
        WhenBasis::Inherited => "from sentence before",
        WhenBasis::Unknown => "no date",
    }
}

/// One glyph for the status; blank when it is past or unknown.
pub const fn status_mark(s: Status) -> char {
    match s {
        Status::Planned => '▸',
        Status::Ongoing => '⟳',
        Status::Past | Status::Unknown => ' ',
    }
}

/// Columns a char takes once sanitised (control characters become one-column U+FFFD).
pub fn char_width(c: char) -> usize {
    if c.is_control() {
        1
    } else {
        c.width().unwrap_or(0)
    }
}

pub fn str_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// Article text as one safe display line: controls replaced, runs of whitespace collapsed.
pub fn one_line(s: &str) -> String {
    let clean = sanitize_line(s);
    let mut out = String::with_capacity(clean.len());
    let mut space = false;
    for c in clean.trim().chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

/// Cuts `s` to at most `width` columns, ending in "…" when something was cut.
pub fn ellipsize(s: &str, width: usize) -> String {
    if str_width(s) <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = char_width(c);
        if used + w > width - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// Pads with spaces (or cuts) to exactly `width` columns.
pub fn fit(s: &str, width: usize) -> String {
    let mut out = ellipsize(s, width);
    let w = str_width(&out);
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    out
}

/// "1 article", "3 articles".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(a: &str, b: &str, value: Option<&str>) -> String {
        let day = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        when_label(day(a), day(b), value)
    }

    #[test]
    fn labels_follow_precision() {
        for (a, b, want) in [
            ("2025-11-20", "2025-11-20", "Nov 20"),
            ("2025-11-21", "2025-11-22", "Nov 21–22"),
            ("2025-10-01", "2025-10-31", "2025-10"),
            ("2025-11-17", "2025-11-23", "wk 47"),
            ("2025-01-01", "2025-12-31", "2025"),
            ("1990-01-01", "1999-12-31", "1990s"),
            ("1901-01-01", "2000-12-31", "20th century"),
            ("0000-01-01", "0099-12-31", "1st century"),
            ("2025-11-30", "2025-12-02", "Nov 30–Dec 2"),
            ("", "", "undated"),
            ("+262142-12-26", "+262142-12-31", "Dec 26–31"),
        ] {
            assert_eq!(label(a, b, None), want, "{a}..{b}");
        }
        let vague = |value| label("2025-10-21", "2025-11-19", Some(value));
        assert_eq!(vague("PAST_REF"), "recent");
        assert_eq!(vague("FUTURE_REF"), "coming");
    }

    #[test]
    fn widths_and_ellipsis() {
        for (s, w, want) in [
            ("Pashinyan", 20, "Pashinyan"),
            ("Pashinyan", 5, "Pash…"),
            ("Հայաստան", 4, "Հայ…"),
            ("日本語テキスト", 5, "日本…"),
            ("a\x1b[31m", 10, "a\x1b[31m"),
        ] {
            assert_eq!(ellipsize(s, w), want);
        }
        assert_eq!(str_width(&fit("日本語", 7)), 7);
        assert_eq!(one_line(" a\n\x1b[2J  b "), "a \u{fffd}[2J b");
    }
}
