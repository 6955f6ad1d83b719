//! Corpus assembly: merging per-document extractions into corpus-wide actors, topics, quotes and
//! chronologically sorted events.

use super::Lexicon;
use super::compact::to_u32;
use super::identity::{self, Facts};
use super::{Actor, Corpus, CorpusEvent, CorpusQuote, CorpusTimex, CorpusWhen, Mention, Topic};
use crate::extract::pipeline::Extraction;
use crate::extract::quotes::Quote;
use crate::extract::{actors, topics};
use crate::fasthash::FastMap;
use crate::ids::{ActorId, DocId, EventId, Id, IdVec, QuoteId, TopicId};
use crate::ingest::Diagnostic;
use crate::model::{ActorKind, Document};

/// Documents extracted (in parallel) per step of `Corpus::build`.
pub(super) const BUILD_CHUNK: usize = 512;

/// Merges extractions into the corpus in document order.
pub(super) struct Assembler {
    corpus: Corpus,
    actor_index: FastMap<(ActorKind, String), ActorId>,
    /// What the cross-document identity pass needs from each document.
    facts: Facts,
    topic_index: FastMap<String, TopicId>,
    /// The document the next extraction is of.
    next_doc: DocId,
}

impl Assembler {
    pub(super) fn new(diagnostics: Vec<Diagnostic>) -> Self {
        Assembler {
            corpus: Corpus {
                diagnostics,
                ..Corpus::default()
            },
            actor_index: FastMap::default(),
            facts: Facts::default(),
            topic_index: FastMap::default(),
            next_doc: DocId::new(0),
        }
    }

    /// Adds the extractions of the next documents.
    pub(super) fn add(&mut self, extractions: Vec<Extraction>) {
        let corpus = &mut self.corpus;
        for x in extractions {
            let doc = self.next_doc;
            self.next_doc = DocId::new(doc.index() + 1);
            // The extraction's actors, topics and quotes are numbered within the document.
            let actor_map: Vec<ActorId> = x
                .actors
                .into_iter()
                .map(|a| {
                    merge_actor(
                        &mut corpus.actors,
                        &mut self.actor_index,
                        &mut self.facts,
                        doc,
                        a,
                    )
                })
                .collect();
            let topic_map: Vec<TopicId> = x
                .topics
                .into_iter()
                .map(|t| merge_topic(&mut corpus.topics, &mut self.topic_index, doc, t))
                .collect();
            let quote_base = corpus.quotes.next_id().index();
            corpus
                .quotes
                .extend(x.quotes.iter().map(|q| corpus_quote(doc, q, &actor_map)));
            let strings = &mut corpus.strings;
            corpus.events.extend(x.events.iter().map(|e| {
                CorpusEvent::new(
                    doc,
                    e.span,
                    CorpusWhen::new(&e.when, strings),
                    e.status,
                    e.actors.iter().map(|&i| actor_map[i]),
                    e.topics.iter().map(|&i| topic_map[i]),
                    e.quotes.iter().map(|&i| QuoteId::new(quote_base + i)),
                )
            }));
            let timex_base = corpus.timexes.len();
            corpus
                .timexes
                .extend(x.timexes.iter().map(|t| CorpusTimex::new(doc, t, strings)));
            // An event's sub-events are marked on their expressions, which say where and when.
            for p in x.events.iter().flat_map(|e| &e.parts) {
                if p.timex >= x.timexes.len() {
                    continue;
                }
                if let Some(t) = corpus.timexes.get_mut(timex_base + p.timex) {
                    t.part = Some(p.kind);
                }
            }
            corpus.headings.push(x.segments.headings().collect());
        }
    }

    pub(super) fn finish(self, documents: Vec<Document>, lex: &actors::Lexicon) -> Corpus {
        let mut corpus = self.corpus;
        debug_assert_eq!(self.next_doc.index(), documents.len());
        sort_chronologically(&mut corpus.events);
        corpus.documents = documents.into();
        identity::resolve(&mut corpus, &self.facts, lex);
        // Mention lists grew by doubling; the spare room adds up on a large corpus.
        for a in &mut corpus.actors {
            a.mentions.shrink_to_fit();
        }
        for t in &mut corpus.topics {
            t.mentions.shrink_to_fit();
        }
        corpus
    }
}

