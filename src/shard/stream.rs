//! `extract`'s input, streamed: articles are read, extracted, written and dropped a batch at a
//! time, so memory does not grow with the input.
//!
//! With paths, a first pass learns every article's place and id without reading one-article files
//! (their id is the file's stem, known from the folder walk) and reads JSONL files line by line,
//! keeping only line numbers and ids; the second pass reads only the articles of the shard. The
//! places and ids are the ones a whole-corpus ingest gives (`ingest::unique_ids`), so the shards
//! concatenate to the records of one run. JSONL on standard input is read line by line in one pass
//! (with `--shard`, it is first copied to a temporary file, since a shard needs the count).
//!
//! A JSONL stream decodes as `ingest` decodes a whole file: a binary head skips it, a UTF-16
//! byte-order mark makes it read whole (rare, and not splittable by bytes), invalid UTF-8 becomes
//! U+FFFD with one warning naming the first bad byte's offset, NULs become spaces with one warning,
//! and lines end at `\n`, `\r\n` or a lone `\r`.

use std::collections::{HashMap, HashSet, VecDeque};
use std::io::{self, BufRead, Read, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::extract::pipeline::{self, Lexicon};
use crate::ingest::{self, Diagnostic, IngestOptions, Item};
use crate::model::Document;

use super::record::{Doc, FORMAT, Record, XRecord};

/// Articles read, extracted and written per step, in parallel.
const CHUNK: usize = 256;
/// A batch is also cut after this many bytes of unparsed JSONL lines.
const CHUNK_BYTES: usize = 16 << 20;
/// The bytes of a stream's head that decide whether it is binary (as `charset` decides).
const SNIFF_BYTES: usize = 8192;

/// How a JSONL stream starts.
enum Head {
    Binary,
    Utf16,
    Text,
}

/// Reads up to `SNIFF_BYTES` from `r` and says what kind of stream it is.
fn sniff(r: &mut dyn Read) -> io::Result<(Head, Vec<u8>)> {
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    r.take(SNIFF_BYTES as u64).read_to_end(&mut head)?;
    let kind = if ingest::utf16_bom(&head).is_some() {
        Head::Utf16
    } else if ingest::looks_binary(&head) {
        Head::Binary
    } else {
        Head::Text
    };
    Ok((kind, head))
}

/// The lines of a UTF-8 JSONL stream, decoded, numbered from 1 (blank ones included).
struct JsonlLines<R> {
    reader: R,
    line_no: usize,
    /// Bytes consumed so far.
    offset: u64,
    pending: VecDeque<String>,
    buf: Vec<u8>,
    first: bool,
    /// The offset of the first invalid UTF-8 byte.
    bad_utf8: Option<u64>,
    nuls: usize,
}

impl<R: BufRead> JsonlLines<R> {
    fn new(reader: R) -> Self {
        JsonlLines {
            reader,
            line_no: 0,
            offset: 0,
            pending: VecDeque::new(),
            buf: Vec::new(),
            first: true,
            bad_utf8: None,
            nuls: 0,
        }
    }

    fn next_line(&mut self) -> io::Result<Option<(usize, String)>> {
        loop {
            if let Some(line) = self.pending.pop_front() {
                self.line_no += 1;
                return Ok(Some((self.line_no, line)));
            }
            self.buf.clear();
            let n = self.reader.read_until(b'\n', &mut self.buf)?;
            if n == 0 {
                return Ok(None);
            }
            let start = self.offset;
            self.offset += n as u64;
            let mut bytes = &self.buf[..];
            let mut skipped = 0;
            if std::mem::take(&mut self.first) && bytes.starts_with(b"\xEF\xBB\xBF") {
                bytes = &bytes[3..];
                skipped = 3;
            }
            if let Some(b) = bytes.strip_suffix(b"\n") {
                bytes = b.strip_suffix(b"\r").unwrap_or(b);
            } else if let Some(b) = bytes.strip_suffix(b"\r") {
                bytes = b;
            }
            let mut text = match std::str::from_utf8(bytes) {
                Ok(s) => s.to_owned(),
                Err(e) => {
                    self.bad_utf8
                        .get_or_insert(start + skipped + e.valid_up_to() as u64);
                    String::from_utf8_lossy(bytes).into_owned()
                }
            };
            let nuls = memchr::memchr_iter(0, text.as_bytes()).count();
            if nuls > 0 {
                self.nuls += nuls;
                text = text.replace('\0', " ");
            }
            if memchr::memchr(b'\r', text.as_bytes()).is_some() {
                self.pending.extend(text.split('\r').map(str::to_owned));
            } else {
                self.pending.push_back(text);
            }
        }
    }

    /// The warnings about the whole stream, as `charset::decode_text` words them.
    fn warnings(&self, shown: &str) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        if let Some(at) = self.bad_utf8 {
            out.push(ingest::warning(
                shown,
                None,
                format!("invalid UTF-8 at byte {at}; decoded with replacement characters"),
            ));
        }
        if self.nuls > 0 {
            out.push(ingest::warning(
                shown,
                None,
                format!("{} NUL byte(s) replaced by spaces", self.nuls),
            ));
        }
        out
    }
}

