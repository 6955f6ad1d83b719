//! The assembled corpus without its documents, in a compact serde form (written with postcard):
//! what makes reopening an unchanged archive cost a read instead of an extraction.
//!
//! It is read into the owned `Snapshot` but written from a borrowed view of the corpus (`write`),
//! streamed to the cache file: building the owned form first held a second copy of every item
//! (about 270 MB for 16 MB of year-strings, issue 16.2). Both give the same bytes, which a test
//! checks against the owned form's serialisation, so files written before stay readable.

use std::io::{self, Write};

use chrono::NaiveDate;
use serde::ser::{SerializeSeq, SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};

use crate::corpus::{
    Actor, Corpus, CorpusEvent, CorpusQuote, CorpusTimex, CorpusWhen, Mention, Strings, Sym, Topic,
};
use crate::ids::{ActorId, DocId, Id, IdVec, QuoteId, TopicId};
use crate::model::{ActorKind, Document, QuoteKind, Span, Status, TimexType, WhenBasis};

type Loc = (u32, u32);
/// (document, start, end)
type At = (u32, u32, u32);
/// (place, type, value symbol, earliest day, latest day)
type TimexS = (At, u8, u32, Option<i32>, Option<i32>);

#[derive(Deserialize)]
#[cfg_attr(test, derive(Serialize))]
pub struct Snapshot {
    headings: Vec<Vec<Loc>>,
    strings: Vec<String>,
    timexes: Vec<TimexS>,
    actors: Vec<ActorS>,
    topics: Vec<TopicS>,
    quotes: Vec<QuoteS>,
    events: Vec<EventS>,
    /// The happening of each event.
    happening_of: Vec<u32>,
    /// The document each document copies, by number (comparing texts again costs more than the
    /// rest of a reopen).
    duplicate_of: Vec<Option<u32>>,
}

#[derive(Deserialize)]
#[cfg_attr(test, derive(Serialize))]
struct ActorS {
    id: String,
    name: String,
    kind: u8,
    roles: Vec<String>,
    aliases: Vec<String>,
    country: Option<String>,
    mentions: Vec<At>,
}

#[derive(Deserialize)]
#[cfg_attr(test, derive(Serialize))]
struct TopicS {
    id: String,
    label: String,
    mentions: Vec<At>,
}

#[derive(Deserialize)]
#[cfg_attr(test, derive(Serialize))]
struct QuoteS {
    at: At,
    kind: u8,
    cue: Option<Loc>,
    speaker: Option<Loc>,
    speakers: Vec<u32>,
    /// The quotation runs when an attribution splits a direct quote; empty otherwise.
    parts: Vec<Loc>,
}

#[derive(Deserialize)]
#[cfg_attr(test, derive(Serialize))]
struct EventS {
    at: At,
    earliest: Option<i32>,
    latest: Option<i32>,
    value: u32,
    basis: u8,
    status: u8,
    actors: Vec<u32>,
    topics: Vec<u32>,
    quotes: Vec<u32>,
}

const TIMEX: [TimexType; 4] = [
    TimexType::Date,
    TimexType::Time,
    TimexType::Duration,
    TimexType::Set,
];
const QUOTE: [QuoteKind; 3] = [QuoteKind::Direct, QuoteKind::Reported, QuoteKind::Term];
const STATUS: [Status; 4] = [
    Status::Past,
    Status::Ongoing,
    Status::Planned,
    Status::Unknown,
];
const BASIS: [WhenBasis; 5] = [
    WhenBasis::Explicit,
    WhenBasis::Relative,
    WhenBasis::Document,
    WhenBasis::Inherited,
    WhenBasis::Unknown,
];

fn code<T: PartialEq>(all: &[T], v: &T) -> u8 {
    all.iter().position(|x| x == v).unwrap_or(0) as u8
}

fn decode<T: Copy>(all: &[T], c: u8) -> Result<T, String> {
    all.get(c as usize)
        .copied()
        .ok_or_else(|| format!("bad code {c}"))
}

