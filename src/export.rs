//! The exports: `dateline/1` JSON (the corpus as one JSON object, the contract with outside
//! tools, written here) and the formats beside it (`format.rs` lists them; `write_view` writes any).
//!
//! The schema is documented in `docs/schema.md`; `tests/it/export_schema.rs` holds it to that.
//! Items are written straight from the corpus, one at a time, so writing a large corpus never
//! holds a second copy of it.

use std::io::{self, Write};

use crate::corpus::{
    Actor, Corpus, CorpusEvent, CorpusQuote, CorpusTimex, Happening, Mention, Topic,
};
use crate::ids::{DocId, EventId, HappeningId, Id, QuoteId};
use crate::model::{DateBasis, DateFrom, PartKind, Span};

mod common;
mod format;
mod ics;
mod json;
mod jsonl;
mod markdown;
pub mod read;
mod safe;
mod select;
#[cfg(feature = "sqlite")]
mod sqlite;
#[cfg(not(feature = "sqlite"))]
#[path = "export/sqlite_absent.rs"]
mod sqlite;
mod table;
mod timelinejs;
mod timesketch;

pub use format::{ExportError, Format, Table, export_to_path, write_path, write_view};
pub use safe::NoControls;
pub use select::{SelectError, Selection, view_happenings};
#[cfg(feature = "sqlite")]
pub use sqlite::TABLES as SQLITE_TABLES;

use json::Json;

pub const FORMAT: &str = "dateline/1";

/// Writes the export as JSON to `w` (the bytes serde_json would write for the same values).
pub fn write_json<W: Write>(c: &Corpus, w: W, pretty: bool) -> io::Result<()> {
    let mut j = Json::new(w, pretty);
    j.begin_object();
    j.key("format");
    j.string(FORMAT);
    list(&mut j, "documents", c.documents.ids(), |j, i| {
        document(j, c, i)
    })?;
    list(&mut j, "timexes", &c.timexes, |j, t| timex(j, c, t))?;
    list(&mut j, "actors", &c.actors, |j, a| actor(j, c, a))?;
    list(&mut j, "topics", &c.topics, |j, t| topic(j, c, t))?;
    list(&mut j, "quotes", c.quotes.iter_enumerated(), |j, (i, q)| {
        quote(j, c, i, q)
    })?;
    list(&mut j, "events", c.events.iter_enumerated(), |j, (i, e)| {
        event(j, c, i, e)
    })?;
    list(
        &mut j,
        "happenings",
        c.happenings.iter_enumerated(),
        |j, (i, h)| happening(j, c, i, h),
    )?;
    // The user's identity corrections, when any applied (absent otherwise, so exports without
    // them keep their bytes).
    if !c.corrections.is_empty() {
        strings(
            &mut j,
            "corrections",
            c.corrections.iter().map(String::as_str),
        );
    }
    j.end_object();
    j.finish().map(drop)
}

/// A member holding an array of objects, one per item, flushed as it goes.
fn list<W: Write, T>(
    j: &mut Json<W>,
    key: &'static str,
    items: impl IntoIterator<Item = T>,
    mut write: impl FnMut(&mut Json<W>, T),
) -> io::Result<()> {
    j.key(key);
    j.begin_array();
    for item in items {
        j.element();
        j.begin_object();
        write(j, item);
        j.end_object();
        j.flush_some()?;
    }
    j.end_array();
    Ok(())
}

/// An array of strings.
fn strings<'a, W: Write>(
    j: &mut Json<W>,
    key: &'static str,
    items: impl IntoIterator<Item = &'a str>,
) {
    j.key(key);
    j.begin_array();
    for s in items {
        j.element();
        j.string(s);
    }
    j.end_array();
}

/// The export id of a quote, event or happening: its letter and its place plus one ("e1", "q12",
/// "h3"). They are numbered by position, so the corpus stores no id strings for them.
fn id<W: Write>(j: &mut Json<W>, letter: u8, id: impl Id) {
    let mut buf = itoa::Buffer::new();
    let digits = buf.format(id.index().saturating_add(1));
    j.id(letter, digits);
}

