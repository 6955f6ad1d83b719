//! The cache of earlier runs, so that reopening an archive costs a read instead of an extraction.
//!
//! One file per set of articles in the XDG cache folder (`$XDG_CACHE_HOME/dateline`, else
//! `~/.cache/dateline`; `$DATELINE_CACHE_DIR` moves it), named by the corpus key: a hash of every
//! article's key (its text and publication date), the word lists in force and the dateline build.
//! It holds each article's extraction record and a snapshot of the assembled corpus:
//!
//! - the same articles again: the snapshot is read and checked against them (nothing extracted);
//! - some articles changed: the records of the others are taken from the newest cache files and
//!   only the changed articles go through the pipeline, then the corpus is assembled again.
//!
//! File layout: records, snapshot, footer (postcard), then footer length, footer checksum and
//! the magic bytes. Every section carries an xxh3 checksum; a file that is damaged, truncated,
//! foreign or of another build is ignored with a warning and replaced, never trusted. Files are
//! written through `fsutil::write_atomic`, and the folder is held under a size cap
//! (`$DATELINE_CACHE_MB`, default 2048) by removing the least recently used files.

mod files;
mod record;
mod snapshot;

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::corpus::Lexicon;
use crate::corpus::{Corpus, KnownExtractions, Source};
use crate::extract::pipeline::Extraction;
use crate::fasthash::FastMap;
use crate::ids::DocId;
use crate::ingest::{Diagnostic, FileRead};
use crate::model::Document;
use crate::shard::record::XRecord;

const MAGIC: &[u8; 8] = b"DLCACHE1";
/// Bumped whenever the layout or a stored type changes.
const LAYOUT: u32 = 6;
const EXT: &str = "dlc";
/// Bytes after the footer: its length, its checksum, the magic.
const TAIL: usize = 24;
/// Default size cap of the cache folder.
const DEFAULT_CAP_MB: u64 = 2048;
/// Cache files read for reusable records when the corpus changed (the newest first).
const MAX_SOURCES: usize = 4;

/// Everything a file is keyed by besides its articles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    layout: u32,
    version: String,
    /// The running binary's size and modification time: a rebuilt dateline starts afresh.
    build: u64,
    lists: u64,
}

#[derive(Serialize, Deserialize)]
struct Footer {
    stamp: Stamp,
    corpus: u128,
    docs: u64,
    snapshot: Section,
    /// (article key, section), in no particular order.
    records: Vec<(u128, Section)>,
    /// The source key (`files::source_key`) of the table of files, when there is one.
    source: u128,
    /// The table of files (`files`): what each input file gave, beside its metadata.
    files: Option<Section>,
}

#[derive(Clone, Copy, Serialize, Deserialize)]
struct Section {
    offset: u64,
    len: u64,
    checksum: u64,
}

/// The cache folder, if one can be named.
pub fn dir() -> Option<PathBuf> {
    let var = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    var("DATELINE_CACHE_DIR")
        .or_else(|| var("XDG_CACHE_HOME").map(|d| d.join("dateline")))
        .or_else(|| var("HOME").map(|h| h.join(".cache").join("dateline")))
}

fn cap_bytes() -> u64 {
    std::env::var("DATELINE_CACHE_MB")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(DEFAULT_CAP_MB)
        .saturating_mul(1 << 20)
}

fn build_id() -> u64 {
    let meta = std::env::current_exe().and_then(std::fs::metadata);
    let (len, modified) = match meta {
        Ok(m) => (
            m.len(),
            m.modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos()),
        ),
        Err(_) => (0, 0),
    };
    xxhash_rust::xxh3::xxh3_64(format!("{len}:{modified}").as_bytes())
}

/// What an article's extraction depends on: its text and its publication date.
pub fn article_key(d: &Document) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    let day = d
        .published
        .map_or(i32::MIN, |p| chrono::Datelike::num_days_from_ce(&p));
    h.update(&day.to_le_bytes());
    h.update(d.text.as_bytes());
    h.digest128()
}

