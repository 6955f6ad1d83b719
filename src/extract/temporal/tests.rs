//! Unit tests of the tagger's pieces: tokens, duration values, spans of the grammar.

use super::lexicon::Unit;
use super::sem::duration_value;
use super::tokens::{Kind, tokenize};

#[test]
fn tokens_keep_numbers_whole() {
    let text = "On Nov. 5th, 1,700 people paid $3.50 for 5G in the 1990s – twice.";
    let lower = text.to_ascii_lowercase();
    let mut arena = String::new();
    let toks = tokenize(text, &lower, &mut arena);
    let got: Vec<(&str, Kind)> = toks.iter().map(|t| (t.norm, t.kind)).collect();
    let want = [
        ("on", Kind::Word),
        ("nov", Kind::Word),
        (".", Kind::Punct),
        ("5th", Kind::Num),
        (",", Kind::Punct),
        ("1,700", Kind::Num),
        ("people", Kind::Word),
        ("paid", Kind::Word),
        ("$", Kind::Punct),
        ("3.50", Kind::Num),
        ("for", Kind::Word),
        ("5g", Kind::Code),
        ("in", Kind::Word),
        ("the", Kind::Word),
        ("1990s", Kind::Num),
        ("-", Kind::Punct),
        ("twice", Kind::Word),
        (".", Kind::Punct),
    ];
    assert_eq!(got, want);
    assert_eq!(toks[3].num, Some(5));
    assert!(toks[3].ordinal);
    assert_eq!(toks[5].num, None);
    assert!(toks[14].plural);
}

#[test]
fn duration_values() {
    let table = [
        (Some(3.0), Unit::Year, "P3Y"),
        (Some(18.0), Unit::Month, "P18M"),
        (Some(1.0), Unit::Decade, "P10Y"),
        (Some(2.0), Unit::Century, "P200Y"),
        (Some(5.5), Unit::Hour, "PT5H30M"),
        (Some(2.5), Unit::Year, "P2Y6M"),
        (Some(0.5), Unit::Day, "PT12H"),
        (Some(1.0), Unit::Fortnight, "P2W"),
        (Some(2.0), Unit::Quarter, "P2Q"),
        (None, Unit::Year, "PXY"),
        (None, Unit::Minute, "PTXM"),
        (None, Unit::Century, "PXC"),
    ];
    for (n, unit, want) in table {
        assert_eq!(duration_value(n, unit), want, "{n:?} {unit:?}");
    }
}
