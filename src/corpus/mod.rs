//! The corpus: documents run through the pipeline in parallel, with actors and topics merged across them.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::extract::ingest::{self, Diagnostic, IngestOptions};
use crate::extract::pipeline::{self, Extraction, Lexicon};
use crate::extract::segment::Segments;
use crate::extract::temporal::Timex;
use crate::model::{ActorKind, Document, QuoteKind, Span, Status, When};

mod assemble;

use assemble::{Assembler, BUILD_CHUNK, add_key_phrases};

/// A span in one document of the corpus.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Mention {
    pub doc: usize,
    pub span: Span,
}

/// One actor of the whole corpus: the same person in two articles is one actor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    pub roles: Vec<String>,
    pub aliases: Vec<String>,
    pub country: Option<String>,
    pub mentions: Vec<Mention>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Topic {
    pub id: String,
    pub label: String,
    pub mentions: Vec<Mention>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorpusTimex {
    pub doc: usize,
    pub timex: Timex,
}

/// A quote; `speakers` index `Corpus::actors`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorpusQuote {
    pub id: String,
    pub doc: usize,
    pub span: Span,
    pub kind: QuoteKind,
    pub cue: Option<Span>,
    pub speaker_span: Option<Span>,
    pub speakers: Vec<usize>,
}

/// An event; `actors`, `topics` and `quotes` index the corpus lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorpusEvent {
    pub id: String,
    pub doc: usize,
    pub span: Span,
    pub when: When,
    pub status: Status,
    pub actors: Vec<usize>,
    pub topics: Vec<usize>,
    pub quotes: Vec<usize>,
}

/// Everything dateline knows about a set of articles. Events are in chronological order.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub segments: Vec<Segments>,
    pub timexes: Vec<CorpusTimex>,
    pub actors: Vec<Actor>,
    pub topics: Vec<Topic>,
    pub quotes: Vec<CorpusQuote>,
    pub events: Vec<CorpusEvent>,
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
        corpus
    }

    /// Ingests and builds in one step, without progress reports.
    pub fn load(source: &Source, lex: &Lexicon) -> Corpus {
        let ingested = source.ingest();
        Corpus::build(ingested.documents, ingested.diagnostics, lex, &|_, _| {})
    }

    pub fn actor_by_id(&self, id: &str) -> Option<usize> {
        self.actors.iter().position(|a| a.id == id)
    }

    /// Documents without a publication date, whose events are undated.
    pub fn undated_documents(&self) -> usize {
        self.documents
            .iter()
            .filter(|d| d.published.is_none())
            .count()
    }
}
