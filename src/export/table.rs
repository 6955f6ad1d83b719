//! CSV (RFC 4180, through the csv crate): one table per file — events, quotes or actors — with a
//! header row. Lists within a cell are joined with "; ".

use std::io::{self, Write};

use super::common::{days, precision};
use super::format::Table;
use crate::corpus::Corpus;
use crate::ids::{EventId, IdVec, QuoteId};

pub(super) fn write(c: &Corpus, table: Table, out: &mut dyn Write) -> io::Result<()> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    match table {
        Table::Events => events(c, &mut w),
        Table::Quotes => quotes(c, &mut w),
        Table::Actors => actors(c, &mut w),
    }
    .map_err(io::Error::other)?;
    w.flush()
}

type Csv<'a> = csv::Writer<&'a mut dyn Write>;

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn join<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join("; ")
}

pub const EVENT_COLUMNS: [&str; 18] = [
    "id",
    "earliest",
    "latest",
    "precision",
    "date_basis",
    "value",
    "status",
    "sentence",
    "actors",
    "actor_ids",
    "topics",
    "outlet",
    "title",
    "url",
    "published",
    "document",
    "start",
    "end",
];

fn events(c: &Corpus, w: &mut Csv<'_>) -> csv::Result<()> {
    w.write_record(EVENT_COLUMNS)?;
    for (i, e) in c.events.iter_enumerated() {
        let d = &c.documents[e.doc()];
        let (s, t) = (e.span().start.to_string(), e.span().end.to_string());
        w.write_record([
            format!("e{}", i.index() + 1).as_str(),
            &date(e.when.earliest),
            &date(e.when.latest),
            days(e).map_or("", |(a, b)| precision(a, b).as_str()),
            e.when.basis.as_str(),
            c.when_value(&e.when).unwrap_or(""),
            e.status.as_str(),
            e.span().slice(&d.text),
            &join(e.actors().iter().map(|a| c.actors[a].name.as_str())),
            &join(e.actors().iter().map(|a| c.actors[a].id.as_str())),
            &join(e.topics().iter().map(|t| c.topics[t].label.as_str())),
            d.source.as_deref().unwrap_or(""),
            d.title.as_deref().unwrap_or(""),
            d.url.as_deref().unwrap_or(""),
            &date(d.published),
            &d.id,
            &s,
            &t,
        ])?;
    }
    Ok(())
}

pub const QUOTE_COLUMNS: [&str; 15] = [
    "id",
    "earliest",
    "latest",
    "kind",
    "quote",
    "speakers",
    "speaker_ids",
    "speaker_text",
    "cue",
    "event",
    "outlet",
    "title",
    "url",
    "document",
    "start",
];

fn quotes(c: &Corpus, w: &mut Csv<'_>) -> csv::Result<()> {
    // A quote is dated by the first event that holds it.
    let mut event_of: IdVec<QuoteId, Option<EventId>> = vec![None; c.quotes.len()].into();
    for (i, e) in c.events.iter_enumerated() {
        for q in e.quotes() {
            if let Some(slot) = event_of.get_mut(q) {
                slot.get_or_insert(i);
            }
        }
    }
    w.write_record(QUOTE_COLUMNS)?;
    for (i, q) in c.quotes.iter_enumerated() {
        let d = &c.documents[q.doc()];
        let ev = event_of[i];
        let when = ev.map(|e| c.events[e].when);
        w.write_record([
            format!("q{}", i.index() + 1).as_str(),
            &date(when.and_then(|w| w.earliest)),
            &date(when.and_then(|w| w.latest)),
            q.kind.as_str(),
            q.span().slice(&d.text),
            &join(q.speakers().iter().map(|a| c.actors[a].name.as_str())),
            &join(q.speakers().iter().map(|a| c.actors[a].id.as_str())),
            q.speaker_span().map_or("", |s| s.slice(&d.text)),
            q.cue().map_or("", |s| s.slice(&d.text)),
            &ev.map(|e| format!("e{}", e.index() + 1))
                .unwrap_or_default(),
            d.source.as_deref().unwrap_or(""),
            d.title.as_deref().unwrap_or(""),
            d.url.as_deref().unwrap_or(""),
            &d.id,
            &q.span().start.to_string(),
        ])?;
    }
    Ok(())
}

pub const ACTOR_COLUMNS: [&str; 9] = [
    "id",
    "name",
    "kind",
    "roles",
    "aliases",
    "country",
    "mentions",
    "documents",
    "events",
];

fn actors(c: &Corpus, w: &mut Csv<'_>) -> csv::Result<()> {
    let mut events = vec![0usize; c.actors.len()];
    for e in &c.events {
        for a in e.actors() {
            events[a.index()] += 1;
        }
    }
    w.write_record(ACTOR_COLUMNS)?;
    for (i, a) in c.actors.iter_enumerated() {
        let mut docs: Vec<_> = a.mentions.iter().map(|m| m.doc()).collect();
        docs.sort_unstable();
        docs.dedup();
        w.write_record([
            a.id.as_str(),
            &a.name,
            a.kind.as_str(),
            &join(a.roles.iter().map(String::as_str)),
            &join(a.aliases.iter().map(String::as_str)),
            a.country.as_deref().unwrap_or(""),
            &a.mentions.len().to_string(),
            &docs.len().to_string(),
            &events[i.index()].to_string(),
        ])?;
    }
    Ok(())
}
