//! Corpus assembly: merging per-document extractions into corpus-wide actors, topics, quotes and
//! chronologically sorted events.

use std::collections::HashMap;

use super::{Actor, Corpus, CorpusEvent, CorpusQuote, CorpusTimex, Mention, Topic};
use crate::extract::ingest::Diagnostic;
use crate::extract::pipeline::{Extraction, Lexicon};
use crate::extract::quotes::Quote;
use crate::extract::{actors, topics};
use crate::model::{ActorKind, Document};
use crate::text::slug;

/// Documents extracted (in parallel) per step of `Corpus::build`.
pub(super) const BUILD_CHUNK: usize = 512;

/// Merges extractions into the corpus in document order.
pub(super) struct Assembler {
    corpus: Corpus,
    actor_index: HashMap<(ActorKind, String), usize>,
    topic_index: HashMap<String, usize>,
    /// Warnings of each document, in document order.
    warnings: Vec<Vec<String>>,
}

impl Assembler {
    pub(super) fn new(diagnostics: Vec<Diagnostic>) -> Self {
        Assembler {
            corpus: Corpus {
                diagnostics,
                ..Corpus::default()
            },
            actor_index: HashMap::new(),
            topic_index: HashMap::new(),
            warnings: Vec::new(),
        }
    }

    /// Adds the extractions of the next documents.
    pub(super) fn add(&mut self, extractions: Vec<Extraction>) {
        let corpus = &mut self.corpus;
        for x in extractions {
            let doc = self.warnings.len();
            self.warnings.push(x.warnings);
            let actor_map: Vec<usize> = x
                .actors
                .into_iter()
                .map(|a| merge_actor(&mut corpus.actors, &mut self.actor_index, doc, a))
                .collect();
            let topic_map: Vec<usize> = x
                .topics
                .into_iter()
                .map(|t| merge_topic(&mut corpus.topics, &mut self.topic_index, doc, t))
                .collect();
            let quote_base = corpus.quotes.len();
            for q in x.quotes {
                corpus.quotes.push(corpus_quote(doc, q, &actor_map));
            }
            // New index vectors of exact length: the stage's own often have room to spare, and on
            // a large corpus that spare room adds up to tens of megabytes.
            corpus
                .events
                .extend(x.events.into_iter().map(|e| CorpusEvent {
                    id: String::new(),
                    doc,
                    span: e.span,
                    when: e.when,
                    status: e.status,
                    actors: e.actors.iter().map(|&i| actor_map[i]).collect(),
                    topics: e.topics.iter().map(|&i| topic_map[i]).collect(),
                    quotes: e.quotes.iter().map(|&i| quote_base + i).collect(),
                }));
            corpus.timexes.extend(
                x.timexes
                    .into_iter()
                    .map(|timex| CorpusTimex { doc, timex }),
            );
            let mut segments = x.segments;
            segments.paragraphs.shrink_to_fit();
            segments.sentences.shrink_to_fit();
            corpus.segments.push(segments);
        }
    }

