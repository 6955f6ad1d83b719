//! End-to-end: the `dateline export` command as a user runs it.

use std::process::{Command, Output};

use serde_json::Value;

fn dateline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .current_dir(std::env::temp_dir())
        .output()
        .expect("run dateline")
}

fn fixture(rel: &str) -> String {
    format!("{}/tests/fixtures/{rel}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn export_without_paths_prints_the_bundled_seed() {
    let out = dateline(&["export"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["format"], "dateline/1");
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["published"], "2025-11-20");
    let body = std::fs::read_to_string(fixture("seed-000.body.txt")).unwrap();
    assert_eq!(docs[0]["text"], body.as_str());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn export_to_a_file_and_to_stdout_agree() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.json");
    let out = dateline(&["export", &fixture("corpus"), "-o", path.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    let file: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let stdout: Value =
        serde_json::from_slice(&dateline(&["export", &fixture("corpus"), "-o", "-"]).stdout)
            .unwrap();
    assert_eq!(file, stdout);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary files left"
    );
}

#[test]
fn bad_inputs_are_named_and_the_rest_is_exported() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.jsonl");
    std::fs::write(&feed, "{\"id\":\"ok\",\"text\":\"Fine.\"}\n{broken\n").unwrap();
    let missing = dir.path().join("nope.txt");
    let out = dateline(&[
        "export",
        feed.to_str().unwrap(),
        missing.to_str().unwrap(),
        "--date",
        "2025-01-02",
    ]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("feed.jsonl:2: invalid JSON"), "{stderr}");
    assert!(stderr.contains("nope.txt"), "{stderr}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["documents"][0]["id"], "ok");
    assert_eq!(v["documents"][0]["published"], "2025-01-02");
    assert_eq!(v["documents"][0]["date_basis"], "flag");
}

#[test]
fn nothing_readable_is_an_error_and_bad_flags_are_refused() {
    let out = dateline(&["export", "/definitely/not/here"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no articles could be read"));
    let out = dateline(&["export", "--date", "20/11/2025"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid date"));
    let out = dateline(&["export", "--jobs", "0"]);
    assert_eq!(out.status.code(), Some(2));
}

/// `--jobs` is refused at parse time outside 1 to 256, in the export and the browser alike, before
/// any thread starts (`--jobs 100000` once started 100,000 threads).
#[test]
#[ignore = "slow: the full suite runs it (cargo test -- --include-ignored, as CI does)"]
fn jobs_outside_one_to_the_cap_are_refused_at_once() {
    let cases: [(&[&str], &str); 6] = [
        (&["export", "--jobs", "0"], "at least 1 worker thread"),
        (&["export", "--jobs", "257"], "257 is too many"),
        (&["export", "--jobs", "100000"], "100000 is too many"),
        (
            &["export", "-j", "18446744073709551615"],
            "18446744073709551615 is too many",
        ),
        (&["export", "--jobs", "many"], "from 1 to 256"),
        (&["--jobs", "100000"], "100000 is too many"),
    ];
    for (args, message) in cases {
        let out = dateline(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    let out = dateline(&["export", "--jobs", "256"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
