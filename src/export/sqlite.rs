//! SQLite (through rusqlite with the bundled SQLite): one database with the documents, events,
//! actors, mentions, quotes, topics, time expressions and happenings as tables with primary and
//! foreign keys and indexes, ready for SQL and for Datasette. Every `*_id` column is an integer
//! key; the export's own ids (`e1`, `person:hakan-fidan`) are kept beside them.
//!
//! The database is built in memory and written out whole, so the file appears complete or not
//! at all (the command line writes it to a temporary file and renames it).

use std::io::{self, Write};

use rusqlite::{Connection, params};

use super::common::{days, happening_of, happenings, precision};
use crate::corpus::Corpus;
use crate::ids::Id;

const SCHEMA: &str = "
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    doc TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    title TEXT,
    source TEXT,
    url TEXT,
    author TEXT,
    published TEXT,
    date_basis TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE TABLE actors (
    id INTEGER PRIMARY KEY,
    actor TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    roles TEXT NOT NULL,
    aliases TEXT NOT NULL,
    country TEXT
);
CREATE TABLE topics (
    id INTEGER PRIMARY KEY,
    topic TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL
);
CREATE TABLE happenings (
    id INTEGER PRIMARY KEY,
    happening TEXT NOT NULL UNIQUE,
    earliest TEXT,
    latest TEXT,
    label TEXT NOT NULL,
    events INTEGER NOT NULL,
    reports INTEGER NOT NULL,
    sources INTEGER NOT NULL
);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    event TEXT NOT NULL UNIQUE,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    happening_id INTEGER REFERENCES happenings(id),
    start_byte INTEGER NOT NULL,
    end_byte INTEGER NOT NULL,
    text TEXT NOT NULL,
    earliest TEXT,
    latest TEXT,
    precision TEXT,
    value TEXT,
    basis TEXT NOT NULL,
    status TEXT NOT NULL
);
CREATE TABLE event_actors (
    event_id INTEGER NOT NULL REFERENCES events(id),
    actor_id INTEGER NOT NULL REFERENCES actors(id),
    PRIMARY KEY (event_id, actor_id)
) WITHOUT ROWID;
CREATE TABLE event_topics (
    event_id INTEGER NOT NULL REFERENCES events(id),
    topic_id INTEGER NOT NULL REFERENCES topics(id),
    PRIMARY KEY (event_id, topic_id)
) WITHOUT ROWID;
CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    actor_id INTEGER REFERENCES actors(id),
    topic_id INTEGER REFERENCES topics(id),
    document_id INTEGER NOT NULL REFERENCES documents(id),
    start_byte INTEGER NOT NULL,
    end_byte INTEGER NOT NULL,
    text TEXT NOT NULL,
    CHECK ((actor_id IS NULL) <> (topic_id IS NULL))
);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    quote TEXT NOT NULL UNIQUE,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    event_id INTEGER REFERENCES events(id),
    start_byte INTEGER NOT NULL,
    end_byte INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    speaker_text TEXT,
    cue TEXT
);
CREATE TABLE quote_speakers (
    quote_id INTEGER NOT NULL REFERENCES quotes(id),
    actor_id INTEGER NOT NULL REFERENCES actors(id),
    PRIMARY KEY (quote_id, actor_id)
) WITHOUT ROWID;
CREATE TABLE timexes (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    start_byte INTEGER NOT NULL,
    end_byte INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    value TEXT NOT NULL,
    earliest TEXT,
    latest TEXT
);
";

const INDEXES: &str = "
CREATE INDEX events_earliest ON events(earliest, latest);
CREATE INDEX events_document ON events(document_id);
CREATE INDEX events_happening ON events(happening_id);
CREATE INDEX event_actors_actor ON event_actors(actor_id);
CREATE INDEX event_topics_topic ON event_topics(topic_id);
CREATE INDEX mentions_actor ON mentions(actor_id);
CREATE INDEX mentions_topic ON mentions(topic_id);
CREATE INDEX mentions_document ON mentions(document_id);
CREATE INDEX quotes_document ON quotes(document_id);
CREATE INDEX quotes_event ON quotes(event_id);
CREATE INDEX quote_speakers_actor ON quote_speakers(actor_id);
CREATE INDEX timexes_document ON timexes(document_id);
CREATE INDEX actors_name ON actors(name);
CREATE INDEX documents_published ON documents(published);
";

/// The table names, for tests and documentation.
pub const TABLES: [&str; 11] = [
    "documents",
    "actors",
    "topics",
    "happenings",
    "events",
    "event_actors",
    "event_topics",
    "mentions",
    "quotes",
    "quote_speakers",
    "timexes",
];

pub(super) fn write(c: &Corpus, out: &mut dyn Write) -> io::Result<()> {
    let db = build(c).map_err(io::Error::other)?;
    let data = db.serialize(rusqlite::MAIN_DB).map_err(io::Error::other)?;
    out.write_all(&data)
}

/// Row ids are the corpus's positions plus one, so `e12` is row 12 of `events`.
fn row(i: impl Id) -> i64 {
    i.index() as i64 + 1
}

fn date(d: Option<chrono::NaiveDate>) -> Option<String> {
    d.map(|d| d.to_string())
}

