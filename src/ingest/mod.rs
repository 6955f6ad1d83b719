//! Ingestion: turns paths (files, folders, JSONL, web pages, feeds) into `Document`s with
//! metadata, never panicking on bad input.
//!
//! The one layer that reads articles from the file system: `crate::extract` only ever sees the
//! `Document`s made here. `walk` finds and safely opens the files, `charset` turns bytes into text,
//! `front_matter` reads the metadata block of `.txt`/`.md` files, `jsonl` one article per line,
//! `html` saved web pages, `feeds` RSS, Atom and JSON Feed files, and `dates` the publication dates
//! all of them carry.

mod charset;
pub mod dates;
mod feeds;
pub mod front_matter;
pub mod html;
mod jsonl;
mod schedule;
mod walk;

pub use schedule::map_largest_first;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;

/// A day as `--date` takes it: `YYYY-MM-DD`, or an ISO 8601 / RFC 3339 timestamp (its day as
/// written). Articles' own dates accept many more forms (`dates::parse_date`); a command-line flag
/// keeps to one unambiguous form.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    dates::parse_iso(s)
}

use crate::model::{DateFrom, Document};
pub(crate) use charset::{looks_binary, utf16_bom};
pub(crate) use jsonl::document as jsonl_document;
pub(crate) use walk::{Item, collect as input_items, open_regular};

/// The seed article bundled into the binary, opened when dateline runs without paths.
pub const BUNDLED_SEED: &str = include_str!("../../seeds/000_55d5bc292107d184.txt");
pub const BUNDLED_SEED_PATH: &str = "seeds/000_55d5bc292107d184.txt";

/// The longest article text kept (64 MiB): a longer one is cut at a line break before the limit,
/// with a warning naming the file, and the rest of the corpus is read as usual. News articles are
/// far shorter; the limit bounds the time and memory one runaway file can take. (The corpus stores
/// offsets as u32, so it must stay under 4 GiB.)
pub const MAX_TEXT_BYTES: usize = 64 << 20;

/// The most bytes read from a text file that holds one article (`.txt`, `.md`): 128 MiB.
pub const MAX_ARTICLE_FILE_BYTES: u64 = 128 << 20;

/// The most bytes read from a web page: 16 MiB. Saved news pages are well under 2 MiB; parsing
/// and the article search take about a second for every 5 MB.
pub const MAX_PAGE_FILE_BYTES: u64 = 16 << 20;

/// The most bytes read from a file that holds many articles (`.jsonl`, feeds): 2 GiB.
pub const MAX_COLLECTION_FILE_BYTES: u64 = 2 << 30;

/// Options that apply to every ingested article.
#[derive(Clone, Debug, Default)]
pub struct IngestOptions {
    /// Publication date for articles whose metadata has none (`--date`).
    pub default_date: Option<NaiveDate>,
}

impl IngestOptions {
    /// The date and its provenance for an article whose own date is `found` (from `from`).
    fn date(&self, found: Option<NaiveDate>, from: DateFrom) -> (Option<NaiveDate>, DateFrom) {
        match (found, self.default_date) {
            (Some(d), _) => (Some(d), from),
            (None, Some(d)) => (Some(d), DateFrom::Flag),
            (None, None) => (None, DateFrom::None),
        }
    }
}

/// A problem with one input, named by file and, where it applies, line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: String,
    pub line: Option<usize>,
    pub message: String,
    /// True when the file or line was not read at all.
    pub skipped: bool,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// What ingestion produced: the readable documents in input order, and what went wrong.