/// A JSONL file and the names its lines are known by.
struct LineFile {
    path: PathBuf,
    shown: String,
    stem: String,
}

/// One step of work, done in parallel with the others of its batch.
enum Job {
    /// A one-article file to read, and the id its article gets.
    File {
        path: PathBuf,
        root: PathBuf,
        id: String,
    },
    /// Articles read already.
    Docs(Vec<Document>),
    /// A line of a JSONL file, and the id its article gets (`None`: its own, made unique later).
    Line {
        file: Arc<LineFile>,
        line_no: usize,
        text: String,
        id: Option<String>,
    },
    /// A problem to report in its place.
    Note(Diagnostic),
}

/// Ids made unique in input order, for a stream whose later ids are not known yet: the rule of
/// `ingest::unique_ids` among the ids seen so far.
#[derive(Default)]
struct Uniq {
    used: HashSet<String>,
    next: HashMap<String, usize>,
}

impl Uniq {
    fn fix(&mut self, id: &mut String) {
        if self.used.insert(id.clone()) {
            return;
        }
        let n = self.next.entry(id.clone()).or_insert(2);
        let new = loop {
            let candidate = format!("{id}~{n}");
            *n += 1;
            if !self.used.contains(&candidate) {
                break candidate;
            }
        };
        self.used.insert(new.clone());
        *id = new;
    }
}

/// Where extraction lines go: batches of jobs, extracted in parallel, written in input order.
pub struct Sink<'a> {
    pub lex: &'a Lexicon,
    pub lists: String,
    pub opts: &'a IngestOptions,
    pub out: &'a mut dyn Write,
    pub diagnostics: Vec<Diagnostic>,
    /// Articles written.
    pub read: usize,
    batch: Vec<Job>,
    batch_bytes: usize,
    /// Set for a stream whose ids are made unique as they come.
    uniq: Option<Uniq>,
}

impl<'a> Sink<'a> {
    pub fn new(
        lex: &'a Lexicon,
        lists: String,
        opts: &'a IngestOptions,
        out: &'a mut dyn Write,
        diagnostics: Vec<Diagnostic>,
    ) -> Self {
        Sink {
            lex,
            lists,
            opts,
            out,
            diagnostics,
            read: 0,
            batch: Vec::new(),
            batch_bytes: 0,
            uniq: None,
        }
    }

    /// Articles read already, extracted in their turn.
    /// The documents of `ingested` whose places fall in `range` (this shard's), and all of its
    /// problems: for input read whole rather than line by line.
    pub fn push_range(
        &mut self,
        ingested: ingest::Ingested,
        range: Range<usize>,
    ) -> io::Result<()> {
        self.diagnostics.extend(ingested.diagnostics);
        let docs: Vec<Document> = ingested
            .documents
            .into_iter()
            .enumerate()
            .filter(|(i, _)| range.contains(i))
            .map(|(_, d)| d)
            .collect();
        self.push(Job::Docs(docs))
    }

    fn push(&mut self, job: Job) -> io::Result<()> {
        if let Job::Line { text, .. } = &job {
            self.batch_bytes += text.len();
        }
        self.batch.push(job);
        if self.batch.len() >= CHUNK || self.batch_bytes >= CHUNK_BYTES {
            self.flush()?;
        }
        Ok(())
    }

