//! Time expressions: finds TIMEX3 expressions, normalises their values and resolves calendar bounds.
//!
//! One pass (`steps`) of a hand-written tokenizer (`tokens`), a grammar of rule units over tokens
//! with word lists from `assets/temporal-*.txt` (`grammar`, `lexicon`), the clause's tense
//! (`cues`), and anchoring against the publication date and earlier dates of the text
//! (`resolve`, `calendar`).

mod calendar;
mod cues;
mod grammar;
mod lexicon;
mod resolve;
mod sem;
mod steps;
mod tokens;
mod value;

#[cfg(test)]
mod tests;

use chrono::NaiveDate;

use super::DocInput;
use crate::model::{Span, TimexType};
pub use lexicon::Lexicon;
pub use value::Value;

/// One time expression with its TIMEX3 type and value and, when known, inclusive day bounds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    pub span: Span,
    pub kind: TimexType,
    /// Inline when short (`Value`): one per five bytes of a list of years (issue 16.2).
    pub value: Value,
    pub earliest: Option<NaiveDate>,
    pub latest: Option<NaiveDate>,
    /// Resolved against the publication date or an earlier expression, not written out in full.
    pub relative: bool,
}

/// Finds the time expressions of a document, resolving relative ones against its publication date.
pub fn tag(doc: &DocInput<'_>, lex: &Lexicon) -> Vec<Timex> {
    steps::tag(
        doc.text,
        doc.lowered.as_str(),
        &doc.segments,
        doc.published,
        lex,
    )
}
