//! The corpus: documents run through the pipeline in parallel, with actors and topics merged across
//! them and their events grouped into happenings.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::extract::pipeline::{self, Extraction, Lexicon};
use crate::ids::{ActorId, DocId, EventId, HappeningId, IdVec, QuoteId, TopicId};
use crate::ingest::{self, Diagnostic, IngestOptions};
use crate::model::{Document, Span};

mod assemble;
mod compact;
pub mod happenings;
mod items;
pub mod load;

pub use compact::{IdIter, Ids, Strings, Sym};
pub use happenings::{Happening, Happenings, Period};
pub use items::{Actor, CorpusEvent, CorpusQuote, CorpusTimex, CorpusWhen, Mention, Topic};

use assemble::{Assembler, BUILD_CHUNK, add_key_phrases};

/// Everything dateline knows about a set of articles. Events are in chronological order. Each list
/// is indexed by its own id type (`crate::ids`).
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    pub documents: IdVec<DocId, Document>,
    /// The heading spans of each document (of all the segmentation, the only part kept).
    pub headings: IdVec<DocId, Box<[Span]>>,
    pub timexes: Vec<CorpusTimex>,
    pub actors: IdVec<ActorId, Actor>,
    pub topics: IdVec<TopicId, Topic>,
    pub quotes: IdVec<QuoteId, CorpusQuote>,
    pub events: IdVec<EventId, CorpusEvent>,
    /// The events grouped into what happened once, across articles (`happenings`).
    pub happenings: Happenings,
    /// The TIMEX3 values of time expressions and events.
    pub strings: Strings,
    /// Problems with the inputs, in input order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Where a corpus comes from: paths on disk, or the bundled seed when there are none.
#[derive(Clone, Debug, Default)]
pub struct Source {
    pub paths: Vec<PathBuf>,
    pub options: IngestOptions,
}

impl Source {
    /// Reads the articles, without extracting anything yet.
    pub fn ingest(&self) -> ingest::Ingested {
        if self.paths.is_empty() {
            ingest::Ingested {
                documents: vec![ingest::bundled_seed(&self.options)],
                diagnostics: Vec::new(),
            }
        } else {
            ingest::ingest_paths(&self.paths, &self.options)
        }
    }
}

impl Corpus {
    /// Runs the pipeline over every document (in the current rayon pool) and assembles the corpus.
    /// `progress` is called with (documents done, total) from worker threads.
    pub fn build(
        documents: Vec<Document>,
        diagnostics: Vec<Diagnostic>,
        lex: &Lexicon,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Corpus {
        let total = documents.len();
        let done = AtomicUsize::new(0);
        let extract_chunk = |chunk: &[Document]| -> Vec<Extraction> {
            chunk
                .par_iter()
                .map(|doc| {
                    let x = pipeline::extract(doc, lex);
                    let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                    progress(n, total);
                    x
                })
                .collect()
        };
        // Chunk by chunk, assembling one chunk while the next is extracted: only two chunks of raw
        // extractions are ever alive, and their memory is reused by the next chunk instead of
        // sitting beside the assembled corpus (on 100 MB of text that is over 100 MB of peak RSS).
        let mut asm = Assembler::new(diagnostics);
        let mut pending: Option<Vec<Extraction>> = None;
        for chunk in documents.chunks(BUILD_CHUNK) {
            let (next, ()) = rayon::join(
                || extract_chunk(chunk),
                || {
                    if let Some(xs) = pending.take() {
                        asm.add(xs);
                    }
                },
            );
            pending = Some(next);
        }
        if let Some(xs) = pending {
            asm.add(xs);
        }
        let mut corpus = asm.finish(documents);
        add_key_phrases(&mut corpus, lex);
        corpus.happenings = Happenings::build(&corpus);
        corpus
    }

    /// Ingests and builds in one step, without progress reports (the path of `load::LoadOptions`
    /// with a lexicon given).
    pub fn load(source: &Source, lex: &Lexicon) -> Corpus {
        load::read(source, lex, Vec::new(), &|_, _| {})
    }

    /// The TIMEX3 value of an event's date.
    pub fn when_value(&self, when: &CorpusWhen) -> Option<&str> {
        when.value.map(|v| self.strings.get(v))
    }

    /// The happening an event reports (None only in a corpus put together without happenings).
    pub fn happening_of(&self, event: EventId) -> Option<HappeningId> {
        self.happenings.of_event(event)
    }

    /// The actor with the export id `id` ("person:hakan-fidan").
    pub fn actor_by_id(&self, id: &str) -> Option<ActorId> {
        self.actors
            .iter()
            .position(|a| a.id == id)
            .map(ActorId::new)
    }

    /// Documents without a publication date, whose events are undated.
    pub fn undated_documents(&self) -> usize {
        self.documents
            .iter()
            .filter(|d| d.published.is_none())
            .count()
    }
}