fn span_fields<W: Write>(j: &mut Json<W>, span: Span) {
    j.key("start");
    j.uint(span.start);
    j.key("end");
    j.uint(span.end);
}

fn opt_span<W: Write>(j: &mut Json<W>, key: &'static str, span: Option<Span>) {
    j.key(key);
    match span {
        Some(s) => {
            j.begin_object();
            span_fields(j, s);
            j.end_object();
        }
        None => j.null(),
    }
}

fn text(c: &Corpus, doc: DocId, span: Span) -> &str {
    span.slice(&c.documents[doc].text)
}

/// `doc`, `start`, `end` and `text` of an item of document `doc`.
fn place<W: Write>(j: &mut Json<W>, c: &Corpus, doc: DocId, span: Span, with_text: bool) {
    j.key("doc");
    j.string(&c.documents[doc].id);
    span_fields(j, span);
    if with_text {
        j.key("text");
        j.string(text(c, doc, span));
    }
}

fn mentions<W: Write>(j: &mut Json<W>, c: &Corpus, ms: &[Mention]) {
    j.key("mentions");
    j.begin_array();
    for m in ms {
        j.element();
        j.begin_object();
        place(j, c, m.doc(), m.span(), false);
        j.end_object();
    }
    j.end_array();
}

fn document<W: Write>(j: &mut Json<W>, c: &Corpus, i: DocId) {
    let d = &c.documents[i];
    j.key("id");
    j.string(&d.id);
    j.key("path");
    j.string(&d.path);
    for (key, value) in [
        ("title", &d.title),
        ("source", &d.source),
        ("url", &d.url),
        ("author", &d.author),
    ] {
        j.key(key);
        j.opt_str(value.as_deref());
    }
    j.key("published");
    j.date(d.published);
    j.key("date_basis");
    j.string(match d.date_basis {
        DateBasis::Metadata => "metadata",
        DateBasis::Flag => "flag",
        DateBasis::None => "none",
    });
    j.key("date_from");
    j.string(match (d.date_from, d.date_basis) {
        // Documents built by hand may set only the coarse basis.
        (DateFrom::None, DateBasis::Metadata) => "metadata",
        (DateFrom::None, DateBasis::Flag) => "flag",
        (from, _) => from.as_str(),
    });
    j.key("summary_only");
    j.bool(d.summary_only);
    j.key("duplicate_of");
    j.opt_str(
        c.happenings
            .duplicate_of(i)
            .map(|o| c.documents[o].id.as_str()),
    );
    j.key("text_start");
    j.uint(d.text_start);
    j.key("text");
    j.string(&d.text);
    strings(j, "warnings", d.warnings.iter().map(String::as_str));
    j.key("headings");
    j.begin_array();
    for &h in c.headings.get(i).map_or(&[][..], |h| &h[..]) {
        j.element();
        j.begin_object();
        span_fields(j, h);
        j.end_object();
    }
    j.end_array();
}

fn timex<W: Write>(j: &mut Json<W>, c: &Corpus, t: &CorpusTimex) {
    place(j, c, t.doc(), t.span(), true);
    j.key("type");
    j.string(t.kind.as_str());
    j.key("value");
    j.string(c.strings.get(t.value));
    j.key("earliest");
    j.date(t.earliest);
    j.key("latest");
    j.date(t.latest);
    j.key("part");
    j.opt_str(t.part.map(PartKind::as_str));
}

fn actor<W: Write>(j: &mut Json<W>, c: &Corpus, a: &Actor) {
    j.key("id");
    j.string(&a.id);
    j.key("name");
    j.string(&a.name);
    j.key("kind");
    j.string(a.kind.as_str());
    strings(j, "roles", a.roles.iter().map(String::as_str));
    strings(j, "aliases", a.aliases.iter().map(String::as_str));
    j.key("country");
    j.opt_str(a.country.as_deref());
    mentions(j, c, &a.mentions);
}

fn topic<W: Write>(j: &mut Json<W>, c: &Corpus, t: &Topic) {
    j.key("id");
    j.string(&t.id);
    j.key("label");
    j.string(&t.label);
    mentions(j, c, &t.mentions);
}

