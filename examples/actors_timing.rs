//! Times the actor stage on the seed article: `cargo run --release --features dev-tools --example actors_timing`.

use dateline::assets::Assets;
use dateline::extract::{DocInput, actors, segment};

fn main() {
    let text = include_str!("../tests/fixtures/seed-000.body.txt");
    let assets = Assets::builtin();
    let seg_lex = segment::Lexicon::load(&assets);
    let start = std::time::Instant::now();
    let lex = actors::Lexicon::load(&assets);
    let load = start.elapsed();
    let doc = DocInput::segmented(text, &seg_lex, None);
    let runs = 2000;
    let start = std::time::Instant::now();
    let mut found = 0;
    for _ in 0..runs {
        found += actors::extract(&doc, &lex).len();
    }
    let per = start.elapsed() / runs;
    println!(
        "{} bytes, lexicon {load:?}, {per:?} per document, {:.1} MB/s, {} actors",
        text.len(),
        text.len() as f64 / per.as_secs_f64() / 1e6,
        found / runs as usize
    );
}