    pub(super) fn finish(self, mut documents: Vec<Document>) -> Corpus {
        let mut corpus = self.corpus;
        for (d, w) in documents.iter_mut().zip(self.warnings) {
            d.warnings.extend(w);
        }
        for (i, q) in corpus.quotes.iter_mut().enumerate() {
            q.id = format!("q{}", i + 1);
        }
        sort_chronologically(&mut corpus.events);
        merge_surnames(&mut corpus);
        for (i, e) in corpus.events.iter_mut().enumerate() {
            e.id = format!("e{}", i + 1);
        }
        corpus.documents = documents;
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
            e.doc,
            e.span.start,
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

/// A person known only by a surname in some documents ("Fidan") joins the one full-name person
/// of the corpus with that surname ("Hakan Fidan"); ambiguous surnames stay apart.
fn merge_surnames(corpus: &mut Corpus) {
    let map = actors::surname_merges(
        &corpus
            .actors
            .iter()
            .map(|a| (a.kind, a.name.as_str()))
            .collect::<Vec<_>>(),
    );
    if map.iter().enumerate().all(|(i, &j)| i == j) {
        return;
    }
    // Fold the merged actors into their targets, then renumber everything that points at actors.
    for (i, &j) in map.iter().enumerate() {
        if j != i {
            let from = std::mem::replace(
                &mut corpus.actors[i],
                Actor {
                    id: String::new(),
                    name: String::new(),
                    kind: ActorKind::Person,
                    roles: Vec::new(),
                    aliases: Vec::new(),
                    country: None,
                    mentions: Vec::new(),
                },
            );
            let to = &mut corpus.actors[j];
            if !to.aliases.contains(&from.name) {
                to.aliases.push(from.name);
            }
            for x in from.aliases {
                if x != to.name && !to.aliases.contains(&x) {
                    to.aliases.push(x);
                }
            }
            for r in from.roles {
                if !to.roles.contains(&r) {
                    to.roles.push(r);
                }
            }
            to.country = to.country.take().or(from.country);
            to.mentions.extend(from.mentions);
            to.mentions.sort();
        }
    }
    let mut new_index = vec![0; map.len()];
    let mut kept = 0;
    for i in 0..map.len() {
        if map[i] == i {
            new_index[i] = kept;
            kept += 1;
        }
    }
    let remap = |i: usize| new_index[map[i]];
    let mut i = 0;
    corpus.actors.retain(|_| {
        let keep = map[i] == i;
        i += 1;
        keep
    });
    for q in &mut corpus.quotes {
        for s in &mut q.speakers {
            *s = remap(*s);
        }
        q.speakers.dedup();
    }
    for e in &mut corpus.events {
        for a in &mut e.actors {
            *a = remap(*a);
        }
        e.actors.sort_unstable();
        e.actors.dedup();
    }
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

/// Key phrases need the whole corpus: recurring noun phrases become `phrase:` topics, linked to the
/// events whose sentences hold them so they filter the timeline like taxonomy topics do.
pub(super) fn add_key_phrases(corpus: &mut Corpus, lex: &Lexicon) {
    let texts: Vec<&str> = corpus.documents.iter().map(|d| d.text.as_str()).collect();
    let phrases = topics::key_phrases(&texts, &lex.topics);
    // Events by document, sorted by start, to find the sentence holding a mention.
    let mut by_doc: Vec<Vec<(usize, usize)>> = vec![Vec::new(); corpus.documents.len()];
    for (i, e) in corpus.events.iter().enumerate() {
        by_doc[e.doc].push((e.span.start, i));
    }
    for list in &mut by_doc {
        list.sort_unstable();
    }
    for k in phrases {
        let topic = corpus.topics.len();
        let mentions: Vec<Mention> = k
            .mentions
            .into_iter()
            .map(|(doc, span)| Mention { doc, span })
            .collect();
        for m in &mentions {
            let list = &by_doc[m.doc];
            let at = list.partition_point(|&(start, _)| start <= m.span.start);
            if let Some(&(_, ev)) = at.checked_sub(1).and_then(|i| list.get(i)) {
                let event = &mut corpus.events[ev];
                if event.span.contains(m.span) && !event.topics.contains(&topic) {
                    event.topics.push(topic);
                }
            }
        }
        corpus.topics.push(Topic {
            id: k.id,
            label: k.label,
            mentions,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Span, Status, When};
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

    fn event(day: Option<u32>, doc: usize, start: usize) -> CorpusEvent {
        let date = day.and_then(|d| NaiveDate::from_ymd_opt(2025, 1, d));
        CorpusEvent {
            id: String::new(),
            doc,
            span: Span::new(start, start + 1),
            when: When {
                earliest: date,
                latest: date,
                ..When::default()
            },
            status: Status::Unknown,
            actors: Vec::new(),
            topics: Vec::new(),
            quotes: Vec::new(),
        }
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
                .map(|(i, &(day, doc, start))| {
                    let mut e = event(day, doc, start);
                    e.id = i.to_string();
                    e
                })
                .collect();
            sort_chronologically(&mut events);
            let got: Vec<usize> = events.iter().map(|e| e.id.parse().unwrap()).collect();
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
        assert_eq!(corpus.documents, docs);
        assert_eq!(corpus.segments.len(), docs.len());
        assert!(!corpus.events.is_empty());
        for pair in corpus.events.windows(2) {
            assert!(
                pair[0].when.earliest.is_none() || pair[0].when.earliest <= pair[1].when.earliest
            );
        }
        // Every event points into its own document: the first sentence names the document's number.
        let firsts = corpus.events.iter().filter(|e| e.span.start == 0);
        assert!(
            firsts.clone().count() > BUILD_CHUNK,
            "events of most documents"
        );
        for e in firsts {
            let text = e.span.slice(&corpus.documents[e.doc].text);
            assert!(text.starts_with(&format!("Article {} ", e.doc)), "{e:?}");
        }
    }
}