fn build(c: &Corpus) -> rusqlite::Result<Connection> {
    let mut db = Connection::open_in_memory()?;
    db.execute_batch("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")?;
    db.execute_batch(SCHEMA)?;
    let tx = db.transaction()?;
    {
        let mut st =
            tx.prepare("INSERT INTO documents VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")?;
        for (i, d) in c.documents.iter_enumerated() {
            st.execute(params![
                row(i),
                d.id,
                d.path,
                d.title,
                d.source,
                d.url,
                d.author,
                date(d.published),
                match d.date_basis {
                    crate::model::DateBasis::Metadata => "metadata",
                    crate::model::DateBasis::Flag => "flag",
                    crate::model::DateBasis::None => "none",
                },
                d.text,
            ])?;
        }
        let mut st = tx.prepare("INSERT INTO actors VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?;
        let mut mention = tx.prepare(
            "INSERT INTO mentions (actor_id, topic_id, document_id, start_byte, end_byte, text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for (i, a) in c.actors.iter_enumerated() {
            st.execute(params![
                row(i),
                a.id,
                a.name,
                a.kind.as_str(),
                a.roles.join("; "),
                a.aliases.join("; "),
                a.country,
            ])?;
            for m in &a.mentions {
                mention.execute(params![
                    row(i),
                    None::<i64>,
                    row(m.doc()),
                    m.span().start as i64,
                    m.span().end as i64,
                    m.span().slice(&c.documents[m.doc()].text),
                ])?;
            }
        }
        let mut st = tx.prepare("INSERT INTO topics VALUES (?1, ?2, ?3)")?;
        for (i, t) in c.topics.iter_enumerated() {
            st.execute(params![row(i), t.id, t.label])?;
            for m in &t.mentions {
                mention.execute(params![
                    None::<i64>,
                    row(i),
                    row(m.doc()),
                    m.span().start as i64,
                    m.span().end as i64,
                    m.span().slice(&c.documents[m.doc()].text),
                ])?;
            }
        }
        let hs = happenings(c);
        let of = happening_of(c, &hs);
        let mut st =
            tx.prepare("INSERT INTO happenings VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")?;
        for (i, h) in hs.iter().enumerate() {
            let label = c
                .events
                .get(h.label)
                .map_or("", |e| e.span().slice(&c.documents[e.doc()].text));
            st.execute(params![
                i as i64 + 1,
                h.id,
                date(h.earliest),
                date(h.latest),
                label,
                h.events.len() as i64,
                h.reports,
                h.sources,
            ])?;
        }
        let mut st = tx.prepare(
            "INSERT INTO events VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?;
        let mut ea = tx.prepare("INSERT OR IGNORE INTO event_actors VALUES (?1, ?2)")?;
        let mut et = tx.prepare("INSERT OR IGNORE INTO event_topics VALUES (?1, ?2)")?;
        let mut event_of = vec![None; c.quotes.len()];
        for (i, e) in c.events.iter_enumerated() {
            st.execute(params![
                row(i),
                format!("e{}", i.index() + 1),
                row(e.doc()),
                of.get(i.index()).map(|&h| h as i64 + 1),
                e.span().start as i64,
                e.span().end as i64,
                e.span().slice(&c.documents[e.doc()].text),
                date(e.when.earliest),
                date(e.when.latest),
                days(e).map(|(a, b)| precision(a, b).as_str()),
                c.when_value(&e.when),
                e.when.basis.as_str(),
                e.status.as_str(),
            ])?;
            for a in e.actors() {
                ea.execute(params![row(i), row(a)])?;
            }
            for t in e.topics() {
                et.execute(params![row(i), row(t)])?;
            }
            for q in e.quotes() {
                if let Some(slot) = event_of.get_mut(q.index()) {
                    slot.get_or_insert(row(i));
                }
            }
        }
        let mut st =
            tx.prepare("INSERT INTO quotes VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")?;
        let mut qs = tx.prepare("INSERT OR IGNORE INTO quote_speakers VALUES (?1, ?2)")?;
        for (i, q) in c.quotes.iter_enumerated() {
            let text = &c.documents[q.doc()].text;
            st.execute(params![
                row(i),
                format!("q{}", i.index() + 1),
                row(q.doc()),
                event_of[i.index()],
                q.span().start as i64,
                q.span().end as i64,
                q.span().slice(text),
                q.kind.as_str(),
                q.speaker_span().map(|s| s.slice(text)),
                q.cue().map(|s| s.slice(text)),
            ])?;
            for a in q.speakers() {
                qs.execute(params![row(i), row(a)])?;
            }
        }
        let mut st = tx.prepare(
            "INSERT INTO timexes (document_id, start_byte, end_byte, text, type, value, earliest, latest)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for t in &c.timexes {
            st.execute(params![
                row(t.doc()),
                t.span().start as i64,
                t.span().end as i64,
                t.span().slice(&c.documents[t.doc()].text),
                t.kind.as_str(),
                c.strings.get(t.value),
                date(t.earliest),
                date(t.latest),
            ])?;
        }
    }
    tx.commit()?;
    db.execute_batch(INDEXES)?;
    db.execute_batch("ANALYZE;")?;
    Ok(db)
}
