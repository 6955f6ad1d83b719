//! The quote stage's growth on one big document (issue 16.2): memory per input byte and work.
//!
//! Memory is counted exactly, per thread, by a counting allocator (this binary's global allocator:
//! it forwards to the system allocator and keeps the live and peak bytes of the calling thread),
//! so tests running in parallel do not disturb each other. Work is the quote stage's own count of
//! tokens it visits (`quotes::work`), deterministic on any machine. No assertion is timed.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use dateline::extract::{DocInput, actors, quotes};

struct Counting;

thread_local! {
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn add(n: isize) {
    // `try_with`: the thread's slots may already be gone while it exits.
    let _ = LIVE.try_with(|l| {
        let v = l.get() + n;
        l.set(v);
        let _ = PEAK.try_with(|p| p.set(p.get().max(v)));
    });
}

// SAFETY: every call forwards to `System` with the caller's layout; the counters only observe.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        // SAFETY: forwarded as is.
        let p = unsafe { System.alloc(l) };
        if !p.is_null() {
            add(l.size() as isize);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        // SAFETY: forwarded as is.
        unsafe { System.dealloc(p, l) };
        add(-(l.size() as isize));
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        // SAFETY: forwarded as is.
        let q = unsafe { System.realloc(p, l, new) };
        if !q.is_null() {
            add(new as isize - l.size() as isize);
        }
        q
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// What the quote stage costs on `text`: peak bytes allocated above what the input holds, tokens
/// visited, the number of quotes and (for the report only) the time taken.
fn measure(text: &str) -> (usize, u64, usize, f64) {
    let lex = crate::common::lexicon();
    let doc = DocInput::segmented(text, &lex.segment, None);
    let actors = actors::extract(&doc, &lex.actors);
    let base = LIVE.with(Cell::get);
    PEAK.with(|p| p.set(base));
    let before = quotes::work();
    let clock = std::time::Instant::now();
    let found = quotes::extract(&doc, &actors, &lex.quotes);
    let secs = clock.elapsed().as_secs_f64();
    let work = quotes::work() - before;
    let peak = PEAK.with(Cell::get) - base;
    (peak.max(0) as usize, work, found.len(), secs)
}

/// News text with quotations and attributions, joined into one paragraph of about `bytes` bytes
/// (the seed article and the fixture corpus, repeated): the "BBC texts joined into one line" class.
fn joined_news(bytes: usize) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut parts = vec![std::fs::read_to_string(format!("{dir}/seed-000.body.txt")).unwrap()];
    parts.push(std::fs::read_to_string(format!("{dir}/corpus/2025-03-talks.md")).unwrap());
    let unit: String = parts
        .iter()
        .flat_map(|p| p.split_whitespace())
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = String::with_capacity(bytes + unit.len());
    while out.len() < bytes {
        out.push_str(&unit);
        out.push(' ');
    }
    out
}

fn marks(bytes: usize) -> String {
    "\"".repeat(bytes)
}

/// Memory at most 20 bytes per input byte and work growing at most 4.5× per 4× of input.
fn check(name: &str, make: fn(usize) -> String) {
    let (small, large) = (1 << 18, 1 << 20);
    let (a, b) = (make(small), make(large));
    let (mem_a, work_a, ..) = measure(&a);
    let (mem_b, work_b, ..) = measure(&b);
    let per_byte = mem_b as f64 / b.len() as f64;
    assert!(
        per_byte <= 20.0,
        "{name}: {per_byte:.1} bytes of memory per input byte"
    );
    let growth = work_b as f64 / work_a.max(1) as f64;
    assert!(
        growth <= 4.5,
        "{name}: work grew {growth:.2}× for 4× the input ({work_a} -> {work_b})"
    );
    // Memory must not outgrow the input either.
    let mem_growth = mem_b as f64 / mem_a.max(1) as f64;
    assert!(mem_growth <= 4.5, "{name}: memory grew {mem_growth:.2}×");
}

#[test]
#[ignore = "slow: the full suite runs it (cargo test -- --include-ignored, as CI does)"]
fn quotation_marks_alone_stay_linear_and_small() {
    check("quotation marks", marks);
}

#[test]
#[ignore = "slow: the full suite runs it (cargo test -- --include-ignored, as CI does)"]
fn joined_news_stays_linear_and_small() {
    check("joined news", joined_news);
}

/// The figures of the report: `cargo test --release --test it quotes_scale::report -- --ignored --nocapture`.
#[test]
#[ignore = "prints the 1 / 4 / 16 MB figures; slow in a debug build"]
fn report() {
    for (name, make) in [
        ("quotation marks", marks as fn(usize) -> String),
        ("joined news", joined_news),
    ] {
        for mb in [1usize, 4, 16] {
            let text = make(mb << 20);
            let (mem, work, n, secs) = measure(&text);
            println!(
                "{name:16} {mb:2} MB: {:7.3} s  peak {:6.1} MB ({:5.2} B/byte)  work {work}  quotes {n}",
                secs,
                mem as f64 / 1048576.0,
                mem as f64 / text.len() as f64
            );
        }
    }
}
