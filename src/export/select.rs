//! What an export holds: a `Selection` (actor and topic names, a date window, query text) that
//! the command line's filters and the browser's view both build, and the sub-corpus it picks.
//!
//! The rules are the browser's: filters combine (all must hold); an event passes an actor filter
//! when the actor is in its sentence, a quote when the actor says it or its event passes; a window
//! keeps the dated events that overlap it. The picked corpus renumbers documents, actors, topics,
//! quotes and events, so every format writes it as it writes a whole corpus.

use chrono::NaiveDate;

use crate::corpus::{Actor, Corpus, CorpusEvent, CorpusQuote, Happenings, Mention, Topic};
use crate::ids::{ActorId, DocId, EventId, Id, IdVec, QuoteId, TopicId};
use crate::text::fold;

/// A filtered view of a corpus, by names (as a person types them), so that the command line and
/// the browser build it the same way. Empty: the whole corpus.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Each entry must hold: an actor's id (`person:hakan-fidan`), name or alias, in any case
    /// and without diacritics (`erdogan` names Erdoğan).
    pub actors: Vec<String>,
    /// Each entry must hold: a topic's id or label.
    pub topics: Vec<String>,
    /// Inclusive first day; events that end before it are left out (and so are undated ones).
    pub from: Option<NaiveDate>,
    /// Inclusive last day.
    pub to: Option<NaiveDate>,
    /// Text the event's sentence (or the quote) must contain, in any case and without diacritics.
    pub query: Option<String>,
}

/// A name in a selection that the corpus does not have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SelectError {
    UnknownActor(String),
    UnknownTopic(String),
}

impl std::fmt::Display for SelectError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SelectError::UnknownActor(a) => write!(f, "no actor named {a:?} in these articles"),
            SelectError::UnknownTopic(t) => write!(f, "no topic named {t:?} in these articles"),
        }
    }
}

impl std::error::Error for SelectError {}

/// The resolved filters: ids instead of names.
struct Filters {
    actors: Vec<Vec<ActorId>>,
    topics: Vec<Vec<TopicId>>,
    window: Option<(NaiveDate, NaiveDate)>,
    query: Option<String>,
}

impl Selection {
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
            && self.topics.is_empty()
            && self.from.is_none()
            && self.to.is_none()
            && self.query.as_deref().is_none_or(|q| q.trim().is_empty())
    }

    /// A one-line description ("actor Hakan Fidan · from 2025-11-01"), for titles of briefs.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        parts.extend(self.actors.iter().map(|a| format!("actor {a}")));
        parts.extend(self.topics.iter().map(|t| format!("topic {t}")));
        if let Some(d) = self.from {
            parts.push(format!("from {d}"));
        }
        if let Some(d) = self.to {
            parts.push(format!("to {d}"));
        }
        if let Some(q) = self.query.as_deref().filter(|q| !q.trim().is_empty()) {
            parts.push(format!("text “{}”", q.trim()));
        }
        parts.join(" · ")
    }

    fn resolve(&self, c: &Corpus) -> Result<Filters, SelectError> {
        let actors = self
            .actors
            .iter()
            .map(|name| {
                let ids = actors_named(c, name);
                if ids.is_empty() {
                    Err(SelectError::UnknownActor(name.clone()))
                } else {
                    Ok(ids)
                }
            })
            .collect::<Result<_, _>>()?;
        let topics = self
            .topics
            .iter()
            .map(|name| {
                let key = fold(name.trim());
                let ids: Vec<TopicId> = c
                    .topics
                    .iter_enumerated()
                    .filter(|(_, t)| t.id == name.trim() || fold(&t.label) == key)
                    .map(|(i, _)| i)
                    .collect();
                if ids.is_empty() {
                    Err(SelectError::UnknownTopic(name.clone()))
                } else {
                    Ok(ids)
                }
            })
            .collect::<Result<_, _>>()?;
        let window = match (self.from, self.to) {
            (None, None) => None,
            (a, b) => Some((a.unwrap_or(NaiveDate::MIN), b.unwrap_or(NaiveDate::MAX))),
        };
        let query = self
            .query
            .as_deref()
            .map(|q| fold(q.trim()))
            .filter(|q| !q.is_empty());
        Ok(Filters {
            actors,
            topics,
            window,
            query,
        })
    }

    /// The part of `c` this selection picks, renumbered as a corpus of its own: the events that
    /// pass, the quotes that pass, and the documents, actors, topics and time expressions they
    /// involve (mentions only in the documents kept).
    pub fn apply(&self, c: &Corpus) -> Result<Corpus, SelectError> {
        let f = self.resolve(c)?;
        let mut quote_event: IdVec<QuoteId, Option<EventId>> = vec![None; c.quotes.len()].into();
        for (i, e) in c.events.iter_enumerated() {
            for q in e.quotes() {
                if let Some(slot) = quote_event.get_mut(q) {
                    slot.get_or_insert(i);
                }
            }
        }
        let event_kept: Vec<bool> = c.events.iter().map(|e| f.event_passes(c, e)).collect();
        let quote_kept: Vec<bool> = c
            .quotes
            .iter_enumerated()
            .map(|(i, q)| {
                let ev = quote_event[i].map(|e| (&c.events[e], event_kept[e.index()]));
                f.quote_passes(c, q, ev)
            })
            .collect();
        Ok(pick(c, &event_kept, &quote_kept))
    }
}

