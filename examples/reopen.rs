//! The reopen of `benches/cache.rs` once, for `valgrind --tool=callgrind`: load a folder with the
//! cache on one thread, build the browser's view index and draw the first frame (then, with
//! `--search`, the full-text index). The first run writes the cache; later runs reopen.
//!
//! `DATELINE_CACHE_DIR=/tmp/c cargo run --release --features dev-tools --example reopen -- DIR`

use std::time::Instant;

use dateline::corpus::Source;
use dateline::corpus::load::{Jobs, LoadOptions};
use dateline::ingest::IngestOptions;

// The benches' support: `first_frame`, and the allocator the binary runs with.
#[path = "../benches/common/mod.rs"]
mod common;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let search = args.iter().any(|a| a == "--search");
    let paths = args
        .iter()
        .filter(|a| !a.starts_with("--"))
        .map(Into::into)
        .collect();
    let opts = LoadOptions {
        source: Source {
            paths,
            options: IngestOptions::default(),
        },
        jobs: Jobs::new(1),
        cache: true,
        ..LoadOptions::default()
    };
    let pool = opts
        .thread_pool()
        .use_current_thread()
        .build()
        .expect("a thread pool");
    let t = Instant::now();
    let corpus = pool.install(|| opts.load(&|_, _| {}));
    let loaded = t.elapsed();
    let (build, _state) = common::first_frame(corpus);
    let shown = t.elapsed();
    if search {
        pool.install(|| build.run());
    }
    eprintln!(
        "load {:.0} ms, shown {:.0} ms, search ready {:.0} ms",
        loaded.as_secs_f64() * 1e3,
        shown.as_secs_f64() * 1e3,
        t.elapsed().as_secs_f64() * 1e3
    );
}
