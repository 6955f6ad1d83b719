//! The application state: plain data, no terminal. `update` is the only writer.

use std::sync::Arc;

use chrono::NaiveDate;

use super::action::Pane;
use super::data::{ActorRow, Data, Period};
use super::effect::Effect;
use super::index::{Timeline, row_of, timeline_rows_with};
use super::keymap::Keymap;
use super::search::Search;
use super::textsearch::fold_query;
use super::theme::Theme;
use crate::ids::{ActorId, DocId, EventId, HappeningId, IdVec, QuoteId, QuotePos, TopicId};
use crate::model::Span;

/// The first of `events` (ascending) of each happening: the happenings view's rows.
pub fn first_of_each_happening(corpus: &crate::corpus::Corpus, events: &[EventId]) -> Vec<EventId> {
    let mut seen = vec![false; corpus.happenings.len()];
    events
        .iter()
        .copied()
        .filter(|&e| match corpus.happenings.of_event(e) {
            Some(h) => !std::mem::replace(&mut seen[h.index()], true),
            None => true,
        })
        .collect()
}

/// One narrowing of the timeline; filters combine (all must hold).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Filter {
    /// Events mentioning the actor (and the quotes they hold or the actor said).
    Actor(ActorId),
    /// The quotes the actor said, and the events holding them.
    Speaker(ActorId),
    Topic(TopicId),
    /// Inclusive days.
    Window(NaiveDate, NaiveDate),
    /// Events whose sentence holds the text (case and diacritics ignored), and their quotes.
    Text(String),
    /// The reports of one happening.
    Happening(HappeningId),
    /// The reports of the `n` most reported happenings.
    Salient(usize),
}

/// Lists longer than this are filtered on several threads.
const PARALLEL: usize = 1 << 16;

/// How many happenings `H` keeps.
pub const SALIENT: usize = 50;

pub use super::index::TimelineRow;

/// A scrolled list: the selected row and the first visible row.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: usize,
    pub offset: usize,
}

/// What the source pane shows: a document, a passage in it, and the first visible line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceView {
    pub doc: DocId,
    /// The event sentence being read.
    pub sentence: Option<Span>,
    /// The quote being read, highlighted above everything else.
    pub quote: Option<Span>,
    /// The search match stepped to with `n`/`N`.
    pub found: Option<Span>,
    /// The byte offset where the first visible line starts (see `wrap`).
    pub top: usize,
}

/// What the finder popup is choosing an actor for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FinderFor {
    Filter,
    /// The actor to merge the given one into.
    Merge(ActorId),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromptKind {
    /// `/`: full-text search, narrowing as it is typed.
    Search,
    /// `:`: a command.
    Command,
}

/// The search or command line at the bottom of the screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub text: String,
    /// Where in the history ↑/↓ is (None: the line being typed).
    pub history_pos: Option<usize>,
    /// The filters before a search began, put back on Esc.
    pub saved: Vec<Filter>,
    pub saved_selection: Option<EventId>,
    /// Tab completions of the word being typed, and the one shown.
    pub completions: Vec<String>,
    pub completion: usize,
}

/// The popup or input line over the panes, if any.
#[derive(Clone, Debug, Default)]
pub enum Overlay {
    #[default]
    None,
    /// The help, scrolled to this line.
    Help(usize),
    /// The problems list, scrolled to this line.
    Problems(usize),
    Search(Search, FinderFor),
    Prompt(Prompt),
}

/// A view pushed on the stack (Enter on an event or quote), with what to go back to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Frame {
    /// The filters and view to go back to, when the pushed view changed them (a happening's
    /// reports).
    pub filters: Option<(Vec<Filter>, bool)>,
    pub focus: Pane,
    pub source: Option<SourceView>,
    pub timeline: Cursor,
    pub quote_cursor: Cursor,
}

/// Loading progress: articles done of total.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// The events matching the last full-text query, kept so a longer query searches only them.
#[derive(Clone, Debug, Default)]
pub struct TextHits {
    /// The folded query.
    pub query: String,
    pub events: Arc<Vec<EventId>>,
}

