//! End-to-end robustness of the command line (issue 16): exit codes, safe writes with `-o`,
//! escaped messages and the browser's exit after a signal. Every run has a time limit, so nothing
//! here can hang CI.

use std::io::Read;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::time::{Duration, Instant};

const LIMIT: Duration = Duration::from_secs(60);

/// The binary under test; `DATELINE_TEST_BIN` runs these tests against another build (such as an
/// older release, to see which of them it fails).
fn bin() -> Command {
    let path = std::env::var_os("DATELINE_TEST_BIN")
        .unwrap_or_else(|| env!("CARGO_BIN_EXE_dateline").into());
    let mut c = Command::new(path);
    c.current_dir(std::env::temp_dir())
        .stdin(Stdio::null())
        .env_remove("DATELINE_ASSETS");
    c
}

/// Waits for `child` at most `limit`, killing it (and failing the test) past that.
fn wait_limited(child: &mut Child, limit: Duration) -> ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("waiting for dateline") {
            return status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("dateline did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Runs dateline with `args`, capturing its output, within the time limit.
fn run(args: &[&str]) -> Output {
    let mut child = bin()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run dateline");
    // Read both pipes on threads so a full pipe cannot block the child.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let t_out = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let t_err = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    let status = wait_limited(&mut child, LIMIT);
    Output {
        status,
        stdout: t_out.join().unwrap(),
        stderr: t_err.join().unwrap(),
    }
}

fn fixture(rel: &str) -> String {
    format!("{}/tests/fixtures/{rel}", env!("CARGO_MANIFEST_DIR"))
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A folder with one short article, `a.txt`.
fn one_article() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    std::fs::write(
        &a,
        "Officials met in Geneva on 14 March 2025. “We are close,” said Maria Lopez.\n",
    )
    .unwrap();
    (dir, a)
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
#[ignore = "slow: the full suite runs it (cargo test -- --include-ignored, as CI does)"]
fn exit_codes_name_each_kind_of_failure() {
    let (dir, a) = one_article();
    let out = dir.path().join("out.json");
    let cases: Vec<(Vec<String>, i32, &str)> = vec![
        (vec!["export".into(), s(&a).into()], 0, ""),
        (
            vec!["export".into(), "/definitely/not/here".into()],
            1,
            "no articles could be read",
        ),
        (
            vec!["export".into(), "--date".into(), "14/03/2025".into()],
            2,
            "invalid date",
        ),
        (
            vec!["export".into(), s(&a).into(), "-o".into(), s(&a).into()],
            2,
            "one of the input files",
        ),
        (
            vec![
                "export".into(),
                s(&a).into(),
                "-o".into(),
                s(&dir.path().join("missing/out.json")).into(),
            ],
            74,
            "No such file or directory",
        ),
        (
            vec![
                "export".into(),
                s(&a).into(),
                "-o".into(),
                "/dev/full".into(),
            ],
            74,
            "No space left on device",
        ),
        (
            vec![
                "export".into(),
                s(&a).into(),
                "-o".into(),
                s(dir.path()).into(),
            ],
            74,
            "writing",
        ),
    ];
    for (args, code, message) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = run(&args);
        assert_eq!(o.status.code(), Some(code), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(message), "{args:?}: {}", stderr(&o));
    }
    // A read-only file is refused (also for root, whom the permission bits do not stop).
    std::fs::write(&out, "precious").unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o444)).unwrap();
    let o = run(&["export", s(&a), "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(74), "{}", stderr(&o));
    assert!(stderr(&o).contains("read-only"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "precious");
    let mode = std::fs::metadata(&out).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o444);
    // Standard output on a full disk.
    let mut child = bin()
        .args(["export", s(&a)])
        .stdout(
            std::fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .unwrap(),
        )
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    assert_eq!(wait_limited(&mut child, LIMIT).code(), Some(74));
}

/// `dateline export -o /dev/stdout | head` ends like `dateline export | head`: the reader that
/// closed the pipe early is no error.
#[test]
#[ignore = "slow: the full suite runs it (cargo test -- --include-ignored, as CI does)"]
fn a_closed_pipe_on_dev_stdout_is_like_plain_stdout() {
    let (_dir, a) = one_article();
    for args in [
        vec!["export", s(&a)],
        vec!["export", s(&a), "-o", "/dev/stdout"],
        vec!["export", s(&a), "-o", "/proc/self/fd/1"],
        vec!["export", s(&a), "-o", "-"],
    ] {
        let mut child = bin()
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader is gone before anything is written: every write meets a closed pipe.
        drop(child.stdout.take());
        let mut err = String::new();
        let status = wait_limited(&mut child, LIMIT);
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        assert_eq!(status.code(), Some(0), "{args:?}: {err}");
        assert!(!err.contains("Broken pipe"), "{args:?}: {err}");
    }
    // `/dev/stdout` redirected to a file is written through the stream, not renamed over.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("redirected.json");
    let mut child = bin()
        .args(["export", s(&a), "-o", "/dev/stdout"])
        .stdout(std::fs::File::create(&file).unwrap())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    assert_eq!(wait_limited(&mut child, LIMIT).code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(v["format"], "dateline/1");
    assert!(
        std::fs::symlink_metadata("/dev/stdout")
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

/// Inputs are never modified: `-o` onto an input is refused with exit code 2, however the input is
/// named (directly, inside a folder given as input, through a link or a hard link).
#[test]
#[ignore = "slow: the full suite runs it (cargo test -- --include-ignored, as CI does)"]
fn output_onto_an_input_is_refused() {
    let (dir, a) = one_article();
    let feed = dir.path().join("feed.jsonl");
    std::fs::write(
        &feed,
        "{\"id\":\"x\",\"text\":\"Talks resumed on Monday.\"}\n",
    )
    .unwrap();
    let alias = dir.path().join("alias.json");
    std::os::unix::fs::symlink(&a, &alias).unwrap();
    let hard = dir.path().join("hard.json");
    std::fs::hard_link(&feed, &hard).unwrap();
    let folder = s(dir.path()).to_string();
    let dotted = format!("{folder}/./a.txt");
    let cases: [(&str, &str); 5] = [
        (s(&a), s(&a)),
        (&folder, s(&feed)),
        (s(&a), s(&alias)),
        (s(&feed), s(&hard)),
        (s(&a), &dotted),
    ];
    for (input, output) in cases {
        let o = run(&["export", input, "-o", output]);
        assert_eq!(
            o.status.code(),
            Some(2),
            "{input} -o {output}: {}",
            stderr(&o)
        );
        assert!(stderr(&o).contains("input"), "{}", stderr(&o));
    }
    assert!(
        std::fs::read_to_string(&a)
            .unwrap()
            .starts_with("Officials met")
    );
    assert!(
        std::fs::read_to_string(&feed)
            .unwrap()
            .contains("Talks resumed")
    );
    assert!(
        std::fs::symlink_metadata(&alias)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    // An export beside the articles, in the folder given as input, is no input: written.
    let out = dir.path().join("timeline.json");
    for _ in 0..2 {
        let o = run(&["export", &folder, "-o", s(&out)]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
}

/// The temporary file is created exclusively under a random name: a symlink planted at the name
/// dateline once used (`.out.json.PID.tmp`) is never followed, and never becomes the output.
#[test]
#[ignore = "slow: the full suite runs it (cargo test -- --include-ignored, as CI does)"]
fn a_symlink_planted_at_the_temporary_name_is_not_followed() {
    let (dir, a) = one_article();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "do not touch").unwrap();
    let out = dir.path().join("out.json");
    for _ in 0..3 {
        let mut child = bin()
            .args(["export", s(&a), "-o", s(&out)])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Loading the word lists takes far longer than planting the link.
        let planted = dir.path().join(format!(".out.json.{}.tmp", child.id()));
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        assert_eq!(wait_limited(&mut child, LIMIT).code(), Some(0));
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "do not touch");
        assert!(
            std::fs::symlink_metadata(&out).unwrap().is_file(),
            "out.json is a file"
        );
        let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
        assert_eq!(v["format"], "dateline/1");
        assert_eq!(std::fs::read_link(&planted).unwrap(), victim);
        std::fs::remove_file(&planted).unwrap();
    }
}

/// A replaced file keeps its permission bits; a link named with `-o` is replaced by the export
/// and the file it pointed to is left alone.
#[test]
#[ignore = "slow: the full suite runs it (cargo test -- --include-ignored, as CI does)"]
fn replaced_files_keep_their_mode_and_links_are_not_followed() {
    let (dir, a) = one_article();
    let out = dir.path().join("out.json");
    std::fs::write(&out, "old").unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o640)).unwrap();
    let o = run(&["export", s(&a), "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let m = std::fs::metadata(&out).unwrap();
    assert_eq!(m.permissions().mode() & 0o777, 0o640);
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("dateline/1")
    );

    let elsewhere = dir.path().join("elsewhere.json");
    std::fs::write(&elsewhere, "someone else's").unwrap();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
    let o = run(&["export", s(&a), "-o", s(&link)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(&elsewhere).unwrap(),
        "someone else's"
    );
    assert!(std::fs::symlink_metadata(&link).unwrap().is_file());
    assert_eq!(
        files_in(dir.path()),
        ["a.txt", "elsewhere.json", "link.json", "out.json"]
    );
}

/// Enough articles that writing their export takes a while, even for a debug build.
fn big_input(dir: &Path) -> PathBuf {
    let feed = dir.join("feed.jsonl");
    let text = "On 14 March 2025 the ministers met in Geneva. “We are closer than ever,” said \
                Maria Lopez, the mediator, adding that talks resume on April 2. ";
    let mut lines = String::new();
    for i in 0..1500 {
        let body = text.repeat(6);
        lines.push_str(&format!(
            "{{\"id\":\"a{i}\",\"date\":\"2025-03-{:02}\",\"text\":\"{body}\"}}\n",
            1 + i % 28
        ));
    }
    std::fs::write(&feed, lines).unwrap();
    feed
}

/// SIGINT or SIGTERM while the export is written removes the temporary file and exits with
/// 128 + the signal's number; the old output stays as it was.
#[test]
#[ignore = "slow: the full suite runs it (cargo test -- --include-ignored, as CI does)"]
fn a_signal_during_the_write_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let feed = big_input(dir.path());
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let out = out_dir.join("out.json");
    std::fs::write(&out, "previous export").unwrap();
    let mut interrupted = 0;
    for (attempt, sig) in [libc::SIGINT, libc::SIGTERM, libc::SIGINT, libc::SIGTERM]
        .into_iter()
        .cycle()
        .take(8)
        .enumerate()
    {
        let mut child = bin()
            .args(["export", s(&feed), "--pretty", "-o", s(&out)])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let start = Instant::now();
        let mut sent = false;
        while child.try_wait().unwrap().is_none() && start.elapsed() < LIMIT {
            if files_in(&out_dir).iter().any(|n| n.ends_with(".tmp")) {
                // SAFETY: kill(2) on the pid of a child not yet waited for.
                unsafe { libc::kill(child.id() as i32, sig) };
                sent = true;
                break;
            }
            std::thread::sleep(Duration::from_micros(200));
        }
        let status = wait_limited(&mut child, LIMIT);
        assert_eq!(files_in(&out_dir), ["out.json"], "attempt {attempt}");
        if sent && status.code() == Some(128 + sig) {
            interrupted += 1;
            assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous export");
        } else {
            // The write won the race: a whole export, and no signal death either.
            assert!(
                status.code() == Some(0) || status.signal().is_none(),
                "{status:?}"
            );
            std::fs::write(&out, "previous export").unwrap();
        }
        if interrupted >= 2 {
            break;
        }
    }
    assert!(interrupted >= 1, "no attempt caught the write under way");
}

/// A file name with control characters, and article text in a message, print escaped: no escape
/// sequence reaches the terminal from a warning.
#[test]
fn control_characters_in_messages_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let evil = dir.path().join("title\x1b]0;pwned\x07\x1b[2J.txt");
    std::fs::write(&evil, "").unwrap();
    let feed = dir.path().join("feed\u{9b}31m.jsonl");
    std::fs::write(
        &feed,
        "{\"id\":\"ok\",\"text\":\"Talks resumed.\"}\n{\"text\":\"x\",\"date\":\"\\u001b[2J\\u0007\"}\n{\"text\":\n",
    )
    .unwrap();
    let missing = dir.path().join("gone\x1b[31m.txt");
    let o = run(&["export", s(dir.path()), s(&missing)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        !err.chars()
            .any(|c| (c.is_control() && c != '\n') || c == '\u{9b}'),
        "{err:?}"
    );
    assert!(err.contains("title\\x1b]0;pwned\\x07\\x1b[2J.txt"), "{err}");
    assert!(err.contains("gone\\x1b[31m.txt"), "{err}");
    assert!(err.contains("feed\\u{9b}31m.jsonl"), "{err}");
    // Clap's own messages, such as an unknown option, are escaped too.
    let o = run(&["export", "--\x1b[2J"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!stderr(&o).contains('\x1b'), "{:?}", stderr(&o));
}

/// The browser on a pseudo-terminal ends with 128 + the signal's number after SIGINT, SIGTERM or
/// SIGHUP, with the terminal restored.
#[test]
fn the_browser_exits_128_plus_the_signal() {
    for sig in [libc::SIGTERM, libc::SIGHUP, libc::SIGINT] {
        let (master, slave) = open_pty();
        let mut child = bin()
            .arg(fixture("corpus"))
            .stdin(slave.try_clone().unwrap())
            .stdout(slave.try_clone().unwrap())
            .stderr(slave)
            .spawn()
            .unwrap();
        let screen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let reader = {
            let screen = screen.clone();
            let mut master = master;
            std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                while let Ok(n) = master.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    screen.lock().unwrap().extend_from_slice(&buf[..n]);
                }
            })
        };
        // Wait for the alternate screen, then signal.
        let start = Instant::now();
        while !contains(&screen.lock().unwrap(), b"\x1b[?1049h") {
            assert!(start.elapsed() < LIMIT, "the browser did not start");
            std::thread::sleep(Duration::from_millis(10));
        }
        // SAFETY: kill(2) on the pid of a child not yet waited for.
        unsafe { libc::kill(child.id() as i32, sig) };
        let status = wait_limited(&mut child, LIMIT);
        assert_eq!(status.code(), Some(128 + sig), "signal {sig}");
        let start = Instant::now();
        while !contains(&screen.lock().unwrap(), b"\x1b[?1049l") && start.elapsed() < LIMIT {
            std::thread::sleep(Duration::from_millis(10));
        }
        assert!(
            contains(&screen.lock().unwrap(), b"\x1b[?1049l"),
            "the terminal was restored"
        );
        drop(reader);
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// A pseudo-terminal of 100×30: (master, slave).
fn open_pty() -> (std::fs::File, std::fs::File) {
    use std::os::fd::FromRawFd;
    // SAFETY: plain libc calls on descriptors this function owns; each result is checked.
    unsafe {
        let master = libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY);
        assert!(master >= 0, "posix_openpt");
        assert_eq!(libc::grantpt(master), 0);
        assert_eq!(libc::unlockpt(master), 0);
        let mut name = [0 as libc::c_char; 128];
        assert_eq!(libc::ptsname_r(master, name.as_mut_ptr(), name.len()), 0);
        let size = libc::winsize {
            ws_row: 30,
            ws_col: 100,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        libc::ioctl(master, libc::TIOCSWINSZ, &size);
        let slave = libc::open(name.as_ptr(), libc::O_RDWR | libc::O_NOCTTY);
        assert!(slave >= 0, "opening the pty's slave");
        (
            std::fs::File::from_raw_fd(master),
            std::fs::File::from_raw_fd(slave),
        )
    }
}
