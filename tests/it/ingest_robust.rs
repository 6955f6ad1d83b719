//! Ingest against hostile input: special files (FIFOs, devices), read caps, duplicate ids, byte
//! order marks and line endings, NULs, Markdown rules, deep folders, pathological web pages.
//! Nothing here may hang: every read that could block runs in a thread or process with a deadline.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use chrono::NaiveDate;
use dateline::ingest::{IngestOptions, Ingested, ingest_paths};

fn day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, bytes).unwrap();
    p
}

/// Ingests in a thread and fails the test, rather than hanging it, after `secs`.
fn ingest_within(paths: Vec<PathBuf>, secs: u64) -> Ingested {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(ingest_paths(&paths, &IngestOptions::default()));
    });
    rx.recv_timeout(Duration::from_secs(secs))
        .expect("ingest did not finish in time: a read blocked")
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().unwrap().success();
    assert!(ok, "mkfifo failed");
}

#[cfg(unix)]
#[test]
fn fifos_and_devices_are_warnings_not_hangs() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    mkfifo(&fifo);
    let good = write(dir.path(), "good.txt", b"Fine.");
    // Given by name, and found in a folder.
    let got = ingest_within(
        vec![
            fifo.clone(),
            PathBuf::from("/dev/zero"),
            dir.path().to_path_buf(),
        ],
        20,
    );
    let ids: Vec<&str> = got.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["good"]);
    let msgs: Vec<String> = got.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(msgs.len(), 3, "{msgs:?}");
    assert!(
        msgs[0].ends_with("pipe.txt: not a regular file (a FIFO), skipped"),
        "{msgs:?}"
    );
    assert!(
        msgs[1].ends_with("/dev/zero: not a regular file (a character device), skipped"),
        "{msgs:?}"
    );
    assert!(
        msgs[2].ends_with("pipe.txt: not a regular file (a FIFO), skipped"),
        "{msgs:?}"
    );
    let _ = good;
}

/// A regular file swapped for a FIFO between the folder walk and the read: the open must not
/// block and the file type is checked on the open handle.
#[cfg(unix)]
#[test]
fn a_file_replaced_by_a_fifo_after_the_walk_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("swap.txt");
    mkfifo(&p);
    let (tx, rx) = mpsc::channel();
    let q = p.clone();
    std::thread::spawn(move || {
        let _ = tx.send(dateline::ingest::read_file(&q));
    });
    let got = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("opening a FIFO blocked");
    let err = got.unwrap_err();
    assert_eq!(err, "not a regular file (a FIFO), skipped");
}

/// The binary, given a FIFO and /dev/zero, exits promptly with the warnings (run with a deadline,
/// killed if it hangs).
#[cfg(unix)]
#[test]
#[ignore = "slow: the full suite runs it (cargo test -- --include-ignored, as CI does)"]
fn export_does_not_hang_on_special_files() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("f.jsonl");
    mkfifo(&fifo);
    let good = write(dir.path(), "a.txt", b"Talks resumed on Friday.");
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .arg("export")
        .arg(&fifo)
        .arg("/dev/zero")
        .arg(&good)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("dateline export hung on a FIFO or /dev/zero");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("f.jsonl: not a regular file (a FIFO)"),
        "{err}"
    );
    assert!(
        err.contains("/dev/zero: not a regular file (a character device)"),
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["documents"].as_array().unwrap().len(), 1);
}

#[test]
fn reads_stop_at_the_cap() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "big.txt", &vec![b'a'; 10_000]);
    let (bytes, cut) = dateline::ingest::read_file_capped(&p, 4096).unwrap();
    assert_eq!((bytes.len(), cut), (4096, true));
    let (bytes, cut) = dateline::ingest::read_file_capped(&p, 10_000).unwrap();
    assert_eq!((bytes.len(), cut), (10_000, false));
}

#[test]
fn duplicate_jsonl_ids_come_out_unique() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "dups.jsonl",
        b"{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\":\"a\",\"text\":\"Two.\"}\n{\"id\":\"a~2\",\"text\":\"Three.\"}\n",
    );
    let got = ingest_within(vec![p], 20);
    let ids: Vec<&str> = got.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a", "a~3", "a~2"]);
}