fn day(d: Option<NaiveDate>) -> Option<i32> {
    use chrono::Datelike;
    d.map(|d| d.num_days_from_ce())
}

fn undays(d: Option<i32>) -> Result<Option<NaiveDate>, String> {
    d.map(|n| NaiveDate::from_num_days_from_ce_opt(n).ok_or_else(|| format!("bad day {n}")))
        .transpose()
}

fn loc(s: Span) -> Loc {
    (s.start as u32, s.end as u32)
}

fn at(m: &Mention) -> At {
    (m.doc().raw(), m.span().start as u32, m.span().end as u32)
}

impl Snapshot {
    /// The owned form of `c`: what `write` streams, built whole (the reference for its bytes).
    #[cfg(test)]
    pub fn of(c: &Corpus) -> Snapshot {
        Snapshot {
            headings: c
                .headings
                .iter()
                .map(|h| h.iter().copied().map(loc).collect())
                .collect(),
            strings: c.strings.iter().map(str::to_owned).collect(),
            timexes: c
                .timexes
                .iter()
                .map(|t| {
                    (
                        (t.doc().raw(), t.span().start as u32, t.span().end as u32),
                        code(&TIMEX, &t.kind),
                        t.value.raw(),
                        day(t.earliest),
                        day(t.latest),
                    )
                })
                .collect(),
            actors: c
                .actors
                .iter()
                .map(|a| ActorS {
                    id: a.id.clone(),
                    name: a.name.clone(),
                    kind: code(&ActorKind::ALL, &a.kind),
                    roles: a.roles.clone(),
                    aliases: a.aliases.clone(),
                    country: a.country.clone(),
                    mentions: a.mentions.iter().map(at).collect(),
                })
                .collect(),
            topics: c
                .topics
                .iter()
                .map(|t| TopicS {
                    id: t.id.clone(),
                    label: t.label.clone(),
                    mentions: t.mentions.iter().map(at).collect(),
                })
                .collect(),
            quotes: c
                .quotes
                .iter()
                .map(|q| QuoteS {
                    at: (q.doc().raw(), q.span().start as u32, q.span().end as u32),
                    kind: code(&QUOTE, &q.kind),
                    cue: q.cue().map(loc),
                    speaker: q.speaker_span().map(loc),
                    speakers: q.speakers().iter().map(|a| a.raw()).collect(),
                    parts: match q.parts().as_slice() {
                        [_, _, ..] => q.parts().into_iter().map(loc).collect(),
                        _ => Vec::new(),
                    },
                })
                .collect(),
            events: c
                .events
                .iter()
                .map(|e| EventS {
                    at: (e.doc().raw(), e.span().start as u32, e.span().end as u32),
                    earliest: day(e.when.earliest),
                    latest: day(e.when.latest),
                    value: e.when.value.map_or(0, Sym::raw),
                    basis: code(&BASIS, &e.when.basis),
                    status: code(&STATUS, &e.status),
                    actors: e.actors().iter().map(|a| a.raw()).collect(),
                    topics: e.topics().iter().map(|t| t.raw()).collect(),
                    quotes: e.quotes().iter().map(|q| q.raw()).collect(),
                })
                .collect(),
            happening_of: c
                .events
                .ids()
                .map(|e| c.happening_of(e).map_or(u32::MAX, |h| h.raw()))
                .collect(),
            duplicate_of: c
                .documents
                .ids()
                .map(|d| c.happenings.duplicate_of(d).map(|o| o.raw()))
                .collect(),
        }
    }

    /// The corpus of `documents` this snapshot was taken of. Every document index, span, list
    /// index and symbol is checked, so a snapshot that does not fit these documents is refused
    /// rather than trusted.
    /// On refusal the documents are handed back with the reason, to be built from instead.
    pub fn into_corpus(self, documents: Vec<Document>) -> Result<Corpus, (String, Vec<Document>)> {
        let lens: Vec<usize> = documents.iter().map(|d| d.text.len()).collect();
        match self.fit(&lens) {
            Ok((mut corpus, happening_of, duplicate_of)) => {
                corpus.documents = documents.into();
                corpus.happenings =
                    crate::corpus::Happenings::from_known(&corpus, happening_of, duplicate_of);
                Ok(corpus)
            }
            Err(e) => Err((e, documents)),
        }
    }