#[derive(Clone, Debug, Default)]
pub struct Ingested {
    pub documents: Vec<Document>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The kinds of input file, known by extension (and, for files given by name with another
/// extension, by their first bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    /// `.txt`, `.md`, `.markdown`: text with optional front matter.
    Text,
    /// `.jsonl`: one JSON article per line.
    Jsonl,
    /// `.html`, `.htm`, `.xhtml`: a saved web page.
    Html,
    /// `.xml`, `.rss`, `.atom`, `.rdf`: an RSS or Atom feed (any other XML is reported and skipped).
    Feed,
    /// `.json`: a JSON Feed (any other JSON is reported and skipped).
    JsonFeed,
}

impl Format {
    pub(crate) fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "md" | "markdown" => Format::Text,
            "jsonl" => Format::Jsonl,
            "html" | "htm" | "xhtml" => Format::Html,
            "xml" | "rss" | "atom" | "rdf" => Format::Feed,
            "json" => Format::JsonFeed,
            _ => return None,
        })
    }

    /// A file given by name with an unknown extension: a web page or feed by its first bytes,
    /// else text.
    fn sniff(bytes: &[u8]) -> Format {
        let head = &bytes[..bytes.len().min(512)];
        let head = String::from_utf8_lossy(head).to_ascii_lowercase();
        let head = head.trim_start_matches('\u{feff}').trim_start();
        if head.starts_with("<!doctype html") || head.starts_with("<html") {
            Format::Html
        } else if head.starts_with("<?xml") || head.starts_with("<rss") || head.starts_with("<feed")
        {
            Format::Feed
        } else {
            Format::Text
        }
    }

    pub(crate) fn read_cap(self) -> u64 {
        match self {
            Format::Text => MAX_ARTICLE_FILE_BYTES,
            Format::Html => MAX_PAGE_FILE_BYTES,
            Format::Jsonl | Format::Feed | Format::JsonFeed => MAX_COLLECTION_FILE_BYTES,
        }
    }
}

/// Up to this many files, `ingest_paths` hands out the largest first (`schedule`).
const FEW_FILES: usize = 4096;

/// Reads every article under `paths`: files are read as given, folders recursively in sorted order.
pub fn ingest_paths(paths: &[PathBuf], opts: &IngestOptions) -> Ingested {
    ingest_files(paths, opts, None).0
}

/// Gives back what an earlier run read from the file at a path, given the file's metadata now;
/// None to read it (the cache's table of files, `crate::cache`).
pub(crate) type Reuse<'a> = &'a (dyn Fn(&Path, &std::fs::Metadata) -> Option<Loaded> + Sync);

/// One input file as `ingest_files` met it, for the cache's table of files.
pub(crate) struct FileRead {
    pub(crate) path: PathBuf,
    /// Its metadata: of the handle it was read through, or the one `reuse` was given; None when
    /// it could not be read.
    pub(crate) meta: Option<std::fs::Metadata>,
    /// `reuse` gave it back: it was not opened.
    pub(crate) reused: bool,
    /// How many documents it gave (its documents follow the earlier files' in `Ingested`).
    pub(crate) documents: usize,
    /// Its documents' ids before they were made unique across the corpus.
    pub(crate) ids: Vec<String>,
    pub(crate) long_id: String,
    pub(crate) diagnostics: Vec<Diagnostic>,
}

/// `ingest_paths`, asking `reuse` (when given) for each file before reading it, and saying what
/// came from each file. The documents are the same whether a file was read or given back, so the
/// ids are made unique over the whole set as always.
pub(crate) fn ingest_files(
    paths: &[PathBuf],
    opts: &IngestOptions,
    reuse: Option<Reuse<'_>>,
) -> (Ingested, Vec<FileRead>) {
    let items = walk::collect(paths);
    // Reading and parsing run in parallel; results keep input order so output is deterministic.
    let load = |item: &Item| match item {
        Item::File(path, root) => {
            if let Some(reuse) = reuse
                && let Ok(meta) = std::fs::metadata(path)
                && let Some(l) = reuse(path, &meta)
            {
                return (l, Some(meta), true);
            }
            let (l, meta) = load_file_meta(path, root, opts);
            (l, meta, false)
        }
        Item::Problem(d) => (
            Loaded {
                diagnostics: vec![d.clone()],
                ..Loaded::default()
            },
            None,
            false,
        ),
    };
    let loaded: Vec<(Loaded, Option<std::fs::Metadata>, bool)> = if items.len() <= FEW_FILES {
        // Few files: one large file can be a tenth of the work, so the largest go first (one
        // `stat` each, a few milliseconds at most). Many files: the tail is one small file among
        // thousands, and rayon's split costs nothing to set up.
        map_largest_first(
            &items,
            |item| match item {
                Item::File(path, _) => std::fs::metadata(path).map_or(0, |m| m.len()),
                Item::Problem(_) => 0,
            },
            load,
        )
    } else {
        items.par_iter().map(load).collect()
    };
    let count = loaded.iter().map(|l| l.0.documents.len()).sum();
    let mut documents = Vec::with_capacity(count);
    let mut diagnostics = Vec::new();
    let mut fallback_ids = Vec::with_capacity(count);
    let mut files = Vec::new();
    for (item, (l, meta, reused)) in items.into_iter().zip(loaded) {
        if let Item::File(path, _) = item
            && reuse.is_some()
        {
            files.push(FileRead {
                path,
                meta,
                reused,
                documents: l.documents.len(),
                ids: l.documents.iter().map(|d| d.id.clone()).collect(),
                long_id: l.long_id.clone(),
                diagnostics: l.diagnostics.clone(),
            });
        }
        diagnostics.extend(l.diagnostics);
        for d in l.documents {
            fallback_ids.push(l.long_id.clone());
            documents.push(d);
        }
    }
    assign_unique_ids(&mut documents, &fallback_ids);
    let ingested = Ingested {
        documents,
        diagnostics,
    };
    (ingested, files)
}