fn corpus_key(stamp: &Stamp, keys: &[u128]) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(&postcard::to_stdvec(stamp).unwrap_or_default());
    for k in keys {
        h.update(&k.to_le_bytes());
    }
    h.digest128()
}

fn checksum(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// Builds the corpus of `documents`, reusing and then updating the cache. Cache problems are
/// warnings among the corpus's diagnostics; without a usable folder it simply builds.
pub fn build(
    documents: Vec<Document>,
    diagnostics: Vec<Diagnostic>,
    lex: &Lexicon,
    lists: u64,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Corpus {
    let Some(dir) = dir() else {
        return Corpus::build(documents, diagnostics, lex, progress);
    };
    let stamp = Stamp {
        layout: LAYOUT,
        version: env!("CARGO_PKG_VERSION").into(),
        build: build_id(),
        lists,
    };
    build_in(
        &dir,
        &stamp,
        cap_bytes(),
        documents,
        diagnostics,
        lex,
        progress,
    )
    .0
}

/// Reads the articles of `source` and builds their corpus, reusing and then updating the cache:
/// files whose metadata is as the cache's table of files recorded are not even opened (`files`).
/// Problems met before reading come first in `diagnostics`; `progress` is called with (0, total)
/// once the articles are known, then as `build` calls it.
pub fn load(
    source: &Source,
    diagnostics: Vec<Diagnostic>,
    lex: &Lexicon,
    lists: u64,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Corpus {
    let dir = dir();
    let (Some(dir), false) = (dir, source.paths.is_empty()) else {
        let ingested = source.ingest();
        let mut diagnostics = diagnostics;
        diagnostics.extend(ingested.diagnostics);
        progress(0, ingested.documents.len());
        return build(ingested.documents, diagnostics, lex, lists, progress);
    };
    let stamp = Stamp {
        layout: LAYOUT,
        version: env!("CARGO_PKG_VERSION").into(),
        build: build_id(),
        lists,
    };
    let start = std::time::SystemTime::now();
    load_in(
        &dir,
        &stamp,
        cap_bytes(),
        source,
        start,
        diagnostics,
        lex,
        progress,
    )
    .0
}

/// `load` in the cache folder `dir`, for a load that started at `start` (the time files must be
/// older than to be trusted next time).
#[allow(clippy::too_many_arguments)]
fn load_in(
    dir: &Path,
    stamp: &Stamp,
    cap: u64,
    source: &Source,
    start: std::time::SystemTime,
    mut diagnostics: Vec<Diagnostic>,
    lex: &Lexicon,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> (Corpus, Stats) {
    let skey = files::source_key(stamp, source);
    let table = files::Table::open(dir, stamp, skey, &mut diagnostics);
    let (ingested, reads) = crate::ingest::ingest_files(
        &source.paths,
        &source.options,
        Some(&|path, meta| table.reuse(path, meta)),
    );
    diagnostics.extend(ingested.diagnostics);
    let documents = ingested.documents;
    progress(0, documents.len());
    // The keys of the files given back are the table's; only the files read are hashed.
    let mut keys: Vec<Option<u128>> = Vec::with_capacity(documents.len());
    let mut trusted = 0;
    for r in &reads {
        match table
            .keys(&r.path)
            .filter(|k| r.reused && k.len() == r.documents)
        {
            Some(k) => {
                trusted += 1;
                keys.extend(k.iter().copied().map(Some));
            }
            None => keys.extend(std::iter::repeat_n(None, r.documents)),
        }
    }
    drop(table);
    let keys: Vec<u128> = if keys.len() == documents.len() {
        documents
            .par_iter()
            .zip(keys)
            .map(|(d, k)| k.unwrap_or_else(|| article_key(d)))
            .collect()
    } else {
        documents.par_iter().map(article_key).collect()
    };
    let out = TableOut {
        source: skey,
        files: reads,
        start,
    };
    let (corpus, stats) = build_keyed(
        dir,
        stamp,
        cap,
        documents,
        keys,
        diagnostics,
        lex,
        progress,
        Some(out),
    );
    (corpus, Stats { trusted, ..stats })
}

/// What the cache file of a load from files records about them (`files`).
struct TableOut {
    source: u128,
    files: Vec<FileRead>,
    start: std::time::SystemTime,
}

/// What a cached build did, for tests and benchmarks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// The whole corpus came from a snapshot.
    pub snapshot: bool,
    /// Articles whose records came from the cache.
    pub reused: usize,
    /// Articles that went through the pipeline.
    pub extracted: usize,
    /// Input files taken from the table of files unopened, their metadata unchanged.
    pub trusted: usize,
}

fn warning(path: &Path, message: String) -> Diagnostic {
    Diagnostic {
        path: path.display().to_string(),
        line: None,
        message,
        skipped: false,
    }
}

fn build_in(
    dir: &Path,
    stamp: &Stamp,
    cap: u64,
    documents: Vec<Document>,
    diagnostics: Vec<Diagnostic>,
    lex: &Lexicon,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> (Corpus, Stats) {
    let keys: Vec<u128> = documents.par_iter().map(article_key).collect();
    build_keyed(
        dir,
        stamp,
        cap,
        documents,
        keys,
        diagnostics,
        lex,
        progress,
        None,
    )
}

/// `build_in` for documents whose article keys are `keys`, writing the table of files `table`
/// (when given) into the cache file it writes.
#[allow(clippy::too_many_arguments)]
fn build_keyed(
    dir: &Path,
    stamp: &Stamp,
    cap: u64,
    documents: Vec<Document>,
    keys: Vec<u128>,
    mut diagnostics: Vec<Diagnostic>,
    lex: &Lexicon,
    progress: &(dyn Fn(usize, usize) + Sync),
    table: Option<TableOut>,
) -> (Corpus, Stats) {
    let key = corpus_key(stamp, &keys);
    let path = dir.join(format!("{key:032x}.{EXT}"));
    let total = documents.len();
    let mut documents = Some(documents);
    if path.exists() {
        match open(&path, stamp, key, total)
            .and_then(|(f, footer)| read_large_section(&f, footer.snapshot))
        {
            Ok(snap) => match snapshot::read(&snap, documents.take().unwrap_or_default()) {
                Ok(mut corpus) => {
                    touch(&path);
                    progress(total, total);
                    diagnostics.append(&mut corpus.diagnostics);
                    corpus.diagnostics = diagnostics;
                    let stats = Stats {
                        snapshot: true,
                        ..Stats::default()
                    };
                    return (corpus, stats);
                }
                Err((e, back)) => {
                    // A snapshot that does not fit is built afresh from the articles it gave back.
                    diagnostics.push(warning(&path, format!("cache file ignored: {e}")));
                    documents = Some(back);
                }
            },
            Err(e) => diagnostics.push(warning(&path, format!("cache file ignored: {e}"))),
        }
    }
    let documents = documents.unwrap_or_default();
    let sources = Sources::find(dir, stamp, &path, &keys, &mut diagnostics);
    let spill = match Spill::create(dir) {
        Ok(s) => Some(s),
        Err(e) => {
            diagnostics.push(warning(dir, format!("cache not written: {e}")));
            None
        }
    };
    let known = Known {
        keys: &keys,
        sources,
        spill,
        reused: AtomicUsize::new(0),
        extracted: AtomicUsize::new(0),
    };
    let mut corpus = Corpus::build_with(documents, Vec::new(), lex, progress, Some(&known));
    diagnostics.append(&mut corpus.diagnostics);
    if let Some(spill) = &known.spill {
        let files = table.as_ref().map(|t| (t, keys.as_slice()));
        match spill.finish(&path, stamp, key, &corpus, files) {
            Ok(()) => {
                if let Some(t) = &table
                    && let Err(e) = files::write_pointer(dir, t.source, key)
                {
                    diagnostics.push(warning(dir, format!("cache not written: {e}")));
                }
            }
            Err(e) => diagnostics.push(warning(&path, format!("cache not written: {e}"))),
        }
    }
    evict(dir, &path, cap);
    corpus.diagnostics = diagnostics;
    let stats = Stats {
        snapshot: false,
        reused: known.reused.into_inner(),
        extracted: known.extracted.into_inner(),
        trusted: 0,
    };
    (corpus, stats)
}

fn invalid(msg: impl Into<String>) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, msg.into())
}

/// Opens a cache file and checks its footer: magic, checksum and stamp (and, when `key` is given,
/// the corpus and article count).
fn open_any(path: &Path) -> io::Result<(File, Footer)> {
    let mut f = File::open(path)?;
    let len = f.metadata()?.len();
    if len < TAIL as u64 {
        return Err(invalid("truncated"));
    }
    f.seek(SeekFrom::End(-(TAIL as i64)))?;
    let mut tail = [0u8; TAIL];
    f.read_exact(&mut tail)?;
    if &tail[16..] != MAGIC {
        return Err(invalid("not a dateline cache file"));
    }
    let flen = u64::from_le_bytes(tail[..8].try_into().unwrap_or_default());
    let fsum = u64::from_le_bytes(tail[8..16].try_into().unwrap_or_default());
    if flen > len - TAIL as u64 {
        return Err(invalid("truncated"));
    }
    f.seek(SeekFrom::Start(len - TAIL as u64 - flen))?;
    let mut buf = vec![0u8; flen as usize];
    f.read_exact(&mut buf)?;
    if checksum(&buf) != fsum {
        return Err(invalid("damaged (checksum)"));
    }
    // The stamp comes first in every layout: a file of another layout, whose footer has other
    // fields, is another dateline's, not a damaged one (no warning for it).
    let (stamp, _) =
        postcard::take_from_bytes::<Stamp>(&buf).map_err(|e| invalid(e.to_string()))?;
    if stamp.layout != LAYOUT {
        return Err(io::Error::new(
            io::ErrorKind::Unsupported,
            "made by another dateline",
        ));
    }
    let footer: Footer = postcard::from_bytes(&buf).map_err(|e| invalid(e.to_string()))?;
    let body = len - TAIL as u64 - flen;
    let fits = |s: &Section| s.offset.checked_add(s.len).is_some_and(|end| end <= body);
    if !fits(&footer.snapshot) || !footer.records.iter().all(|(_, s)| fits(s)) {
        return Err(invalid("damaged (sections)"));
    }
    Ok((f, footer))
}

fn open(path: &Path, stamp: &Stamp, key: u128, docs: usize) -> io::Result<(File, Footer)> {
    let (f, footer) = open_any(path)?;
    if &footer.stamp != stamp || footer.corpus != key || footer.docs != docs as u64 {
        return Err(invalid("made by another dateline or for other articles"));
    }
    Ok((f, footer))
}

/// A large section (the snapshot, the table of files) of a file this thread alone reads: read into
/// memory that is not zeroed first (zeroing and then overwriting 270 MB cost a tenth of the
/// instructions of reopening 100 MB of articles).
fn read_large_section(f: &File, s: Section) -> io::Result<Vec<u8>> {
    let len = usize::try_from(s.len).map_err(|_| invalid("damaged (sections)"))?;
    let mut buf = Vec::with_capacity(len);
    huge_pages(&mut buf);
    let mut r = f;
    r.seek(SeekFrom::Start(s.offset))?;
    r.take(s.len).read_to_end(&mut buf)?;
    if buf.len() != len {
        return Err(invalid("truncated"));
    }
    if checksum(&buf) != s.checksum {
        return Err(invalid("damaged (checksum)"));
    }
    Ok(buf)
}

/// Asks the kernel to back the (empty, unread) buffer with huge pages where it can: filling
/// 270 MB of fresh memory page by page was 66,000 page faults, a quarter of a reopen's time.
/// Advice only: without transparent huge pages nothing changes.
#[cfg(target_os = "linux")]
fn huge_pages(buf: &mut Vec<u8>) {
    const HUGE: usize = 2 << 20;
    let spare = buf.spare_capacity_mut();
    let start = spare.as_mut_ptr() as usize;
    let aligned = start.next_multiple_of(HUGE);
    let end = (start + spare.len()) / HUGE * HUGE;
    if end > aligned {
        // SAFETY: the range lies within this vector's own allocation, which no one reads or
        // writes during the call; MADV_HUGEPAGE changes how the pages are backed, not their
        // contents (still unwritten, so nothing is lost either way).
        unsafe {
            libc::madvise(
                aligned as *mut libc::c_void,
                end - aligned,
                libc::MADV_HUGEPAGE,
            );
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn huge_pages(_: &mut Vec<u8>) {}

fn read_section(f: &File, s: Section) -> io::Result<Vec<u8>> {
    let mut buf = vec![0u8; s.len as usize];
    read_at(f, &mut buf, s.offset)?;
    if checksum(&buf) != s.checksum {
        return Err(invalid("damaged (checksum)"));
    }
    Ok(buf)
}

#[cfg(unix)]
fn read_at(f: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(f, buf, offset)
}

#[cfg(not(unix))]
fn read_at(f: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    let mut f = f.try_clone()?;
    f.seek(SeekFrom::Start(offset))?;
    f.read_exact(buf)
}

/// Marks a file as just used, for eviction.
fn touch(path: &Path) {
    if let Ok(f) = File::options().append(true).open(path) {
        let _ = f.set_modified(std::time::SystemTime::now());
    }
}

/// Older cache files whose records can stand in for extraction.
struct Sources {
    files: Vec<File>,
    /// Article key → (file, section).
    index: FastMap<u128, (usize, Section)>,
}

impl Sources {
    fn find(
        dir: &Path,
        stamp: &Stamp,
        skip: &Path,
        keys: &[u128],
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Sources {
        let mut sources = Sources {
            files: Vec::new(),
            index: FastMap::default(),
        };
        let wanted: rustc_hash::FxHashSet<u128> = keys.iter().copied().collect();
        for (path, _, _) in cache_files(dir).into_iter().take(MAX_SOURCES * 4) {
            if sources.files.len() == MAX_SOURCES || sources.index.len() == wanted.len() {
                break;
            }
            if path == skip {
                continue;
            }
            match open_any(&path) {
                Ok((f, footer)) if footer.stamp == *stamp => {
                    let n = sources.files.len();
                    let mut useful = false;
                    for (k, s) in footer.records {
                        if wanted.contains(&k) && !sources.index.contains_key(&k) {
                            sources.index.insert(k, (n, s));
                            useful = true;
                        }
                    }
                    if useful {
                        sources.files.push(f);
                    }
                }
                Ok(_) => {}
                // Removed since it was listed (another run's eviction), or another dateline's: not
                // damage.
                Err(e)
                    if matches!(
                        e.kind(),
                        io::ErrorKind::NotFound | io::ErrorKind::Unsupported
                    ) => {}
                Err(e) => diagnostics.push(warning(&path, format!("cache file ignored: {e}"))),
            }
        }
        sources
    }

    fn get(&self, key: u128) -> Option<(Vec<u8>, Section)> {
        let &(file, s) = self.index.get(&key)?;
        read_section(&self.files[file], s).ok().map(|b| (b, s))
    }
}

/// Records written while the corpus builds, before the file they end up in exists.
struct Spill {
    path: PathBuf,
    inner: Mutex<SpillInner>,
}

struct SpillInner {
    out: BufWriter<File>,
    written: u64,
    records: Vec<(u128, Section)>,
    failed: Option<io::Error>,
}

impl Spill {
    fn create(dir: &Path) -> io::Result<Spill> {
        std::fs::create_dir_all(dir)?;
        let path = dir.join(format!(".{}.{:x}.spill", std::process::id(), rand_suffix()));
        let file = File::options()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)?;
        let out = BufWriter::with_capacity(1 << 20, file);
        Ok(Spill {
            path,
            inner: Mutex::new(SpillInner {
                out,
                written: 0,
                records: Vec::new(),
                failed: None,
            }),
        })
    }

    /// Adds the record that `write` writes, streamed (never held whole in memory).
    fn add_with(&self, key: u128, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) {
        let Ok(mut s) = self.inner.lock() else {
            return;
        };
        if s.failed.is_some() {
            return;
        }
        let offset = s.written;
        let mut out = Summed::new(&mut s.out);
        let result = write(&mut out).and_then(|()| out.finish());
        match result {
            Ok((len, checksum)) => {
                s.written += len;
                s.records.push((
                    key,
                    Section {
                        offset,
                        len,
                        checksum,
                    },
                ));
            }
            // Part of it may be in the file: nothing more is added and the file is not written.
            Err(e) => s.failed = Some(e),
        }
    }

    fn add(&self, key: u128, bytes: &[u8]) {
        let Ok(mut s) = self.inner.lock() else {
            return;
        };
        if s.failed.is_some() {
            return;
        }
        let section = Section {
            offset: s.written,
            len: bytes.len() as u64,
            checksum: checksum(bytes),
        };
        match s.out.write_all(bytes) {
            Ok(()) => {
                s.written += bytes.len() as u64;
                s.records.push((key, section));
            }
            Err(e) => s.failed = Some(e),
        }
    }

    /// Writes the cache file: the spilled records, the snapshot of `corpus`, the footer.
    fn finish(
        &self,
        path: &Path,
        stamp: &Stamp,
        key: u128,
        corpus: &Corpus,
        files: Option<(&TableOut, &[u128])>,
    ) -> io::Result<()> {
        let spill_path = self.path.clone();
        let result = (|| {
            let mut guard = self
                .inner
                .lock()
                .map_err(|_| io::Error::other("a worker failed"))?;
            let inner = &mut *guard;
            if let Some(e) = inner.failed.take() {
                return Err(e);
            }
            inner.out.flush()?;
            let spilled = inner.out.get_mut();
            spilled.seek(SeekFrom::Start(0))?;
            let written = inner.written;
            let records = std::mem::take(&mut inner.records);
            crate::fsutil::write_atomic(path, |w| {
                let copied = io::copy(&mut (&mut *spilled).take(written), w)?;
                if copied != written {
                    return Err(invalid("spill file shorter than written"));
                }
                // Streamed: the snapshot is never held whole in memory (issue 16.2).
                let mut out = Summed::new(w);
                snapshot::write(corpus, &mut out)?;
                let (len, sum) = out.finish()?;
                let snapshot = Section {
                    offset: written,
                    len,
                    checksum: sum,
                };
                let mut table = None;
                if let Some((t, keys)) = files {
                    let mut out = Summed::new(w);
                    files::write(&mut out, &t.files, &corpus.documents, keys, t.start)?;
                    let (tlen, tsum) = out.finish()?;
                    table = Some(Section {
                        offset: written + len,
                        len: tlen,
                        checksum: tsum,
                    });
                }
                let footer = Footer {
                    stamp: stamp.clone(),
                    corpus: key,
                    docs: corpus.documents.len() as u64,
                    snapshot,
                    records,
                    source: files.map_or(0, |(t, _)| t.source),
                    files: table,
                };
                let footer =
                    postcard::to_stdvec(&footer).map_err(|e| io::Error::other(e.to_string()))?;
                w.write_all(&footer)?;
                w.write_all(&(footer.len() as u64).to_le_bytes())?;
                w.write_all(&checksum(&footer).to_le_bytes())?;
                w.write_all(MAGIC)
            })
        })();
        let _ = std::fs::remove_file(&spill_path);
        result
    }
}

/// A writer that counts and checksums what passes through it (the footer names the snapshot's
/// length and checksum, known only once it is written), buffering the small writes postcard makes.
struct Summed<'a> {
    inner: &'a mut dyn Write,
    buf: Vec<u8>,
    hash: xxhash_rust::xxh3::Xxh3,
    len: u64,
}

impl<'a> Summed<'a> {
    const CHUNK: usize = 64 << 10;

    fn new(inner: &'a mut dyn Write) -> Self {
        Summed {
            inner,
            buf: Vec::with_capacity(Self::CHUNK),
            hash: xxhash_rust::xxh3::Xxh3::new(),
            len: 0,
        }
    }

    fn drain(&mut self) -> io::Result<()> {
        self.hash.update(&self.buf);
        self.len += self.buf.len() as u64;
        let result = self.inner.write_all(&self.buf);
        self.buf.clear();
        result
    }

    /// Writes what is buffered; the bytes written in all and their checksum.
    fn finish(mut self) -> io::Result<(u64, u64)> {
        self.drain()?;
        Ok((self.len, self.hash.digest()))
    }
}

impl Write for Summed<'_> {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.write_all(data)?;
        Ok(data.len())
    }

    fn write_all(&mut self, data: &[u8]) -> io::Result<()> {
        if self.buf.len() + data.len() > Self::CHUNK {
            self.drain()?;
        }
        self.buf.extend_from_slice(data);
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.drain()?;
        self.inner.flush()
    }
}

impl Drop for Spill {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

fn rand_suffix() -> u64 {
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    xxhash_rust::xxh3::xxh3_64(&t.to_le_bytes())
}

/// The cache's view of the build: records of unchanged articles in, new records out.
struct Known<'a> {
    keys: &'a [u128],
    sources: Sources,
    spill: Option<Spill>,
    reused: AtomicUsize,
    extracted: AtomicUsize,
}

impl KnownExtractions for Known<'_> {
    fn get(&self, id: DocId, _doc: &Document) -> Option<Extraction> {
        let key = *self.keys.get(id.index())?;
        let (bytes, _) = self.sources.get(key)?;
        let record: XRecord = postcard::from_bytes(&bytes).ok()?;
        self.reused.fetch_add(1, Ordering::Relaxed);
        if let Some(spill) = &self.spill {
            spill.add(key, &bytes);
        }
        Some(record.into_extraction())
    }

    fn computed(&self, id: DocId, _doc: &Document, x: &Extraction) {
        self.extracted.fetch_add(1, Ordering::Relaxed);
        if let (Some(spill), Some(&key)) = (&self.spill, self.keys.get(id.index())) {
            spill.add_with(key, |w| record::write(x, w));
        }
    }
}

/// The cache files of `dir` as (path, modified, size), the most recently used first.
fn cache_files(dir: &Path) -> Vec<(PathBuf, std::time::SystemTime, u64)> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<_> = rd
        .filter_map(Result::ok)
        .filter_map(|e| {
            let path = e.path();
            let m = e.metadata().ok()?;
            (m.is_file() && path.extension().is_some_and(|x| x == EXT))
                .then(|| (path, m.modified().unwrap_or(std::time::UNIX_EPOCH), m.len()))
        })
        .collect();
    files.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    files
}

/// Removes the least recently used files past the size cap (never `keep`), and spill files that
/// a killed run left behind more than an hour ago.
fn evict(dir: &Path, keep: &Path, cap: u64) {
    let mut used = 0u64;
    for (path, _, size) in cache_files(dir) {
        used = used.saturating_add(size);
        if used > cap && path != keep {
            let _ = std::fs::remove_file(&path);
        }
    }
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.filter_map(Result::ok) {
            let path = e.path();
            let old = e
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age.as_secs() > 3600);
            if old && path.extension().is_some_and(|x| x == "spill" || x == "tmp") {
                let _ = std::fs::remove_file(&path);
            }
            // A pointer to a table of files whose cache file is gone.
            if path.extension().is_some_and(|x| x == files::SOURCE_EXT)
                && files::pointed(&path).is_none_or(|f| !f.exists())
            {
                let _ = std::fs::remove_file(&path);
            }
        }
    }
}

#[cfg(test)]
mod tests;
