//! Quotes: direct quotations, reported speech and quoted terms, with cue and speaker.

use super::Staged;
use super::actors::DocActor;
use super::segment::Segments;
use crate::assets::Assets;
use crate::model::{QuoteKind, Span};

/// A quote in one document. `speakers` index the document's actors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub span: Span,
    pub kind: QuoteKind,
    /// The speech verb or phrase ("said", "according to").
    pub cue: Option<Span>,
    /// The mention that names the speaker ("Fidan", "he", "The commentators").
    pub speaker_span: Option<Span>,
    pub speakers: Vec<usize>,
}

/// Speech verbs and cue phrases.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {}

impl Lexicon {
    pub fn load(_assets: &Assets) -> Self {
        Lexicon {}
    }
}

/// Finds the quotes of one document and attributes them to its actors.
pub fn extract(
    _text: &str,
    _segments: &Segments,
    _actors: &[DocActor],
    _lex: &Lexicon,
) -> Staged<Quote> {
    Staged::default()
}
