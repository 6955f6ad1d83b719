//! The `dateline/1` export: the corpus as one JSON object, the contract with outside tools.
//!
//! The schema is documented in `docs/schema.md`; `tests/export_schema.rs` holds it to that.

use chrono::NaiveDate;
use serde::Serialize;

use crate::corpus::{Corpus, Mention};
use crate::model::{ActorKind, DateBasis, QuoteKind, Span, Status, TimexType, WhenBasis};

pub const FORMAT: &str = "dateline/1";

#[derive(Serialize)]
pub struct Export<'a> {
    pub format: &'static str,
    pub documents: Vec<ExportDocument<'a>>,
    pub timexes: Vec<ExportTimex<'a>>,
    pub actors: Vec<ExportActor<'a>>,
    pub topics: Vec<ExportTopic<'a>>,
    pub quotes: Vec<ExportQuote<'a>>,
    pub events: Vec<ExportEvent<'a>>,
}

#[derive(Serialize)]
pub struct ExportDocument<'a> {
    pub id: &'a str,
    pub path: &'a str,
    pub title: Option<&'a str>,
    pub source: Option<&'a str>,
    pub url: Option<&'a str>,
    pub author: Option<&'a str>,
    pub published: Option<NaiveDate>,
    pub date_basis: DateBasis,
    pub text_start: usize,
    pub text: &'a str,
    pub warnings: &'a [String],
    pub headings: Vec<SpanJson>,
}

#[derive(Serialize)]
pub struct ExportTimex<'a> {
    pub doc: &'a str,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    #[serde(rename = "type")]
    pub kind: TimexType,
    pub value: &'a str,
    pub earliest: Option<NaiveDate>,
    pub latest: Option<NaiveDate>,
}

#[derive(Serialize)]
pub struct ExportMention<'a> {
    pub doc: &'a str,
    pub start: usize,
    pub end: usize,
}

#[derive(Serialize)]
pub struct ExportActor<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub kind: ActorKind,
    pub roles: &'a [String],
    pub aliases: &'a [String],
    pub country: Option<&'a str>,
    pub mentions: Vec<ExportMention<'a>>,
}

#[derive(Serialize)]
pub struct ExportTopic<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub mentions: Vec<ExportMention<'a>>,
}

#[derive(Serialize, Clone, Copy)]
pub struct SpanJson {
    pub start: usize,
    pub end: usize,
}

impl From<Span> for SpanJson {
    fn from(s: Span) -> Self {
        SpanJson {
            start: s.start,
            end: s.end,
        }
    }
}

#[derive(Serialize)]
pub struct ExportQuote<'a> {
    pub id: &'a str,
    pub doc: &'a str,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub kind: QuoteKind,
    pub speakers: Vec<&'a str>,
    pub speaker_text: Option<&'a str>,
    pub speaker_span: Option<SpanJson>,
    pub cue: Option<&'a str>,
    pub cue_span: Option<SpanJson>,
}

#[derive(Serialize)]
pub struct ExportWhen<'a> {
    pub earliest: Option<NaiveDate>,
    pub latest: Option<NaiveDate>,
    pub value: Option<&'a str>,
    pub basis: WhenBasis,
}

#[derive(Serialize)]
pub struct ExportEvent<'a> {
    pub id: &'a str,
    pub doc: &'a str,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub when: ExportWhen<'a>,
    pub status: Status,
    pub actors: Vec<&'a str>,
    pub topics: Vec<&'a str>,
    pub quotes: Vec<&'a str>,
}

/// Borrows the corpus into its export shape.
pub fn to_export(c: &Corpus) -> Export<'_> {
    let doc_id = |i: usize| c.documents[i].id.as_str();
    let text = |doc: usize, span: Span| span.slice(&c.documents[doc].text);
    let mentions = |ms: &[Mention]| {
        ms.iter()
            .map(|m| ExportMention {
                doc: doc_id(m.doc),
                start: m.span.start,
                end: m.span.end,
            })
            .collect()
    };
    Export {
        format: FORMAT,
        documents: c
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| ExportDocument {
                id: &d.id,
                path: &d.path,
                title: d.title.as_deref(),
                source: d.source.as_deref(),
                url: d.url.as_deref(),
                author: d.author.as_deref(),
                published: d.published,
                date_basis: d.date_basis,
                text_start: d.text_start,
                text: &d.text,
                warnings: &d.warnings,
                headings: c
                    .segments
                    .get(i)
                    .map_or_else(Vec::new, |s| s.headings().map(SpanJson::from).collect()),
            })
            .collect(),
        timexes: c
            .timexes
            .iter()
            .map(|t| ExportTimex {
                doc: doc_id(t.doc),
                start: t.timex.span.start,
                end: t.timex.span.end,
                text: text(t.doc, t.timex.span),
                kind: t.timex.kind,
                value: &t.timex.value,
                earliest: t.timex.earliest,
                latest: t.timex.latest,
            })
            .collect(),
        actors: c
            .actors
            .iter()
            .map(|a| ExportActor {
                id: &a.id,
                name: &a.name,
                kind: a.kind,
                roles: &a.roles,
                aliases: &a.aliases,
                country: a.country.as_deref(),
                mentions: mentions(&a.mentions),
            })
            .collect(),
        topics: c
            .topics
            .iter()
            .map(|t| ExportTopic {
                id: &t.id,
                label: &t.label,
                mentions: mentions(&t.mentions),
            })
            .collect(),
        quotes: c
            .quotes
            .iter()
            .map(|q| ExportQuote {
                id: &q.id,
                doc: doc_id(q.doc),
                start: q.span.start,
                end: q.span.end,
                text: text(q.doc, q.span),
                kind: q.kind,
                speakers: q
                    .speakers
                    .iter()
                    .map(|&a| c.actors[a].id.as_str())
                    .collect(),
                speaker_text: q.speaker_span.map(|s| text(q.doc, s)),
                speaker_span: q.speaker_span.map(SpanJson::from),
                cue: q.cue.map(|s| text(q.doc, s)),
                cue_span: q.cue.map(SpanJson::from),
            })
            .collect(),
        events: c
            .events
            .iter()
            .map(|e| ExportEvent {
                id: &e.id,
                doc: doc_id(e.doc),
                start: e.span.start,
                end: e.span.end,
                text: text(e.doc, e.span),
                when: ExportWhen {
                    earliest: e.when.earliest,
                    latest: e.when.latest,
                    value: e.when.value.as_deref(),
                    basis: e.when.basis,
                },
                status: e.status,
                actors: e.actors.iter().map(|&a| c.actors[a].id.as_str()).collect(),
                topics: e.topics.iter().map(|&t| c.topics[t].id.as_str()).collect(),
                quotes: e.quotes.iter().map(|&q| c.quotes[q].id.as_str()).collect(),
            })
            .collect(),
    }
}

/// Writes the export as JSON to `w`.
pub fn write_json<W: std::io::Write>(c: &Corpus, w: W, pretty: bool) -> serde_json::Result<()> {
    let export = to_export(c);
    if pretty {
        serde_json::to_writer_pretty(w, &export)
    } else {
        serde_json::to_writer(w, &export)
    }
}
