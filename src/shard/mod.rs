//! Sharded runs: `dateline extract` (the map step: articles in, one JSON line per article out,
//! nothing across articles) and `dateline assemble` (the reduce step: those lines in order, one
//! corpus out, through the same cross-document assembly as a single run).

pub mod progress;
pub mod record;

use std::io::{self, BufRead, Read, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::assets::Assets;
use crate::corpus::Corpus;
use crate::corpus::Lexicon;
use crate::corpus::load::{LoadOptions, Progress};
use crate::extract::pipeline;
use crate::fasthash::FastMap;
use crate::ingest::Diagnostic;
use crate::model::Document;
use record::{Doc, FORMAT, Record, XRecord};

/// What `extract` did.
#[derive(Debug, Default)]
pub struct Summary {
    /// Articles written.
    pub read: usize,
    pub diagnostics: Vec<Diagnostic>,
}

/// Articles extracted and written per step, in parallel.
const CHUNK: usize = 256;

/// The word-list fingerprint as records carry it.
pub fn lists_hex(lists: u64) -> String {
    format!("{lists:016x}")
}

/// The documents `--shard K/N` picks out of `total`: the K-th of N near-equal runs.
pub fn shard_range(total: usize, (k, n): (usize, usize)) -> std::ops::Range<usize> {
    let n = n.max(1);
    let k = k.clamp(1, n);
    (total * (k - 1) / n)..(total * k / n)
}

/// Reads the articles `opts` names (or JSONL from standard input), extracts each one (of shard
/// `shard` only, when given) and writes one `Record` per line to `out`, in input order.
pub fn extract(
    opts: &LoadOptions,
    stdin: bool,
    shard: Option<(usize, usize)>,
    out: &mut dyn Write,
) -> io::Result<Summary> {
    let assets = Assets::load(opts.assets.as_deref());
    let lex = Lexicon::load(&assets);
    let lists = lists_hex(assets.fingerprint());
    let mut diagnostics: Vec<Diagnostic> = assets
        .warnings
        .iter()
        .map(|message| Diagnostic {
            path: "word lists".into(),
            line: None,
            message: message.clone(),
            skipped: false,
        })
        .collect();
    let paths = &opts.source.paths;
    let from_stdin = stdin || (paths.len() == 1 && paths[0].as_os_str() == "-");
    let ingested = if from_stdin {
        let mut bytes = Vec::new();
        io::stdin().lock().read_to_end(&mut bytes)?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            // An engine's empty partition: nothing to extract, and nothing wrong.
            crate::ingest::Ingested::default()
        } else {
            crate::ingest::ingest_jsonl("<stdin>", bytes, &opts.source.options)
        }
    } else {
        opts.source.ingest()
    };
    diagnostics.extend(ingested.diagnostics);
    let mut documents = ingested.documents;
    if let Some(shard) = shard {
        let range = shard_range(documents.len(), shard);
        documents.truncate(range.end);
        documents.drain(..range.start);
    }
    let version = env!("CARGO_PKG_VERSION");
    for chunk in documents.chunks(CHUNK) {
        let lines: Vec<Vec<u8>> = chunk
            .par_iter()
            .map(|doc| {
                let x = pipeline::extract(doc, &lex);
                let record = Record {
                    format: FORMAT.into(),
                    version: version.into(),
                    lists: lists.clone(),
                    doc: Doc::from(doc),
                    x: XRecord::from(&x),
                };
                let mut line = serde_json::to_vec(&record).unwrap_or_default();
                line.push(b'\n');
                line
            })
            .collect();
        for line in lines {
            out.write_all(&line)?;
        }
    }
    Ok(Summary {
        read: documents.len(),
        diagnostics,
    })
}

/// Why a line of a shard was not used.
fn check(record: &Record) -> Result<(), String> {
    if record.format != FORMAT {
        return Err(format!(
            "not a dateline extraction line (format {:?}, expected {FORMAT:?})",
            record.format
        ));
    }
    let len = record.doc.text.len();
    let text = &record.doc.text;
    let ok = |&(a, b): &(usize, usize)| {
        a <= b && b <= len && text.is_char_boundary(a) && text.is_char_boundary(b)
    };
    let x = &record.x;
    let spans_ok = x.paragraphs.iter().all(|&(a, b, _)| ok(&(a, b)))
        && x.sentences.iter().all(|&(a, b, _)| ok(&(a, b)))
        && x.timexes.iter().all(|t| ok(&t.span))
        && x.actors.iter().all(|a| a.mentions.iter().all(ok))
        && x.topics.iter().all(|t| t.mentions.iter().all(ok))
        && x.quotes.iter().all(|q| {
            ok(&q.span)
                && q.cue.as_ref().is_none_or(ok)
                && q.speaker_span.as_ref().is_none_or(ok)
                && q.parts.iter().all(ok)
        })
        && x.events.iter().all(|e| ok(&e.span));
    if !spans_ok {
        return Err("a span falls outside the article text; line skipped".into());
    }
    if len > crate::ingest::MAX_TEXT_BYTES {
        return Err("article text over 4 GiB, skipped".into());
    }
    Ok(())
}

