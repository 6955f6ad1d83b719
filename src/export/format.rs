//! The export formats: their names on the command line, the file extensions that imply them, and
//! the one entry point (`write_view`) that the command line and the browser's `:export` share.

use std::io::{self, Write};
use std::path::Path;

use super::select::{SelectError, Selection};
use crate::corpus::Corpus;

/// Which table a CSV export holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Table {
    /// One row per event (the default).
    #[default]
    Events,
    /// One row per quote.
    Quotes,
    /// One row per actor.
    Actors,
}

impl Table {
    pub const ALL: [Table; 3] = [Table::Events, Table::Quotes, Table::Actors];

    pub const fn as_str(self) -> &'static str {
        match self {
            Table::Events => "events",
            Table::Quotes => "quotes",
            Table::Actors => "actors",
        }
    }
}

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// `dateline/1` JSON, the contract (`docs/schema.md`).
    Json { pretty: bool },
    /// One JSON object per event, with its document, actors, topics, quotes and happening inline.
    Jsonl,
    /// RFC 4180 CSV of one table.
    Csv(Table),
    /// A Markdown brief: dated headings, one bullet per happening, its quotes under it.
    Markdown,
    /// TimelineJS3 JSON.
    TimelineJs,
    /// Timesketch JSONL import.
    Timesketch,
    /// iCalendar (RFC 5545): one all-day VEVENT per dated happening.
    Ics,
    /// One SQLite database file.
    Sqlite,
}

impl Default for Format {
    fn default() -> Self {
        Format::Json { pretty: false }
    }
}

impl Format {
    /// The names `--format` takes, in the order the help lists them.
    pub const NAMES: [&'static str; 8] = [
        "json",
        "jsonl",
        "csv",
        "md",
        "timelinejs",
        "timesketch",
        "ics",
        "sqlite",
    ];

    /// The format named `name` on the command line (`csv` is the events table).
    pub fn from_name(name: &str) -> Option<Format> {
        Some(match name.to_ascii_lowercase().as_str() {
            "json" => Format::Json { pretty: false },
            "jsonl" | "ndjson" => Format::Jsonl,
            "csv" => Format::Csv(Table::Events),
            "md" | "markdown" => Format::Markdown,
            "timelinejs" | "timeline" => Format::TimelineJs,
            "timesketch" => Format::Timesketch,
            "ics" | "ical" | "icalendar" => Format::Ics,
            "sqlite" | "sqlite3" | "db" => Format::Sqlite,
            _ => return None,
        })
    }

    /// The command-line name.
    pub const fn name(self) -> &'static str {
        match self {
            Format::Json { .. } => "json",
            Format::Jsonl => "jsonl",
            Format::Csv(_) => "csv",
            Format::Markdown => "md",
            Format::TimelineJs => "timelinejs",
            Format::Timesketch => "timesketch",
            Format::Ics => "ics",
            Format::Sqlite => "sqlite",
        }
    }

    /// The format a file's name implies: its extension (`.json`, `.jsonl`, `.csv`, `.md`, `.ics`,
    /// `.sqlite`, `.db`), with two double extensions for the JSON dialects
    /// (`.timeline.json` is TimelineJS, `.timesketch.jsonl` is Timesketch) and a table for CSV
    /// (`x.quotes.csv`, `x.actors.csv`). None when the name says nothing.
    pub fn from_path(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let (stem, ext) = name.rsplit_once('.').filter(|(stem, _)| !stem.is_empty())?;
        let inner = stem.rsplit_once('.').map(|(_, e)| e);
        Some(match (ext, inner) {
            ("json", Some("timeline" | "timelinejs")) => Format::TimelineJs,
            ("jsonl", Some("timesketch")) => Format::Timesketch,
            ("csv", Some("quotes")) => Format::Csv(Table::Quotes),
            ("csv", Some("actors")) => Format::Csv(Table::Actors),
            ("md" | "markdown", _) => Format::Markdown,
            ("ics" | "ical" | "ifb", _) => Format::Ics,
            ("sqlite" | "sqlite3" | "db", _) => Format::Sqlite,
            _ => Format::from_name(ext)?,
        })
    }

    /// Whether the output is text (everything but SQLite).
    pub const fn is_text(self) -> bool {
        !matches!(self, Format::Sqlite)
    }
}

