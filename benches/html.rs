//! Web-page reading speed: pages per second per core on `../shared/data/html-pages` (130 saved
//! pages, 25.7 MB) and on a 100 MB folder of the same pages repeated, one and two threads.
//!
//! In memory: each page's bytes go through `html::read_page_bytes` (charset, parse, article,
//! metadata), handed out to the threads largest first as `ingest_paths` does, as `scripts/bench_trafilatura.py` does for Python trafilatura. From disk: the folder
//! through `ingest_paths` (walk, read, the same reader). Figures are medians of `DATELINE_BENCH_RUNS`
//! passes (default 5; 3 for the folder); CPU time is the steadier figure on a shared machine.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{median, pool, time_cpu};
use dateline::ingest::{self, IngestOptions, html};

/// `$DATELINE_HTML_PAGES`, else `data/html-pages` in `$DATELINE_SHARED` or in `../shared` beside
/// the repository.
fn pages_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("DATELINE_HTML_PAGES") {
        return PathBuf::from(dir);
    }
    std::env::var_os("DATELINE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"))
        .join("data/html-pages")
}

fn load(dir: &Path) -> Vec<Vec<u8>> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("html-pages")
        .filter_map(|e| Some(e.ok()?.path().join("source.html")))
        .filter(|p| p.is_file())
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| std::fs::read(p).expect("a page"))
        .collect()
}

/// `html-pages` copied `copies` times into `dir` as flat `.html` files (made once).
fn big_folder(src: &Path, dir: &Path, copies: usize) -> usize {
    let pages: Vec<PathBuf> = {
        let mut v: Vec<PathBuf> = std::fs::read_dir(src)
            .expect("html-pages")
            .filter_map(|e| Some(e.ok()?.path()))
            .filter(|p| p.join("source.html").is_file())
            .collect();
        v.sort();
        v
    };
    let done = dir.join(".complete");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(dir);
        std::fs::create_dir_all(dir).expect("folder for the 100 MB pages");
        for k in 0..copies {
            for p in &pages {
                let name = p.file_name().unwrap().to_string_lossy();
                std::fs::copy(
                    p.join("source.html"),
                    dir.join(format!("r{k:02}-{name}.html")),
                )
                .expect("copy a page");
            }
        }
        std::fs::write(&done, b"").expect("marker");
    }
    pages.len() * copies
}

fn report(label: &str, pages: usize, bytes: usize, walls: &[Duration], cpus: &[Duration]) {
    let wall = median(walls).as_secs_f64();
    let cpu = median(cpus).as_secs_f64();
    println!(
        "{label:<34} {:>8.1} pages/s wall  {:>8.1} pages/s per CPU second  {:>6.1} MB/s  (wall {:.3} s, CPU {:.3} s)",
        pages as f64 / wall,
        pages as f64 / cpu,
        bytes as f64 / 1e6 / wall,
        wall,
        cpu
    );
}

/// How well the pages can be shared by two threads at best: each page's time on one thread, and
/// the speed-up a perfect split of those times into two would give (a page is not split). The
/// in-memory figure is bounded by this, whatever the threads cost each other.
fn balance(pages: &[Vec<u8>]) {
    let mut times: Vec<f64> = pages
        .iter()
        .map(|b| {
            let (w, _, n) = time_cpu(|| html::read_page_bytes(b).text.len());
            std::hint::black_box(n);
            w.as_secs_f64()
        })
        .collect();
    let total: f64 = times.iter().sum();
    times.sort_by(|a, b| b.total_cmp(a));
    // Longest first onto the less loaded thread: within 7/6 of the best split of two.
    let mut load = [0.0f64; 2];
    for t in &times {
        let i = usize::from(load[1] < load[0]);
        load[i] += t;
    }
    println!(
        "balance: largest page {:.1}% of the work; best two-thread split {:.2}x",
        100.0 * times[0] / total,
        total / load[0].max(load[1])
    );
}

