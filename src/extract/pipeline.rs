//! The pipeline: composes the stages over one document, in order, with their lexicons.

use std::time::{Duration, Instant};

use super::DocInput;
use super::actors::{self, DocActor};
use super::events::{self, Event};
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
}

/// Time spent in each stage, summed over the documents it was passed for.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StageTimes {
    pub segment: Duration,
    pub temporal: Duration,
    pub actors: Duration,
    pub topics: Duration,
    pub quotes: Duration,
    pub events: Duration,
}

impl StageTimes {
    pub const NAMES: [&'static str; 6] = [
        "segment", "temporal", "actors", "topics", "quotes", "events",
    ];

    pub fn as_array(&self) -> [Duration; 6] {
        [
            self.segment,
            self.temporal,
            self.actors,
            self.topics,
            self.quotes,
            self.events,
        ]
    }

    pub fn add(&mut self, other: &StageTimes) {
        self.segment += other.segment;
        self.temporal += other.temporal;
        self.actors += other.actors;
        self.topics += other.topics;
        self.quotes += other.quotes;
        self.events += other.events;
    }
}

/// Runs every stage over one document.
pub fn extract(doc: &Document, lex: &Lexicon) -> Extraction {
    extract_inner(doc, lex, None)
}

/// Runs every stage over one document, adding each stage's time to `times` (for benchmarks).
pub fn extract_timed(doc: &Document, lex: &Lexicon, times: &mut StageTimes) -> Extraction {
    extract_inner(doc, lex, Some(times))
}

fn extract_inner(doc: &Document, lex: &Lexicon, mut times: Option<&mut StageTimes>) -> Extraction {
    // Reading the clock costs little next to a stage, but stays off the normal path entirely.
    let timing = times.is_some();
    let mut clock = |slot: fn(&mut StageTimes) -> &mut Duration, since: Option<Instant>| {
        if let (Some(t), Some(since)) = (times.as_deref_mut(), since) {
            *slot(t) += since.elapsed();
        }
    };
    let now = || timing.then(Instant::now);
    let text = doc.text.as_str();
    let t = now();
    let segments = segment::segment(text, &lex.segment);
    clock(|s| &mut s.segment, t);
    let input = DocInput::new(text, segments, doc.published);
    let t = now();
    let timexes = temporal::tag(&input, &lex.temporal);
    clock(|s| &mut s.temporal, t);
    let t = now();
    let actors = actors::extract(&input, &lex.actors);
    clock(|s| &mut s.actors, t);
    let t = now();
    let topics = topics::extract(&input, &lex.topics);
    clock(|s| &mut s.topics, t);
    let t = now();
    let quotes = quotes::extract(&input, &actors, &lex.quotes);
    clock(|s| &mut s.quotes, t);
    let t = now();
    let events = events::build_events(&input, &timexes, &actors, &topics, &quotes, &lex.events);
    clock(|s| &mut s.events, t);
    Extraction {
        segments: input.segments,
        timexes,
        actors,
        topics,
        quotes,
        events,
    }
}