    /// The corpus without its documents and happenings, for documents of lengths `lens`; and the
    /// happening of each event and the copy of each document.
    fn fit(self, lens: &[usize]) -> Result<Fitted, String> {
        let n_docs = lens.len();
        if self.headings.len() != n_docs {
            return Err("made for another set of articles".into());
        }
        let n_strings = self.strings.len() as u32;
        let (n_actors, n_topics, n_quotes) = (
            self.actors.len() as u32,
            self.topics.len() as u32,
            self.quotes.len() as u32,
        );
        let bad = || "does not fit these articles".to_string();
        let span_in = |d: usize, (a, b): Loc| -> Result<Span, String> {
            (a <= b && (b as usize) <= lens[d])
                .then(|| Span::new(a as usize, b as usize))
                .ok_or_else(bad)
        };
        let place = |(d, a, b): At| -> Result<(DocId, Span), String> {
            let d = d as usize;
            if d >= n_docs {
                return Err(bad());
            }
            Ok((DocId::new(d), span_in(d, (a, b))?))
        };
        let ids = |v: Vec<u32>, n: u32| -> Result<Vec<u32>, String> {
            if v.iter().all(|&i| i < n) {
                Ok(v)
            } else {
                Err(bad())
            }
        };
        let sym = |n: u32| -> Result<Sym, String> {
            if n == 0 || n > n_strings {
                return Err(bad());
            }
            Sym::from_raw(n).ok_or_else(bad)
        };
        let mut strings = Strings::default();
        for s in &self.strings {
            strings.intern(s);
        }
        if strings.len() != self.strings.len() {
            return Err("repeated strings".into());
        }
        let mut headings = IdVec::with_capacity(n_docs);
        for (d, h) in self.headings.into_iter().enumerate() {
            let spans = h
                .into_iter()
                .map(|l| span_in(d, l))
                .collect::<Result<Box<[Span]>, String>>()?;
            headings.push(spans);
        }
        let mut timexes = Vec::with_capacity(self.timexes.len());
        for (a, kind, value, earliest, latest) in self.timexes {
            let (d, span) = place(a)?;
            timexes.push(CorpusTimex::from_parts(
                d,
                span,
                decode(&TIMEX, kind)?,
                sym(value)?,
                undays(earliest)?,
                undays(latest)?,
            ));
        }
        let mentions = |ms: Vec<At>| -> Result<Vec<Mention>, String> {
            ms.into_iter()
                .map(|m| place(m).map(|(d, s)| Mention::new(d, s)))
                .collect()
        };
        let mut actors: IdVec<ActorId, Actor> = IdVec::with_capacity(self.actors.len());
        for a in self.actors {
            actors.push(Actor {
                id: a.id,
                name: a.name,
                kind: decode(&ActorKind::ALL, a.kind)?,
                roles: a.roles,
                aliases: a.aliases,
                country: a.country,
                mentions: mentions(a.mentions)?,
            });
        }
        let mut topics: IdVec<TopicId, Topic> = IdVec::with_capacity(self.topics.len());
        for t in self.topics {
            topics.push(Topic {
                id: t.id,
                label: t.label,
                mentions: mentions(t.mentions)?,
            });
        }
        let mut quotes: IdVec<QuoteId, CorpusQuote> = IdVec::with_capacity(self.quotes.len());
        for q in self.quotes {
            let (d, span) = place(q.at)?;
            let opt = |l: Option<Loc>| l.map(|l| span_in(d.index(), l)).transpose();
            quotes.push(
                CorpusQuote::new(
                    d,
                    span,
                    decode(&QUOTE, q.kind)?,
                    opt(q.cue)?,
                    opt(q.speaker)?,
                    ids(q.speakers, n_actors)?
                        .into_iter()
                        .map(ActorId::from_raw),
                )
                .with_parts(
                    &q.parts
                        .into_iter()
                        .map(|l| span_in(d.index(), l))
                        .collect::<Result<Vec<_>, _>>()?,
                ),
            );
        }
        let mut events = IdVec::with_capacity(self.events.len());
        for e in self.events {
            let (d, span) = place(e.at)?;
            let when = CorpusWhen {
                earliest: undays(e.earliest)?,
                latest: undays(e.latest)?,
                value: if e.value == 0 {
                    None
                } else {
                    Some(sym(e.value)?)
                },
                basis: decode(&BASIS, e.basis)?,
            };
            let a: Vec<ActorId> = ids(e.actors, n_actors)?
                .into_iter()
                .map(ActorId::from_raw)
                .collect();
            let t: Vec<TopicId> = ids(e.topics, n_topics)?
                .into_iter()
                .map(TopicId::from_raw)
                .collect();
            let q: Vec<QuoteId> = ids(e.quotes, n_quotes)?
                .into_iter()
                .map(QuoteId::from_raw)
                .collect();
            events.push(CorpusEvent::new(
                d,
                span,
                when,
                decode(&STATUS, e.status)?,
                a,
                t,
                q,
            ));
        }
        if self.happening_of.len() != events.len() {
            return Err(bad());
        }
        if self.duplicate_of.len() != n_docs
            || self
                .duplicate_of
                .iter()
                .flatten()
                .any(|&d| d as usize >= n_docs)
        {
            return Err(bad());
        }
        let duplicate_of = self
            .duplicate_of
            .into_iter()
            .map(|d| d.map(|d| DocId::new(d as usize)))
            .collect();
        let corpus = Corpus {
            headings,
            timexes,
            actors,
            topics,
            quotes,
            events,
            strings,
            ..Corpus::default()
        };
        Ok((corpus, self.happening_of, duplicate_of))
    }
}