fn quote<W: Write>(j: &mut Json<W>, c: &Corpus, i: QuoteId, q: &CorpusQuote) {
    let doc = q.doc();
    j.key("id");
    id(j, b'q', i);
    place(j, c, doc, q.span(), true);
    j.key("kind");
    j.string(q.kind.as_str());
    strings(
        j,
        "speakers",
        q.speakers().iter().map(|a| c.actors[a].id.as_str()),
    );
    j.key("speaker_text");
    j.opt_str(q.speaker_span().map(|s| text(c, doc, s)));
    opt_span(j, "speaker_span", q.speaker_span());
    j.key("cue");
    j.opt_str(q.cue().map(|s| text(c, doc, s)));
    opt_span(j, "cue_span", q.cue());
    j.key("parts");
    j.begin_array();
    for p in q.parts() {
        j.element();
        j.begin_object();
        span_fields(j, p);
        j.end_object();
    }
    j.end_array();
}

fn event<W: Write>(j: &mut Json<W>, c: &Corpus, i: EventId, e: &CorpusEvent) {
    j.key("id");
    id(j, b'e', i);
    place(j, c, e.doc(), e.span(), true);
    j.key("when");
    j.begin_object();
    j.key("earliest");
    j.date(e.when.earliest);
    j.key("latest");
    j.date(e.when.latest);
    j.key("value");
    j.opt_str(c.when_value(&e.when));
    j.key("basis");
    j.string(e.when.basis.as_str());
    j.end_object();
    j.key("status");
    j.string(e.status.as_str());
    strings(
        j,
        "actors",
        e.actors().iter().map(|a| c.actors[a].id.as_str()),
    );
    strings(
        j,
        "topics",
        e.topics().iter().map(|t| c.topics[t].id.as_str()),
    );
    j.key("quotes");
    j.begin_array();
    for q in e.quotes() {
        j.element();
        id(j, b'q', q);
    }
    j.end_array();
    j.key("happening");
    match c.happening_of(i) {
        Some(h) => id(j, b'h', h),
        None => j.null(),
    }
    // The sub-events: the dated parts of the sentence that did not date the event.
    j.key("parts");
    j.begin_array();
    for t in c.timexes_in(e.doc(), e.span()).filter(|t| t.part.is_some()) {
        j.element();
        j.begin_object();
        span_fields(j, t.span());
        j.key("text");
        j.string(text(c, t.doc(), t.span()));
        j.key("kind");
        j.opt_str(t.part.map(PartKind::as_str));
        j.key("when");
        j.begin_object();
        j.key("earliest");
        j.date(t.earliest);
        j.key("latest");
        j.date(t.latest);
        j.key("value");
        j.string(c.strings.get(t.value));
        j.end_object();
        j.end_object();
    }
    j.end_array();
}

fn happening<W: Write>(j: &mut Json<W>, c: &Corpus, i: HappeningId, h: &Happening) {
    j.key("id");
    id(j, b'h', i);
    j.key("when");
    j.begin_object();
    j.key("earliest");
    j.date(h.when.earliest);
    j.key("latest");
    j.date(h.when.latest);
    j.key("value");
    j.opt_str(c.when_value(&h.when));
    j.key("period");
    j.string(h.period.as_str());
    j.end_object();
    j.key("label");
    j.string(
        c.events
            .get(h.label)
            .map_or("", |e| text(c, e.doc(), e.span())),
    );
    j.key("label_event");
    id(j, b'e', h.label);
    j.key("events");
    j.begin_array();
    for e in h.events() {
        j.element();
        id(j, b'e', e);
    }
    j.end_array();
    strings(
        j,
        "documents",
        h.documents().iter().map(|d| c.documents[d].id.as_str()),
    );
    strings(
        j,
        "actors",
        h.actors().iter().map(|a| c.actors[a].id.as_str()),
    );
    j.key("reports");
    j.uint(h.reports as usize);
    j.key("sources");
    j.uint(h.sources as usize);
    j.key("salience");
    j.uint(h.salience() as usize);
}