#[derive(Debug, Default)]
pub struct State {
    pub data: Data,
    /// Some while the corpus is still loading.
    pub loading: Option<Progress>,
    pub width: u16,
    pub height: u16,
    pub focus: Pane,
    pub overlay: Overlay,
    pub filters: Vec<Filter>,
    /// Shared with `data.index.all_rows` while no filter is set.
    pub timeline_rows: Arc<Timeline>,
    pub timeline: Cursor,
    /// Events passing the filters (the event rows of `timeline_rows`).
    pub shown_events: usize,
    /// Shown events per histogram period (empty without filters).
    pub shown_per_period: Vec<usize>,
    /// Quotes passing the filters, in `data.quote_order`'s order.
    pub quotes: Arc<Vec<QuoteId>>,
    pub quote_cursor: Cursor,
    pub actors: Cursor,
    pub topics: Cursor,
    pub source: Option<SourceView>,
    /// Views to go back to (Esc, q), innermost last.
    pub stack: Vec<Frame>,
    /// The focused pane takes the whole screen.
    pub maximised: bool,
    /// On a small terminal, the side pane shown under the timeline.
    pub side: Pane,
    /// The timeline lists happenings, one row each (else every report).
    pub happenings_view: bool,
    /// The period `[` and `]` step by (`:window`); the histogram's when None.
    pub window_period: Option<Period>,
    pub text_hits: TextHits,
    /// The matches of recent queries, so Backspace costs nothing.
    pub text_cache: Vec<TextHits>,
    /// Lines run on the command line and searches, oldest first.
    pub command_history: Vec<String>,
    pub search_history: Vec<String>,
    /// A one-off note for the status line ("no more quotes").
    pub note: Option<String>,
    pub quit: bool,
    /// Loading failed with this message; the panes stay empty.
    pub failure: Option<String>,
    pub color: bool,
    pub theme: Theme,
    pub keymap: Arc<Keymap>,
    /// Work for the event loop (open a link, copy, write a file), in order.
    pub effects: Vec<Effect>,
    /// A saved place to restore once the corpus has loaded.
    pub restore: Option<super::saved::Saved>,
}

impl State {
    /// A state still waiting for its corpus.
    pub fn loading(width: u16, height: u16, color: bool) -> State {
        State {
            loading: Some(Progress::default()),
            width,
            height,
            color,
            theme: Theme::new(color),
            side: Pane::Quotes,
            ..State::default()
        }
    }

    /// A ready state over `data`, exactly as after loading in the background.
    pub fn new(data: Data, width: u16, height: u16) -> State {
        let mut s = State::loading(width, height, true);
        super::update::update(&mut s, super::action::Action::Loaded(Box::new(data)));
        s
    }

    pub fn set_data(&mut self, data: Data) {
        self.data = data;
        self.loading = None;
        self.filters.clear();
        self.stack.clear();
        self.text_hits = TextHits::default();
        self.text_cache.clear();
        self.actors.selected = self.first_actor_row().unwrap_or(0);
        self.refilter(None);
    }

    fn first_actor_row(&self) -> Option<usize> {
        self.data
            .actor_rows
            .iter()
            .position(|r| matches!(r, ActorRow::Actor(_)))
    }

    /// The period `[`/`]` step by.
    pub fn step_period(&self) -> Period {
        self.window_period.unwrap_or(self.data.period)
    }

    /// The folded query of the full-text filter, if one is set.
    pub fn text_query(&self) -> Option<String> {
        self.filters.iter().rev().find_map(|f| match f {
            Filter::Text(q) => Some(fold_query(q)).filter(|q| !q.is_empty()),
            _ => None,
        })
    }

    /// A search is set but the full-text index is still being built: nothing is shown as found
    /// until it is (`Action::TextReady` filters again).
    pub fn text_pending(&self) -> bool {
        self.data.text().is_none() && self.text_query().is_some()
    }

