//! Keeping your place: the filters, time window, selection and histories of the last visit to a
//! corpus, in a small JSON file in the XDG state folder keyed by the corpus's paths. Restored
//! once the corpus has loaded (`--fresh` skips it); items that are gone are skipped quietly.

use std::hash::Hasher;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::action::Pane;
use super::data::Period;
use super::state::{Filter, State};
use crate::corpus::load::LoadOptions;
use crate::ids::{DocId, EventId, TopicId};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SavedFilter {
    Actor { id: String },
    Speaker { id: String },
    Topic { id: String },
    Window { from: String, to: String },
    Text { text: String },
    Salient { n: usize },
}

/// An event by its article and where its sentence starts (ids change between loads; these do
/// not while the article does not).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedEvent {
    pub doc: String,
    pub start: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Saved {
    pub filters: Vec<SavedFilter>,
    pub window_period: Option<String>,
    pub selected: Option<SavedEvent>,
    pub focus: Option<String>,
    pub happenings_view: bool,
    pub command_history: Vec<String>,
    pub search_history: Vec<String>,
}

fn period_name(p: Period) -> &'static str {
    p.name()
}

fn period_named(s: &str) -> Option<Period> {
    [Period::Day, Period::Week, Period::Month, Period::Year]
        .into_iter()
        .find(|p| p.name() == s)
}

impl Saved {
    /// The place to keep from `s`.
    pub fn capture(s: &State) -> Saved {
        let c = &s.data.corpus;
        let filters = s
            .filters
            .iter()
            .filter_map(|f| {
                Some(match f {
                    Filter::Actor(a) => SavedFilter::Actor {
                        id: c.actors.get(*a)?.id.clone(),
                    },
                    Filter::Speaker(a) => SavedFilter::Speaker {
                        id: c.actors.get(*a)?.id.clone(),
                    },
                    Filter::Topic(t) => SavedFilter::Topic {
                        id: c.topics.get(*t)?.id.clone(),
                    },
                    Filter::Window(a, b) => SavedFilter::Window {
                        from: a.to_string(),
                        to: b.to_string(),
                    },
                    Filter::Text(t) => SavedFilter::Text { text: t.clone() },
                    // A happening's id is not stable across loads; the salient filter is.
                    Filter::Happening(_) => return None,
                    Filter::Salient(n) => SavedFilter::Salient { n: *n },
                })
            })
            .collect();
        let selected = s.selected_event().map(|e| {
            let ev = &c.events[e];
            SavedEvent {
                doc: c.documents[ev.doc()].id.clone(),
                start: ev.span().start,
            }
        });
        Saved {
            filters,
            window_period: s.window_period.map(|p| period_name(p).to_string()),
            selected,
            focus: Some(s.focus.key_name().to_string()),
            happenings_view: s.happenings_view,
            command_history: s.command_history.clone(),
            search_history: s.search_history.clone(),
        }
    }

    /// Puts the place back on a freshly loaded state.
    pub fn apply(self, s: &mut State) {
        let c = &s.data.corpus;
        let topic = |id: &str| c.topics.iter().position(|t| t.id == id).map(TopicId::new);
        let date = |d: &str| crate::ingest::parse_date(d);
        s.filters = self
            .filters
            .iter()
            .filter_map(|f| match f {
                SavedFilter::Actor { id } => c.actor_by_id(id).map(Filter::Actor),
                SavedFilter::Speaker { id } => c.actor_by_id(id).map(Filter::Speaker),
                SavedFilter::Topic { id } => topic(id).map(Filter::Topic),
                SavedFilter::Window { from, to } => Some(Filter::Window(date(from)?, date(to)?)),
                SavedFilter::Text { text } => Some(Filter::Text(text.clone())),
                SavedFilter::Salient { n } => Some(Filter::Salient(*n)),
            })
            .collect();
        s.window_period = self.window_period.as_deref().and_then(period_named);
        s.happenings_view = self.happenings_view;
        s.command_history = self.command_history;
        s.search_history = self.search_history;
        let selected = self.selected.and_then(|sel| {
            let doc = c
                .documents
                .iter()
                .position(|d| d.id == sel.doc)
                .map(DocId::new)?;
            c.events
                .iter()
                .position(|e| e.doc() == doc && e.span().start == sel.start)
                .map(EventId::new)
        });
        s.refilter(selected);
        if let Some(p) = self
            .focus
            .as_deref()
            .and_then(|f| Pane::ALL.into_iter().find(|p| p.key_name() == f))
        {
            s.focus = p;
        }
    }
}

/// The state file for a corpus: one per set of paths (and `--date`), under the state folder.
pub fn path_for(opts: &LoadOptions) -> Option<PathBuf> {
    let dir = crate::config::state_dir()?;
    let mut h = Fnv::default();
    if opts.source.paths.is_empty() {
        h.write(b"bundled seed");
    }
    for p in &opts.source.paths {
        let canon = p.canonicalize().unwrap_or_else(|_| p.clone());
        h.write(canon.as_os_str().as_encoded_bytes());
        h.write(&[0]);
    }
    if let Some(d) = opts.source.options.default_date {
        h.write(d.to_string().as_bytes());
    }
    Some(dir.join(format!("{:016x}.json", h.finish())))
}

/// The saved place at `path`, if there is a readable one.
pub fn load(path: &Path) -> Option<Saved> {
    let text = std::fs::read_to_string(path).ok()?;
    serde_json::from_str(&text).ok()
}

/// Writes the place atomically, making the state folder when needed.
pub fn save(path: &Path, saved: &Saved) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let text = serde_json::to_string_pretty(saved).map_err(std::io::Error::other)?;
    crate::fsutil::write_atomic(path, |w| w.write_all(text.as_bytes()))
}

/// FNV-1a: a stable hash for file names (std's hasher may change between Rust releases).
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}
