//! The corpus: documents run through the pipeline in parallel, with actors and topics merged across them.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::extract::ingest::{self, Diagnostic, IngestOptions};
use crate::extract::pipeline::{self, Extraction, Lexicon};
use crate::extract::quotes::Quote;
use crate::extract::segment::Segments;
use crate::extract::temporal::Timex;
use crate::extract::{actors, topics};
use crate::model::{ActorKind, Document, QuoteKind, Span, Status, When};
use crate::text::slug;

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
        let extractions: Vec<Extraction> = documents
            .par_iter()
            .map(|doc| {
                let x = pipeline::extract(doc, lex);
                let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                progress(n, total);
                x
            })
            .collect();
        let mut corpus = assemble(documents, extractions, diagnostics);
        // Key phrases need the whole corpus: recurring noun phrases become "phrase:" topics.
        let texts: Vec<&str> = corpus.documents.iter().map(|d| d.text.as_str()).collect();
        let phrases = topics::key_phrases(&texts, &lex.topics);
        corpus.topics.extend(phrases.into_iter().map(|k| {
            Topic {
                id: k.id,
                label: k.label,
                mentions: k
                    .mentions
                    .into_iter()
                    .map(|(doc, span)| Mention { doc, span })
                    .collect(),
            }
        }));
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

fn assemble(
    mut documents: Vec<Document>,
    extractions: Vec<Extraction>,
    diagnostics: Vec<Diagnostic>,
) -> Corpus {
    let mut corpus = Corpus {
        diagnostics,
        ..Corpus::default()
    };
    let mut actor_index: HashMap<(ActorKind, String), usize> = HashMap::new();
    let mut topic_index: HashMap<String, usize> = HashMap::new();
    let mut events = Vec::new();
    for (doc, x) in extractions.into_iter().enumerate() {
        documents[doc].warnings.extend(x.warnings);
        let actor_map: Vec<usize> = x
            .actors
            .into_iter()
            .map(|a| merge_actor(&mut corpus.actors, &mut actor_index, doc, a))
            .collect();
        let topic_map: Vec<usize> = x
            .topics
            .into_iter()
            .map(|t| merge_topic(&mut corpus.topics, &mut topic_index, doc, t))
            .collect();
        let quote_base = corpus.quotes.len();
        for q in x.quotes {
            corpus.quotes.push(corpus_quote(doc, q, &actor_map));
        }
        for e in x.events {
            events.push(CorpusEvent {
                id: String::new(),
                doc,
                span: e.span,
                when: e.when,
                status: e.status,
                actors: e.actors.iter().map(|&i| actor_map[i]).collect(),
                topics: e.topics.iter().map(|&i| topic_map[i]).collect(),
                quotes: e.quotes.iter().map(|&i| quote_base + i).collect(),
            });
        }
        corpus.timexes.extend(
            x.timexes
                .into_iter()
                .map(|timex| CorpusTimex { doc, timex }),
        );
        corpus.segments.push(x.segments);
    }
    for (i, q) in corpus.quotes.iter_mut().enumerate() {
        q.id = format!("q{}", i + 1);
    }
    // Undated events last; then by earliest day, latest day and reading order.
    events.sort_by(|a, b| {
        (
            a.when.earliest.is_none(),
            a.when.earliest,
            a.when.latest,
            a.doc,
            a.span.start,
        )
            .cmp(&(
                b.when.earliest.is_none(),
                b.when.earliest,
                b.when.latest,
                b.doc,
                b.span.start,
            ))
    });
    for (i, e) in events.iter_mut().enumerate() {
        e.id = format!("e{}", i + 1);
    }
    corpus.events = events;
    corpus.documents = documents;
    corpus
}

fn merge_actor(
    actors: &mut Vec<Actor>,
    index: &mut HashMap<(ActorKind, String), usize>,
    doc: usize,
    a: actors::DocActor,
) -> usize {
    let key = actors::merge_key(&a);
    let i = *index.entry(key).or_insert_with(|| {
        actors.push(Actor {
            id: format!("{}:{}", a.kind.as_str(), slug(&a.name)),
            name: a.name.clone(),
            kind: a.kind,
            roles: Vec::new(),
            aliases: Vec::new(),
            country: None,
            mentions: Vec::new(),
        });
        actors.len() - 1
    });
    let actor = &mut actors[i];
    for r in a.roles {
        if !actor.roles.contains(&r) {
            actor.roles.push(r);
        }
    }
    for al in a.aliases {
        if al != actor.name && !actor.aliases.contains(&al) {
            actor.aliases.push(al);
        }
    }
    if actor.country.is_none() {
        actor.country = a.country;
    }
    actor
        .mentions
        .extend(a.mentions.into_iter().map(|span| Mention { doc, span }));
    i
}

fn merge_topic(
    topics: &mut Vec<Topic>,
    index: &mut HashMap<String, usize>,
    doc: usize,
    t: topics::DocTopic,
) -> usize {
    let i = *index.entry(t.id.clone()).or_insert_with(|| {
        topics.push(Topic {
            id: t.id.clone(),
            label: t.label.clone(),
            mentions: Vec::new(),
        });
        topics.len() - 1
    });
    topics[i]
        .mentions
        .extend(t.mentions.into_iter().map(|span| Mention { doc, span }));
    i
}

fn corpus_quote(doc: usize, q: Quote, actor_map: &[usize]) -> CorpusQuote {
    CorpusQuote {
        id: String::new(),
        doc,
        span: q.span,
        kind: q.kind,
        cue: q.cue,
        speaker_span: q.speaker_span,
        speakers: q
            .speakers
            .iter()
            .filter_map(|&i| actor_map.get(i).copied())
            .collect(),
    }
}
