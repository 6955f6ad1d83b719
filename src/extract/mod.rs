//! The pure extraction pipeline: from article text to spans of dates, actors, topics, quotes and events.
//!
//! Nothing here touches the terminal, the clock or the file system: documents arrive already read
//! (by `crate::ingest`), and the word lists already loaded (`crate::assets`). A unit test below
//! keeps it so by reading these sources for the modules that do I/O. Each stage is a function over
//! the document's `DocInput` (and the items of the stages before it) returning its items, whose
//! spans point into the document text; `pipeline::extract` composes them for one document and
//! `crate::corpus` assembles documents.

pub mod actors;
pub mod events;
pub mod pipeline;
pub mod quotes;
pub mod segment;
pub mod temporal;
pub mod topics;

use chrono::NaiveDate;

use segment::Segments;

/// One document as every stage reads it, made once per document by the pipeline.
#[derive(Clone, Debug)]
pub struct DocInput<'a> {
    /// The article body; every span of every stage points into it.
    pub text: &'a str,
    /// `text` with its ASCII letters lower-cased: the same length and char boundaries, so offsets
    /// carry over. Temporal and quotes both read it; one copy serves both.
    pub lowered: String,
    pub segments: Segments,
    /// The publication date that relative dates resolve against.
    pub published: Option<NaiveDate>,
}

impl<'a> DocInput<'a> {
    /// The input of the stages for `text` as segmented into `segments`.
    pub fn new(text: &'a str, segments: Segments, published: Option<NaiveDate>) -> Self {
        DocInput {
            text,
            lowered: text.to_ascii_lowercase(),
            segments,
            published,
        }
    }

    /// Segments `text` with `lex` first (for callers outside the pipeline, such as tests).
    pub fn segmented(text: &'a str, lex: &segment::Lexicon, published: Option<NaiveDate>) -> Self {
        Self::new(text, segment::segment(text, lex), published)
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// `extract` is pure: no library source under `src/extract/` names a module that reads or
    /// writes files, the network, processes, the environment or the wall clock, or draws on a
    /// terminal. Tests may read fixtures, so a file's inline `mod tests` (at its end) and the
    /// `tests.rs` files are not read. (`std::time::Instant` is allowed in `pipeline.rs` alone: it
    /// times stages for the benchmarks and never reaches the output.)
    #[test]
    fn extract_sources_do_no_io() {
        let forbidden = [
            "std::fs",
            "std::io",
            "std::net",
            "std::process",
            "std::env",
            "SystemTime",
            "Local::now",
            "Utc::now",
            "crossterm",
            "ratatui",
            "print!",
            "println!",
            "eprint!",
            "eprintln!",
            "dbg!",
        ];
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/extract");
        let mut files = Vec::new();
        collect(&root, &mut files);
        assert!(files.len() > 20, "found the extract sources: {files:?}");
        let mut found = Vec::new();
        for f in &files {
            let text = std::fs::read_to_string(f).unwrap();
            let code = text.split("#[cfg(test)]\nmod tests {").next().unwrap_or("");
            let rel = f.strip_prefix(&root).unwrap().display().to_string();
            for (n, line) in code.lines().enumerate() {
                let mut words: Vec<&str> = forbidden.to_vec();
                if rel != "pipeline.rs" {
                    words.push("Instant");
                }
                for word in words.into_iter().filter(|w| line.contains(w)) {
                    found.push(format!("src/extract/{rel}:{}: {word}", n + 1));
                }
            }
        }
        assert!(
            found.is_empty(),
            "I/O in the pure pipeline:\n{}",
            found.join("\n")
        );
    }

    fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                collect(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") && !p.ends_with("tests.rs") {
                out.push(p);
            }
        }
    }
}
