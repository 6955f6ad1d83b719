//! The pipeline: composes the stages over one document, in order, with their lexicons.

use std::time::{Duration, Instant};

use super::DocInput;
use super::actors::{self, DocActor};
use super::events::{self, Event};
use super::quotes::{self, Quote};
use super::segment::{self, Segments};
use super::temporal::{self, Timex};
use super::topics::{self, DocTopic};
use crate::assets::Assets;
use crate::fasthash::FastMap;
use crate::model::{ActorKind, Document, Span};

/// Every stage's word lists, built once and shared by all documents.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    pub segment: segment::Lexicon,
    pub temporal: temporal::Lexicon,
    pub actors: actors::Lexicon,
    pub topics: topics::Lexicon,
    pub quotes: quotes::Lexicon,
    pub events: events::Lexicon,
}

impl Lexicon {
    pub fn load(assets: &Assets) -> Self {
        Lexicon {
            segment: segment::Lexicon::load(assets),
            temporal: temporal::Lexicon::load(assets),
            actors: actors::Lexicon::load(assets),
            topics: topics::Lexicon::load(assets),
            quotes: quotes::Lexicon::load(assets),
            events: events::Lexicon::load(assets),
        }
    }

    /// The lists compiled into the binary, without the user's additions.
    pub fn builtin() -> Self {
        Self::load(&Assets::builtin())
    }
}

/// What the pipeline found in one document; all spans point into its `text`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extraction {
    pub segments: Segments,
    pub timexes: Vec<Timex>,
    pub actors: Vec<DocActor>,
    pub topics: Vec<DocTopic>,
    pub quotes: Vec<Quote>,
    pub events: Vec<Event>,
}

/// Time spent in each stage, summed over the documents it was passed for.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StageTimes {
    pub segment: Duration,
    pub temporal: Duration,
    pub actors: Duration,
    pub topics: Duration,
    pub quotes: Duration,
    pub events: Duration,
}

impl StageTimes {
    pub const NAMES: [&'static str; 6] = [
        "segment", "temporal", "actors", "topics", "quotes", "events",
    ];

    pub fn as_array(&self) -> [Duration; 6] {
        [
            self.segment,
            self.temporal,
            self.actors,
            self.topics,
            self.quotes,
            self.events,
        ]
    }

    pub fn add(&mut self, other: &StageTimes) {
        self.segment += other.segment;
        self.temporal += other.temporal;
        self.actors += other.actors;
        self.topics += other.topics;
        self.quotes += other.quotes;
        self.events += other.events;
    }
}

/// Runs every stage over one document.
pub fn extract(doc: &Document, lex: &Lexicon) -> Extraction {
    extract_inner(doc, lex, None)
}

/// Runs every stage over one document, adding each stage's time to `times` (for benchmarks).
pub fn extract_timed(doc: &Document, lex: &Lexicon, times: &mut StageTimes) -> Extraction {
    extract_inner(doc, lex, Some(times))
}

/// The most text the stages read in one pass (128 KiB). A longer document is cut into windows of
/// at most this size, each run through every stage on its own and the results joined
/// (`Extraction::append`), so one document's peak memory and per-item work are bounded by the
/// window, not by its length: a 16 MB run of quotation marks or capitalised words no longer holds
/// tokens for all of it at once (issue 16.2). News articles are far shorter (the longest of the
/// research sets is 34 KB), so they are read whole as before; in a longer one, nothing links
/// across a window's edge (a pronoun to a name, a relative date to an earlier one).
pub const WINDOW_BYTES: usize = 128 << 10;

/// Where the window that starts at `start` ends: at the last line break in its second half, or
/// else the last sentence end (". "), or else the last space, or else a character boundary.
fn window_end(text: &str, start: usize) -> usize {
    let limit = start + WINDOW_BYTES;
    if limit >= text.len() {
        return text.len();
    }
    let half = start + WINDOW_BYTES / 2;
    let bytes = &text.as_bytes()[half..limit];
    let cut = memchr::memrchr(b'\n', bytes)
        .or_else(|| memchr::memmem::rfind(bytes, b". ").map(|i| i + 1))
        .or_else(|| memchr::memrchr2(b' ', b'\t', bytes));
    match cut {
        Some(i) => half + i + 1,
        None => (half..=limit)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(limit),
    }
}

