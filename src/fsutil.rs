//! File output: every file dateline writes is written atomically and safely (see README "Safe writes").
//!
//! A regular file is written into a temporary file created exclusively, under a random name, in
//! the target's folder (`tempfile`, so a symlink planted there is never followed), given the
//! target's permissions, and renamed over the target; readers never see half a file and a failure
//! leaves the old file as it was. Devices and pipes (`-o /dev/null`, a FIFO) are written in place,
//! and a path that is this process's own standard output or error is written through that stream.
//! On SIGINT, SIGTERM or SIGHUP the temporary files being written are removed
//! (`remove_temporaries_on_signals`). Two entry points differ on a symbolic link at the path:
//! `write_output`, for a path the user names (`-o`), replaces the link; `write_atomic`, for the
//! files dateline chooses (config, saved state, cache), follows it.

use std::fs::{File, Metadata, Permissions};
use std::io::{self, BufWriter, Write};
use std::os::fd::AsFd;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, Once};

/// A file's identity: device and inode, whatever names lead to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FileId {
    dev: u64,
    ino: u64,
}

impl FileId {
    pub fn of(m: &Metadata) -> FileId {
        FileId {
            dev: m.dev(),
            ino: m.ino(),
        }
    }

    /// The file `path` leads to, following symbolic links.
    pub fn of_path(path: &Path) -> Option<FileId> {
        std::fs::metadata(path).ok().map(|m| FileId::of(&m))
    }

    /// The file open as this process's descriptor `fd` (1: standard output).
    fn of_stream(fd: impl AsFd) -> Option<FileId> {
        let owned = fd.as_fd().try_clone_to_owned().ok()?;
        File::from(owned).metadata().ok().map(|m| FileId::of(&m))
    }
}

/// What `path` names: the link itself (when it is one) and the file it leads to. Writing to `path`
/// touches the first; both are refused when they are inputs.
pub fn identities(path: &Path) -> Vec<FileId> {
    let mut ids: Vec<FileId> = [std::fs::symlink_metadata(path), std::fs::metadata(path)]
        .into_iter()
        .flatten()
        .map(|m| FileId::of(&m))
        .collect();
    ids.dedup();
    ids
}

/// Why an output was not written.
#[derive(Debug)]
pub enum OutputError {
    /// The path names one of the files being read (a usage error: inputs are never modified).
    IsInput,
    Io(io::Error),
}

impl std::fmt::Display for OutputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OutputError::IsInput => {
                f.write_str("it is one of the input files, which are never modified")
            }
            OutputError::Io(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for OutputError {}

impl From<io::Error> for OutputError {
    fn from(e: io::Error) -> Self {
        OutputError::Io(e)
    }
}

/// Writes through `fill` to a file dateline chooses itself (its config, saved state or cache),
/// atomically (see the module's notes). A symbolic link there is followed — a config file linked
/// into a dotfiles folder stays a link and the file it points to is replaced — since the user
/// put it there. Paths the user names with `-o` go through `write_output`, which replaces a link
/// instead.
pub fn write_atomic(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let real = follow_links(path)?;
    match write_output(&real, &|_| false, fill) {
        Ok(()) => Ok(()),
        Err(OutputError::Io(e)) => Err(e),
        Err(OutputError::IsInput) => Err(io::Error::other(OutputError::IsInput)),
    }
}

/// Where a chain of symbolic links from `path` ends (also when the last one dangles).
fn follow_links(path: &Path) -> io::Result<PathBuf> {
    let mut p = path.to_path_buf();
    // The kernel's own limit on links followed in one lookup.
    for _ in 0..40 {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = std::fs::read_link(&p)?;
                p = match p.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                };
            }
            _ => return Ok(p),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Writes through `fill` to `path`, refusing a path that `is_input` says is being read:
///
/// - no file there: a new file (mode 0666 less the umask);
/// - a regular file: replaced atomically, keeping its permission bits (and, where allowed, its
///   owner and group); refused with `PermissionDenied` when it is read-only (no write bit, even
///   for root) or this user may not write it;
/// - a symbolic link to a regular file: the link is replaced by the new file (the user named the
///   link); the file it pointed to is left alone;
/// - a device, FIFO or socket (also through a link): written in place;
/// - this process's standard output or error (`/dev/stdout`, `/proc/self/fd/2`): written to that
///   stream, and a reader that closed the pipe early ends the write without an error, as on
///   plain standard output.
pub fn write_output(
    path: &Path,
    is_input: &dyn Fn(FileId) -> bool,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), OutputError> {
    let link = match std::fs::symlink_metadata(path) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e.into()),
    };
    // A dangling link has no target: it is replaced like any link.
    let target = std::fs::metadata(path).ok();
    if [&link, &target]
        .into_iter()
        .flatten()
        .any(|m| is_input(FileId::of(m)))
    {
        return Err(OutputError::IsInput);
    }
    if let Some(t) = &target {
        if t.is_dir() {
            return Err(io::Error::new(io::ErrorKind::IsADirectory, "is a folder").into());
        }
        let id = Some(FileId::of(t));
        if id == FileId::of_stream(io::stdout()) {
            let stdout = io::stdout();
            return in_place(&mut stdout.lock(), fill);
        }
        if id == FileId::of_stream(io::stderr()) {
            return in_place(&mut io::stderr().lock(), fill);
        }
        if !t.is_file() {
            let file = std::fs::OpenOptions::new().write(true).open(path)?;
            return in_place(&mut BufWriter::new(file), fill);
        }
    }
    let keep = match &link {
        Some(m) if m.is_file() => {
            writable(path, m)?;
            Some(m)
        }
        _ => None,
    };
    replace(path, keep, fill).map_err(OutputError::Io)
}