/// The actors `name` names: by id, by name or by alias (folded); failing those, the actors
/// whose name holds its words in a row ("Pashinyan" for "Nikol Pashinyan").
fn actors_named(c: &Corpus, name: &str) -> Vec<ActorId> {
    let name = name.trim();
    let key = fold(name);
    let exact: Vec<ActorId> = c
        .actors
        .iter_enumerated()
        .filter(|(_, a)| {
            a.id == name || fold(&a.name) == key || a.aliases.iter().any(|x| fold(x) == key)
        })
        .map(|(i, _)| i)
        .collect();
    if !exact.is_empty() || key.is_empty() {
        return exact;
    }
    let want: Vec<&str> = key.split_whitespace().collect();
    c.actors
        .iter_enumerated()
        .filter(|(_, a)| {
            let words: Vec<String> = fold(&a.name)
                .split_whitespace()
                .map(str::to_owned)
                .collect();
            words
                .windows(want.len())
                .any(|w| w.iter().zip(&want).all(|(x, y)| x == y))
        })
        .map(|(i, _)| i)
        .collect()
}

fn overlaps(e: &CorpusEvent, (a, b): (NaiveDate, NaiveDate)) -> bool {
    match (e.when.earliest, e.when.latest.or(e.when.earliest)) {
        (Some(s), Some(t)) => s <= b && a <= t,
        _ => false,
    }
}

impl Filters {
    fn event_passes(&self, c: &Corpus, e: &CorpusEvent) -> bool {
        self.actors
            .iter()
            .all(|set| set.iter().any(|&a| e.actors().contains(a)))
            && self
                .topics
                .iter()
                .all(|set| set.iter().any(|&t| e.topics().contains(t)))
            && self.window.is_none_or(|w| overlaps(e, w))
            && self
                .query
                .as_deref()
                .is_none_or(|q| fold(e.span().slice(&c.documents[e.doc()].text)).contains(q))
    }

    fn quote_passes(
        &self,
        c: &Corpus,
        q: &CorpusQuote,
        event: Option<(&CorpusEvent, bool)>,
    ) -> bool {
        if event.is_some_and(|(_, kept)| kept) {
            return true;
        }
        let ev = event.map(|(e, _)| e);
        self.actors.iter().all(|set| {
            set.iter()
                .any(|&a| q.speakers().contains(a) || ev.is_some_and(|e| e.actors().contains(a)))
        }) && self
            .topics
            .iter()
            .all(|set| ev.is_some_and(|e| set.iter().any(|&t| e.topics().contains(t))))
            && self
                .window
                .is_none_or(|w| ev.is_some_and(|e| overlaps(e, w)))
            && self.query.as_deref().is_none_or(|needle| {
                fold(q.span().slice(&c.documents[q.doc()].text)).contains(needle)
            })
    }
}

/// New ids for the kept items of one list, in their old order.
struct Renumber<I> {
    map: Vec<Option<u32>>,
    kept: Vec<I>,
}

