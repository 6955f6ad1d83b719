//! Reading `dateline/1` back into a `Corpus` (through serde), so that `dateline open FILE.json`
//! browses an export without the articles, and writing it again gives the same bytes.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;

use super::FORMAT;
use crate::corpus::{
    Actor, Corpus, CorpusEvent, CorpusQuote, CorpusTimex, CorpusWhen, Mention, Topic,
};
use crate::ids::{ActorId, DocId, IdVec, QuoteId, TopicId};
use crate::ingest::Diagnostic;
use crate::model::{
    ActorKind, DateBasis, DateFrom, Document, PartKind, QuoteKind, Span, Status, TimexType,
    WhenBasis,
};

const DATE_FROM: [DateFrom; 10] = [
    DateFrom::FrontMatter,
    DateFrom::Jsonl,
    DateFrom::JsonLd,
    DateFrom::OpenGraph,
    DateFrom::Meta,
    DateFrom::TimeElement,
    DateFrom::Url,
    DateFrom::Feed,
    DateFrom::Flag,
    DateFrom::None,
];

#[derive(Deserialize)]
struct Export {
    format: String,
    documents: Vec<Doc>,
    timexes: Vec<Timex>,
    actors: Vec<ActorJ>,
    topics: Vec<TopicJ>,
    quotes: Vec<Quote>,
    events: Vec<Event>,
}

#[derive(Deserialize)]
struct Doc {
    id: String,
    path: String,
    title: Option<String>,
    source: Option<String>,
    url: Option<String>,
    author: Option<String>,
    published: Option<String>,
    date_basis: String,
    #[serde(default)]
    date_from: Option<String>,
    #[serde(default)]
    summary_only: bool,
    /// Some (even when null) when the export says which documents are copies; None in an export
    /// written before it did, whose copies are found again.
    #[serde(default, deserialize_with = "present")]
    duplicate_of: Option<Option<String>>,
    text_start: usize,
    text: String,
    #[serde(default)]
    warnings: Vec<String>,
    #[serde(default)]
    headings: Vec<SpanJ>,
}

/// A member that is there, null or not (serde reads a null as a missing `Option`).
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

#[derive(Deserialize, Clone, Copy)]
struct SpanJ {
    start: usize,
    end: usize,
}

impl From<SpanJ> for Span {
    fn from(s: SpanJ) -> Self {
        Span::new(s.start, s.end)
    }
}

#[derive(Deserialize)]
struct Timex {
    doc: String,
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: String,
    value: String,
    earliest: Option<String>,
    latest: Option<String>,
    /// Absent from exports written before sub-events (issue 14).
    #[serde(default)]
    part: Option<String>,
}

#[derive(Deserialize)]
struct MentionJ {
    doc: String,
    start: usize,
    end: usize,
}

#[derive(Deserialize)]
struct ActorJ {
    id: String,
    name: String,
    kind: String,
    roles: Vec<String>,
    aliases: Vec<String>,
    country: Option<String>,
    mentions: Vec<MentionJ>,
}

#[derive(Deserialize)]
struct TopicJ {
    id: String,
    label: String,
    mentions: Vec<MentionJ>,
}

#[derive(Deserialize)]
struct Quote {
    id: String,
    doc: String,
    start: usize,
    end: usize,
    kind: String,
    speakers: Vec<String>,
    speaker_span: Option<SpanJ>,
    cue_span: Option<SpanJ>,
    /// Absent in exports written before quotes had runs: one run, the quote's span.
    #[serde(default)]
    parts: Vec<SpanJ>,
}

#[derive(Deserialize)]
struct When {
    earliest: Option<String>,
    latest: Option<String>,
    value: Option<String>,
    basis: String,
}

#[derive(Deserialize)]
struct Event {
    doc: String,
    start: usize,
    end: usize,
    when: When,
    status: String,
    actors: Vec<String>,
    topics: Vec<String>,
    quotes: Vec<String>,
    #[serde(default)]
    happening: Option<String>,
}

/// Whether `path` is a `dateline/1` export: a `.json` file that begins with its `format` member.
pub fn is_export_file(path: &Path) -> bool {
    let json = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if !json || !path.is_file() {
        return false;
    }
    let mut head = [0u8; 256];
    let Ok(n) = std::fs::File::open(path).and_then(|mut f| f.read(&mut head)) else {
        return false;
    };
    let compact: Vec<u8> = head[..n]
        .iter()
        .copied()
        .filter(|b| !b.is_ascii_whitespace())
        .collect();
    compact.starts_with(format!("{{\"format\":\"{FORMAT}\"").as_bytes())
}

/// Reads the export at `path`. A file that cannot be read or is not `dateline/1` gives an empty
/// corpus whose one diagnostic says why.
pub fn load(path: &Path) -> Corpus {
    let shown = path.display().to_string();
    let result = std::fs::read(path)
        .map_err(|e| e.to_string())
        .and_then(|bytes| from_slice(&bytes));
    result.unwrap_or_else(|message| Corpus {
        diagnostics: vec![Diagnostic {
            path: shown,
            line: None,
            message,
            skipped: true,
        }],
        ..Corpus::default()
    })
}

