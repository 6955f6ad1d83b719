//! Extraction throughput (one thread and all threads) and the per-stage profile, on the BBC corpus and
//! the generated 100 MB corpus. Run: `cargo bench --bench extract`.
//!
//! Throughput counts article text only (not front matter) and times the pipeline over every document
//! in a rayon pool, the way `Corpus::build` runs it; `Corpus::build` itself (adding the cross-document
//! assembly) is reported beside it. Each figure is the median of several runs.

mod common;

use std::time::Duration;

use common::{mb, median, ms, time, time_cpu};
use dateline::corpus::{Corpus, Lexicon};
use dateline::extract::pipeline::{self, Extraction, StageTimes};
use dateline::extract::topics;
use dateline::model::Document;
use rayon::prelude::*;

fn main() {
    let bbc = common::require_bbc("extract");
    let (lex_time, lex) = time(Lexicon::builtin);
    println!(
        "extract: {} cores; lexicon built in {:.1} ms",
        common::cores(),
        ms(lex_time)
    );
    let docs = load("bbc", &bbc, Some(common::bbc_date()));
    report(&docs, &lex, common::runs(7));
    drop(docs);
    if let Some(big) = common::ensure_big("extract") {
        let docs = load("100 MB", &big, None);
        report(&docs, &lex, common::runs(3));
    }
}

fn load(name: &str, dir: &std::path::Path, date: Option<chrono::NaiveDate>) -> Vec<Document> {
    let (t, docs) = time(|| common::ingest(dir, date));
    let bytes = common::text_bytes(&docs);
    println!(
        "\n== {name}: {} articles, {:.2} MB of text, from {} (ingest {:.0} ms, {:.0} MB/s) ==",
        docs.len(),
        mb(bytes),
        dir.display(),
        ms(t),
        mb(bytes) / t.as_secs_f64()
    );
    docs
}

fn extract_all(docs: &[Document], lex: &Lexicon) -> Vec<Extraction> {
    docs.par_iter().map(|d| pipeline::extract(d, lex)).collect()
}

fn report(docs: &[Document], lex: &Lexicon, runs: usize) {
    let bytes = common::text_bytes(docs);
    let mut thread_counts = vec![1];
    if common::cores() > 1 {
        thread_counts.push(common::cores());
    }
    println!("load average before: {}", common::load_average());
    println!(
        "| what | threads | median wall | MB/s | articles/s | median CPU | MB per CPU-s | runs |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    let mut pipeline_medians = Vec::new();
    for &threads in &thread_counts {
        let pool = common::pool(threads);
        let samples: Vec<(Duration, Duration)> = (0..runs)
            .map(|_| {
                let (wall, cpu, out) = pool.install(|| time_cpu(|| extract_all(docs, lex)));
                drop(out);
                (wall, cpu)
            })
            .collect();
        let m = row("pipeline", threads, &samples, bytes, docs.len());
        pipeline_medians.push(m);
    }
    for &threads in &thread_counts {
        let pool = common::pool(threads);
        let samples: Vec<(Duration, Duration)> = (0..runs)
            .map(|_| {
                let input = docs.to_vec();
                let (wall, cpu, out) =
                    pool.install(|| time_cpu(|| Corpus::build(input, Vec::new(), lex, &|_, _| {})));
                drop(out);
                (wall, cpu)
            })
            .collect();
        row("Corpus::build", threads, &samples, bytes, docs.len());
    }
    if let [one, all] = pipeline_medians[..] {
        println!(
            "pipeline speed-up with {} threads (wall): {:.2}x; load average after: {}",
            thread_counts[1],
            one.as_secs_f64() / all.as_secs_f64(),
            common::load_average()
        );
    }
    stage_profile(docs, lex, runs.min(3));
}

/// Prints one row of medians and returns the median wall time.
fn row(
    what: &str,
    threads: usize,
    samples: &[(Duration, Duration)],
    bytes: usize,
    articles: usize,
) -> Duration {
    let wall = median(&samples.iter().map(|s| s.0).collect::<Vec<_>>());
    let cpu = median(&samples.iter().map(|s| s.1).collect::<Vec<_>>());
    let s = wall.as_secs_f64();
    println!(
        "| {what} | {threads} | {:.1} ms | {:.1} | {:.0} | {:.1} ms | {:.1} | {} |",
        ms(wall),
        mb(bytes) / s,
        articles as f64 / s,
        ms(cpu),
        mb(bytes) / cpu.as_secs_f64().max(1e-9),
        samples.len()
    );
    wall
}

/// Where the time goes: each stage summed over all documents on one thread, median of `runs` passes.
fn stage_profile(docs: &[Document], lex: &Lexicon, runs: usize) {
    let bytes = common::text_bytes(docs);
    let passes: Vec<[Duration; 6]> = (0..runs)
        .map(|_| {
            let mut times = StageTimes::default();
            for d in docs {
                std::hint::black_box(pipeline::extract_timed(d, lex, &mut times));
            }
            times.as_array()
        })
        .collect();
    let per_stage: Vec<Duration> = (0..6)
        .map(|i| median(&passes.iter().map(|p| p[i]).collect::<Vec<_>>()))
        .collect();
    let total: Duration = per_stage.iter().sum();
    println!(
        "stage profile (1 thread, median of {runs} passes, {:.1} ms in the per-document stages; shares are of that):",
        ms(total)
    );
    println!("| stage | ms | share | MB/s | ms per 5 KB article |");
    println!("|---|---:|---:|---:|---:|");
    // The corpus-level pass of the topic stage runs once over all texts in `Corpus::build`, after
    // the per-document stages; timed here on one thread for the same table.
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    let phrases: Vec<Duration> = (0..runs)
        .map(|_| {
            common::pool(1)
                .install(|| time(|| topics::key_phrases(&texts, &lex.topics)))
                .0
        })
        .collect();
    let rows = StageTimes::NAMES
        .iter()
        .copied()
        .zip(per_stage.iter().copied())
        .chain([("key phrases (corpus pass)", median(&phrases))]);
    for (name, t) in rows {
        let share = t.as_secs_f64() / total.as_secs_f64().max(1e-12) * 100.0;
        println!(
            "| {name} | {:.1} | {share:.1}% | {:.0} | {:.3} |",
            ms(t),
            mb(bytes) / t.as_secs_f64().max(1e-12),
            ms(t) * 5000.0 / bytes.max(1) as f64
        );
    }
}
