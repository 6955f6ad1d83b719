//! Finding and opening input files: folders walked without recursion in sorted order, each real
//! folder once; only regular files are opened, and every read stops at a size cap.
//!
//! A folder is known by its device and inode rather than by `canonicalize`, which resolves every
//! component of the path and so costs time quadratic in the depth of a folder tree.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::{Diagnostic, Format};

/// A file to read (with the folder it was found under), or a problem met while walking.
pub enum Item {
    File(PathBuf, PathBuf),
    Problem(Diagnostic),
}

pub(crate) fn problem(path: &Path, message: String) -> Diagnostic {
    Diagnostic {
        path: path.display().to_string(),
        line: None,
        message,
        skipped: true,
    }
}

/// Every input file under `paths`, in order: files as given, folders depth first in sorted order.
pub fn collect(paths: &[PathBuf]) -> Vec<Item> {
    let mut items = Vec::new();
    let mut seen = HashSet::new();
    for root in paths {
        match std::fs::metadata(root) {
            Ok(m) if m.is_dir() => walk(root, &mut seen, &mut items),
            Ok(m) if m.is_file() => items.push(Item::File(
                root.clone(),
                root.parent().map(Path::to_path_buf).unwrap_or_default(),
            )),
            Ok(m) => items.push(Item::Problem(not_regular(root, &m))),
            Err(e) => items.push(Item::Problem(problem(root, e.to_string()))),
        }
    }
    items
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

/// The identity of a folder: device and inode where there are such, else the canonical path.
#[derive(Hash, PartialEq, Eq)]
enum DirKey {
    #[cfg(unix)]
    Inode(u64, u64),
    #[cfg_attr(unix, allow(dead_code))]
    Path(PathBuf),
}

fn dir_key(dir: &Path, meta: &std::fs::Metadata) -> Option<DirKey> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = dir;
        Some(DirKey::Inode(meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        std::fs::canonicalize(dir).ok().map(DirKey::Path)
    }
}

fn walk(root: &Path, seen: &mut HashSet<DirKey>, items: &mut Vec<Item>) {
    // One frame per open folder: its entries still to visit, last first. Visiting them in sorted
    // order, folders where they sort, gives the order of a recursive walk without its stack depth.
    let mut frames: Vec<Vec<(PathBuf, Option<std::fs::FileType>)>> = Vec::new();
    enter(root, seen, items, &mut frames);
    while let Some(frame) = frames.last_mut() {
        let Some((child, ty)) = frame.pop() else {
            frames.pop();
            continue;
        };
        // The entry's own type needs no extra system call; only symlinks are followed.
        let ty = match ty {
            Some(t) if !t.is_symlink() => t,
            _ => match std::fs::metadata(&child) {
                Ok(m) => m.file_type(),
                Err(e) => {
                    if Format::of(&child).is_some() {
                        items.push(Item::Problem(problem(&child, e.to_string())));
                    }
                    continue;
                }
            },
        };
        if ty.is_dir() {
            enter(&child, seen, items, &mut frames);
        } else if Format::of(&child).is_some() && !is_documentation(&child) {
            if ty.is_file() {
                items.push(Item::File(child, root.to_path_buf()));
            } else {
                items.push(Item::Problem(problem(
                    &child,
                    format!("not a regular file ({}), skipped", kind_name(ty)),
                )));
            }
        }
    }
}

/// Lists a folder not seen before onto `frames`.
fn enter(
    dir: &Path,
    seen: &mut HashSet<DirKey>,
    items: &mut Vec<Item>,
    frames: &mut Vec<Vec<(PathBuf, Option<std::fs::FileType>)>>,
) {
    let Ok(meta) = std::fs::metadata(dir) else {
        return;
    };
    let Some(key) = dir_key(dir, &meta) else {
        return;
    };
    if !seen.insert(key) {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            items.push(Item::Problem(problem(dir, e.to_string())));
            return;
        }
    };
    let mut children: Vec<(std::ffi::OsString, Option<std::fs::FileType>)> = entries
        .filter_map(|e| e.ok().map(|e| (e.file_name(), e.file_type().ok())))
        .filter(|(n, _)| !n.to_str().is_some_and(|n| n.starts_with('.')))
        .collect();
    // Reverse order: the frame is popped from its end. Siblings differ in their last component
    // only, so comparing names gives `Path`'s order without splitting every path into components
    // (which was a tenth of reopening a cached archive of 44,000 files).
    children.sort_unstable_by(|a, b| b.0.cmp(&a.0));
    frames.push(
        children
            .into_iter()
            .map(|(name, ty)| (dir.join(name), ty))
            .collect(),
    );
}

fn not_regular(path: &Path, m: &std::fs::Metadata) -> Diagnostic {
    problem(
        path,
        format!("not a regular file ({}), skipped", kind_name(m.file_type())),
    )
}

fn kind_name(t: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() {
        "a folder"
    } else {
        "a special file"
    }
}

/// The bytes of a regular file, at most `cap` of them; `true` when the file was longer.
///
/// The file is opened without blocking (a FIFO put in a regular file's place after the walk would
/// otherwise wait forever for a writer) and its type is checked on the open handle, so nothing but
/// a regular file is ever read.
pub fn read_capped(path: &Path, cap: u64) -> Result<(Vec<u8>, bool), String> {
    read_capped_meta(path, cap).map(|(bytes, cut, _)| (bytes, cut))
}

/// `read_capped`, with the metadata of the handle it read through (taken before reading, so a
/// change made while it reads shows as a change the next time).
pub(crate) fn read_capped_meta(
    path: &Path,
    cap: u64,
) -> Result<(Vec<u8>, bool, std::fs::Metadata), String> {
    let (file, meta) = open_regular(path)?;
    let hint = meta.len().min(cap) as usize;
    let mut buf = Vec::with_capacity(hint.saturating_add(1));
    file.take(cap.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|e| e.to_string())?;
    let cut = buf.len() as u64 > cap;
    if cut {
        buf.truncate(cap as usize);
    }
    Ok((buf, cut, meta))
}

/// A regular file opened for reading the way `read_capped` opens it (without blocking, its type
/// checked on the handle), for readers that stream it.
pub fn open_regular(path: &Path) -> Result<(std::fs::File, std::fs::Metadata), String> {
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = opts.open(path).map_err(|e| e.to_string())?;
    let meta = file.metadata().map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err(format!(
            "not a regular file ({}), skipped",
            kind_name(meta.file_type())
        ));
    }
    Ok((file, meta))
}