fn date(s: Option<&str>, what: &str) -> Result<Option<NaiveDate>, String> {
    s.map(|s| {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("{what}: bad date {s:?}"))
    })
    .transpose()
}

fn kind_of<T: Copy>(all: &[(T, &str)], s: &str, what: &str) -> Result<T, String> {
    all.iter()
        .find(|(_, name)| *name == s)
        .map(|(t, _)| *t)
        .ok_or_else(|| format!("unknown {what} {s:?}"))
}

fn names<T: Copy>(all: &[T], name: impl Fn(T) -> &'static str) -> Vec<(T, &'static str)> {
    all.iter().map(|&t| (t, name(t))).collect()
}

/// Parses an export from its bytes.
pub fn from_slice(bytes: &[u8]) -> Result<Corpus, String> {
    let x: Export =
        serde_json::from_slice(bytes).map_err(|e| format!("not a dateline/1 export: {e}"))?;
    if x.format != FORMAT {
        return Err(format!(
            "format {:?} is not {FORMAT:?}; this dateline reads {FORMAT:?}",
            x.format
        ));
    }
    let actor_kinds = names(&ActorKind::ALL, ActorKind::as_str);
    let timex_kinds = names(
        &[
            TimexType::Date,
            TimexType::Time,
            TimexType::Duration,
            TimexType::Set,
        ],
        TimexType::as_str,
    );
    let quote_kinds = names(
        &[QuoteKind::Direct, QuoteKind::Reported, QuoteKind::Term],
        QuoteKind::as_str,
    );
    let statuses = names(
        &[
            Status::Past,
            Status::Ongoing,
            Status::Planned,
            Status::Unknown,
        ],
        Status::as_str,
    );
    let bases = names(
        &[
            WhenBasis::Explicit,
            WhenBasis::Relative,
            WhenBasis::Document,
            WhenBasis::Inherited,
            WhenBasis::Unknown,
        ],
        WhenBasis::as_str,
    );
    let mut c = Corpus::default();
    let mut doc_ids: HashMap<String, DocId> = HashMap::new();
    let mut copies: Option<Vec<Option<String>>> = Some(Vec::with_capacity(x.documents.len()));
    for d in x.documents {
        match (&mut copies, d.duplicate_of) {
            (Some(list), Some(of)) => list.push(of),
            _ => copies = None,
        }
        let date_basis = match d.date_basis.as_str() {
            "metadata" => DateBasis::Metadata,
            "flag" => DateBasis::Flag,
            "none" => DateBasis::None,
            other => return Err(format!("unknown date_basis {other:?}")),
        };
        let date_from = match d.date_from.as_deref() {
            // The coarse names stand for documents whose finer provenance is unknown.
            None | Some("metadata" | "none") => DateFrom::None,
            Some(name) => DATE_FROM
                .iter()
                .copied()
                .find(|f| f.as_str() == name)
                .ok_or_else(|| format!("unknown date_from {name:?}"))?,
        };
        let doc = Document {
            published: date(d.published.as_deref(), "published")?,
            date_from,
            summary_only: d.summary_only,
            id: d.id,
            path: d.path,
            title: d.title,
            source: d.source,
            url: d.url,
            author: d.author,
            date_basis,
            text_start: d.text_start,
            text: d.text,
            warnings: d.warnings,
        };
        if doc_ids
            .insert(doc.id.clone(), c.documents.next_id())
            .is_some()
        {
            return Err(format!("document id {:?} appears twice", doc.id));
        }
        c.headings
            .push(d.headings.into_iter().map(Span::from).collect());
        c.documents.push(doc);
    }
    let doc = |id: &str| -> Result<DocId, String> {
        doc_ids
            .get(id)
            .copied()
            .ok_or_else(|| format!("unknown document {id:?}"))
    };
    // Spans are checked against their text, so nothing read here can slice out of bounds.
    let span = |d: DocId, start: usize, end: usize| -> Result<Span, String> {
        let text = &c.documents[d].text;
        if start <= end && end <= text.len() {
            Ok(Span::new(start, end))
        } else {
            Err(format!(
                "span {start}..{end} outside document {:?}",
                c.documents[d].id
            ))
        }
    };
    let mentions = |ms: Vec<MentionJ>| -> Result<Vec<Mention>, String> {
        ms.into_iter()
            .map(|m| {
                let d = doc(&m.doc)?;
                Ok(Mention::new(d, span(d, m.start, m.end)?))
            })
            .collect()
    };
    let mut strings = crate::corpus::Strings::default();
    let mut timexes = Vec::with_capacity(x.timexes.len());
    for t in x.timexes {
        let d = doc(&t.doc)?;
        let mut timex = CorpusTimex::from_parts(
            d,
            span(d, t.start, t.end)?,
            kind_of(&timex_kinds, &t.kind, "timex type")?,
            strings.intern(&t.value),
            date(t.earliest.as_deref(), "earliest")?,
            date(t.latest.as_deref(), "latest")?,
        );
        // The events' `parts` are written from these marks, so reading them back is enough.
        timex.part = match t.part.as_deref() {
            None => None,
            Some(p) => Some(PartKind::parse(p).ok_or_else(|| format!("unknown part {p:?}"))?),
        };
        timexes.push(timex);
    }
    let mut actors: IdVec<ActorId, Actor> = IdVec::new();
    let mut actor_ids: HashMap<String, ActorId> = HashMap::new();
    for a in x.actors {
        actor_ids.insert(a.id.clone(), actors.next_id());
        actors.push(Actor {
            kind: kind_of(&actor_kinds, &a.kind, "actor kind")?,
            mentions: mentions(a.mentions)?,
            id: a.id,
            name: a.name,
            roles: a.roles,
            aliases: a.aliases,
            country: a.country,
        });
    }
    let mut topics: IdVec<TopicId, Topic> = IdVec::new();
    let mut topic_ids: HashMap<String, TopicId> = HashMap::new();
    for t in x.topics {
        topic_ids.insert(t.id.clone(), topics.next_id());
        topics.push(Topic {
            mentions: mentions(t.mentions)?,
            id: t.id,
            label: t.label,
        });
    }
    let actor = |id: &str| -> Result<ActorId, String> {
        actor_ids
            .get(id)
            .copied()
            .ok_or_else(|| format!("unknown actor {id:?}"))
    };
    let mut quotes: IdVec<QuoteId, CorpusQuote> = IdVec::new();
    let mut quote_ids: HashMap<String, QuoteId> = HashMap::new();
    for q in x.quotes {
        let d = doc(&q.doc)?;
        let opt = |s: Option<SpanJ>| s.map(|s| span(d, s.start, s.end)).transpose();
        let speakers = q
            .speakers
            .iter()
            .map(|s| actor(s))
            .collect::<Result<Vec<_>, _>>()?;
        quote_ids.insert(q.id, quotes.next_id());
        quotes.push(
            CorpusQuote::new(
                d,
                span(d, q.start, q.end)?,
                kind_of(&quote_kinds, &q.kind, "quote kind")?,
                opt(q.cue_span)?,
                opt(q.speaker_span)?,
                speakers,
            )
            .with_parts(
                &q.parts
                    .into_iter()
                    .map(|p| span(d, p.start, p.end))
                    .collect::<Result<Vec<_>, _>>()?,
            ),
        );
    }
    let mut events = IdVec::with_capacity(x.events.len());
    // The happening of each event, by number; events without one are happenings of their own.
    let mut groups: Vec<u32> = Vec::with_capacity(x.events.len());
    let mut next_group = u32::MAX / 2;
    for e in x.events {
        let group = match e.happening.as_deref().and_then(|h| h.strip_prefix('h')) {
            Some(n) => n
                .parse::<u32>()
                .map_err(|_| format!("bad happening id {:?}", e.happening))?,
            None => {
                next_group += 1;
                next_group
            }
        };
        groups.push(group);
        let d = doc(&e.doc)?;
        let when = CorpusWhen {
            earliest: date(e.when.earliest.as_deref(), "earliest")?,
            latest: date(e.when.latest.as_deref(), "latest")?,
            value: e.when.value.as_deref().map(|v| strings.intern(v)),
            basis: kind_of(&bases, &e.when.basis, "date basis")?,
        };
        let a = e
            .actors
            .iter()
            .map(|s| actor(s))
            .collect::<Result<Vec<_>, _>>()?;
        let t = e
            .topics
            .iter()
            .map(|s| {
                topic_ids
                    .get(s)
                    .copied()
                    .ok_or_else(|| format!("unknown topic {s:?}"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let q = e
            .quotes
            .iter()
            .map(|s| {
                quote_ids
                    .get(s)
                    .copied()
                    .ok_or_else(|| format!("unknown quote {s:?}"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        events.push(CorpusEvent::new(
            d,
            span(d, e.start, e.end)?,
            when,
            kind_of(&statuses, &e.status, "status")?,
            a,
            t,
            q,
        ));
    }
    c.timexes = timexes;
    c.actors = actors;
    c.topics = topics;
    c.quotes = quotes;
    c.events = events;
    c.strings = strings;
    // Group numbers as small as the happenings' count, in order of first appearance.
    let mut renumber: HashMap<u32, u32> = HashMap::new();
    let groups: Vec<u32> = groups
        .into_iter()
        .map(|g| {
            let n = renumber.len() as u32;
            *renumber.entry(g).or_insert(n)
        })
        .collect();
    c.happenings = match copies {
        Some(list) => {
            let duplicate_of = list
                .iter()
                .map(|of| of.as_deref().map(doc).transpose())
                .collect::<Result<Vec<_>, _>>()?;
            crate::corpus::Happenings::from_known(&c, groups, duplicate_of.into())
        }
        None => crate::corpus::Happenings::from_groups(&c, groups),
    };
    Ok(c)
}
