//! End-to-end: `dateline extract` per shard and `dateline assemble` give the bytes of one
//! `dateline export`; the cache gives the same bytes again and survives damage; the filters and
//! formats of `dateline export` on the command line.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Runs dateline with its cache in `cache` (never the user's).
fn run(args: &[&str], cache: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .env("XDG_CACHE_HOME", cache)
        .env_remove("DATELINE_CACHE_DIR")
        .current_dir(std::env::temp_dir())
        .output()
        .expect("run dateline")
}

fn ok(out: &Output) -> &[u8] {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    &out.stdout
}

fn fixture(rel: &str) -> String {
    format!("{}/tests/fixtures/{rel}", env!("CARGO_MANIFEST_DIR"))
}

/// The BBC corpus of the research data, or None (with a message) when it is not beside the
/// repository (`DATELINE_SHARED` names another place).
fn bbc() -> Option<PathBuf> {
    let shared = std::env::var_os("DATELINE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let path = shared.join("data/news-corpus/bbc");
    if path.is_dir() {
        Some(path)
    } else {
        eprintln!("skipped: {} is missing", path.display());
        None
    }
}

/// Extracts `paths` in `n` shards, writes them to files, assembles them and returns the export.
fn sharded(paths: &[&str], extra: &[&str], n: usize, cache: &Path) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let shards: Vec<String> = (1..=n)
        .map(|k| {
            dir.path()
                .join(format!("shard-{k}.jsonl"))
                .display()
                .to_string()
        })
        .collect();
    std::thread::scope(|s| {
        for (k, file) in shards.iter().enumerate() {
            s.spawn(move || {
                let spec = format!("{}/{n}", k + 1);
                let mut args = vec!["extract", "--shard", &spec, "--jobs", "1"];
                args.extend_from_slice(paths);
                args.extend_from_slice(extra);
                let out = run(&args, cache);
                std::fs::write(file, ok(&out)).unwrap();
            });
        }
    });
    let mut args = vec!["assemble"];
    args.extend(shards.iter().map(String::as_str));
    let out = run(&args, cache);
    ok(&out).to_vec()
}

#[test]
#[ignore = "slow: the full suite runs it (cargo test -- --include-ignored, as CI does)"]
fn shards_assemble_to_the_bytes_of_one_export() {
    let cache = tempfile::tempdir().unwrap();
    for (paths, n) in [
        (vec![fixture("corpus")], 2),
        (vec![fixture("export/tricky.jsonl")], 3),
        (vec![fixture("corpus"), fixture("export/tricky.jsonl")], 7),
    ] {
        let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
        let mut args = vec!["export", "--no-cache"];
        args.extend_from_slice(&paths);
        let whole = run(&args, cache.path());
        let assembled = sharded(&paths, &[], n, cache.path());
        assert!(assembled == ok(&whole), "{paths:?} in {n} shards");
    }
}

#[test]
#[ignore = "slow: the full suite runs it (cargo test -- --include-ignored, as CI does)"]
fn bbc_in_shards_assembles_to_the_bytes_of_one_export() {
    let Some(bbc) = bbc() else { return };
    // Two of the five sections (818 articles): real news with its near-copies and shared names,
    // at two fifths of the whole archive's time in a debug build.
    let politics = bbc.join("politics").display().to_string();
    let tech = bbc.join("tech").display().to_string();
    let cache = tempfile::tempdir().unwrap();
    let whole = run(
        &[
            "export",
            &politics,
            &tech,
            "--date",
            "2005-06-01",
            "--no-cache",
        ],
        cache.path(),
    );
    let assembled = sharded(
        &[&politics, &tech],
        &["--date", "2005-06-01"],
        4,
        cache.path(),
    );
    assert!(
        assembled == ok(&whole),
        "BBC in 4 shards differs from one export"
    );
}