/// Why an export could not be written.
#[derive(Debug)]
pub enum ExportError {
    /// The selection names an actor or topic the corpus does not have.
    Select(SelectError),
    Io(io::Error),
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExportError::Select(e) => e.fmt(f),
            ExportError::Io(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for ExportError {}

impl From<io::Error> for ExportError {
    fn from(e: io::Error) -> Self {
        ExportError::Io(e)
    }
}

impl From<SelectError> for ExportError {
    fn from(e: SelectError) -> Self {
        ExportError::Select(e)
    }
}

/// Writes the part of `corpus` that `selection` picks, in `format`, to `out`: the one entry point
/// of the command line's `export` and the browser's `:export FILE`. With an empty selection the
/// whole corpus is written (for `dateline/1`, the same bytes as `write_json`).
pub fn write_view(
    corpus: &Corpus,
    selection: &Selection,
    format: Format,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    let picked;
    let c = if selection.is_empty() {
        corpus
    } else {
        picked = selection.apply(corpus)?;
        &picked
    };
    match format {
        Format::Json { pretty } => {
            super::write_json(c, &mut *out, pretty)?;
            out.write_all(b"\n")?;
        }
        Format::Jsonl => super::jsonl::write(c, out)?,
        Format::Csv(table) => super::table::write(c, table, out)?,
        Format::Markdown => super::markdown::write(c, selection, out)?,
        Format::TimelineJs => super::timelinejs::write(c, out)?,
        Format::Timesketch => super::timesketch::write(c, out)?,
        Format::Ics => super::ics::write(c, out)?,
        Format::Sqlite => super::sqlite::write(c, out)?,
    }
    Ok(())
}

/// Writes `write_view` to the file `path` atomically (a reader never sees half an export, and a
/// failed write leaves the old file).
pub fn write_path(
    corpus: &Corpus,
    selection: &Selection,
    format: Format,
    path: &Path,
) -> Result<(), ExportError> {
    let mut select_error = None;
    let written = crate::fsutil::write_atomic(path, |w| {
        write_view(corpus, selection, format, w).map_err(|e| match e {
            ExportError::Io(e) => e,
            ExportError::Select(e) => {
                select_error = Some(e);
                io::Error::other("selection")
            }
        })
    });
    match select_error {
        Some(e) => Err(ExportError::Select(e)),
        None => Ok(written?),
    }
}

/// The browser's `:export FILE`: the view written to `path` in the format its name implies
/// (`Format::from_path`; indented `dateline/1` for `.json` or a name that implies none).
/// Returns the format written, for the status line.
pub fn export_to_path(
    corpus: &Corpus,
    selection: &Selection,
    path: &Path,
) -> Result<Format, ExportError> {
    let format = match Format::from_path(path) {
        // A file someone will read: indented, as the browser always wrote it.
        None | Some(Format::Json { .. }) => Format::Json { pretty: true },
        Some(f) => f,
    };
    write_path(corpus, selection, format, path)?;
    Ok(format)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_imply_formats() {
        let cases = [
            ("out.json", Some(Format::Json { pretty: false })),
            ("a/b/OUT.JSONL", Some(Format::Jsonl)),
            ("x.ndjson", Some(Format::Jsonl)),
            ("t.csv", Some(Format::Csv(Table::Events))),
            ("t.quotes.csv", Some(Format::Csv(Table::Quotes))),
            ("t.actors.csv", Some(Format::Csv(Table::Actors))),
            ("brief.md", Some(Format::Markdown)),
            ("story.timeline.json", Some(Format::TimelineJs)),
            ("story.timesketch.jsonl", Some(Format::Timesketch)),
            ("cal.ics", Some(Format::Ics)),
            ("db.sqlite", Some(Format::Sqlite)),
            ("db.sqlite3", Some(Format::Sqlite)),
            ("x.db", Some(Format::Sqlite)),
            ("notes.txt", None),
            ("noext", None),
            (".json", None),
        ];
        for (name, want) in cases {
            assert_eq!(Format::from_path(Path::new(name)), want, "{name}");
        }
    }

    #[test]
    fn every_name_parses_back_to_its_format() {
        for name in Format::NAMES {
            let f = Format::from_name(name).expect(name);
            assert_eq!(f.name(), name);
        }
        assert_eq!(Format::from_name("docx"), None);
    }
}
