//! `n` / `N`: stepping through the matches of the full-text search, match by match — within the
//! sentence being read, then on to the next event (or, in the source pane, on through the
//! article, then to the next article).

use super::action::Pane;
use super::nav::{move_in, place_source, sync_from_quote, sync_from_timeline};
use super::state::{State, TimelineRow};

pub fn step(s: &mut State, forward: bool) {
    let Some(q) = s.text_query() else {
        s.note = Some("no search: / searches the text".into());
        return;
    };
    if s.data.text().is_none() {
        s.note = Some("indexing the text for search…".into());
        return;
    }
    // Within what is shown: the next match after the current one in the same document.
    if let Some(v) = s.source.clone() {
        let from = v
            .found
            .or(v.quote)
            .or(v.sentence)
            .map_or(v.top, |sp| sp.start);
        let from = if v.found.is_none() && forward {
            from.saturating_sub(1)
        } else {
            from
        };
        let next = s
            .data
            .text()
            .and_then(|t| t.next_in_doc(v.doc, from, &q, forward));
        let within = match s.focus {
            Pane::Source => next,
            Pane::Quotes => next.filter(|m| v.quote.is_some_and(|sp| sp.contains(*m))),
            _ => next.filter(|m| v.sentence.is_some_and(|sp| sp.contains(*m))),
        };
        if let Some(m) = within {
            let mut v = v;
            v.found = Some(m);
            s.source = Some(place_source(s, v));
            return;
        }
    }
    // On to the next row holding a match; in the source pane, the next event of another article.
    match s.focus {
        Pane::Quotes => {
            let before = s.quote_cursor.selected;
            move_in(s, Pane::Quotes, if forward { 1 } else { -1 });
            if s.quote_cursor.selected == before {
                s.note = Some(edge(forward));
                return;
            }
            sync_from_quote(s);
            if let Some(mut v) = s.source.clone() {
                v.found = v.quote.and_then(|sp| {
                    s.data
                        .text()
                        .map_or_else(Vec::new, |t| t.matches_in(v.doc, sp, &q))
                        .first()
                        .copied()
                });
                s.source = Some(place_source(s, v));
            }
        }
        pane => {
            let doc = s.source.as_ref().map(|v| v.doc);
            let rows = std::sync::Arc::clone(&s.timeline_rows);
            let events = &s.data.corpus.events;
            let from = s.timeline.selected;
            let candidates: Box<dyn Iterator<Item = usize>> = if forward {
                Box::new(from + 1..rows.len())
            } else {
                Box::new((0..from).rev())
            };
            let target = candidates.into_iter().find(|&i| match rows[i] {
                TimelineRow::Event(e) => pane != Pane::Source || Some(events[e].doc()) != doc,
                TimelineRow::Heading(..) => false,
            });
            match target {
                Some(i) => {
                    s.timeline.selected = i;
                    sync_from_timeline(s);
                    if !forward && let Some(mut v) = s.source.clone() {
                        // Stepping back lands on the sentence's last match.
                        v.found = v.sentence.and_then(|sp| {
                            s.data
                                .text()
                                .map_or_else(Vec::new, |t| t.matches_in(v.doc, sp, &q))
                                .last()
                                .copied()
                        });
                        s.source = Some(place_source(s, v));
                    }
                }
                None => s.note = Some(edge(forward)),
            }
        }
    }
}

fn edge(forward: bool) -> String {
    if forward {
        "no more matches below".into()
    } else {
        "no more matches above".into()
    }
}
