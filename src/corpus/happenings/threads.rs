//! Threads within an article: the sentences that continue one happening, in reading order.

use super::super::Corpus;
use crate::ids::{DocId, EventId, IdVec};
use crate::model::WhenBasis;

/// Inclusive (earliest, latest) days.
type Bounds = (Option<chrono::NaiveDate>, Option<chrono::NaiveDate>);

/// A group number for every event of the corpus: a sentence without a date of its own continues
/// the thread of the sentence before it; a dated sentence joins the article's thread with the
/// same dates, or starts one. A copy of an article takes the groups of its first copy's events.
pub(super) fn group(corpus: &Corpus, duplicate_of: &IdVec<DocId, Option<DocId>>) -> Vec<u32> {
    let by_doc = reading_order(corpus);
    let mut group = vec![u32::MAX; corpus.events.len()];
    let mut next = 0u32;
    for (doc, events) in by_doc.iter_enumerated() {
        if duplicate_of.get(doc).copied().flatten().is_some() {
            continue;
        }
        // The own dates of each thread, and its group.
        let mut threads: Vec<(Bounds, u32)> = Vec::new();
        let mut current: Option<u32> = None;
        for &e in events {
            let w = corpus.events[e].when;
            let own = matches!(w.basis, WhenBasis::Explicit | WhenBasis::Relative);
            let g = match (own, current) {
                (false, Some(g)) => g,
                _ => {
                    let key = (w.earliest, w.latest);
                    match threads.iter().find(|(k, _)| own && *k == key) {
                        Some(&(_, g)) => g,
                        None => {
                            let g = next;
                            next += 1;
                            if own {
                                threads.push((key, g));
                            }
                            g
                        }
                    }
                }
            };
            group[e.index()] = g;
            current = Some(g);
        }
    }
    // Copies take their first copy's groups, sentence by sentence; a copy whose sentences do not
    // line up (the extraction differed) keeps groups of its own.
    for (doc, events) in by_doc.iter_enumerated() {
        let Some(orig) = duplicate_of.get(doc).copied().flatten() else {
            continue;
        };
        let originals = &by_doc[orig];
        for (i, &e) in events.iter().enumerate() {
            group[e.index()] = match originals.get(i) {
                Some(&o) if originals.len() == events.len() => group[o.index()],
                _ => {
                    next += 1;
                    next - 1
                }
            };
        }
    }
    group
}

/// The events of each document in reading order.
pub(super) fn reading_order(corpus: &Corpus) -> IdVec<DocId, Vec<EventId>> {
    let mut by_doc: IdVec<DocId, Vec<EventId>> = vec![Vec::new(); corpus.documents.len()].into();
    for (i, e) in corpus.events.iter_enumerated() {
        if let Some(list) = by_doc.get_mut(e.doc()) {
            list.push(i);
        }
    }
    for list in by_doc.iter_mut() {
        list.sort_by_key(|&e| (corpus.events[e].span().start, e));
    }
    by_doc
}