#[test]
#[ignore = "slow: the full suite runs it (cargo test -- --include-ignored, as CI does)"]
fn extract_reads_jsonl_on_standard_input() {
    let cache = tempfile::tempdir().unwrap();
    let input = std::fs::read(fixture("export/tricky.jsonl")).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["extract", "-"])
        .env("XDG_CACHE_HOME", cache.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let out = child.wait_with_output().unwrap();
    let lines: Vec<serde_json::Value> = ok(&out)
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    assert_eq!(
        lines.len(),
        input
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .count()
    );
    assert_eq!(lines[0]["format"], "dateline-extract/1");
    assert_eq!(lines[0]["doc"]["id"], "tricky-1");
    assert_eq!(lines[0]["doc"]["path"], "<stdin>:1");
    // Assembled, it is the file's export but for the paths.
    let dir = tempfile::tempdir().unwrap();
    let shard = dir.path().join("s.jsonl");
    std::fs::write(&shard, &out.stdout).unwrap();
    let assembled = run(&["assemble", shard.to_str().unwrap()], cache.path());
    let file = fixture("export/tricky.jsonl");
    let whole = run(&["export", "--no-cache", &file], cache.path());
    let a = String::from_utf8(ok(&assembled).to_vec()).unwrap();
    let w = String::from_utf8(ok(&whole).to_vec()).unwrap();
    assert_eq!(a.replace("<stdin>:", &format!("{file}:")), w);
}