fn main() {
    let dir = pages_dir();
    if !dir.is_dir() {
        println!(
            "html: skipped: {} is missing (the benchmarks need ../shared beside the repository)",
            dir.display()
        );
        return;
    }
    let pages = load(&dir);
    let bytes: usize = pages.iter().map(Vec::len).sum();
    let runs = common::runs(5);
    println!(
        "html: {} pages, {:.1} MB; {} cores; load {}",
        pages.len(),
        bytes as f64 / 1e6,
        common::cores(),
        common::load_average()
    );
    balance(&pages);
    // One pass of every page, handed out as `ingest_paths` does (largest first), or by rayon's
    // split of the list by position (what this used before), on a pool of `threads`.
    let pass = |pool: &rayon::ThreadPool, largest_first: bool| {
        pool.install(|| {
            time_cpu(|| {
                if largest_first {
                    ingest::map_largest_first(
                        &pages,
                        |b| b.len() as u64,
                        |b| html::read_page_bytes(b).text.len(),
                    )
                    .into_iter()
                    .sum::<usize>()
                } else {
                    use rayon::prelude::*;
                    pages
                        .par_iter()
                        .map(|b| html::read_page_bytes(b).text.len())
                        .sum::<usize>()
                }
            })
        })
    };
    // The runs alternate one thread, two threads (largest first), two threads (rayon's split),
    // so that the host's drift (on these VMs one thread's speed moves by a third between
    // minutes) falls on all three alike; the speed-up is the median of each round's ratio.
    let (one, two) = (pool(1), pool(2));
    let mut rows: [(Vec<Duration>, Vec<Duration>); 3] = Default::default();
    let mut ratios: [Vec<f64>; 2] = Default::default();
    for _ in 0..runs {
        let mut walls = [0.0; 3];
        for (k, (p, lf)) in [(&one, true), (&two, true), (&two, false)]
            .into_iter()
            .enumerate()
        {
            let (w, c, n) = pass(p, lf);
            assert!(n > 0);
            rows[k].0.push(w);
            rows[k].1.push(c);
            walls[k] = w.as_secs_f64();
        }
        ratios[0].push(walls[0] / walls[1]);
        ratios[1].push(walls[0] / walls[2]);
    }
    let labels = [
        "in memory, 1 thread",
        "in memory, 2 threads",
        "in memory, 2 threads, rayon split",
    ];
    for (label, (walls, cpus)) in labels.iter().zip(&rows) {
        report(label, pages.len(), bytes, walls, cpus);
    }
    let med = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    println!(
        "{:<34} {:.2}x (rayon split {:.2}x), median of {} rounds",
        "speed-up, 2 threads over 1",
        med(&mut ratios[0]),
        med(&mut ratios[1]),
        runs
    );
    if std::env::var_os("DATELINE_SKIP_BIG").is_some() {
        println!("html: 100 MB folder skipped (DATELINE_SKIP_BIG is set)");
        return;
    }
    let big = std::env::var_os("DATELINE_HTML_100MB")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/tmp/dateline-html-100mb"));
    let copies = (100_000_000 / bytes.max(1)).max(1);
    let n = big_folder(&dir, &big, copies);
    let big_bytes = bytes * copies;
    let runs = common::runs(3).min(3);
    let opts = IngestOptions::default();
    let mut one = 0.0;
    for threads in [1, 2] {
        let pool = pool(threads);
        let (mut walls, mut cpus) = (Vec::new(), Vec::new());
        for _ in 0..runs {
            let (w, c, got) = pool
                .install(|| time_cpu(|| ingest::ingest_paths(std::slice::from_ref(&big), &opts)));
            assert!(got.documents.len() + got.diagnostics.len() >= n);
            walls.push(w);
            cpus.push(c);
        }
        report(
            &format!("100 MB folder, {threads} thread(s)"),
            n,
            big_bytes,
            &walls,
            &cpus,
        );
        let wall = median(&walls).as_secs_f64();
        if threads == 1 {
            one = wall;
        } else {
            println!("{:<34} {:.2}x", "speed-up, 2 threads over 1", one / wall);
        }
    }
}
