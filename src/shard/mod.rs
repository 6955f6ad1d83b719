//! Sharded runs: `dateline extract` (the map step: articles in, one JSON line per article out,
//! nothing across articles) and `dateline assemble` (the reduce step: those lines in order, one
//! corpus out, through the same cross-document assembly as a single run).

pub mod progress;
pub mod record;
mod stream;

use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

use crate::assets::Assets;
use crate::corpus::Corpus;
use crate::corpus::Lexicon;
use crate::corpus::load::{LoadOptions, Progress};
use crate::fasthash::FastMap;
use crate::ingest::Diagnostic;
use crate::model::Document;
use record::{FORMAT, Record};

/// What `extract` did.
#[derive(Debug, Default)]
pub struct Summary {
    /// Articles written.
    pub read: usize,
    pub diagnostics: Vec<Diagnostic>,
}

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
/// `shard` only, when given) and writes one `Record` per line to `out`, in input order. Articles
/// are streamed (`stream`): memory holds one batch of them, whatever the input's size, and the
/// files of other shards' articles are not read.
pub fn extract(
    opts: &LoadOptions,
    stdin: bool,
    shard: Option<(usize, usize)>,
    out: &mut dyn Write,
) -> io::Result<Summary> {
    let assets = Assets::load(opts.assets.as_deref());
    let lex = Lexicon::load(&assets);
    let lists = lists_hex(assets.fingerprint());
    let diagnostics: Vec<Diagnostic> = assets
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
    let ingest_opts = &opts.source.options;
    let mut sink = stream::Sink::new(&lex, lists, ingest_opts, out, diagnostics);
    let range_of = |total: usize| shard.map_or(0..total, |s| shard_range(total, s));
    let last = shard.is_none_or(|(k, n)| k >= n);
    if from_stdin {
        let mut input = io::stdin().lock();
        match shard {
            None => stream::stdin(&mut sink, &mut input)?,
            Some(_) => stream::stdin_shard(&mut sink, &mut input, range_of, last)?,
        }
    } else if paths.is_empty() {
        // The bundled seed: one article.
        let ingested = opts.source.ingest();
        let range = range_of(ingested.documents.len());
        sink.push_range(ingested, range)?;
    } else {
        let plan = stream::Plan::of_paths(paths, ingest_opts);
        plan.run(range_of(plan.total()), last, &mut sink)?;
    }
    sink.flush()?;
    Ok(Summary {
        read: sink.read,
        diagnostics: sink.diagnostics,
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
    // Standard input has no size: then the whole is unknown (0) and bytes read are reported.
    let total: usize = if paths.iter().any(|p| p.as_os_str() == "-") {
        0
    } else {
        paths
            .iter()
            .filter_map(|p| std::fs::metadata(p).ok())
            .map(|m| m.len() as usize)
            .sum()
    };
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
        let before = done;
        done += bytes.len() + 1;
        if total > 0 {
            progress(done.min(total), total);
        } else if before >> 20 != done >> 20 {
            // Of unknown size: a report per mebibyte read, not per line (the browser's loader
            // sends each report on).
            progress(done, 0);
        }
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
