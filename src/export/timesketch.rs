//! Timesketch JSONL import: one line per dated event with the three fields Timesketch requires
//! (`message`, `datetime` in ISO 8601, `timestamp_desc`), `timestamp` in microseconds, and flat
//! attributes for the actors, topics and source. Undated events have no line.

use std::io::{self, Write};

use serde::Serialize;

use super::common::{days, one_line, precision};
use crate::corpus::Corpus;

#[derive(Serialize)]
struct Line<'a> {
    message: String,
    datetime: String,
    timestamp: i64,
    timestamp_desc: String,
    date_end: String,
    date_precision: &'static str,
    date_value: &'a str,
    status: &'static str,
    actors: String,
    actor_ids: String,
    topics: String,
    source: &'a str,
    title: &'a str,
    url: &'a str,
    document: &'a str,
    dateline_event: String,
    data_type: &'static str,
}

pub(super) fn write(c: &Corpus, out: &mut dyn Write) -> io::Result<()> {
    let mut w = io::BufWriter::with_capacity(1 << 16, out);
    for (i, e) in c.events.iter_enumerated() {
        let Some((a, b)) = days(e) else { continue };
        let d = &c.documents[e.doc()];
        let at = a.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
        let line = Line {
            message: one_line(e.span().slice(&d.text)),
            datetime: at.format("%Y-%m-%dT%H:%M:%S+00:00").to_string(),
            timestamp: at.timestamp_micros(),
            timestamp_desc: format!("Event date ({})", e.when.basis.as_str()),
            date_end: b.to_string(),
            date_precision: precision(a, b).as_str(),
            date_value: c.when_value(&e.when).unwrap_or(""),
            status: e.status.as_str(),
            actors: join(e.actors().iter().map(|a| c.actors[a].name.as_str())),
            actor_ids: join(e.actors().iter().map(|a| c.actors[a].id.as_str())),
            topics: join(e.topics().iter().map(|t| c.topics[t].label.as_str())),
            source: d.source.as_deref().unwrap_or(""),
            title: d.title.as_deref().unwrap_or(""),
            url: d.url.as_deref().unwrap_or(""),
            document: &d.id,
            dateline_event: format!("e{}", i.index() + 1),
            data_type: "dateline:event",
        };
        serde_json::to_writer(&mut w, &line)?;
        w.write_all(b"\n")?;
    }
    w.flush()
}

fn join<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join("; ")
}
