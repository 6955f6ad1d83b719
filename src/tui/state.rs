//! The application state: plain data, no terminal. `update` is the only writer.

use chrono::{Datelike, NaiveDate};

use super::action::Pane;
use super::data::{ActorRow, Data};
use super::format::month_heading;
use super::search::Search;
use crate::model::Span;

/// One narrowing of the timeline; filters combine (all must hold).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Filter {
    Actor(usize),
    Topic(usize),
    /// Inclusive days.
    Window(NaiveDate, NaiveDate),
}

/// A row of the timeline pane.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TimelineRow {
    /// A month (or "Undated") and how many shown events it holds.
    Heading(String, usize),
    Event(usize),
}

/// A scrolled list: the selected row and the first visible row.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: usize,
    pub offset: usize,
}

/// What the source pane shows: a document, a passage in it, and the first visible wrapped line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceView {
    pub doc: usize,
    /// The event sentence being read.
    pub sentence: Option<Span>,
    /// The quote being read, highlighted above everything else.
    pub quote: Option<Span>,
    pub top: usize,
}

/// The popup over the panes, if any.
#[derive(Clone, Debug, Default)]
pub enum Overlay {
    #[default]
    None,
    Help,
    Problems,
    Search(Search),
}

/// Loading progress: articles done of total.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
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
    pub timeline_rows: Vec<TimelineRow>,
    pub timeline: Cursor,
    /// Events passing the filters (the event rows of `timeline_rows`).
    pub shown_events: usize,
    /// Shown events per histogram period (empty without filters).
    pub shown_per_period: Vec<usize>,
    /// Quotes (indices into the corpus) passing the filters, in `data.quote_order`'s order.
    pub quotes: Vec<usize>,
    pub quote_cursor: Cursor,
    pub actors: Cursor,
    pub topics: Cursor,
    pub source: Option<SourceView>,
    /// A one-off note for the status line ("no more quotes").
    pub note: Option<String>,
    pub quit: bool,
    /// Loading failed with this message; the panes stay empty.
    pub failure: Option<String>,
    pub color: bool,
}

impl State {
    /// A state still waiting for its corpus.
    pub fn loading(width: u16, height: u16, color: bool) -> State {
        State {
            loading: Some(Progress::default()),
            width,
            height,
            color,
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
        self.actors.selected = self.first_actor_row().unwrap_or(0);
        self.refilter(None);
    }

    fn first_actor_row(&self) -> Option<usize> {
        self.data
            .actor_rows
            .iter()
            .position(|r| matches!(r, ActorRow::Actor(_)))
    }

    /// Whether event `e` passes every filter.
    pub fn event_passes(&self, e: usize) -> bool {
        let ev = &self.data.corpus.events[e];
        self.filters.iter().all(|f| match *f {
            Filter::Actor(a) => ev.actors.contains(&a),
            Filter::Topic(t) => ev.topics.contains(&t),
            Filter::Window(a, b) => match (ev.when.earliest, ev.when.latest.or(ev.when.earliest)) {
                (Some(s), Some(e)) => s <= b && a <= e,
                _ => false,
            },
        })
    }

    /// Whether quote `q` passes: its event passes, or (for actor filters) its speaker is the actor.
    pub fn quote_passes(&self, q: usize) -> bool {
        let quote = &self.data.corpus.quotes[q];
        let event = self.data.quote_event.get(q).copied().flatten();
        let ev = event.map(|e| &self.data.corpus.events[e]);
        self.filters.iter().all(|f| match *f {
            Filter::Actor(a) => {
                quote.speakers.contains(&a) || ev.is_some_and(|ev| ev.actors.contains(&a))
            }
            Filter::Topic(t) => ev.is_some_and(|ev| ev.topics.contains(&t)),
            Filter::Window(a, b) => {
                ev.is_some_and(
                    |ev| match (ev.when.earliest, ev.when.latest.or(ev.when.earliest)) {
                        (Some(s), Some(e)) => s <= b && a <= e,
                        _ => false,
                    },
                )
            }
        })
    }

    /// Rebuilds the timeline and quote lists after the filters changed, keeping `keep` selected
    /// when it still passes.
    pub fn refilter(&mut self, keep: Option<usize>) {
        let mut rows = Vec::new();
        // (year, month) of the current heading; None for "Undated". Compared, not formatted, per event.
        let mut heading: Option<Option<(i32, u32)>> = None;
        let mut heading_row = 0;
        let mut first_event_row = None;
        let mut keep_row = None;
        self.shown_events = 0;
        for e in 0..self.data.corpus.events.len() {
            if !self.event_passes(e) {
                continue;
            }
            let date = self.data.corpus.events[e].when.earliest;
            let key = date.map(|d| (d.year(), d.month()));
            if heading != Some(key) {
                let label = date.map_or_else(|| "Undated".to_string(), month_heading);
                heading_row = rows.len();
                rows.push(TimelineRow::Heading(label, 0));
                heading = Some(key);
            }
            if Some(e) == keep {
                keep_row = Some(rows.len());
            }
            first_event_row.get_or_insert(rows.len());
            if let Some(TimelineRow::Heading(_, n)) = rows.get_mut(heading_row) {
                *n += 1;
            }
            self.shown_events += 1;
            rows.push(TimelineRow::Event(e));
        }
        self.timeline_rows = rows;
        self.shown_per_period.clear();
        if !self.filters.is_empty() {
            self.shown_per_period = vec![0; self.data.histogram.len()];
            for r in &self.timeline_rows {
                if let TimelineRow::Event(e) = r
                    && let Some(d) = self.data.corpus.events[*e].when.earliest
                    && let Some(n) = self.shown_per_period.get_mut(self.data.bucket_of(d))
                {
                    *n += 1;
                }
            }
        }
        self.timeline = Cursor {
            selected: keep_row.or(first_event_row).unwrap_or(0),
            offset: 0,
        };
        self.quotes = self
            .data
            .quote_order
            .iter()
            .copied()
            .filter(|&q| self.quote_passes(q))
            .collect();
        self.quote_cursor = Cursor::default();
    }

    pub fn selected_event(&self) -> Option<usize> {
        match self.timeline_rows.get(self.timeline.selected) {
            Some(TimelineRow::Event(e)) => Some(*e),
            _ => None,
        }
    }

    pub fn selected_quote(&self) -> Option<usize> {
        self.quotes.get(self.quote_cursor.selected).copied()
    }

    pub fn selected_actor(&self) -> Option<usize> {
        match self.data.actor_rows.get(self.actors.selected) {
            Some(ActorRow::Actor(a)) => Some(*a),
            _ => None,
        }
    }

    pub fn selected_topic(&self) -> Option<usize> {
        self.data.topic_order.get(self.topics.selected).copied()
    }

    pub fn filter_label(&self, f: &Filter) -> String {
        let c = &self.data.corpus;
        match *f {
            Filter::Actor(a) => c.actors.get(a).map_or("?".into(), |a| a.name.clone()),
            Filter::Topic(t) => c
                .topics
                .get(t)
                .map_or("?".into(), |t| format!("#{}", t.label)),
            Filter::Window(a, b) if a == b => a.format("%Y-%m-%d").to_string(),
            Filter::Window(a, b) => format!("{} → {}", a.format("%Y-%m-%d"), b.format("%Y-%m-%d")),
        }
    }

    pub fn window(&self) -> Option<(NaiveDate, NaiveDate)> {
        self.filters.iter().find_map(|f| match *f {
            Filter::Window(a, b) => Some((a, b)),
            _ => None,
        })
    }
}