    /// Extracts and writes the pending batch.
    pub fn flush(&mut self) -> io::Result<()> {
        let opts = self.opts;
        let read: Vec<(Vec<Diagnostic>, Vec<Document>)> = std::mem::take(&mut self.batch)
            .into_par_iter()
            .map(|job| read_job(job, opts))
            .collect();
        self.batch_bytes = 0;
        let mut notes = Vec::new();
        let mut docs = Vec::new();
        for (d, mut ds) in read {
            notes.extend(d);
            if let Some(u) = &mut self.uniq {
                ds.iter_mut().for_each(|doc| u.fix(&mut doc.id));
            }
            docs.extend(ds);
        }
        let (lex, lists) = (self.lex, &self.lists);
        let version = env!("CARGO_PKG_VERSION");
        let lines: Vec<Vec<u8>> = docs
            .par_iter()
            .map(|doc| {
                let x = pipeline::extract(doc, lex);
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
        self.diagnostics.extend(notes);
        self.read += lines.len();
        for line in lines {
            self.out.write_all(&line)?;
        }
        // A pipeline downstream (an engine's) gets each batch as it is done.
        self.out.flush()
    }
}

/// Reads the article(s) of one job.
fn read_job(job: Job, opts: &IngestOptions) -> (Vec<Diagnostic>, Vec<Document>) {
    match job {
        Job::File { path, root, id } => {
            let mut loaded = ingest::load_file(&path, &root, opts);
            if let [doc] = loaded.documents.as_mut_slice() {
                doc.id = id;
            }
            (loaded.diagnostics, loaded.documents)
        }
        Job::Docs(docs) => (Vec::new(), docs),
        Job::Note(d) => (vec![d], Vec::new()),
        Job::Line {
            file,
            line_no,
            text,
            id,
        } => match ingest::jsonl_document(&file.shown, &file.stem, line_no, &text, opts) {
            Ok((mut doc, warning)) => {
                if let Some(id) = id {
                    doc.id = id;
                }
                let mut notes: Vec<Diagnostic> = warning.into_iter().collect();
                if let Some(w) = ingest::limit_text(&mut doc) {
                    notes.push(ingest::warning(&doc.path, None, w.clone()));
                    doc.warnings.push(w);
                }
                (notes, vec![doc])
            }
            Err(d) => (vec![d], Vec::new()),
        },
    }
}

/// JSONL on standard input, in one pass: each line is extracted and written in its batch, and ids
/// are made unique among the lines before it.
pub fn stdin(sink: &mut Sink<'_>, input: &mut dyn Read) -> io::Result<()> {
    const NAME: &str = "<stdin>";
    let (head, bytes) = sniff(input)?;
    match head {
        Head::Binary => {
            sink.diagnostics.push(Diagnostic {
                skipped: true,
                ..ingest::warning(NAME, None, "binary input, skipped".into())
            });
            return Ok(());
        }
        Head::Utf16 => {
            let mut all = bytes;
            input.read_to_end(&mut all)?;
            let ingested = ingest::ingest_jsonl(NAME, all, sink.opts);
            sink.diagnostics.extend(ingested.diagnostics);
            sink.push(Job::Docs(ingested.documents))?;
            return sink.flush();
        }
        Head::Text => {}
    }
    let file = Arc::new(LineFile {
        path: PathBuf::new(),
        shown: NAME.into(),
        stem: "stdin".into(),
    });
    sink.uniq = Some(Uniq::default());
    let mut lines = JsonlLines::new(io::BufReader::new(io::Cursor::new(bytes).chain(input)));
    while let Some((line_no, text)) = lines.next_line()? {
        if text.trim().is_empty() {
            continue;
        }
        let job = Job::Line {
            file: Arc::clone(&file),
            line_no,
            text,
            id: None,
        };
        sink.push(job)?;
    }
    sink.flush()?;
    sink.diagnostics.extend(lines.warnings(NAME));
    Ok(())
}

/// An input unit of the first pass, and how many articles it holds.
enum Unit {
    /// A one-article file (text, web page), not opened in the first pass: one article.
    Single { path: PathBuf, root: PathBuf },
    /// A JSONL file read line by line: the numbers of the lines that hold an article, and the
    /// warnings about the whole file.
    Lines {
        file: Arc<LineFile>,
        cap: u64,
        lines: Vec<usize>,
        warnings: Vec<Diagnostic>,
    },
    /// A file read whole (a feed, a file of unknown kind, UTF-16 JSONL): its article count.
    Whole {
        path: PathBuf,
        root: PathBuf,
        count: usize,
    },
    /// A problem met before reading: no article.
    Problem(Diagnostic),
}

impl Unit {
    fn count(&self) -> usize {
        match self {
            Unit::Single { .. } => 1,
            Unit::Lines { lines, .. } => lines.len(),
            Unit::Whole { count, .. } => *count,
            Unit::Problem(_) => 0,
        }
    }
}

/// Every article's place and final id, learnt without reading one-article files.
pub struct Plan {
    units: Vec<Unit>,
    ids: Vec<String>,
}

/// Opens `path` for streaming: the file, capped at `cap`, and whether it is longer.
fn open_capped(path: &Path, cap: u64) -> Result<(io::Take<std::fs::File>, bool), String> {
    let (file, meta) = ingest::open_regular(path)?;
    Ok((file.take(cap), meta.len() > cap))
}

impl Plan {
    /// The first pass over `paths`.
    pub fn of_paths(paths: &[PathBuf], opts: &IngestOptions) -> Plan {
        let mut plan = Plan {
            units: Vec::new(),
            ids: Vec::new(),
        };
        let mut fallback = Vec::new();
        for item in ingest::input_items(paths) {
            let (path, root) = match item {
                Item::Problem(d) => {
                    plan.units.push(Unit::Problem(d));
                    continue;
                }
                Item::File(path, root) => (path, root),
            };
            let unit = match ingest::Format::of(&path) {
                Some(ingest::Format::Text | ingest::Format::Html) => {
                    plan.ids.push(ingest::stem(&path));
                    fallback.push(ingest::long_id(&path, &root));
                    Unit::Single { path, root }
                }
                Some(ingest::Format::Jsonl) => {
                    let file = Arc::new(LineFile {
                        shown: path.display().to_string(),
                        stem: ingest::stem(&path),
                        path: path.clone(),
                    });
                    let cap = ingest::Format::Jsonl.read_cap();
                    match plan.lines(file, cap, opts, &mut fallback) {
                        Some(unit) => unit,
                        None => plan.whole(path, root, opts, &mut fallback),
                    }
                }
                _ => plan.whole(path, root, opts, &mut fallback),
            };
            plan.units.push(unit);
        }
        ingest::unique_ids(&mut plan.ids, &fallback);
        plan
    }

    /// The first pass over a JSONL file that `shown` names in messages (standard input copied to
    /// `path`): ids are the lines' own, never the path's.
    fn of_jsonl(file: LineFile, opts: &IngestOptions) -> io::Result<Plan> {
        let mut plan = Plan {
            units: Vec::new(),
            ids: Vec::new(),
        };
        let mut fallback = Vec::new();
        let unit = match plan.lines(Arc::new(file), u64::MAX, opts, &mut fallback) {
            Some(unit) => unit,
            None => return Err(io::Error::other("standard input is not UTF-8 JSONL")),
        };
        plan.units.push(unit);
        ingest::unique_ids(&mut plan.ids, &fallback);
        Ok(plan)
    }

    /// A file read whole in the first pass, for its count and ids.
    fn whole(
        &mut self,
        path: PathBuf,
        root: PathBuf,
        opts: &IngestOptions,
        fallback: &mut Vec<String>,
    ) -> Unit {
        let loaded = ingest::load_file(&path, &root, opts);
        for d in &loaded.documents {
            self.ids.push(d.id.clone());
            fallback.push(loaded.long_id.clone());
        }
        Unit::Whole {
            path,
            root,
            count: loaded.documents.len(),
        }
    }

    /// A JSONL file read line by line in the first pass; `None` when it must be read whole
    /// (UTF-16).
    fn lines(
        &mut self,
        file: Arc<LineFile>,
        cap: u64,
        opts: &IngestOptions,
        fallback: &mut Vec<String>,
    ) -> Option<Unit> {
        let problem = |message: String| {
            Some(Unit::Problem(Diagnostic {
                path: file.shown.clone(),
                line: None,
                message,
                skipped: true,
            }))
        };
        let (mut reader, cut) = match open_capped(&file.path, cap) {
            Ok(r) => r,
            Err(message) => return problem(message),
        };
        let (head, bytes) = match sniff(&mut reader) {
            Ok(h) => h,
            Err(e) => return problem(e.to_string()),
        };
        match head {
            Head::Utf16 => return None,
            Head::Binary => return problem("binary file, skipped".into()),
            Head::Text => {}
        }
        let mut warnings = Vec::new();
        if cut {
            warnings.push(ingest::warning(
                &file.shown,
                None,
                format!(
                    "file larger than {} MiB; only the first {} MiB are read",
                    cap >> 20,
                    cap >> 20
                ),
            ));
        }
        let mut stream = JsonlLines::new(io::BufReader::with_capacity(
            1 << 16,
            io::Cursor::new(bytes).chain(reader),
        ));
        let mut lines = Vec::new();
        let mut line_notes = false;
        loop {
            let (line_no, text) = match stream.next_line() {
                Ok(Some(l)) => l,
                Ok(None) => break,
                Err(e) => {
                    warnings.push(ingest::warning(&file.shown, None, e.to_string()));
                    break;
                }
            };
            if text.trim().is_empty() {
                continue;
            }
            match ingest::jsonl_document(&file.shown, &file.stem, line_no, &text, opts) {
                Ok((doc, warning)) => {
                    line_notes |= warning.is_some();
                    lines.push(line_no);
                    self.ids.push(doc.id);
                    fallback.push(String::new());
                }
                Err(_) => line_notes = true,
            }
        }
        warnings.extend(stream.warnings(&file.shown));
        if lines.is_empty() && !line_notes {
            warnings.push(Diagnostic {
                skipped: true,
                ..ingest::warning(&file.shown, None, "empty file, skipped".into())
            });
        }
        Some(Unit::Lines {
            file,
            cap,
            lines,
            warnings,
        })
    }

    /// Articles in all.
    pub fn total(&self) -> usize {
        self.ids.len()
    }

    /// The second pass: reads and extracts the articles in `range` (of `total()`), and reports
    /// each problem in the one shard that holds its place (`last`: this is the last shard, which
    /// also holds the place after the last article).
    pub fn run(&self, range: Range<usize>, last: bool, sink: &mut Sink<'_>) -> io::Result<()> {
        let total = self.total();
        let owns = |pos: usize| range.contains(&pos) || (pos == total && last);
        let mut pos = 0;
        for unit in &self.units {
            let start = pos;
            let count = unit.count();
            pos += count;
            let overlaps = start < range.end && start + count > range.start;
            // Whether a place from `start` to `start + count` (a problem line's) is this shard's.
            let holds = (start < range.end && start + count >= range.start)
                || (start + count == total && last);
            let touches = match unit {
                Unit::Single { .. } | Unit::Whole { .. } => overlaps || owns(start),
                Unit::Lines { .. } => holds,
                Unit::Problem(_) => owns(start),
            };
            if !touches {
                continue;
            }
            match unit {
                Unit::Problem(d) => sink.push(Job::Note(d.clone()))?,
                Unit::Single { path, root } => {
                    if range.contains(&start) {
                        let id = self.ids.get(start).cloned().unwrap_or_default();
                        sink.push(Job::File {
                            path: path.clone(),
                            root: root.clone(),
                            id,
                        })?;
                    }
                }
                Unit::Whole { path, root, .. } => {
                    let loaded = ingest::load_file(path, root, sink.opts);
                    if owns(start) {
                        for d in loaded.diagnostics {
                            sink.push(Job::Note(d))?;
                        }
                    }
                    let docs: Vec<Document> = loaded
                        .documents
                        .into_iter()
                        .enumerate()
                        .filter(|(i, _)| range.contains(&(start + i)))
                        .map(|(i, mut d)| {
                            if let Some(id) = self.ids.get(start + i) {
                                d.id = id.clone();
                            }
                            d
                        })
                        .collect();
                    sink.push(Job::Docs(docs))?;
                }
                Unit::Lines {
                    file,
                    cap,
                    lines,
                    warnings,
                } => {
                    if owns(start) {
                        for d in warnings {
                            sink.push(Job::Note(d.clone()))?;
                        }
                    }
                    self.run_lines(file, *cap, lines, start, &range, &owns, sink)?;
                }
            }
        }
        Ok(())
    }

    /// The second pass over a JSONL file: the lines of this shard's articles, and the problem
    /// lines whose place is this shard's.
    #[allow(clippy::too_many_arguments)]
    fn run_lines(
        &self,
        file: &Arc<LineFile>,
        cap: u64,
        lines: &[usize],
        start: usize,
        range: &Range<usize>,
        owns: &dyn Fn(usize) -> bool,
        sink: &mut Sink<'_>,
    ) -> io::Result<()> {
        let Ok((reader, _)) = open_capped(&file.path, cap) else {
            // Gone since the first pass: the first pass's problems are reported.
            return Ok(());
        };
        let mut stream = JsonlLines::new(io::BufReader::with_capacity(1 << 16, reader));
        let mut j = 0;
        loop {
            let pos = start + j;
            if pos >= range.end && !owns(pos) {
                break;
            }
            let Some((line_no, text)) = stream.next_line()? else {
                break;
            };
            if text.trim().is_empty() {
                continue;
            }
            let id = if lines.get(j) == Some(&line_no) {
                j += 1;
                if !range.contains(&pos) {
                    continue;
                }
                Some(self.ids.get(pos).cloned().unwrap_or_default())
            } else if owns(pos) {
                // A line that holds no article: parsed again for its message.
                None
            } else {
                continue;
            };
            sink.push(Job::Line {
                file: Arc::clone(file),
                line_no,
                text,
                id,
            })?;
        }
        Ok(())
    }
}

/// JSONL on standard input for one shard: copied to a temporary file (a shard needs the count of
/// articles), then planned and read as a file named `<stdin>`.
pub fn stdin_shard(
    sink: &mut Sink<'_>,
    input: &mut dyn Read,
    range_of: impl Fn(usize) -> Range<usize>,
    last: bool,
) -> io::Result<()> {
    let mut spool = tempfile::NamedTempFile::new()?;
    let mut head = Vec::new();
    input.take(SNIFF_BYTES as u64).read_to_end(&mut head)?;
    if ingest::utf16_bom(&head).is_some() || ingest::looks_binary(&head) {
        // Not line-splittable: the one-pass reader reports or reads it whole.
        let mut all = io::Cursor::new(head).chain(input);
        let mut bytes = Vec::new();
        all.read_to_end(&mut bytes)?;
        let ingested = ingest::ingest_jsonl("<stdin>", bytes, sink.opts);
        let range = range_of(ingested.documents.len());
        sink.push_range(ingested, range)?;
        return sink.flush();
    }
    spool.write_all(&head)?;
    io::copy(input, &mut spool)?;
    spool.flush()?;
    let plan = Plan::of_jsonl(
        LineFile {
            path: spool.path().to_path_buf(),
            shown: "<stdin>".into(),
            stem: "stdin".into(),
        },
        sink.opts,
    )?;
    let range = range_of(plan.total());
    plan.run(range, last, sink)?;
    sink.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(bytes: &[u8]) -> (Vec<String>, Option<u64>, usize) {
        let mut l = JsonlLines::new(io::BufReader::with_capacity(4, bytes));
        let mut out = Vec::new();
        while let Some((n, t)) = l.next_line().unwrap() {
            assert_eq!(n, out.len() + 1);
            out.push(t);
        }
        (out, l.bad_utf8, l.nuls)
    }

    #[test]
    fn streamed_lines_split_and_decode_as_the_whole_file_reader_does() {
        // (input, lines, first bad byte, NULs): the same as `jsonl::lines` after `decode_text`.
        type Row<'a> = (&'a [u8], &'a [&'a str], Option<u64>, usize);
        let rows: &[Row] = &[
            (
                b"a\nb\r\nc\rd\r\r\ne",
                &["a", "b", "c", "d", "", "e"],
                None,
                0,
            ),
            (b"", &[], None, 0),
            (b"x\n", &["x"], None, 0),
            (b"x\r", &["x"], None, 0),
            (b"x\r\r", &["x", ""], None, 0),
            (b"\n\n", &["", ""], None, 0),
            (b"\xEF\xBB\xBFa\nb", &["a", "b"], None, 0),
            (
                b"ok\nb\xFFd\n\xFF",
                &["ok", "b\u{FFFD}d", "\u{FFFD}"],
                Some(4),
                0,
            ),
            (b"\xEF\xBB\xBF\xFF", &["\u{FFFD}"], Some(3), 0),
            (b"a\0b\n\0", &["a b", " "], None, 2),
        ];
        for &(input, want, bad, nuls) in rows {
            let (got, b, n) = lines_of(input);
            assert_eq!(got, want, "{input:?}");
            assert_eq!((b, n), (bad, nuls), "{input:?}");
        }
    }
}