    /// Makes `text_hits` hold the events matching `query` (folded), searching only the last
    /// matches when the query grew.
    pub fn ensure_text_hits(&mut self, query: &str) {
        if self.text_hits.query == query && !query.is_empty() {
            return;
        }
        // A query typed before (Backspace back to it): its matches are kept.
        if let Some(i) = self.text_cache.iter().position(|h| h.query == query) {
            let hit = self.text_cache.remove(i);
            self.text_cache
                .push(std::mem::replace(&mut self.text_hits, hit));
            return;
        }
        let Some(text) = self.data.text() else {
            return;
        };
        let c = &self.data.corpus;
        let narrowing = !self.text_hits.query.is_empty() && query.contains(&self.text_hits.query);
        let pool = narrowing.then(|| Arc::clone(&self.text_hits.events));
        let events = text.events_matching(c, query, pool.as_deref().map(Vec::as_slice));
        let previous = std::mem::replace(
            &mut self.text_hits,
            TextHits {
                query: query.to_string(),
                events: Arc::new(events),
            },
        );
        if !previous.query.is_empty() {
            self.text_cache.push(previous);
            // The prefixes of one search are plenty; older ones go.
            if self.text_cache.len() > 16 {
                self.text_cache.remove(0);
            }
        }
    }

    fn window_passes(a: NaiveDate, b: NaiveDate, ev: &crate::corpus::CorpusEvent) -> bool {
        match (ev.when.earliest, ev.when.latest.or(ev.when.earliest)) {
            (Some(s), Some(e)) => s <= b && a <= e,
            _ => false,
        }
    }

    fn said_by(&self, e: EventId, a: ActorId) -> bool {
        let c = &self.data.corpus;
        c.events[e]
            .quotes()
            .iter()
            .any(|q| c.quotes.get(q).is_some_and(|q| q.speakers().contains(a)))
    }

    fn text_passes(&self, e: EventId, q: &str) -> bool {
        let q = fold_query(q);
        if q.is_empty() {
            return true;
        }
        if self.text_hits.query == q {
            return self.text_hits.events.binary_search(&e).is_ok();
        }
        let finder = memchr::memmem::Finder::new(q.as_bytes());
        self.data
            .text()
            .is_some_and(|t| t.event_has(&self.data.corpus, e, &finder))
    }

    /// Whether event `e` passes every filter.
    pub fn event_passes(&self, e: EventId) -> bool {
        let ev = &self.data.corpus.events[e];
        self.filters.iter().all(|f| match f {
            Filter::Actor(a) => ev.actors().contains(*a),
            Filter::Speaker(a) => self.said_by(e, *a),
            Filter::Topic(t) => ev.topics().contains(*t),
            Filter::Window(a, b) => Self::window_passes(*a, *b, ev),
            Filter::Text(q) => self.text_passes(e, q),
            Filter::Happening(h) => self.data.corpus.happenings.of_event(e) == Some(*h),
            Filter::Salient(n) => self.salient(e, *n),
        })
    }

    /// Whether event `e` reports one of the `n` most reported happenings.
    fn salient(&self, e: EventId, n: usize) -> bool {
        self.data
            .corpus
            .happenings
            .of_event(e)
            .and_then(|h| self.data.salience_rank.get(h).copied())
            .is_some_and(|r| (r as usize) < n)
    }

    /// Whether quote `q` passes: its event passes, or (for actor filters) its speaker is the actor;
    /// a speaker filter keeps only what the actor said.
    pub fn quote_passes(&self, q: QuoteId) -> bool {
        let quote = &self.data.corpus.quotes[q];
        let event = self.data.quote_event.get(q).copied().flatten();
        let ev = event.map(|e| &self.data.corpus.events[e]);
        self.filters.iter().all(|f| match f {
            Filter::Actor(a) => {
                quote.speakers().contains(*a) || ev.is_some_and(|ev| ev.actors().contains(*a))
            }
            Filter::Speaker(a) => quote.speakers().contains(*a),
            Filter::Topic(t) => ev.is_some_and(|ev| ev.topics().contains(*t)),
            Filter::Window(a, b) => ev.is_some_and(|ev| Self::window_passes(*a, *b, ev)),
            Filter::Text(text) => event.is_some_and(|e| self.text_passes(e, text)),
            Filter::Happening(h) => {
                event.is_some_and(|e| self.data.corpus.happenings.of_event(e) == Some(*h))
            }
            Filter::Salient(n) => event.is_some_and(|e| self.salient(e, *n)),
        })
    }

