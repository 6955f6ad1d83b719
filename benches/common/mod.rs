//! Shared bench support: where the corpora are, loading them, and robust statistics (medians, percentiles).
//!
//! Benchmarks read `../shared` beside the repository; when it is missing they say so and exit 0, so
//! `cargo bench` never breaks on a machine without it.

#![allow(dead_code)] // each bench uses its own subset of these helpers

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::NaiveDate;

/// The allocator the `dateline` binary runs with (src/main.rs), so the figures are what users get.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use dateline::ingest::{self, IngestOptions};
use dateline::model::Document;

/// The BBC corpus bundled with the shared data (2,225 articles, about 5 MB of text).
pub fn bbc_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/news-corpus/bbc")
}

/// The BBC articles carry no dates; they are from 2004–2005, so relative dates resolve against this.
pub fn bbc_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2005, 6, 1).expect("valid date")
}

/// Where the generated 100 MB corpus lives: `$DATELINE_BIG_CORPUS`, else `/tmp/dateline-100mb`.
pub fn big_dir() -> PathBuf {
    std::env::var_os("DATELINE_BIG_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/tmp/dateline-100mb"))
}

/// Exits 0 with a message when the shared BBC corpus is not there.
pub fn require_bbc(bench: &str) -> PathBuf {
    let dir = bbc_dir();
    if !dir.is_dir() {
        println!(
            "{bench}: skipped: {} is missing (the benchmarks need ../shared beside the repository)",
            dir.display()
        );
        std::process::exit(0);
    }
    dir
}

/// The 100 MB corpus, generated from the BBC corpus by `scripts/gen_corpus.py` when missing.
/// `None` (with a message) when it cannot be made; `DATELINE_SKIP_BIG=1` skips it on purpose.
pub fn ensure_big(bench: &str) -> Option<PathBuf> {
    if std::env::var_os("DATELINE_SKIP_BIG").is_some() {
        println!("{bench}: 100 MB corpus skipped (DATELINE_SKIP_BIG is set)");
        return None;
    }
    let dir = big_dir();
    if dir.join("r000").is_dir() || dir.join("corpus.jsonl").is_file() {
        return Some(dir);
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/gen_corpus.py");
    println!(
        "{bench}: generating the 100 MB corpus into {} ...",
        dir.display()
    );
    let ok = Command::new("python3")
        .arg(&script)
        .arg(&dir)
        .arg("--source")
        .arg(bbc_dir())
        .status()
        .is_ok_and(|s| s.success());
    if ok && dir.join("r000").is_dir() {
        Some(dir)
    } else {
        println!("{bench}: could not generate the 100 MB corpus (is python3 installed?); skipped");
        None
    }
}

/// Reads a corpus folder; BBC-style undated articles get `default_date`.
pub fn ingest(dir: &Path, default_date: Option<NaiveDate>) -> Vec<Document> {
    let opts = IngestOptions { default_date };
    ingest::ingest_paths(&[dir.to_path_buf()], &opts).documents
}

pub fn text_bytes(docs: &[Document]) -> usize {
    docs.iter().map(|d| d.text.len()).sum()
}

/// A rayon pool of `threads` threads, kept for many runs so its threads' CPU time stays countable.
pub fn pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool")
}

/// CPU time used so far by the live threads of this process (Linux `schedstat`; zero elsewhere).
/// Unlike wall time, it barely moves when other processes load the machine.
pub fn cpu_time() -> Duration {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return Duration::ZERO;
    };
    let ns: u64 = tasks
        .filter_map(|t| std::fs::read_to_string(t.ok()?.path().join("schedstat")).ok())
        .filter_map(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .sum();
    Duration::from_nanos(ns)
}

/// Wall time and CPU time (all threads) of `f`.
pub fn time_cpu<T>(f: impl FnOnce() -> T) -> (Duration, Duration, T) {
    let cpu = cpu_time();
    let t = Instant::now();
    let out = f();
    let wall = t.elapsed();
    (wall, cpu_time().saturating_sub(cpu), out)
}

/// The 1-minute load average, to judge how noisy wall times are.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".into())
}

pub fn time<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let t = Instant::now();
    let out = f();
    (t.elapsed(), out)
}

/// The `q` quantile (0..=1) of `samples` by nearest rank; zero when empty.
pub fn quantile(samples: &[Duration], q: f64) -> Duration {
    if samples.is_empty() {
        return Duration::ZERO;
    }
    let mut s = samples.to_vec();
    s.sort();
    let rank = ((q * s.len() as f64).ceil() as usize).clamp(1, s.len());
    s[rank - 1]
}

pub fn median(samples: &[Duration]) -> Duration {
    if samples.is_empty() {
        return Duration::ZERO;
    }
    let mut s = samples.to_vec();
    s.sort();
    let n = s.len();
    if n % 2 == 1 {
        s[n / 2]
    } else {
        (s[n / 2 - 1] + s[n / 2]) / 2
    }
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

pub fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

/// Number of logical CPUs this process may use.
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Peak resident set size of this process so far, in MB (Linux; 0 elsewhere).
pub fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1e3)
}

/// How many repetitions to run: `$DATELINE_BENCH_RUNS`, else `default`.
pub fn runs(default: usize) -> usize {
    std::env::var("DATELINE_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(default)
}

/// What the browser does with a loaded corpus before the user sees it: the view index without the
/// articles' text, the state, and the first frame drawn (160×48). Returns the full-text build the
/// loader thread runs next, and the state. Shared by `benches/cache.rs` and `examples/reopen.rs`, so
/// both time the same steps.
pub fn first_frame(
    corpus: dateline::corpus::Corpus,
) -> (dateline::tui::data::TextBuild, dateline::tui::state::State) {
    use dateline::tui::action::Action;
    use dateline::tui::data::Data;
    use dateline::tui::state::State;
    use dateline::tui::view::Screen;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    let data = Data::without_text(corpus);
    let build = data.text_build();
    let mut state = State::loading(160, 48, true);
    dateline::tui::update::update(&mut state, Action::Loaded(Box::new(data)));
    let mut term = Terminal::new(TestBackend::new(160, 48)).expect("a test terminal");
    term.draw(|f| f.render_widget(Screen::new(&state), f.area()))
        .expect("drawing");
    (build, state)
}
