//! The table of files: what each input file gave (its documents, their keys, its problems) beside
//! its metadata when it was read, so that a reopen trusts an unchanged file without opening it.
//!
//! Opening and reading 44,000 article files again, only to hash them and find them unchanged, was a
//! third of the instructions of reopening 100 MB, and most of its system time (issue 18). Like
//! git's index, a file is taken as unchanged when its size, modification and change times (in
//! nanoseconds), inode and device are those recorded; any difference, a same-size rewrite
//! included, reads it again (and, through the article keys, extracts only it again).
//!
//! The "racy" case: a file written in the same tick of the file system's clock as it was read can
//! change without its times changing. So a file is recorded as trusted only when both its times
//! are strictly older than the start of the load that read it, less `RACY_SLACK` for file systems
//! with coarse clocks; any other file is read again on every reopen (until a later cache write
//! finds it old enough). A change made after the start of the load gets times at least that new,
//! so it always shows.
//!
//! The table is one section of the cache file (`Footer::files`), found from the paths through a
//! pointer file named by the source key (`SOURCE_EXT`): the stamp, the working folder, the paths as
//! given and the ingest options. It is checksummed like every other section, and a damaged or
//! foreign table is ignored with a warning.

use std::fs::Metadata;
use std::io::{self, Write};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::{Footer, Stamp};
use crate::corpus::Source;
use crate::fasthash::FastMap;
use crate::ingest::{Diagnostic, FileRead, Loaded};
use crate::model::Document;
use crate::shard::record::Doc;

/// The pointer from a source to the cache file holding its table.
pub(super) const SOURCE_EXT: &str = "dlp";
const POINTER_MAGIC: &[u8; 8] = b"DLSRC001";

/// How much older than the load's start a file's times must be to be trusted: the coarsest
/// timestamps of common file systems (FAT keeps two seconds) and the lag of the kernel's coarse
/// clock, which stamps files, behind the one `SystemTime::now` reads.
pub(super) const RACY_SLACK: Duration = Duration::from_secs(2);

/// What a file's metadata must still be for the file to be trusted unchanged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Stat {
    len: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
    ino: u64,
    dev: u64,
}

impl Stat {
    pub(super) fn of(m: &Metadata) -> Stat {
        Stat {
            len: m.len(),
            mtime: (m.mtime(), m.mtime_nsec()),
            ctime: (m.ctime(), m.ctime_nsec()),
            ino: m.ino(),
            dev: m.dev(),
        }
    }

    /// Both times strictly older than `start` less `RACY_SLACK`: a later change cannot keep them.
    fn settled(&self, start: SystemTime) -> bool {
        let Some(limit) = start
            .checked_sub(RACY_SLACK)
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        else {
            return false;
        };
        let limit = (limit.as_secs() as i64, i64::from(limit.subsec_nanos()));
        self.mtime < limit && self.ctime < limit
    }
}

/// A problem as stored.
#[derive(Serialize, Deserialize)]
struct Diag {
    path: String,
    line: Option<u64>,
    message: String,
    skipped: bool,
}

/// One file of the table: where it is, what it was, and what it gave.
#[derive(Serialize, Deserialize)]
struct Entry {
    path: String,
    stat: Stat,
    long_id: String,
    diagnostics: Vec<Diag>,
    /// Its documents, with their ids as the file gave them (made unique across the corpus later).
    docs: Vec<Doc>,
    keys: Vec<u128>,
}

/// The source key: what names a table besides the files themselves.
pub(super) fn source_key(stamp: &Stamp, source: &Source) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(b"source\0");
    h.update(&postcard::to_stdvec(stamp).unwrap_or_default());
    let cwd = std::env::current_dir().unwrap_or_default();
    h.update(cwd.as_os_str().as_encoded_bytes());
    h.update(b"\0");
    for p in &source.paths {
        h.update(p.as_os_str().as_encoded_bytes());
        h.update(b"\0");
    }
    let day = source
        .options
        .default_date
        .map_or(i32::MIN, |d| chrono::Datelike::num_days_from_ce(&d));
    h.update(&day.to_le_bytes());
    h.digest128()
}

fn pointer_path(dir: &Path, source: u128) -> PathBuf {
    dir.join(format!("{source:032x}.{SOURCE_EXT}"))
}

/// The corpus key the pointer file of `source` names, if it is there and whole.
fn read_pointer(path: &Path) -> Option<u128> {
    let bytes = std::fs::read(path).ok()?;
    let (key, rest) = bytes.split_first_chunk::<16>()?;
    let (sum, magic) = rest.split_first_chunk::<8>()?;
    (magic == POINTER_MAGIC && u64::from_le_bytes(*sum) == super::checksum(key))
        .then(|| u128::from_le_bytes(*key))
}

/// Points `source` at the cache file of corpus `key`.
pub(super) fn write_pointer(dir: &Path, source: u128, key: u128) -> io::Result<()> {
    let key = key.to_le_bytes();
    crate::fsutil::write_atomic(&pointer_path(dir, source), |w| {
        w.write_all(&key)?;
        w.write_all(&super::checksum(&key).to_le_bytes())?;
        w.write_all(POINTER_MAGIC)
    })
}

/// The cache file a pointer file names, for eviction: None when it cannot be read.
pub(super) fn pointed(pointer: &Path) -> Option<PathBuf> {
    let key = read_pointer(pointer)?;
    Some(pointer.with_file_name(format!("{key:032x}.{}", super::EXT)))
}