#[test]
fn byte_order_marks_line_endings_and_nuls() {
    let dir = tempfile::tempdir().unwrap();
    let utf16 = |text: &str, le: bool| {
        let mut b = if le {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for u in text.encode_utf16() {
            b.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        b
    };
    let mut nul_late = vec![b'x'; 9000];
    nul_late.extend(b"\0 tail.");
    let files = vec![
        write(
            dir.path(),
            "bom.jsonl",
            b"\xEF\xBB\xBF{\"id\":\"bom1\",\"date\":\"2025-03-14\",\"text\":\"First line.\"}\n{\"id\":\"bom2\",\"text\":\"Second.\"}\n",
        ),
        write(
            dir.path(),
            "cr.jsonl",
            b"{\"id\":\"cr1\",\"text\":\"One.\"}\r{\"id\":\"cr2\",\"text\":\"Two.\"}\r",
        ),
        write(
            dir.path(),
            "cr.txt",
            b"---\rtitle: Old Mac\rdate: 2025-03-14\r---\rBody line.\rSecond line.",
        ),
        write(
            dir.path(),
            "le.txt",
            &utf16("---\ntitle: Little\ndate: 2025-03-14\n---\nCafé talks.", true),
        ),
        write(dir.path(), "be.md", &utf16("Big-endian text, naïve.", false)),
        write(dir.path(), "nul.txt", &nul_late),
    ];
    let got = ingest_within(files, 20);
    let ids: Vec<&str> = got.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["bom1", "bom2", "cr1", "cr2", "cr", "le", "be", "nul"]);
    let d = &got.documents;
    assert_eq!(
        (d[0].published, d[0].text.as_str()),
        (day("2025-03-14"), "First line.")
    );
    assert_eq!(d[3].text, "Two.");
    assert_eq!(d[4].title.as_deref(), Some("Old Mac"));
    assert_eq!(d[4].published, day("2025-03-14"));
    assert_eq!(d[4].text, "Body line.\rSecond line.");
    assert_eq!(d[5].title.as_deref(), Some("Little"));
    assert_eq!(d[5].text, "Café talks.");
    assert_eq!(d[6].text, "Big-endian text, naïve.");
    assert!(!d[7].text.contains('\0'));
    assert_eq!(d[7].text.len(), 9007);
    let msgs: Vec<String> = got.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(
        msgs[0].ends_with("nul.txt: 1 NUL byte(s) replaced by spaces"),
        "{msgs:?}"
    );
}

/// 2,000 nested folders: the walk makes a bounded number of system calls per folder (it used to
/// resolve every component of every folder's path: 500,500 `readlink` calls at 1,000 levels).
/// Counted with strace where it is installed.
#[cfg(target_os = "linux")]
#[test]
#[ignore = "slow: the full suite runs it (cargo test -- --include-ignored, as CI does)"]
fn deep_folders_take_linear_work() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = dir.path().to_path_buf();
    let levels = 1500;
    for _ in 0..levels {
        p.push("d");
    }
    std::fs::create_dir_all(&p).unwrap();
    write(&p, "deep.txt", b"At the bottom.");
    let got = ingest_within(vec![dir.path().to_path_buf()], 60);
    assert_eq!(got.documents.len(), 1);
    assert_eq!(got.documents[0].text, "At the bottom.");
    let Ok(out) = Command::new("strace")
        .args([
            "-f",
            "-c",
            "-o",
            "/dev/stdout",
            "-e",
            "trace=readlink,readlinkat,lstat,newfstatat,statx,stat,openat,getdents64",
        ])
        .arg(env!("CARGO_BIN_EXE_dateline"))
        .args(["export", "--jobs", "1", "-o", "/dev/null"])
        .arg(dir.path())
        .stderr(Stdio::null())
        .output()
    else {
        eprintln!("strace not installed: system calls not counted");
        return;
    };
    let report = String::from_utf8_lossy(&out.stdout);
    let total: u64 = report
        .lines()
        .filter(|l| l.trim_end().ends_with("total"))
        .filter_map(|l| l.split_whitespace().nth(2).and_then(|n| n.parse().ok()))
        .next()
        .unwrap_or_else(|| panic!("no strace total in {report}"));
    assert!(
        total < 20 * levels as u64,
        "{total} file system calls for {levels} levels:\n{report}"
    );
}

/// Pages that made extractors hang or crawl: deep nesting, a huge flat page, unclosed tags.
#[test]
#[ignore = "slow: the full suite runs it (cargo test -- --include-ignored, as CI does)"]
fn pathological_pages_finish() {
    let dir = tempfile::tempdir().unwrap();
    let deep = format!(
        "<html><body>{}<p>Deep text that is long enough to be an article body for once.</p>{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let spans = format!(
        "<p>{}deep{}</p>",
        "<span>".repeat(50_000),
        "</span>".repeat(50_000)
    );
    let unclosed = "<html><body><div><p>Unclosed <b>bold <i>italic <table><tr><td>cell".to_string();
    let files = vec![
        write(dir.path(), "deep.html", deep.as_bytes()),
        write(dir.path(), "spans.html", spans.as_bytes()),
        write(dir.path(), "unclosed.html", unclosed.as_bytes()),
        write(dir.path(), "empty.html", b""),
        write(
            dir.path(),
            "binaryish.html",
            b"\x00\x01\x02<html>\xff\xfe</html>",
        ),
    ];
    let got = ingest_within(files, 120);
    let deep = got
        .documents
        .iter()
        .find(|d| d.id == "deep")
        .expect("deep page read");
    assert!(deep.text.contains("Deep text"), "{:?}", deep.text);
    assert!(deep.warnings.iter().any(|w| w.contains("nested more than")));
}