/// Writes into a stream that is not ours to replace; a closed pipe is the reader's choice.
fn in_place(
    w: &mut dyn Write,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), OutputError> {
    match fill(w).and_then(|()| w.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(OutputError::Io),
    }
}

/// Whether the regular file at `path` may be replaced: not read-only, and writable by this user.
/// The rename would succeed in a writable folder either way, which is how a read-only file was once
/// silently replaced; a shell's `>` would have refused.
fn writable(path: &Path, m: &Metadata) -> io::Result<()> {
    let denied = |why: &str| io::Error::new(io::ErrorKind::PermissionDenied, why.to_string());
    if m.permissions().mode() & 0o222 == 0 {
        return Err(denied("the file is read-only; not replaced"));
    }
    let c_path = std::ffi::CString::new(path.as_os_str().as_encoded_bytes())
        .map_err(|_| denied("the path contains a NUL byte"))?;
    // SAFETY: `c_path` is a valid NUL-terminated string that outlives the call.
    if unsafe { libc::access(c_path.as_ptr(), libc::W_OK) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// Writes a temporary file beside `path` and renames it over `path`, copying `keep`'s permission
/// bits, owner and group when a regular file is being replaced.
fn replace(
    path: &Path,
    keep: Option<&Metadata>,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let mut tmp = {
        // Created and registered under the lock, so a signal can never miss it.
        let mut pending = pending();
        let tmp = tempfile::Builder::new()
            .prefix(&format!(".{name}."))
            .suffix(".tmp")
            // Masked by the umask, as any new file: the mode of a file that did not exist.
            .permissions(Permissions::from_mode(0o666))
            .tempfile_in(dir)?;
        pending.push(tmp.path().to_path_buf());
        tmp
    };
    let tmp_path = tmp.path().to_path_buf();
    let result = (|| {
        if let Some(m) = keep {
            // Exactly the old bits (the umask applied at creation); set-id bits are not carried.
            tmp.as_file()
                .set_permissions(Permissions::from_mode(m.mode() & 0o777))?;
            // Root (or a member of the file's group) keeps the owner and group; others cannot.
            let _ = std::os::unix::fs::fchown(tmp.as_file(), Some(m.uid()), Some(m.gid()));
        }
        let mut w = BufWriter::new(tmp.as_file_mut());
        fill(&mut w)?;
        w.flush()?;
        drop(w);
        tmp.as_file().sync_all()
    })();
    let mut pending = pending();
    let result = result.and_then(|()| tmp.persist(path).map(drop).map_err(|e| e.error));
    // On failure `persist` handed the temporary back and dropping it removed it.
    pending.retain(|p| *p != tmp_path);
    result
}

/// The temporary files being written, for the signal handler to remove.
fn pending() -> MutexGuard<'static, Vec<PathBuf>> {
    static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
    // A panic while holding the lock leaves a list that is still correct.
    PENDING.lock().unwrap_or_else(|e| e.into_inner())
}

/// Makes SIGINT, SIGTERM and SIGHUP remove the temporary files being written and end the process
/// with exit code 128 + the signal's number (130 for Ctrl-C), as a shell reports a process the
/// signal ended. For commands that write files and have no terminal to restore: the browser has
/// its own handling. Called once; later calls do nothing.
pub fn remove_temporaries_on_signals() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    static INSTALLED: Once = Once::new();
    let mut result = Ok(());
    INSTALLED.call_once(|| {
        result = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]).map(|mut s| {
            std::thread::spawn(move || {
                if let Some(sig) = s.forever().next() {
                    // Waits for a rename under way, so a finished file is never removed.
                    let mut pending = pending();
                    for p in pending.drain(..) {
                        let _ = std::fs::remove_file(p);
                    }
                    std::process::exit(128 + sig);
                }
            });
        });
    });
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn replaces_whole_file_and_leaves_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        std::fs::write(&path, "old").unwrap();
        write_atomic(&path, |w| w.write_all(b"new")).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let err = write_atomic(&path, |_| Err(io::Error::other("boom")));
        assert!(err.is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(names(dir.path()), ["out.json"]);
        // Other tests in this process write files at the same time: only this folder's count.
        assert!(!pending().iter().any(|p| p.starts_with(dir.path())));
    }

    #[test]
    fn pipes_and_devices_are_written_in_place_not_replaced() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read(fifo).unwrap())
        };
        write_atomic(&fifo, |w| w.write_all(b"through the pipe")).unwrap();
        assert_eq!(reader.join().unwrap(), b"through the pipe");
        assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
        assert_eq!(names(dir.path()), ["pipe"]);
        write_atomic(Path::new("/dev/null"), |w| w.write_all(b"gone")).unwrap();
        assert!(
            std::fs::metadata("/dev/null")
                .unwrap()
                .file_type()
                .is_char_device()
        );
    }

    #[test]
    fn keeps_the_mode_of_the_file_it_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, |w| w.write_all(b"new")).unwrap();
        let m = std::fs::metadata(&path).unwrap();
        assert_eq!(m.permissions().mode() & 0o777, 0o640);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
    }

    #[test]
    fn a_read_only_file_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        std::fs::write(&path, "precious").unwrap();
        std::fs::set_permissions(&path, Permissions::from_mode(0o444)).unwrap();
        let err = write_atomic(&path, |w| w.write_all(b"new")).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::PermissionDenied);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "precious");
        let m = std::fs::metadata(&path).unwrap();
        assert_eq!(m.permissions().mode() & 0o777, 0o444);
        assert_eq!(names(dir.path()), ["out.json"]);
    }

    #[test]
    fn a_named_link_is_replaced_and_what_it_pointed_to_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "victim").unwrap();
        let out = dir.path().join("out.json");
        std::os::unix::fs::symlink(&victim, &out).unwrap();
        write_output(&out, &|_| false, |w| w.write_all(b"export")).unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "victim");
        assert!(std::fs::symlink_metadata(&out).unwrap().is_file());
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "export");
    }

    #[test]
    fn a_link_to_dateline_s_own_file_is_followed_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let dotfiles = dir.path().join("dotfiles");
        std::fs::create_dir(&dotfiles).unwrap();
        let real = dotfiles.join("config.toml");
        std::fs::write(&real, "old").unwrap();
        let link = dir.path().join("config.toml");
        std::os::unix::fs::symlink("dotfiles/config.toml", &link).unwrap();
        write_atomic(&link, |w| w.write_all(b"new")).unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
        // A dangling link: the file is made where it points.
        std::fs::remove_file(&real).unwrap();
        write_atomic(&link, |w| w.write_all(b"again")).unwrap();
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "again");
        assert_eq!(names(&dotfiles), ["config.toml"]);
    }

    #[test]
    fn an_input_is_refused_by_identity_not_name() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("a.txt");
        std::fs::write(&input, "article").unwrap();
        let alias = dir.path().join("alias.txt");
        std::os::unix::fs::symlink(&input, &alias).unwrap();
        let id = FileId::of_path(&input).unwrap();
        let is_input = |f: FileId| f == id;
        for p in [&input, &alias, &dir.path().join(".").join("a.txt")] {
            let got = write_output(p, &is_input, |w| w.write_all(b"{}"));
            assert!(matches!(got, Err(OutputError::IsInput)), "{p:?}");
        }
        assert_eq!(std::fs::read_to_string(&input).unwrap(), "article");
        let err = write_atomic(dir.path(), |w| w.write_all(b"{}")).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::IsADirectory);
    }
}
