//! `:export FILE`: the events and quotes shown now, as a corpus of their own written by the export
//! module in the format the file's name implies (`export::Format::from_path`: `.md`, `.csv`,
//! `.ics`, `.timeline.json` …; indented `dateline/1` otherwise), so every export format is here.

use std::path::Path;

use crate::corpus::{Actor, Corpus, CorpusEvent, CorpusQuote, Mention, Topic};
use crate::export::{ExportError, Format, Selection};
use crate::ids::{ActorId, DocId, EventId, IdVec, QuoteId, TopicId};

/// Writes the view (`events`, `quotes` of `corpus`) to `path`, atomically, in the format its name
/// implies; returns that format.
pub fn export_view(
    corpus: &Corpus,
    events: &[EventId],
    quotes: &[QuoteId],
    path: &Path,
) -> Result<Format, ExportError> {
    let sub = subset(corpus, events, quotes);
    crate::export::export_to_path(&sub, &Selection::default(), path)
}

/// The part of `c` that `events` and `quotes` need: their articles, the actors and topics
/// mentioned there, the quotes the events hold, all renumbered.
pub fn subset(c: &Corpus, events: &[EventId], quotes: &[QuoteId]) -> Corpus {
    let mut doc_map: Vec<Option<DocId>> = vec![None; c.documents.len()];
    let mut quote_keep = vec![false; c.quotes.len()];
    for &e in events {
        if let Some(ev) = c.events.get(e) {
            doc_map[ev.doc().index()] = Some(DocId::new(0));
            for q in ev.quotes() {
                quote_keep[q.index()] = true;
            }
        }
    }
    for &q in quotes {
        if let Some(quote) = c.quotes.get(q) {
            quote_keep[q.index()] = true;
            doc_map[quote.doc().index()] = Some(DocId::new(0));
        }
    }
    for (next, slot) in doc_map.iter_mut().flatten().enumerate() {
        *slot = DocId::new(next);
    }
    let doc = |d: DocId| doc_map.get(d.index()).copied().flatten();
    let moved = |m: &Mention| doc(m.doc()).map(|d| Mention::new(d, m.span()));

    let mut actor_map: Vec<Option<ActorId>> = vec![None; c.actors.len()];
    let mut actors: IdVec<ActorId, Actor> = IdVec::new();
    for (i, a) in c.actors.iter_enumerated() {
        let mentions: Vec<Mention> = a.mentions.iter().filter_map(moved).collect();
        if !mentions.is_empty() {
            actor_map[i.index()] = Some(actors.push(Actor {
                mentions,
                ..a.clone()
            }));
        }
    }
    let mut topic_map: Vec<Option<TopicId>> = vec![None; c.topics.len()];
    let mut topics: IdVec<TopicId, Topic> = IdVec::new();
    for (i, t) in c.topics.iter_enumerated() {
        let mentions: Vec<Mention> = t.mentions.iter().filter_map(moved).collect();
        if !mentions.is_empty() {
            topic_map[i.index()] = Some(topics.push(Topic {
                mentions,
                ..t.clone()
            }));
        }
    }
    let actor = |a: ActorId| actor_map.get(a.index()).copied().flatten();
    let topic = |t: TopicId| topic_map.get(t.index()).copied().flatten();

    let mut quote_map: Vec<Option<QuoteId>> = vec![None; c.quotes.len()];
    let mut new_quotes: IdVec<QuoteId, CorpusQuote> = IdVec::new();
    for (i, q) in c.quotes.iter_enumerated() {
        let Some(d) = doc(q.doc()).filter(|_| quote_keep[i.index()]) else {
            continue;
        };
        quote_map[i.index()] = Some(
            new_quotes.push(
                CorpusQuote::new(
                    d,
                    q.span(),
                    q.kind,
                    q.cue(),
                    q.speaker_span(),
                    q.speakers().iter().filter_map(actor).collect::<Vec<_>>(),
                )
                .with_parts(&q.parts()),
            ),
        );
    }
    let quote = |q: QuoteId| quote_map.get(q.index()).copied().flatten();

    let mut keep: Vec<EventId> = events.to_vec();
    keep.sort_unstable();
    keep.dedup();
    // Each kept event keeps the happening it reports in the view: the export groups its events
    // as the browser showed them, not as a regrouping of the subset alone would.
    let mut groups: Vec<u32> = Vec::with_capacity(keep.len());
    let new_events: IdVec<EventId, CorpusEvent> = keep
        .iter()
        .filter_map(|&e| {
            let ev = c.events.get(e)?;
            let d = doc(ev.doc())?;
            // An event without one (a corpus put together by hand) is a happening of its own.
            let own = c.happenings.len() + groups.len();
            groups.push(
                u32::try_from(c.happening_of(e).map_or(own, |h| h.index())).unwrap_or(u32::MAX),
            );
            Some(CorpusEvent::new(
                d,
                ev.span(),
                ev.when,
                ev.status,
                ev.actors().iter().filter_map(actor).collect::<Vec<_>>(),
                ev.topics().iter().filter_map(topic).collect::<Vec<_>>(),
                ev.quotes().iter().filter_map(quote).collect::<Vec<_>>(),
            ))
        })
        .collect();
    let documents = c
        .documents
        .iter_enumerated()
        .filter(|(i, _)| doc(*i).is_some())
        .map(|(_, d)| d.clone())
        .collect();
    let headings = c
        .headings
        .iter_enumerated()
        .filter(|(i, _)| doc(*i).is_some())
        .map(|(_, h)| h.clone())
        .collect();
    let timexes = c
        .timexes
        .iter()
        .filter_map(|t| doc(t.doc()).map(|d| t.in_doc(d)))
        .collect();
    let mut sub = Corpus {
        documents,
        headings,
        timexes,
        actors,
        topics,
        quotes: new_quotes,
        events: new_events,
        strings: c.strings.clone(),
        corrections: c.corrections.clone(),
        ..Corpus::default()
    };
    sub.happenings = crate::corpus::Happenings::from_groups(&sub, groups);
    sub
}
