//! Ingestion: turns paths (files, folders, JSONL) into `Document`s with metadata, never panicking on bad input.
//!
//! The one layer that reads articles from the file system: `crate::extract` only ever sees the
//! `Document`s made here. `front_matter` reads the metadata block of `.txt`/`.md` files, `jsonl`
//! one article per line, and `parse_date` the dates both carry.

pub mod front_matter;
mod jsonl;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::model::{DateBasis, Document};

/// The seed article bundled into the binary, opened when dateline runs without paths.
pub const BUNDLED_SEED: &str = include_str!("../../seeds/000_55d5bc292107d184.txt");
pub const BUNDLED_SEED_PATH: &str = "seeds/000_55d5bc292107d184.txt";

/// The longest article text read: the corpus stores offsets into it as u32.
pub const MAX_TEXT_BYTES: usize = u32::MAX as usize;

/// Options that apply to every ingested article.
#[derive(Clone, Debug, Default)]
pub struct IngestOptions {
    /// Publication date for articles whose metadata has none (`--date`).
    pub default_date: Option<NaiveDate>,
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

/// Reads every article under `paths`: files are read as given, folders recursively in sorted order.
pub fn ingest_paths(paths: &[PathBuf], opts: &IngestOptions) -> Ingested {
    let mut items: Vec<Item> = Vec::new();
    let mut seen_dirs = HashSet::new();
    for root in paths {
        match std::fs::metadata(root) {
            Ok(m) if m.is_dir() => walk(root, root, &mut seen_dirs, &mut items),
            Ok(_) => items.push(Item::File(
                root.clone(),
                root.parent().map(Path::to_path_buf).unwrap_or_default(),
            )),
            Err(e) => items.push(Item::Problem(problem(root, e))),
        }
    }
    // Reading and parsing run in parallel; results keep input order so output is deterministic.
    let loaded: Vec<(Vec<Document>, Vec<Diagnostic>, String)> = items
        .into_par_iter()
        .map(|item| match item {
            Item::File(path, root) => load_file(&path, &root, opts),
            Item::Problem(d) => (Vec::new(), vec![d], String::new()),
        })
        .collect();
    let count = loaded.iter().map(|(docs, _, _)| docs.len()).sum();
    let mut documents = Vec::with_capacity(count);
    let mut diagnostics = Vec::new();
    let mut fallback_ids = Vec::with_capacity(count);
    for (docs, diags, long_id) in loaded {
        diagnostics.extend(diags);
        for d in docs {
            // The corpus stores offsets as u32.
            if d.text.len() > MAX_TEXT_BYTES {
                diagnostics.push(Diagnostic {
                    path: d.path,
                    line: None,
                    message: "article text over 4 GiB, skipped".into(),
                    skipped: true,
                });
                continue;
            }
            fallback_ids.push(long_id.clone());
            documents.push(d);
        }
    }
    assign_unique_ids(&mut documents, &fallback_ids);
    Ingested {
        documents,
        diagnostics,
    }
}

/// Reads JSONL articles already in memory (standard input), named `name` in messages and paths.
pub fn ingest_jsonl(name: &str, bytes: &[u8], opts: &IngestOptions) -> Ingested {
    let (mut documents, diagnostics) = jsonl::parse_jsonl(name, "stdin", bytes, opts);
    let fallback = vec![String::new(); documents.len()];
    assign_unique_ids(&mut documents, &fallback);
    Ingested {
        documents,
        diagnostics,
    }
}

/// A file to read (with the folder it was found under), or a problem met while walking.
enum Item {
    File(PathBuf, PathBuf),
    Problem(Diagnostic),
}

fn problem(path: &Path, e: std::io::Error) -> Diagnostic {
    Diagnostic {
        path: path.display().to_string(),
        line: None,
        message: e.to_string(),
        skipped: true,
    }
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

fn is_article_ext(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    matches!(ext.as_deref(), Some("txt" | "md" | "markdown" | "jsonl"))
}

/// Files that sit beside articles in archives but are not articles themselves.
fn is_documentation(path: &Path) -> bool {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("")
        .to_ascii_uppercase();
    matches!(
        stem.as_str(),
        "README" | "LICENSE" | "LICENCE" | "CHANGELOG" | "SOURCES" | "NOTICE" | "COPYING"
    )
}

fn walk(root: &Path, dir: &Path, seen: &mut HashSet<PathBuf>, items: &mut Vec<Item>) {
    // Canonical paths make symlink loops terminate: each real folder is entered once.
    let Ok(real) = std::fs::canonicalize(dir) else {
        return;
    };
    if !seen.insert(real) {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            items.push(Item::Problem(problem(dir, e)));
            return;
        }
    };
    let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    children.sort();
    for child in children {
        let hidden = child
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        match std::fs::metadata(&child) {
            Ok(m) if m.is_dir() => walk(root, &child, seen, items),
            Ok(m) if m.is_file() => {
                if is_article_ext(&child) && !is_documentation(&child) {
                    items.push(Item::File(child, root.to_path_buf()));
                }
            }
            Ok(_) => {}
            Err(e) => items.push(Item::Problem(problem(&child, e))),
        }
    }
}

/// Reads one file; also returns its path under the input folder, the id used if stems collide.
fn load_file(
    path: &Path,
    root: &Path,
    opts: &IngestOptions,
) -> (Vec<Document>, Vec<Diagnostic>, String) {
    let shown = path.display().to_string();
    let rel = path.strip_prefix(root).unwrap_or(path);
    let long_id = rel.with_extension("").to_string_lossy().replace('\\', "/");
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return (Vec::new(), vec![problem(path, e)], long_id),
    };
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("document")
        .to_string();
    let is_jsonl = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"));
    let (docs, diags) = if is_jsonl {
        jsonl::parse_jsonl(&shown, &stem, &bytes, opts)
    } else {
        parse_text_file(&shown, &stem, bytes, opts)
    };
    // JSONL ids are the user's own: never rewrite them from the path.
    let long_id = if is_jsonl { String::new() } else { long_id };
    (docs, diags, long_id)
}