/// Reads JSONL articles already in memory (standard input), named `name` in messages and paths.
pub fn ingest_jsonl(name: &str, bytes: Vec<u8>, opts: &IngestOptions) -> Ingested {
    let (mut documents, diagnostics) = match charset::decode_text(bytes) {
        Ok(d) => {
            let mut diags: Vec<Diagnostic> = d
                .warnings
                .into_iter()
                .map(|w| warning(name, None, w))
                .collect();
            let (docs, more) = jsonl::parse_jsonl(name, "stdin", &d.text, opts);
            diags.extend(more);
            (docs, diags)
        }
        Err(charset::NotText::Binary) => (
            Vec::new(),
            vec![Diagnostic {
                skipped: true,
                ..warning(name, None, "binary input, skipped".into())
            }],
        ),
    };
    let fallback = vec![String::new(); documents.len()];
    assign_unique_ids(&mut documents, &fallback);
    Ingested {
        documents,
        diagnostics,
    }
}

/// The bytes of a regular file, at most `cap` of them, and whether there were more. Anything but a
/// regular file (a FIFO, a device, a socket) is refused without blocking.
pub fn read_file_capped(path: &Path, cap: u64) -> Result<(Vec<u8>, bool), String> {
    walk::read_capped(path, cap)
}

/// `read_file_capped` with the cap of a one-article file.
pub fn read_file(path: &Path) -> Result<(Vec<u8>, bool), String> {
    walk::read_capped(path, MAX_ARTICLE_FILE_BYTES)
}

/// What one file gave: its documents, its problems, and its path under the input folder (the id
/// used when file stems collide; empty when ids are the user's own, as in JSONL).
#[derive(Default)]
pub(crate) struct Loaded {
    pub(crate) documents: Vec<Document>,
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) long_id: String,
}

/// The bundled seed as a document.
pub fn bundled_seed(opts: &IngestOptions) -> Document {
    let (mut docs, _) = parse_text_file(
        BUNDLED_SEED_PATH,
        "000_55d5bc292107d184",
        BUNDLED_SEED.as_bytes().to_vec(),
        opts,
    );
    docs.pop().expect("the bundled seed is a valid article")
}

/// The id a file's article falls back to when its stem collides: its path under the input folder
/// `root`, without the extension.
pub(crate) fn long_id(path: &Path, root: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.with_extension("").to_string_lossy().replace('\\', "/")
}

/// A file's stem, the id of its article (or the prefix of its lines' ids).
pub(crate) fn stem(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("document")
        .to_string()
}

/// Reads one file.
pub(crate) fn load_file(path: &Path, root: &Path, opts: &IngestOptions) -> Loaded {
    load_file_meta(path, root, opts).0
}

/// `load_file`, with the metadata of the handle the file was read through (None when it could not
/// be read).
pub(crate) fn load_file_meta(
    path: &Path,
    root: &Path,
    opts: &IngestOptions,
) -> (Loaded, Option<std::fs::Metadata>) {
    let shown = path.display().to_string();
    let long_id = long_id(path, root);
    let known = Format::of(path);
    let cap = known.unwrap_or(Format::Text).read_cap();
    let (bytes, cut, meta) = match walk::read_capped_meta(path, cap) {
        Ok(read) => read,
        Err(message) => {
            let loaded = Loaded {
                diagnostics: vec![walk::problem(path, message)],
                ..Loaded::default()
            };
            return (loaded, None);
        }
    };
    let format = known.unwrap_or_else(|| Format::sniff(&bytes));
    let stem = stem(path);
    let (mut docs, mut diags) = match format {
        Format::Text => parse_text_file(&shown, &stem, bytes, opts),
        Format::Jsonl => match charset::decode_text(bytes) {
            Ok(d) => {
                let mut diags: Vec<Diagnostic> = d
                    .warnings
                    .into_iter()
                    .map(|w| warning(&shown, None, w))
                    .collect();
                let (docs, more) = jsonl::parse_jsonl(&shown, &stem, &d.text, opts);
                diags.extend(more);
                (docs, diags)
            }
            Err(charset::NotText::Binary) => (
                Vec::new(),
                vec![walk::problem(path, "binary file, skipped".into())],
            ),
        },
        Format::Html => html::parse_page_file(&shown, &stem, &bytes, opts),
        Format::Feed | Format::JsonFeed => feeds::parse_feed_file(&shown, &stem, &bytes, opts),
    };
    if cut {
        diags.insert(
            0,
            warning(
                &shown,
                None,
                format!(
                    "file larger than {} MiB; only the first {} MiB are read",
                    cap >> 20,
                    cap >> 20
                ),
            ),
        );
    }
    for d in &mut docs {
        if let Some(w) = limit_text(d) {
            diags.push(warning(&d.path, None, w.clone()));
            d.warnings.push(w);
        }
    }
    // JSONL and feed ids are the user's own or numbered by line: never rewritten from the path.
    let long_id = match format {
        Format::Text | Format::Html => long_id,
        _ => String::new(),
    };
    let loaded = Loaded {
        documents: docs,
        diagnostics: diags,
        long_id,
    };
    (loaded, Some(meta))
}