#[test]
#[ignore = "slow: the full suite runs it (cargo test -- --include-ignored, as CI does)"]
fn an_empty_partition_is_extracted_to_nothing_and_assembles() {
    let cache = tempfile::tempdir().unwrap();
    for input in [&b""[..], b"\n\n"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
            .args(["extract", "-"])
            .env("XDG_CACHE_HOME", cache.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(ok(&out).is_empty());
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // A shard past the articles is empty too; its empty part assembles with the others.
    let file = fixture("export/tricky.jsonl");
    let n = std::fs::read_to_string(&file).unwrap().lines().count() + 2;
    let whole = run(&["export", "--no-cache", &file], cache.path());
    assert_eq!(sharded(&[&file], &[], n, cache.path()), ok(&whole));
    // Input that cannot be read at all is still an error.
    let out = run(&["extract", "/nonexistent/articles.jsonl"], cache.path());
    assert_eq!(out.status.code(), Some(1));
}

#[test]
#[ignore = "slow: the full suite runs it (cargo test -- --include-ignored, as CI does)"]
fn bad_shard_lines_are_reported_and_the_rest_assembled() {
    let cache = tempfile::tempdir().unwrap();
    let out = run(&["extract", &fixture("corpus")], cache.path());
    let good = String::from_utf8(ok(&out).to_vec()).unwrap();
    let lines: Vec<&str> = good.lines().collect();
    assert_eq!(lines.len(), 4);
    let out_of_range = lines[1].replacen("\"span\":[", "\"span\":[99999999,", 1);
    let dir = tempfile::tempdir().unwrap();
    let shard = dir.path().join("bad.jsonl");
    let text = format!(
        "{}\nnot json at all\n{}\n{{\"format\":\"other/1\"}}\n{}\n",
        lines[0], out_of_range, lines[2]
    );
    std::fs::write(&shard, text).unwrap();
    let missing = dir.path().join("missing.jsonl");
    let out = run(
        &[
            "assemble",
            shard.to_str().unwrap(),
            missing.to_str().unwrap(),
        ],
        cache.path(),
    );
    let v: serde_json::Value = serde_json::from_slice(ok(&out)).unwrap();
    assert_eq!(v["documents"].as_array().unwrap().len(), 2);
    let err = String::from_utf8_lossy(&out.stderr);
    let shown = shard.display().to_string();
    for line in [2, 3, 4] {
        assert!(err.contains(&format!("{shown}:{line}:")), "{err}");
    }
    assert!(err.contains("missing.jsonl"), "{err}");
}

#[test]
#[ignore = "slow: the full suite runs it (cargo test -- --include-ignored, as CI does)"]
fn the_cache_gives_the_same_bytes_and_survives_damage() {
    let cache = tempfile::tempdir().unwrap();
    let corpus = fixture("corpus");
    let plain = run(&["export", &corpus, "--no-cache"], cache.path());
    assert!(
        !cache.path().join("dateline").exists(),
        "--no-cache writes nothing"
    );
    let first = run(&["export", &corpus], cache.path());
    let second = run(&["export", &corpus], cache.path());
    assert_eq!(ok(&first), ok(&plain));
    assert_eq!(ok(&second), ok(&plain));
    assert!(second.stderr.is_empty() || !String::from_utf8_lossy(&second.stderr).contains("cache"));
    // One cache file (beside the pointer to its table of files).
    let files: Vec<PathBuf> = std::fs::read_dir(cache.path().join("dateline"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "dlc"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    std::fs::write(&files[0], b"garbage").unwrap();
    let third = run(&["export", &corpus], cache.path());
    assert_eq!(ok(&third), ok(&plain));
    let err = String::from_utf8_lossy(&third.stderr);
    assert!(err.contains("cache file ignored"), "{err}");
}

#[test]
#[ignore = "slow: the full suite runs it (cargo test -- --include-ignored, as CI does)"]
fn export_formats_filters_and_what_on_the_command_line() {
    let cache = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    // The extension names the format.
    for (name, check) in [
        ("out.csv", &b"id,earliest"[..]),
        ("out.quotes.csv", &b"id,earliest,latest,kind,quote"[..]),
        ("out.md", &b"# Timeline"[..]),
        ("out.ics", &b"BEGIN:VCALENDAR\r\n"[..]),
        ("out.timeline.json", &b"{\"title\""[..]),
        ("out.sqlite", &b"SQLite format 3\0"[..]),
    ] {
        let path = dir.path().join(name);
        let out = run(&["export", "-o", path.to_str().unwrap()], cache.path());
        ok(&out);
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(check), "{name}");
    }
    let out = run(
        &["export", "--format", "csv", "--what", "actors"],
        cache.path(),
    );
    assert!(ok(&out).starts_with(b"id,name,kind"));
    let out = run(
        &[
            "export",
            "--format",
            "jsonl",
            "--actor",
            "Hakan Fidan",
            "--from",
            "2025-11-01",
        ],
        cache.path(),
    );
    let text = String::from_utf8(ok(&out).to_vec()).unwrap();
    assert!(!text.is_empty());
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let ids: Vec<&str> = v["actors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["id"].as_str().unwrap())
            .collect();
        assert!(ids.contains(&"person:hakan-fidan"), "{line}");
    }
    // Usage errors: an unknown actor, --what on a format without tables, an unknown format.
    for args in [
        &["export", "--actor", "Nobody Here"][..],
        &["export", "--format", "json", "--what", "quotes"][..],
        &["export", "--format", "docx"][..],
        &["extract", "--shard", "3/2"][..],
    ] {
        let out = run(args, cache.path());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty());
    }
}

#[test]
#[ignore = "slow: the full suite runs it (cargo test -- --include-ignored, as CI does)"]
fn an_export_is_read_back_instead_of_the_articles() {
    // `dateline FILE.json` and `dateline open FILE.json` load an export through the same path as
    // `dateline export FILE.json`: the articles are not read again, and every format comes out
    // as from the articles.
    let cache = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let corpus = fixture("export/tricky.jsonl");
    let saved = dir.path().join("saved.json");
    ok(&run(
        &[
            "export",
            &corpus,
            "--no-cache",
            "-o",
            saved.to_str().unwrap(),
        ],
        cache.path(),
    ));
    let saved = saved.to_str().unwrap();
    for format in ["json", "csv", "md", "ics", "jsonl", "timelinejs"] {
        let from_articles = run(
            &["export", &corpus, "--no-cache", "--format", format],
            cache.path(),
        );
        let from_export = run(&["export", saved, "--format", format], cache.path());
        assert_eq!(ok(&from_export), ok(&from_articles), "{format}");
        assert!(from_export.stderr.is_empty(), "{format}");
    }
    let filtered = |input: &str| {
        let out = run(
            &[
                "export",
                input,
                "--no-cache",
                "--format",
                "csv",
                "--actor",
                "Petrova",
            ],
            cache.path(),
        );
        ok(&out).to_vec()
    };
    assert_eq!(filtered(saved), filtered(&corpus));
    // The export is not cached: it is read directly.
    assert!(!cache.path().join("dateline").exists());
    // A damaged export is an error naming the file, not a panic.
    let bad = dir.path().join("bad.json");
    let text = std::fs::read_to_string(saved).unwrap();
    std::fs::write(&bad, &text[..text.len() / 2]).unwrap();
    let out = run(&["export", bad.to_str().unwrap()], cache.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.json"));
}

/// `extract --shard` reads only its own articles: a bad file or line in another shard's part of
/// the input is neither read nor reported by this shard (main read every article before taking
/// its part, so every shard reported every problem). Each problem is reported by exactly one
/// shard, and the shards still assemble to one export's bytes.
#[test]
#[ignore = "slow: the full suite runs it (cargo test -- --include-ignored, as CI does)"]
fn a_shard_reads_and_reports_only_its_own_articles() {
    let cache = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let art = |i: usize| {
        format!(
            "---\ntitle: Report {i}\ndate: 2024-03-{:02}\n---\nOn {} March 2024 the minister \
             Anna Berg said talks with Norway would resume in May.\n",
            i + 1,
            i + 1
        )
    };
    // Sorted: a0..a3, then b-binary, b-empty, b-fifo and c-lines.jsonl (two articles). Counted
    // as eight places, a0..a3 are shard 1 of 2.
    for i in 0..4 {
        std::fs::write(dir.path().join(format!("a{i}.txt")), art(i)).unwrap();
    }
    std::fs::write(dir.path().join("b-binary.txt"), b"\0\x01\x02\x03binary\0").unwrap();
    std::fs::write(dir.path().join("b-empty.txt"), b"  \n").unwrap();
    #[cfg(unix)]
    {
        let fifo = dir.path().join("b-fifo.txt");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    }
    let line = |i: usize| {
        serde_json::json!({"id": format!("l{i}"), "date": "2024-04-02", "text": art(20 + i)})
            .to_string()
    };
    std::fs::write(
        dir.path().join("c-lines.jsonl"),
        format!("{}\nnot json\n{}\n", line(0), line(1)),
    )
    .unwrap();
    let folder = dir.path().to_str().unwrap();
    let problems = [
        "b-binary.txt",
        "b-empty.txt",
        "b-fifo.txt",
        "c-lines.jsonl:2",
    ];
    let mut reported = vec![0; problems.len()];
    let mut parts = Vec::new();
    for k in 1..=2 {
        let spec = format!("{k}/2");
        let out = run(
            &["extract", "--shard", &spec, "--jobs", "1", folder],
            cache.path(),
        );
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        let ids: Vec<String> = ok(&out)
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| {
                serde_json::from_slice::<serde_json::Value>(l).unwrap()["doc"]["id"].to_string()
            })
            .collect();
        for (n, p) in reported.iter_mut().zip(problems) {
            if err.contains(p) {
                *n += 1;
                assert_eq!(
                    k, 2,
                    "shard 1 of 2 reported {p}, which is not its part: {err}"
                );
            }
        }
        if k == 1 {
            assert_eq!(ids, ["\"a0\"", "\"a1\"", "\"a2\"", "\"a3\""], "{err}");
        }
        let file = dir.path().join(format!("part-{k}.out"));
        std::fs::write(&file, ok(&out)).unwrap();
        parts.push(file.display().to_string());
    }
    #[cfg(not(unix))]
    reported.remove(2);
    assert!(reported.iter().all(|&n| n == 1), "{reported:?}");
    let mut args = vec!["assemble"];
    args.extend(parts.iter().map(String::as_str));
    let assembled = run(&args, cache.path());
    let whole = run(&["export", "--no-cache", folder], cache.path());
    assert!(ok(&assembled) == ok(&whole));
}

/// JSONL on standard input is extracted as it arrives: the first articles' lines come out while
/// the input is still open (main read all of standard input first), so memory holds a batch of
/// articles, not the input.
#[test]
#[ignore = "slow: the full suite runs it (cargo test -- --include-ignored, as CI does)"]
fn standard_input_is_extracted_as_it_arrives() {
    use std::io::BufRead;
    let cache = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["extract", "--jobs", "1", "-"])
        .env("XDG_CACHE_HOME", cache.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    for i in 0..300 {
        let line = serde_json::json!({
            "id": format!("n{i}"),
            "date": "2024-05-01",
            "text": format!("On 2 May 2024 Anna Berg said talk number {i} went well."),
        });
        writeln!(stdin, "{line}").unwrap();
    }
    stdin.flush().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut lines = std::io::BufReader::new(stdout).lines();
        let first = lines.next().and_then(Result::ok);
        tx.send(first).ok();
        lines.count()
    });
    // Generous: this waits for output before end of input, it does not time anything.
    let first = rx.recv_timeout(std::time::Duration::from_secs(120));
    drop(stdin);
    let rest = reader.join().unwrap();
    child.wait().unwrap();
    let first = first
        .expect("no output before standard input was closed")
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(v["doc"]["id"], "n0");
    assert_eq!(rest + 1, 300);
}

