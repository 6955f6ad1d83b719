//! Topics: a curated taxonomy matched by keywords and phrases, plus key phrases found in the corpus.

use super::Staged;
use super::segment::Segments;
use crate::assets::Assets;
use crate::model::Span;

/// A topic as found in one document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocTopic {
    /// Stable id, e.g. "prisoners" or "phrase:border-delimitation".
    pub id: String,
    pub label: String,
    pub mentions: Vec<Span>,
}

/// The taxonomy the topic stage matches.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {}

impl Lexicon {
    pub fn load(_assets: &Assets) -> Self {
        Lexicon {}
    }
}

/// Finds taxonomy topics in one document.
pub fn extract(_text: &str, _segments: &Segments, _lex: &Lexicon) -> Staged<DocTopic> {
    Staged::default()
}