fn extract_inner(doc: &Document, lex: &Lexicon, mut times: Option<&mut StageTimes>) -> Extraction {
    let text = doc.text.as_str();
    if text.len() <= WINDOW_BYTES {
        return extract_window(text, doc.published, lex, times);
    }
    let mut joined = Joined::default();
    let mut start = 0;
    while start < text.len() {
        let end = window_end(text, start);
        let x = extract_window(&text[start..end], doc.published, lex, times.as_deref_mut());
        joined.append(
            x,
            start,
            Progress {
                done: end,
                total: text.len(),
            },
        );
        start = end;
    }
    joined.x
}

/// How far through its document a window ends, for sizing the joined lists.
#[derive(Clone, Copy)]
struct Progress {
    done: usize,
    total: usize,
}

impl Progress {
    /// Makes room in `v` for `adding` more items, sized for the whole document at the rate seen so
    /// far. Growing by doubling left up to half of each list of a long document unused, and every
    /// list it outgrew was freed while the next was filled: for 16 MB of year-strings (3.4 million
    /// time expressions) that slack and the freed lists were the largest part of the peak memory
    /// above the items themselves (issue 16.2). A document that turns denser than its start still
    /// grows, by the same estimate from where it has got to.
    fn reserve<T>(self, v: &mut Vec<T>, adding: usize) {
        let need = v.len() + adding;
        if need <= v.capacity() {
            return;
        }
        let estimate = (need as u128 * self.total as u128 / self.done.max(1) as u128) as usize;
        // A sixteenth more than the estimate, so a document a little denser at its end than at
        // its start does not move its lists again for the last few windows.
        let want = estimate.saturating_add(estimate / 16).max(need);
        v.reserve_exact(want - v.len());
    }
}

/// The windows of one document joined so far, with where each actor and topic sits in them.
#[derive(Default)]
struct Joined {
    x: Extraction,
    actor_of: FastMap<(ActorKind, String), usize>,
    topic_of: FastMap<String, usize>,
}

impl Joined {
    /// Appends the extraction of the window of the same document that starts at byte `offset`
    /// (after every window before it): spans move by `offset`, indices into the lists move past
    /// the items already there, and an actor or topic found again is the same one.
    fn append(&mut self, x: Extraction, offset: usize, at: Progress) {
        let shift = |s: Span| Span::new(s.start + offset, s.end + offset);
        let out = &mut self.x;
        at.reserve(&mut out.segments.paragraphs, x.segments.paragraphs.len());
        at.reserve(&mut out.segments.sentences, x.segments.sentences.len());
        at.reserve(&mut out.timexes, x.timexes.len());
        at.reserve(&mut out.quotes, x.quotes.len());
        at.reserve(&mut out.events, x.events.len());
        let paragraphs = out.segments.paragraphs.len();
        for mut p in x.segments.paragraphs {
            p.span = shift(p.span);
            out.segments.paragraphs.push(p);
        }
        for mut s in x.segments.sentences {
            s.span = shift(s.span);
            s.paragraph += paragraphs;
            out.segments.sentences.push(s);
        }
        let timexes = out.timexes.len();
        for mut t in x.timexes {
            t.span = shift(t.span);
            out.timexes.push(t);
        }
        let mut actor_at = Vec::with_capacity(x.actors.len());
        for mut a in x.actors {
            a.mentions.iter_mut().for_each(|m| *m = shift(*m));
            let key = (a.kind, a.name.clone());
            let i = match self.actor_of.get(&key) {
                Some(&i) => {
                    let b = &mut out.actors[i];
                    b.mentions.append(&mut a.mentions);
                    for r in a.roles {
                        if !b.roles.contains(&r) {
                            b.roles.push(r);
                        }
                    }
                    for n in a.aliases {
                        if !b.aliases.contains(&n) {
                            b.aliases.push(n);
                        }
                    }
                    if b.country.is_none() {
                        b.country = a.country;
                    }
                    i
                }
                None => {
                    out.actors.push(a);
                    self.actor_of.insert(key, out.actors.len() - 1);
                    out.actors.len() - 1
                }
            };
            actor_at.push(i);
        }
        let mut topic_at = Vec::with_capacity(x.topics.len());
        for mut t in x.topics {
            t.mentions.iter_mut().for_each(|m| *m = shift(*m));
            let i = match self.topic_of.get(&t.id) {
                Some(&i) => {
                    out.topics[i].mentions.append(&mut t.mentions);
                    i
                }
                None => {
                    self.topic_of.insert(t.id.clone(), out.topics.len());
                    out.topics.push(t);
                    out.topics.len() - 1
                }
            };
            topic_at.push(i);
        }
        let quotes = out.quotes.len();
        for mut q in x.quotes {
            q.span = shift(q.span);
            q.cue = q.cue.map(shift);
            q.speaker_span = q.speaker_span.map(shift);
            q.parts.iter_mut().for_each(|p| *p = shift(*p));
            remap(&mut q.speakers, &actor_at);
            out.quotes.push(q);
        }
        for mut e in x.events {
            e.span = shift(e.span);
            e.when.timex = e.when.timex.map(|t| t + timexes);
            remap(&mut e.actors, &actor_at);
            remap(&mut e.topics, &topic_at);
            e.quotes.iter_mut().for_each(|q| *q += quotes);
            out.events.push(e);
        }
    }
}