/// A filtered view exported from the command line (`Selection`, as `dateline export --actor`)
/// and from the browser (`:export` after the same filter) has the same happenings, numbered and
/// grouped alike: the corpus's grouping, which the browser shows whatever the filters
/// (`export::view_happenings`). The browser used to regroup the view on its own.
#[test]
#[ignore = "slow: the full suite runs it (cargo test -- --include-ignored, as CI does)"]
fn a_filtered_view_has_the_same_happenings_from_the_command_line_and_the_browser() {
    use dateline::corpus::{Corpus, Source};
    use dateline::export::{Format, Selection, write_view};
    use dateline::tui::action::Action;
    use dateline::tui::data::Data;
    use dateline::tui::state::{Filter, State};
    use dateline::tui::update::update;
    use std::collections::{BTreeMap, BTreeSet};

    /// Each happening's id and the events (document, start) it holds.
    fn happenings(jsonl: &[u8]) -> BTreeMap<String, BTreeSet<(String, u64)>> {
        let mut out: BTreeMap<String, BTreeSet<(String, u64)>> = BTreeMap::new();
        for line in jsonl.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
            let v: serde_json::Value = serde_json::from_slice(line).unwrap();
            let h = v["happening"]["id"].as_str().unwrap_or("none").to_string();
            let doc = v["document"]["id"].as_str().unwrap().to_string();
            out.entry(h)
                .or_default()
                .insert((doc, v["start"].as_u64().unwrap()));
        }
        out
    }

    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stories/dev");
    let source = Source {
        paths: vec![dev],
        ..Source::default()
    };
    let corpus = Corpus::load(&source, crate::common::lexicon());
    // The actors in the most events: views that keep many happenings, some only in part.
    let mut actors: Vec<(usize, dateline::ids::ActorId)> = corpus
        .actors
        .iter_enumerated()
        .map(|(a, _)| {
            let n = corpus
                .events
                .iter()
                .filter(|e| e.actors().contains(a))
                .count();
            (n, a)
        })
        .collect();
    actors.sort_by_key(|&(n, a)| (std::cmp::Reverse(n), a));
    let dir = tempfile::tempdir().unwrap();
    let mut state = State::new(Data::new(corpus.clone()), 120, 40);
    update(&mut state, Action::Resize(120, 40));
    if state.happenings_view {
        update(&mut state, Action::ToggleHappenings);
    }
    let mut compared = 0;
    for &(_, a) in actors.iter().take(10) {
        let id = corpus.actors[a].id.clone();
        let selection = Selection {
            actors: vec![id.clone()],
            ..Selection::default()
        };
        let mut cli = Vec::new();
        write_view(&corpus, &selection, Format::Jsonl, &mut cli).unwrap();
        state.filters = vec![Filter::Actor(a)];
        state.refilter(None);
        let path = dir.path().join("view.jsonl");
        update(&mut state, Action::OpenCommand);
        for c in format!("export {}", path.display()).chars() {
            update(&mut state, Action::PromptInput(c));
        }
        update(&mut state, Action::PromptAccept);
        let effect = state.effects.pop().expect("an export");
        let note = dateline::tui::effect::perform(effect, &state, &mut Vec::new());
        assert!(note.starts_with("exported"), "{note}");
        let browser = std::fs::read(&path).unwrap();
        let (c, b) = (happenings(&cli), happenings(&browser));
        assert!(!c.is_empty(), "{id}");
        assert_eq!(c, b, "actor {id}: command line, then browser");
        compared += 1;
    }
    assert_eq!(compared, 10);
}

