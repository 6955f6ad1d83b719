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
/// document of `unit` repeated to `size` bytes; and the size of the export.
fn peak_for(unit: &str, size: usize, lex: &Lexicon) -> (usize, usize) {
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
    let corpus = Corpus::build(vec![doc], Vec::new(), lex, &|_, _| {});
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
#[test]
fn memory_per_input_byte_is_bounded() {
    let lex = Lexicon::builtin();
    let size = 2 << 20;
    let cases = [("\"", 24), ("Big Name ", 24), ("2025 ", 24)];
    let mut over = Vec::new();
    for (unit, per_byte) in cases {
        let (peak, json) = peak_for(unit, size, &lex);
        let budget = per_byte * size + json / 5;
        eprintln!(
            "{unit:?}: peak {peak} bytes ({:.1} per input byte), export {json} bytes, budget {budget}",
            peak as f64 / size as f64
        );
        if peak > budget {
            over.push(format!("{unit:?}: {peak} > {budget}"));
        }
    }
    assert!(over.is_empty(), "over budget: {over:?}");
}