/// The 1-based line of the first occurrence of `needle` in a file, if it is there: where a value
/// that a parser read without positions (a feed's or a page's date) was written.
pub(crate) fn line_of(bytes: &[u8], needle: &str) -> Option<usize> {
    let needle = needle.trim();
    if needle.is_empty() {
        return None;
    }
    let at = memchr::memmem::find(bytes, needle.as_bytes())?;
    Some(1 + memchr::memchr_iter(b'\n', &bytes[..at]).count())
}

pub(crate) fn warning(path: &str, line: Option<usize>, message: String) -> Diagnostic {
    Diagnostic {
        path: path.to_string(),
        line,
        message,
        skipped: false,
    }
}

/// Cuts a text longer than `MAX_TEXT_BYTES` at the last line break before the limit (or at a
/// character boundary when there is none in the last mebibyte), saying so.
pub(crate) fn limit_text(d: &mut Document) -> Option<String> {
    if d.text.len() <= MAX_TEXT_BYTES {
        return None;
    }
    let was = d.text.len();
    let mut end = MAX_TEXT_BYTES;
    while !d.text.is_char_boundary(end) {
        end -= 1;
    }
    let window = end.saturating_sub(1 << 20);
    if let Some(nl) = memchr::memrchr(b'\n', &d.text.as_bytes()[window..end]) {
        end = window + nl + 1;
    }
    d.text.truncate(end);
    d.text.shrink_to_fit();
    Some(format!(
        "article text of {was} bytes is over the limit of {} MiB for one article; \
         cut after byte {end}",
        MAX_TEXT_BYTES >> 20
    ))
}

/// Makes ids unique: colliding file stems fall back to their path under the input folder, and any
/// remaining duplicates get the first `~N` suffix that no other document has, so ids are unique
/// whatever the input (`a`, `a`, `a~2` become `a`, `a~3`, `a~2`).
fn assign_unique_ids(docs: &mut [Document], fallback_ids: &[String]) {
    let mut ids: Vec<String> = docs.iter_mut().map(|d| std::mem::take(&mut d.id)).collect();
    unique_ids(&mut ids, fallback_ids);
    for (d, id) in docs.iter_mut().zip(ids) {
        d.id = id;
    }
}

/// `assign_unique_ids` on the ids alone (`extract` knows every id of a corpus before it reads
/// the articles of its shard).
pub(crate) fn unique_ids(ids: &mut [String], fallback_ids: &[String]) {
    let mut counts: HashMap<&str, usize> = HashMap::with_capacity(ids.len());
    for d in ids.iter() {
        *counts.entry(d.as_str()).or_default() += 1;
    }
    // Unique already (the usual case): nothing below would change an id, and its sets of cloned
    // ids were a third of the reopen's reading of 44,000 articles.
    if counts.len() == ids.len() {
        return;
    }
    let collides: Vec<bool> = ids.iter().map(|d| counts[d.as_str()] > 1).collect();
    drop(counts);
    for ((d, fallback), collides) in ids.iter_mut().zip(fallback_ids).zip(collides) {
        if collides && !fallback.is_empty() {
            *d = fallback.clone();
        }
    }
    // Every id any document holds is taken, so a suffix never lands on a later document's own id.
    let mut taken: HashSet<String> = ids.iter().cloned().collect();
    let mut used: HashSet<String> = HashSet::with_capacity(ids.len());
    let mut next_suffix: HashMap<String, usize> = HashMap::new();
    for d in ids.iter_mut() {
        if used.insert(d.clone()) {
            continue;
        }
        let n = next_suffix.entry(d.clone()).or_insert(2);
        let id = loop {
            let candidate = format!("{}~{}", d, n);
            *n += 1;
            if !taken.contains(&candidate) {
                break candidate;
            }
        };
        taken.insert(id.clone());
        used.insert(id.clone());
        *d = id;
    }
}