/// A filtered export keeps a split quote's parts (`“We will,” she said, “go on.”`): the same
/// quote object as in the whole export. The command line's filters used to drop them.
#[test]
#[ignore = "slow: the full suite runs it (cargo test -- --include-ignored, as CI does)"]
fn a_filtered_export_keeps_the_parts_of_split_quotes() {
    let cache = tempfile::tempdir().unwrap();
    let file = fixture("export/tricky.jsonl");
    let whole = run(&["export", "--no-cache", &file], cache.path());
    let whole: serde_json::Value = serde_json::from_slice(ok(&whole)).unwrap();
    let split: Vec<&serde_json::Value> = whole["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|q| q["parts"].as_array().unwrap().len() > 1)
        .collect();
    assert!(!split.is_empty(), "the fixture has a split quote");
    for q in split {
        // A query on the quote's first words keeps it (a quote passes on its own text).
        let text = q["text"].as_str().unwrap();
        let words: String = text
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ");
        let query = words.trim_matches(|c: char| !c.is_alphanumeric());
        let out = run(
            &["export", "--no-cache", "--query", query, &file],
            cache.path(),
        );
        let view: serde_json::Value = serde_json::from_slice(ok(&out)).unwrap();
        let same = view["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["text"] == q["text"])
            .unwrap_or_else(|| panic!("--query {query:?} keeps {text:?}"));
        assert_eq!(same["parts"], q["parts"], "{text}");
    }
}