/// Undated events last; then by earliest day, latest day and reading order; ties keep input order.
///
/// Sorts small keys and then moves the events into place, instead of sorting the events themselves:
/// a stable sort of large structs needs a scratch buffer of half of them.
fn sort_chronologically(events: &mut [CorpusEvent]) {
    let key = |e: &CorpusEvent| {
        (
            e.when.earliest.is_none(),
            e.when.earliest,
            e.when.latest,
            e.doc(),
            e.span().start,
        )
    };
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by(|&a, &b| key(&events[a]).cmp(&key(&events[b])).then(a.cmp(&b)));
    apply_permutation(events, &mut order);
}

/// Reorders `items` so that `items[i]` becomes the old `items[order[i]]`, in place, by following
/// cycles; `order` is used up (left as the identity).
fn apply_permutation<T>(items: &mut [T], order: &mut [usize]) {
    for start in 0..items.len() {
        let mut current = start;
        while order[current] != start {
            let next = order[current];
            items.swap(current, next);
            order[current] = current;
            current = next;
        }
        order[current] = current;
    }
}

/// Adds a document's actor to the corpus actor of the same kind and slug (organisations: and
/// country); `identity::resolve` decides the rest at the end.
fn merge_actor(
    actors: &mut IdVec<ActorId, Actor>,
    index: &mut FastMap<(ActorKind, String), ActorId>,
    facts: &mut Facts,
    doc: DocId,
    a: actors::DocActor,
) -> ActorId {
    let country = (a.kind == ActorKind::Organization)
        .then_some(a.country.as_deref())
        .flatten();
    let key = identity::merge_key(a.kind, &a.name, country);
    let i = *index.entry(key).or_insert_with(|| {
        actors.push(Actor {
            id: identity::actor_id(a.kind, &a.name, country),
            name: a.name.clone(),
            kind: a.kind,
            roles: Vec::new(),
            aliases: Vec::new(),
            country: None,
            mentions: Vec::new(),
        })
    });
    let actor = &mut actors[i];
    facts.note(i, (&actor.name, actor.mentions.len()), doc, &a);
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
        .extend(a.mentions.into_iter().map(|span| Mention::new(doc, span)));
    i
}

fn merge_topic(
    topics: &mut IdVec<TopicId, Topic>,
    index: &mut FastMap<String, TopicId>,
    doc: DocId,
    t: topics::DocTopic,
) -> TopicId {
    let i = match index.get(&t.id) {
        Some(&i) => i,
        None => {
            index.insert(t.id.clone(), topics.next_id());
            topics.push(Topic {
                id: t.id,
                label: t.label,
                mentions: Vec::new(),
            })
        }
    };
    topics[i]
        .mentions
        .extend(t.mentions.into_iter().map(|span| Mention::new(doc, span)));
    i
}

fn corpus_quote(doc: DocId, q: &Quote, actor_map: &[ActorId]) -> CorpusQuote {
    CorpusQuote::new(
        doc,
        q.span,
        q.kind,
        q.cue,
        q.speaker_span,
        q.speakers
            .iter()
            .filter_map(|&i| actor_map.get(i).copied())
            .collect::<Vec<_>>(),
    )
    .with_parts(&q.parts)
}

