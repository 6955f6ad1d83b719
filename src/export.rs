//! The `dateline/1` export: the corpus as one JSON object, the contract with outside tools.
//!
//! The schema is documented in `docs/schema.md`; `tests/export_schema.rs` holds it to that.

use chrono::NaiveDate;
use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use crate::corpus::{Actor, Corpus, CorpusEvent, CorpusQuote, CorpusTimex, Mention, Topic};
use crate::model::{ActorKind, DateBasis, QuoteKind, Span, Status, TimexType, WhenBasis};

pub const FORMAT: &str = "dateline/1";

/// The whole export. It borrows the corpus and serialises each list as it goes, so writing a large
/// corpus never holds a second copy of it (one item at a time is built, written and dropped).
pub struct Export<'a> {
    corpus: &'a Corpus,
}

impl Serialize for Export<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let c = self.corpus;
        let mut st = s.serialize_struct("Export", 7)?;
        st.serialize_field("format", FORMAT)?;
        st.serialize_field(
            "documents",
            &Lazy(|| (0..c.documents.len()).map(|i| document(c, i))),
        )?;
        st.serialize_field("timexes", &Lazy(|| c.timexes.iter().map(|t| timex(c, t))))?;
        st.serialize_field("actors", &Lazy(|| c.actors.iter().map(|a| actor(c, a))))?;
        st.serialize_field("topics", &Lazy(|| c.topics.iter().map(|t| topic(c, t))))?;
        st.serialize_field(
            "quotes",
            &Lazy(|| c.quotes.iter().enumerate().map(|(i, q)| quote(c, i, q))),
        )?;
        st.serialize_field(
            "events",
            &Lazy(|| c.events.iter().enumerate().map(|(i, e)| event(c, i, e))),
        )?;
        st.end()
    }
}

/// A JSON array produced from an iterator at serialisation time.
struct Lazy<F>(F);

impl<F, I> Serialize for Lazy<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((self.0)())
    }
}

/// The id of the `n`th (from 0) item of a list: its prefix letter and `n + 1` ("e1", "q12").
/// Quotes and events are numbered by position, so the corpus stores no id strings for them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Id(pub u8, pub usize);

impl Id {
    /// Writes the id into `buf`, returning the written part.
    fn write(self, buf: &mut [u8; 24]) -> &str {
        let mut n = self.1 as u128 + 1;
        let mut at = buf.len();
        while n > 0 || at == buf.len() {
            at -= 1;
            buf[at] = b'0' + (n % 10) as u8;
            n /= 10;
        }
        at -= 1;
        buf[at] = if self.0.is_ascii_alphabetic() {
            self.0
        } else {
            b'?'
        };
        std::str::from_utf8(&buf[at..]).unwrap_or("")
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.write(&mut [0; 24]))
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.write(&mut [0; 24]))
    }
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
    pub id: Id,
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
    pub id: Id,
    pub doc: &'a str,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub when: ExportWhen<'a>,
    pub status: Status,
    pub actors: Vec<&'a str>,
    pub topics: Vec<&'a str>,
    pub quotes: Vec<Id>,
}

/// Borrows the corpus into its export shape.
pub fn to_export(c: &Corpus) -> Export<'_> {
    Export { corpus: c }
}

fn doc_id(c: &Corpus, i: usize) -> &str {
    c.documents[i].id.as_str()
}

fn text(c: &Corpus, doc: usize, span: Span) -> &str {
    span.slice(&c.documents[doc].text)
}

fn mentions<'a>(c: &'a Corpus, ms: &'a [Mention]) -> Vec<ExportMention<'a>> {
    ms.iter()
        .map(|m| ExportMention {
            doc: doc_id(c, m.doc()),
            start: m.span().start,
            end: m.span().end,
        })
        .collect()
}

fn document(c: &Corpus, i: usize) -> ExportDocument<'_> {
    let d = &c.documents[i];
    ExportDocument {
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
        headings: c.headings.get(i).map_or_else(Vec::new, |h| {
            h.iter().copied().map(SpanJson::from).collect()
        }),
    }
}

fn timex<'a>(c: &'a Corpus, t: &'a CorpusTimex) -> ExportTimex<'a> {
    ExportTimex {
        doc: doc_id(c, t.doc()),
        start: t.span().start,
        end: t.span().end,
        text: text(c, t.doc(), t.span()),
        kind: t.kind,
        value: c.strings.get(t.value),
        earliest: t.earliest,
        latest: t.latest,
    }
}

fn actor<'a>(c: &'a Corpus, a: &'a Actor) -> ExportActor<'a> {
    ExportActor {
        id: &a.id,
        name: &a.name,
        kind: a.kind,
        roles: &a.roles,
        aliases: &a.aliases,
        country: a.country.as_deref(),
        mentions: mentions(c, &a.mentions),
    }
}

fn topic<'a>(c: &'a Corpus, t: &'a Topic) -> ExportTopic<'a> {
    ExportTopic {
        id: &t.id,
        label: &t.label,
        mentions: mentions(c, &t.mentions),
    }
}

fn quote<'a>(c: &'a Corpus, i: usize, q: &'a CorpusQuote) -> ExportQuote<'a> {
    let (doc, span) = (q.doc(), q.span());
    ExportQuote {
        id: Id(b'q', i),
        doc: doc_id(c, doc),
        start: span.start,
        end: span.end,
        text: text(c, doc, span),
        kind: q.kind,
        speakers: q
            .speakers()
            .iter()
            .map(|a| c.actors[a].id.as_str())
            .collect(),
        speaker_text: q.speaker_span().map(|s| text(c, doc, s)),
        speaker_span: q.speaker_span().map(SpanJson::from),
        cue: q.cue().map(|s| text(c, doc, s)),
        cue_span: q.cue().map(SpanJson::from),
    }
}

fn event<'a>(c: &'a Corpus, i: usize, e: &'a CorpusEvent) -> ExportEvent<'a> {
    let (doc, span) = (e.doc(), e.span());
    ExportEvent {
        id: Id(b'e', i),
        doc: doc_id(c, doc),
        start: span.start,
        end: span.end,
        text: text(c, doc, span),
        when: ExportWhen {
            earliest: e.when.earliest,
            latest: e.when.latest,
            value: c.when_value(&e.when),
            basis: e.when.basis,
        },
        status: e.status,
        actors: e.actors().iter().map(|a| c.actors[a].id.as_str()).collect(),
        topics: e.topics().iter().map(|t| c.topics[t].id.as_str()).collect(),
        quotes: e.quotes().iter().map(|q| Id(b'q', q)).collect(),
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