/// Maps window indices to joined ones; two that became one are kept once, in first place.
fn remap(v: &mut Vec<usize>, at: &[usize]) {
    let mut seen = crate::fasthash::FastSet::default();
    v.retain_mut(|i| {
        *i = at[*i];
        seen.insert(*i)
    });
}

fn extract_window(
    text: &str,
    published: Option<chrono::NaiveDate>,
    lex: &Lexicon,
    mut times: Option<&mut StageTimes>,
) -> Extraction {
    // Reading the clock costs little next to a stage, but stays off the normal path entirely.
    let timing = times.is_some();
    let mut clock = |slot: fn(&mut StageTimes) -> &mut Duration, since: Option<Instant>| {
        if let (Some(t), Some(since)) = (times.as_deref_mut(), since) {
            *slot(t) += since.elapsed();
        }
    };
    let now = || timing.then(Instant::now);
    let t = now();
    let segments = segment::segment(text, &lex.segment);
    clock(|s| &mut s.segment, t);
    let input = DocInput::new(text, segments, published);
    let t = now();
    let timexes = temporal::tag(&input, &lex.temporal);
    clock(|s| &mut s.temporal, t);
    let t = now();
    let actors = actors::extract(&input, &lex.actors);
    clock(|s| &mut s.actors, t);
    let t = now();
    let topics = topics::extract(&input, &lex.topics);
    clock(|s| &mut s.topics, t);
    let t = now();
    let quotes = quotes::extract(&input, &actors, &lex.quotes);
    clock(|s| &mut s.quotes, t);
    let t = now();
    let events = events::build_events(&input, &timexes, &actors, &topics, &quotes, &lex.events);
    clock(|s| &mut s.events, t);
    Extraction {
        segments: input.segments,
        timexes,
        actors,
        topics,
        quotes,
        events,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The joined lists of a long document are sized from its progress: an even document moves
    /// its list a few times and ends with little room unused, where doubling moved it at every
    /// power of two and could leave half of it empty; one denser at its end still gets room.
    #[test]
    fn joined_lists_grow_with_the_documents_progress() {
        let total = 100 * WINDOW_BYTES;
        let mut v: Vec<u64> = Vec::new();
        let mut moves = 0;
        for w in 1..=100 {
            let cap = v.capacity();
            Progress {
                done: w * WINDOW_BYTES,
                total,
            }
            .reserve(&mut v, 5_000);
            moves += usize::from(v.capacity() != cap);
            v.extend(std::iter::repeat_n(0, 5_000));
        }
        assert_eq!(v.len(), 500_000);
        assert!(moves <= 2, "moved {moves} times");
        assert!(
            v.capacity() <= v.len() + v.len() / 15,
            "capacity {}",
            v.capacity()
        );
        // Ten times denser in its last window: still room for all of it.
        Progress { done: total, total }.reserve(&mut v, 50_000);
        assert!(v.capacity() >= 550_000);
    }

    /// A document longer than a window: cut at line breaks, every span on the joined text, the
    /// same actor once, and each window's items as if it were read alone.
    #[test]
    #[ignore = "slow: the full suite runs it (cargo test -- --include-ignored, as CI does)"]
    fn long_documents_are_read_in_windows_and_joined() {
        let lex = Lexicon::builtin();
        let para = "On 14 March 2025 the foreign minister Hakan Fidan met Ararat Mirzoyan in \
                    Geneva. \u{201c}We are close,\u{201d} Fidan said on Tuesday.\n\n";
        let text = para.repeat(WINDOW_BYTES * 5 / 2 / para.len());
        let doc = Document {
            id: "long".into(),
            published: chrono::NaiveDate::from_ymd_opt(2025, 3, 16),
            text: text.clone(),
            ..Document::default()
        };
        let x = extract(&doc, &lex);
        let one = extract(
            &Document {
                text: para.to_string(),
                ..doc.clone()
            },
            &lex,
        );
        let copies = text.len() / para.len();
        assert_eq!(x.timexes.len(), one.timexes.len() * copies);
        assert_eq!(x.quotes.len(), one.quotes.len() * copies);
        assert_eq!(x.events.len(), one.events.len() * copies);
        // Every copy's items are the first copy's, moved by the copy's offset.
        for (k, t) in x.timexes.iter().enumerate() {
            let first = &one.timexes[k % one.timexes.len()];
            let at = (k / one.timexes.len()) * para.len();
            assert_eq!(
                t.span,
                Span::new(first.span.start + at, first.span.end + at)
            );
            assert_eq!(t.value, first.value);
        }
        let mut keys: Vec<_> = x.actors.iter().map(|a| (a.kind, &a.name)).collect();
        let n = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), n, "an actor found in two windows is one actor");
        assert_eq!(n, one.actors.len());
        for a in &x.actors {
            assert_eq!(a.mentions.len() % copies, 0, "{}", a.name);
            assert!(a.mentions.windows(2).all(|m| m[0].start < m[1].start));
        }
        for q in &x.quotes {
            assert!(q.speakers.iter().all(|&s| s < x.actors.len()));
            assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        }
        for e in &x.events {
            assert!(e.when.timex.is_none_or(|t| t < x.timexes.len()));
            assert!(e.quotes.iter().all(|&q| q < x.quotes.len()));
            assert!(e.actors.iter().all(|&a| a < x.actors.len()));
        }
    }

    #[test]
    fn windows_end_at_a_line_break_a_sentence_a_space_or_a_char() {
        let lines = "word ".repeat(100) + "\n";
        let text = lines.repeat(WINDOW_BYTES * 2 / lines.len());
        let end = window_end(&text, 0);
        assert!(end <= WINDOW_BYTES && end > WINDOW_BYTES / 2 && text[..end].ends_with('\n'));
        let text = "Talks went on. ".repeat(WINDOW_BYTES / 10);
        assert!(text[..window_end(&text, 0)].ends_with(". "));
        let text = "word ".repeat(WINDOW_BYTES / 3);
        assert!(text[..window_end(&text, 0)].ends_with(' '));
        let text = "é".repeat(WINDOW_BYTES);
        let end = window_end(&text, 0);
        assert!(end <= WINDOW_BYTES && text.is_char_boundary(end));
        assert_eq!(window_end("short", 0), 5);
    }
}