/// What `Snapshot::fit` gives: the corpus without documents, the happening of each event, the
/// document each document copies.
type Fitted = (Corpus, Vec<u32>, IdVec<DocId, Option<DocId>>);

/// Streams the snapshot of `c` to `w`, in the bytes `postcard::to_stdvec(&Snapshot::of(c))` would
/// give, without building it: every list is serialised from an iterator over the corpus.
pub fn write<W: Write>(c: &Corpus, w: &mut W) -> io::Result<()> {
    let mut out = Failed {
        inner: w,
        error: None,
    };
    match postcard::to_io(&View(c), &mut out) {
        Ok(_) => Ok(()),
        // postcard reports a failed write as its own error: give back the writer's.
        Err(e) => Err(out
            .error
            .take()
            .unwrap_or_else(|| io::Error::other(e.to_string()))),
    }
}

/// A writer that keeps its first error, which postcard would otherwise replace by its own.
struct Failed<'a, W> {
    inner: &'a mut W,
    error: Option<io::Error>,
}

impl<W: Write> Write for Failed<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf).inspect_err(|e| {
            self.error
                .get_or_insert_with(|| io::Error::new(e.kind(), e.to_string()));
        })
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.inner.write_all(buf).inspect_err(|e| {
            self.error
                .get_or_insert_with(|| io::Error::new(e.kind(), e.to_string()));
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// A sequence serialised from the iterator `F` makes, never collected. Serialises like a `Vec`.
pub(super) struct Seq<F>(pub(super) F);

impl<F, I> Serialize for Seq<F>
where
    F: Fn() -> I,
    I: ExactSizeIterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let items = (self.0)();
        let mut seq = s.serialize_seq(Some(items.len()))?;
        for x in items {
            seq.serialize_element(&x)?;
        }
        seq.end()
    }
}

/// `ActorS` borrowed.
#[derive(Serialize)]
struct ActorV<'a, M> {
    id: &'a str,
    name: &'a str,
    kind: u8,
    roles: &'a [String],
    aliases: &'a [String],
    country: Option<&'a str>,
    mentions: M,
}

/// `TopicS` borrowed.
#[derive(Serialize)]
struct TopicV<'a, M> {
    id: &'a str,
    label: &'a str,
    mentions: M,
}

