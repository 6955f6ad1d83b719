//! Memory of one big document (issue 16.2): the peak of live heap bytes while a document of
//! quotation marks, capitalised words or year-strings is extracted and exported stays within a
//! bound per input byte. A test binary of its own, so that its counting allocator sees no other
//! test's allocations. Bytes are counted, not timed: the figure is the same on any machine.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use dateline::corpus::Corpus;
use dateline::corpus::Lexicon;
use dateline::model::Document;

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Peak live heap bytes, above what was live before, to build and export a corpus of one
/// document of `unit` repeated to `size` bytes; and the size of the export. `cached`: built
/// through the cache (`cache::build`, an empty folder), which also writes the article's record
/// and the corpus's snapshot, as the command line does.
fn peak_for(unit: &str, size: usize, lex: &Lexicon, cached: bool) -> (usize, usize) {
    let text = unit.repeat(size / unit.len());
    let doc = Document {
        id: "big".into(),
        path: "big.txt".into(),
        published: chrono::NaiveDate::from_ymd_opt(2025, 3, 14),
        text,
        ..Document::default()
    };
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let corpus = if cached {
        let cache = tempfile::tempdir().expect("a temporary folder");
        // SAFETY: this binary's only test sets it, before any thread of its own reads it.
        unsafe { std::env::set_var("DATELINE_CACHE_DIR", cache.path()) };
        let corpus = dateline::cache::build(vec![doc], Vec::new(), lex, 0, &|_, _| {});
        let written = std::fs::read_dir(cache.path()).map_or(0, Iterator::count);
        assert_eq!(written, 1, "the cache file was written");
        corpus
    } else {
        Corpus::build(vec![doc], Vec::new(), lex, &|_, _| {})
    };
    let mut sink = Counter(0);
    dateline::export::write_json(&corpus, &mut sink, false).expect("an export to nowhere");
    drop(corpus);
    (PEAK.load(Ordering::Relaxed) - base, sink.0)
}

struct Counter(usize);

impl std::io::Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// One class per row: the heap at its peak holds at most `per_byte` bytes per input byte (24: the
/// issue's target of 20 plus room for the fixed part, which 2 MiB does not yet spread thin), plus
/// the items of the export (a fifth of its JSON: an item is far smaller in memory than written
/// out). Before the stages read long documents in windows (`pipeline::WINDOW_BYTES`), 2 MiB of
/// `"` peaked near 100 bytes per input byte (a token of 48 bytes for every mark, all at once).
/// Year-strings are a time expression per five bytes, and are held to the issue's own target of
/// 20 bytes per input byte (plus the export's fifth), also through the cache: there the article's
/// record and the corpus's snapshot used to be built whole in memory before being written; with
/// only the snapshot streamed that run still peaked at 37.3 bytes per input byte, and now both
/// are streamed (`cache/record.rs`, `cache/snapshot.rs`) it peaks at 19.3 (18.8 without the cache).
/// One test, so that no other test's allocations are counted.
#[test]
#[ignore = "slow: the full suite runs it (cargo test -- --include-ignored, as CI does)"]
fn memory_per_input_byte_is_bounded() {
    let lex = Lexicon::builtin();
    let size = 2 << 20;
    let cases = [
        ("\"", false, 24),
        ("Big Name ", false, 24),
        ("2025 ", false, 20),
        ("2025 ", true, 20),
    ];
    let mut over = Vec::new();
    for (unit, cached, per_byte) in cases {
        let (peak, json) = peak_for(unit, size, &lex, cached);
        let budget = per_byte * size + json / 5;
        eprintln!(
            "{unit:?} (cache: {cached}): peak {peak} bytes ({:.1} per input byte), export {json} \
             bytes ({:.1} per input byte), budget {budget}",
            peak as f64 / size as f64,
            json as f64 / size as f64,
        );
        if peak > budget {
            over.push(format!("{unit:?} (cache: {cached}): {peak} > {budget}"));
        }
    }
    assert!(over.is_empty(), "over budget: {over:?}");
}