/// What the table gives to the files still as they were.
struct Slot {
    stat: Stat,
    loaded: Mutex<Option<Loaded>>,
    keys: Vec<u128>,
}

/// The table of an earlier load of the same source, ready to give back unchanged files.
#[derive(Default)]
pub(super) struct Table {
    slots: FastMap<String, Slot>,
}

impl Table {
    /// The table of `source`, if an earlier load wrote one. A missing one is no problem; a damaged
    /// or foreign one is a warning.
    pub(super) fn open(
        dir: &Path,
        stamp: &Stamp,
        source: u128,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Table {
        let Some(key) = read_pointer(&pointer_path(dir, source)) else {
            return Table::default();
        };
        let path = dir.join(format!("{key:032x}.{}", super::EXT));
        let read = || -> io::Result<Table> {
            let (f, footer): (_, Footer) = super::open_any(&path)?;
            match footer.files {
                Some(files) if footer.stamp == *stamp && footer.source == source => {
                    let bytes = super::read_large_section(&f, files)?;
                    Table::decode(&bytes).map_err(super::invalid)
                }
                _ => Ok(Table::default()),
            }
        };
        match read() {
            Ok(t) => t,
            // Evicted since, or another dateline's: nothing to say.
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::NotFound | io::ErrorKind::Unsupported
                ) =>
            {
                Table::default()
            }
            Err(e) => {
                diagnostics.push(super::warning(
                    &path,
                    format!("cache file ignored (table of files): {e}"),
                ));
                Table::default()
            }
        }
    }

    /// The files it holds.
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.slots.len()
    }

    pub(super) fn decode(bytes: &[u8]) -> Result<Table, String> {
        let (n, mut rest) = postcard::take_from_bytes::<u64>(bytes).map_err(|e| e.to_string())?;
        let mut slots = FastMap::default();
        // Every entry takes bytes: a damaged count cannot ask for more room than the section has.
        slots.reserve((n as usize).min(rest.len()));
        for _ in 0..n {
            let (e, more) = postcard::take_from_bytes::<Entry>(rest).map_err(|e| e.to_string())?;
            rest = more;
            if e.keys.len() != e.docs.len() {
                return Err("damaged (table of files)".into());
            }
            let loaded = Loaded {
                documents: e.docs.into_iter().map(Document::from).collect(),
                diagnostics: e
                    .diagnostics
                    .into_iter()
                    .map(|d| Diagnostic {
                        path: d.path,
                        line: d.line.map(|l| l as usize),
                        message: d.message,
                        skipped: d.skipped,
                    })
                    .collect(),
                long_id: e.long_id,
            };
            slots.insert(
                e.path,
                Slot {
                    stat: e.stat,
                    loaded: Mutex::new(Some(loaded)),
                    keys: e.keys,
                },
            );
        }
        if !rest.is_empty() {
            return Err("damaged (table of files)".into());
        }
        Ok(Table { slots })
    }

    /// What the file at `path` gave before, when its metadata `now` is as recorded (each file
    /// once).
    pub(super) fn reuse(&self, path: &Path, now: &Metadata) -> Option<Loaded> {
        let slot = self.slots.get(path.to_str()?)?;
        if slot.stat != Stat::of(now) {
            return None;
        }
        slot.loaded.lock().ok()?.take()
    }

    /// The article keys of the documents a file gave back.
    pub(super) fn keys(&self, path: &Path) -> Option<&[u128]> {
        Some(&self.slots.get(path.to_str()?)?.keys)
    }
}

/// Writes the table of `files` (as `ingest_files` met them; their documents are those of
/// `documents`, in order, whose article keys are `keys`) to `w`. Only files whose metadata settled
/// before `start` go in (`Stat::settled`); the others will be read again.
pub(super) fn write(
    w: &mut dyn Write,
    files: &[FileRead],
    documents: &[Document],
    keys: &[u128],
    start: SystemTime,
) -> io::Result<()> {
    let mut at = 0usize;
    let mut kept = Vec::with_capacity(files.len());
    for f in files {
        let range = at..at + f.documents;
        at = range.end;
        let Some(meta) = &f.meta else { continue };
        let stat = Stat::of(meta);
        if stat.settled(start) && f.path.to_str().is_some() && range.end <= documents.len() {
            kept.push((f, stat, range));
        }
    }
    if at != documents.len() || keys.len() != documents.len() {
        return Err(io::Error::other(
            "the table of files does not fit the corpus",
        ));
    }
    postcard::to_io(&(kept.len() as u64), &mut *w).map_err(io::Error::other)?;
    for (f, stat, range) in kept {
        let docs = documents[range.clone()]
            .iter()
            .zip(&f.ids)
            .map(|(d, id)| {
                let mut d = Doc::from(d);
                d.id.clone_from(id);
                d
            })
            .collect();
        let entry = Entry {
            path: f.path.to_str().unwrap_or_default().to_owned(),
            stat,
            long_id: f.long_id.clone(),
            diagnostics: f
                .diagnostics
                .iter()
                .map(|d| Diag {
                    path: d.path.clone(),
                    line: d.line.map(|l| l as u64),
                    message: d.message.clone(),
                    skipped: d.skipped,
                })
                .collect(),
            docs,
            keys: keys[range].to_vec(),
        };
        postcard::to_io(&entry, &mut *w).map_err(io::Error::other)?;
    }
    Ok(())
}
