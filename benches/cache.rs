//! Opening an archive the first time against reopening it: `LoadOptions::load` with the cache, on
//! one thread, then the browser's view index and first full frame — the time until the browser
//! shows the full timeline. Also one article changed, and the load without the cache.
//!
//! The full-text index is built after the first frame, as the browser's loader does (on its own
//! thread; a search typed before it is done waits for it). It is timed apart and reported as
//! "search ready": the time from the start until a search can answer, so no work moved after the
//! first frame goes uncounted.
//! Run: `cargo bench --bench cache` (medians; wall and CPU time, since the machine may be busy).
//!
//! The cache goes to a temporary folder (`DATELINE_CACHE_DIR`), never the user's.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{median, ms, time_cpu};
use dateline::corpus::load::{Jobs, LoadOptions};
use dateline::corpus::{Corpus, Source};
use dateline::ingest::IngestOptions;

fn main() {
    let bbc = common::require_bbc("cache");
    let dir = tempfile::tempdir().expect("a temporary folder");
    // SAFETY: set before any other thread starts; the cache reads it when loading.
    unsafe { std::env::set_var("DATELINE_CACHE_DIR", dir.path().join("cache")) };
    println!(
        "cache: {} cores, load average {}",
        common::cores(),
        common::load_average()
    );
    run(
        "bbc",
        &bbc,
        Some(common::bbc_date()),
        dir.path(),
        common::runs(5),
    );
    if let Some(big) = common::ensure_big("cache") {
        run(
            "100 MB",
            &big,
            None,
            dir.path(),
            common::runs(3).clamp(3, 5),
        );
    }
}

fn options(path: &Path, date: Option<chrono::NaiveDate>, cache: bool) -> LoadOptions {
    LoadOptions {
        source: Source {
            paths: vec![path.to_path_buf()],
            options: IngestOptions { default_date: date },
        },
        jobs: Jobs::new(1),
        cache,
        ..LoadOptions::default()
    }
}

/// (wall, CPU) of the load, (wall, CPU) of the view index and first frame, (wall, CPU) of the
/// full-text index built after it, and the events.
type Sample = (
    (Duration, Duration),
    (Duration, Duration),
    (Duration, Duration),
    usize,
);

/// Loads and shows the timeline. The one worker is this thread, so that its CPU time is counted;
/// rayon lets a thread join one such pool only, so every run shares it.
fn open(opts: &LoadOptions) -> Sample {
    static POOL: std::sync::OnceLock<rayon::ThreadPool> = std::sync::OnceLock::new();
    let pool = POOL.get_or_init(|| {
        opts.thread_pool()
            .use_current_thread()
            .build()
            .expect("a thread pool")
    });
    let (wall, cpu, corpus): (_, _, Corpus) = time_cpu(|| pool.install(|| opts.load(&|_, _| {})));
    let events = corpus.events.len();
    let (w2, c2, (build, state)) = time_cpu(|| common::first_frame(corpus));
    // What the loader thread does next, in a pool of one thread as there.
    let (w3, c3, ()) = time_cpu(|| pool.install(|| build.run()));
    assert!(state.data.text().is_some());
    ((wall, cpu), (w2, c2), (w3, c3), events)
}

fn report(label: &str, samples: &[Sample]) {
    let med = |f: &dyn Fn(&Sample) -> Duration| median(&samples.iter().map(f).collect::<Vec<_>>());
    println!(
        "{label:<28} shown in {:>7.0} ms wall / {:>7.0} ms CPU (load {:.0} / {:.0} ms, index + first frame {:.0} / {:.0} ms), {} events, {} runs",
        ms(med(&|s| s.0.0 + s.1.0)),
        ms(med(&|s| s.0.1 + s.1.1)),
        ms(med(&|s| s.0.0)),
        ms(med(&|s| s.0.1)),
        ms(med(&|s| s.1.0)),
        ms(med(&|s| s.1.1)),
        samples[0].3,
        samples.len()
    );
    println!(
        "{:<28} search ready {:>7.0} ms wall / {:>7.0} ms CPU from the start (full-text index {:.0} / {:.0} ms, built after the first frame)",
        "",
        ms(med(&|s| s.0.0 + s.1.0 + s.2.0)),
        ms(med(&|s| s.0.1 + s.1.1 + s.2.1)),
        ms(med(&|s| s.2.0)),
        ms(med(&|s| s.2.1)),
    );
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("a copy folder");
    for e in std::fs::read_dir(from).expect("readable corpus").flatten() {
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).expect("a copied article");
        }
    }
}

/// The first article file under `dir`, in sorted order.
fn first_article(dir: &Path) -> Option<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    entries.into_iter().find_map(|p| {
        if p.is_dir() {
            first_article(&p)
        } else {
            (p.extension().is_some_and(|x| x == "txt")).then_some(p)
        }
    })
}

fn run(name: &str, corpus: &Path, date: Option<chrono::NaiveDate>, tmp: &Path, runs: usize) {
    println!("\n== {name} ({}) ==", corpus.display());
    // A copy, so that one article can be changed without touching the research data.
    let copy = tmp.join(name.replace(' ', "-"));
    copy_dir(corpus, &copy);
    let _ = std::fs::remove_dir_all(tmp.join("cache"));
    let plain: Vec<_> = (0..runs.min(3))
        .map(|_| open(&options(&copy, date, false)))
        .collect();
    report("without cache", &plain);
    let first = [open(&options(&copy, date, true))];
    report("first open (writes cache)", &first);
    let reopen: Vec<_> = (0..runs)
        .map(|_| open(&options(&copy, date, true)))
        .collect();
    report("reopen, unchanged", &reopen);
    let mut changed = Vec::new();
    if let Some(article) = first_article(&copy) {
        for i in 0..runs.min(3) {
            let mut text = std::fs::read_to_string(&article).unwrap_or_default();
            text.push_str(&format!("\nA line added for run {i} on 3 March 2025.\n"));
            std::fs::write(&article, text).expect("an article changed");
            changed.push(open(&options(&copy, date, true)));
        }
        report("reopen, one article changed", &changed);
    }
    let size: u64 = std::fs::read_dir(tmp.join("cache"))
        .map(|rd| {
            rd.flatten()
                .filter_map(|e| e.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0);
    println!(
        "cache folder {:.1} MB; peak RSS of the process {:.0} MB",
        size as f64 / 1e6,
        common::peak_rss_mb()
    );
    let _ = std::fs::remove_dir_all(&copy);
}