/// Assembles the records of `paths` (`-` is standard input), in order, into one corpus, after
/// the `diagnostics` met before reading. `progress` is called with (bytes read, bytes in all).
pub fn assemble(
    paths: &[PathBuf],
    lex: &Lexicon,
    lists: u64,
    diagnostics: Vec<Diagnostic>,
    progress: Progress<'_>,
) -> Corpus {
    let problems = std::cell::RefCell::new(Vec::new());
    let total: usize = paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len() as usize)
        .sum();
    progress(0, total);
    let lists = lists_hex(lists);
    let mut done = 0usize;
    let mut seen: FastMap<String, usize> = FastMap::default();
    let problem = |path: &Path, line: Option<usize>, message: String, skipped: bool| {
        problems.borrow_mut().push(Diagnostic {
            path: path.display().to_string(),
            line,
            message,
            skipped,
        });
    };
    let parts = paths.iter().flat_map(|path| {
        let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
            Box::new(io::BufReader::new(io::stdin()))
        } else {
            match std::fs::File::open(path) {
                Ok(f) => Box::new(io::BufReader::with_capacity(1 << 20, f)),
                Err(e) => {
                    problem(path, None, e.to_string(), true);
                    Box::new(io::empty())
                }
            }
        };
        Lines {
            reader,
            line: 0,
            buf: Vec::new(),
        }
        .map(move |r| (path, r))
    });
    let mut lists_warned: Option<PathBuf> = None;
    let records = parts.filter_map(|(path, item)| {
        let (line_no, bytes) = match item {
            Ok(x) => x,
            Err(e) => {
                problem(path, None, e.to_string(), true);
                return None;
            }
        };
        done += bytes.len() + 1;
        progress(done.min(total), total);
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return None;
        }
        let record: Record = match serde_json::from_slice(&bytes) {
            Ok(r) => r,
            Err(e) => {
                problem(path, Some(line_no), format!("not an extraction line: {e}"), true);
                return None;
            }
        };
        if let Err(message) = check(&record) {
            problem(path, Some(line_no), message, true);
            return None;
        }
        if record.lists != lists && lists_warned.as_deref() != Some(path.as_path()) {
            lists_warned = Some(path.clone());
            problem(
                path,
                Some(line_no),
                "extracted with other word lists than these (pass the same --assets to extract and assemble); topics may differ from a single run".into(),
                false,
            );
        }
        let Record { doc, x, .. } = record;
        let mut doc = Document::from(doc);
        let n = seen.entry(doc.id.clone()).or_default();
        *n += 1;
        if *n > 1 {
            let id = format!("{}~{}", doc.id, n);
            problem(
                path,
                Some(line_no),
                format!("article id {:?} seen before; renamed {id:?}", doc.id),
                false,
            );
            doc.id = id;
        }
        Some((doc, x.into_extraction()))
    });
    let mut corpus = Corpus::assemble(records, diagnostics, lex);
    corpus.diagnostics.extend(problems.into_inner());
    progress(total, total);
    corpus
}

/// Lines of a reader as (line number, bytes without the line break); an I/O error ends them.
struct Lines {
    reader: Box<dyn BufRead>,
    line: usize,
    buf: Vec<u8>,
}

impl Iterator for Lines {
    type Item = io::Result<(usize, Vec<u8>)>;

    fn next(&mut self) -> Option<Self::Item> {
        self.buf.clear();
        match self.reader.read_until(b'\n', &mut self.buf) {
            Ok(0) => None,
            Ok(_) => {
                self.line += 1;
                if self.buf.last() == Some(&b'\n') {
                    self.buf.pop();
                }
                if self.buf.last() == Some(&b'\r') {
                    self.buf.pop();
                }
                Some(Ok((self.line, std::mem::take(&mut self.buf))))
            }
            Err(e) => {
                // Stop at the first error: a failing disk would repeat it forever.
                self.reader = Box::new(io::empty());
                Some(Err(e))
            }
        }
    }
}