/// Key phrases need the whole corpus: recurring noun phrases become `phrase:` topics, linked to the
/// events whose sentences hold them so they filter the timeline like taxonomy topics do.
pub(super) fn add_key_phrases(corpus: &mut Corpus, lex: &Lexicon) {
    let texts: Vec<&str> = corpus.documents.iter().map(|d| d.text.as_str()).collect();
    let phrases = topics::key_phrases(&texts, &lex.topics);
    // Events by document, sorted by start, to find the sentence holding a mention.
    let mut by_doc: IdVec<DocId, Vec<(u32, EventId)>> =
        vec![Vec::new(); corpus.documents.len()].into();
    for (i, e) in corpus.events.iter_enumerated() {
        by_doc[e.doc()].push((to_u32(e.span().start), i));
    }
    for list in &mut by_doc {
        list.sort_unstable();
    }
    // (event, phrase topic) in topic order; applied per event at the end, one rebuild each.
    let mut links: Vec<(EventId, TopicId)> = Vec::new();
    for k in phrases {
        let topic = corpus.topics.next_id();
        // Key phrases number documents as `texts` does: in corpus order.
        let mentions: Vec<Mention> = k
            .mentions
            .into_iter()
            .map(|(doc, span)| Mention::new(DocId::new(doc), span))
            .collect();
        for m in &mentions {
            let list = &by_doc[m.doc()];
            let at = list.partition_point(|&(start, _)| start as usize <= m.span().start);
            if let Some(&(_, ev)) = at.checked_sub(1).and_then(|i| list.get(i))
                && corpus.events[ev].span().contains(m.span())
            {
                links.push((ev, topic));
            }
        }
        corpus.topics.push(Topic {
            id: k.id,
            label: k.label,
            mentions,
        });
    }
    drop(by_doc);
    // A stable sort keeps each event's topics in phrase order, duplicates side by side.
    links.sort_by_key(|&(ev, _)| ev);
    links.dedup();
    for group in links.chunk_by(|a, b| a.0 == b.0) {
        let e = &mut corpus.events[group[0].0];
        let mut topics = e.topics().raw().to_vec();
        topics.extend(group.iter().map(|&(_, t)| t.raw()));
        let actors = e.actors().raw().to_vec();
        let quotes = e.quotes().raw().to_vec();
        e.set_links(&actors, &topics, &quotes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Span, Status};
    use chrono::NaiveDate;

    #[test]
    fn apply_permutation_moves_each_item_to_its_rank() {
        let cases: [(&[usize], &str); 5] = [
            (&[], ""),
            (&[0], "a"),
            (&[1, 0], "ba"),
            (&[2, 0, 1], "cab"),
            (&[3, 2, 0, 1, 4], "dcabe"),
        ];
        for (order, expected) in cases {
            let mut items: Vec<char> = "abcde".chars().take(order.len()).collect();
            apply_permutation(&mut items, &mut order.to_vec());
            assert_eq!(items.iter().collect::<String>(), expected, "{order:?}");
        }
    }

    /// An event whose one actor index is `tag`, to follow it through the sort.
    fn event(day: Option<u32>, doc: usize, start: usize, tag: usize) -> CorpusEvent {
        let date = day.and_then(|d| NaiveDate::from_ymd_opt(2025, 1, d));
        let when = CorpusWhen {
            earliest: date,
            latest: date,
            ..CorpusWhen::default()
        };
        let span = Span::new(start, start + 1);
        let actor = [ActorId::new(tag)];
        CorpusEvent::new(DocId::new(doc), span, when, Status::Unknown, actor, [], [])
    }

    /// (day of January 2025 or undated, doc, start) of each input event.
    type Key = (Option<u32>, usize, usize);

    #[test]
    fn events_sort_by_day_then_reading_order_with_undated_last() {
        // (day, doc, start) in input order → input positions in sorted order.
        let cases: [(&[Key], &[usize]); 3] = [
            (
                &[(Some(3), 0, 0), (Some(1), 1, 0), (Some(2), 0, 9)],
                &[1, 2, 0],
            ),
            (&[(None, 0, 0), (Some(5), 1, 0), (None, 0, 5)], &[1, 0, 2]),
            // Equal keys keep input order.
            (
                &[(Some(1), 0, 4), (Some(1), 0, 4), (Some(1), 0, 2)],
                &[2, 0, 1],
            ),
        ];
        for (input, expected) in cases {
            let mut events: Vec<CorpusEvent> = input
                .iter()
                .enumerate()
                .map(|(i, &(day, doc, start))| event(day, doc, start, i))
                .collect();
            sort_chronologically(&mut events);
            let got: Vec<usize> = events
                .iter()
                .flat_map(|e| e.actors())
                .map(ActorId::index)
                .collect();
            assert_eq!(got, expected, "{input:?}");
        }
    }

    #[test]
    fn build_across_chunks_keeps_documents_and_events_aligned() {
        let docs: Vec<Document> = (0..BUILD_CHUNK * 2 + 3)
            .map(|i| Document {
                id: format!("d{i}"),
                text: format!("Article {i} says little. It ends here."),
                published: NaiveDate::from_ymd_opt(2020, 1, 1 + (i % 28) as u32),
                ..Document::default()
            })
            .collect();
        let lex = Lexicon::builtin();
        let corpus = Corpus::build(docs.clone(), Vec::new(), &lex, &|_, _| {});
        assert_eq!(&*corpus.documents, &docs[..]);
        assert_eq!(corpus.headings.len(), docs.len());
        assert!(!corpus.events.is_empty());
        for pair in corpus.events.windows(2) {
            assert!(
                pair[0].when.earliest.is_none() || pair[0].when.earliest <= pair[1].when.earliest
            );
        }
        // Every event points into its own document: the first sentence names the document's number.
        let firsts = corpus.events.iter().filter(|e| e.span().start == 0);
        assert!(
            firsts.clone().count() > BUILD_CHUNK,
            "events of most documents"
        );
        for e in firsts {
            let text = e.span().slice(&corpus.documents[e.doc()].text);
            let n = e.doc().index();
            assert!(text.starts_with(&format!("Article {n} ")), "{e:?}");
        }
    }
}
