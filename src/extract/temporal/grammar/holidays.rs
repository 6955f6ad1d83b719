//! Holidays and seasons: "Thanksgiving Day", "Christmas 2024", "Easter week" (the names and
//! dates of `temporal-lexicon.txt`), "summer 2024", "in the spring".

#[cfg(test)]
use super::testing::rows;
use super::{Core, Parser, Rule, Start, part};
use crate::extract::temporal::lexicon::{List, Word};
use crate::extract::temporal::sem::{Part, Sem, YearRef};
use crate::extract::temporal::tokens::Kind;

/// "Thanksgiving Day", "Christmas 2024", "Boxing Day", "Easter week", "last Thanksgiving" (via
/// `Det`): the longest holiday name of up to six tokens from a capitalised first word, but not a
/// name built on it ("the Good Friday Agreement", "the Easter Rising").
pub struct Holiday;

impl Rule for Holiday {
    const START: Start = Start {
        holiday: true,
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        if !p.entry(i).is_some_and(|e| e.holiday_start) || !p.capitalised(i) {
            return None;
        }
        let start = p.toks.get(i)?.start;
        let mut found = None;
        for k in i..(i + 6).min(p.toks.len()) {
            let name = p.text[start..p.toks[k].end]
                .to_lowercase()
                .replace('’', "'");
            if let Some(h) = p.lex.holiday(&name) {
                found = Some((k + 1, h));
            }
        }
        let (end, h) = found?;
        // "Wham's Last Christmas", "the film This Christmas": after a capitalised determiner
        // inside a sentence, a title.
        let titled = i >= 2
            && p.title_case_word(i - 1)
            && p.toks[i - 2].kind == Kind::Word
            && super::relative::determiner(p.w(i - 1));
        if titled || p.name_follows(end) {
            return None;
        }
        // "a Christmas tree", "a happy Christmas", "Father Christmas": a thing, a greeting or a
        // figure named after the holiday, not its day (the object nouns are the season nouns').
        let greeting = i > 0 && matches!(p.w(i - 1), "happy" | "merry" | "father");
        if greeting || p.on(end, List::SeasonNoun) {
            return None;
        }
        if p.w(end) == "week" {
            let day = Sem::Holiday {
                h,
                y: YearRef::Near,
            };
            return Some((end + 1, Sem::WeekOf(Box::new(day))));
        }
        let y = match p.year_tail(end) {
            Some((e, y)) => {
                return Some((
                    e,
                    Sem::Holiday {
                        h,
                        y: YearRef::Abs(y),
                    },
                ));
            }
            None => YearRef::Near,
        };
        Some((end, Sem::Holiday { h, y }))
    }
}

#[cfg(test)]
#[test]
fn holiday() {
    rows::<Holiday>(&[
        (
            "Families will gather on Thanksgiving Day.",
            "Thanksgiving Day",
            "2025-11-27",
        ),
        (
            "The truce held over Christmas 2024.",
            "Christmas 2024",
            "2024-12-25",
        ),
        (
            "No trains will run on Boxing Day.",
            "Boxing Day",
            "2025-12-26",
        ),
        (
            "Pilgrims filled the city during Easter week.",
            "Easter week",
            "2025-W16",
        ),
        (
            "The Good Friday Agreement was signed in 1998.",
            "Good Friday",
            "",
        ),
        ("The Easter Rising failed.", "Easter", ""),
        (
            "The gallery invited an artist to dress its Christmas tree.",
            "Christmas",
            "",
        ),
        (
            "Zale felt little Christmas cheer with December sales down.",
            "Christmas",
            "",
        ),
        (
            "How can one wish a happy Christmas to those who suffer?",
            "Christmas",
            "",
        ),
        (
            "The recipe includes a reference to Father Christmas.",
            "Christmas",
            "",
        ),
        (
            "Trees were sold out by Christmas 2024.",
            "Christmas 2024",
            "2024-12-25",
        ),
    ]);
}

/// "summer 2024", "the summer of 1969", "in the winter", "this summer" (via `Det`), "in the
/// spring": a season, but not one that modifies a noun ("the winter storm",
/// `temporal-season-nouns.txt`); "spring" and "fall" are also a source and a drop, so they count
/// only after a preposition with no noun after them ("the fall of Rome", "spring water").
pub struct Season;

impl Rule for Season {
    const START: Start = Start {
        kinds: Word::SEASON,
        ..Start::NOWHERE
    };

    fn parse(p: &Parser<'_>, i: usize) -> Core {
        let s = p.lx(i).season()?;
        if p.on(i + 1, List::SeasonNoun) {
            return None;
        }
        let k = if p.w(i + 1) == "of" { i + 2 } else { i + 1 };
        if let Some((e, y)) = p.year_at(k).or_else(|| p.spelled_year(k)) {
            return Some((e, part(YearRef::Abs(y), Part::Season(s))));
        }
        let w = p.w(i);
        let prev = i.checked_sub(1).map_or("", |k| p.w(k));
        if (season_lead(prev) || matches!(prev, "this" | "the" | "mid"))
            && matches!(w, "summer" | "winter" | "autumn")
        {
            return Some((i + 1, part(YearRef::Near, Part::Season(s))));
        }
        let before = if prev == "the" && i >= 2 {
            p.w(i - 2)
        } else {
            prev
        };
        if matches!(w, "spring" | "fall")
            && season_lead(before)
            && p.toks.get(i + 1).is_none_or(|t| {
                t.kind != Kind::Word || matches!(t.norm, "and" | "when" | "as" | "after" | "before")
            })
        {
            return Some((i + 1, part(YearRef::Near, Part::Season(s))));
        }
        None
    }
}

/// The prepositions and modifiers after which a bare season names a time: "in (the) summer",
/// "during the spring", "late fall".
fn season_lead(w: &str) -> bool {
    matches!(
        w,
        "in" | "during" | "by" | "since" | "until" | "over" | "through" | "early" | "late"
    )
}

#[cfg(test)]
#[test]
fn season() {
    rows::<Season>(&[
        (
            "The offensive began in summer 2024.",
            "summer 2024",
            "2024-SU",
        ),
        (
            "The band formed in the summer of 1969.",
            "the summer of 1969",
            "1969-SU",
        ),
        ("The talks stalled in the winter.", "the winter", "2024-WI"),
        ("Prices fell during the spring.", "the spring", "2025-SP"),
        ("Repairs will be done by the fall.", "the fall", "2025-FA"),
        ("The winter storm closed roads.", "winter", ""),
        ("He wrote about the fall of Rome.", "fall", ""),
        ("They drank spring water.", "spring", ""),
    ]);
}
