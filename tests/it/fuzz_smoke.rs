//! The fuzz targets (`fuzz/`, run with cargo-fuzz outside CI) on a fixed budget in every test
//! run: each committed seed, then a fixed number of mutations of them from a fixed random seed, so
//! a failure here is reproducible and a class the fuzzer found stays found.

#[path = "../../fuzz/src/targets.rs"]
#[allow(dead_code)]
mod targets;

use std::path::Path;

/// Mutations per target: a few seconds of a debug build in all.
const MUTATIONS: usize = 48;

/// A small xorshift generator: the test needs repeatable bytes, not good randomness.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Pieces that make parsers take unusual paths.
const TOKENS: &[&[u8]] = &[
    b"---\n",
    b"\r",
    b"\r\n",
    b"\n\n",
    b"\"",
    "\u{201c}".as_bytes(),
    "\u{201d}".as_bytes(),
    b"{\"id\":\"a\",\"text\":\"",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\0",
    b"\x1b[2J",
    b"9999-12-31",
    b"0000-01-01",
    b"last week ",
    b"said ",
    b"Big Name ",
    b"2025 ",
    b"\xc3",
];

fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut v = seed.to_vec();
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(v.len() + 1);
        match rng.below(5) {
            0 if !v.is_empty() => {
                let i = rng.below(v.len());
                v[i] ^= 1 << rng.below(8);
            }
            1 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                v.splice(at..at, t.iter().copied());
            }
            2 if at < v.len() => {
                let end = (at + rng.below(64)).min(v.len());
                v.drain(at..end);
            }
            3 => {
                let end = (at + rng.below(32)).min(v.len());
                let piece = v[at..end].repeat(1 + rng.below(16));
                v.splice(at..at, piece);
            }
            _ => v.push(rng.next() as u8),
        }
    }
    v
}

fn seeds(target: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let seeds: Vec<Vec<u8>> = files.iter().map(|p| std::fs::read(p).unwrap()).collect();
    assert!(!seeds.is_empty(), "{} has seeds", dir.display());
    seeds
}

fn smoke(target: &str, run: fn(&[u8])) {
    let seeds = seeds(target);
    for s in &seeds {
        run(s);
    }
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ target.len() as u64);
    for _ in 0..MUTATIONS {
        let s = &seeds[rng.below(seeds.len())];
        run(&mutate(&mut rng, s));
    }
}

#[test]
fn fuzz_ingest() {
    smoke("ingest", targets::ingest);
    targets::remove_scratch();
}

#[test]
fn fuzz_pipeline() {
    smoke("pipeline", targets::pipeline);
}

#[test]
fn fuzz_front_matter() {
    smoke("front_matter", targets::front_matter);
}

#[test]
#[ignore = "slow: the full suite runs it (cargo test -- --include-ignored, as CI does)"]
fn fuzz_browser() {
    smoke("browser", targets::browser);
}