impl<I: Id> Renumber<I> {
    fn new(keep: &[bool]) -> Self {
        let mut map = Vec::with_capacity(keep.len());
        let mut kept = Vec::new();
        for (i, &k) in keep.iter().enumerate() {
            if k {
                map.push(Some(crate::ids::Id::raw(I::new(kept.len()))));
                kept.push(I::new(i));
            } else {
                map.push(None);
            }
        }
        Renumber { map, kept }
    }

    fn get(&self, old: I) -> Option<I> {
        self.map
            .get(old.index())
            .copied()
            .flatten()
            .map(I::from_raw)
    }
}

/// The corpus of the kept events and quotes and everything they involve.
fn pick(c: &Corpus, event_kept: &[bool], quote_kept: &[bool]) -> Corpus {
    let mut doc_keep = vec![false; c.documents.len()];
    let mut actor_keep = vec![false; c.actors.len()];
    let mut topic_keep = vec![false; c.topics.len()];
    for (e, _) in c.events.iter().zip(event_kept).filter(|(_, k)| **k) {
        doc_keep[e.doc().index()] = true;
        e.actors().iter().for_each(|a| actor_keep[a.index()] = true);
        e.topics().iter().for_each(|t| topic_keep[t.index()] = true);
    }
    for (q, _) in c.quotes.iter().zip(quote_kept).filter(|(_, k)| **k) {
        doc_keep[q.doc().index()] = true;
        q.speakers()
            .iter()
            .for_each(|a| actor_keep[a.index()] = true);
    }
    let docs: Renumber<DocId> = Renumber::new(&doc_keep);
    let actors: Renumber<ActorId> = Renumber::new(&actor_keep);
    let topics: Renumber<TopicId> = Renumber::new(&topic_keep);
    let quotes: Renumber<QuoteId> = Renumber::new(quote_kept);
    let mentions = |ms: &[Mention]| -> Vec<Mention> {
        ms.iter()
            .filter_map(|m| docs.get(m.doc()).map(|d| Mention::new(d, m.span())))
            .collect()
    };
    let mut out = Corpus {
        documents: docs.kept.iter().map(|&d| c.documents[d].clone()).collect(),
        headings: docs
            .kept
            .iter()
            .map(|&d| c.headings.get(d).cloned().unwrap_or_default())
            .collect(),
        timexes: c
            .timexes
            .iter()
            .filter_map(|t| {
                let d = docs.get(t.doc())?;
                Some(t.in_doc(d))
            })
            .collect(),
        actors: actors
            .kept
            .iter()
            .map(|&a| {
                let a: &Actor = &c.actors[a];
                Actor {
                    mentions: mentions(&a.mentions),
                    ..a.clone()
                }
            })
            .collect(),
        topics: topics
            .kept
            .iter()
            .map(|&t| {
                let t: &Topic = &c.topics[t];
                Topic {
                    mentions: mentions(&t.mentions),
                    ..t.clone()
                }
            })
            .collect(),
        quotes: IdVec::new(),
        events: IdVec::new(),
        strings: c.strings.clone(),
        diagnostics: c.diagnostics.clone(),
        ..Corpus::default()
    };
    for &q in &quotes.kept {
        let old = &c.quotes[q];
        out.quotes.push(
            CorpusQuote::new(
                docs.get(old.doc()).unwrap_or_default(),
                old.span(),
                old.kind,
                old.cue(),
                old.speaker_span(),
                old.speakers().iter().filter_map(|a| actors.get(a)),
            )
            // A quote split by its attribution keeps its parts, as in the whole export.
            .with_parts(&old.parts()),
        );
    }
    let mut kept_events = Vec::new();
    for ((i, e), _) in c
        .events
        .iter_enumerated()
        .zip(event_kept)
        .filter(|(_, k)| **k)
    {
        kept_events.push(i);
        let a: Vec<ActorId> = e.actors().iter().filter_map(|a| actors.get(a)).collect();
        let t: Vec<TopicId> = e.topics().iter().filter_map(|t| topics.get(t)).collect();
        let q: Vec<QuoteId> = e.quotes().iter().filter_map(|q| quotes.get(q)).collect();
        out.events.push(CorpusEvent::new(
            docs.get(e.doc()).unwrap_or_default(),
            e.span(),
            e.when,
            e.status,
            a,
            t,
            q,
        ));
    }
    out.happenings = view_happenings(c, &out, &kept_events);
    out
}

