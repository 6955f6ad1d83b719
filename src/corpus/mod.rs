//! The corpus: documents run through the pipeline in parallel, with actors and topics merged across
//! them and their events grouped into happenings.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::assets::Assets;
use crate::extract::pipeline::{self, Extraction};
use crate::ids::{ActorId, DocId, EventId, HappeningId, IdVec, QuoteId, TopicId};
use crate::ingest::{self, Diagnostic, IngestOptions};
use crate::model::{Document, Span};

mod assemble;
mod compact;
pub mod corrections;
pub mod happenings;
mod identity;
mod items;
pub mod load;

pub use compact::{IdIter, Ids, Strings, Sym};
pub use happenings::{Happening, Happenings, Period};
pub use items::{Actor, CorpusEvent, CorpusQuote, CorpusTimex, CorpusWhen, Mention, Topic};

use assemble::{Assembler, BUILD_CHUNK, add_key_phrases};

/// Extractions known without running the pipeline (a cache), asked from worker threads.
pub trait KnownExtractions: Sync {
    /// The extraction of `doc`, if known.
    fn get(&self, id: DocId, doc: &Document) -> Option<Extraction>;
    /// Called with each extraction the pipeline computed because `get` had none.
    fn computed(&self, id: DocId, doc: &Document, x: &Extraction);
}

/// The word lists in force, read once from one `Assets`: the extraction stages' (it reads as
/// `pipeline::Lexicon`) and those of the corpus-wide steps after them, so that every step of a
/// build reads the same lists, the user's included.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    extract: pipeline::Lexicon,
    /// What the grouping into happenings reads.
    pub happenings: happenings::Words,
}

impl Lexicon {
    pub fn load(assets: &Assets) -> Self {
        Lexicon {
            extract: pipeline::Lexicon::load(assets),
            happenings: happenings::Words::load(assets),
        }
    }

    /// The lists compiled into the binary, without the user's additions.
    pub fn builtin() -> Self {
        Self::load(&Assets::builtin())
    }
}

impl std::ops::Deref for Lexicon {
    type Target = pipeline::Lexicon;

    fn deref(&self) -> &pipeline::Lexicon {
        &self.extract
    }
}

/// The corpus-wide steps after every document is added, the same for every way of building.
fn complete(asm: Assembler, documents: Vec<Document>, lex: &Lexicon) -> Corpus {
    let mut corpus = asm.finish(documents, &lex.actors);
    add_key_phrases(&mut corpus, lex);
    corpus.happenings = Happenings::build(&corpus, &lex.happenings);
    corpus
}

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
    /// The user's identity corrections that were applied (`corrections`), one line each.
    pub corrections: Vec<String>,
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
        Self::build_with(documents, diagnostics, lex, progress, None)
    }

    /// `build`, asking `known` first for each document's extraction (a cache) and telling it
    /// about every extraction the pipeline had to compute.
    pub fn build_with(
        documents: Vec<Document>,
        diagnostics: Vec<Diagnostic>,
        lex: &Lexicon,
        progress: &(dyn Fn(usize, usize) + Sync),
        known: Option<&dyn KnownExtractions>,
    ) -> Corpus {
        let total = documents.len();
        let done = AtomicUsize::new(0);
        let extract_chunk = |base: usize, chunk: &[Document]| -> Vec<Extraction> {
            chunk
                .par_iter()
                .enumerate()
                .map(|(i, doc)| {
                    let id = DocId::new(base + i);
                    let x = match known {
                        None => pipeline::extract(doc, lex),
                        Some(k) => k.get(id, doc).unwrap_or_else(|| {
                            let x = pipeline::extract(doc, lex);
                            k.computed(id, doc, &x);
                            x
                        }),
                    };
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
        for (n, chunk) in documents.chunks(BUILD_CHUNK).enumerate() {
            let (next, ()) = rayon::join(
                || extract_chunk(n * BUILD_CHUNK, chunk),
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
        complete(asm, documents, lex)
    }

    /// Assembles documents whose extractions are already known (read back from `dateline
    /// extract` shards), in order: the cross-document half of `build`, which it shares.
    pub fn assemble(
        parts: impl IntoIterator<Item = (Document, Extraction)>,
        diagnostics: Vec<Diagnostic>,
        lex: &Lexicon,
    ) -> Corpus {
        let mut asm = Assembler::new(diagnostics);
        let mut documents = Vec::new();
        let mut chunk = Vec::with_capacity(BUILD_CHUNK);
        for (doc, x) in parts {
            documents.push(doc);
            chunk.push(x);
            if chunk.len() == BUILD_CHUNK {
                asm.add(std::mem::take(&mut chunk));
            }
        }
        asm.add(chunk);
        complete(asm, documents, lex)
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

    /// The time expressions of document `doc` inside `span`. The timexes are kept in document
    /// order and, within one, in text order (assembly, a snapshot and a read-back export all keep
    /// it), so they are found by binary search.
    pub fn timexes_in(&self, doc: DocId, span: Span) -> impl Iterator<Item = &CorpusTimex> {
        let from = self
            .timexes
            .partition_point(|t| (t.doc(), t.span().start) < (doc, span.start));
        self.timexes[from..]
            .iter()
            .take_while(move |t| t.doc() == doc && t.span().start < span.end)
            .filter(move |t| span.contains(t.span()))
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