    /// Rebuilds the timeline and quote lists after the filters changed, keeping `keep` selected
    /// when it still passes. Costs the size of the smallest filter's lists, not of the corpus.
    pub fn refilter(&mut self, keep: Option<EventId>) {
        self.shown_per_period.clear();
        if self.text_pending() {
            // No partial or stale matches meanwhile: an empty list, and "indexing…" in the
            // status line.
            self.timeline_rows = Arc::new(Timeline::default());
            self.quotes = Arc::new(Vec::new());
            self.shown_events = 0;
            self.shown_per_period = vec![0; self.data.histogram.len()];
            self.timeline = Cursor::default();
            self.quote_cursor = Cursor::default();
            return;
        }
        if let Some(q) = self.text_query() {
            self.ensure_text_hits(&q);
        }
        if self.filters.is_empty() && self.happenings_view {
            let ix = &self.data.index;
            self.timeline_rows = Arc::clone(&ix.happening_rows);
            self.quotes = Arc::clone(&ix.all_quotes);
            self.shown_events = self.data.corpus.events.len();
        } else if self.filters.is_empty() {
            let ix = &self.data.index;
            self.timeline_rows = Arc::clone(&ix.all_rows);
            self.quotes = Arc::clone(&ix.all_quotes);
            self.shown_events = self.data.corpus.events.len();
        } else {
            use rayon::prelude::*;
            let only_text =
                matches!(self.filters.as_slice(), [Filter::Text(_)]) && self.text_query().is_some();
            let events: Vec<EventId> = if only_text {
                // The search's own matches: nothing to check again.
                self.text_hits.events.to_vec()
            } else {
                let candidates = self.event_candidates();
                // Threads only pay on long lists: waking them costs more than a short scan.
                if candidates.len() > PARALLEL {
                    candidates
                        .par_iter()
                        .copied()
                        .filter(|&e| self.event_passes(e))
                        .collect()
                } else {
                    candidates
                        .into_iter()
                        .filter(|&e| self.event_passes(e))
                        .collect()
                }
            };
            self.shown_events = events.len();
            self.shown_per_period = vec![0; self.data.histogram.len()];
            let bucket = &self.data.index.event_bucket;
            for &e in &events {
                if let Some(&b) = bucket.get(e.index())
                    && let Some(n) = self.shown_per_period.get_mut(b as usize)
                {
                    *n += 1;
                }
            }
            let quotes: Vec<QuoteId> = if only_text {
                // The quotes of the matching events, in list order, read off a bit set.
                let mut hit = vec![0u64; self.data.corpus.events.len().div_ceil(64)];
                for &e in &events {
                    hit[e.index() / 64] |= 1 << (e.index() % 64);
                }
                let qe = &self.data.quote_event;
                self.data
                    .index
                    .all_quotes
                    .iter()
                    .copied()
                    .filter(|&q| {
                        qe.get(q)
                            .copied()
                            .flatten()
                            .is_some_and(|e| hit[e.index() / 64] & (1 << (e.index() % 64)) != 0)
                    })
                    .collect()
            } else {
                let candidates = self.quote_candidates(&events);
                if candidates.len() > PARALLEL {
                    candidates
                        .into_par_iter()
                        .filter(|&q| self.quote_passes(q))
                        .collect()
                } else {
                    candidates
                        .into_iter()
                        .filter(|&q| self.quote_passes(q))
                        .collect()
                }
            };
            // A filter that keeps everything (a one-letter search) shares the unfiltered rows.
            self.timeline_rows = if events.len() == self.data.corpus.events.len() {
                Arc::clone(if self.happenings_view {
                    &self.data.index.happening_rows
                } else {
                    &self.data.index.all_rows
                })
            } else if self.happenings_view {
                let firsts = first_of_each_happening(&self.data.corpus, &events);
                let groups = &self.data.index.event_groups;
                Arc::new(timeline_rows_with(&self.data.corpus, firsts, groups))
            } else {
                let groups = &self.data.index.event_groups;
                Arc::new(timeline_rows_with(&self.data.corpus, events, groups))
            };
            self.quotes = Arc::new(quotes);
        }
        let keep_row = keep.and_then(|e| row_of(&self.timeline_rows, &self.data.corpus, e));
        let selected = keep_row.or_else(|| self.opening_row()).unwrap_or(0);
        self.timeline = Cursor {
            selected,
            // The opening row's date heading stays in view above it.
            offset: if keep_row.is_some() {
                0
            } else {
                selected.saturating_sub(1)
            },
        };
        self.quote_cursor = Cursor::default();
    }

