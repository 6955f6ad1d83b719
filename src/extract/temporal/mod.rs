//! Time expressions: finds TIMEX3 expressions, normalises their values and resolves calendar bounds.

use chrono::NaiveDate;

use super::Staged;
use super::segment::Segments;
use crate::assets::Assets;
use crate::model::{Span, TimexType};

/// One time expression with its TIMEX3 type and value and, when known, inclusive day bounds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    pub span: Span,
    pub kind: TimexType,
    pub value: String,
    pub earliest: Option<NaiveDate>,
    pub latest: Option<NaiveDate>,
    /// Resolved against the publication date or an earlier expression, not written out in full.
    pub relative: bool,
}

/// Word lists the tagger needs.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {}

impl Lexicon {
    pub fn load(_assets: &Assets) -> Self {
        Lexicon {}
    }
}

/// Finds the time expressions of `text`, resolving relative ones against `reference`.
pub fn tag(
    _text: &str,
    _segments: &Segments,
    _reference: Option<NaiveDate>,
    _lex: &Lexicon,
) -> Staged<Timex> {
    Staged::default()
}