/// The happenings of a view `sub` cut from `c`, whose events are `kept` (old ids, in `sub`'s
/// order): the corpus's grouping of those events, never a regrouping of the view alone. A view
/// handed on shows the happenings its reader saw in the browser, which groups over the whole
/// corpus whatever the filters; regrouping would split or merge them by what the filters left
/// out. Both ways of exporting a view (the command line's filters and the browser's `:export`)
/// call this. Happenings are numbered within the view, as its documents and actors are.
pub fn view_happenings(c: &Corpus, sub: &Corpus, kept: &[EventId]) -> Happenings {
    if kept.len() != sub.events.len() {
        // Not a cut of `c` as documented: each event a happening of its own rather than
        // misgrouped by ids that do not line up.
        return Happenings::from_groups(sub, (0..sub.events.len() as u32).collect());
    }
    // Group numbers from 0 (`from_groups` sizes a table by the largest); an event the corpus
    // never grouped (a corpus put together without happenings) is a happening of its own.
    let mut dense: crate::fasthash::FastMap<u32, u32> = Default::default();
    let mut next = 0u32;
    let mut fresh = || {
        next += 1;
        next - 1
    };
    let groups = kept
        .iter()
        .map(|&i| match c.happening_of(i) {
            Some(h) => *dense.entry(h.raw()).or_insert_with(&mut fresh),
            None => fresh(),
        })
        .collect();
    Happenings::from_groups(sub, groups)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Lexicon;

    fn seed() -> Corpus {
        Corpus::load(&crate::corpus::Source::default(), &Lexicon::builtin())
    }

    #[test]
    fn an_empty_selection_is_empty_and_blank_queries_do_not_count() {
        let mut s = Selection::default();
        assert!(s.is_empty());
        s.query = Some("  ".into());
        assert!(s.is_empty());
        s.query = Some("x".into());
        assert!(!s.is_empty());
    }

    #[test]
    fn an_actor_filter_keeps_the_events_and_quotes_of_that_actor_renumbered() {
        let c = seed();
        let fidan = c.actor_by_id("person:hakan-fidan").unwrap();
        let want_events = c
            .events
            .iter()
            .filter(|e| e.actors().contains(fidan))
            .count();
        for name in ["Hakan Fidan", "hakan fidan", "person:hakan-fidan", "Fidan"] {
            let s = Selection {
                actors: vec![name.into()],
                ..Selection::default()
            };
            let p = s.apply(&c).unwrap();
            assert_eq!(p.events.len(), want_events, "{name}");
            let f = p.actor_by_id("person:hakan-fidan").unwrap();
            assert!(p.events.iter().all(|e| e.actors().contains(f)));
            assert!(p.quotes.iter().all(
                |q| q.speakers().contains(f) || p.events.iter().any(|e| e.actors().contains(f))
            ));
            // Every id points inside the picked lists.
            for e in &p.events {
                assert!(e.doc().index() < p.documents.len());
                assert!(e.quotes().iter().all(|q| q.index() < p.quotes.len()));
                assert!(e.topics().iter().all(|t| t.index() < p.topics.len()));
            }
        }
    }

    #[test]
    fn unknown_names_are_errors_and_windows_drop_undated_events() {
        let c = seed();
        let s = Selection {
            actors: vec!["Nobody At All".into()],
            ..Selection::default()
        };
        assert_eq!(
            s.apply(&c).unwrap_err(),
            SelectError::UnknownActor("Nobody At All".into())
        );
        let day = NaiveDate::from_ymd_opt(2025, 11, 20).unwrap();
        let s = Selection {
            from: Some(day),
            to: Some(day),
            ..Selection::default()
        };
        let p = s.apply(&c).unwrap();
        assert!(!p.events.is_empty());
        assert!(p.events.iter().all(|e| overlaps(e, (day, day))));
        let s = Selection {
            query: Some("PRISONER".into()),
            ..Selection::default()
        };
        let p = s.apply(&c).unwrap();
        assert!(!p.events.is_empty());
        for e in &p.events {
            let text = e.span().slice(&p.documents[e.doc()].text).to_lowercase();
            assert!(text.contains("prisoner"), "{text}");
        }
    }
}