    /// Where the timeline opens: on the first event where the bulk of the dates begins (the
    /// histogram's range, which leaves out a stray "1st century" in an archive of 2005 news),
    /// else on the first event. Every non-empty timeline opens on a heading, so that is row 1.
    fn opening_row(&self) -> Option<usize> {
        if self.timeline_rows.is_empty() {
            return None;
        }
        let bulk = self.data.histogram_range.map(|(start, _)| start);
        let events = &self.data.corpus.events;
        let at_bulk = bulk.and_then(|start| {
            self.timeline_rows.iter().position(
                |r| matches!(r, TimelineRow::Event(e) if events[*e].when.earliest >= Some(start)),
            )
        });
        Some(at_bulk.unwrap_or(1))
    }

    /// Whether an actor, speaker or topic filter is set.
    fn names_an_actor_or_topic(&self) -> bool {
        self.filters
            .iter()
            .any(|f| matches!(f, Filter::Actor(_) | Filter::Speaker(_) | Filter::Topic(_)))
    }

    /// The shortest of the index lists (per actor, speaker, topic) that the filters name: every
    /// passing item is on each of them. None when only a window or a text filters.
    fn shortest_list<'a, T>(
        &self,
        per_actor: &'a IdVec<ActorId, Vec<T>>,
        per_speaker: &'a IdVec<ActorId, Vec<T>>,
        per_topic: &'a IdVec<TopicId, Vec<T>>,
    ) -> Option<&'a [T]> {
        self.filters
            .iter()
            .filter_map(|f| match *f {
                Filter::Actor(a) => Some(per_actor.get(a).map_or(&[][..], Vec::as_slice)),
                Filter::Speaker(a) => Some(per_speaker.get(a).map_or(&[][..], Vec::as_slice)),
                Filter::Topic(t) => Some(per_topic.get(t).map_or(&[][..], Vec::as_slice)),
                Filter::Window(..)
                | Filter::Text(_)
                | Filter::Happening(_)
                | Filter::Salient(_) => None,
            })
            .min_by_key(|l| l.len())
    }

    /// A superset of the events passing the filters, ascending: the shortest actor, speaker,
    /// topic or text list, else the events near the time window.
    fn event_candidates(&self) -> Vec<EventId> {
        let ix = &self.data.index;
        // Before the lists are built (just after the first frame), every event is a candidate.
        let listed = ix
            .lists
            .get()
            .and_then(|l| self.shortest_list(&l.actor_events, &l.speaker_events, &l.topic_events));
        let text = self
            .text_query()
            .filter(|q| *q == self.text_hits.query)
            .map(|_| self.text_hits.events.as_slice());
        let happening = self.filters.iter().find_map(|f| match f {
            Filter::Happening(h) => self.data.corpus.happenings.get(*h),
            _ => None,
        });
        if let Some(h) = happening
            && listed.is_none_or(|l| l.len() > h.events().len())
        {
            return h.events().iter().collect();
        }
        let shortest = match (listed, text) {
            (Some(a), Some(b)) => Some(if a.len() <= b.len() { a } else { b }),
            (a, b) => a.or(b),
        };
        if let Some(l) = shortest {
            return l.to_vec();
        }
        match self.window() {
            Some((a, b)) => ix.window_candidates(&self.data.corpus, a, b),
            None => self.data.corpus.events.ids().collect(),
        }
    }

    /// A superset of the listed quotes passing the filters, in `quote_order`'s order, given the
    /// events that pass.
    fn quote_candidates(&self, events: &[EventId]) -> Vec<QuoteId> {
        let ix = &self.data.index;
        match ix.lists.get() {
            Some(lists) => {
                if let Some(l) = self.shortest_list(
                    &lists.actor_quotes,
                    &lists.speaker_quotes,
                    &lists.topic_quotes,
                ) {
                    return l.to_vec();
                }
            }
            // Before the lists are built, a quote said by the actor may sit in an event that
            // does not pass: every listed quote is a candidate.
            None if self.names_an_actor_or_topic() => return self.data.quote_order.to_vec(),
            None => {}
        }
        // Only a window or a text: a quote passes through the event that holds it, which passes.
        let mut pos: Vec<QuotePos> = events
            .iter()
            .flat_map(|&e| {
                self.data.corpus.events[e]
                    .quotes()
                    .iter()
                    .filter(move |&q| self.data.quote_event.get(q).copied().flatten() == Some(e))
            })
            .filter_map(|q| ix.quote_pos.get(q).copied().flatten())
            .collect();
        pos.sort_unstable();
        pos.dedup();
        pos.into_iter().map(|p| self.data.quote_order[p]).collect()
    }

    pub fn selected_event(&self) -> Option<EventId> {
        match self.timeline_rows.get(self.timeline.selected) {
            Some(TimelineRow::Event(e)) => Some(*e),
            _ => None,
        }
    }

    pub fn selected_quote(&self) -> Option<QuoteId> {
        self.quotes.get(self.quote_cursor.selected).copied()
    }

    pub fn selected_actor(&self) -> Option<ActorId> {
        match self.data.actor_rows.get(self.actors.selected) {
            Some(ActorRow::Actor(a)) => Some(*a),
            _ => None,
        }
    }

    pub fn selected_topic(&self) -> Option<TopicId> {
        self.data.topic_order.get(self.topics.selected).copied()
    }

    pub fn filter_label(&self, f: &Filter) -> String {
        let c = &self.data.corpus;
        let name = |a: ActorId| c.actors.get(a).map_or("?".into(), |a| a.name.clone());
        match f {
            Filter::Actor(a) => name(*a),
            Filter::Speaker(a) => format!("said by {}", name(*a)),
            Filter::Topic(t) => c
                .topics
                .get(*t)
                .map_or("?".into(), |t| format!("#{}", t.label)),
            Filter::Window(a, b) if a == b => a.format("%Y-%m-%d").to_string(),
            Filter::Window(a, b) => {
                format!("{} → {}", a.format("%Y-%m-%d"), b.format("%Y-%m-%d"))
            }
            Filter::Text(q) => format!("/{q}"),
            Filter::Happening(h) => c.happenings.get(*h).map_or("a happening".into(), |h| {
                format!("{} reports of a happening", h.events().len())
            }),
            Filter::Salient(n) => format!("the {n} most reported happenings"),
        }
    }

    pub fn window(&self) -> Option<(NaiveDate, NaiveDate)> {
        self.filters.iter().find_map(|f| match *f {
            Filter::Window(a, b) => Some((a, b)),
            _ => None,
        })
    }

    /// Sets (or replaces) the time window.
    pub fn set_window(&mut self, a: NaiveDate, b: NaiveDate) {
        let w = Filter::Window(a.min(b), b.max(a));
        match self
            .filters
            .iter()
            .position(|f| matches!(f, Filter::Window(..)))
        {
            Some(i) => self.filters[i] = w,
            None => self.filters.push(w),
        }
    }
}
