//! The pure extraction pipeline: from article text to spans of dates, actors, topics, quotes and events.
//!
//! Nothing here touches the terminal, the clock or the file system beyond `ingest`. Each stage is a
//! function over typed input returning typed output whose spans point into the document text;
//! `pipeline::extract` composes them for one document and `crate::corpus` assembles documents.

pub mod actors;
pub mod events;
pub mod front_matter;
pub mod ingest;
pub(crate) mod ingest_jsonl;
pub mod pipeline;
pub mod quotes;
pub mod segment;
pub mod temporal;
pub mod topics;

/// A stage's output: its items plus the warnings it raised about the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Staged<T> {
    pub items: Vec<T>,
    pub warnings: Vec<String>,
}

impl<T> Default for Staged<T> {
    fn default() -> Self {
        Staged {
            items: Vec::new(),
            warnings: Vec::new(),
        }
    }
}

impl<T> Staged<T> {
    pub fn new(items: Vec<T>) -> Self {
        Staged {
            items,
            warnings: Vec::new(),
        }
    }
}
