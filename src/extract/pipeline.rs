//! The pipeline: composes the stages over one document, in order, with their lexicons.

use super::actors::{self, DocActor};
use super::events::{self, Event, EventInput};
use super::quotes::{self, Quote};
use super::segment::{self, Segments};
use super::temporal::{self, Timex};
use super::topics::{self, DocTopic};
use crate::assets::Assets;
use crate::model::Document;

/// Every stage's word lists, built once and shared by all documents.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    pub segment: segment::Lexicon,
    pub temporal: temporal::Lexicon,
    pub actors: actors::Lexicon,
    pub topics: topics::Lexicon,
    pub quotes: quotes::Lexicon,
    pub events: events::Lexicon,
}

impl Lexicon {
    pub fn load(assets: &Assets) -> Self {
        Lexicon {
            segment: segment::Lexicon::load(assets),
            temporal: temporal::Lexicon::load(assets),
            actors: actors::Lexicon::load(assets),
            topics: topics::Lexicon::load(assets),
            quotes: quotes::Lexicon::load(assets),
            events: events::Lexicon::load(assets),
        }
    }

    /// The lists compiled into the binary, without the user's additions.
    pub fn builtin() -> Self {
        Self::load(&Assets::builtin())
    }
}

/// What the pipeline found in one document; all spans point into its `text`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extraction {
    pub segments: Segments,
    pub timexes: Vec<Timex>,
    pub actors: Vec<DocActor>,
    pub topics: Vec<DocTopic>,
    pub quotes: Vec<Quote>,
    pub events: Vec<Event>,
    pub warnings: Vec<String>,
}

/// Runs every stage over one document.
pub fn extract(doc: &Document, lex: &Lexicon) -> Extraction {
    let text = doc.text.as_str();
    let segments = segment::segment(text, &lex.segment);
    let timexes = temporal::tag(text, &segments, doc.published, &lex.temporal);
    let actors = actors::extract(text, &segments, &lex.actors);
    let topics = topics::extract(text, &segments, &lex.topics);
    let quotes = quotes::extract(text, &segments, &actors.items, &lex.quotes);
    let events = events::build_events(
        &EventInput {
            text,
            segments: &segments,
            published: doc.published,
            timexes: &timexes.items,
            actors: &actors.items,
            topics: &topics.items,
            quotes: &quotes.items,
        },
        &lex.events,
    );
    let warnings = [
        timexes.warnings,
        actors.warnings,
        topics.warnings,
        quotes.warnings,
        events.warnings,
    ]
    .concat();
    Extraction {
        segments,
        timexes: timexes.items,
        actors: actors.items,
        topics: topics.items,
        quotes: quotes.items,
        events: events.items,
        warnings,
    }
}