/// `QuoteS` borrowed.
#[derive(Serialize)]
struct QuoteV<S, P> {
    at: At,
    kind: u8,
    cue: Option<Loc>,
    speaker: Option<Loc>,
    speakers: S,
    parts: P,
}

/// `EventS` borrowed.
#[derive(Serialize)]
struct EventV<A, T, Q> {
    at: At,
    earliest: Option<i32>,
    latest: Option<i32>,
    value: u32,
    basis: u8,
    status: u8,
    actors: A,
    topics: T,
    quotes: Q,
}

/// `Snapshot` borrowed: the same fields in the same order.
struct View<'a>(&'a Corpus);

impl Serialize for View<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let c = self.0;
        let mut st = s.serialize_struct("Snapshot", 9)?;
        st.serialize_field(
            "headings",
            &Seq(|| {
                c.headings
                    .iter()
                    .map(|h| Seq(move || h.iter().copied().map(loc)))
            }),
        )?;
        st.serialize_field("strings", &Seq(|| c.strings.iter()))?;
        st.serialize_field(
            "timexes",
            &Seq(|| {
                c.timexes.iter().map(|t| {
                    (
                        (t.doc().raw(), t.span().start as u32, t.span().end as u32),
                        code(&TIMEX, &t.kind),
                        t.value.raw(),
                        day(t.earliest),
                        day(t.latest),
                    )
                })
            }),
        )?;
        st.serialize_field(
            "actors",
            &Seq(|| {
                c.actors.iter().map(|a| ActorV {
                    id: &a.id,
                    name: &a.name,
                    kind: code(&ActorKind::ALL, &a.kind),
                    roles: &a.roles,
                    aliases: &a.aliases,
                    country: a.country.as_deref(),
                    mentions: Seq(|| a.mentions.iter().map(at)),
                })
            }),
        )?;
        st.serialize_field(
            "topics",
            &Seq(|| {
                c.topics.iter().map(|t| TopicV {
                    id: &t.id,
                    label: &t.label,
                    mentions: Seq(|| t.mentions.iter().map(at)),
                })
            }),
        )?;
        st.serialize_field(
            "quotes",
            &Seq(|| {
                c.quotes.iter().map(|q| {
                    // Only a split quote keeps its runs.
                    let parts: Vec<Loc> = match q.parts() {
                        p if p.len() > 1 => p.into_iter().map(loc).collect(),
                        _ => Vec::new(),
                    };
                    QuoteV {
                        at: (q.doc().raw(), q.span().start as u32, q.span().end as u32),
                        kind: code(&QUOTE, &q.kind),
                        cue: q.cue().map(loc),
                        speaker: q.speaker_span().map(loc),
                        speakers: Seq(move || q.speakers().iter().map(|a| a.raw())),
                        parts,
                    }
                })
            }),
        )?;
        st.serialize_field(
            "events",
            &Seq(|| {
                c.events.iter().map(|e| EventV {
                    at: (e.doc().raw(), e.span().start as u32, e.span().end as u32),
                    earliest: day(e.when.earliest),
                    latest: day(e.when.latest),
                    value: e.when.value.map_or(0, Sym::raw),
                    basis: code(&BASIS, &e.when.basis),
                    status: code(&STATUS, &e.status),
                    actors: Seq(move || e.actors().iter().map(|a| a.raw())),
                    topics: Seq(move || e.topics().iter().map(|t| t.raw())),
                    quotes: Seq(move || e.quotes().iter().map(|q| q.raw())),
                })
            }),
        )?;
        st.serialize_field(
            "happening_of",
            &Seq(|| {
                c.events
                    .ids()
                    .map(|e| c.happening_of(e).map_or(u32::MAX, |h| h.raw()))
            }),
        )?;
        st.serialize_field(
            "duplicate_of",
            &Seq(|| {
                c.documents
                    .ids()
                    .map(|d| c.happenings.duplicate_of(d).map(|o| o.raw()))
            }),
        )?;
        st.end()
    }
}
