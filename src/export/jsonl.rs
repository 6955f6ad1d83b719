//! JSONL: one JSON object per event, with everything about it inline (its document, actors,
//! topics, quotes and happening), the form data tools (pandas, DuckDB, jq, Elasticsearch) ingest.

use std::io::{self, Write};

use serde::Serialize;

use super::common::{Happening, days, happening_of, happenings, precision};
use crate::corpus::Corpus;

#[derive(Serialize)]
struct Line<'a> {
    id: String,
    text: &'a str,
    earliest: Option<String>,
    latest: Option<String>,
    precision: Option<&'static str>,
    value: Option<&'a str>,
    basis: &'static str,
    status: &'static str,
    happening: Option<HappeningRef<'a>>,
    document: Doc<'a>,
    start: usize,
    end: usize,
    actors: Vec<ActorRef<'a>>,
    topics: Vec<TopicRef<'a>>,
    quotes: Vec<QuoteRef<'a>>,
}

#[derive(Serialize)]
struct HappeningRef<'a> {
    id: &'a str,
    label: &'a str,
    events: usize,
    reports: u32,
    sources: u32,
}

#[derive(Serialize)]
struct Doc<'a> {
    id: &'a str,
    title: Option<&'a str>,
    source: Option<&'a str>,
    url: Option<&'a str>,
    published: Option<String>,
    path: &'a str,
}

#[derive(Serialize)]
struct ActorRef<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'static str,
}

#[derive(Serialize)]
struct TopicRef<'a> {
    id: &'a str,
    label: &'a str,
}

#[derive(Serialize)]
struct QuoteRef<'a> {
    id: String,
    text: &'a str,
    kind: &'static str,
    speakers: Vec<&'a str>,
    speaker_text: Option<&'a str>,
    cue: Option<&'a str>,
}

pub(super) fn write(c: &Corpus, out: &mut dyn Write) -> io::Result<()> {
    let hs: Vec<Happening> = happenings(c);
    let of = happening_of(c, &hs);
    let mut w = io::BufWriter::with_capacity(1 << 16, out);
    for (i, e) in c.events.iter_enumerated() {
        let d = &c.documents[e.doc()];
        let h = hs.get(of[i.index()]);
        let line = Line {
            id: format!("e{}", i.index() + 1),
            text: e.span().slice(&d.text),
            earliest: e.when.earliest.map(|d| d.to_string()),
            latest: e.when.latest.map(|d| d.to_string()),
            precision: days(e).map(|(a, b)| precision(a, b).as_str()),
            value: c.when_value(&e.when),
            basis: e.when.basis.as_str(),
            status: e.status.as_str(),
            happening: h.map(|h| HappeningRef {
                id: &h.id,
                label: c
                    .events
                    .get(h.label)
                    .map_or("", |e| e.span().slice(&c.documents[e.doc()].text)),
                events: h.events.len(),
                reports: h.reports,
                sources: h.sources,
            }),
            document: Doc {
                id: &d.id,
                title: d.title.as_deref(),
                source: d.source.as_deref(),
                url: d.url.as_deref(),
                published: d.published.map(|p| p.to_string()),
                path: &d.path,
            },
            start: e.span().start,
            end: e.span().end,
            actors: e
                .actors()
                .iter()
                .map(|a| {
                    let a = &c.actors[a];
                    ActorRef {
                        id: &a.id,
                        name: &a.name,
                        kind: a.kind.as_str(),
                    }
                })
                .collect(),
            topics: e
                .topics()
                .iter()
                .map(|t| TopicRef {
                    id: &c.topics[t].id,
                    label: &c.topics[t].label,
                })
                .collect(),
            quotes: e
                .quotes()
                .iter()
                .map(|q| {
                    let quote = &c.quotes[q];
                    let text = &c.documents[quote.doc()].text;
                    QuoteRef {
                        id: format!("q{}", q.index() + 1),
                        text: quote.span().slice(text),
                        kind: quote.kind.as_str(),
                        speakers: quote
                            .speakers()
                            .iter()
                            .map(|a| c.actors[a].name.as_str())
                            .collect(),
                        speaker_text: quote.speaker_span().map(|s| s.slice(text)),
                        cue: quote.cue().map(|s| s.slice(text)),
                    }
                })
                .collect(),
        };
        serde_json::to_writer(&mut w, &line)?;
        w.write_all(b"\n")?;
    }
    w.flush()
}