/// Makes ids unique: colliding file stems fall back to their path under the input folder, and any
/// remaining duplicates get a `~N` suffix.
fn assign_unique_ids(docs: &mut [Document], fallback_ids: &[String]) {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for d in docs.iter() {
        *counts.entry(d.id.clone()).or_default() += 1;
    }
    for (d, fallback) in docs.iter_mut().zip(fallback_ids) {
        if counts.get(&d.id).copied().unwrap_or(0) > 1 && !fallback.is_empty() {
            d.id = fallback.clone();
        }
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for d in docs.iter_mut() {
        let n = seen.entry(d.id.clone()).or_default();
        *n += 1;
        if *n > 1 {
            d.id = format!("{}~{}", d.id, n);
        }
    }
}

/// Decodes bytes, lossily when they are not UTF-8, saying where the first bad byte was.
pub(crate) fn decode(bytes: &[u8]) -> (String, Option<String>) {
    decode_owned(bytes.to_vec())
}

/// As `decode`, but valid UTF-8 (the usual case) takes over the buffer without copying it.
fn decode_owned(bytes: Vec<u8>) -> (String, Option<String>) {
    match String::from_utf8(bytes) {
        Ok(s) => (s, None),
        Err(e) => {
            let warning = format!(
                "invalid UTF-8 at byte {}; decoded with replacement characters",
                e.utf8_error().valid_up_to()
            );
            (
                String::from_utf8_lossy(e.as_bytes()).into_owned(),
                Some(warning),
            )
        }
    }
}

/// Text that is mostly control bytes or holds NULs is not an article.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        return true;
    }
    // Counting every byte below 0x20 vectorises; text rarely gets near the limit even with its
    // line breaks counted, so the exact count is seldom needed.
    if head.iter().filter(|&&b| b < 0x20).count() * 10 <= head.len() {
        return false;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls * 10 > head.len()
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
    if looks_binary(&bytes) {
        return (
            Vec::new(),
            vec![diag(None, "binary file, skipped".into(), true)],
        );
    }
    let (full, bad_utf8) = decode_owned(bytes);
    let mut diags = Vec::new();
    let mut warnings = Vec::new();
    if let Some(w) = bad_utf8 {
        diags.push(diag(None, w.clone(), false));
        warnings.push(w);
    }
    let bom = if full.starts_with('\u{feff}') { 3 } else { 0 };
    let fm = match front_matter::parse(&full[bom..]) {
        Ok(fm) => fm,
        Err((line, msg)) => {
            return (
                Vec::new(),
                vec![diag(
                    Some(line),
                    format!("malformed front matter: {msg}; file skipped"),
                    true,
                )],
            );
        }
    };
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
    let (published, date_basis) = match (fm.date, opts.default_date) {
        (Some(d), _) => (Some(d), DateBasis::Metadata),
        (None, Some(d)) => (Some(d), DateBasis::Flag),
        (None, None) => (None, DateBasis::None),
    };
    let doc = Document {
        id: stem.to_string(),
        path: shown.to_string(),
        title: fm.title,
        source: fm.source,
        url: fm.url,
        author: fm.author,
        published,
        date_basis,
        text_start,
        text,
        warnings,
    };
    (vec![doc], diags)
}

/// Parses `YYYY-MM-DD` or an RFC 3339 timestamp (the date as written, in its own offset).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(dt.date_naive());
    }
    chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S")
        .or_else(|_| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S"))
        .ok()
        .map(|dt| dt.date())
}
