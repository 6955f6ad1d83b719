//! Recurring times: "every week", "each Tuesday", "every other month", "each July", "every
//! morning", and the frequency adverbs of `temporal-lexicon.txt` ("daily", "annually").

#[cfg(test)]
use super::testing::rows;
use super::{Core, Parser, Rule, Start};
use crate::extract::temporal::lexicon::{Unit, Word};
use crate::extract::temporal::sem::{Sem, duration_value};

/// "daily", "annually" (not "average daily volume", a measure, nor "the Daily Nation", a title);
/// "every week", "every ten years", "every other week", "every weekend", "each Tuesday", "every
/// Tuesday night", "each July", "every morning". ("per second" is a rate, not a recurring time.)
pub struct Every;

impl Rule for Every {
    const START: Start = Start {
        kinds: Word::SET,
        words: &["every", "each"],
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        let w = p.w(i);
        if let Some(v) = p.lx(i).set() {
            if i > 0 && (p.w(i - 1) == "average" || p.title_case_word(i)) {
                return None;
            }
            return Some((i + 1, Sem::Set(v.to_string())));
        }
        if !matches!(w, "every" | "each") {
            return None;
        }
        let mut j = i + 1;
        let mut n = Some(1.0);
        if w == "every" && p.w(j) == "other" {
            n = Some(2.0);
            j += 1;
        } else if let Some((k, c)) = p.count_at(j).filter(|_| w == "every") {
            n = c;
            j = k;
        }
        if let Some(unit) = p.lx(j).unit() {
            // "every weekend": each weekend, as "every Tuesday" is each Tuesday.
            if unit == Unit::Weekend && n.is_none_or(|n| n == 1.0) {
                return Some((j + 1, Sem::Set("XXXX-WXX-WE".into())));
            }
            return Some((j + 1, Sem::Set(duration_value(n, unit))));
        }
        Self::named(p, j)
    }
}

impl Every {
    /// The weekday ("each Tuesday", "every Tuesday night"), month ("each July") or part of the
    /// day ("every morning") at `j` after "every" or "each".
    fn named(p: &Parser<'_>, j: usize) -> Core {
        if let Some(wd) = p.lx(j).weekday().filter(|_| p.capitalised(j)) {
            let mut end = j + 1;
            let mut v = format!("XXXX-WXX-{wd}");
            if let Some(pod) = p.lx(end).part_of_day().filter(|v| !v.starts_with('T')) {
                v.push('T');
                v.push_str(pod);
                end += 1;
            }
            return Some((end, Sem::Set(v)));
        }
        if let Some(m) = p.lx(j).month().filter(|_| p.capitalised(j)) {
            return Some((j + 1, Sem::Set(format!("XXXX-{m:02}"))));
        }
        let pod = p.lx(j).part_of_day().filter(|v| !v.starts_with('T'))?;
        Some((j + 1, Sem::Set(format!("TXX{pod}").replace("TXX", "T"))))
    }
}

#[cfg(test)]
#[test]
fn every() {
    rows::<Every>(&[
        ("Inspectors visit every week.", "every week", "P1W"),
        (
            "The census is held every ten years.",
            "every ten years",
            "P10Y",
        ),
        (
            "The club meets every other week.",
            "every other week",
            "P2W",
        ),
        (
            "The market opens every weekend.",
            "every weekend",
            "XXXX-WXX-WE",
        ),
        ("The board meets each month.", "each month", "P1M"),
        (
            "The council meets every Tuesday.",
            "every Tuesday",
            "XXXX-WXX-2",
        ),
        (
            "The band plays every Friday night.",
            "every Friday night",
            "XXXX-WXX-5TNI",
        ),
        ("The festival is held each July.", "each July", "XXXX-07"),
        ("He runs every morning.", "every morning", "TMO"),
        ("The report is published annually.", "annually", "P1Y"),
        ("The pills are taken daily.", "daily", "P1D"),
        ("It is 5% of the average daily volume.", "daily", ""),
        ("He reads the Daily Nation.", "Daily", ""),
    ]);
}
