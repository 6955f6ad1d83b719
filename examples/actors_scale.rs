//! The actor stage on one document of any size: its time and the process's peak RSS, to check
//! that the stage grows linearly (issue 16). `cargo run --release --features dev-tools --example actors_scale FILE...`
//! (each file is one document; segmentation runs first and is not counted in the time).

use dateline::assets::Assets;
use dateline::extract::{DocInput, actors, segment};

/// The process's peak resident set in MB (Linux), or 0 where it cannot be read.
fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() {
    let assets = Assets::builtin();
    let seg_lex = segment::Lexicon::load(&assets);
    let lex = actors::Lexicon::load(&assets);
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let text = String::from_utf8_lossy(&bytes);
        let doc = DocInput::segmented(&text, &seg_lex, None);
        let before = peak_rss_mb();
        let start = std::time::Instant::now();
        let found = actors::extract(&doc, &lex);
        let took = start.elapsed();
        let mentions: usize = found.iter().map(|a| a.mentions.len()).sum();
        println!(
            "{path}: {} bytes, actors {:.3} s, {} actors, {mentions} mentions, peak RSS {:.0} MB (before the stage {:.0} MB)",
            text.len(),
            took.as_secs_f64(),
            found.len(),
            peak_rss_mb(),
            before,
        );
    }
}