fn parse_text_file(
    shown: &str,
    stem: &str,
    bytes: Vec<u8>,
    opts: &IngestOptions,
) -> (Vec<Document>, Vec<Diagnostic>) {
    let diag = |line: Option<usize>, message: String, skipped: bool| Diagnostic {
        path: shown.to_string(),
        line,
        message,
        skipped,
    };
    let decoded = match charset::decode_text(bytes) {
        Ok(d) => d,
        Err(charset::NotText::Binary) => {
            return (
                Vec::new(),
                vec![diag(None, "binary file, skipped".into(), true)],
            );
        }
    };
    let mut diags = Vec::new();
    let mut warnings = Vec::new();
    for w in decoded.warnings {
        diags.push(diag(None, w.clone(), false));
        warnings.push(w);
    }
    let bom = decoded.bom;
    let full = decoded.text;
    let fm = front_matter::parse(&full[bom..]);
    for (line, w) in fm.warnings {
        diags.push(diag(Some(line), w.clone(), false));
        warnings.push(format!("line {line}: {w}"));
    }
    let text_start = bom + fm.body_offset;
    // The body keeps the file's buffer (front matter drained off the front) rather than a copy.
    let mut text = full;
    text.drain(..text_start);
    if text.trim().is_empty() {
        return (
            Vec::new(),
            vec![diag(None, "empty file, skipped".into(), true)],
        );
    }
    let (published, date_from) = opts.date(fm.date, DateFrom::FrontMatter);
    let doc = Document {
        id: stem.to_string(),
        path: shown.to_string(),
        title: fm.title,
        source: fm.source,
        url: fm.url,
        author: fm.author,
        published,
        date_basis: date_from.basis(),
        date_from,
        summary_only: false,
        text_start,
        text,
        warnings,
    };
    (vec![doc], diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(input: &[&str], fallback: &[&str]) -> Vec<String> {
        let mut docs: Vec<Document> = input
            .iter()
            .map(|id| Document {
                id: id.to_string(),
                ..Document::default()
            })
            .collect();
        let fallback: Vec<String> = fallback.iter().map(|s| s.to_string()).collect();
        assign_unique_ids(&mut docs, &fallback);
        docs.into_iter().map(|d| d.id).collect()
    }

    #[test]
    fn ids_are_unique_whatever_the_input() {
        type Row<'a> = (&'a [&'a str], &'a [&'a str], &'a [&'a str]);
        let rows: &[Row] = &[
            (&["a", "a", "a~2"], &["", "", ""], &["a", "a~3", "a~2"]),
            (&["a~2", "a", "a"], &["", "", ""], &["a~2", "a", "a~3"]),
            (&["a", "a", "a"], &["", "", ""], &["a", "a~2", "a~3"]),
            (&["x", "x"], &["p/x", "q/x"], &["p/x", "q/x"]),
            (
                &["x", "x", "p/x"],
                &["p/x", "q/x", ""],
                &["p/x", "q/x", "p/x~2"],
            ),
            (&["", ""], &["", ""], &["", "~2"]),
        ];
        for &(input, fallback, want) in rows {
            let got = ids(input, fallback);
            assert_eq!(got, want, "{input:?}");
            let unique: HashSet<&String> = got.iter().collect();
            assert_eq!(unique.len(), got.len(), "{input:?}");
        }
    }

    #[test]
    fn long_texts_are_cut_at_a_line_break() {
        let mut d = Document {
            text: "line\n".repeat(MAX_TEXT_BYTES / 5 + 10),
            ..Document::default()
        };
        let w = limit_text(&mut d).unwrap();
        assert!(d.text.len() <= MAX_TEXT_BYTES && d.text.ends_with('\n'));
        assert!(w.contains("over the limit of 64 MiB"), "{w}");
        let mut short = Document {
            text: "short".into(),
            ..Document::default()
        };
        assert_eq!(limit_text(&mut short), None);
    }
}
